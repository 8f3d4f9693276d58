//! The "Quiz" section of the lesson editor for quiz lessons: settings and items, saved with an
//! explicit Save (field errors shown; a warning once learners have attempts).

use leptos::prelude::*;

use super::super::{BUTTON, CARD, INPUT};
use super::items::ItemsEditor;
use super::settings_form::SettingsDraft;
use crate::api::quiz::{get_quiz_editor, save_quiz};
use crate::error::{AppError, FieldErrors};
use crate::models::{FeedbackTiming, KeptAttempt, QuizEditor};

/// The quiz section, loaded for `lesson_id`.
#[component]
pub fn QuizSection(lesson_id: i64) -> impl IntoView {
    let editor = Resource::new(move || lesson_id, get_quiz_editor);
    view! {
        <Suspense fallback=|| view! { <p class="text-slate-500">"Loading the quiz…"</p> }>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(editor) => view! { <QuizForm editor /> }.into_any(),
                    Err(error) => view! {
                        <section class=CARD aria-label="Quiz"><p role="alert" class="text-red-700">{format!("The quiz could not be loaded: {error}")}</p></section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn error_line(errors: RwSignal<FieldErrors>, key: &'static str) -> impl IntoView {
    view! { <p id=format!("{key}-error") class="min-h-5 text-sm text-red-700">{move || errors.with(|e| e.get(key).cloned())}</p> }
}

fn check(
    draft: RwSignal<SettingsDraft>,
    label: &'static str,
    get: fn(&SettingsDraft) -> bool,
    set: fn(&mut SettingsDraft, bool),
) -> impl IntoView {
    view! {
        <label class="flex items-center gap-2 text-sm">
            <input type="checkbox" prop:checked=move || draft.with(get)
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| set(d, on)); } />
            {label}
        </label>
    }
}

fn text(
    draft: RwSignal<SettingsDraft>,
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
                prop:value=move || draft.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); } />
            {error_line(errors, key)}
        </div>
    }
}

