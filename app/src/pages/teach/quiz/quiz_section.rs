//! The "Quiz" section of the lesson editor for quiz lessons: settings and items, saved as
//! they change (like the course and lesson editors: a status line says saved, saving or what
//! failed, and unsaved edits are kept in the browser until the server has them).

use leptos::prelude::*;

use super::super::{CARD, INPUT};
use super::items::ItemsEditor;
use super::settings_form::{QuizDraft, SettingsDraft};
use crate::api::quiz::{get_quiz_editor, save_quiz};
use crate::components::{use_autosave, SaveStatus};
use crate::error::{AppError, FieldErrors};
use crate::models::{FeedbackTiming, KeptAttempt, QuizEditor, Saved};

fn load_failed(error: AppError) -> impl IntoView {
    view! {
        <section class=CARD aria-label="Quiz"><p role="alert" class="text-red-700">{format!("The quiz could not be loaded: {error}")}</p></section>
    }
}

/// The quiz section of lesson `lesson_id`: the quiz `loaded` with the page, or (when the
/// lesson has just been made a quiz in the browser) loaded here.
///
/// Only the browser ever loads it here: a resource made inside the page's `Suspend` on the
/// server is made again each time the server's `Suspense` re-checks its children, and the
/// browser would then hydrate with the wrong data.
#[component]
pub fn QuizSection(lesson_id: i64, loaded: Option<Result<QuizEditor, AppError>>) -> impl IntoView {
    if let Some(loaded) = loaded {
        return match loaded {
            Ok(editor) => view! { <QuizForm editor /> }.into_any(),
            Err(error) => load_failed(error).into_any(),
        };
    }
    let editor = Resource::new(move || lesson_id, get_quiz_editor);
    view! {
        <Suspense fallback=|| view! { <p class="text-slate-500">"Loading the quiz…"</p> }>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(editor) => view! { <QuizForm editor /> }.into_any(),
                    Err(error) => load_failed(error).into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn error_line(errors: RwSignal<FieldErrors>, key: &'static str) -> impl IntoView {
    view! { <p id=format!("{key}-error") class="min-h-5 text-sm text-red-700">{move || errors.with(|e| e.get(key).cloned())}</p> }
}

fn check(
    draft: RwSignal<QuizDraft>,
    label: &'static str,
    get: fn(&SettingsDraft) -> bool,
    set: fn(&mut SettingsDraft, bool),
) -> impl IntoView {
    view! {
        <label class="flex items-center gap-2 text-sm">
            <input type="checkbox" prop:checked=move || draft.with(|d| get(&d.settings))
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| set(&mut d.settings, on)); } />
            {label}
        </label>
    }
}

fn text(
    draft: RwSignal<QuizDraft>,
    errors: RwSignal<FieldErrors>,
    (id, key): (&'static str, &'static str),
    label: &'static str,
    kind: &'static str,
    get: fn(&SettingsDraft) -> String,
    set: fn(&mut SettingsDraft, String),
) -> impl IntoView {
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">{label}</label>
            <input id=id type=kind class=INPUT aria-describedby=format!("{key}-error")
                aria-invalid=move || errors.with(|e| e.contains_key(key)).to_string()
                prop:value=move || draft.with(|d| get(&d.settings))
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(&mut d.settings, v)); } />
            {error_line(errors, key)}
        </div>
    }
}

/// The quiz's save status in words ("All quiz changes saved", …).
fn status_text(status: &SaveStatus) -> String {
    match status {
        SaveStatus::Saved => "All quiz changes saved".to_owned(),
        SaveStatus::Pending => "Unsaved quiz changes…".to_owned(),
        SaveStatus::Saving => "Saving the quiz…".to_owned(),
        SaveStatus::Failed(message) | SaveStatus::Conflict(message) => message.clone(),
    }
}

