//! Checking one progress event from a client before it reaches the merge rules.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::merge::{Event, EventKind};
use crate::models::ProgressEventInput;

/// The largest position or duration accepted, in seconds (a day).
pub const MAX_SECONDS: f64 = 86_400.0;
/// How far ahead of the server's clock a client time may be before it is clamped to now.
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(5);

/// The earliest client time accepted: Lectern did not exist before 2020.
pub fn earliest_client_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn seconds(value: Option<f64>, field: &str) -> Result<Option<f64>, String> {
    match value {
        Some(v) if !v.is_finite() || !(0.0..=MAX_SECONDS).contains(&v) => Err(format!(
            "{field} must be a number of seconds from 0 to 86400."
        )),
        other => Ok(other),
    }
}

/// The event `input` describes, received at `now`, or why it is refused.
///
/// A client time more than five minutes ahead of `now` is clamped to `now` (a wrong clock
/// must not pin the resume position); one before 2020 is refused.
pub fn validate(input: &ProgressEventInput, now: DateTime<Utc>) -> Result<Event, String> {
    let id = uuid::Uuid::parse_str(input.event_id.trim())
        .map_err(|_| "event_id must be a UUID.".to_owned())?
        .hyphenated()
        .to_string();
    let position = seconds(input.position_seconds, "position_seconds")?;
    let duration = seconds(input.duration_seconds, "duration_seconds")?;
    let kind = match input.kind.as_str() {
        "started" => EventKind::Started,
        "completed" => EventKind::Completed,
        "position" => EventKind::Position {
            position: position.ok_or("A position event needs position_seconds.")?,
            duration,
        },
        other => {
            let shown: String = other.chars().take(20).collect();
            return Err(format!(
                "Unknown kind of event {shown:?}: use started, position or completed."
            ));
        }
    };
    let at = DateTime::parse_from_rfc3339(input.client_at.trim())
        .map_err(|_| "client_at must be an RFC 3339 time.".to_owned())?
        .with_timezone(&Utc);
    if at < earliest_client_time() {
        return Err("client_at is before 2020.".into());
    }
    let at = if at > now + FUTURE_TOLERANCE { now } else { at };
    Ok(Event { id, at, kind })
}
