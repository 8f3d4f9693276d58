//! Autosave for editors: debounced saves with a visible state, and a copy of every unsaved
//! edit in the browser's local storage until the server confirms it, so a reload, a closed tab
//! or a failed request never loses typed text.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::models::Saved;

/// Where an editor's changes stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is on the server.
    Saved,
    /// Edits wait for the debounce before saving.
    Pending,
    /// A save is in flight.
    Saving,
    /// The last save failed; the message says why. Edits are kept locally.
    Failed(String),
    /// The server has a newer version than this editor (saved elsewhere).
    Conflict(String),
}

/// An editor's draft and its save state.
pub struct Autosave<D: Send + Sync + 'static> {
    /// The draft as typed; editors bind their inputs to it.
    pub draft: RwSignal<D>,
    /// Where the changes stand.
    pub status: RwSignal<SaveStatus>,
    /// Field errors from the last refused save.
    pub errors: RwSignal<FieldErrors>,
    /// The last successful save.
    pub last_saved: RwSignal<Option<Saved>>,
    /// Unsaved edits from an earlier visit were restored from this browser.
    pub restored: RwSignal<bool>,
    /// Bumped to save now (the Retry button).
    pub save_now: RwSignal<u32>,
    /// The browser storage key of the unsaved copy.
    pub key: StoredValue<String>,
}

impl<D: Send + Sync + 'static> Clone for Autosave<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Send + Sync + 'static> Copy for Autosave<D> {}

