//! Grading: how many of a question's points a response earns. The same code runs on the
//! server (graded quizzes) and in the browser (practice quizzes).

use super::blanks::{blanks, text_matches, wildcard_matches};
use super::question::{
    Accepted, Grade, NumericAnswer, Presentation, Question, QuestionBody, Response,
};

/// The authored index shown at display position `id`, if `id` is in range.
fn authored(presentation: &Presentation, id: u32, len: usize) -> Option<usize> {
    let index = match presentation.order.get(id as usize) {
        Some(original) => *original as usize,
        // Without a presentation (kinds that are never shuffled) positions are authored ones.
        None if presentation.order.is_empty() => id as usize,
        None => return None,
    };
    (index < len).then_some(index)
}

/// Parses a typed number with an optional unit after it: `"9.81 m/s2"` → `(9.81, "m/s2")`.
/// A decimal comma is accepted when there is no dot (`"1,5"`).
pub fn parse_number(input: &str) -> Option<(f64, String)> {
    let text = input.trim();
    let end = text
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || *c == '.'
                || *c == ','
                || ((*c == '-' || *c == '+') && (*i == 0 || text[..*i].ends_with(['e', 'E'])))
                || ((*c == 'e' || *c == 'E')
                    && *i > 0
                    && text[i + 1..]
                        .starts_with(|n: char| n.is_ascii_digit() || n == '-' || n == '+')))
        })
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(end);
    let number = if number.contains('.') {
        number.to_owned()
    } else {
        number.replacen(',', ".", 1)
    };
    let value: f64 = number.parse().ok()?;
    value.is_finite().then(|| (value, unit.trim().to_owned()))
}

/// Units compare ignoring case and spaces.
fn unit_key(unit: &str) -> String {
    unit.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `picked` (authored indices) holds duplicates.
fn has_duplicates(picked: &[usize]) -> bool {
    let mut seen = picked.to_vec();
    seen.sort_unstable();
    seen.windows(2).any(|w| w[0] == w[1])
}

/// The first accepted answer of a short-text question that `given` matches.
pub fn matched_text<'a>(body: &'a QuestionBody, given: &str) -> Option<&'a Accepted> {
    let QuestionBody::ShortText {
        accepted,
        lenient,
        wildcards,
    } = body
    else {
        return None;
    };
    accepted.iter().find(|a| {
        if *wildcards {
            wildcard_matches(&a.text, given, *lenient)
        } else {
            text_matches(&a.text, given, *lenient)
        }
    })
}

/// The first answer of a numeric question that `given` (a number, maybe with its unit) is
/// within tolerance of; none when the unit is wrong or missing where required.
pub fn matched_number<'a>(body: &'a QuestionBody, given: &str) -> Option<&'a NumericAnswer> {
    let QuestionBody::Numeric {
        answers,
        unit,
        unit_required,
        ..
    } = body
    else {
        return None;
    };
    let (value, given_unit) = parse_number(given)?;
    let unit_ok = match unit {
        Some(unit) if !given_unit.is_empty() => unit_key(unit) == unit_key(&given_unit),
        Some(_) => !unit_required,
        None => given_unit.is_empty(),
    };
    if !unit_ok {
        return None;
    }
    answers
        .iter()
        .find(|a| (value - a.value).abs() <= a.tolerance.abs() + 1e-12 * a.value.abs())
}

