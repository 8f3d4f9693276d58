//! The quiz panel of a quiz lesson: rules, past attempts and the kept score, and the way in
//! (start, resume, or why not). Practice quizzes open in the browser instead.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::practice::PracticePanel;
use super::time::{format_limit, format_when};
use super::{attempt_href, format_percent, BUTTON};
use crate::api::quiz::{get_quiz, start_attempt};
use crate::components::progress::LiveProgress;
use crate::error::AppError;
use crate::models::{FeedbackTiming, KeptAttempt, QuizOverview};

/// Shown in a quiz lesson in place of "Mark complete".
#[component]
pub fn QuizPanel(
    lesson_id: i64,
    course_slug: String,
    lesson_slug: String,
    live: LiveProgress,
    enrolled: bool,
) -> impl IntoView {
    let overview = Resource::new(move || lesson_id, get_quiz);
    view! {
        <section class="mt-10 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="quiz-title" data-testid="quiz-panel">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading the quiz…"</p> }>
                {move || {
                    let (course, lesson) = (course_slug.clone(), lesson_slug.clone());
                    Suspend::new(async move {
                        match overview.await {
                            Ok(o) if o.settings.practice => view! {
                                <h2 id="quiz-title" class="text-xl font-semibold">"Practice quiz"</h2>
                                <PracticePanel lesson_id live enrolled />
                            }.into_any(),
                            Ok(o) => view! { <Overview o course lesson /> }.into_any(),
                            Err(AppError::Unauthorized) => view! {
                                <h2 id="quiz-title" class="text-xl font-semibold">"Quiz"</h2>
                                <p>"Please "<a class="text-indigo-700 underline" href="/signin">"sign in"</a>" to take this quiz."</p>
                            }.into_any(),
                            Err(error) => view! {
                                <h2 id="quiz-title" class="text-xl font-semibold">"Quiz"</h2>
                                <p role="alert" class="text-red-700">{error.to_string()}</p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

fn rules(o: &QuizOverview) -> Vec<(&'static str, String)> {
    let s = &o.settings;
    let used = o.attempts.len();
    let mut rows = vec![
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
            s.time_limit_seconds.map_or("None".to_owned(), format_limit),
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
    if let Some(opens) = &s.opens_at {
        rows.push(("Opens", format_when(opens)));
    }
    if let Some(closes) = &s.closes_at {
        rows.push(("Closes", format_when(closes)));
    }
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
        </dl>
        {(!attempts.is_empty()).then(|| view! {
            <table class="w-full text-left text-sm">
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
                                <td>{format_when(&a.started_at)}</td>
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