#[derive(Serialize, Deserialize)]
struct LocalCopy<D> {
    revision: i32,
    draft: D,
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read_local<D: DeserializeOwned>(key: &str) -> Option<LocalCopy<D>> {
    let text = local_storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

fn write_local<D: Serialize>(key: &str, revision: i32, draft: &D) {
    if let (Some(storage), Ok(text)) = (
        local_storage(),
        serde_json::to_string(&LocalCopy { revision, draft }),
    ) {
        let _ = storage.set_item(key, &text);
    }
}

/// Forgets the unsaved copy under `key` (after the server confirmed it, or on discard).
pub fn clear_local(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// How long typing must pause before a save starts.
const DEBOUNCE: Duration = Duration::from_millis(700);

/// Starts autosaving an editor's draft. `key` names the record (e.g. `course:12`), `initial`
/// and `revision` are what the server sent, `save` sends a draft at a revision.
pub fn use_autosave<D, F, Fut>(key: String, initial: D, revision: i32, save: F) -> Autosave<D>
where
    D: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Fn(D, i32) -> Fut + 'static,
    Fut: Future<Output = Result<Saved, AppError>> + 'static,
{
    let key = format!("lectern:draft:{key}");
    let draft = RwSignal::new(initial.clone());
    let status = RwSignal::new(SaveStatus::Saved);
    let errors = RwSignal::new(FieldErrors::new());
    let last_saved = RwSignal::new(None::<Saved>);
    let restored = RwSignal::new(false);
    let save_now = RwSignal::new(0u32);
    let revision = StoredValue::new(revision);
    let on_server = StoredValue::new(initial);
    let in_flight = StoredValue::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let key_stored = StoredValue::new(key);

    let schedule = move |delay: Duration| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || save_now.update(|n| *n += 1), delay).ok();
        timer.set_value(handle);
    };

    // Every edit: keep a local copy, then save after a pause. The first run (on mount, in the
    // browser only) restores an unsaved copy left by an earlier visit.
    Effect::new(move |previous: Option<()>| {
        let current = draft.get();
        let key = key_stored.get_value();
        if previous.is_none() {
            if let Some(local) = read_local::<D>(&key) {
                if local.draft != current {
                    restored.set(true);
                    draft.set(local.draft);
                    // A copy made against an older revision will meet a conflict on save.
                    if local.revision != revision.get_value() {
                        status.set(SaveStatus::Conflict(
                            "These unsaved changes were made to an older version.".into(),
                        ));
                        return;
                    }
                } else {
                    clear_local(&key);
                }
            }
            return;
        }
        if current == on_server.get_value() {
            clear_local(&key);
            if matches!(status.get_untracked(), SaveStatus::Pending) {
                status.set(SaveStatus::Saved);
            }
            return;
        }
        write_local(&key, revision.get_value(), &current);
        if !matches!(status.get_untracked(), SaveStatus::Conflict(_)) {
            status.set(SaveStatus::Pending);
            schedule(DEBOUNCE);
        }
    });

    Effect::new(move |previous: Option<()>| {
        save_now.track();
        if previous.is_none() || in_flight.get_value() {
            return;
        }
        let sent = draft.get_untracked();
        if sent == on_server.get_value() {
            status.set(SaveStatus::Saved);
            return;
        }
        in_flight.set_value(true);
        status.set(SaveStatus::Saving);
        let request = save(sent.clone(), revision.get_value());
        leptos::task::spawn_local(async move {
            let result = request.await;
            in_flight.set_value(false);
            let key = key_stored.get_value();
            match result {
                Ok(saved) => {
                    revision.set_value(saved.revision);
                    on_server.set_value(sent.clone());
                    errors.set(FieldErrors::new());
                    last_saved.set(Some(saved.clone()));
                    if draft.get_untracked() == sent {
                        clear_local(&key);
                        status.set(SaveStatus::Saved);
                    } else {
                        write_local(&key, saved.revision, &draft.get_untracked());
                        status.set(SaveStatus::Pending);
                        schedule(Duration::from_millis(200));
                    }
                }
                Err(AppError::Validation(fields)) => {
                    errors.set(fields);
                    status.set(SaveStatus::Failed(
                        "Not saved: check the highlighted fields. Your text is kept in this browser."
                            .into(),
                    ));
                }
                Err(AppError::Conflict(message)) => status.set(SaveStatus::Conflict(message)),
                Err(other) => status.set(SaveStatus::Failed(format!(
                    "Not saved: {other} Your text is kept in this browser."
                ))),
            }
        });
    });

    Autosave {
        draft,
        status,
        errors,
        last_saved,
        restored,
        save_now,
        key: key_stored,
    }
}

/// The save state line, announced politely to screen readers, with Retry and Discard actions.
#[component]
pub fn SaveIndicator<D: Send + Sync + 'static>(autosave: Autosave<D>) -> impl IntoView {
    let Autosave {
        status,
        save_now,
        key,
        restored,
        ..
    } = autosave;
    let discard = move |_| {
        clear_local(&key.get_value());
        let _ = window().location().reload();
    };
    view! {
        <div class="flex flex-wrap items-center gap-3 text-sm" data-testid="save-status">
            <span role="status" aria-live="polite" class=move || match status.get() {
                SaveStatus::Failed(_) | SaveStatus::Conflict(_) => "font-medium text-red-700",
                SaveStatus::Saved => "text-emerald-700",
                _ => "text-slate-600",
            }>
                {move || match status.get() {
                    SaveStatus::Saved => "All changes saved".to_owned(),
                    SaveStatus::Pending => "Unsaved changes…".to_owned(),
                    SaveStatus::Saving => "Saving…".to_owned(),
                    SaveStatus::Failed(message) | SaveStatus::Conflict(message) => message,
                }}
            </span>
            {move || matches!(status.get(), SaveStatus::Failed(_)).then(|| view! {
                <button type="button" class="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50"
                    on:click=move |_| save_now.update(|n| *n += 1)>"Retry"</button>
            })}
            {move || matches!(status.get(), SaveStatus::Conflict(_)).then(|| view! {
                <button type="button" class="rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50"
                    on:click=discard>"Discard my unsaved changes and reload"</button>
            })}
            {move || restored.get().then(|| view! {
                <span class="text-amber-700">"Restored unsaved changes from this browser."</span>
            })}
        </div>
    }
}
