//! One question type each: the answer block (without `####` general feedback) read into a
//! [`QuestionBody`] as Moodle reads it. Notes for the instructor go into `notes`.

use super::answers::{answer, by_equals, choices};
use super::chars::{field, find, split, text, trim, Ch};
use super::options::Options;
use crate::quiz::question::{Accepted, ChoiceOption, MatchPair, NumericAnswer, QuestionBody};

/// A choice block (it has a `~`): one answer allowed when any answer is written `=`, several
/// otherwise, each worth its weight.
pub(super) fn choice(
    block: &[Ch],
    options: &Options,
    notes: &mut Vec<String>,
) -> Result<QuestionBody, String> {
    let list = choices(block, notes)?;
    if list.len() < 2 {
        return Err("A choice question needs at least two answers.".into());
    }
    let single = list.iter().any(|a| a.equals);
    let share = |w: Option<f64>| w.unwrap_or(0.0);
    if !list.iter().any(|a| share(a.weight) > 0.0) {
        return Err("A choice question needs a right answer (= or a positive %weight%).".into());
    }
    if single {
        let options: Vec<ChoiceOption> = list
            .into_iter()
            .map(|a| {
                let w = share(a.weight);
                ChoiceOption {
                    correct: w >= 1.0,
                    credit: (w != 0.0 && w < 1.0).then_some(w),
                    text: a.text,
                    feedback: a.feedback,
                }
            })
            .collect();
        if options.iter().any(|o| o.share() < 0.0) {
            notes.push(
                "An answer takes marks away: Lectern scores a question no lower than 0.".to_owned(),
            );
        }
        return Ok(QuestionBody::SingleChoice { options });
    }
    let weights: Vec<f64> = list.iter().map(|a| share(a.weight)).collect();
    let best: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if best > 0.0 && (best - 1.0).abs() > 1e-3 {
        notes.push(format!(
            "The right answers' weights add up to {}%, not 100%: {}",
            (best * 1000.0).round() / 10.0,
            if best < 1.0 {
                "nobody can get full marks (as in Moodle)."
            } else {
                "picking some of them is enough for full marks (as in Moodle)."
            }
        ));
    }
    let right = weights.iter().filter(|w| **w > 0.0).count();
    // Lectern's own export writes counted partial credit as 100/n for right answers and
    // -100/n for wrong ones, which is the same rule: read it back as such.
    let counted = right > 0 && {
        let n = right as f64;
        weights
            .iter()
            .all(|w| (w - 1.0 / n).abs() < 2e-7 || (w + 1.0 / n).abs() < 2e-7)
    };
    let all_or_nothing = options.all_or_nothing;
    let plain = all_or_nothing || counted;
    let choice_options: Vec<ChoiceOption> = list
        .into_iter()
        .zip(&weights)
        .map(|(a, w)| ChoiceOption {
            correct: *w > 0.0,
            credit: (!plain).then_some(*w),
            text: a.text,
            feedback: a.feedback,
        })
        .collect();
    Ok(QuestionBody::MultipleChoice {
        options: choice_options,
        partial_credit: !all_or_nothing,
    })
}

/// A matching block: `=prompt -> answer` pairs; an empty prompt is a distractor.
pub(super) fn matching(block: &[Ch]) -> Result<QuestionBody, String> {
    let pieces = by_equals(block);
    if pieces.len() < 2 {
        return Err("A matching question needs at least two pairs.".into());
    }
    let mut pairs = Vec::new();
    for piece in pieces {
        let at = find(piece, "->").ok_or_else(|| {
            format!(
                "“{}” needs a -> between the prompt and its match.",
                text(piece)
            )
        })?;
        pairs.push(MatchPair {
            prompt: field(&piece[..at]),
            answer: text(&piece[at + 2..]),
        });
    }
    Ok(QuestionBody::Matching { pairs })
}

