//! The import page's preview: each question read from the file with its answers, credits,
//! feedback and tags, the notes to check flagged, and the problems of its line.

use leptos::prelude::*;

use crate::models::{AnswerRow, ImportPreview, LineError, PreviewQuestion};

/// "1 question", "3 questions".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many questions of `preview` carry notes to check.
pub(super) fn to_check(preview: &ImportPreview) -> usize {
    preview
        .questions
        .iter()
        .filter(|q| !q.notes.is_empty())
        .count()
}

/// The problems of a preview or a failed import, each with its line.
#[component]
pub(super) fn ProblemList(errors: Vec<LineError>) -> impl IntoView {
    view! {
        <ul class="mt-2 list-disc pl-5 text-sm break-words" data-testid="import-errors">
            {errors.into_iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.message)}</li> }).collect_view()}
        </ul>
    }
}

/// The questions of `preview`, one card each.
#[component]
pub(super) fn PreviewList(preview: ImportPreview) -> impl IntoView {
    let title = format!(
        "Preview: {}",
        count(preview.questions.len(), "question", "questions")
    );
    let errors = preview.errors;
    view! {
        <h2 class="text-xl font-semibold">{title}</h2>
        <ol class="space-y-4" data-testid="import-preview">
            {preview.questions.into_iter().map(|q| {
                let problems: Vec<String> = errors.iter().filter(|e| e.line == q.line).map(|e| e.message.clone()).collect();
                view! { <PreviewItem question=q problems /> }
            }).collect_view()}
        </ol>
    }
}

/// `credit` percent as shown ("50%", "-33.33%").
fn credit_text(credit: f64) -> String {
    format!("{credit}%")
}

#[component]
fn PreviewItem(question: PreviewQuestion, problems: Vec<String>) -> impl IntoView {
    let q = question;
    let flagged = !q.notes.is_empty();
    let border = if !problems.is_empty() {
        "border-red-300"
    } else if flagged {
        "border-amber-300"
    } else {
        "border-slate-200"
    };
    let heading = format!(
        "Line {}: {}, {} point{}",
        q.line,
        q.kind.label(),
        q.points,
        if q.points == 1.0 { "" } else { "s" }
    );
    view! {
        <li class=format!("min-w-0 space-y-2 rounded-lg border {border} p-4 break-words")>
            <h3 class="text-sm font-semibold text-slate-600">{heading}</h3>
            <p class="font-medium">{q.stem}</p>
            {(!problems.is_empty()).then(|| view! {
                <div role="note" class="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                    <p class="font-semibold">"Fix:"</p>
                    <ul class="list-disc pl-5">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
            {flagged.then(|| view! {
                <div role="note" class="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="import-check">
                    <p class="font-semibold">"Check:"</p>
                    <ul class="list-disc pl-5">{q.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            })}
            <ul class="space-y-1 text-sm" aria-label="Answers">
                {q.answers.into_iter().map(|a| view! { <Answer row=a /> }).collect_view()}
            </ul>
            {(!q.details.is_empty()).then(|| view! {
                <p class="text-sm text-slate-600">{q.details.join(" ")}</p>
            })}
            {(!q.general_feedback.trim().is_empty()).then(|| view! {
                <p class="text-sm text-slate-600"><span class="font-medium">"General feedback: "</span>{q.general_feedback}</p>
            })}
            {(!q.tags.is_empty()).then(|| view! {
                <p class="text-sm text-slate-600"><span class="font-medium">"Tags: "</span>{q.tags.join(", ")}</p>
            })}
        </li>
    }
}

#[component]
fn Answer(row: AnswerRow) -> impl IntoView {
    view! {
        <li class="flex min-w-0 flex-wrap items-baseline gap-x-2">
            {row.credit.map(|c| view! {
                <span class="shrink-0 rounded bg-slate-100 px-1.5 font-mono text-xs text-slate-700">
                    <span class="sr-only">"Credit "</span>{credit_text(c)}
                </span>
            })}
            <span class="min-w-0 break-words">{row.text}</span>
            {row.mark.map(|m| view! {
                <span class="rounded bg-indigo-50 px-1.5 text-xs text-indigo-800">{m}</span>
            })}
            {(!row.feedback.trim().is_empty()).then(|| view! {
                <span class="min-w-0 basis-full break-words text-slate-600">"Feedback: "{row.feedback}</span>
            })}
        </li>
    }
}
