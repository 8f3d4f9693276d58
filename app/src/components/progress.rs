//! Recording progress from the browser, and hearing about it live.
//!
//! Every event gets a client-generated UUID and timestamp and goes into the durable queue of
//! `public/progress-queue.js` (IndexedDB) before it is sent; offline, the page shows it at once
//! from the queue. It leaves the queue only once the server has answered for it (applied, duplicate or
//! rejected). A failed send keeps the queue for the next event, the next page load, the browser
//! coming back online or the service worker's Background Sync — the basis of offline learning,
//! and the server applies replays idempotently.
//!
//! Live updates arrive as server-sent events from `/events/progress`, so other tabs and
//! devices of the same learner move their progress bars too.

use leptos::prelude::*;

use crate::api::learning::record_progress;
use crate::models::{CourseProgress, ProgressEventInput};

/// The learner's progress in the course on screen, shared by the page's parts and updated by
/// recorded events and by live updates from other tabs.
#[derive(Clone, Copy)]
pub struct LiveProgress(pub RwSignal<Option<CourseProgress>>);

/// The queue of `public/progress-queue.js` (`window.lecternQueue`), in the browser only.
#[cfg(feature = "hydrate")]
mod queue {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = lecternQueue, js_name = add)]
        fn add_js(event: JsValue) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = lecternQueue, js_name = sync)]
        fn sync_js() -> Result<js_sys::Promise, JsValue>;
    }

    /// Queues `event` (JSON); `false` when the queue is unavailable (no IndexedDB).
    pub async fn add(event: &str) -> bool {
        let Ok(value) = js_sys::JSON::parse(event) else {
            return false;
        };
        match add_js(value) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        }
    }

    /// Sends the queue; the courses whose progress changed, as JSON, or `None` if a send failed.
    pub async fn sync() -> Option<String> {
        let promise = sync_js().ok()?;
        let courses = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        js_sys::JSON::stringify(&courses).ok()?.as_string()
    }
}

/// A random (v4) UUID from the browser's `crypto.randomUUID`, or from `crypto`-less
/// randomness on old browsers (uniqueness per learner is all that is needed).
fn new_event_id() -> String {
    window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| {
            let mut bytes = [0u8; 16];
            for b in &mut bytes {
                *b = (web_sys::js_sys::Math::random() * 256.0) as u8;
            }
            bytes[6] = (bytes[6] & 0x0f) | 0x40;
            bytes[8] = (bytes[8] & 0x3f) | 0x80;
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            format!(
                "{}-{}-{}-{}-{}",
                &hex[0..8],
                &hex[8..12],
                &hex[12..16],
                &hex[16..20],
                &hex[20..32]
            )
        })
}

fn now_rfc3339() -> String {
    String::from(web_sys::js_sys::Date::new_0().to_iso_string())
}

/// Queues an event for `lesson_id` and sends the queue. `progress` receives the server's view
/// of the course, or shows the event at once when it could not be sent (offline).
pub fn record(
    lesson_id: i64,
    kind: &str,
    position_seconds: Option<f64>,
    duration_seconds: Option<f64>,
    progress: LiveProgress,
) {
    let event = ProgressEventInput {
        event_id: new_event_id(),
        lesson_id,
        kind: kind.to_owned(),
        position_seconds,
        duration_seconds,
        client_at: now_rfc3339(),
    };
    leptos::task::spawn_local(async move {
        if enqueue(&event).await {
            // Online, the server's answer shows it; offline (or the send failed), the page
            // shows it at once from what is queued.
            if !send_queue(progress).await {
                show_locally(progress, lesson_id, &event.kind);
            }
        } else if let Ok(result) = record_progress(vec![event]).await {
            // No queue in this browser (IndexedDB unavailable): sent directly, online only.
            apply(progress, result.courses);
        }
    });
}

#[cfg(feature = "hydrate")]
async fn enqueue(event: &ProgressEventInput) -> bool {
    match serde_json::to_string(event) {
        Ok(text) => queue::add(&text).await,
        Err(_) => false,
    }
}

#[cfg(not(feature = "hydrate"))]
async fn enqueue(_event: &ProgressEventInput) -> bool {
    false
}

/// Shows a started or completed lesson without the server's answer (offline); the answer
/// replaces it once the queue is sent. Nothing happens once the page has moved on (the
/// signal is gone), which a send finishing after a navigation can find.
fn show_locally(progress: LiveProgress, lesson_id: i64, kind: &str) {
    progress.0.try_update(|current| {
        let Some(p) = current.as_mut() else { return };
        let Some(lesson) = p.lessons.iter_mut().find(|l| l.lesson_id == lesson_id) else {
            return;
        };
        lesson.started = true;
        if kind == "completed" && !lesson.completed {
            lesson.completed = true;
            p.completed_lessons = (p.completed_lessons + 1).min(p.total_lessons);
            p.percent = match p.total_lessons {
                0 => 0,
                total if p.completed_lessons == total => 100,
                total => (u64::from(p.completed_lessons) * 100 / u64::from(total)).min(99) as u8,
            };
        }
    });
}

/// Sends whatever is queued (oldest first, in batches of at most 500, until the queue is
/// empty or a send fails: what is left waits for the next try) and shows the server's answer.
pub fn flush(progress: LiveProgress) {
    leptos::task::spawn_local(async move {
        send_queue(progress).await;
    });
}

/// Sends the queue and shows the server's answer; `false` when a send failed (what is left
/// stays queued for the next try).
#[cfg(feature = "hydrate")]
async fn send_queue(progress: LiveProgress) -> bool {
    let Some(text) = queue::sync().await else {
        return false;
    };
    if let Ok(courses) = serde_json::from_str::<Vec<CourseProgress>>(&text) {
        apply(progress, courses);
    }
    true
}

#[cfg(not(feature = "hydrate"))]
async fn send_queue(_progress: LiveProgress) -> bool {
    false
}

/// Shows the server's view of the course on screen, if `courses` has it. Nothing happens once
/// the page has moved on: an answer can arrive after its page's signals are gone.
fn apply(progress: LiveProgress, courses: Vec<CourseProgress>) {
    let Some(current) = progress
        .0
        .try_get_untracked()
        .flatten()
        .map(|p| p.course_slug)
    else {
        return;
    };
    if let Some(update) = courses.into_iter().find(|c| c.course_slug == current) {
        progress.0.try_set(Some(update));
    }
}

/// Listens for live progress updates of the signed-in learner while the calling component
/// lives, and sends anything left queued (now and whenever the browser comes back online).
pub fn listen(progress: LiveProgress) {
    Effect::new(move |_| {
        use wasm_bindgen::{closure::Closure, JsCast};
        flush(progress);
        let Ok(source) = web_sys::EventSource::new("/events/progress") else {
            return;
        };
        let on_progress = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(text) = event.data().as_string() {
                    if let Ok(update) = serde_json::from_str::<CourseProgress>(&text) {
                        apply(progress, vec![update]);
                    }
                }
            },
        );
        let _ = source
            .add_event_listener_with_callback("progress", on_progress.as_ref().unchecked_ref());
        on_progress.forget();
        let on_online = Closure::<dyn FnMut()>::new(move || flush(progress));
        let _ =
            window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
        let source = StoredValue::new_local(source);
        on_cleanup(move || source.with_value(|s| s.close()));
    });
}
