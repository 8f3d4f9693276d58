//! `/teach/courses/:id/gradebook`: enrolled learners × graded quizzes: kept percent, attempts
//! and a pass/fail marker per cell, each linking to the attempt; pages; CSV download.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::super::{page_links, BUTTON_LIGHT, CARD};
use super::download::download_text;
use crate::api::quiz::{export_gradebook, get_gradebook};
use crate::components::{BackLink, CardTable, ErrorView};
use crate::error::AppError;
use crate::models::{GradeCell, Gradebook};
use crate::pages::quiz::format_percent;

/// The gradebook page (the course's instructors and admins).
#[component]
pub fn GradebookPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        (
            params.read().get("id").and_then(|s| s.parse::<i64>().ok()),
            query.read().get("page").and_then(|p| p.parse::<u64>().ok()),
        )
    };
    let book = Resource::new(key, |(id, page)| async move {
        match id {
            Some(id) => get_gradebook(id, page).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="p-10 text-slate-500">"Loading the gradebook…"</p> }>
            {move || Suspend::new(async move {
                match book.await {
                    Ok(book) => view! { <GradebookView book /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn cell(c: Option<GradeCell>, learner: &str, quiz: &str) -> impl IntoView {
    match c {
        None => view! { <span class="text-slate-400" aria-label=format!("{learner}: {quiz} not attempted")>"—"</span> }.into_any(),
        Some(c) => {
            let score = c.percent.map(format_percent).unwrap_or_else(|| "In progress".to_owned());
            let (mark, class) = match (c.percent, c.passed) {
                (None, _) => ("", "text-slate-600"),
                (Some(_), true) => (" ✓", "text-emerald-700"),
                (Some(_), false) => (" ✗", "text-red-700"),
            };
            let label = format!(
                "{learner}: {quiz}, {score}{}, {} attempt{}",
                match (c.percent, c.passed) { (None, _) => "", (_, true) => ", passed", _ => ", not passed" },
                c.attempts,
                if c.attempts == 1 { "" } else { "s" }
            );
            view! {
                <a href=format!("/teach/attempts/{}", c.attempt_id) class=format!("font-medium hover:underline {class}") aria-label=label>
                    {score}{mark}
                </a>
                <span class="block text-xs text-slate-500">{format!("{} attempt{}", c.attempts, if c.attempts == 1 { "" } else { "s" })}</span>
            }.into_any()
        }
    }
}

#[component]
fn GradebookView(book: Gradebook) -> impl IntoView {
    let course_id = book.course_id;
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        message.set(None);
        leptos::task::spawn_local(async move {
            match export_gradebook(course_id).await {
                Ok(csv) => {
                    if !download_text("gradebook.csv", "text/csv", &csv) {
                        message.set(Some("The browser refused the download.".into()));
                    }
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let total_pages = book.total.div_ceil(book.per_page.max(1));
    let page = book.page;
    let href = move |p: u64| format!("/teach/courses/{course_id}/gradebook?page={p}");
    let quizzes = book.quizzes.clone();
    view! {
        <Title text=format!("Gradebook: {}", book.course_title) />
        <div class="mx-auto max-w-6xl space-y-6 px-4 py-10">
            <BackLink href=format!("/teach/courses/{course_id}") label=book.course_title />
            <header class="flex flex-wrap items-center justify-between gap-4">
                <h1 class="text-3xl font-bold tracking-tight">"Gradebook"</h1>
                <button type="button" class=BUTTON_LIGHT on:click=download>"Download CSV"</button>
            </header>
            <p role="alert" class="text-sm text-red-700">{move || message.get()}</p>
            {if book.quizzes.is_empty() || book.rows.is_empty() {
                view! {
                    <section class=format!("{CARD} text-center") data-testid="gradebook-empty">
                        <p>{if book.quizzes.is_empty() { "This course has no graded quizzes yet." } else { "No learners are enrolled yet." }}</p>
                    </section>
                }.into_any()
            } else {
                view! {
                    <CardTable label="Gradebook" testid="gradebook-table">
                        <caption class="sr-only">"Learners and their quiz scores"</caption>
                        <thead class="border-b border-slate-200 bg-slate-50 text-slate-600"><tr>
                            <th scope="col" class="px-4 py-2">"Learner"</th>
                            {quizzes.iter().map(|q| view! {
                                <th scope="col" class="px-4 py-2">
                                    <a class="hover:underline" href=format!("/teach/lessons/{}/quiz-stats", q.lesson_id)>{q.title.clone()}</a>
                                    <span class="block text-xs font-normal">{format!("pass {}%", q.pass_percent)}</span>
                                </th>
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {book.rows.into_iter().map(|row| {
                                let quizzes = quizzes.clone();
                                view! {
                                    <tr class="border-b border-slate-100">
                                        <th scope="row" class="px-4 py-2 font-medium">
                                            {row.name.clone()}<span class="block text-xs font-normal text-slate-500">{row.email.clone()}</span>
                                        </th>
                                        {row.cells.into_iter().zip(quizzes).map(|(c, q)| view! {
                                            <td class="px-4 py-2">{cell(c, &row.name, &q.title)}</td>
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </CardTable>
                }.into_any()
            }}
            {page_links(page, total_pages, href)}
        </div>
    }
}
