//! The course-level "Course complete" notice for pages outside the course page (a quiz
//! result), shown when the server says the learner's enrollment is complete.

use leptos::prelude::*;

use crate::api::learning::get_course_progress;

/// Whether the signed-in learner has completed the course `course_slug` (the server's
/// completion time, never the browser's). For a page's own resource: a resource made inside a
/// page's `Suspend` breaks hydration, so the notice below takes the answer instead.
pub async fn course_completed(course_slug: String) -> bool {
    get_course_progress(course_slug)
        .await
        .ok()
        .flatten()
        .is_some_and(|p| p.completed_at.is_some())
}

/// "Course complete" with links onwards, for a course the learner has completed.
#[component]
pub fn CourseCompleteNotice(course_slug: String) -> impl IntoView {
    let href = format!("/courses/{course_slug}");
    view! {
        <div role="status" class="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-900" data-testid="course-complete">
            <h2 class="text-lg font-semibold">"Course complete"</h2>
            <p class="text-sm">
                "Well done — every lesson is done, and your completion is recorded. "
                <a href=href class="underline">"Back to the course"</a>
                " · "
                <a href="/learning?tab=completed" class="underline">"Your completed courses"</a>
                " · "
                <a href="/achievements" class="underline">"Your certificate"</a>
            </p>
        </div>
    }
}
