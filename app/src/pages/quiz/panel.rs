//! The quiz panel of a quiz lesson: rules, past attempts and the kept score, and the way in
//! (start, resume, or why not). Practice quizzes open in the browser instead.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::practice::PracticePanel;
use super::time::format_limit;
use super::{attempt_href, format_percent, BUTTON};
use serde::{Deserialize, Serialize};

use crate::api::quiz::{get_practice_quiz, get_quiz, start_attempt};
use crate::components::progress::LiveProgress;
use crate::error::AppError;
use crate::format::LocalTime;
use crate::models::{FeedbackTiming, KeptAttempt, PracticeQuiz, QuizOverview};

/// A quiz lesson's quiz, loaded by the lesson page together with the lesson: the overview,
/// and for a practice quiz its questions.
///
/// The lesson page loads it in its own resource rather than this panel making one: a resource
/// made inside the page's `Suspend` is made again each time the server's `Suspense` re-checks
/// its children, so server and browser would number the page's data differently and hydration
/// would read the wrong data.
#[derive(Clone, Serialize, Deserialize)]
pub struct LessonQuiz {
    /// Rules, attempts and the way in; or why the viewer cannot see the quiz.
    pub overview: Result<QuizOverview, AppError>,
    /// The questions of a practice quiz (`None` for a graded quiz).
    pub practice: Option<Result<PracticeQuiz, AppError>>,
}

impl LessonQuiz {
    /// The quiz of lesson `lesson_id`, as the viewer may see it.
    pub async fn load(lesson_id: i64) -> Self {
        let overview = get_quiz(lesson_id).await;
        let practice = match &overview {
            Ok(o) if o.settings.practice => Some(get_practice_quiz(lesson_id).await),
            _ => None,
        };
        Self { overview, practice }
    }
}

/// Shown in a quiz lesson in place of "Mark complete".
#[component]
pub fn QuizPanel(
    quiz: LessonQuiz,
    course_slug: String,
    lesson_slug: String,
    live: LiveProgress,
    enrolled: bool,
) -> impl IntoView {
    let (course, lesson) = (course_slug, lesson_slug);
    let body = match quiz.overview {
        Ok(o) if o.settings.practice => {
            let lesson_id = o.lesson_id;
            let questions = quiz.practice.unwrap_or(Err(AppError::NotFound));
            view! {
                <h2 id="quiz-title" class="text-xl font-semibold">"Practice quiz"</h2>
                <PracticePanel lesson_id questions live enrolled />
            }
            .into_any()
        }
        Ok(o) => view! { <Overview o course lesson /> }.into_any(),
        Err(AppError::Unauthorized) => view! {
            <h2 id="quiz-title" class="text-xl font-semibold">"Quiz"</h2>
            <p>"Please "<a class="text-indigo-700 underline" href="/signin">"sign in"</a>" to take this quiz."</p>
        }
        .into_any(),
        Err(error) => view! {
            <h2 id="quiz-title" class="text-xl font-semibold">"Quiz"</h2>
            <p role="alert" class="text-red-700">{error.to_string()}</p>
        }
        .into_any(),
    };
    view! {
        <section class="mt-10 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="quiz-title" data-testid="quiz-panel">
            {body}
        </section>
    }
}

fn rules(o: &QuizOverview) -> Vec<(&'static str, String)> {
    let s = &o.settings;
    let used = o.attempts.len();
    let rows = vec![
        ("Questions", o.question_count.to_string()),
        ("Pass mark", format!("{}%", s.pass_percent)),
        (
            "Attempts",
            match s.max_attempts {
                Some(max) => format!("{used} of {max} used"),
                None => format!("{used} used (no limit)"),
            },
        ),
        (
            "Score that counts",
            match s.kept {
                KeptAttempt::Highest => "Your highest",
                KeptAttempt::Last => "Your last",
                KeptAttempt::Average => "The average of your attempts",
            }
            .to_owned(),
        ),
        (
            "Time limit",
            match (s.time_limit_seconds, s.grace_seconds) {
                (None, _) => "None".to_owned(),
                (Some(limit), 0) => format_limit(limit),
                // The one relaxation of the deadline, said where learners read the rules.
                (Some(limit), grace) => format!(
                    "{} (answers saved before time is up still count if the network was down, when they arrive within {} after it)",
                    format_limit(limit),
                    format_limit(grace)
                ),
            },
        ),
        (
            "Feedback",
            match s.feedback {
                FeedbackTiming::Immediately => "As you answer (checking locks an answer)",
                FeedbackTiming::AfterSubmit => "When you submit",
                FeedbackTiming::AfterClose => "After the quiz closes",
            }
            .to_owned(),
        ),
    ];
    rows
}

