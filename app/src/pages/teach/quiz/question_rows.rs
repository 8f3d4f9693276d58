//! The rows of the question editor that carry a credit: choice options, accepted short
//! answers and accepted numbers, as typed. Credits are typed as percentages ("50" for half the
//! points); an empty credit means the default.

use crate::quiz::{Accepted, ChoiceOption, NumericAnswer};

/// A choice option as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OptionDraft {
    pub text: String,
    pub correct: bool,
    pub feedback: String,
    /// A percentage as typed; empty: 100 when correct, 0 otherwise.
    pub credit: String,
}

/// An accepted short answer as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerDraft {
    pub text: String,
    /// A percentage as typed; empty: 100.
    pub credit: String,
    pub feedback: String,
}

/// An accepted number as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberDraft {
    pub value: String,
    /// Empty: 0.
    pub tolerance: String,
    /// A percentage as typed; empty: 100.
    pub credit: String,
    pub feedback: String,
}

impl Default for NumberDraft {
    fn default() -> Self {
        NumberDraft {
            value: String::new(),
            tolerance: "0".into(),
            credit: String::new(),
            feedback: String::new(),
        }
    }
}

/// A number as typed, in the way people write it ("0,5" too); NaN when unreadable.
pub fn number(text: &str) -> f64 {
    text.trim().replace(',', ".").parse().unwrap_or(f64::NAN)
}

/// A number for an input, without a trailing ".0".
pub fn show(value: f64) -> String {
    let text = value.to_string();
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// `text`, a plain decimal number, with its point moved `places` digits to the right (to the
/// left when negative). Exact, unlike multiplying a float by 100, so a share shown as a
/// percentage reads back as the very same share.
fn shift_point(text: &str, places: isize) -> Option<String> {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if (int.is_empty() && frac.is_empty())
        || !format!("{int}{frac}").bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut digits = format!("{int}{frac}");
    let mut point = int.len() as isize + places;
    if point < 0 {
        digits.insert_str(0, &"0".repeat(point.unsigned_abs()));
        point = 0;
    }
    let point = point.unsigned_abs();
    if point > digits.len() {
        digits.push_str(&"0".repeat(point - digits.len()));
    }
    let (int, frac) = digits.split_at(point);
    let (int, frac) = (int.trim_start_matches('0'), frac.trim_end_matches('0'));
    let int = if int.is_empty() { "0" } else { int };
    let sign = if int == "0" && frac.is_empty() {
        ""
    } else {
        sign
    };
    let point = if frac.is_empty() { "" } else { "." };
    Some(format!("{sign}{int}{point}{frac}"))
}

/// The share of the points a typed percentage gives ("50" or "50%": 0.5); NaN when
/// unreadable.
fn share(text: &str) -> f64 {
    let text = text.trim().trim_end_matches('%').trim().replace(',', ".");
    match shift_point(&text, -2) {
        Some(shifted) => shifted.parse().unwrap_or(f64::NAN),
        // "1e1" and the like.
        None => number(&text) / 100.0,
    }
}

/// A typed credit, or full credit when it is empty.
fn share_or_full(text: &str) -> f64 {
    if text.trim().is_empty() {
        1.0
    } else {
        share(text)
    }
}

/// A share of the points as a percentage for an input (0.5: "50"), read back by [`share`] as
/// the very same share, so an untouched credit is saved unchanged.
fn percent(value: f64) -> String {
    shift_point(&value.to_string(), 2).unwrap_or_else(|| show(value * 100.0))
}

/// Full credit shows as an empty input (the default), any other share as its percentage.
fn percent_unless_full(value: f64) -> String {
    if value == 1.0 {
        String::new()
    } else {
        percent(value)
    }
}

/// Whether a typed credit is neither empty nor a percentage from -100 to 100.
pub fn bad_credit(text: &str) -> bool {
    if text.trim().is_empty() {
        return false;
    }
    let value = share(text);
    !(value.is_finite() && (-1.0..=1.0).contains(&value))
}

impl OptionDraft {
    /// The draft of a stored option.
    pub fn from_option(o: &ChoiceOption) -> Self {
        OptionDraft {
            text: o.text.clone(),
            correct: o.correct,
            feedback: o.feedback.clone(),
            credit: o.credit.map(percent).unwrap_or_default(),
        }
    }

    /// The option the draft describes.
    pub fn to_option(&self) -> ChoiceOption {
        ChoiceOption {
            text: self.text.clone(),
            correct: self.correct,
            feedback: self.feedback.clone(),
            credit: (!self.credit.trim().is_empty()).then(|| share(&self.credit)),
        }
    }
}

impl AnswerDraft {
    /// The draft of a stored accepted answer.
    pub fn from_accepted(a: &Accepted) -> Self {
        AnswerDraft {
            text: a.text.clone(),
            credit: percent_unless_full(a.credit),
            feedback: a.feedback.clone(),
        }
    }

    /// The accepted answer the draft describes.
    pub fn to_accepted(&self) -> Accepted {
        Accepted {
            text: self.text.clone(),
            credit: share_or_full(&self.credit),
            feedback: self.feedback.clone(),
        }
    }
}

impl NumberDraft {
    /// The draft of a stored accepted number.
    pub fn from_answer(a: &NumericAnswer) -> Self {
        NumberDraft {
            value: show(a.value),
            tolerance: show(a.tolerance),
            credit: percent_unless_full(a.credit),
            feedback: a.feedback.clone(),
        }
    }

    /// The accepted number the draft describes.
    pub fn to_answer(&self) -> NumericAnswer {
        NumericAnswer {
            value: number(&self.value),
            tolerance: if self.tolerance.trim().is_empty() {
                0.0
            } else {
                number(&self.tolerance)
            },
            credit: share_or_full(&self.credit),
            feedback: self.feedback.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_read_as_typed_and_show_as_they_were() {
        assert_eq!(share_or_full(""), 1.0);
        assert_eq!(share_or_full(" 50% "), 0.5);
        assert_eq!(share_or_full("-33,5"), -0.335);
        assert!(share_or_full("half").is_nan());
        let messy = (-997..=997).map(|i| f64::from(i) / 997.0);
        for value in [0.5, -1.0, 0.7, 1e-9, number("33.33333") / 100.0]
            .into_iter()
            .chain(messy)
        {
            assert_eq!(share(&percent(value)), value, "{value}");
        }
        assert_eq!(
            [percent(0.7), percent(-0.005), percent(1.0 / 3.0)],
            ["70", "-0.5", "33.33333333333333"]
        );
        assert_eq!(share(".5"), 0.005);
        assert!(bad_credit("150") && bad_credit("x") && !bad_credit("") && !bad_credit("-100"));
    }
}
