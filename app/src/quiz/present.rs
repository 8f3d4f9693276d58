//! How a question is laid out for one attempt and shown to a learner, and the feedback shown
//! once the quiz's rules allow. What [`present`] returns never holds an answer or feedback.

use super::blanks::blanks;
#[cfg(feature = "markdown")]
use super::blanks::parts;
use super::grade::{grade, matched_number, matched_text};
use super::question::{Presentation, Question, QuestionBody, Response};
#[cfg(feature = "markdown")]
use crate::markdown;
#[cfg(feature = "markdown")]
use crate::models::{PresentedChoice, PresentedQuestion};
use crate::models::{QuestionFeedback, Verdict};

/// Lays `question` out for one attempt. `next(n)` must return a uniform number in `0..n`
/// (the caller owns the randomness). Choice options are shuffled when `shuffle_options`;
/// ordering items and matching answers always are, into a uniformly random permutation. The
/// authored order (the answer) is one of them: excluding it would tell the learner what the
/// answer is not, which for two items is the whole answer.
pub fn presentation(
    question: &Question,
    shuffle_options: bool,
    next: &mut dyn FnMut(u32) -> u32,
) -> Presentation {
    let (len, shuffle) = match &question.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            (options.len(), shuffle_options)
        }
        QuestionBody::Ordering { items } => (items.len(), true),
        QuestionBody::Matching { pairs } => (pairs.len(), true),
        _ => return Presentation::default(),
    };
    let mut order: Vec<u32> = (0..len as u32).collect();
    if shuffle {
        // Fisher–Yates.
        for i in (1..order.len()).rev() {
            let j = (next(i as u32 + 1) as usize).min(i);
            order.swap(i, j);
        }
    }
    Presentation { order }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The display order of `items` under `presentation` (authored order when it has none).
fn in_display_order<'a, T>(items: &'a [T], presentation: &Presentation) -> Vec<(u32, &'a T)> {
    if presentation.order.len() == items.len() {
        presentation
            .order
            .iter()
            .enumerate()
            .filter_map(|(id, i)| items.get(*i as usize).map(|item| (id as u32, item)))
            .collect()
    } else {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (i as u32, item))
            .collect()
    }
}

/// `question` as the learner sees it under `presentation`: stem, options in display order,
/// prompts, blank text. No answers and no feedback.
#[cfg(feature = "markdown")]
pub fn present(question: &Question, presentation: &Presentation) -> PresentedQuestion {
    let mut shown = PresentedQuestion {
        kind: question.body.kind(),
        stem_html: markdown::render(&question.stem),
        points: question.points,
        choices: Vec::new(),
        prompts: Vec::new(),
        blank_parts: Vec::new(),
        unit: None,
    };
    match &question.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            shown.choices = in_display_order(options, presentation)
                .into_iter()
                .map(|(id, o)| PresentedChoice {
                    id,
                    html: markdown::render(&o.text),
                })
                .collect();
        }
        QuestionBody::Ordering { items } => {
            shown.choices = in_display_order(items, presentation)
                .into_iter()
                .map(|(id, item)| PresentedChoice {
                    id,
                    html: escape(item),
                })
                .collect();
        }
        QuestionBody::Matching { pairs } => {
            shown.prompts = pairs
                .iter()
                .filter(|p| !p.is_distractor())
                .map(|p| escape(&p.prompt))
                .collect();
            shown.choices = in_display_order(pairs, presentation)
                .into_iter()
                .map(|(id, p)| PresentedChoice {
                    id,
                    html: escape(&p.answer),
                })
                .collect();
        }
        QuestionBody::FillBlanks { text, .. } => shown.blank_parts = parts(text),
        QuestionBody::Numeric { unit, .. } => shown.unit = unit.clone(),
        QuestionBody::TrueFalse { .. } | QuestionBody::ShortText { .. } => {}
    }
    shown
}

/// The authored index at display position `id`.
fn authored(presentation: &Presentation, id: u32) -> usize {
    presentation
        .order
        .get(id as usize)
        .map_or(id as usize, |i| *i as usize)
}

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

/// A response described in plain text ("Paris", "B; C", "3 → c"), for "most common wrong
/// answers" statistics.
pub fn describe_response(
    question: &Question,
    presentation: &Presentation,
    response: &Response,
) -> String {
    let plain = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match (&question.body, response) {
        (QuestionBody::SingleChoice { options }, Response::SingleChoice(id)) => options
            .get(authored(presentation, *id))
            .map_or_else(|| "(invalid)".to_owned(), |o| plain(&o.text)),
        (QuestionBody::MultipleChoice { options, .. }, Response::MultipleChoice(ids)) => {
            let mut picked: Vec<String> = ids
                .iter()
                .filter_map(|id| options.get(authored(presentation, *id)))
                .map(|o| plain(&o.text))
                .collect();
            picked.sort();
            if picked.is_empty() {
                "(none)".to_owned()
            } else {
                picked.join("; ")
            }
        }
        (QuestionBody::Ordering { items }, Response::Ordering(ids)) => ids
            .iter()
            .filter_map(|id| items.get(authored(presentation, *id)))
            .map(|s| plain(s))
            .collect::<Vec<_>>()
            .join(", "),
        (QuestionBody::Matching { pairs }, Response::Matching(choices)) => pairs
            .iter()
            .filter(|p| !p.is_distractor())
            .zip(choices)
            .map(|(p, c)| {
                let answer = c
                    .and_then(|id| pairs.get(authored(presentation, id)))
                    .map_or("—".to_owned(), |a| plain(&a.answer));
                format!("{} → {}", plain(&p.prompt), answer)
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Response::TrueFalse(v)) => (if *v { "True" } else { "False" }).to_owned(),
        (_, Response::ShortText(t)) | (_, Response::Numeric(t)) => plain(t),
        (_, Response::FillBlanks(b)) => b.iter().map(|s| plain(s)).collect::<Vec<_>>().join(", "),
        _ => "(invalid)".to_owned(),
    }
}

/// The stem as plain text, cut to about 120 characters: a question's title in lists.
pub fn excerpt(question: &Question) -> String {
    let text: String = question
        .stem
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '#' | '>'))
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 120 {
        text
    } else {
        let cut: String = text.chars().take(117).collect();
        format!("{}…", cut.trim_end())
    }
}
