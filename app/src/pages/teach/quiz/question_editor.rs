//! `/teach/courses/:id/questions/new` and `/teach/questions/:id`: the question editor. The
//! type can change without losing what was typed; the stem has a live preview; the question
//! is checked with the same `crate::quiz::validate` as the server before it is sent, and the
//! server's field errors show next to the fields.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use super::super::{BUTTON, CARD, INPUT};
use super::question_draft::Draft;
use super::question_forms::{field_error, BodyForm};
use crate::api::quiz::{get_question, save_question};
use crate::components::{use_markdown_preview, BackLink, ErrorView, MarkdownPreview};
use crate::error::{AppError, FieldErrors};
use crate::models::QuestionInput;
use crate::quiz::{validate, QuestionKind};

/// A new question for a course's bank.
#[component]
pub fn NewQuestionPage() -> impl IntoView {
    let params = use_params_map();
    let course_id = params
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok());
    match course_id {
        Some(course_id) => {
            view! { <QuestionForm course_id id=None draft=Draft::default() /> }.into_any()
        }
        None => view! { <ErrorView error=AppError::NotFound /> }.into_any(),
    }
}

/// An existing bank question.
#[component]
pub fn EditQuestionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let question = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_question(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="p-10 text-slate-500">"Loading the question…"</p> }>
            {move || Suspend::new(async move {
                match question.await {
                    Ok(q) => {
                        let draft = Draft::from_question(&q.question, &q.tags);
                        view! { <QuestionForm course_id=q.course_id id=Some(q.id) draft /> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn text_area(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    (id, key): (&'static str, &'static str),
    label: &'static str,
    rows: u32,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">{label}</label>
            <textarea id=id rows=rows class=format!("{INPUT} font-mono text-sm")
                aria-invalid=move || errors.with(|e| e.contains_key(key)).to_string()
                prop:value=move || draft.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); }></textarea>
            {field_error(errors, key.to_owned())}
        </div>
    }
}

#[component]
fn QuestionForm(course_id: i64, id: Option<i64>, draft: Draft) -> impl IntoView {
    let draft = RwSignal::new(draft);
    let errors = RwSignal::new(FieldErrors::new());
    let query = use_query_map();
    let just_saved = query.read_untracked().get("saved").is_some();
    let status = RwSignal::new(just_saved.then(|| "Saved".to_owned()));
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let bank_href = format!("/teach/courses/{course_id}/questions");
    let save = move |_| {
        let d = draft.get_untracked();
        let question = d.to_question();
        if let Err(fields) = validate(&question) {
            errors.set(fields);
            status.set(Some("Not saved: check the highlighted fields.".into()));
            return;
        }
        errors.set(FieldErrors::new());
        busy.set(true);
        status.set(Some("Saving…".into()));
        let input = QuestionInput {
            course_id,
            id,
            tags: d.tag_list(),
            question,
        };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = save_question(input).await;
            busy.set(false);
            match result {
                Ok(saved) if id.is_none() => navigate(
                    &format!("/teach/questions/{saved}?saved=1"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                ),
                Ok(_) => status.set(Some("Saved".into())),
                Err(AppError::Validation(fields)) => {
                    errors.set(fields);
                    status.set(Some("Not saved: check the highlighted fields.".into()));
                }
                Err(other) => status.set(Some(format!("Not saved: {other}"))),
            }
        });
    };
    let save_bottom = save.clone();
    let (preview, preview_error) = use_markdown_preview(move || draft.with(|d| d.stem.clone()));
    let title = if id.is_some() {
        "Edit question"
    } else {
        "New question"
    };
    view! {
        <Title text=title />
        <div class="mx-auto max-w-6xl space-y-6 px-4 py-10">
            <BackLink href=bank_href.clone() label="Question bank" />
            <header class="flex flex-wrap items-center justify-between gap-4">
                <h1 class="text-3xl font-bold tracking-tight">{title}</h1>
                <div class="flex items-center gap-3">
                    <span role="status" aria-live="polite" data-testid="question-save-status"
                        class=move || if errors.with(|e| e.is_empty()) { "text-sm text-slate-600" } else { "text-sm font-medium text-red-700" }>
                        {move || status.get()}
                    </span>
                    <button type="button" class=BUTTON disabled=move || busy.get() on:click=save>"Save question"</button>
                </div>
            </header>
            {move || (!errors.with(|e| e.is_empty())).then(|| view! {
                <div role="alert" class="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800" data-testid="question-errors">
                    <p class="font-medium">"Please fix these problems:"</p>
                    <ul class="list-disc pl-5">{errors.get().into_values().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            })}
            <section class=CARD aria-label="Question">
                <div class="grid gap-4 sm:grid-cols-[1fr_8rem_2fr]">
                    <div class="flex flex-col gap-1">
                        <label for="question-type" class="text-sm font-medium text-slate-700">"Type"</label>
                        <select id="question-type" class=INPUT
                            on:change=move |ev| {
                                if let Some(kind) = QuestionKind::from_slug(&event_target_value(&ev)) {
                                    draft.update(|d| d.kind = kind);
                                    errors.set(FieldErrors::new());
                                }
                            }>
                            {QuestionKind::ALL.into_iter().map(|k| view! {
                                <option value=k.slug() selected=move || draft.with(|d| d.kind == k)>{k.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="question-points" class="text-sm font-medium text-slate-700">"Points"</label>
                        <input id="question-points" type="text" inputmode="decimal" class=INPUT
                            aria-invalid=move || errors.with(|e| e.contains_key("points")).to_string()
                            prop:value=move || draft.with(|d| d.points.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.points = v); } />
                        {field_error(errors, "points".into())}
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="question-tags" class="text-sm font-medium text-slate-700">"Tags (comma-separated)"</label>
                        <input id="question-tags" type="text" class=INPUT
                            aria-invalid=move || errors.with(|e| e.contains_key("tags")).to_string()
                            prop:value=move || draft.with(|d| d.tags.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.tags = v); } />
                        {field_error(errors, "tags".into())}
                    </div>
                </div>
                <div class="grid gap-4 lg:grid-cols-2">
                    {text_area(draft, errors, ("question-stem", "stem"), "Question (markdown)", 8, |d| d.stem.clone(), |d, v| d.stem = v)}
                    <MarkdownPreview name="stem" html=preview error=preview_error box_class="min-h-40 bg-white p-4" />
                </div>
            </section>
            <section class=CARD aria-label="Answers">
                <BodyForm draft errors />
            </section>
            <section class=CARD aria-label="General feedback">
                {text_area(draft, errors, ("question-feedback", "feedback"), "General feedback, shown with every answer (markdown, optional)", 3, |d| d.general_feedback.clone(), |d, v| d.general_feedback = v)}
            </section>
            <div class="flex justify-end">
                <button type="button" class=BUTTON disabled=move || busy.get() on:click=save_bottom>"Save question"</button>
            </div>
        </div>
    }
}
