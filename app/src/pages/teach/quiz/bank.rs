//! `/teach/courses/:id/questions`: a course's question bank: tag chips, search, pages,
//! create, import, export as GIFT, delete.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::super::{page_links, BUTTON, BUTTON_LIGHT, CARD, INPUT};
use super::download::download_text;
use crate::api::quiz::{delete_question, export_questions, list_questions};
use crate::components::{BackLink, CardTable, Confirm, ConfirmDialog, ErrorView};
use crate::error::AppError;
use crate::format::count;
use crate::models::QuestionBank;
use crate::pages::quiz::format_score;

/// The bank page (the course's instructors and admins).
#[component]
pub fn QuestionBankPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let id = params.read().get("id").and_then(|s| s.parse::<i64>().ok());
        let q = query.read();
        let tag = q.get("tag").filter(|t| !t.is_empty());
        let search = q.get("search").filter(|t| !t.trim().is_empty());
        let page = q.get("page").and_then(|p| p.parse::<u64>().ok());
        (id, tag, search, page)
    };
    let reload = RwSignal::new(0u32);
    let bank = Resource::new(
        move || (key(), reload.get()),
        |((id, tag, search, page), _)| async move {
            match id {
                Some(id) => list_questions(id, tag, search, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="p-10 text-slate-500">"Loading the question bank…"</p> }>
            {move || {
                let (_, tag, search, _) = key();
                Suspend::new(async move {
                    match bank.await {
                        Ok(bank) => view! { <BankView bank tag search reload /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

fn bank_href(course_id: i64, tag: Option<&str>, search: Option<&str>, page: u64) -> String {
    let mut parts = Vec::new();
    if let Some(tag) = tag {
        parts.push(format!("tag={}", encode(tag)));
    }
    if let Some(search) = search {
        parts.push(format!("search={}", encode(search)));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    let query = if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    };
    format!("/teach/courses/{course_id}/questions{query}")
}

/// Percent-encodes a query value.
pub(crate) fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn BankView(
    bank: QuestionBank,
    tag: Option<String>,
    search: Option<String>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let course_id = bank.course_id;
    let message = RwSignal::new(None::<String>);
    let export_tag = tag.clone();
    let export = move |_| {
        let tag = export_tag.clone();
        message.set(None);
        leptos::task::spawn_local(async move {
            match export_questions(course_id, tag).await {
                Ok(text) => {
                    if !download_text("questions.gift.txt", "text/plain", &text) {
                        message.set(Some("The browser refused the download.".into()));
                    }
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let confirm = Confirm::new();
    let delete = move |id: i64, title: String| {
        confirm.ask(
            format!("Delete the question “{title}”?"),
            "This cannot be undone.",
            "Delete question",
            move || {
                message.set(None);
                leptos::task::spawn_local(async move {
                    match delete_question(id).await {
                        Ok(()) => reload.update(|n| *n += 1),
                        Err(AppError::Conflict(text)) => message.set(Some(text)),
                        Err(error) => message.set(Some(error.to_string())),
                    }
                });
            },
        );
    };
    let total_pages = bank.total.div_ceil(bank.per_page.max(1));
    let page = bank.page;
    let filtered = tag.is_some() || search.is_some();
    let chip =
        "inline-block max-w-full rounded-full border px-3 py-1 text-sm [overflow-wrap:anywhere]";
    let search_value = search.clone().unwrap_or_default();
    let hidden_tag = tag.clone();
    let all_href = bank_href(course_id, None, search.as_deref(), 1);
    let all_on = tag.is_none();
    let chips: Vec<(String, String, bool)> = bank
        .tags
        .iter()
        .map(|t| {
            let on = tag.as_deref() == Some(t.tag.as_str());
            (
                format!("{} ({})", t.tag, t.count),
                bank_href(course_id, Some(&t.tag), search.as_deref(), 1),
                on,
            )
        })
        .collect();
    let export_label = if tag.is_some() {
        "Export this tag (GIFT)"
    } else {
        "Export GIFT"
    };
    view! {
        <Title text=format!("Question bank: {}", bank.course_title) />
        <div class="mx-auto max-w-6xl space-y-6 px-4 py-10">
            <ConfirmDialog confirm id="question-confirm" />
            <BackLink href=format!("/teach/courses/{course_id}") label=bank.course_title />
            <header class="flex flex-wrap items-center justify-between gap-4">
                <h1 class="text-3xl font-bold tracking-tight">"Question bank"</h1>
                <div class="flex flex-wrap gap-2">
                    <a class=BUTTON href=format!("/teach/courses/{course_id}/questions/new")>"New question"</a>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/questions/import")>"Import"</a>
                    <button type="button" class=BUTTON_LIGHT on:click=export>
                        {export_label}
                    </button>
                </div>
            </header>
            <p role="alert" class="min-h-5 text-sm font-medium text-red-700" data-testid="bank-message">{move || message.get()}</p>
            <section class=CARD aria-label="Filter questions">
                <Form method="GET" action=format!("/teach/courses/{course_id}/questions") attr:class="flex flex-wrap items-end gap-3">
                    <div class="flex flex-1 flex-col gap-1">
                        <label for="bank-search" class="text-sm font-medium text-slate-700">"Search questions"</label>
                        <input id="bank-search" name="search" type="search" class=INPUT value=search_value />
                    </div>
                    {hidden_tag.map(|t| view! { <input type="hidden" name="tag" value=t /> })}
                    <button type="submit" class=BUTTON_LIGHT>"Search"</button>
                </Form>
                {(!chips.is_empty()).then(|| view! {
                    <ul class="flex flex-wrap gap-2" aria-label="Tags" role="list">
                        <li><a href=all_href aria-current=all_on.then_some("true")
                            class=format!("{chip} {}", if all_on { "border-indigo-600 bg-indigo-600 text-white" } else { "border-slate-300 bg-white" })>"All"</a></li>
                        {chips.into_iter().map(|(label, href, on)| view! {
                            <li><a href=href aria-current=on.then_some("true")
                                class=format!("{chip} {}", if on { "border-indigo-600 bg-indigo-600 text-white" } else { "border-slate-300 bg-white hover:bg-slate-50" })>
                                {label}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
            {if bank.questions.is_empty() {
                view! {
                    <section class=format!("{CARD} text-center") data-testid="bank-empty">
                        <p class="text-slate-700">{if filtered { "No questions match this filter." } else { "This course has no questions yet." }}</p>
                        <p class="text-sm text-slate-600">"Write one with “New question”, or import a GIFT or CSV file."</p>
                    </section>
                }.into_any()
            } else {
                view! {
                    <CardTable label="Questions" testid="bank-table">
                        <caption class="sr-only">{count(bank.total, "question", "questions")}</caption>
                        <thead class="border-b border-slate-200 bg-slate-50 text-slate-600"><tr>
                            <th scope="col" class="px-4 py-2">"Question"</th>
                            <th scope="col" class="px-4 py-2">"Type"</th>
                            <th scope="col" class="px-4 py-2">"Tags"</th>
                            <th scope="col" class="px-4 py-2">"Points"</th>
                            <th scope="col" class="px-4 py-2">"Used in"</th>
                            <th scope="col" class="px-4 py-2"><span class="sr-only">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {bank.questions.into_iter().map(|q| {
                                let title = q.title.clone();
                                let id = q.id;
                                view! {
                                    <tr class="border-b border-slate-100">
                                        <td class="px-4 py-2"><a class="text-indigo-700 hover:underline" href=format!("/teach/questions/{id}")>{q.title.clone()}</a></td>
                                        <td class="px-4 py-2">{q.kind.label()}</td>
                                        <td class="px-4 py-2">{q.tags.join(", ")}</td>
                                        <td class="px-4 py-2">{format_score(q.points)}</td>
                                        <td class="px-4 py-2">{format!("{} quiz{}", q.used_in, if q.used_in == 1 { "" } else { "zes" })}</td>
                                        <td class="px-4 py-2 text-right">
                                            <button type="button" class=BUTTON_LIGHT aria-label=format!("Delete “{}”", q.title)
                                                on:click=move |_| delete(id, title.clone())>"Delete"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </CardTable>
                }.into_any()
            }}
            {page_links(page, total_pages, |p| bank_href(course_id, tag.as_deref(), search.as_deref(), p))}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_keep_the_filter() {
        assert_eq!(bank_href(3, None, None, 1), "/teach/courses/3/questions");
        assert_eq!(
            bank_href(3, Some("a b"), Some("x&y"), 2),
            "/teach/courses/3/questions?tag=a+b&search=x%26y&page=2"
        );
    }
}
