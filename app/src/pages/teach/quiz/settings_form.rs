//! The quiz settings as typed in the lesson editor, checked and turned into [`QuizSettings`].

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::models::{FeedbackTiming, KeptAttempt, QuizItem, QuizSettings, MAX_GRACE_SECONDS};
use crate::pages::quiz::time::{from_local_input, to_local_input};

/// The quiz editor's whole draft, autosaved as one: settings as typed and the items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizDraft {
    pub settings: SettingsDraft,
    pub items: Vec<QuizItem>,
}

/// What the settings inputs hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsDraft {
    pub pass_percent: String,
    pub unlimited: bool,
    /// Kept while "Unlimited" is ticked, so unticking brings the last number back.
    pub max_attempts: String,
    pub kept: KeptAttempt,
    /// Minutes, decimals allowed; empty for no limit.
    pub time_limit_minutes: String,
    pub feedback: FeedbackTiming,
    pub shuffle_questions: bool,
    pub shuffle_options: bool,
    pub one_per_page: bool,
    /// `datetime-local` values (browser time); empty for none.
    pub opens: String,
    pub closes: String,
    pub practice: bool,
    /// Seconds, 0–120 (empty for 0).
    #[serde(default)]
    pub grace_seconds: String,
}

/// Minutes for the input: "10", "0.5", "1.25".
fn minutes(seconds: u32) -> String {
    let text = format!("{:.3}", f64::from(seconds) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl SettingsDraft {
    /// The draft of stored settings.
    pub fn from_settings(s: &QuizSettings) -> Self {
        SettingsDraft {
            pass_percent: s.pass_percent.to_string(),
            unlimited: s.max_attempts.is_none(),
            max_attempts: s.max_attempts.unwrap_or(1).to_string(),
            kept: s.kept,
            time_limit_minutes: s.time_limit_seconds.map(minutes).unwrap_or_default(),
            feedback: s.feedback,
            shuffle_questions: s.shuffle_questions,
            shuffle_options: s.shuffle_options,
            one_per_page: s.one_per_page,
            opens: s
                .opens_at
                .as_deref()
                .map(to_local_input)
                .unwrap_or_default(),
            closes: s
                .closes_at
                .as_deref()
                .map(to_local_input)
                .unwrap_or_default(),
            practice: s.practice,
            grace_seconds: s.grace_seconds.to_string(),
        }
    }

    /// The settings, or the problems keyed as the server keys them (`settings.pass_percent`,
    /// `settings.max_attempts`, `settings.time_limit_seconds`, `settings.grace_seconds`,
    /// `settings.opens_at`, `settings.closes_at`).
    pub fn to_settings(&self) -> Result<QuizSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let pass_percent = match self.pass_percent.trim().parse::<u8>() {
            Ok(p) if p <= 100 => p,
            _ => {
                errors.insert(
                    "settings.pass_percent".into(),
                    "Enter a whole percentage from 0 to 100.".into(),
                );
                0
            }
        };
        let max_attempts = if self.unlimited {
            None
        } else {
            match self.max_attempts.trim().parse::<u32>() {
                Ok(n) if (1..=100).contains(&n) => Some(n),
                _ => {
                    errors.insert(
                        "settings.max_attempts".into(),
                        "Allow from 1 to 100 attempts, or unlimited.".into(),
                    );
                    None
                }
            }
        };
        let limit = self.time_limit_minutes.trim().replace(',', ".");
        let time_limit_seconds = if limit.is_empty() {
            None
        } else {
            match limit.parse::<f64>() {
                Ok(m) if m.is_finite() && m * 60.0 >= 9.999 && m * 60.0 <= f64::from(u32::MAX) => {
                    Some((m * 60.0).round() as u32)
                }
                _ => {
                    errors.insert(
                        "settings.time_limit_seconds".into(),
                        "A time limit is at least 10 seconds (0.17 minutes); leave it empty for none.".into(),
                    );
                    None
                }
            }
        };
        let grace = self.grace_seconds.trim();
        let grace_seconds = match grace.parse::<u32>() {
            _ if grace.is_empty() => 0,
            Ok(s) if s <= MAX_GRACE_SECONDS => s,
            _ => {
                errors.insert(
                    "settings.grace_seconds".into(),
                    format!("Enter whole seconds from 0 to {MAX_GRACE_SECONDS}."),
                );
                0
            }
        };
        let opens_at = from_local_input(&self.opens);
        let closes_at = from_local_input(&self.closes);
        if !self.opens.trim().is_empty() && opens_at.is_none() {
            errors.insert(
                "settings.opens_at".into(),
                "Enter a valid date and time.".into(),
            );
        }
        if !self.closes.trim().is_empty() && closes_at.is_none() {
            errors.insert(
                "settings.closes_at".into(),
                "Enter a valid date and time.".into(),
            );
        }
        if let (Some(o), Some(c)) = (&opens_at, &closes_at) {
            if c <= o {
                errors.insert(
                    "settings.closes_at".into(),
                    "The quiz must close after it opens.".into(),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(QuizSettings {
            pass_percent,
            max_attempts,
            kept: self.kept,
            time_limit_seconds,
            feedback: self.feedback,
            shuffle_questions: self.shuffle_questions,
            shuffle_options: self.shuffle_options,
            one_per_page: self.one_per_page,
            opens_at,
            closes_at,
            practice: self.practice,
            grace_seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip() {
        let s = QuizSettings::default();
        assert_eq!(SettingsDraft::from_settings(&s).to_settings(), Ok(s));
    }

    #[test]
    fn time_limits_take_decimal_minutes_and_at_least_ten_seconds() {
        let mut d = SettingsDraft::from_settings(&QuizSettings::default());
        d.time_limit_minutes = "1.5".into();
        assert_eq!(d.to_settings().map(|s| s.time_limit_seconds), Ok(Some(90)));
        d.time_limit_minutes = "0.1".into();
        assert!(d
            .to_settings()
            .is_err_and(|e| e.contains_key("settings.time_limit_seconds")));
        assert_eq!(minutes(10), "0.167");
    }

    #[test]
    fn grace_periods_are_whole_seconds_up_to_two_minutes() {
        let mut d = SettingsDraft::from_settings(&QuizSettings::default());
        assert_eq!(d.grace_seconds, "0");
        d.grace_seconds = "120".into();
        assert_eq!(d.to_settings().map(|s| s.grace_seconds), Ok(120));
        d.grace_seconds = " ".into();
        assert_eq!(d.to_settings().map(|s| s.grace_seconds), Ok(0));
        for bad in ["121", "-1", "1.5", "soon"] {
            d.grace_seconds = bad.into();
            assert!(
                d.to_settings()
                    .is_err_and(|e| e.contains_key("settings.grace_seconds")),
                "{bad} refused"
            );
        }
        assert_eq!(minutes(600), "10");
    }

    #[test]
    fn bad_values_are_reported_by_setting() {
        let mut d = SettingsDraft::from_settings(&QuizSettings::default());
        d.pass_percent = "101".into();
        d.unlimited = false;
        d.max_attempts = "0".into();
        d.opens = "2026-01-02T10:00".into();
        d.closes = "2026-01-01T10:00".into();
        let errors = d.to_settings().expect_err("refused");
        assert!([
            "settings.pass_percent",
            "settings.max_attempts",
            "settings.closes_at"
        ]
        .iter()
        .all(|k| errors.contains_key(*k)));
    }
}
