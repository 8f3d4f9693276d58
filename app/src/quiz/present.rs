//! How a question is laid out for one attempt and shown to a learner (the feedback shown once
//! the quiz's rules allow is in `feedback.rs`). What [`present`] returns never holds an answer
//! or feedback.

#[cfg(feature = "markdown")]
use super::blanks::parts;
use super::question::{Presentation, Question, QuestionBody, Response};
#[cfg(feature = "markdown")]
use crate::markdown;
#[cfg(feature = "markdown")]
use crate::models::{PresentedChoice, PresentedQuestion};

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

pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The display order of `items` under `presentation` (authored order when it has none).
pub(super) fn in_display_order<'a, T>(
    items: &'a [T],
    presentation: &Presentation,
) -> Vec<(u32, &'a T)> {
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
pub(super) fn authored(presentation: &Presentation, id: u32) -> usize {
    presentation
        .order
        .get(id as usize)
        .map_or(id as usize, |i| *i as usize)
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
