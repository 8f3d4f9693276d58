//! Practice quizzes: the questions come with their answers and are graded in the browser by
//! the same Rust code the server uses (`crate::quiz::feedback_prerendered`, on questions whose
//! markdown the server rendered). Nothing is recorded but the lesson's completion.

use leptos::prelude::*;

use super::answer::{initial_response, is_answered, AnswerWidget};
use super::{FeedbackBox, BUTTON_LIGHT};
use crate::components::progress::{self, LiveProgress};
use crate::error::AppError;
use crate::models::{PracticeQuestion, PracticeQuiz, QuestionFeedback};
use crate::quiz::feedback_prerendered;

/// A practice quiz with "Check" per question and "Mark complete", for the `questions` the
/// lesson page loaded.
#[component]
pub fn PracticePanel(
    lesson_id: i64,
    questions: Result<PracticeQuiz, AppError>,
    live: LiveProgress,
    enrolled: bool,
) -> impl IntoView {
    let done = move || {
        live.0.with(|p| {
            p.as_ref()
                .and_then(|p| p.lessons.iter().find(|l| l.lesson_id == lesson_id))
                .is_some_and(|l| l.completed)
        })
    };
    view! {
        <p class="text-sm text-slate-600">"Practice as often as you like: nothing here is graded or recorded."</p>
        {match questions {
            Ok(quiz) => quiz.questions.into_iter().enumerate()
                .map(|(i, q)| view! { <PracticeItem i q /> })
                .collect_view().into_any(),
            Err(error) => view! { <p role="alert" class="text-red-700">{error.to_string()}</p> }.into_any(),
        }}
        {enrolled.then(|| view! {
            <div class="pt-2">
                {move || if done() {
                    view! { <p class="font-medium text-emerald-700" data-testid="lesson-done">"✓ Lesson complete"</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800"
                            on:click=move |_| progress::record(lesson_id, "completed", None, None, live)>"Mark complete"</button>
                    }.into_any()
                }}
            </div>
        })}
    }
}

#[component]
fn PracticeItem(i: usize, q: PracticeQuestion) -> impl IntoView {
    let PracticeQuestion {
        presented,
        question,
        presentation,
    } = q;
    let response = RwSignal::new(initial_response(&presented, None));
    let checked = RwSignal::new(None::<QuestionFeedback>);
    let graded = StoredValue::new((question, presentation));
    // Changing the answer after checking hides the old feedback.
    let on_change = Callback::new(move |_: bool| checked.set(None));
    let check = move |_| {
        let r = response.get_untracked();
        checked.set(Some(
            graded.with_value(|(q, p)| feedback_prerendered(q, p, r.as_ref())),
        ));
    };
    view! {
        <div class="space-y-3 border-t border-slate-200 pt-4">
            <AnswerWidget id_base=format!("p{i}") heading=format!("Question {}", i + 1) question=presented
                response locked=false on_change />
            <button type="button" class=BUTTON_LIGHT disabled=move || !is_answered(&response.get()) on:click=check>"Check"</button>
            {move || checked.get().map(|feedback| view! { <FeedbackBox feedback /> })}
        </div>
    }
}