#[component]
fn QuizForm(editor: QuizEditor) -> impl IntoView {
    let lesson_id = editor.lesson_id;
    let initial = QuizDraft {
        settings: SettingsDraft::from_settings(&editor.settings),
        items: editor.items.clone(),
    };
    // Quizzes carry no revision: the revision is always 0, and the last save wins.
    let autosave = use_autosave(
        format!("quiz:{lesson_id}"),
        initial,
        0,
        move |draft: QuizDraft, _revision| async move {
            let settings = draft.settings.to_settings().map_err(AppError::Validation)?;
            save_quiz(lesson_id, settings, draft.items).await?;
            Ok(Saved {
                revision: 0,
                slug: String::new(),
            })
        },
    );
    let draft = autosave.draft;
    let errors: RwSignal<FieldErrors> = autosave.errors;
    let status = autosave.status;
    let save_now = autosave.save_now;
    let bank = StoredValue::new(editor.bank.clone());
    // Only a change of "Unlimited" shows or hides the number (not every keystroke).
    let unlimited = Memo::new(move |_| draft.with(|d| d.settings.unlimited));
    view! {
        <section class=CARD aria-labelledby="quiz-section-title" data-testid="quiz-section">
            <div class="flex flex-wrap items-center justify-between gap-3">
                <h2 id="quiz-section-title" class="text-lg font-semibold">"Quiz"</h2>
                <a class="text-sm text-indigo-700 hover:underline" href=format!("/teach/lessons/{lesson_id}/quiz-stats")>"Quiz statistics"</a>
            </div>
            {editor.has_attempts.then(|| view! {
                <p class="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="quiz-has-attempts">
                    "Learners have already attempted this quiz. Changes apply to attempts started after they are saved."
                </p>
            })}
            <div class="grid gap-4 sm:grid-cols-3">
                {text(draft, errors, ("quiz-pass", "settings.pass_percent"), "Pass mark (%)", "number", |d| d.pass_percent.clone(), |d, v| d.pass_percent = v)}
                <fieldset class="flex flex-col gap-1">
                    <legend class="text-sm font-medium text-slate-700">"Attempts allowed"</legend>
                    <div class="flex min-h-10 items-center gap-3">
                        {check(draft, "Unlimited", |d| d.unlimited, |d, v| d.unlimited = v)}
                        {move || (!unlimited.get()).then(|| view! {
                            <label for="quiz-attempts" class="sr-only">"Number of attempts"</label>
                            <input id="quiz-attempts" type="number" min="1" max="100" class=format!("{INPUT} w-24")
                                aria-describedby="settings.max_attempts-error"
                                aria-invalid=move || errors.with(|e| e.contains_key("settings.max_attempts")).to_string()
                                prop:value=move || draft.with(|d| d.settings.max_attempts.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.settings.max_attempts = v); } />
                        })}
                    </div>
                    {error_line(errors, "settings.max_attempts")}
                </fieldset>
                <div class="flex flex-col gap-1">
                    <label for="quiz-kept" class="text-sm font-medium text-slate-700">"Score that counts"</label>
                    <select id="quiz-kept" class=INPUT on:change=move |ev| {
                        let kept = match event_target_value(&ev).as_str() { "last" => KeptAttempt::Last, "average" => KeptAttempt::Average, _ => KeptAttempt::Highest };
                        draft.update(|d| d.settings.kept = kept);
                    }>
                        <option value="highest" selected=move || draft.with(|d| d.settings.kept == KeptAttempt::Highest)>"Highest attempt"</option>
                        <option value="last" selected=move || draft.with(|d| d.settings.kept == KeptAttempt::Last)>"Last attempt"</option>
                        <option value="average" selected=move || draft.with(|d| d.settings.kept == KeptAttempt::Average)>"Average of attempts"</option>
                    </select>
                </div>
                {text(draft, errors, ("quiz-time-limit", "settings.time_limit_seconds"), "Time limit in minutes (empty for none)", "text", |d| d.time_limit_minutes.clone(), |d, v| d.time_limit_minutes = v)}
                <div class="flex flex-col gap-1">
                    <label for="quiz-feedback" class="text-sm font-medium text-slate-700">"Show answers and feedback"</label>
                    <select id="quiz-feedback" class=INPUT on:change=move |ev| {
                        let f = match event_target_value(&ev).as_str() { "immediately" => FeedbackTiming::Immediately, "after_close" => FeedbackTiming::AfterClose, _ => FeedbackTiming::AfterSubmit };
                        draft.update(|d| d.settings.feedback = f);
                    }>
                        <option value="immediately" selected=move || draft.with(|d| d.settings.feedback == FeedbackTiming::Immediately)>"Immediately (per question)"</option>
                        <option value="after_submit" selected=move || draft.with(|d| d.settings.feedback == FeedbackTiming::AfterSubmit)>"After submitting"</option>
                        <option value="after_close" selected=move || draft.with(|d| d.settings.feedback == FeedbackTiming::AfterClose)>"After the quiz closes"</option>
                    </select>
                </div>
                {text(draft, errors, ("quiz-grace", "settings.grace_seconds"), "Network grace period in seconds (0–120)", "text", |d| d.grace_seconds.clone(), |d, v| d.grace_seconds = v)}
                {text(draft, errors, ("quiz-opens", "settings.opens_at"), "Opens (your local time, optional)", "datetime-local", |d| d.opens.clone(), |d, v| d.opens = v)}
                {text(draft, errors, ("quiz-closes", "settings.closes_at"), "Closes (your local time, optional)", "datetime-local", |d| d.closes.clone(), |d, v| d.closes = v)}
            </div>
            <div class="flex flex-wrap gap-x-6 gap-y-2">
                {check(draft, "Shuffle questions", |d| d.shuffle_questions, |d, v| d.shuffle_questions = v)}
                {check(draft, "Shuffle options", |d| d.shuffle_options, |d, v| d.shuffle_options = v)}
                {check(draft, "One question per page", |d| d.one_per_page, |d, v| d.one_per_page = v)}
                {check(draft, "Practice quiz (graded in the browser, not in the gradebook)", |d| d.practice, |d, v| d.practice = v)}
            </div>
            <ItemsEditor draft bank tags=editor.tags.clone() errors course_id=editor.course_id />
            {move || (!errors.with(|e| e.is_empty())).then(|| view! {
                <ul role="alert" class="list-disc rounded-lg border border-red-200 bg-red-50 p-3 pl-8 text-sm text-red-800" data-testid="quiz-errors">
                    {errors.get().into_values().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            })}
            <div class="flex flex-wrap items-center justify-end gap-3">
                <span role="status" aria-live="polite" data-testid="quiz-save-status"
                    class=move || match status.get() {
                        SaveStatus::Failed(_) | SaveStatus::Conflict(_) => "text-sm font-medium text-red-700",
                        SaveStatus::Saved => "text-sm text-emerald-700",
                        _ => "text-sm text-slate-600",
                    }>{move || status.with(status_text)}</span>
                {move || matches!(status.get(), SaveStatus::Failed(_)).then(|| view! {
                    <button type="button" class="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-50"
                        on:click=move |_| save_now.update(|n| *n += 1)>"Retry saving the quiz"</button>
                })}
            </div>
        </section>
    }
}
