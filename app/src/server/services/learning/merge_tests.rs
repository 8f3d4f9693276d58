//! The merge rules: examples, then properties over random event sets (shuffled, duplicated).

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::merge::*;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("time")
        + Duration::seconds(secs)
}

fn position(id: &str, secs: i64, position: f64, duration: Option<f64>) -> Event {
    Event {
        id: id.into(),
        at: at(secs),
        kind: EventKind::Position { position, duration },
    }
}

fn completed(id: &str, secs: i64) -> Event {
    Event {
        id: id.into(),
        at: at(secs),
        kind: EventKind::Completed,
    }
}

#[test]
fn a_late_arriving_older_position_does_not_move_the_learner_back() {
    let newer = position("b", 20, 300.0, Some(600.0));
    let older = position("a", 10, 120.0, Some(600.0));
    let state = fold([&newer, &older]);
    assert_eq!(state.position, 300.0);
    assert_eq!(state.furthest, 300.0);
    assert_eq!(
        state.started_at,
        Some(at(10)),
        "started at the earliest event"
    );
    assert!(!state.completed());
}

#[test]
fn seeking_back_moves_the_position_but_not_the_furthest_point() {
    let state = fold([
        &position("a", 10, 500.0, Some(600.0)),
        &position("b", 20, 30.0, Some(600.0)),
    ]);
    assert_eq!(state.position, 30.0);
    assert_eq!(state.furthest, 500.0);
}

#[test]
fn equal_client_times_are_broken_by_event_id() {
    let low = position("0000-a", 10, 1.0, None);
    let high = position("0000-b", 10, 2.0, None);
    assert_eq!(fold([&low, &high]).position, 2.0);
    assert_eq!(fold([&high, &low]).position, 2.0);
}

#[test]
fn watching_ninety_percent_completes_a_video_at_that_moment() {
    let state = fold([
        &position("a", 10, 539.0, Some(600.0)),
        &position("b", 30, 540.0, Some(600.0)),
        &position("c", 40, 10.0, Some(600.0)),
    ]);
    assert_eq!(state.completed_at, Some(at(30)));
    let unknown_length = fold([&position("d", 10, 5000.0, None)]);
    assert!(!unknown_length.completed(), "no duration, no auto-complete");
    let zero_length = fold([&position("e", 10, 0.0, Some(0.0))]);
    assert!(!zero_length.completed(), "a zero duration is unknown");
}

#[test]
fn completion_keeps_the_earliest_time_and_is_never_undone() {
    let mut state = fold([&completed("b", 50)]);
    state.apply(&position("c", 60, 0.0, Some(600.0)));
    assert_eq!(state.completed_at, Some(at(50)));
    state.apply(&completed("a", 40));
    assert_eq!(
        state.completed_at,
        Some(at(40)),
        "an earlier completion wins"
    );
    state.apply(&completed("d", 70));
    assert_eq!(state.completed_at, Some(at(40)));
}

fn event_strategy() -> impl Strategy<Value = (u8, i64, f64, Option<f64>)> {
    (
        0u8..3,
        0i64..50,
        prop_oneof![Just(0.0), 0.0f64..1000.0, Just(90.0), Just(100.0)],
        prop_oneof![
            Just(None),
            Just(Some(100.0)),
            (0.0f64..1000.0).prop_map(Some)
        ],
    )
}

/// Random events with distinct ids (an id names one event), few distinct times so ties occur.
fn events_strategy() -> impl Strategy<Value = Vec<Event>> {
    prop::collection::vec(event_strategy(), 0..24).prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (kind, secs, pos, duration))| Event {
                id: format!("{:08x}-{}", (i * 7919) % 251, i),
                at: at(secs % 7),
                kind: match kind {
                    0 => EventKind::Started,
                    1 => EventKind::Position {
                        position: pos,
                        duration,
                    },
                    _ => EventKind::Completed,
                },
            })
            .collect()
    })
}

/// The events in another order with some repeated, as a flaky network delivers them.
fn delivery(events: &[Event], seed: &[usize]) -> Vec<Event> {
    let mut delivered: Vec<Event> = events.to_vec();
    for (i, s) in seed.iter().enumerate() {
        if !events.is_empty() {
            delivered.push(events[s % events.len()].clone());
        }
        let len = delivered.len();
        if len > 1 {
            delivered.swap(i % len, s % len);
        }
    }
    delivered
}

proptest! {
    #[test]
    fn any_order_and_duplication_gives_the_same_state(
        events in events_strategy(),
        seed in prop::collection::vec(any::<usize>(), 0..40),
    ) {
        let once = fold(&events);
        let replayed = fold(&delivery(&events, &seed));
        prop_assert_eq!(once, replayed);
    }

    #[test]
    fn applying_an_event_twice_changes_nothing(events in events_strategy()) {
        let mut state = LessonState::default();
        for event in &events {
            state.apply(event);
            let before = state.clone();
            state.apply(event);
            prop_assert_eq!(&before, &state);
        }
    }

    #[test]
    fn furthest_never_decreases_and_completion_is_never_undone(
        events in events_strategy(),
        seed in prop::collection::vec(any::<usize>(), 0..40),
    ) {
        let mut state = LessonState::default();
        for event in delivery(&events, &seed) {
            let before = state.clone();
            state.apply(&event);
            prop_assert!(state.furthest >= before.furthest);
            if before.completed() {
                prop_assert!(state.completed());
                prop_assert!(state.completed_at <= before.completed_at);
            }
        }
    }

    #[test]
    fn the_state_matches_the_rules_stated_directly(events in events_strategy()) {
        let state = fold(&events);
        let positions: Vec<(&Event, f64, Option<f64>)> = events
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::Position { position, duration } => Some((e, position, duration)),
                _ => None,
            })
            .collect();
        let latest = positions.iter().max_by(|a, b| (a.0.at, &a.0.id).cmp(&(b.0.at, &b.0.id)));
        prop_assert_eq!(state.position, latest.map_or(0.0, |l| l.1));
        prop_assert_eq!(
            state.furthest,
            positions.iter().map(|p| p.1).fold(0.0, f64::max)
        );
        let completions = events.iter().filter(|e| match e.kind {
            EventKind::Completed => true,
            EventKind::Position { position, duration } => reaches_completion(position, duration),
            EventKind::Started => false,
        });
        prop_assert_eq!(state.completed_at, completions.map(|e| e.at).min());
        prop_assert_eq!(state.started_at, events.iter().map(|e| e.at).min());
    }
}
