//! The submit confirmation: lists unanswered questions by number, sends what is unsent, then
//! submits and opens the result.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::save_queue::SaveQueue;
use super::{BUTTON, BUTTON_LIGHT};
use crate::api::quiz::submit_attempt;
use crate::error::AppError;

/// A modal dialog confirming the submission of an attempt.
#[component]
pub fn SubmitDialog(
    open: RwSignal<bool>,
    attempt_id: i64,
    /// 1-based numbers of the unanswered questions.
    unanswered: Signal<Vec<usize>>,
    queue: SaveQueue,
    result_href: String,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = confirm_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let navigate = use_navigate();
    let done = StoredValue::new(move || navigate(&result_href, NavigateOptions::default()));
    let submit = move |_| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let sent = queue.drain().await;
            let result = match sent {
                Ok(()) | Err(AppError::Conflict(_)) => submit_attempt(attempt_id).await.map(|_| ()),
                Err(other) => Err(other),
            };
            match result {
                // Conflict: already submitted (time ran out); the result is there either way.
                Ok(()) | Err(AppError::Conflict(_)) => done.with_value(|go| go()),
                Err(other) => {
                    busy.set(false);
                    error.set(Some(format!("Not submitted: {other}")));
                }
            }
        });
    };
    let summary = move || {
        let missing = unanswered.get();
        match missing.len() {
            0 => "You have answered every question.".to_owned(),
            1 => format!("Question {} is unanswered.", missing[0]),
            _ => format!(
                "Questions {} are unanswered.",
                missing
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    move || {
        open.get().then(|| {
            view! {
                <div class="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/50 p-4"
                    on:keydown=move |ev| if ev.key() == "Escape" && !busy.get_untracked() { open.set(false) }>
                    <div role="dialog" aria-modal="true" aria-labelledby="submit-title" aria-describedby="submit-summary"
                        class="w-full max-w-md space-y-4 rounded-xl bg-white p-6 shadow-xl">
                        <h2 id="submit-title" class="text-xl font-semibold">"Submit your answers?"</h2>
                        <p id="submit-summary" data-testid="unanswered-summary">{summary}</p>
                        <p class="text-sm text-slate-600">"You cannot change your answers after submitting."</p>
                        <p role="alert" class="text-sm text-red-700">{move || error.get()}</p>
                        <div class="flex justify-end gap-3">
                            <button type="button" class=BUTTON_LIGHT disabled=move || busy.get()
                                on:click=move |_| open.set(false)>"Keep working"</button>
                            <button type="button" class=BUTTON node_ref=confirm_ref disabled=move || busy.get()
                                on:click=submit>{move || if busy.get() { "Submitting…" } else { "Submit" }}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
