//! `/courses/:slug/lessons/:lesson/attempts/:id/result`: a submitted attempt's score, and
//! each answer with its verdict and feedback when the quiz's rule allows. The same view shows
//! instructors an attempt from the gradebook.

use leptos::prelude::*;
use leptos_meta::Title;

use super::retry::ResultActions;
use super::review::AnswerReview;
use super::{format_percent, format_score, FeedbackBox};
use crate::api::quiz::get_attempt_result;
use crate::components::{BackLink, ErrorView};
use crate::error::AppError;
use crate::format::LocalTime;
use crate::models::AttemptResult;
use crate::pages::courses::{course_completed, CourseCompleteNotice};

/// The learner's result page.
#[component]
pub fn AttemptResultPage() -> impl IntoView {
    let key = super::attempt_route();
    // The page's only resource: whether a pass completed the course is loaded with the
    // result (a resource made inside the `Suspend` below would break hydration).
    let result = Resource::new(
        move || {
            let (course, _, id) = key();
            (course, id)
        },
        |(course, id)| async move {
            let result = match id {
                Some(id) => get_attempt_result(id).await?,
                None => return Err(AppError::NotFound),
            };
            // Passing the last quiz may complete the course: the server says.
            let completed = result.passed && course_completed(course).await;
            Ok((result, completed))
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="mx-auto max-w-3xl px-4 py-10 text-slate-500">"Loading your result…"</p> }>
            {move || {
                let (course, lesson, _) = key();
                Suspend::new(async move {
                    match result.await {
                        Ok((result, completed)) => {
                            let back = format!("/courses/{course}/lessons/{lesson}");
                            let notice = completed.then(|| {
                                let course_slug = course.clone();
                                view! { <div class="mx-auto max-w-3xl px-4 pt-6"><CourseCompleteNotice course_slug /></div> }
                            });
                            view! { {notice} <ResultView result back_href=back back_label="Back to the quiz".to_owned() learner=true slugs=(course, lesson) /> }.into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A submitted attempt: score, pass or fail, and each question with the answer given.
#[component]
pub fn ResultView(
    result: AttemptResult,
    back_href: String,
    back_label: String,
    /// Shown to the learner (offers another try) rather than an instructor.
    learner: bool,
    /// The course and lesson slugs, for the learner's "Try again".
    #[prop(optional)]
    slugs: Option<(String, String)>,
) -> impl IntoView {
    let (badge, badge_class) = if result.passed {
        ("Passed", "bg-emerald-100 text-emerald-800")
    } else {
        ("Not passed", "bg-red-100 text-red-800")
    };
    let title = if learner {
        format!("Result: {}", result.quiz_title)
    } else {
        format!("{} — {}", result.learner_name, result.quiz_title)
    };
    let questions = result.questions.clone();
    view! {
        <Title text=title.clone() />
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <BackLink href=back_href.clone() label=back_label />
            <header class="space-y-2">
                <h1 class="text-3xl font-bold tracking-tight" tabindex="-1">{title}</h1>
                <p class="text-sm text-slate-500">
                    {format!("Attempt {} · submitted ", result.number)}
                    <LocalTime at=result.submitted_at.clone() />
                </p>
            </header>
            <section class="flex flex-wrap items-center gap-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-label="Score" data-testid="attempt-score">
                <p class="text-4xl font-bold">{format_percent(result.percent)}</p>
                <p class="text-slate-700">{format!("{} of {} points", format_score(result.score), format_score(result.max))}</p>
                <span class=format!("rounded-full px-3 py-1 text-sm font-semibold {badge_class}") data-testid="pass-badge">{badge}</span>
            </section>
            {result.auto_submitted.then(|| view! {
                <p role="status" class="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900" data-testid="auto-submitted">
                    "Time ran out, so this attempt was submitted automatically with the answers saved by then."
                </p>
            })}
            {(!result.feedback_shown).then(|| view! {
                <p class="rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700" data-testid="feedback-later">
                    {match &result.feedback_from {
                        Some(when) => view! { "Feedback will be available on " <LocalTime at=when.clone() /> "." }.into_any(),
                        None => "Feedback on each question is not shown for this quiz.".into_any(),
                    }}
                </p>
            })}
            <ol class="space-y-6" role="list">
                {questions.into_iter().enumerate().map(|(i, q)| {
                    let heading = format!("Question {}", i + 1);
                    let option_right = q.feedback.as_ref().map(|f| f.option_right.clone());
                    // The feedback's verdict says "Not answered" when there is feedback.
                    let unanswered = q.response.is_none() && q.feedback.is_none();
                    view! {
                        <li class="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="result-question">
                            <AnswerReview id_base=format!("r{i}") heading question=q.question response=q.response option_right own=learner />
                            {unanswered.then(|| view! { <p class="text-sm italic text-slate-600">"Not answered."</p> })}
                            {q.feedback.map(|feedback| view! { <FeedbackBox feedback /> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {learner.then(|| slugs.map(|(course, lesson)| view! {
                <ResultActions passed=result.passed can_retry=result.can_retry blocked=result.retry_blocked.clone()
                    lesson_id=result.lesson_id course lesson />
            }))}
        </div>
    }
}