#[component]
fn Overview(o: QuizOverview, course: String, lesson: String) -> impl IntoView {
    let start_error = RwSignal::new(None::<String>);
    let starting = RwSignal::new(false);
    let navigate = use_navigate();
    let lesson_id = o.lesson_id;
    let (course_c, lesson_c) = (course.clone(), lesson.clone());
    let start = move |_| {
        starting.set(true);
        start_error.set(None);
        let navigate = navigate.clone();
        let (course, lesson) = (course_c.clone(), lesson_c.clone());
        leptos::task::spawn_local(async move {
            match start_attempt(lesson_id).await {
                Ok(view) => navigate(
                    &attempt_href(&course, &lesson, view.id),
                    NavigateOptions::default(),
                ),
                Err(error) => {
                    starting.set(false);
                    start_error.set(Some(error.to_string()));
                }
            }
        });
    };
    let rules = rules(&o);
    let attempts = o.attempts.clone();
    view! {
        <div class="flex flex-wrap items-center justify-between gap-3">
            <h2 id="quiz-title" class="text-xl font-semibold">"Quiz"</h2>
            {o.kept_percent.map(|p| {
                let (label, class) = if o.passed { ("Passed", "bg-emerald-100 text-emerald-800") } else { ("Not passed yet", "bg-amber-100 text-amber-800") };
                view! {
                    <p class="flex items-center gap-3" data-testid="kept-score">
                        <span>{format!("Your score: {}", format_percent(p))}</span>
                        <span class=format!("rounded-full px-3 py-1 text-sm font-semibold {class}")>{label}</span>
                    </p>
                }
            })}
        </div>
        <dl class="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {rules.into_iter().map(|(k, v)| view! {
                <div class="flex gap-2"><dt class="font-medium text-slate-600">{format!("{k}:")}</dt><dd>{v}</dd></div>
            }).collect_view()}
            {[("Opens", o.settings.opens_at.clone()), ("Closes", o.settings.closes_at.clone())].into_iter().filter_map(|(k, at)| at.map(|at| view! {
                <div class="flex gap-2"><dt class="font-medium text-slate-600">{format!("{k}:")}</dt><dd><LocalTime at /></dd></div>
            })).collect_view()}
        </dl>
        {(!attempts.is_empty()).then(|| view! {
            // A scrolling box like components::TableScroll (a plain element: the rows borrow
            // `course` and `lesson`, which that component's children closure would take).
            <div class="table-scroll" role="region" aria-label="Your attempts" tabindex="0">
            <table class="w-full text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
                <caption class="sr-only">"Your attempts"</caption>
                <thead><tr class="border-b border-slate-200 text-slate-600">
                    <th scope="col" class="py-2">"Attempt"</th><th scope="col">"Started"</th><th scope="col">"Score"</th><th scope="col">"Result"</th>
                </tr></thead>
                <tbody>
                    {attempts.into_iter().map(|a| {
                        let href = attempt_href(&course, &lesson, a.id);
                        let submitted = a.submitted_at.is_some();
                        view! {
                            <tr class="border-b border-slate-100">
                                <td class="py-2">{a.number}</td>
                                <td><LocalTime at=a.started_at.clone() /></td>
                                <td>{a.percent.map(format_percent).unwrap_or_else(|| "—".to_owned())}
                                    {a.auto_submitted.then_some(" (time ran out)")}</td>
                                <td>{if submitted {
                                    view! { <a class="text-indigo-700 hover:underline" href=format!("{href}/result")>
                                        {if a.passed == Some(true) { "Passed — see result" } else { "See result" }}</a> }.into_any()
                                } else {
                                    view! { <a class="text-indigo-700 hover:underline" href=href>"In progress"</a> }.into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        })}
        <div class="flex flex-wrap items-center gap-3">
            {match (o.in_progress, o.can_start) {
                (Some(id), _) => view! {
                    <a class=BUTTON href=attempt_href(&course, &lesson, id)>"Resume attempt"</a>
                }.into_any(),
                (None, true) => view! {
                    <button type="button" class=BUTTON disabled=move || starting.get() on:click=start>
                        {move || if starting.get() { "Starting…" } else if o.attempts.is_empty() { "Start quiz" } else { "Start a new attempt" }}
                    </button>
                }.into_any(),
                (None, false) => view! {
                    <p class="text-slate-700" data-testid="quiz-blocked">
                        {o.blocked_reason.clone().unwrap_or_else(|| "You cannot start an attempt now.".to_owned())}
                    </p>
                }.into_any(),
            }}
            <p role="alert" class="text-sm text-red-700">{move || start_error.get()}</p>
        </div>
    }
}
