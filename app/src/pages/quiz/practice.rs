//! Practice quizzes: the questions come with their answers and are graded in the browser by
//! the same Rust code the server uses (`crate::quiz::feedback`). Nothing is recorded but the
//! lesson's completion.

use leptos::prelude::*;

use super::answer::{is_answered, AnswerWidget};
use super::{FeedbackBox, BUTTON_LIGHT};
use crate::api::quiz::get_practice_quiz;
use crate::components::progress::{self, LiveProgress};
use crate::models::{PracticeQuestion, QuestionFeedback};
use crate::quiz::{feedback, Response};

/// A practice quiz with "Check" per question and "Mark complete".
#[component]
pub fn PracticePanel(lesson_id: i64, live: LiveProgress, enrolled: bool) -> impl IntoView {
    let quiz = Resource::new(move || lesson_id, get_practice_quiz);
    let done = move || {
        live.0.with(|p| {
            p.as_ref()
                .and_then(|p| p.lessons.iter().find(|l| l.lesson_id == lesson_id))
                .is_some_and(|l| l.completed)
        })
    };
    view! {
        <p class="text-sm text-slate-600">"Practice as often as you like: nothing here is graded or recorded."</p>
        <Suspense fallback=|| view! { <p class="text-slate-500">"Loading questions…"</p> }>
            {move || Suspend::new(async move {
                match quiz.await {
                    Ok(quiz) => quiz.questions.into_iter().enumerate()
                        .map(|(i, q)| view! { <PracticeItem i q /> })
                        .collect_view().into_any(),
                    Err(error) => view! { <p role="alert" class="text-red-700">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
        {enrolled.then(|| view! {
            <div class="pt-2">
                {move || if done() {
                    view! { <p class="font-medium text-emerald-700" data-testid="lesson-done">"✓ Lesson complete"</p> }.into_any()
                } else {
                    view! {
                        <button type="button" class="rounded-lg bg-emerald-600 px-4 py-2 font-semibold text-white hover:bg-emerald-700"
                            on:click=move |_| progress::record(lesson_id, "completed", None, None, live)>"Mark complete"</button>
                    }.into_any()
                }}
            </div>
        })}
    }
}

#[component]
fn PracticeItem(i: usize, q: PracticeQuestion) -> impl IntoView {
    let response = RwSignal::new(None::<Response>);
    let checked = RwSignal::new(None::<QuestionFeedback>);
    let PracticeQuestion {
        presented,
        question,
        presentation,
    } = q;
    let graded = StoredValue::new((question, presentation));
    // Changing the answer after checking hides the old feedback.
    let on_change = Callback::new(move |_: bool| checked.set(None));
    let check = move |_| {
        let r = response.get_untracked();
        checked.set(Some(graded.with_value(|(q, p)| feedback(q, p, r.as_ref()))));
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
