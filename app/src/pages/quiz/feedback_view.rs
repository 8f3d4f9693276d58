//! Feedback on one answer: verdict, score, the feedback texts and the correct answer.

use leptos::prelude::*;

use crate::models::{QuestionFeedback, Verdict};

/// The verdict's words and colours.
pub(crate) fn verdict_label(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Correct => (
            "Correct",
            "border-emerald-200 bg-emerald-50 text-emerald-900",
        ),
        Verdict::Partial => (
            "Partly correct",
            "border-amber-200 bg-amber-50 text-amber-900",
        ),
        Verdict::Incorrect => ("Incorrect", "border-red-200 bg-red-50 text-red-900"),
        Verdict::Unanswered => (
            "Not answered",
            "border-slate-200 bg-slate-50 text-slate-800",
        ),
    }
}

/// A question's feedback box.
#[component]
pub fn FeedbackBox(feedback: QuestionFeedback) -> impl IntoView {
    let (label, class) = verdict_label(feedback.verdict);
    view! {
        <div class=format!("space-y-2 rounded-lg border p-4 {class}") data-testid="question-feedback">
            <p class="font-semibold">
                {label}
                <span class="ml-2 font-normal">
                    {format!("{} / {} points", super::format_score(feedback.score), super::format_score(feedback.max))}
                </span>
            </p>
            {feedback.feedback_html.into_iter().map(|html| view! {
                <div class="prose prose-slate max-w-none text-sm" inner_html=html></div>
            }).collect_view()}
            {(feedback.verdict != Verdict::Correct).then(|| view! {
                <CorrectAnswers answers=feedback.correct_answers_html.clone() in_order=feedback.correct_in_order />
            })}
        </div>
    }
}

/// The correct answer: one inline, several as a list (numbered when their order is the answer).
#[component]
fn CorrectAnswers(answers: Vec<String>, in_order: bool) -> impl IntoView {
    let item = "[&_p]:inline";
    match answers.len() {
        0 => ().into_any(),
        1 => view! {
            <p class="text-sm" data-testid="correct-answers">
                <span class="font-medium">"Correct answer: "</span>
                <span class=item inner_html=answers[0].clone()></span>
            </p>
        }
        .into_any(),
        _ => {
            let items = answers
                .into_iter()
                .map(|html| view! { <li class=item inner_html=html></li> })
                .collect_view();
            view! {
                <div class="text-sm" data-testid="correct-answers">
                    <p class="font-medium">{if in_order { "Correct order:" } else { "Correct answers:" }}</p>
                    {if in_order {
                        view! { <ol class="list-decimal space-y-1 pl-6">{items}</ol> }.into_any()
                    } else {
                        view! { <ul class="list-disc space-y-1 pl-6">{items}</ul> }.into_any()
                    }}
                </div>
            }
            .into_any()
        }
    }
}
