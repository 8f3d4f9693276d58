//! `/teach/courses/:id/questions/import`: GIFT or CSV pasted or read from a file in the
//! browser, extra tags, and a report: how many were imported, or every line's error (then
//! nothing is imported).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use super::super::{BUTTON, BUTTON_LIGHT, CARD, INPUT};
use super::download::download_text;
use super::question_draft::Draft;
use crate::api::quiz::import_questions;
use crate::components::ErrorView;
use crate::error::AppError;
use crate::models::ImportReport;

/// The import page.
#[component]
pub fn ImportQuestionsPage() -> impl IntoView {
    let params = use_params_map();
    match params
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
    {
        Some(course_id) => view! { <ImportForm course_id /> }.into_any(),
        None => view! { <ErrorView error=AppError::NotFound /> }.into_any(),
    }
}

/// Reads a picked file's text in the browser, then calls `done` with it.
fn read_file(input: &web_sys::HtmlInputElement, done: impl Fn(String) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let reader_c = reader.clone();
    let onload = wasm_bindgen::closure::Closure::once(move || {
        if let Some(text) = reader_c.result().ok().and_then(|v| v.as_string()) {
            done(text);
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let _ = reader.read_as_text(&file);
}

#[component]
fn ImportForm(course_id: i64) -> impl IntoView {
    let format = RwSignal::new("gift".to_owned());
    let text = RwSignal::new(String::new());
    let tags = RwSignal::new(String::new());
    let report = RwSignal::new(None::<ImportReport>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let import = move |_| {
        report.set(None);
        error.set(None);
        if text.with(|t| t.trim().is_empty()) {
            error.set(Some("Paste some questions or choose a file first.".into()));
            return;
        }
        busy.set(true);
        let tag_list = Draft {
            tags: tags.get_untracked(),
            ..Draft::default()
        }
        .tag_list();
        leptos::task::spawn_local(async move {
            let result = import_questions(
                course_id,
                format.get_untracked(),
                text.get_untracked(),
                tag_list,
            )
            .await;
            busy.set(false);
            match result {
                Ok(r) => report.set(Some(r)),
                Err(AppError::Validation(fields)) => {
                    error.set(Some(fields.into_values().collect::<Vec<_>>().join(" ")))
                }
                Err(other) => error.set(Some(other.to_string())),
            }
        });
    };
    let bank_href = format!("/teach/courses/{course_id}/questions");
    view! {
        <Title text="Import questions" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <nav aria-label="Breadcrumb" class="text-sm">
                <a href=bank_href.clone() class="text-indigo-700 hover:underline">"← Question bank"</a>
            </nav>
            <h1 class="text-3xl font-bold tracking-tight">"Import questions"</h1>
            <section class=CARD aria-label="Import">
                <div class="grid gap-4 sm:grid-cols-[12rem_1fr]">
                    <div class="flex flex-col gap-1">
                        <label for="import-format" class="text-sm font-medium text-slate-700">"Format"</label>
                        <select id="import-format" class=INPUT on:change=move |ev| format.set(event_target_value(&ev))>
                            <option value="gift" selected=move || format.get() == "gift">"GIFT (Moodle)"</option>
                            <option value="csv" selected=move || format.get() == "csv">"CSV"</option>
                        </select>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="import-file" class="text-sm font-medium text-slate-700">"Read a file (optional)"</label>
                        <input id="import-file" type="file" accept=".gift,.txt,.csv,text/plain,text/csv" class="text-sm"
                            on:change=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    read_file(&input, move |content| text.set(content));
                                }
                            } />
                    </div>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="import-text" class="text-sm font-medium text-slate-700">"Questions"</label>
                    <textarea id="import-text" rows="14" class=format!("{INPUT} font-mono text-sm")
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="import-tags" class="text-sm font-medium text-slate-700">"Add these tags to every question (comma-separated, optional)"</label>
                    <input id="import-tags" type="text" class=INPUT prop:value=move || tags.get() on:input=move |ev| tags.set(event_target_value(&ev)) />
                </div>
                <div class="flex flex-wrap items-center gap-3">
                    <button type="button" class=BUTTON disabled=move || busy.get() on:click=import>
                        {move || if busy.get() { "Importing…" } else { "Import" }}
                    </button>
                    <button type="button" class=BUTTON_LIGHT on:click=move |_| { download_text("questions-template.csv", "text/csv", crate::quiz::CSV_TEMPLATE); }>
                        "Download the CSV template"
                    </button>
                </div>
                <p role="alert" class="text-sm font-medium text-red-700">{move || error.get()}</p>
                <div aria-live="polite" data-testid="import-report">
                    {move || report.get().map(|r| if r.errors.is_empty() {
                        view! {
                            <p class="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
                                {format!("Imported {} question{}. ", r.imported, if r.imported == 1 { "" } else { "s" })}
                                <a class="underline" href=bank_href.clone()>"Open the question bank"</a>
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
                                <p class="font-medium">{format!("Nothing was imported: {} problem{} to fix.", r.errors.len(), if r.errors.len() == 1 { "" } else { "s" })}</p>
                                <ul class="mt-2 list-disc pl-5 text-sm" data-testid="import-errors">
                                    {r.errors.into_iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.message)}</li> }).collect_view()}
                                </ul>
                            </div>
                        }.into_any()
                    })}
                </div>
            </section>
            <section class=CARD aria-labelledby="gift-help-title">
                <h2 id="gift-help-title" class="text-lg font-semibold">"GIFT cheat sheet"</h2>
                <p class="text-sm text-slate-600">"One question per block, separated by a blank line. Answers go between braces."</p>
                <pre class="overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100">{GIFT_HELP}</pre>
            </section>
        </div>
    }
}

const GIFT_HELP: &str = "// [tag:geography]
// [points:2]
::Capital:: What is the capital of France? {=Paris#Right! ~London#That is England. ~Berlin}

Pick the prime numbers. {~%50%2 ~%50%3 ~%-100%4}

The sun is a star. {T}

Name a colour of the French flag. {=blue =white =red}

What is pi to two decimals? {#3.14:0.005}

Match the animals and sounds. {=cat -> meow =dog -> woof =cow -> moo}

The capital of Italy is {=Rome =Roma} and it is lovely.

// [lectern:ordering]
Put these in order, smallest first. {=one =two =three}

// [lectern:blanks]
Fill in the blanks. {=Water boils at [[100]] degrees and freezes at [[0|zero]].}";
