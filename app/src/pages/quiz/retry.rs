//! What a learner can do after a result: after a fail, "Try again" first (it starts a new
//! attempt at once); when no attempt is left, why, and the way on through the course.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{attempt_href, BUTTON, BUTTON_LIGHT};
use crate::api::quiz::start_attempt;

/// The result page's actions for the attempt's owner.
#[component]
pub fn ResultActions(
    passed: bool,
    /// Whether the server would start (or resume) an attempt now.
    can_retry: bool,
    /// Why not, when it would not.
    blocked: Option<String>,
    lesson_id: i64,
    /// Course and lesson slugs, for the new attempt's address and the course page.
    course: String,
    lesson: String,
) -> impl IntoView {
    let quiz_href = format!("/courses/{course}/lessons/{lesson}");
    let course_href = format!("/courses/{course}");
    let starting = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let try_again = move |_| {
        starting.set(true);
        error.set(None);
        let navigate = navigate.clone();
        let (course, lesson) = (course.clone(), lesson.clone());
        leptos::task::spawn_local(async move {
            match start_attempt(lesson_id).await {
                Ok(view) => navigate(
                    &attempt_href(&course, &lesson, view.id),
                    NavigateOptions::default(),
                ),
                Err(e) => {
                    starting.set(false);
                    error.set(Some(format!("A new attempt could not start: {e}")));
                }
            }
        });
    };
    let retry_button = move |class: &'static str| {
        view! {
            <button type="button" class=class disabled=move || starting.get() on:click=try_again.clone()>
                {move || if starting.get() { "Starting…" } else { "Try again" }}
            </button>
        }
    };
    let actions = match (passed, can_retry) {
        (false, true) => view! {
            {retry_button(BUTTON)}
            <a href=quiz_href class=BUTTON_LIGHT>"Back to the quiz"</a>
        }
        .into_any(),
        (false, false) => view! {
            <a href=course_href class=BUTTON>"Continue with the course"</a>
            <a href=quiz_href class=BUTTON_LIGHT>"Back to the quiz"</a>
        }
        .into_any(),
        (true, true) => view! {
            <a href=quiz_href class=BUTTON>"Back to the quiz"</a>
            {retry_button(BUTTON_LIGHT)}
        }
        .into_any(),
        (true, false) => view! {
            <a href=quiz_href class=BUTTON>"Back to the quiz"</a>
            <a href=course_href class=BUTTON_LIGHT>"Continue with the course"</a>
        }
        .into_any(),
    };
    view! {
        <div class="space-y-3" data-testid="result-actions">
            {(!can_retry).then(|| blocked.map(|reason| view! {
                <p class="text-slate-700" data-testid="retry-blocked">{reason}</p>
            }))}
            <div class="flex flex-wrap items-center gap-3">{actions}</div>
            <p role="alert" class="text-sm text-red-700">{move || error.get()}</p>
        </div>
    }
}
