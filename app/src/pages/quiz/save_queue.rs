//! Sends an attempt's answers as they change: one request at a time, typing debounced, a copy
//! of every unsent answer in local storage, and retries until the server has it.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;

use super::local;
use crate::api::quiz::save_answer;
use crate::error::AppError;
use crate::quiz::Response;

/// How long typing must pause before an answer is sent.
const DEBOUNCE: Duration = Duration::from_millis(800);
/// How long to wait before resending after a failure.
const RETRY: Duration = Duration::from_secs(3);

/// Where the attempt's answers stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed yet on this visit.
    Idle,
    /// Every answer is on the server.
    Saved,
    /// Answers wait for a pause in typing or a request is in flight.
    Saving,
    /// The last request failed; answers are kept in this browser and resent.
    Retrying(String),
}

/// The save queue of one attempt; copyable into event handlers.
#[derive(Clone, Copy)]
pub struct SaveQueue {
    attempt_id: i64,
    pending: StoredValue<BTreeMap<u32, Response>>,
    in_flight: StoredValue<bool>,
    generation: StoredValue<u64>,
    /// Where the answers stand.
    pub state: RwSignal<SaveState>,
    /// Set when the server says the attempt has ended (time ran out or submitted elsewhere).
    pub ended: RwSignal<bool>,
    /// Seconds left by the server's clock after the latest save, when timed.
    pub seconds_left: RwSignal<Option<i64>>,
}

impl SaveQueue {
    /// A queue for `attempt_id`.
    pub fn new(attempt_id: i64) -> Self {
        SaveQueue {
            attempt_id,
            pending: StoredValue::new(BTreeMap::new()),
            in_flight: StoredValue::new(false),
            generation: StoredValue::new(0),
            state: RwSignal::new(SaveState::Idle),
            ended: RwSignal::new(false),
            seconds_left: RwSignal::new(None),
        }
    }

    /// Queues an answer: kept locally at once, sent after a pause when `typing`.
    pub fn push(self, position: u32, response: Response, typing: bool) {
        local::stash(self.attempt_id, position, &response);
        self.pending.update_value(|p| {
            p.insert(position, response);
        });
        self.state.set(SaveState::Saving);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        if typing {
            set_timeout(
                move || {
                    if self.generation.get_value() == generation {
                        self.flush();
                    }
                },
                DEBOUNCE,
            );
        } else {
            self.flush();
        }
    }

    /// Drops a queued answer (it is sent another way, e.g. checked).
    pub fn take(self, position: u32) -> Option<Response> {
        self.pending
            .try_update_value(|p| p.remove(&position))
            .flatten()
    }

    /// Sends the next queued answer, then the rest, one at a time.
    pub fn flush(self) {
        if self.in_flight.get_value() || self.ended.get_untracked() {
            return;
        }
        let Some((position, response)) = self
            .pending
            .with_value(|p| p.iter().next().map(|(k, v)| (*k, v.clone())))
        else {
            if !matches!(self.state.get_untracked(), SaveState::Idle) {
                self.state.set(SaveState::Saved);
            }
            return;
        };
        self.in_flight.set_value(true);
        self.state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            let result = save_answer(self.attempt_id, position, response.clone()).await;
            self.in_flight.set_value(false);
            match result {
                Ok(ack) => {
                    self.seconds_left.set(ack.seconds_left);
                    let unchanged = self
                        .pending
                        .with_value(|p| p.get(&position) == Some(&response));
                    if unchanged {
                        self.pending.update_value(|p| {
                            p.remove(&position);
                        });
                        local::forget(self.attempt_id, position);
                    }
                    self.flush();
                }
                Err(AppError::Conflict(_)) => self.ended.set(true),
                Err(error) => {
                    self.state.set(SaveState::Retrying(error.to_string()));
                    set_timeout(move || self.flush(), RETRY);
                }
            }
        });
    }

    /// Sends every queued answer now (before submitting); the first error.
    pub async fn drain(self) -> Result<(), AppError> {
        while let Some((position, response)) = self
            .pending
            .with_value(|p| p.iter().next().map(|(k, v)| (*k, v.clone())))
        {
            save_answer(self.attempt_id, position, response).await?;
            self.pending.update_value(|p| {
                p.remove(&position);
            });
            local::forget(self.attempt_id, position);
        }
        Ok(())
    }
}

/// The visible save status, announced politely.
#[component]
pub fn SaveStatusLine(queue: SaveQueue) -> impl IntoView {
    view! {
        <span role="status" aria-live="polite" data-testid="answer-save-status"
            class=move || match queue.state.get() {
                SaveState::Retrying(_) => "text-sm font-medium text-red-700",
                SaveState::Saved => "text-sm text-emerald-700",
                _ => "text-sm text-slate-600",
            }>
            {move || match queue.state.get() {
                SaveState::Idle => String::new(),
                SaveState::Saved => "Saved".to_owned(),
                SaveState::Saving => "Saving…".to_owned(),
                SaveState::Retrying(_) => "Not saved — retrying".to_owned(),
            }}
        </span>
    }
}
