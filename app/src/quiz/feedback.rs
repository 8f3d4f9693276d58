//! The feedback on an answered question (grade, verdict, the picked options' and general
//! feedback, the correct answer), shown once the quiz's rules allow or in practice quizzes; on
//! the server with markdown rendered ([`feedback`]), in the browser on questions the server
//! rendered beforehand ([`rendered`], [`feedback_prerendered`]).

use super::blanks::blanks;
use super::grade::{grade, matched_number, matched_text};
use super::present::{authored, escape, in_display_order};
use super::question::{Presentation, Question, QuestionBody, Response};
#[cfg(feature = "markdown")]
use crate::markdown;
use crate::models::{QuestionFeedback, Verdict};

/// The correct answer, one entry per part, described for people (sanitized HTML).
fn correct_answers_html(question: &Question, render: &dyn Fn(&str) -> String) -> Vec<String> {
    match &question.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            options
                .iter()
                .filter(|o| o.correct || o.share() > 0.0)
                .map(|o| match o.credit {
                    Some(c) if c < 1.0 => {
                        format!("{}<p>({} of the points)</p>", render(&o.text), percent(c))
                    }
                    _ => render(&o.text),
                })
                .collect()
        }
        QuestionBody::TrueFalse { answer, .. } => {
            vec![(if *answer { "True" } else { "False" }).to_owned()]
        }
        QuestionBody::ShortText { accepted, .. } => accepted
            .iter()
            .filter(|a| a.credit > 0.0)
            .map(|a| escape(&with_share(&a.text, a.credit)))
            .collect(),
        QuestionBody::Numeric { answers, unit, .. } => {
            let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            answers
                .iter()
                .filter(|a| a.credit > 0.0)
                .map(|a| {
                    let number = if a.tolerance > 0.0 {
                        format!("{} ± {}{unit}", a.value, a.tolerance)
                    } else {
                        format!("{}{unit}", a.value)
                    };
                    escape(&with_share(&number, a.credit))
                })
                .collect()
        }
        QuestionBody::Ordering { items } => items.iter().map(|item| escape(item)).collect(),
        QuestionBody::Matching { pairs } => pairs
            .iter()
            .filter(|p| !p.is_distractor())
            .map(|p| escape(&format!("{} → {}", p.prompt, p.answer)))
            .collect(),
        QuestionBody::FillBlanks { text, .. } => blanks(text)
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let answer = b.first().cloned().unwrap_or_default();
                escape(&format!("Blank {}: {answer}", i + 1))
            })
            .collect(),
    }
}

/// For choice and true/false questions, whether each option as shown under `presentation`
/// is a right one (true/false: "True" then "False"); empty for the other kinds.
fn option_right(question: &Question, presentation: &Presentation) -> Vec<bool> {
    match &question.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            in_display_order(options, presentation)
                .into_iter()
                .map(|(_, o)| o.correct || o.share() > 0.0)
                .collect()
        }
        QuestionBody::TrueFalse { answer, .. } => vec![*answer, !*answer],
        _ => Vec::new(),
    }
}

/// A share of the points as people write it: `0.5` → `50%`.
fn percent(share: f64) -> String {
    format!("{}%", (share * 1000.0).round() / 10.0)
}

/// An answer followed by its share when it is not full marks: `Cat (50%)`.
fn with_share(answer: &str, credit: f64) -> String {
    if credit < 1.0 {
        format!("{answer} ({})", percent(credit))
    } else {
        answer.to_owned()
    }
}

/// Grade, verdict, feedback (picked options', then general) and the correct answer for a
/// response. Only for learners once the quiz's rules allow, or for practice quizzes.
#[cfg(feature = "markdown")]
pub fn feedback(
    question: &Question,
    presentation: &Presentation,
    response: Option<&Response>,
) -> QuestionFeedback {
    feedback_with(question, presentation, response, &markdown::render)
}

/// [`feedback`] with the question's markdown already rendered: for a question passed through
/// [`rendered`] (the browser has no markdown renderer; practice questions come rendered).
pub fn feedback_prerendered(
    question: &Question,
    presentation: &Presentation,
    response: Option<&Response>,
) -> QuestionFeedback {
    feedback_with(question, presentation, response, &str::to_owned)
}

/// `question` with every markdown text that [`feedback`] shows (option texts and feedback,
/// true/false, short-answer and numeric feedback, general feedback) rendered to sanitized
/// HTML; grading reads none of them.
#[cfg(feature = "markdown")]
pub fn rendered(question: &Question) -> Question {
    let mut out = question.clone();
    let render = |s: &mut String| *s = markdown::render(s);
    match &mut out.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            for o in options {
                render(&mut o.text);
                render(&mut o.feedback);
            }
        }
        QuestionBody::TrueFalse {
            feedback_true,
            feedback_false,
            ..
        } => {
            render(feedback_true);
            render(feedback_false);
        }
        QuestionBody::ShortText { accepted, .. } => {
            for a in accepted {
                render(&mut a.feedback);
            }
        }
        QuestionBody::Numeric {
            answers,
            other_feedback,
            ..
        } => {
            for a in answers {
                render(&mut a.feedback);
            }
            render(other_feedback);
        }
        QuestionBody::Ordering { .. }
        | QuestionBody::Matching { .. }
        | QuestionBody::FillBlanks { .. } => {}
    }
    render(&mut out.general_feedback);
    out
}

fn feedback_with(
    question: &Question,
    presentation: &Presentation,
    response: Option<&Response>,
    render: &dyn Fn(&str) -> String,
) -> QuestionFeedback {
    let graded = grade(question, presentation, response);
    let verdict = match response {
        None => Verdict::Unanswered,
        Some(_) if graded.is_correct() => Verdict::Correct,
        Some(_) if graded.score > 0.0 => Verdict::Partial,
        Some(_) => Verdict::Incorrect,
    };
    let mut notes: Vec<String> = Vec::new();
    match (&question.body, response) {
        (QuestionBody::SingleChoice { options }, Some(Response::SingleChoice(id))) => {
            if let Some(o) = options.get(authored(presentation, *id)) {
                notes.push(o.feedback.clone());
            }
        }
        (QuestionBody::MultipleChoice { options, .. }, Some(Response::MultipleChoice(ids))) => {
            for id in ids {
                if let Some(o) = options.get(authored(presentation, *id)) {
                    notes.push(o.feedback.clone());
                }
            }
        }
        (
            QuestionBody::TrueFalse {
                feedback_true,
                feedback_false,
                ..
            },
            Some(Response::TrueFalse(given)),
        ) => notes.push(
            if *given {
                feedback_true
            } else {
                feedback_false
            }
            .clone(),
        ),
        (QuestionBody::ShortText { .. }, Some(Response::ShortText(given))) => {
            if let Some(a) = matched_text(&question.body, given) {
                notes.push(a.feedback.clone());
            }
        }
        (QuestionBody::Numeric { other_feedback, .. }, Some(Response::Numeric(given))) => {
            notes.push(
                matched_number(&question.body, given)
                    .map_or(other_feedback, |a| &a.feedback)
                    .clone(),
            );
        }
        _ => {}
    }
    notes.push(question.general_feedback.clone());
    QuestionFeedback {
        score: graded.score,
        max: graded.max,
        verdict,
        feedback_html: notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| render(n))
            .collect(),
        correct_answers_html: correct_answers_html(question, render),
        correct_in_order: matches!(question.body, QuestionBody::Ordering { .. }),
        option_right: option_right(question, presentation),
    }
}
