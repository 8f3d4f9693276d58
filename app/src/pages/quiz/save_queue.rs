//! Sends an attempt's answers as they change: one request at a time, typing debounced, a copy
//! of every unsent answer in local storage, and retries until the server has it. Each answer
//! carries how long ago it was saved, so one kept while the network was down still counts if
//! it was saved before the deadline and arrives within the quiz's grace period.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;

use super::local;
use crate::api::quiz::save_answer;
use crate::error::AppError;
use crate::models::SAVED_LATE;
use crate::quiz::Response;

/// How long typing must pause before an answer is sent.
const DEBOUNCE: Duration = Duration::from_millis(800);
/// How long to wait before resending after a failure.
pub(super) const RETRY: Duration = Duration::from_secs(3);

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
    /// Unsent answers by position, with when they were saved (browser ms).
    pending: StoredValue<BTreeMap<u32, (Response, f64)>>,
    in_flight: StoredValue<bool>,
    generation: StoredValue<u64>,
    /// Where the answers stand.
    pub state: RwSignal<SaveState>,
    /// Set when the server says the attempt has ended (time ran out or submitted elsewhere).
    pub ended: RwSignal<bool>,
    /// Seconds left by the server's clock after the latest save, when timed.
    pub seconds_left: RwSignal<Option<i64>>,
    /// The countdown reached zero: answers can no longer change (unless the server gives more
    /// time, when the clocks disagreed).
    pub time_up: RwSignal<bool>,
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
            time_up: RwSignal::new(false),
        }
    }

    /// Queues an answer given now: kept locally at once, sent after a pause when `typing`.
    pub fn push(self, position: u32, response: Response, typing: bool) {
        self.restore(position, response, local::now_ms(), typing);
    }

    /// Queues an answer saved at `saved_at` (browser ms), e.g. one kept before a reload.
    pub fn restore(self, position: u32, response: Response, saved_at: f64, typing: bool) {
        local::stash(self.attempt_id, position, &response, saved_at);
        self.pending.update_value(|p| {
            p.insert(position, (response, saved_at));
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
            .map(|(response, _)| response)
    }

    /// The oldest-positioned queued answer.
    fn next(self) -> Option<(u32, Response, f64)> {
        self.pending
            .with_value(|p| p.iter().next().map(|(k, (r, at))| (*k, r.clone(), *at)))
    }

    /// Sends the next queued answer, then the rest, one at a time.
    pub fn flush(self) {
        if self.in_flight.get_value() || self.ended.get_untracked() {
            return;
        }
        let Some((position, response, saved_at)) = self.next() else {
            if !matches!(self.state.get_untracked(), SaveState::Idle) {
                self.state.set(SaveState::Saved);
            }
            return;
        };
        self.in_flight.set_value(true);
        self.state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            let result = save_answer(
                self.attempt_id,
                position,
                response.clone(),
                Some(local::age_ms(saved_at)),
            )
            .await;
            self.in_flight.set_value(false);
            match result {
                Ok(ack) => {
                    self.seconds_left.set(ack.seconds_left);
                    let unchanged = self
                        .pending
                        .with_value(|p| p.get(&position).map(|(r, _)| r) == Some(&response));
                    if unchanged {
                        self.pending.update_value(|p| {
                            p.remove(&position);
                        });
                        local::forget(self.attempt_id, position);
                    }
                    self.flush();
                }
                // Saved after the deadline, refused within the grace period: time is up here
                // too (the player sends the rest and ends the attempt).
                Err(AppError::Conflict(message)) if message == SAVED_LATE => {
                    self.pending.update_value(|p| {
                        p.remove(&position);
                    });
                    local::forget(self.attempt_id, position);
                    self.time_up.set(true);
                }
                Err(AppError::Conflict(_)) => self.ended.set(true),
                Err(error) => {
                    self.state.set(SaveState::Retrying(error.to_string()));
                    set_timeout(move || self.flush(), RETRY);
                }
            }
        });
    }

    /// Sends every queued answer now (before submitting). A network failure stops it (what is
    /// left stays queued); an answer the server refuses for good (`Conflict`: saved too late,
    /// or the attempt is over) is dropped and the others still go. The first error.
    pub async fn drain(self) -> Result<(), AppError> {
        let mut refused = None;
        while let Some((position, response, saved_at)) = self.next() {
            let age = Some(local::age_ms(saved_at));
            match save_answer(self.attempt_id, position, response, age).await {
                Ok(_) => {}
                Err(error @ AppError::Conflict(_)) => {
                    refused.get_or_insert(error);
                }
                Err(error) => return Err(error),
            }
            self.pending.update_value(|p| {
                p.remove(&position);
            });
            local::forget(self.attempt_id, position);
        }
        refused.map_or(Ok(()), Err)
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
