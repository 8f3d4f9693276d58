//! Questions, presentations and responses made from fuzz bytes. Texts and numbers are drawn
//! mostly from small pools so that answers match often enough to reach every grading branch,
//! and sometimes are arbitrary (any string, NaN, infinities, huge positions). Credits are
//! mostly shares GIFT can carry (eighths, or seven decimals, from -1 to 1), sometimes any
//! number.

use app::quiz::blanks::{text_matches, wildcard_matches};
use app::quiz::{
    Accepted, ChoiceOption, MatchPair, NumericAnswer, Presentation, Question, QuestionBody,
    Response,
};
use arbitrary::{Result, Unstructured};

const TEXTS: [&str; 20] = [
    "a",
    "A",
    " a  b ",
    "b",
    "[[a]]",
    "x [[a|b]] y [[c]] z",
    "[[ ]]",
    "]] [[a]]",
    "1",
    "1,5",
    "-2.5e3 m/s",
    "m/s",
    "",
    " ",
    "É",
    "->",
    "*",
    "a*",
    "\\*",
    "*b*",
];

const NUMBERS: [f64; 10] = [
    0.0,
    1.0,
    -1.0,
    0.5,
    1.5,
    1e-12,
    1e300,
    -2500.0,
    f64::NAN,
    f64::INFINITY,
];

/// A short text, usually from the pool.
pub fn text(u: &mut Unstructured) -> Result<String> {
    if u.ratio(3, 4)? {
        Ok((*u.choose(&TEXTS)?).to_owned())
    } else {
        let s: String = u.arbitrary()?;
        Ok(s.chars().take(40).collect())
    }
}

/// A number, usually from the pool.
pub fn number(u: &mut Unstructured) -> Result<f64> {
    match u.int_in_range(0..=3)? {
        0 | 1 => Ok(*u.choose(&NUMBERS)?),
        2 => Ok(f64::from(u.int_in_range(-20i32..=20)?) / 4.0),
        _ => u.arbitrary(),
    }
}

/// A share of the points: usually eighths from -1 to 1, sometimes seven decimals in that
/// range (what GIFT's `%12.5%` weights carry), sometimes any number.
pub fn credit(u: &mut Unstructured) -> Result<f64> {
    match u.int_in_range(0..=7)? {
        0..=5 => Ok(f64::from(u.int_in_range(-8i32..=8)?) / 8.0),
        6 => Ok(f64::from(u.int_in_range(-10_000_000i32..=10_000_000)?) / 1e7),
        _ => number(u),
    }
}

/// The credit of an accepted answer: full marks half the time.
fn answer_credit(u: &mut Unstructured) -> Result<f64> {
    if u.arbitrary()? {
        Ok(1.0)
    } else {
        credit(u)
    }
}

/// A position: usually small, sometimes anything.
pub fn position(u: &mut Unstructured) -> Result<u32> {
    if u.ratio(7, 8)? {
        u.int_in_range(0..=6)
    } else {
        u.arbitrary()
    }
}

fn list<T>(u: &mut Unstructured, item: impl Fn(&mut Unstructured) -> Result<T>) -> Result<Vec<T>> {
    let len = u.int_in_range(0..=6)?;
    (0..len).map(|_| item(u)).collect()
}

fn options(u: &mut Unstructured) -> Result<Vec<ChoiceOption>> {
    list(u, |u| {
        Ok(ChoiceOption {
            text: text(u)?,
            correct: u.arbitrary()?,
            feedback: text(u)?,
            credit: if u.arbitrary()? {
                Some(credit(u)?)
            } else {
                None
            },
        })
    })
}

/// Any question body.
pub fn body(u: &mut Unstructured) -> Result<QuestionBody> {
    Ok(match u.int_in_range(0..=7)? {
        0 => QuestionBody::SingleChoice {
            options: options(u)?,
        },
        1 => QuestionBody::MultipleChoice {
            options: options(u)?,
            partial_credit: u.arbitrary()?,
        },
        2 => QuestionBody::TrueFalse {
            answer: u.arbitrary()?,
            feedback_true: text(u)?,
            feedback_false: text(u)?,
        },
        3 => QuestionBody::ShortText {
            accepted: list(u, |u| {
                Ok(Accepted {
                    text: text(u)?,
                    credit: answer_credit(u)?,
                    feedback: text(u)?,
                })
            })?,
            lenient: u.arbitrary()?,
            wildcards: u.arbitrary()?,
        },
        4 => QuestionBody::Numeric {
            answers: list(u, |u| {
                Ok(NumericAnswer {
                    value: number(u)?,
                    tolerance: number(u)?,
                    credit: answer_credit(u)?,
                    feedback: text(u)?,
                })
            })?,
            unit: if u.arbitrary()? { Some(text(u)?) } else { None },
            unit_required: u.arbitrary()?,
            other_feedback: text(u)?,
        },
        5 => QuestionBody::Ordering {
            items: list(u, text)?,
        },
        6 => QuestionBody::Matching {
            pairs: list(u, |u| {
                Ok(MatchPair {
                    // One pair in four a distractor (no prompt); the pool has blank ones too.
                    prompt: if u.ratio(1, 4)? {
                        String::new()
                    } else {
                        text(u)?
                    },
                    answer: text(u)?,
                })
            })?,
        },
        _ => QuestionBody::FillBlanks {
            text: text(u)?,
            lenient: u.arbitrary()?,
        },
    })
}

