//! `/teach/courses/:id/questions/import`: GIFT or CSV pasted or read from a file in the
//! browser, extra tags, a preview of every question read (answers, credits, feedback, notes to
//! check) with every line's problem, then the import itself (all or nothing) and its report.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use super::super::{BUTTON, BUTTON_LIGHT, CARD, INPUT};
use super::download::download_text;
use super::import_preview::{count, to_check, PreviewList, ProblemList};
use super::question_draft::Draft;
use crate::api::quiz::{import_questions, preview_import};
use crate::components::{BackLink, ErrorView};
use crate::error::AppError;
use crate::models::{ImportPreview, ImportReport};

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

/// What a preview was made of: import exactly this, or preview again.
#[derive(Clone, PartialEq)]
struct Request {
    format: String,
    text: String,
    tags: Vec<String>,
}

/// The tags field as a list.
fn tag_list(tags: &str) -> Vec<String> {
    Draft {
        tags: tags.to_owned(),
        ..Draft::default()
    }
    .tag_list()
}

/// A server function's error as one sentence for the alert.
fn message(error: AppError) -> String {
    match error {
        AppError::Validation(fields) => fields.into_values().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

#[component]
fn ImportForm(course_id: i64) -> impl IntoView {
    let format = RwSignal::new("gift".to_owned());
    let text = RwSignal::new(String::new());
    let tags = RwSignal::new(String::new());
    // The preview of the current text, format and tags, with what it was made of.
    let preview = RwSignal::new(None::<(Request, ImportPreview)>);
    let report = RwSignal::new(None::<ImportReport>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let current = move || Request {
        format: format.get_untracked(),
        text: text.get_untracked(),
        tags: tag_list(&tags.get_untracked()),
    };
    // Any change to what would be imported makes the preview stale.
    let changed = move || {
        preview.set(None);
        report.set(None);
    };
    let show_preview = move |_| {
        changed();
        error.set(None);
        if text.with(|t| t.trim().is_empty()) {
            error.set(Some("Paste some questions or choose a file first.".into()));
            return;
        }
        busy.set(true);
        let request = current();
        leptos::task::spawn_local(async move {
            let result = preview_import(
                course_id,
                request.format.clone(),
                request.text.clone(),
                request.tags.clone(),
            )
            .await;
            busy.set(false);
            match result {
                // Edited while the preview was on its way: it is not the current text's.
                Ok(_) if request != current() => {}
                Ok(p) => preview.set(Some((request, p))),
                Err(e) => error.set(Some(message(e))),
            }
        });
    };
    let import = move |_| {
        let Some((request, _)) = preview.get_untracked() else {
            return;
        };
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result =
                import_questions(course_id, request.format, request.text, request.tags).await;
            busy.set(false);
            match result {
                Ok(r) => {
                    preview.set(None);
                    report.set(Some(r));
                }
                Err(e) => error.set(Some(message(e))),
            }
        });
    };
    let bank_href = format!("/teach/courses/{course_id}/questions");
    let status = {
        let bank_href = bank_href.clone();
        move || {
            if let Some(r) = report.get() {
                return Some(report_view(r, &bank_href));
            }
            preview.with(|p| p.as_ref().map(|(_, p)| preview_status(p)))
        }
    };
    view! {
        <Title text="Import questions" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <BackLink href=bank_href.clone() label="Question bank" />
            <h1 class="text-3xl font-bold tracking-tight">"Import questions"</h1>
            <section class=CARD aria-label="Import">
                <div class="grid gap-4 sm:grid-cols-[12rem_1fr]">
                    <div class="flex flex-col gap-1">
                        <label for="import-format" class="text-sm font-medium text-slate-700">"Format"</label>
                        <select id="import-format" class=INPUT on:change=move |ev| { format.set(event_target_value(&ev)); changed(); }>
                            <option value="gift" selected=move || format.get() == "gift">"GIFT (Moodle)"</option>
                            <option value="csv" selected=move || format.get() == "csv">"CSV"</option>
                        </select>
                    </div>
                    <div class="flex min-w-0 flex-col gap-1">
                        <label for="import-file" class="text-sm font-medium text-slate-700">"Read a file (optional)"</label>
                        <input id="import-file" type="file" accept=".gift,.txt,.csv,text/plain,text/csv" class="min-w-0 text-sm"
                            on:change=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    read_file(&input, move |content| { text.set(content); changed(); });
                                }
                            } />
                    </div>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="import-text" class="text-sm font-medium text-slate-700">"Questions"</label>
                    <textarea id="import-text" rows="14" class=format!("{INPUT} font-mono text-sm")
                        prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); changed(); }></textarea>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="import-tags" class="text-sm font-medium text-slate-700">"Add these tags to every question (comma-separated, optional)"</label>
                    <input id="import-tags" type="text" class=INPUT prop:value=move || tags.get() on:input=move |ev| { tags.set(event_target_value(&ev)); changed(); } />
                </div>
                <div class="flex flex-wrap items-center gap-3">
                    <button type="button" class=BUTTON disabled=move || busy.get() on:click=show_preview>
                        {move || if busy.get() && preview.with(Option::is_none) { "Reading…" } else { "Preview" }}
                    </button>
                    <button type="button" class=BUTTON_LIGHT on:click=move |_| { download_text("questions-template.csv", "text/csv", crate::quiz::CSV_TEMPLATE); }>
                        "Download the CSV template"
                    </button>
                </div>
                <p role="alert" class="text-sm font-medium text-red-700">{move || error.get()}</p>
                <div aria-live="polite" class="space-y-2" data-testid="import-report">{status}</div>
            </section>
            // Named "Preview" rather than by its heading: "Preview: 5 questions" would also
            // answer to the text field's label, "Questions".
            {move || preview.get().map(|(_, p)| {
                let importable = p.errors.is_empty() && !p.questions.is_empty();
                let label = format!("Import {}", count(p.questions.len(), "question", "questions"));
                view! {
                    <section class=CARD aria-label="Preview">
                        <PreviewList preview=p />
                        {importable.then(|| view! {
                            <button type="button" class=BUTTON disabled=move || busy.get() on:click=import>
                                {move || if busy.get() { "Importing…".to_owned() } else { label.clone() }}
                            </button>
                        })}
                    </section>
                }
            })}
            <section class=CARD aria-labelledby="gift-help-title">
                <h2 id="gift-help-title" class="text-lg font-semibold">"GIFT cheat sheet"</h2>
                <p class="text-sm text-slate-600">"One question per block, separated by a blank line. Answers go between braces."</p>
                <pre class="overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100" tabindex="0">{GIFT_HELP}</pre>
            </section>
        </div>
    }
}

