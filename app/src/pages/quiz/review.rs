//! A submitted answer, read-only: the question as the learner saw it with what they answered,
//! and, once feedback is allowed, each option marked right or wrong (in words and an icon, not
//! by colour alone). No inputs: nothing on a result page looks editable.

use leptos::prelude::*;

use super::answer::strip_tags;
use crate::models::PresentedQuestion;
use crate::quiz::{QuestionKind, Response};

/// One option as shown on a result: its text, whether the learner picked it and, when feedback
/// is shown, whether it is a right one.
struct ShownOption {
    html: String,
    picked: bool,
    right: Option<bool>,
}

/// A question of a submitted attempt with the learner's answer.
#[component]
pub fn AnswerReview(
    /// Unique prefix for element ids (e.g. `r3`).
    id_base: String,
    /// "Question 3".
    heading: String,
    question: PresentedQuestion,
    response: Option<Response>,
    /// For choice and true/false questions once feedback is shown: whether each option (as
    /// shown) is right.
    option_right: Option<Vec<bool>>,
    /// Seen by the learner who answered ("Your choice") rather than an instructor ("Learner's
    /// choice").
    own: bool,
) -> impl IntoView {
    let whose = if own { "Your" } else { "Learner's" };
    let points = super::format_score(question.points);
    let points_label = format!(
        "{points} point{}",
        if question.points == 1.0 { "" } else { "s" }
    );
    let right = |i: usize| option_right.as_ref().and_then(|r| r.get(i).copied());
    let answer = match (question.kind, &response) {
        (QuestionKind::SingleChoice | QuestionKind::MultipleChoice, _) => {
            let picked: Vec<u32> = match &response {
                Some(Response::SingleChoice(id)) => vec![*id],
                Some(Response::MultipleChoice(ids)) => ids.clone(),
                _ => Vec::new(),
            };
            let options = question
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| ShownOption {
                    html: c.html.clone(),
                    picked: picked.contains(&c.id),
                    right: right(i),
                })
                .collect();
            options_list(options, whose).into_any()
        }
        (QuestionKind::TrueFalse, _) => {
            let given = match &response {
                Some(Response::TrueFalse(b)) => Some(*b),
                _ => None,
            };
            let options = [("True", true), ("False", false)]
                .into_iter()
                .enumerate()
                .map(|(i, (text, value))| ShownOption {
                    html: text.to_owned(),
                    picked: given == Some(value),
                    right: right(i),
                })
                .collect();
            options_list(options, whose).into_any()
        }
        (_, None) => ().into_any(),
        (_, Some(Response::ShortText(text)) | Some(Response::Numeric(text))) => view! {
            <p><span class="font-medium">{format!("{whose} answer: ")}</span><span class="whitespace-pre-wrap">{text.clone()}</span></p>
        }
        .into_any(),
        (_, Some(Response::Ordering(ids))) => {
            let items = ids
                .iter()
                .map(|id| choice_text(&question, *id))
                .map(|text| view! { <li>{text}</li> })
                .collect_view();
            view! {
                <div>
                    <p class="font-medium">{format!("{whose} order:")}</p>
                    <ol class="list-decimal space-y-1 pl-6" data-testid="your-order">{items}</ol>
                </div>
            }
            .into_any()
        }
        (_, Some(Response::Matching(picks))) => {
            let rows = question
                .prompts
                .iter()
                .enumerate()
                .map(|(i, prompt)| {
                    let chosen = picks
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or_else(|| "(none)".to_owned(), |id| choice_text(&question, id));
                    view! { <li>{format!("{} → {chosen}", strip_tags(prompt))}</li> }
                })
                .collect_view();
            view! {
                <div>
                    <p class="font-medium">{format!("{whose} matches:")}</p>
                    <ul class="list-disc space-y-1 pl-6">{rows}</ul>
                </div>
            }
            .into_any()
        }
        (_, Some(Response::FillBlanks(given))) => {
            let rows = given
                .iter()
                .enumerate()
                .map(|(i, text)| view! { <li>{format!("Blank {}: {text}", i + 1)}</li> })
                .collect_view();
            view! {
                <div>
                    <p class="font-medium">{format!("{whose} answers:")}</p>
                    <ul class="list-disc space-y-1 pl-6">{rows}</ul>
                </div>
            }
            .into_any()
        }
        (_, Some(_)) => ().into_any(),
    };
    let blanks_text = (question.kind == QuestionKind::FillBlanks).then(|| {
        let text = question.blank_parts.join(" ___ ");
        view! { <p class="whitespace-pre-wrap text-slate-700">{text}</p> }
    });
    view! {
        <div class="space-y-4" data-testid=format!("{id_base}-review")>
            <div class="flex items-baseline justify-between gap-4">
                <h2 class="text-lg font-semibold" id=format!("{id_base}-heading")>{heading}</h2>
                <span class="text-sm text-slate-500">{points_label}</span>
            </div>
            <div class="prose prose-slate max-w-none" inner_html=question.stem_html></div>
            {blanks_text}
            {answer}
        </div>
    }
}

/// The plain text of the option, item or answer shown at display position `id`.
fn choice_text(question: &PresentedQuestion, id: u32) -> String {
    question
        .choices
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| "(unknown)".to_owned(), |c| strip_tags(&c.html))
}

/// The options as a list, each marked "Your choice" (or the learner's) and, when known,
/// "Correct" or "Incorrect".
fn options_list(options: Vec<ShownOption>, whose: &'static str) -> impl IntoView {
    let badge = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold";
    view! {
        <ul class="space-y-2" aria-label="Options">
            {options.into_iter().map(|o| {
                let frame = match (o.right, o.picked) {
                    (Some(true), _) => "border-emerald-300 bg-emerald-50",
                    (Some(false), true) => "border-red-300 bg-red-50",
                    _ => "border-slate-200 bg-white",
                };
                view! {
                    <li class=format!("flex flex-wrap items-center gap-2 rounded-lg border p-3 {frame}")>
                        <span class="min-w-0 flex-1 [&_p]:inline" inner_html=o.html></span>
                        {o.picked.then(|| view! {
                            <span class=format!("{badge} bg-indigo-100 text-indigo-900")>
                                <span aria-hidden="true">"●"</span>{format!("{whose} choice")}
                            </span>
                        })}
                        {o.right.map(|right| if right {
                            view! {
                                <span class=format!("{badge} bg-emerald-100 text-emerald-900")>
                                    <span aria-hidden="true">"✓"</span>"Correct"
                                </span>
                            }.into_any()
                        } else {
                            view! {
                                <span class=format!("{badge} bg-red-100 text-red-900")>
                                    <span aria-hidden="true">"✗"</span>"Incorrect"
                                </span>
                            }.into_any()
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
