//! `/teach/attempts/:id`: an instructor drills into a learner's attempt from the gradebook:
//! every answer with its verdict, feedback and the correct answer.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::quiz::get_attempt_result;
use crate::components::ErrorView;
use crate::error::AppError;
use crate::pages::quiz::ResultView;

/// The attempt page for instructors.
#[component]
pub fn TeachAttemptPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let result = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_attempt_result(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="p-10 text-slate-500">"Loading the attempt…"</p> }>
            {move || Suspend::new(async move {
                match result.await {
                    Ok(result) => {
                        let back = format!("/teach/lessons/{}/quiz-stats", result.lesson_id);
                        view! { <ResultView result back_href=back back_label="Quiz statistics".to_owned() learner=false /> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
