//! Unsent answers kept in the browser's local storage, keyed by attempt and position, until
//! the server confirms them; a crash or a closed tab loses nothing.

use crate::quiz::Response;

fn key(attempt_id: i64, position: u32) -> String {
    format!("lectern:attempt:{attempt_id}:{position}")
}

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// Keeps an answer that has not reached the server yet.
pub fn stash(attempt_id: i64, position: u32, response: &Response) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(response)) {
        let _ = storage.set_item(&key(attempt_id, position), &text);
    }
}

/// The unsent answer kept for a position, if any.
pub fn stashed(attempt_id: i64, position: u32) -> Option<Response> {
    let text = storage()?.get_item(&key(attempt_id, position)).ok()??;
    serde_json::from_str(&text).ok()
}

/// Forgets a kept answer (the server has it).
pub fn forget(attempt_id: i64, position: u32) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(attempt_id, position));
    }
}