/// The outcome of an import: how many were imported, or every problem (nothing imported).
fn report_view(r: ImportReport, bank_href: &str) -> AnyView {
    if r.errors.is_empty() {
        view! {
            <p class="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
                {format!("Imported {}. ", count(r.imported as usize, "question", "questions"))}
                <a class="underline" href=bank_href.to_owned()>"Open the question bank"</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <div class="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
                <p class="font-medium">{format!("Nothing was imported: {} to fix.", count(r.errors.len(), "problem", "problems"))}</p>
                <ProblemList errors=r.errors />
            </div>
        }
        .into_any()
    }
}

/// What a preview found, in short: the problems to fix and how many questions to check.
fn preview_status(p: &ImportPreview) -> AnyView {
    let checks = to_check(p);
    view! {
        {(!p.errors.is_empty()).then(|| view! {
            <div class="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
                <p class="font-medium">{format!("{} to fix before importing.", count(p.errors.len(), "problem", "problems"))}</p>
                <ProblemList errors=p.errors.clone() />
            </div>
        })}
        {(checks > 0).then(|| view! {
            <p class="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="import-checks">
                {format!("{} to check: see “Check:” below.", count(checks, "question", "questions"))}
            </p>
        })}
        {p.errors.is_empty().then(|| view! {
            <p class="text-sm text-slate-700">
                {format!("Read {} with no problems. Check the preview below, then import.", count(p.questions.len(), "question", "questions"))}
            </p>
        })}
    }
    .into_any()
}

const GIFT_HELP: &str = "// [tag:geography]
// [points:2]
::Capital:: What is the capital of France? {=Paris#Right! ~%50%Versailles#It was, once. ~Berlin}

Pick the prime numbers. {~%50%2 ~%50%3 ~%-100%4}

The sun is a star. {T#No, it is.#Right.####It is the nearest star.}

Which animal croaks? {=Frog#Good! =%50%Toad#Close. =*#No: a frog.}

What is pi to two decimals? {#=3.14:0.005 =%50%3.1:0.05 ~#Try 22/7.}

Match the animals and sounds. {=cat -> meow =dog -> woof =cow -> moo = -> quack}

The capital of Italy is {=Rome =Roma} and it is lovely.

// [lectern:ordering]
Put these in order, smallest first. {=one =two =three}

// [lectern:blanks]
Fill in the blanks. {=Water boils at [[100]] degrees and freezes at [[0|zero]].}";

#[cfg(test)]
mod tests {
    /// The cheat sheet is what instructors copy: every example imports, valid, with no note.
    #[test]
    fn the_cheat_sheet_imports_cleanly() {
        let items = crate::quiz::gift::parse(super::GIFT_HELP).expect("the cheat sheet imports");
        assert_eq!(items.len(), 9);
        for item in &items {
            assert!(item.notes.is_empty(), "{item:?}");
            assert_eq!(crate::quiz::validate(&item.question), Ok(()), "{item:?}");
        }
    }
}
