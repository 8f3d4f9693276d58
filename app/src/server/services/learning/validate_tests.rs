//! Validation of incoming progress events.

use chrono::{DateTime, Duration, Utc};

use super::merge::EventKind;
use super::validate::*;
use crate::models::ProgressEventInput;

const ID: &str = "0195F3A2-1B7C-7D4E-9A10-1234567890AB";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
        .expect("time")
        .with_timezone(&Utc)
}

fn input(kind: &str, position: Option<f64>, duration: Option<f64>, at: &str) -> ProgressEventInput {
    ProgressEventInput {
        event_id: ID.into(),
        lesson_id: 1,
        kind: kind.into(),
        position_seconds: position,
        duration_seconds: duration,
        client_at: at.into(),
    }
}

#[test]
fn a_good_position_event_is_canonicalised() {
    let event = validate(
        &input(
            "position",
            Some(12.5),
            Some(600.0),
            "2026-06-01T13:00:00+01:00",
        ),
        now(),
    )
    .expect("valid");
    assert_eq!(event.id, ID.to_lowercase(), "ids compare in one form");
    assert_eq!(event.at, now(), "offsets are normalised to UTC");
    assert_eq!(
        event.kind,
        EventKind::Position {
            position: 12.5,
            duration: Some(600.0)
        }
    );
}

#[test]
fn bad_numbers_are_refused_with_the_field_named() {
    for (position, duration, field) in [
        (Some(f64::NAN), None, "position_seconds"),
        (Some(f64::INFINITY), None, "position_seconds"),
        (Some(-1.0), None, "position_seconds"),
        (Some(86_400.5), None, "position_seconds"),
        (Some(1.0), Some(-0.1), "duration_seconds"),
        (Some(1.0), Some(f64::NEG_INFINITY), "duration_seconds"),
        (Some(1.0), Some(100_000.0), "duration_seconds"),
    ] {
        let error = validate(
            &input("position", position, duration, "2026-06-01T11:00:00Z"),
            now(),
        )
        .expect_err("refused");
        assert!(error.contains(field), "{position:?}/{duration:?}: {error}");
    }
    assert!(validate(
        &input(
            "position",
            Some(86_400.0),
            Some(0.0),
            "2026-06-01T11:00:00Z"
        ),
        now()
    )
    .is_ok());
}

#[test]
fn kinds_ids_and_times_are_checked() {
    let ok = "2026-06-01T11:00:00Z";
    assert!(validate(&input("position", None, None, ok), now())
        .expect_err("needs a position")
        .contains("position_seconds"));
    assert!(validate(&input("paused", None, None, ok), now())
        .expect_err("unknown kind")
        .contains("Unknown kind"));
    let mut bad_id = input("started", None, None, ok);
    bad_id.event_id = "42".into();
    assert!(validate(&bad_id, now()).expect_err("id").contains("UUID"));
    assert!(validate(&input("started", None, None, "yesterday"), now())
        .expect_err("time")
        .contains("RFC 3339"));
    assert!(validate(
        &input("completed", None, None, "2019-12-31T23:59:59Z"),
        now()
    )
    .expect_err("too old")
    .contains("2020"));
}

#[test]
fn client_times_far_in_the_future_are_clamped_to_now() {
    let slightly_ahead = (now() + Duration::minutes(4)).to_rfc3339();
    let event = validate(&input("started", None, None, &slightly_ahead), now()).expect("ok");
    assert_eq!(
        event.at,
        now() + Duration::minutes(4),
        "small clock skew is kept"
    );
    let far_ahead = (now() + Duration::days(3)).to_rfc3339();
    let event = validate(&input("started", None, None, &far_ahead), now()).expect("ok");
    assert_eq!(event.at, now());
}
