//! The question editor's draft: every field of every type at once, as typed, so switching the
//! type loses nothing; turned into a [`Question`] to validate and save.

use super::question_rows::{number, show, AnswerDraft, NumberDraft, OptionDraft};
use crate::quiz::{MatchPair, Question, QuestionBody, QuestionKind};

/// What the editor's inputs hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: QuestionKind,
    pub stem: String,
    /// As typed.
    pub points: String,
    pub general_feedback: String,
    /// Comma-separated, as typed.
    pub tags: String,
    pub options: Vec<OptionDraft>,
    pub partial_credit: bool,
    pub tf_answer: bool,
    pub feedback_true: String,
    pub feedback_false: String,
    pub accepted: Vec<AnswerDraft>,
    /// Short text and fill-in-the-blanks.
    pub lenient: bool,
    /// Short text: `*` in an accepted answer matches any text.
    pub wildcards: bool,
    pub numeric: Vec<NumberDraft>,
    pub unit: String,
    pub unit_required: bool,
    /// Numeric: shown for a number that matches none of `numeric`.
    pub other_feedback: String,
    pub items: Vec<String>,
    pub pairs: Vec<MatchPair>,
    pub blanks_text: String,
}

fn pair() -> MatchPair {
    MatchPair {
        prompt: String::new(),
        answer: String::new(),
    }
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            kind: QuestionKind::SingleChoice,
            stem: String::new(),
            points: "1".into(),
            general_feedback: String::new(),
            tags: String::new(),
            options: vec![OptionDraft::default(); 3],
            partial_credit: false,
            tf_answer: true,
            feedback_true: String::new(),
            feedback_false: String::new(),
            accepted: vec![AnswerDraft::default()],
            lenient: true,
            wildcards: false,
            numeric: vec![NumberDraft::default()],
            unit: String::new(),
            unit_required: false,
            other_feedback: String::new(),
            items: vec![String::new(), String::new(), String::new()],
            pairs: vec![pair(), pair(), pair()],
            blanks_text: String::new(),
        }
    }
}

impl Draft {
    /// The draft of a stored question.
    pub fn from_question(q: &Question, tags: &[String]) -> Self {
        let mut d = Draft {
            kind: q.body.kind(),
            stem: q.stem.clone(),
            points: show(q.points),
            general_feedback: q.general_feedback.clone(),
            tags: tags.join(", "),
            ..Draft::default()
        };
        match &q.body {
            QuestionBody::SingleChoice { options } => {
                d.options = options.iter().map(OptionDraft::from_option).collect();
            }
            QuestionBody::MultipleChoice {
                options,
                partial_credit,
            } => {
                d.options = options.iter().map(OptionDraft::from_option).collect();
                d.partial_credit = *partial_credit;
            }
            QuestionBody::TrueFalse {
                answer,
                feedback_true,
                feedback_false,
            } => {
                d.tf_answer = *answer;
                d.feedback_true = feedback_true.clone();
                d.feedback_false = feedback_false.clone();
            }
            QuestionBody::ShortText {
                accepted,
                lenient,
                wildcards,
            } => {
                d.accepted = accepted.iter().map(AnswerDraft::from_accepted).collect();
                d.lenient = *lenient;
                d.wildcards = *wildcards;
            }
            QuestionBody::Numeric {
                answers,
                unit,
                unit_required,
                other_feedback,
            } => {
                d.numeric = answers.iter().map(NumberDraft::from_answer).collect();
                d.unit = unit.clone().unwrap_or_default();
                d.unit_required = *unit_required;
                d.other_feedback = other_feedback.clone();
            }
            QuestionBody::Ordering { items } => d.items = items.clone(),
            QuestionBody::Matching { pairs } => d.pairs = pairs.clone(),
            QuestionBody::FillBlanks { text, lenient } => {
                d.blanks_text = text.clone();
                d.lenient = *lenient;
            }
        }
        d
    }

    /// The tags, trimmed, lower-cased, without empties or repeats.
    pub fn tag_list(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in self.tags.split(',').map(|t| t.trim().to_lowercase()) {
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// Marks option `i` correct or not. A single-choice question keeps one option marked, as
    /// a radio button would; the other options keep their credits (a credit of 100 is how
    /// several options stay worth full marks).
    pub fn set_correct(&mut self, i: usize, on: bool) {
        if self.kind == QuestionKind::SingleChoice && on {
            for o in self.options.iter_mut() {
                o.correct = false;
            }
        }
        if let Some(o) = self.options.get_mut(i) {
            o.correct = on;
        }
    }

    /// The question the draft describes (possibly invalid: see `crate::quiz::validate`).
    pub fn to_question(&self) -> Question {
        let body = match self.kind {
            QuestionKind::SingleChoice => QuestionBody::SingleChoice {
                options: self.options.iter().map(OptionDraft::to_option).collect(),
            },
            QuestionKind::MultipleChoice => QuestionBody::MultipleChoice {
                options: self.options.iter().map(OptionDraft::to_option).collect(),
                partial_credit: self.partial_credit,
            },
            QuestionKind::TrueFalse => QuestionBody::TrueFalse {
                answer: self.tf_answer,
                feedback_true: self.feedback_true.clone(),
                feedback_false: self.feedback_false.clone(),
            },
            QuestionKind::ShortText => QuestionBody::ShortText {
                accepted: self.accepted.iter().map(AnswerDraft::to_accepted).collect(),
                lenient: self.lenient,
                wildcards: self.wildcards,
            },
            QuestionKind::Numeric => QuestionBody::Numeric {
                answers: self.numeric.iter().map(NumberDraft::to_answer).collect(),
                unit: Some(self.unit.trim().to_owned()).filter(|u| !u.is_empty()),
                unit_required: self.unit_required,
                other_feedback: self.other_feedback.clone(),
            },
            QuestionKind::Ordering => QuestionBody::Ordering {
                items: self.items.clone(),
            },
            QuestionKind::Matching => QuestionBody::Matching {
                pairs: self.pairs.clone(),
            },
            QuestionKind::FillBlanks => QuestionBody::FillBlanks {
                text: self.blanks_text.clone(),
                lenient: self.lenient,
            },
        };
        Question {
            stem: self.stem.clone(),
            points: number(&self.points),
            general_feedback: self.general_feedback.clone(),
            body,
        }
    }
}

/// Moves element `i` of `list` by `delta` (−1 up, +1 down) when it stays in range.
pub fn move_item<T>(list: &mut [T], i: usize, delta: isize) {
    let j = i as isize + delta;
    if i < list.len() && j >= 0 && (j as usize) < list.len() {
        list.swap(i, j as usize);
    }
}

/// A fresh empty matching pair.
pub fn empty_pair() -> MatchPair {
    pair()
}

#[cfg(test)]
#[path = "question_draft_tests.rs"]
mod tests;
