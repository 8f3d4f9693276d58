//! Quizzes for learners: the quiz panel of a quiz lesson, practice quizzes graded in the
//! browser, the attempt player and the result page (also shown to instructors).

mod answer;
mod countdown;
mod feedback_view;
mod local;
mod panel;
mod player;
mod practice;
mod result;
mod retry;
mod review;
mod save_queue;
mod submit;
pub(crate) mod time;

pub use answer::AnswerWidget;
pub use feedback_view::FeedbackBox;
pub use panel::{LessonQuiz, QuizPanel};
pub use player::AttemptPage;
pub use result::{AttemptResultPage, ResultView};

/// Classes of the primary button.
const BUTTON: &str = "rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60";
/// Classes of a secondary button.
const BUTTON_LIGHT: &str = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/// The attempt pages' route parameters: course slug, lesson slug and attempt id (`None` when
/// the id is not a number). Read it synchronously, before any `.await`.
pub(crate) fn attempt_route(
) -> impl Fn() -> (String, String, Option<i64>) + Copy + Send + Sync + 'static {
    use leptos::prelude::With;
    let params = leptos_router::hooks::use_params_map();
    move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("lesson").unwrap_or_default(),
                p.get("id").and_then(|s| s.parse::<i64>().ok()),
            )
        })
    }
}

/// The attempt player's address.
pub(crate) fn attempt_href(course: &str, lesson: &str, attempt: i64) -> String {
    format!("/courses/{course}/lessons/{lesson}/attempts/{attempt}")
}

/// A score with at most two decimals and no trailing zeros ("1.5", "2").
pub(crate) fn format_score(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A percentage, rounded to a whole number ("67%").
pub(crate) fn format_percent(value: f64) -> String {
    format!("{value:.0}%")
}

#[cfg(test)]
mod tests {
    use super::{format_percent, format_score};

    #[test]
    fn scores_drop_trailing_zeros() {
        assert_eq!(format_score(2.0), "2");
        assert_eq!(format_score(1.5), "1.5");
        assert_eq!(format_score(0.3333), "0.33");
        assert_eq!(format_percent(66.6), "67%");
    }
}
