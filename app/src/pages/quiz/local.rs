//! Unsent answers kept in the browser's local storage, keyed by attempt and position, with
//! when they were saved (the browser's clock, in ms), until the server confirms them; a crash,
//! a closed tab or a lost network loses nothing, and an answer saved before the deadline is
//! still known to be so when it is finally sent.

use serde::{Deserialize, Serialize};

use crate::quiz::Response;

fn key(attempt_id: i64, position: u32) -> String {
    format!("lectern:attempt:{attempt_id}:{position}")
}

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// Milliseconds since the epoch by the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// What is kept for one position.
#[derive(Serialize, Deserialize)]
struct Kept {
    response: Response,
    saved_at: f64,
}

/// Keeps an answer that has not reached the server yet, saved at `saved_at` (ms).
pub fn stash(attempt_id: i64, position: u32, response: &Response, saved_at: f64) {
    let kept = Kept {
        response: response.clone(),
        saved_at,
    };
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(&kept)) {
        let _ = storage.set_item(&key(attempt_id, position), &text);
    }
}

/// The unsent answer kept for a position, if any, and when it was saved (an answer kept by an
/// older page, without the time, counts as saved now).
pub fn stashed(attempt_id: i64, position: u32) -> Option<(Response, f64)> {
    let text = storage()?.get_item(&key(attempt_id, position)).ok()??;
    if let Ok(kept) = serde_json::from_str::<Kept>(&text) {
        return Some((kept.response, kept.saved_at));
    }
    serde_json::from_str(&text).ok().map(|r| (r, now_ms()))
}

/// Forgets a kept answer (the server has it).
pub fn forget(attempt_id: i64, position: u32) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(attempt_id, position));
    }
}

/// How long ago (ms, at least 0) something saved at `saved_at` was saved, for the server.
pub fn age_ms(saved_at: f64) -> u32 {
    (now_ms() - saved_at).clamp(0.0, f64::from(u32::MAX)) as u32
}
