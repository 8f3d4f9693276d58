//! `/teach/attempts/:id`: an instructor drills into a learner's attempt from the gradebook:
//! every answer with its verdict, feedback and the correct answer.

use leptos::prelude::*;

use crate::api::quiz::get_attempt_result;
use crate::pages::quiz::ResultView;

/// The attempt page for instructors.
#[component]
pub fn TeachAttemptPage() -> impl IntoView {
    super::super::by_route_id(get_attempt_result, "Loading the attempt…", |result| {
        let back = format!("/teach/lessons/{}/quiz-stats", result.lesson_id);
        view! { <ResultView result back_href=back back_label="Quiz statistics".to_owned() learner=false /> }
            .into_any()
    })
}