/// Any question.
pub fn question(u: &mut Unstructured) -> Result<Question> {
    Ok(Question {
        stem: text(u)?,
        points: number(u)?,
        general_feedback: text(u)?,
        body: body(u)?,
    })
}

/// A presentation with arbitrary (possibly out-of-range or repeated) positions.
pub fn presentation(u: &mut Unstructured) -> Result<Presentation> {
    Ok(Presentation {
        order: list(u, position)?,
    })
}

/// Any response, of any kind.
pub fn response(u: &mut Unstructured) -> Result<Response> {
    Ok(match u.int_in_range(0..=7)? {
        0 => Response::SingleChoice(position(u)?),
        1 => Response::MultipleChoice(list(u, position)?),
        2 => Response::TrueFalse(u.arbitrary()?),
        3 => Response::ShortText(text(u)?),
        4 => Response::Numeric(text(u)?),
        5 => Response::Ordering(list(u, position)?),
        6 => Response::Matching(list(u, |u| {
            Ok(if u.arbitrary()? {
                Some(position(u)?)
            } else {
                None
            })
        })?),
        _ => Response::FillBlanks(list(u, text)?),
    })
}

/// The display position of authored index `index` under `presentation`.
fn display(presentation: &Presentation, index: usize) -> u32 {
    if presentation.order.is_empty() {
        return index as u32;
    }
    presentation
        .order
        .iter()
        .position(|o| *o as usize == index)
        .map_or(u32::MAX, |p| p as u32)
}

/// A typed answer that `pattern` (an accepted short answer) matches: the pattern itself, or
/// with wildcards on, its stars matching nothing and `\*` a star.
fn typed(pattern: &str, wildcards: bool) -> String {
    if !wildcards {
        return pattern.to_owned();
    }
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push('*');
            }
            '*' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `value` is within tolerance of `answer`, with a margin so that a number near the
/// edge counts as matching (the caller then looks for another right answer).
fn near(answer: &NumericAnswer, value: f64) -> bool {
    let slack = 1e-9 * (1.0 + answer.value.abs() + value.abs());
    (value - answer.value).abs() <= answer.tolerance.abs() * (1.0 + 1e-9) + slack
}

/// A response to `question` under `presentation` (a permutation) that earns full marks, when
/// the question has one: every right option, item or match; for single choice an option worth
/// all the points; for a short text or number the first full-credit answer that no earlier
/// answer matches (the first match decides); for multiple choice with credits, every option
/// worth something when they add up to all the points.
pub fn right_response(question: &Question, presentation: &Presentation) -> Option<Response> {
    let shown = |i: usize| display(presentation, i);
    Some(match &question.body {
        QuestionBody::SingleChoice { options } => {
            Response::SingleChoice(shown(options.iter().position(|o| o.share() == 1.0)?))
        }
        QuestionBody::MultipleChoice { options, .. } => {
            let weighted = options.iter().any(|o| o.credit.is_some());
            let picked: Vec<usize> = (0..options.len())
                .filter(|i| {
                    if weighted {
                        options[*i].share() > 0.0
                    } else {
                        options[*i].correct
                    }
                })
                .collect();
            if weighted && picked.iter().map(|i| options[*i].share()).sum::<f64>() < 1.0 {
                return None;
            }
            Response::MultipleChoice(picked.into_iter().map(shown).collect())
        }
        QuestionBody::TrueFalse { answer, .. } => Response::TrueFalse(*answer),
        QuestionBody::ShortText {
            accepted,
            lenient,
            wildcards,
        } => {
            let matches = |a: &Accepted, given: &str| {
                if *wildcards {
                    wildcard_matches(&a.text, given, *lenient)
                } else {
                    text_matches(&a.text, given, *lenient)
                }
            };
            let given = accepted.iter().enumerate().find_map(|(i, a)| {
                let given = typed(&a.text, *wildcards);
                (a.credit == 1.0
                    && matches(a, &given)
                    && !accepted[..i].iter().any(|b| matches(b, &given)))
                .then_some(given)
            })?;
            Response::ShortText(given)
        }
        QuestionBody::Numeric { answers, unit, .. } => {
            let value = answers.iter().enumerate().find_map(|(i, a)| {
                (a.credit == 1.0 && !answers[..i].iter().any(|b| near(b, a.value)))
                    .then_some(a.value)
            })?;
            Response::Numeric(match unit {
                Some(unit) => format!("{value} {unit}"),
                None => format!("{value}"),
            })
        }
        QuestionBody::Ordering { items } => {
            Response::Ordering((0..items.len()).map(shown).collect())
        }
        QuestionBody::Matching { pairs } => Response::Matching(
            (0..pairs.len())
                .filter(|i| !pairs[*i].is_distractor())
                .map(|i| Some(shown(i)))
                .collect(),
        ),
        QuestionBody::FillBlanks { text, .. } => Response::FillBlanks(
            app::quiz::blanks::blanks(text)
                .into_iter()
                .map(|b| b.first().cloned().unwrap_or_default())
                .collect(),
        ),
    })
}
