//! `/learning`: enrolled courses with progress bars, last activity and a Continue button that
//! opens exactly where the learner left off.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::learning::my_learning;
use crate::components::{ErrorView, ProgressBar};
use crate::models::EnrolledCourse;

/// The My learning page; visitors get the sign-in-required page (401).
#[component]
pub fn MyLearningPage() -> impl IntoView {
    let courses = Resource::new(|| (), |_| my_learning());
    view! {
        <Title text="My learning" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"My learning"</h1>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading your courses…"</p> }>
                {move || Suspend::new(async move {
                    match courses.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                                "You are not enrolled in any course yet. "
                                <a href="/courses" class="font-medium text-indigo-700 underline">"Browse the catalogue"</a>
                            </p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="grid gap-4 sm:grid-cols-2">
                                {list.into_iter().map(|course| view! { <EnrolledCard course /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
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
    let last = course
        .last_activity_at
        .as_deref()
        .and_then(|t| t.get(..10))
        .map(|d| format!("Last activity {d}"))
        .unwrap_or_else(|| "Not started yet".to_owned());
    view! {
        <li class="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="enrolled-course">
            <a href=format!("/courses/{}", course.slug) class="text-lg font-semibold text-slate-900 hover:text-indigo-700">{course.title.clone()}</a>
            <p class="text-sm text-slate-600">{course.instructor_name}</p>
            <ProgressBar percent=Signal::stored(course.percent) label=format!("Progress in {}", course.title) />
            <p class="text-xs text-slate-500">
                {format!("{} of {} lessons · {last}", course.completed_lessons, course.total_lessons)}
            </p>
            <a href=href class="self-start rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
                {if done { "Review" } else if course.completed_lessons == 0 { "Start" } else { "Continue" }}
            </a>
        </li>
    }
}