#[component]
fn QuizForm(editor: QuizEditor) -> impl IntoView {
    let lesson_id = editor.lesson_id;
    let draft = RwSignal::new(SettingsDraft::from_settings(&editor.settings));
    let items = RwSignal::new(editor.items.clone());
    let bank = StoredValue::new(editor.bank.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        let settings = match draft.get_untracked().to_settings() {
            Ok(s) => s,
            Err(fields) => {
                errors.set(fields);
                status.set(Some("Not saved: check the highlighted settings.".into()));
                return;
            }
        };
        errors.set(FieldErrors::new());
        busy.set(true);
        status.set(Some("Saving…".into()));
        leptos::task::spawn_local(async move {
            let result = save_quiz(lesson_id, settings, items.get_untracked()).await;
            busy.set(false);
            match result {
                Ok(()) => status.set(Some("Quiz saved".into())),
                Err(AppError::Validation(fields)) => {
                    errors.set(fields);
                    status.set(Some("Not saved: check the highlighted settings.".into()));
                }
                Err(other) => status.set(Some(format!("Not saved: {other}"))),
            }
        });
    };
    view! {
        <section class=CARD aria-labelledby="quiz-section-title" data-testid="quiz-section">
            <div class="flex flex-wrap items-center justify-between gap-3">
                <h2 id="quiz-section-title" class="text-lg font-semibold">"Quiz"</h2>
                <a class="text-sm text-indigo-700 hover:underline" href=format!("/teach/lessons/{lesson_id}/quiz-stats")>"Quiz statistics"</a>
            </div>
            {editor.has_attempts.then(|| view! {
                <p class="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="quiz-has-attempts">
                    "Learners have already attempted this quiz. Changes apply to attempts started after you save."
                </p>
            })}
            <div class="grid gap-4 sm:grid-cols-3">
                {text(draft, errors, ("quiz-pass", "settings.pass_percent"), "Pass mark (%)", "number", |d| d.pass_percent.clone(), |d, v| d.pass_percent = v)}
                <div class="flex flex-col gap-1">
                    <label for="quiz-attempts" class="text-sm font-medium text-slate-700">"Attempts allowed"</label>
                    <div class="flex items-center gap-3">
                        <input id="quiz-attempts" type="number" min="1" class=INPUT aria-describedby="settings.max_attempts-error"
                            disabled=move || draft.with(|d| d.unlimited)
                            aria-invalid=move || errors.with(|e| e.contains_key("settings.max_attempts")).to_string()
                            prop:value=move || draft.with(|d| d.max_attempts.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.max_attempts = v); } />
                        {check(draft, "Unlimited", |d| d.unlimited, |d, v| d.unlimited = v)}
                    </div>
                    {error_line(errors, "settings.max_attempts")}
                </div>
                <div class="flex flex-col gap-1">
                    <label for="quiz-kept" class="text-sm font-medium text-slate-700">"Score that counts"</label>
                    <select id="quiz-kept" class=INPUT on:change=move |ev| {
                        let kept = match event_target_value(&ev).as_str() { "last" => KeptAttempt::Last, "average" => KeptAttempt::Average, _ => KeptAttempt::Highest };
                        draft.update(|d| d.kept = kept);
                    }>
                        <option value="highest" selected=move || draft.with(|d| d.kept == KeptAttempt::Highest)>"Highest attempt"</option>
                        <option value="last" selected=move || draft.with(|d| d.kept == KeptAttempt::Last)>"Last attempt"</option>
                        <option value="average" selected=move || draft.with(|d| d.kept == KeptAttempt::Average)>"Average of attempts"</option>
                    </select>
                </div>
                {text(draft, errors, ("quiz-time-limit", "settings.time_limit_seconds"), "Time limit in minutes (empty for none)", "text", |d| d.time_limit_minutes.clone(), |d, v| d.time_limit_minutes = v)}
                <div class="flex flex-col gap-1">
                    <label for="quiz-feedback" class="text-sm font-medium text-slate-700">"Show answers and feedback"</label>
                    <select id="quiz-feedback" class=INPUT on:change=move |ev| {
                        let f = match event_target_value(&ev).as_str() { "immediately" => FeedbackTiming::Immediately, "after_close" => FeedbackTiming::AfterClose, _ => FeedbackTiming::AfterSubmit };
                        draft.update(|d| d.feedback = f);
                    }>
                        <option value="immediately" selected=move || draft.with(|d| d.feedback == FeedbackTiming::Immediately)>"Immediately (per question)"</option>
                        <option value="after_submit" selected=move || draft.with(|d| d.feedback == FeedbackTiming::AfterSubmit)>"After submitting"</option>
                        <option value="after_close" selected=move || draft.with(|d| d.feedback == FeedbackTiming::AfterClose)>"After the quiz closes"</option>
                    </select>
                </div>
                <div></div>
                {text(draft, errors, ("quiz-opens", "settings.opens_at"), "Opens (your local time, optional)", "datetime-local", |d| d.opens.clone(), |d, v| d.opens = v)}
                {text(draft, errors, ("quiz-closes", "settings.closes_at"), "Closes (your local time, optional)", "datetime-local", |d| d.closes.clone(), |d, v| d.closes = v)}
            </div>
            <div class="flex flex-wrap gap-x-6 gap-y-2">
                {check(draft, "Shuffle questions", |d| d.shuffle_questions, |d, v| d.shuffle_questions = v)}
                {check(draft, "Shuffle options", |d| d.shuffle_options, |d, v| d.shuffle_options = v)}
                {check(draft, "One question per page", |d| d.one_per_page, |d, v| d.one_per_page = v)}
                {check(draft, "Practice quiz (graded in the browser, not in the gradebook)", |d| d.practice, |d, v| d.practice = v)}
            </div>
            <ItemsEditor items bank tags=editor.tags.clone() errors />
            {move || (!errors.with(|e| e.is_empty())).then(|| view! {
                <ul role="alert" class="list-disc rounded-lg border border-red-200 bg-red-50 p-3 pl-8 text-sm text-red-800" data-testid="quiz-errors">
                    {errors.get().into_values().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            })}
            <div class="flex items-center justify-end gap-3">
                <span role="status" aria-live="polite" class="text-sm text-slate-600" data-testid="quiz-save-status">{move || status.get()}</span>
                <button type="button" class=BUTTON disabled=move || busy.get() on:click=save>"Save quiz"</button>
            </div>
        </section>
    }
}
