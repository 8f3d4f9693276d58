//! Catalogue cards.

use leptos::prelude::*;

use crate::format::LocalPrice;
use crate::models::{category_label, format_duration, level_label, tenths_text, CourseSummary};

/// The card's rating line: "★ 4.3 (12)" read out as "Rated 4.3 out of 5 from 12 ratings", or
/// "No ratings yet".
#[component]
fn CardRating(count: u64, tenths: u16) -> impl IntoView {
    if count == 0 {
        return view! { <p class="text-sm text-slate-500">"No ratings yet"</p> }.into_any();
    }
    let average = tenths_text(tenths);
    let plural = if count == 1 { "rating" } else { "ratings" };
    view! {
        <p class="flex items-center gap-1 text-sm">
            <span class="sr-only">{format!("Rated {average} out of 5 from {count} {plural}")}</span>
            <span aria-hidden="true" class="text-amber-500">"★"</span>
            <span aria-hidden="true" class="font-semibold text-slate-800">{average.clone()}</span>
            <span aria-hidden="true" class="text-slate-500">{format!("({count})")}</span>
        </p>
    }
    .into_any()
}

/// One course as a card linking to its page, and to its instructor's profile when they have
/// one. The cover carries no text: the title and category are printed below it.
#[component]
pub fn CourseCard(course: CourseSummary) -> impl IntoView {
    let href = format!("/courses/{}", course.slug);
    let meta = format!(
        "{} · {}",
        category_label(&course.category),
        level_label(&course.level)
    );
    let lessons = format!(
        "{} {} · {}",
        course.lesson_count,
        if course.lesson_count == 1 {
            "lesson"
        } else {
            "lessons"
        },
        format_duration(course.duration_seconds)
    );
    let (cents, currency) = (course.price_cents, course.currency.clone());
    let initial: String = course
        .title
        .chars()
        .find(|c| c.is_alphanumeric())
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    let instructor = match course.instructor_slug {
        Some(slug) => view! {
            <a
                href=format!("/instructors/{slug}")
                class="relative z-10 text-sm text-slate-500 underline-offset-2 hover:text-indigo-700 hover:underline"
            >
                {course.instructor_name}
            </a>
        }
        .into_any(),
        None => view! { <span class="text-sm text-slate-500">{course.instructor_name}</span> }
            .into_any(),
    };
    view! {
        <article class="relative flex w-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-400">
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
                        <div
                            aria-hidden="true"
                            class="flex aspect-video w-full items-end bg-gradient-to-br from-indigo-500 to-sky-400 p-4 font-serif text-6xl font-bold text-white/90"
                        >
                            {initial}
                        </div>
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
                <p>{instructor}</p>
                <CardRating count=course.rating_count tenths=course.rating_tenths />
                <div class="mt-auto flex items-center justify-between pt-2 text-sm">
                    <span class="text-slate-500">{lessons}</span>
                    <span class="font-semibold"><LocalPrice cents currency /></span>
                </div>
            </div>
        </article>
    }
}

/// The grid columns for `count` cards, so that no row is left with a lone card on wide
/// screens: four cards make 2×2 (4 across on the widest), two make a pair, others go by three.
fn grid_columns(count: usize) -> &'static str {
    match count {
        4 => "sm:grid-cols-2 xl:grid-cols-4",
        1 | 2 => "sm:grid-cols-2",
        _ => "sm:grid-cols-2 lg:grid-cols-3",
    }
}

/// A responsive grid of course cards.
#[component]
pub fn CourseGrid(courses: Vec<CourseSummary>) -> impl IntoView {
    let class = format!("grid gap-6 {}", grid_columns(courses.len()));
    view! {
        <ul class=class role="list" data-testid="course-grid">
            {courses
                .into_iter()
                .map(|course| view! { <li class="flex"><CourseCard course /></li> })
                .collect_view()}
        </ul>
    }
}
