//! Recording progress from the browser, and hearing about it live.
//!
//! Every event gets a client-generated UUID and timestamp and goes into a queue kept in the
//! browser's local storage before it is sent (the page shows it at once: offline too); it leaves the queue only once the server has
//! answered for it (applied, duplicate or rejected). A failed send keeps the queue for the
//! next event, the next page load or the browser coming back online — the basis of offline
//! learning, and the server applies replays idempotently.
//!
//! Live updates arrive as server-sent events from `/events/progress`, so other tabs and
//! devices of the same learner move their progress bars too.

use leptos::prelude::*;

use crate::api::learning::record_progress;
use crate::models::{CourseProgress, ProgressEventInput};

const QUEUE_KEY: &str = "lectern:progress-queue";

/// The learner's progress in the course on screen, shared by the page's parts and updated by
/// recorded events and by live updates from other tabs.
#[derive(Clone, Copy)]
pub struct LiveProgress(pub RwSignal<Option<CourseProgress>>);

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read_queue() -> Vec<ProgressEventInput> {
    storage()
        .and_then(|s| s.get_item(QUEUE_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_queue(queue: &[ProgressEventInput]) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(queue)) {
        let _ = s.set_item(QUEUE_KEY, &text);
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

/// Queues an event for `lesson_id` and sends the queue. `progress` receives the server's
/// view of the course afterwards.
pub fn record(
    lesson_id: i64,
    kind: &str,
    position_seconds: Option<f64>,
    duration_seconds: Option<f64>,
    progress: LiveProgress,
) {
    let mut queue = read_queue();
    queue.push(ProgressEventInput {
        event_id: new_event_id(),
        lesson_id,
        kind: kind.to_owned(),
        position_seconds,
        duration_seconds,
        client_at: now_rfc3339(),
    });
    write_queue(&queue);
    show_locally(progress, lesson_id, kind);
    flush(progress);
}

/// Shows a started or completed lesson at once, before (or without: offline) the server's
/// answer, which replaces it when it comes.
fn show_locally(progress: LiveProgress, lesson_id: i64, kind: &str) {
    progress.0.update(|current| {
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

/// Sends whatever is queued, oldest first, in batches of at most 500 until the queue is empty
/// or a send fails (what is left waits for the next try). More than one send in flight is
/// fine: the server treats a replayed event as a duplicate.
pub fn flush(progress: LiveProgress) {
    if read_queue().is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        // Bounded, so a server that answers without taking events cannot loop for ever.
        for _ in 0..64 {
            let batch: Vec<ProgressEventInput> = read_queue()
                .into_iter()
                .take(crate::models::MAX_EVENTS_PER_BATCH)
                .collect();
            if batch.is_empty() {
                return;
            }
            let Ok(result) = record_progress(batch).await else {
                return; // Kept for the next try.
            };
            let answered: std::collections::HashSet<String> =
                result.results.iter().map(|r| r.event_id.clone()).collect();
            let remaining: Vec<ProgressEventInput> = read_queue()
                .into_iter()
                .filter(|e| !answered.contains(&e.event_id))
                .collect();
            write_queue(&remaining);
            apply(progress, result.courses);
            if answered.is_empty() {
                return;
            }
        }
    });
}

fn apply(progress: LiveProgress, courses: Vec<CourseProgress>) {
    let current = progress.0.get_untracked().map(|p| p.course_slug);
    if let Some(update) = courses
        .into_iter()
        .find(|c| Some(&c.course_slug) == current.as_ref())
    {
        progress.0.set(Some(update));
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
