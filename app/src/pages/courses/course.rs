//! `/courses/{slug}`: a course's description, curriculum, instructor and price.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::catalogue::get_course;
use crate::api::payments::preview_coupon;
use crate::components::{CouponState, Curriculum, EnrollPanel, ErrorView};
use crate::format::{count, language_name, LocalPrice, LocalTime, TimeStyle};
use crate::models::{
    category_label, format_duration, level_label, CourseDetail, InstructorSummary,
};

/// The course page; a 404 page for unknown or unpublished courses.
#[component]
pub fn CoursePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let query = use_query_map();
    let code = move || query.with(|q| q.get("coupon").unwrap_or_default());
    let course = Resource::new(slug, get_course);
    // The coupon (`?coupon=`, from the coupon form) is priced by the server.
    let preview = Resource::new(
        move || (slug(), code()),
        |(slug, code)| async move {
            let preview = if code.trim().is_empty() {
                None
            } else {
                Some(preview_coupon(slug, code.clone()).await)
            };
            CouponState { code, preview }
        },
    );
    view! {
        <Transition fallback=|| {
            view! { <p class="mx-auto max-w-6xl px-4 py-10 text-slate-500">"Loading course…"</p> }
        }>
            {move || Suspend::new(async move {
                let coupon = preview.await;
                match course.await {
                    Ok(course) => view! { <CourseView course coupon /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
        <super::reviews::CourseReviews slug=Signal::derive(slug) />
    }
}

#[component]
fn CourseView(course: CourseDetail, coupon: CouponState) -> impl IntoView {
    let first_preview = course
        .sections
        .iter()
        .flat_map(|s| s.lessons.iter())
        .find(|l| l.free_preview)
        .map(|l| format!("/courses/{}/lessons/{}", course.slug, l.slug));
    let facts = [
        ("Category", category_label(&course.category).to_owned()),
        ("Level", level_label(&course.level).to_owned()),
        ("Language", language_name(&course.language).to_owned()),
        (
            "Length",
            format!(
                "{} · {}",
                count(course.lesson_count, "lesson", "lessons"),
                format_duration(course.duration_seconds)
            ),
        ),
    ];
    let completed: Vec<String> = course
        .progress
        .as_ref()
        .map(|p| {
            p.lessons
                .iter()
                .filter(|l| l.completed)
                .map(|l| l.slug.clone())
                .collect()
        })
        .unwrap_or_default();
    // Decided by the server: the enrollment's completion time, set when the last lesson was.
    let completed_notice = course
        .progress
        .as_ref()
        .and_then(|p| p.completed_at.clone())
        .map(|at| view! { <CompletedNotice at /> });
    let is_free = course.price_cents == 0;
    let price = match coupon.applied().filter(|_| !is_free) {
        Some(applied) => view! {
            <p class="text-3xl font-bold">
                <span class="sr-only">"Price with coupon: "</span>
                <LocalPrice cents=applied.discounted_cents currency=applied.currency.clone() />
            </p>
            <p class="text-sm text-slate-600">
                <span class="sr-only">"Usual price: "</span>
                <s><LocalPrice cents=applied.price_cents currency=applied.currency.clone() /></s>
                {format!(" · {} applied: {}", applied.code, applied.discount)}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="text-3xl font-bold"><LocalPrice cents=course.price_cents currency=course.currency.clone() /></p>
        }
        .into_any(),
    };
    let draft_banner = (course.is_draft || course.edit_course_id.is_some()).then(|| {
        let edit = course.edit_course_id.map(|id| format!("/teach/courses/{id}"));
        let text = if course.is_draft {
            "Draft preview: only you and admins can see this course until it is published."
        } else {
            "You are viewing your published course as learners see it."
        };
        view! {
            <div role="note" class="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900" data-testid="draft-banner">
                {text}
                {edit.map(|href| view! { " " <a href=href class="font-semibold underline">"Back to the editor"</a> })}
            </div>
        }
    });
    let outcomes = (!course.outcomes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="outcomes-title" class="rounded-xl border border-slate-200 p-6">
                <h2 id="outcomes-title" class="mb-3 text-xl font-semibold">"What you'll learn"</h2>
                <ul class="grid gap-2 sm:grid-cols-2">
                    {course.outcomes.iter().map(|o| view! { <li class="flex gap-2"><span aria-hidden="true" class="text-emerald-600">"✓"</span>{o.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let requirements = (!course.requirements.is_empty()).then(|| {
        view! {
            <section aria-labelledby="requirements-title">
                <h2 id="requirements-title" class="mb-3 text-xl font-semibold">"Requirements"</h2>
                <ul class="list-disc space-y-1 pl-5">
                    {course.requirements.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <Title text=course.title.clone() />
        <Meta name="description" content=course.subtitle.clone() />
        {draft_banner}
        {completed_notice}
        <section class="bg-slate-900 text-white">
            <div class="mx-auto grid max-w-6xl grid-cols-1 gap-8 px-4 py-12 md:grid-cols-[1fr_20rem]">
                <div>
                    <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-300">
                        <a href="/courses" class="hover:underline">
                            "Courses"
                        </a>
                        " / "
                        <a
                            href=format!("/courses?category={}", course.category)
                            class="hover:underline"
                        >
                            {category_label(&course.category).to_owned()}
                        </a>
                    </nav>
                    <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">{course.title.clone()}</h1>
                    <p class="mt-3 text-lg text-slate-200">{course.subtitle.clone()}</p>
                    <p class="mt-4 text-sm text-slate-300">
                        "Taught by "
                        {instructor_link(&course.instructor, "font-semibold text-white underline underline-offset-2")}
                    </p>
                    <dl class="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-sm">
                        {facts
                            .into_iter()
                            .map(|(term, value)| {
                                view! {
                                    <div>
                                        <dt class="text-slate-400">{term}</dt>
                                        <dd class="font-medium">{value}</dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                </div>
                <aside class="self-start overflow-hidden rounded-xl bg-white text-slate-900 shadow-lg">
                    {course
                        .cover_url
                        .clone()
                        .map(|src| {
                            view! {
                                <img
                                    src=src
                                    alt=""
                                    width="640"
                                    height="360"
                                    class="aspect-video w-full object-cover"
                                />
                            }
                        })}
                    <div class="space-y-3 p-5">
                        {price}
                        <EnrollPanel slug=course.slug.clone() is_free owned=course.owned progress=course.progress.clone() coupon />
                        {first_preview
                            .map(|href| {
                                view! {
                                    <a
                                        href=href
                                        class="block rounded-lg bg-indigo-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-indigo-700"
                                    >
                                        "Preview a free lesson"
                                    </a>
                                }
                            })}
                    </div>
                </aside>
            </div>
        </section>
        <div class="mx-auto grid max-w-6xl grid-cols-1 gap-12 px-4 py-10 md:grid-cols-[1fr_20rem]">
            <div class="space-y-10">
                {outcomes}
                <section aria-labelledby="about-title">
                    <h2 id="about-title" class="mb-3 text-xl font-semibold">
                        "About this course"
                    </h2>
                    <div class="prose prose-slate max-w-none" inner_html=course.description_html></div>
                </section>
                {requirements}
                <Curriculum
                    course_slug=course.slug.clone()
                    sections=course.sections
                    unlocked=course.enrolled || course.edit_course_id.is_some()
                    completed=Signal::derive(move || completed.clone())
                />
            </div>
            <aside aria-labelledby="instructor-title" class="space-y-2">
                <h2 id="instructor-title" class="text-xl font-semibold">
                    "Your instructor"
                </h2>
                <p class="font-medium">
                    {instructor_link(&course.instructor, "text-indigo-700 underline-offset-2 hover:underline")}
                </p>
                <div class="prose prose-sm prose-slate max-w-none break-words" inner_html=course.instructor.bio_html.clone()></div>
                {course.instructor.slug.clone().map(|slug| view! {
                    <a href=format!("/instructors/{slug}") class="inline-block text-sm font-medium text-indigo-700 hover:underline">
                        {format!("More from {}", course.instructor.display_name)}
                    </a>
                })}
            </aside>
        </div>
    }
    .into_any()
}

/// The instructor's name, linked to their profile when they have one.
fn instructor_link(instructor: &InstructorSummary, class: &'static str) -> AnyView {
    match &instructor.slug {
        Some(slug) => view! {
            <a href=format!("/instructors/{slug}") class=class>
                {instructor.display_name.clone()}
            </a>
        }
        .into_any(),
        None => view! { <span class=class>{instructor.display_name.clone()}</span> }.into_any(),
    }
}

/// "You completed this course", for a learner whose enrollment is complete.
#[component]
fn CompletedNotice(
    /// When the course was completed, RFC 3339.
    at: String,
) -> impl IntoView {
    view! {
        <div role="status" class="border-b border-emerald-200 bg-emerald-50" data-testid="course-completed">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-4 text-emerald-900">
                <h2 class="text-lg font-semibold">"You completed this course"</h2>
                <p class="text-sm">
                    "Every lesson done — completed on "
                    <LocalTime at style=TimeStyle::Date />
                    ". "
                    <a href="/learning?tab=completed" class="font-medium underline">"See your completed courses"</a>
                    " · "
                    <a href="/achievements" class="font-medium underline">"Your certificate"</a>
                </p>
            </div>
        </div>
    }
}
