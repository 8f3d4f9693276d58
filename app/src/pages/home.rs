//! The home page: a welcome, featured courses and categories.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;

use crate::api::catalogue::list_featured_courses;
use crate::components::{CardGridSkeleton, CourseGrid};
use crate::models::CATEGORIES;

/// `/`: what Lectern is, featured courses, and ways into the catalogue.
#[component]
pub fn HomePage() -> impl IntoView {
    let featured = Resource::new(|| (), |_| list_featured_courses());
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
                <Form method="GET" action="/courses" attr:role="search" attr:class="mt-8 flex max-w-xl gap-2">
                    <label for="hero-search" class="sr-only">
                        "What do you want to learn?"
                    </label>
                    <input
                        id="hero-search"
                        type="search"
                        name="q"
                        placeholder="What do you want to learn?"
                        class="flex-1 rounded-lg border-0 px-4 py-3 text-slate-900 focus:outline-none focus:ring-4 focus:ring-indigo-300"
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
                <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" role="list">
                    {CATEGORIES
                        .iter()
                        .map(|(slug, label)| {
                            view! {
                                <li>
                                    <a
                                        href=format!("/courses?category={slug}")
                                        class="block rounded-xl border border-slate-200 bg-white px-5 py-4 font-medium shadow-sm hover:border-indigo-300 hover:text-indigo-700"
                                    >
                                        {*label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
    .into_any()
}
