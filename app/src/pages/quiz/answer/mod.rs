//! The answer widgets, one per question type: radios (single choice, true/false), checkboxes
//! (multiple choice), a text input (short text), a number and unit (numeric), a list with
//! Up/Down buttons (ordering), a select per prompt (matching) and inline inputs (fill blanks).

use leptos::prelude::*;

use crate::models::PresentedQuestion;
use crate::quiz::{QuestionKind, Response};

mod arrange;
mod choice;
mod text;

use arrange::{matching, ordering};
use choice::{checkboxes, choice_radios};
use text::{blanks, numeric, short_text};

/// Classes of a text input.
const INPUT: &str = "rounded-lg border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:bg-slate-100";
/// Classes of the small Up/Down buttons.
const SMALL_BUTTON: &str = "min-h-6 min-w-6 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50 disabled:opacity-40";

/// What every answer input of one question shares: the learner's answer, whether the inputs
/// are locked, and who hears of a change.
#[derive(Clone, Copy)]
struct Answer {
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    on_change: Callback<bool>,
}

impl Answer {
    /// Stores `r` as the answer and reports the change (`typing` for text, which callers
    /// debounce).
    fn set(self, r: Response, typing: bool) {
        self.response.set(Some(r));
        self.on_change.run(typing);
    }
}

/// A question's stem and its answer inputs. `on_change(typing)` runs after every change the
/// learner makes (`typing` for text, which callers debounce). `locked` disables the inputs.
#[component]
pub fn AnswerWidget(
    /// Unique prefix for element ids (e.g. `q3`).
    id_base: String,
    /// "Question 3" — a heading above the stem.
    heading: String,
    question: PresentedQuestion,
    response: RwSignal<Option<Response>>,
    #[prop(into)] locked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let stem_id = format!("{id_base}-stem");
    let points = super::format_score(question.points);
    let points_label = format!(
        "{points} point{}",
        if question.points == 1.0 { "" } else { "s" }
    );
    let answer = Answer {
        response,
        locked,
        on_change,
    };
    let inputs = match question.kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse => {
            choice_radios(&id_base, &question, answer).into_any()
        }
        QuestionKind::MultipleChoice => checkboxes(&id_base, &question, answer).into_any(),
        QuestionKind::ShortText => short_text(&id_base, answer).into_any(),
        QuestionKind::Numeric => numeric(&id_base, question.unit.clone(), answer).into_any(),
        QuestionKind::Ordering => ordering(&id_base, &question, answer).into_any(),
        QuestionKind::Matching => matching(&id_base, &question, answer).into_any(),
        QuestionKind::FillBlanks => blanks(&id_base, &question, answer).into_any(),
    };
    view! {
        <fieldset class="space-y-4" aria-labelledby=stem_id.clone() data-testid=format!("{id_base}-question")>
            <div class="flex items-baseline justify-between gap-4">
                <h2 class="text-lg font-semibold" tabindex="-1" id=format!("{id_base}-heading")>{heading}</h2>
                <span class="text-sm text-slate-500">{points_label}</span>
            </div>
            <div id=stem_id.clone() class="prose prose-slate max-w-none" inner_html=question.stem_html></div>
            {inputs}
        </fieldset>
    }
}

/// The text of a small HTML fragment (options shown inside `<option>` or labels).
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim()
        .to_owned()
}

/// The answer a question starts with in the browser: what was saved, or for an ordering
/// question the items in the order shown (an ordering answer is whatever order is submitted,
/// moved or not; the server grades an untouched one the same way).
pub fn initial_response(q: &PresentedQuestion, saved: Option<Response>) -> Option<Response> {
    match (saved, q.kind) {
        (Some(saved), _) => Some(saved),
        (None, QuestionKind::Ordering) => {
            Some(Response::Ordering(q.choices.iter().map(|c| c.id).collect()))
        }
        (None, _) => None,
    }
}

/// Whether a response counts as answered (empty text and no picks do not).
pub fn is_answered(response: &Option<Response>) -> bool {
    match response {
        None => false,
        Some(Response::MultipleChoice(ids)) => !ids.is_empty(),
        Some(Response::ShortText(t)) | Some(Response::Numeric(t)) => !t.trim().is_empty(),
        Some(Response::Matching(v)) => v.iter().any(Option::is_some),
        Some(Response::FillBlanks(v)) => v.iter().any(|t| !t.trim().is_empty()),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped() {
        assert_eq!(strip_tags("<p>A &amp; <em>B</em></p>"), "A & B");
    }

    #[test]
    fn blank_answers_do_not_count() {
        assert!(!is_answered(&None));
        assert!(!is_answered(&Some(Response::ShortText("  ".into()))));
        assert!(is_answered(&Some(Response::TrueFalse(false))));
    }
}
