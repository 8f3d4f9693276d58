//! Questions, presentations and responses made from fuzz bytes. Texts and numbers are drawn
//! mostly from small pools so that answers match often enough to reach every grading branch,
//! and sometimes are arbitrary (any string, NaN, infinities, huge positions).

use app::quiz::{
    ChoiceOption, MatchPair, NumericAnswer, Presentation, Question, QuestionBody, Response,
};
use arbitrary::{Result, Unstructured};

const TEXTS: [&str; 16] = [
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
            accepted: list(u, text)?,
            lenient: u.arbitrary()?,
        },
        4 => QuestionBody::Numeric {
            answers: list(u, |u| {
                Ok(NumericAnswer {
                    value: number(u)?,
                    tolerance: number(u)?,
                })
            })?,
            unit: if u.arbitrary()? { Some(text(u)?) } else { None },
            unit_required: u.arbitrary()?,
        },
        5 => QuestionBody::Ordering {
            items: list(u, text)?,
        },
        6 => QuestionBody::Matching {
            pairs: list(u, |u| {
                Ok(MatchPair {
                    prompt: text(u)?,
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

/// The fully right response to `question` under `presentation` (a permutation).
pub fn right_response(question: &Question, presentation: &Presentation) -> Response {
    let shown = |i: usize| display(presentation, i);
    match &question.body {
        QuestionBody::SingleChoice { options } => {
            Response::SingleChoice(shown(options.iter().position(|o| o.correct).unwrap_or(0)))
        }
        QuestionBody::MultipleChoice { options, .. } => Response::MultipleChoice(
            (0..options.len())
                .filter(|i| options[*i].correct)
                .map(shown)
                .collect(),
        ),
        QuestionBody::TrueFalse { answer, .. } => Response::TrueFalse(*answer),
        QuestionBody::ShortText { accepted, .. } => {
            Response::ShortText(accepted.first().cloned().unwrap_or_default())
        }
        QuestionBody::Numeric { answers, unit, .. } => {
            let value = answers.first().map_or(0.0, |a| a.value);
            Response::Numeric(match unit {
                Some(unit) => format!("{value} {unit}"),
                None => format!("{value}"),
            })
        }
        QuestionBody::Ordering { items } => {
            Response::Ordering((0..items.len()).map(shown).collect())
        }
        QuestionBody::Matching { pairs } => {
            Response::Matching((0..pairs.len()).map(|i| Some(shown(i))).collect())
        }
        QuestionBody::FillBlanks { text, .. } => Response::FillBlanks(
            app::quiz::blanks::blanks(text)
                .into_iter()
                .map(|b| b.first().cloned().unwrap_or_default())
                .collect(),
        ),
    }
}