/// A true/false block (`{T}`, `{FALSE#wrong#right}`), or `None` when it is not one.
pub(super) fn true_false(block: &[Ch]) -> Option<QuestionBody> {
    let parts = split(block, '#');
    let answer = match text(parts[0]).as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    // Moodle: the first feedback is for a wrong answer, the second (all the rest) for a right one.
    let wrong = parts.get(1).map(|p| field(p)).unwrap_or_default();
    let right = parts
        .get(2)
        .map(|_| {
            let start = block
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == ('#', false))
                .nth(1)
                .map_or(block.len(), |(i, _)| i + 1);
            field(&block[start..])
        })
        .unwrap_or_default();
    let (feedback_true, feedback_false) = if answer {
        (right, wrong)
    } else {
        (wrong, right)
    };
    Some(QuestionBody::TrueFalse {
        answer,
        feedback_true,
        feedback_false,
    })
}

/// A short-answer block: `=answer` each, weighted (full marks by default), with feedback.
/// A `*` in an answer is Moodle's wildcard; `\*` a star.
pub(super) fn short(
    block: &[Ch],
    options: &Options,
    notes: &mut Vec<String>,
) -> Result<QuestionBody, String> {
    let mut accepted = Vec::new();
    for piece in by_equals(block) {
        let a = answer(piece, true, notes)?;
        accepted.push(Accepted {
            text: a.text,
            credit: a.weight.unwrap_or(1.0),
            feedback: a.feedback,
        });
    }
    if accepted.is_empty() {
        return Err("This question has no answers.".into());
    }
    let wildcards = accepted.iter().any(|a| has_wildcard(&a.text));
    if !wildcards {
        for a in &mut accepted {
            a.text = a.text.replace("\\*", "*");
        }
    }
    Ok(QuestionBody::ShortText {
        accepted,
        lenient: !options.case_sensitive,
        wildcards,
    })
}

/// Whether `answer` has a `*` that is not written `\*` (Moodle: a star right after a
/// backslash is a star, whatever comes before the backslash).
pub(super) fn has_wildcard(answer: &str) -> bool {
    let mut previous = None;
    for c in answer.chars() {
        if c == '*' && previous != Some('\\') {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// A numeric block (after its `#`): `=value:tolerance`, `=min..max` or `=value`, weighted
/// (full marks by default), with feedback; `~#feedback` for any other answer.
pub(super) fn numeric(
    block: &[Ch],
    options: &Options,
    notes: &mut Vec<String>,
) -> Result<QuestionBody, String> {
    let (list, other) = match block.iter().position(|c| *c == ('~', false)) {
        Some(at) => (&block[..at], &block[at + 1..]),
        None => (block, &[][..]),
    };
    let other_feedback = match other.iter().position(|c| *c == ('#', false)) {
        Some(at) => field(&other[at + 1..]),
        None => String::new(),
    };
    let mut answers = Vec::new();
    for piece in by_equals(list) {
        let a = answer(piece, true, notes)?;
        let item = a.text;
        let bad = || format!("“{item}” is not a number, a number:tolerance or a min..max range.");
        let num = |s: &str| s.trim().parse::<f64>().map_err(|_| bad());
        let (value, tolerance) = match (item.find(".."), item.find(':')) {
            (Some(at), _) if at > 0 => {
                let (lo, hi) = (num(&item[..at])?, num(&item[at + 2..])?);
                ((lo + hi) / 2.0, (hi - lo).abs() / 2.0)
            }
            (_, Some(at)) if at > 0 => (num(&item[..at])?, num(&item[at + 1..])?),
            _ => (num(&item)?, 0.0),
        };
        answers.push(NumericAnswer {
            value,
            tolerance,
            credit: a.weight.unwrap_or(1.0),
            feedback: a.feedback,
        });
    }
    if answers.is_empty() {
        return Err("A numeric question needs at least one number.".into());
    }
    Ok(QuestionBody::Numeric {
        answers,
        unit: options.unit.clone(),
        unit_required: options.unit_required,
        other_feedback,
    })
}

/// Lectern's ordering extension: the `=` answers are the items in order.
pub(super) fn ordering(block: &[Ch], notes: &mut Vec<String>) -> Result<QuestionBody, String> {
    let mut items = Vec::new();
    for piece in by_equals(block) {
        items.push(answer(trim(piece), true, notes)?.text);
    }
    Ok(QuestionBody::Ordering { items })
}