/// The share of the question a response earns (clamped to 0..=1 by [`grade`]); 0 for
/// anything malformed.
fn fraction(question: &Question, presentation: &Presentation, response: &Response) -> f64 {
    match (&question.body, response) {
        (QuestionBody::SingleChoice { options }, Response::SingleChoice(id)) => {
            authored(presentation, *id, options.len()).map_or(0.0, |i| options[i].share())
        }
        (
            QuestionBody::MultipleChoice {
                options,
                partial_credit,
            },
            Response::MultipleChoice(ids),
        ) => {
            let picked: Option<Vec<usize>> = ids
                .iter()
                .map(|id| authored(presentation, *id, options.len()))
                .collect();
            let Some(picked) = picked else { return 0.0 };
            if has_duplicates(&picked) {
                return 0.0;
            }
            if options.iter().any(|o| o.credit.is_some()) {
                // Moodle: the picks' credits add up, between 0 and 1.
                return picked.iter().map(|i| options[*i].share()).sum::<f64>();
            }
            let correct = options.iter().filter(|o| o.correct).count();
            if correct == 0 {
                return 0.0;
            }
            let right = picked.iter().filter(|i| options[**i].correct).count();
            let wrong = picked.len() - right;
            if *partial_credit {
                (right.saturating_sub(wrong)) as f64 / correct as f64
            } else if right == correct && wrong == 0 {
                1.0
            } else {
                0.0
            }
        }
        (QuestionBody::TrueFalse { answer, .. }, Response::TrueFalse(given)) => {
            f64::from(u8::from(answer == given))
        }
        (QuestionBody::ShortText { .. }, Response::ShortText(given)) => {
            matched_text(&question.body, given).map_or(0.0, |a| a.credit)
        }
        (QuestionBody::Numeric { .. }, Response::Numeric(given)) => {
            matched_number(&question.body, given).map_or(0.0, |a| a.credit)
        }
        (QuestionBody::Ordering { items }, Response::Ordering(ids)) => {
            if ids.len() != items.len() {
                return 0.0;
            }
            let order: Option<Vec<usize>> = ids
                .iter()
                .map(|id| authored(presentation, *id, items.len()))
                .collect();
            let Some(order) = order else { return 0.0 };
            if has_duplicates(&order) || items.is_empty() {
                return 0.0;
            }
            let in_place = order.iter().enumerate().filter(|(at, i)| at == *i).count();
            in_place as f64 / items.len() as f64
        }
        (QuestionBody::Matching { pairs }, Response::Matching(choices)) => {
            let prompts: Vec<_> = pairs.iter().filter(|p| !p.is_distractor()).collect();
            if choices.len() != prompts.len() || prompts.is_empty() {
                return 0.0;
            }
            let right = choices
                .iter()
                .zip(&prompts)
                .filter(|(choice, prompt)| {
                    choice
                        .and_then(|id| authored(presentation, id, pairs.len()))
                        // Equal answer texts count as the same answer.
                        .is_some_and(|i| pairs[i].answer == prompt.answer)
                })
                .count();
            right as f64 / prompts.len() as f64
        }
        (QuestionBody::FillBlanks { text, lenient }, Response::FillBlanks(given)) => {
            let blanks = blanks(text);
            if blanks.is_empty() || given.len() != blanks.len() {
                return 0.0;
            }
            let right = blanks
                .iter()
                .zip(given)
                .filter(|(accepted, given)| {
                    accepted.iter().any(|a| text_matches(a, given, *lenient))
                })
                .count();
            right as f64 / blanks.len() as f64
        }
        _ => 0.0,
    }
}

/// The answer a question holds before the learner touches it: for an ordering question, its
/// items in the order shown (display positions `0..n`), since an ordering answer is whatever
/// order the learner submits; nothing for the other kinds.
pub fn untouched_response(question: &Question) -> Option<Response> {
    match &question.body {
        QuestionBody::Ordering { items } => {
            Some(Response::Ordering((0..items.len() as u32).collect()))
        }
        _ => None,
    }
}

/// Whether `response` has the shape `question` needs where the shape alone can be wrong: an
/// ordering answer names every item shown exactly once. Other kinds always fit here (a wrong
/// pick simply earns nothing).
pub fn response_fits(question: &Question, response: &Response) -> bool {
    match (&question.body, response) {
        (QuestionBody::Ordering { items }, Response::Ordering(ids)) => {
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            ids.len() == items.len() && sorted.iter().enumerate().all(|(i, id)| *id as usize == i)
        }
        _ => true,
    }
}

/// The points `response` earns on `question` as laid out by `presentation`: always within
/// `0..=question.points`; 0 when unanswered or malformed (wrong type, unknown or repeated
/// positions). Never panics.
pub fn grade(
    question: &Question,
    presentation: &Presentation,
    response: Option<&Response>,
) -> Grade {
    let max = if question.points.is_finite() && question.points > 0.0 {
        question.points
    } else {
        0.0
    };
    let share = response.map_or(0.0, |r| fraction(question, presentation, r));
    let share = if share.is_finite() { share } else { 0.0 };
    let score = (max * share.clamp(0.0, 1.0)).clamp(0.0, max);
    Grade { score, max }
}
