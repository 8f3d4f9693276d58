//! Catalogue cards.

use leptos::prelude::*;

use crate::models::{category_label, format_duration, format_price, level_label, CourseSummary};

/// One course as a card linking to its page.
#[component]
pub fn CourseCard(course: CourseSummary) -> impl IntoView {
    let href = format!("/courses/{}", course.slug);
    let meta = format!(
        "{} · {}",
        category_label(&course.category),
        level_label(&course.level)
    );
    let lessons = format!(
        "{} lessons · {}",
        course.lesson_count,
        format_duration(course.duration_seconds)
    );
    let price = format_price(course.price_cents, &course.currency);
    view! {
        <article class="relative flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-400">
            {match course.cover_url {
                Some(src) => {
                    view! {
                        <img
                            src=src
                            alt=""
                            width="640"
                            height="360"
                            loading="lazy"
                            class="aspect-video w-full bg-slate-100 object-cover"
                        />
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <div class="aspect-video w-full bg-gradient-to-br from-indigo-500 to-sky-400"></div>
                    }
                        .into_any()
                }
            }}
            <div class="flex flex-1 flex-col gap-2 p-4">
                <p class="text-xs font-semibold uppercase tracking-wide text-indigo-700">{meta}</p>
                <h3 class="text-lg font-semibold leading-snug">
                    <a href=href class="after:absolute after:inset-0 focus:outline-none">
                        {course.title}
                    </a>
                </h3>
                <p class="line-clamp-2 text-sm text-slate-600">{course.subtitle}</p>
                <p class="text-sm text-slate-500">{course.instructor_name}</p>
                <div class="mt-auto flex items-center justify-between pt-2 text-sm">
                    <span class="text-slate-500">{lessons}</span>
                    <span class="font-semibold">{price}</span>
                </div>
            </div>
        </article>
    }
}

/// A responsive grid of course cards.
#[component]
pub fn CourseGrid(courses: Vec<CourseSummary>) -> impl IntoView {
    view! {
        <ul class="grid gap-6 sm:grid-cols-2 lg:grid-cols-3" role="list">
            {courses
                .into_iter()
                .map(|course| view! { <li class="flex"><CourseCard course /></li> })
                .collect_view()}
        </ul>
    }
}
