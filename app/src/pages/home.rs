//! The home page: a welcome, featured courses and categories.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;

use std::sync::Arc;

use crate::api::catalogue::list_featured_courses;
use crate::api::home::{get_category_counts, get_continue_learning};
use crate::components::{session_epoch, CardGridSkeleton, CourseGrid, ProgressBar};
use crate::models::instructor::{CategoryCount, ContinueLearning};
use crate::models::CATEGORIES;

/// Drops the empty-named entry Leptos's `<Form>` adds for an unnamed submit button, which
/// would otherwise put a stray `&=` in the search URL.
fn drop_unnamed_fields(data: &leptos::web_sys::FormData) {
    data.delete("");
}

/// `/`: what Lectern is, featured courses, and ways into the catalogue.
#[component]
pub fn HomePage() -> impl IntoView {
    let featured = Resource::new(|| (), |_| list_featured_courses());
    // Asked again after signing in or out (the header bumps the session epoch).
    let epoch = session_epoch();
    let resume = Resource::new(move || epoch.get(), |_| get_continue_learning());
    let counts = Resource::new(|| (), |_| get_category_counts());
    view! {
        <Title text="" />
        <section class="bg-gradient-to-br from-indigo-700 to-sky-600 text-white">
            <div class="mx-auto max-w-6xl px-4 py-16 sm:py-20">
                <h1 class="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
                    "Learn skills that last, at your own pace"
                </h1>
                <p class="mt-4 max-w-xl text-lg text-indigo-100">
                    "Courses by working practitioners, with lessons you can take anywhere — even offline."
                </p>
                <Form
                    method="GET"
                    action="/courses"
                    on_form_data=Arc::new(drop_unnamed_fields)
                    attr:role="search"
                    attr:class="mt-8 flex max-w-xl gap-2"
                >
                    <label for="hero-search" class="sr-only">
                        "What do you want to learn?"
                    </label>
                    <input
                        id="hero-search"
                        type="search"
                        name="q"
                        placeholder="What do you want to learn?"
                        class="min-w-0 flex-1 rounded-lg border-2 border-white bg-white px-4 py-3 text-slate-900 shadow-md placeholder:text-slate-500 focus:border-indigo-300 focus:outline-none focus:ring-4 focus:ring-indigo-300"
                    />
                    <button
                        type="submit"
                        class="rounded-lg bg-white px-5 py-3 font-semibold text-indigo-700 hover:bg-indigo-50"
                    >
                        "Search"
                    </button>
                </Form>
            </div>
        </section>
        <div class="mx-auto max-w-6xl space-y-16 px-4 py-12">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    resume.await.ok().flatten().map(|next| view! { <ContinueCard next /> })
                })}
            </Suspense>
            <section aria-labelledby="featured-title">
                <div class="mb-6 flex items-end justify-between">
                    <h2 id="featured-title" class="text-2xl font-bold tracking-tight">
                        "Featured courses"
                    </h2>
                    <a href="/courses" class="font-medium text-indigo-700 hover:underline">
                        "See all courses"
                    </a>
                </div>
                <Suspense fallback=|| view! { <CardGridSkeleton count=4 /> }>
                    {move || Suspend::new(async move {
                        match featured.await {
                            Ok(courses) if courses.is_empty() => {
                                view! {
                                    <p class="text-slate-600">
                                        "No featured courses yet. "
                                        <a href="/courses" class="text-indigo-700 underline">
                                            "Browse the catalogue"
                                        </a>
                                        "."
                                    </p>
                                }
                                    .into_any()
                            }
                            Ok(courses) => view! { <CourseGrid courses /> }.into_any(),
                            Err(error) => {
                                view! {
                                    <p role="alert" class="text-red-700">
                                        {error.to_string()}
                                    </p>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Suspense>
            </section>
            <section aria-labelledby="categories-title">
                <h2 id="categories-title" class="mb-6 text-2xl font-bold tracking-tight">
                    "Browse by category"
                </h2>
                <Suspense fallback=move || view! { <CategoryTiles counts=fallback_counts() /> }>
                    {move || Suspend::new(async move {
                        let list = counts.await.unwrap_or_else(|_| fallback_counts());
                        view! { <CategoryTiles counts=list /> }
                    })}
                </Suspense>
            </section>
        </div>
    }
    .into_any()
}

/// The categories without counts, while the counts load or when they cannot be had.
fn fallback_counts() -> Vec<CategoryCount> {
    CATEGORIES
        .iter()
        .map(|(slug, label)| CategoryCount {
            slug: (*slug).to_owned(),
            label: (*label).to_owned(),
            count: 0,
        })
        .collect()
}

/// One link per category with its number of published courses (when known).
#[component]
fn CategoryTiles(counts: Vec<CategoryCount>) -> impl IntoView {
    let known = counts.iter().any(|c| c.count > 0);
    view! {
        <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" role="list">
            {counts
                .into_iter()
                .map(|c| {
                    let count = known.then(|| match c.count {
                        1 => "1 course".to_owned(),
                        n => format!("{n} courses"),
                    });
                    view! {
                        <li>
                            <a
                                href=format!("/courses?category={}", c.slug)
                                class="flex items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-5 py-4 font-medium shadow-sm hover:border-indigo-300 hover:text-indigo-700"
                            >
                                <span>{c.label}</span>
                                // A space, so the link reads "Programming 3 courses" (flex hides it).
                                " "
                                {count.map(|n| view! { <span class="text-sm font-normal text-slate-500">{n}</span> })}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Continue learning": the last course and lesson the learner touched, one click away.
#[component]
fn ContinueCard(next: ContinueLearning) -> impl IntoView {
    let href = format!("/courses/{}/lessons/{}", next.course_slug, next.lesson_slug);
    view! {
        <section aria-labelledby="continue-title">
            <h2 id="continue-title" class="mb-4 text-2xl font-bold tracking-tight">
                "Continue learning"
            </h2>
            <div class="flex flex-col gap-4 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm sm:flex-row">
                {next.cover_url.map(|src| view! {
                    <img src=src alt="" width="640" height="360" class="aspect-video w-full object-cover sm:w-64" />
                })}
                <div class="flex min-w-0 flex-1 flex-col gap-3 p-5">
                    <p class="text-sm text-slate-500">{next.course_title.clone()}</p>
                    <p class="break-words text-lg font-semibold">{next.lesson_title.clone()}</p>
                    <ProgressBar
                        percent=Signal::stored(next.percent)
                        label=format!("Progress in {}", next.course_title)
                    />
                    <a
                        href=href
                        class="self-start rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
                    >
                        {format!("Continue: {}", next.lesson_title)}
                    </a>
                </div>
            </div>
        </section>
    }
}
