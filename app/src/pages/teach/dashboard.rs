//! `/teach`: the instructor's courses with their ratings, a form to start a new one, and the
//! newest reviews of their courses.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use super::{BUTTON, CARD, INPUT};
use crate::api::authoring::{list_my_courses, CreateCourse};
use crate::api::reviews::list_new_reviews;
use crate::components::{field_errors, ErrorView, FormError, TableScroll};
use crate::format::LocalTime;
use crate::models::{tenths_text, AuthoredCourseRow, NewReview, CATEGORIES, LEVELS};

/// The dashboard; learners get 403 and visitors are sent to sign in (the server function's 401).
#[component]
pub fn TeachDashboardPage() -> impl IntoView {
    let courses = Resource::new(|| (), |_| list_my_courses());
    let reviews = Resource::new(|| (), |_| list_new_reviews());
    view! {
        <Title text="Teach" />
        <div class="mx-auto max-w-5xl space-y-8 px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading your courses…"</p> }>
                {move || Suspend::new(async move {
                    match courses.await {
                        Ok(rows) => view! {
                            <h1 class="text-3xl font-bold tracking-tight">"Your courses"</h1>
                            <NewCourseForm />
                            <CourseTable rows />
                            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading reviews…"</p> }>
                                {move || Suspend::new(async move {
                                    match reviews.await {
                                        Ok(rows) => view! { <NewReviews rows /> }.into_any(),
                                        Err(error) => view! { <ErrorView error /> }.into_any(),
                                    }
                                })}
                            </Suspense>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn NewCourseForm() -> impl IntoView {
    let action = ServerAction::<CreateCourse>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = value.get() {
            navigate(&format!("/teach/courses/{id}"), Default::default());
        }
    });
    let message = move |field: &'static str| move || errors.get().get(field).cloned();
    view! {
        <section aria-labelledby="new-course-title" class=CARD>
            <h2 id="new-course-title" class="text-lg font-semibold">"Start a new course"</h2>
            <ActionForm action attr:class="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
                <div class="flex flex-col gap-1">
                    <label for="new-title" class="text-sm font-medium text-slate-700">"Course title"</label>
                    <input id="new-title" name="title" required maxlength="120" class=INPUT
                        aria-describedby="new-title-error"
                        aria-invalid=move || message("title")().is_some().to_string() />
                    <p id="new-title-error" class="min-h-5 text-sm text-red-700">{message("title")}</p>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="new-category" class="text-sm font-medium text-slate-700">"Category"</label>
                    <select id="new-category" name="category" class=INPUT>
                        {CATEGORIES.iter().map(|(slug, label)| view! { <option value=*slug>{*label}</option> }).collect_view()}
                    </select>
                    <p class="min-h-5 text-sm text-red-700">{message("category")}</p>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="new-level" class="text-sm font-medium text-slate-700">"Level"</label>
                    <select id="new-level" name="level" class=INPUT>
                        {LEVELS.iter().map(|(slug, label)| view! { <option value=*slug>{*label}</option> }).collect_view()}
                    </select>
                    <p class="min-h-5 text-sm text-red-700">{message("level")}</p>
                </div>
                <button type="submit" class=format!("{BUTTON} sm:mt-6") disabled=move || action.pending().get()>
                    {move || if action.pending().get() { "Creating…" } else { "Create course" }}
                </button>
            </ActionForm>
            <FormError value />
        </section>
    }
}

#[component]
fn CourseTable(rows: Vec<AuthoredCourseRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! {
            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                "You have no courses yet. Give your first one a title above to start."
            </p>
        }
        .into_any();
    }
    view! {
        <TableScroll label="Your courses">
        <table class="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm shadow-sm">
            <caption class="sr-only">"Your courses"</caption>
            <thead class="bg-slate-50 text-slate-600">
                <tr>
                    <th scope="col" class="px-4 py-3">"Course"</th>
                    <th scope="col" class="px-4 py-3">"Status"</th>
                    <th scope="col" class="px-4 py-3">"Lessons"</th>
                    <th scope="col" class="px-4 py-3">"Learners"</th>
                    <th scope="col" class="px-4 py-3">"Rating"</th>
                    <th scope="col" class="px-4 py-3">"Last edit"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let published = row.status == "published";
                    view! {
                        <tr class="border-t border-slate-100">
                            <td class="px-4 py-3">
                                <a href=format!("/teach/courses/{}", row.id) class="font-medium text-indigo-700 hover:underline">
                                    {row.title}
                                </a>
                                <p class="text-xs text-slate-500">{row.instructor_name}</p>
                            </td>
                            <td class="px-4 py-3">
                                <span class=if published { "rounded-full bg-emerald-50 px-2 py-0.5 text-emerald-800" } else { "rounded-full bg-amber-50 px-2 py-0.5 text-amber-800" }>
                                    {if published { "Published" } else { "Draft" }}
                                </span>
                            </td>
                            <td class="px-4 py-3">{row.lesson_count}</td>
                            <td class="px-4 py-3">{row.learners}</td>
                            <td class="px-4 py-3 whitespace-nowrap">{rating_cell(row.rating_count, row.rating_tenths)}</td>
                            <td class="px-4 py-3"><LocalTime at=row.updated_at.clone() /></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </TableScroll>
    }
    .into_any()
}

/// "★ 4.3 (12)", read as "4.3 out of 5 from 12 ratings"; "No ratings" without any.
fn rating_cell(count: u64, tenths: u16) -> AnyView {
    if count == 0 {
        return view! { <span class="text-slate-500">"No ratings"</span> }.into_any();
    }
    let average = tenths_text(tenths);
    view! {
        <span class="sr-only">{format!("{average} out of 5 from {count} ratings")}</span>
        <span aria-hidden="true"><span class="text-amber-500">"★ "</span>{format!("{average} ({count})")}</span>
    }
    .into_any()
}

/// The newest reviews of the instructor's courses, each linking to itself on the course page
/// (where the reply form is).
#[component]
fn NewReviews(rows: Vec<NewReview>) -> impl IntoView {
    view! {
        <section class=CARD aria-labelledby="new-reviews-title">
            <h2 id="new-reviews-title" class="mb-3 text-xl font-semibold">"New reviews"</h2>
            {if rows.is_empty() {
                view! { <p class="text-slate-600">"No reviews yet. Learners can review a course once they have opened a lesson."</p> }.into_any()
            } else {
                view! {
                    <ul class="divide-y divide-slate-100" role="list">
                        {rows.into_iter().map(|r| {
                            let href = format!("/courses/{}?reviews=newest#review-{}", r.course_slug, r.id);
                            let stars: String = (1..=5u8).map(|i| if i <= r.rating { '★' } else { '☆' }).collect();
                            let action = if r.replied { "See your reply" } else { "Reply" };
                            let label = format!("{action}: {}'s review of {}", r.author, r.course_title);
                            view! {
                                <li class="space-y-1 py-3">
                                    <p class="flex flex-wrap items-center gap-x-2 text-sm">
                                        <strong>{r.author}</strong>
                                        <span class="text-amber-500" aria-hidden="true">{stars}</span>
                                        <span class="sr-only">{format!("Rated {} out of 5", r.rating)}</span>
                                        <span class="text-slate-600">"on " {r.course_title}</span>
                                        <span class="text-slate-500"><LocalTime at=r.created_at /></span>
                                    </p>
                                    {r.excerpt.map(|text| view! { <p class="break-words text-sm text-slate-700">{text}</p> })}
                                    <a href=href class="text-sm font-medium text-indigo-700 underline" aria-label=label>
                                        {action}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
