//! Which attempt counts, and quiz settings validation.

use std::collections::BTreeSet;

use super::kept_percent;
use super::quizzes::check;
use crate::models::{KeptAttempt, QuizItem, QuizSettings};

#[test]
fn kept_score_follows_the_rule() {
    let scores = [40.0, 90.0, 60.0];
    assert_eq!(kept_percent(KeptAttempt::Highest, &scores), Some(90.0));
    assert_eq!(kept_percent(KeptAttempt::Last, &scores), Some(60.0));
    assert_eq!(
        kept_percent(KeptAttempt::Average, &scores),
        Some(190.0 / 3.0)
    );
    assert_eq!(kept_percent(KeptAttempt::Average, &[]), None);
    assert_eq!(kept_percent(KeptAttempt::Highest, &[]), None);
}

#[test]
fn settings_and_items_are_checked() {
    let bank = BTreeSet::from([1, 2]);
    let good = QuizSettings::default();
    let items = vec![
        QuizItem::Question { question_id: 1 },
        QuizItem::Draw {
            tags: vec!["x".into()],
            count: 2,
        },
    ];
    assert!(check(&good, &items, &bank).is_empty());
    let bad = QuizSettings {
        pass_percent: 101,
        max_attempts: Some(0),
        time_limit_seconds: Some(5),
        opens_at: Some("2026-01-02T00:00:00Z".into()),
        closes_at: Some("2026-01-01T00:00:00Z".into()),
        ..QuizSettings::default()
    };
    let items = vec![
        QuizItem::Question { question_id: 3 },
        QuizItem::Question { question_id: 1 },
        QuizItem::Question { question_id: 1 },
        QuizItem::Draw {
            tags: vec![],
            count: 1,
        },
        QuizItem::Draw {
            tags: vec!["x".into()],
            count: 0,
        },
    ];
    let errors = check(&bad, &items, &bank);
    for key in [
        "settings.pass_percent",
        "settings.max_attempts",
        "settings.time_limit_seconds",
        "settings.closes_at",
        "items.0",
        "items.2",
        "items.3",
        "items.4",
    ] {
        assert!(errors.contains_key(key), "{key}: {errors:?}");
    }
    assert!(!errors.contains_key("items.1"));
    let unreadable = QuizSettings {
        opens_at: Some("next tuesday".into()),
        ..QuizSettings::default()
    };
    assert!(check(&unreadable, &[], &bank).contains_key("settings.opens_at"));
}
