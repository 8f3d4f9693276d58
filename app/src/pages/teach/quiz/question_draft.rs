//! The question editor's draft: every field of every type at once, as typed, so switching the
//! type loses nothing; turned into a [`Question`] to validate and save.

use crate::quiz::{ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody, QuestionKind};

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
    pub options: Vec<ChoiceOption>,
    pub partial_credit: bool,
    pub tf_answer: bool,
    pub feedback_true: String,
    pub feedback_false: String,
    pub accepted: Vec<String>,
    /// Short text and fill-in-the-blanks.
    pub lenient: bool,
    /// (value, tolerance) as typed.
    pub numeric: Vec<(String, String)>,
    pub unit: String,
    pub unit_required: bool,
    pub items: Vec<String>,
    pub pairs: Vec<MatchPair>,
    pub blanks_text: String,
}

fn option() -> ChoiceOption {
    ChoiceOption {
        text: String::new(),
        correct: false,
        feedback: String::new(),
        credit: None,
    }
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
            options: vec![option(), option(), option()],
            partial_credit: false,
            tf_answer: true,
            feedback_true: String::new(),
            feedback_false: String::new(),
            accepted: vec![String::new()],
            lenient: true,
            numeric: vec![(String::new(), "0".into())],
            unit: String::new(),
            unit_required: false,
            items: vec![String::new(), String::new(), String::new()],
            pairs: vec![pair(), pair(), pair()],
            blanks_text: String::new(),
        }
    }
}

/// A number as typed, in the way people write it ("0,5" too); NaN when unreadable.
fn number(text: &str) -> f64 {
    text.trim().replace(',', ".").parse().unwrap_or(f64::NAN)
}

/// A number for an input, without a trailing ".0".
fn show(value: f64) -> String {
    let text = value.to_string();
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
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
            QuestionBody::SingleChoice { options } => d.options = options.clone(),
            QuestionBody::MultipleChoice {
                options,
                partial_credit,
            } => {
                d.options = options.clone();
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
                accepted, lenient, ..
            } => {
                d.accepted = accepted.iter().map(|a| a.text.clone()).collect();
                d.lenient = *lenient;
            }
            QuestionBody::Numeric {
                answers,
                unit,
                unit_required,
                ..
            } => {
                d.numeric = answers
                    .iter()
                    .map(|a| (show(a.value), show(a.tolerance)))
                    .collect();
                d.unit = unit.clone().unwrap_or_default();
                d.unit_required = *unit_required;
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

    /// The question the draft describes (possibly invalid: see `crate::quiz::validate`).
    pub fn to_question(&self) -> Question {
        let body = match self.kind {
            QuestionKind::SingleChoice => QuestionBody::SingleChoice {
                options: self.options.clone(),
            },
            QuestionKind::MultipleChoice => QuestionBody::MultipleChoice {
                options: self.options.clone(),
                partial_credit: self.partial_credit,
            },
            QuestionKind::TrueFalse => QuestionBody::TrueFalse {
                answer: self.tf_answer,
                feedback_true: self.feedback_true.clone(),
                feedback_false: self.feedback_false.clone(),
            },
            QuestionKind::ShortText => QuestionBody::ShortText {
                accepted: self.accepted.iter().map(|a| a.as_str().into()).collect(),
                lenient: self.lenient,
                wildcards: false,
            },
            QuestionKind::Numeric => QuestionBody::Numeric {
                answers: self
                    .numeric
                    .iter()
                    .map(|(v, t)| NumericAnswer::new(number(v), if t.trim().is_empty() { 0.0 } else { number(t) }))
                    .collect(),
                unit: Some(self.unit.trim().to_owned()).filter(|u| !u.is_empty()),
                unit_required: self.unit_required,
                other_feedback: String::new(),
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

/// A fresh empty choice option.
pub fn empty_option() -> ChoiceOption {
    option()
}

/// A fresh empty matching pair.
pub fn empty_pair() -> MatchPair {
    pair()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_survives_the_round_trip() {
        let q = Question {
            stem: "g?".into(),
            points: 2.5,
            general_feedback: "fb".into(),
            body: QuestionBody::Numeric {
                answers: vec![NumericAnswer::new(9.81, 0.01)],
                unit: Some("m/s2".into()),
                unit_required: true,
                other_feedback: String::new(),
            },
        };
        let d = Draft::from_question(&q, &["physics".into()]);
        assert_eq!(d.to_question(), q);
        assert_eq!(d.tag_list(), vec!["physics".to_owned()]);
    }

    #[test]
    fn switching_type_keeps_the_stem_and_other_answers() {
        let mut d = Draft {
            stem: "Pick".into(),
            ..Draft::default()
        };
        d.options[0].text = "A".into();
        d.kind = QuestionKind::ShortText;
        d.kind = QuestionKind::MultipleChoice;
        let q = d.to_question();
        assert_eq!(q.stem, "Pick");
        assert!(
            matches!(q.body, QuestionBody::MultipleChoice { ref options, .. } if options[0].text == "A")
        );
    }

    #[test]
    fn unreadable_numbers_are_nan_and_tags_are_tidied() {
        let d = Draft {
            points: "x".into(),
            tags: " A, b,,a ".into(),
            ..Draft::default()
        };
        assert!(d.to_question().points.is_nan());
        assert_eq!(d.tag_list(), vec!["a".to_owned(), "b".to_owned()]);
        let mut v = vec![1, 2, 3];
        move_item(&mut v, 0, -1);
        move_item(&mut v, 0, 1);
        assert_eq!(v, vec![2, 1, 3]);
    }
}
