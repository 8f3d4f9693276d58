//! `/learning`: enrolled courses with their covers, progress bars, last activity and a
//! Continue button that opens exactly where the learner left off, under two tabs (In progress,
//! Completed). The tabs are links (`?tab=completed`), so they work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::learning::my_learning;
use crate::components::{ErrorView, ProgressBar};
use crate::format::{count, LocalTime, TimeStyle};
use crate::models::EnrolledCourse;

/// Which list the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    InProgress,
    Completed,
}

impl Tab {
    fn parse(value: Option<&str>) -> Self {
        match value {
            Some("completed") => Tab::Completed,
            _ => Tab::InProgress,
        }
    }

    fn holds(self, course: &EnrolledCourse) -> bool {
        (self == Tab::Completed) == course.completed_at.is_some()
    }
}

/// The My learning page; visitors are sent to sign in.
#[component]
pub fn MyLearningPage() -> impl IntoView {
    let query = use_query_map();
    let courses = Resource::new(|| (), |_| my_learning());
    view! {
        <Title text="My learning" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h1 class="text-3xl font-bold tracking-tight">"My learning"</h1>
                <a href="/achievements" class="font-medium text-indigo-700 underline">"Achievements"</a>
            </div>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading your courses…"</p> }>
                {move || {
                    // Read the query before awaiting: after the await this render may be gone.
                    let tab = Tab::parse(query.with(|q| q.get("tab")).as_deref());
                    Suspend::new(async move {
                        match courses.await {
                            Ok(list) if list.is_empty() => view! {
                                <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                                    "You are not enrolled in any course yet. "
                                    <a href="/courses" class="font-medium text-indigo-700 underline">"Browse the catalogue"</a>
                                </p>
                            }.into_any(),
                            Ok(list) => view! { <Tabbed list tab /> }.into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn Tabbed(list: Vec<EnrolledCourse>, tab: Tab) -> impl IntoView {
    let completed = list.iter().filter(|c| Tab::Completed.holds(c)).count();
    let in_progress = list.len() - completed;
    let shown: Vec<EnrolledCourse> = list.into_iter().filter(|c| tab.holds(c)).collect();
    let link = |target: Tab, href: &'static str, label: String| {
        let current = target == tab;
        let class = if current {
            "border-b-2 border-indigo-600 px-3 py-2 font-semibold text-indigo-700"
        } else {
            "border-b-2 border-transparent px-3 py-2 font-medium text-slate-600 hover:text-indigo-700"
        };
        view! {
            <li>
                <a href=href class=class aria-current=current.then_some("page")>{label}</a>
            </li>
        }
    };
    let body = if shown.is_empty() {
        let text = match tab {
            Tab::InProgress => {
                "Nothing in progress: every course you are enrolled in is complete. "
            }
            Tab::Completed => {
                "No completed courses yet. Finish every lesson of a course and it moves here. "
            }
        };
        view! {
            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                {text}
                <a href="/courses" class="font-medium text-indigo-700 underline">"Browse the catalogue"</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="grid gap-4 sm:grid-cols-2" role="list">
                {shown.into_iter().map(|course| view! { <EnrolledCard course /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <nav aria-label="My learning lists">
            <ul class="flex gap-2 border-b border-slate-200" role="list">
                {link(Tab::InProgress, "/learning", format!("In progress ({in_progress})"))}
                {link(Tab::Completed, "/learning?tab=completed", format!("Completed ({completed})"))}
            </ul>
        </nav>
        {body}
    }
}

#[component]
fn EnrolledCard(course: EnrolledCourse) -> impl IntoView {
    let href = course
        .continue_lesson_slug
        .as_ref()
        .map(|l| format!("/courses/{}/lessons/{l}", course.slug))
        .unwrap_or_else(|| format!("/courses/{}", course.slug));
    let done = course.completed_at.is_some();
    let last = match (&course.completed_at, &course.last_activity_at) {
        (Some(at), _) => {
            view! { "Completed " <LocalTime at=at.clone() style=TimeStyle::Date /> }.into_any()
        }
        (None, Some(at)) => {
            view! { "Last activity " <LocalTime at=at.clone() style=TimeStyle::Date /> }.into_any()
        }
        (None, None) => "Not started yet".into_any(),
    };
    let cover = match course.cover_url.clone() {
        Some(src) => view! {
            <img src=src alt="" width="640" height="360" loading="lazy" class="aspect-video w-full bg-slate-100 object-cover" />
        }
        .into_any(),
        None => view! {
            <div aria-hidden="true" class="aspect-video w-full bg-gradient-to-br from-indigo-500 to-sky-400"></div>
        }
        .into_any(),
    };
    view! {
        <li class="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="enrolled-course">
            {cover}
            <div class="flex flex-1 flex-col gap-3 p-5">
                <a href=format!("/courses/{}", course.slug) class="text-lg font-semibold text-slate-900 hover:text-indigo-700">{course.title.clone()}</a>
                <p class="text-sm text-slate-600">{course.instructor_name}</p>
                <ProgressBar percent=Signal::stored(course.percent) label=format!("Progress in {}", course.title) />
                <p class="text-xs text-slate-500">
                    {format!("{} of {} · ", course.completed_lessons, count(course.total_lessons, "lesson", "lessons"))}
                    {last}
                </p>
                <a href=href class="mt-auto self-start rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
                    {if done { "Review" } else if course.completed_lessons == 0 { "Start" } else { "Continue" }}
                </a>
                // "Download for offline" for this course (/offline.js; nothing without JavaScript).
                <lectern-offline course=course.slug.clone() data-title=course.title.clone() compact=""></lectern-offline>
            </div>
        </li>
    }
}
