//! The countdown of a timed attempt: visible, re-synchronised with the server's clock after
//! each save, announced politely at 5 minutes, 1 minute and 0.

use std::time::Duration;

use leptos::prelude::*;

use super::local::now_ms;
use super::time::format_countdown;

/// Counts down from `seconds_left` (updated whenever the server reports it) and calls
/// `on_zero` once when time is up. Renders nothing when `initial` is `None`.
#[component]
pub fn Countdown(
    initial: Option<i64>,
    /// The server's latest figure, from save acknowledgements.
    server: RwSignal<Option<i64>>,
    on_zero: Callback<()>,
) -> impl IntoView {
    let remaining = RwSignal::new(initial);
    let announcement = RwSignal::new(String::new());
    // (seconds left, browser time when it was true)
    let base = StoredValue::new((initial.unwrap_or(0), 0.0_f64));
    let fired = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(left) = server.get() {
            base.set_value((left, now_ms()));
            if left > 0 {
                fired.set_value(false);
            }
        }
    });
    Effect::new(move |_| {
        if initial.is_none() {
            return;
        }
        base.update_value(|b| b.1 = now_ms());
        let tick = move || {
            let (left, at) = base.get_value();
            let now = left - ((now_ms() - at) / 1000.0).floor() as i64;
            let before = remaining.get_untracked().unwrap_or(now);
            remaining.set(Some(now.max(0)));
            for (mark, words) in [(300, "5 minutes left"), (60, "1 minute left")] {
                if before > mark && now <= mark {
                    announcement.set(words.to_owned());
                }
            }
            if now <= 0 && !fired.get_value() {
                fired.set_value(true);
                announcement.set("Time is up. Your answers are being submitted.".to_owned());
                on_zero.run(());
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(500)) {
            on_cleanup(move || handle.clear());
        }
    });
    initial.map(|_| {
        view! {
            <div class=move || {
                let low = remaining.get().is_some_and(|r| r <= 60);
                format!("rounded-lg border px-3 py-1.5 font-mono text-lg {}",
                    if low { "border-red-300 bg-red-50 text-red-800" } else { "border-slate-300 bg-white" })
            } data-testid="countdown">
                <span class="sr-only">"Time left: "</span>
                <span aria-hidden="true">"⏱ "</span>
                {move || format_countdown(remaining.get().unwrap_or(0))}
            </div>
            <p class="sr-only" aria-live="polite" role="status">{move || announcement.get()}</p>
        }
    })
}
