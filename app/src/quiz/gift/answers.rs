//! The answer block between `{` and `}`: answers with weights and feedback, numeric answers,
//! and true/false.

use super::chars::{starts, text, Ch};
use super::options::Options;
use crate::quiz::question::{NumericAnswer, QuestionBody};

/// One answer of a block: its prefix (`=` or `~`), weight, text and feedback.
pub(super) struct Answer {
    pub(super) right: bool,
    pub(super) weight: Option<f64>,
    pub(super) text: String,
    pub(super) feedback: String,
}

/// Splits an answer block into answers and the general feedback.
pub(super) fn answers(block: &[Ch]) -> Result<(Vec<Answer>, String), String> {
    let mut general = String::new();
    let mut body = block;
    if let Some(at) = (0..block.len()).find(|i| starts(block, *i, "####")) {
        general = text(&block[at + 4..]);
        body = &block[..at];
    }
    let mut out: Vec<Answer> = Vec::new();
    let mut current: Option<(bool, Vec<Ch>)> = None;
    for ch in body {
        match ch {
            ('=', false) | ('~', false) => {
                if let Some((right, chars)) = current.take() {
                    out.push(answer(right, &chars)?);
                }
                current = Some((ch.0 == '=', Vec::new()));
            }
            _ => match &mut current {
                Some((_, chars)) => chars.push(*ch),
                None if ch.0.is_whitespace() => {}
                None => return Err("Each answer must start with = (right) or ~ (wrong).".into()),
            },
        }
    }
    if let Some((right, chars)) = current {
        out.push(answer(right, &chars)?);
    }
    Ok((out, general))
}

/// One `=`/`~` answer: optional `%weight%`, text and `#feedback`.
pub(super) fn answer(right: bool, chars: &[Ch]) -> Result<Answer, String> {
    let mut chars = chars;
    let mut weight = None;
    let trimmed = chars
        .iter()
        .position(|c| !c.0.is_whitespace())
        .unwrap_or(chars.len());
    chars = &chars[trimmed..];
    if chars.first() == Some(&('%', false)) {
        let end = chars[1..]
            .iter()
            .position(|c| *c == ('%', false))
            .ok_or("A weight like %50% is not closed.")?;
        let w = text(&chars[1..end + 1]);
        weight = Some(
            w.parse::<f64>()
                .map_err(|_| format!("“{w}” is not a weight in percent."))?,
        );
        chars = &chars[end + 2..];
    }
    let (answer, feedback) = match chars.iter().position(|c| *c == ('#', false)) {
        Some(at) => (&chars[..at], text(&chars[at + 1..])),
        None => (chars, String::new()),
    };
    Ok(Answer {
        right,
        weight,
        text: text(answer),
        feedback,
    })
}

/// A numeric answer block (`{#…}`): values, tolerances or ranges.
pub(super) fn numeric(block: &[Ch], options: &Options) -> Result<QuestionBody, String> {
    let body = &block[1..];
    let has_list = body.contains(&('=', false));
    let mut parsed = Vec::new();
    let items: Vec<String> = if has_list {
        answers(body)?
            .0
            .into_iter()
            .filter(|a| a.right)
            .map(|a| a.text)
            .collect()
    } else {
        let raw = text(body);
        vec![raw.split('#').next().unwrap_or("").trim().to_owned()]
    };
    for item in items {
        let bad = || format!("“{item}” is not a number, a number:tolerance or a min..max range.");
        let answer = if let Some((lo, hi)) = item.split_once("..") {
            let lo: f64 = lo.trim().parse().map_err(|_| bad())?;
            let hi: f64 = hi.trim().parse().map_err(|_| bad())?;
            NumericAnswer::new((lo + hi) / 2.0, (hi - lo).abs() / 2.0)
        } else if let Some((v, t)) = item.split_once(':') {
            NumericAnswer::new(v.trim().parse().map_err(|_| bad())?, t.trim().parse().map_err(|_| bad())?)
        } else {
            NumericAnswer::new(item.trim().parse().map_err(|_| bad())?, 0.0)
        };
        parsed.push(answer);
    }
    if parsed.is_empty() {
        return Err("A numeric question needs at least one number.".into());
    }
    Ok(QuestionBody::Numeric {
        answers: parsed,
        unit: options.unit.clone(),
        unit_required: options.unit_required,
        other_feedback: String::new(),
    })
}

/// A true/false block (`{T}`, `{FALSE#wrong#right}`): the answer and both feedbacks.
pub(super) fn true_false(block: &[Ch]) -> Option<(bool, String, String)> {
    let mut parts = block.split(|c| *c == ('#', false));
    let value = match text(parts.next()?).as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    // Moodle: the first feedback is for a wrong answer, the second for a right one.
    let wrong = parts.next().map(text).unwrap_or_default();
    let right = parts.next().map(text).unwrap_or_default();
    Some((value, wrong, right))
}
