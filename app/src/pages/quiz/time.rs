//! Durations for quiz pages, and the quiz editor's open/close inputs in the browser's local
//! time. Dates shown to learners use `crate::format::LocalTime`.

/// Seconds as a countdown: "4:05", or "1:02:03" past an hour.
pub fn format_countdown(seconds: i64) -> String {
    let s = seconds.max(0);
    let (h, m, s) = (s / 3600, (s % 3600) / 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds in words for the rules ("10 minutes", "1 h 30 min", "45 seconds").
pub fn format_limit(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s} seconds"),
        (0, m, 0) => format!("{m} minute{}", if m == 1 { "" } else { "s" }),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// An RFC 3339 time as a `datetime-local` input value in the browser's time zone (UTC while
/// rendering on the server).
pub fn to_local_input(rfc3339: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
        if !date.get_time().is_nan() {
            return format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}",
                date.get_full_year(),
                date.get_month() + 1,
                date.get_date(),
                date.get_hours(),
                date.get_minutes()
            );
        }
    }
    rfc3339.get(0..16).unwrap_or_default().to_owned()
}

/// A `datetime-local` value (the browser's local time) as RFC 3339 UTC; `None` when empty or
/// unreadable.
pub fn from_local_input(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        // A date-time without an offset is read as local time.
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value));
        if date.get_time().is_nan() {
            return None;
        }
        let iso = String::from(date.to_iso_string());
        // "2026-11-22T10:00:00.000Z" → "2026-11-22T10:00:00Z"
        Some(format!("{}Z", iso.get(0..19).unwrap_or(&iso)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (value.len() >= 16).then(|| format!("{}:00Z", &value[0..16]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_countdown(245), "4:05");
        assert_eq!(format_countdown(3723), "1:02:03");
        assert_eq!(format_countdown(-3), "0:00");
        assert_eq!(format_limit(600), "10 minutes");
        assert_eq!(format_limit(10), "10 seconds");
        assert_eq!(
            from_local_input("2026-11-22T10:05").as_deref(),
            Some("2026-11-22T10:05:00Z")
        );
        assert_eq!(from_local_input(" "), None);
    }
}
