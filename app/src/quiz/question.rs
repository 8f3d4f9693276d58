//! The question model: what an instructor authors (answers included), what a learner answers,
//! and how a question is laid out for one attempt. Pure data, shared by the server and WASM.
//!
//! A [`Question`] holds its answers and feedback, so it only reaches a browser for practice
//! quizzes or after the quiz's feedback rule allows; learners otherwise get a
//! [`crate::models::PresentedQuestion`] built from it.

use serde::{Deserialize, Serialize};

/// The eight question types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One correct option among several.
    SingleChoice,
    /// Any number of correct options; optional partial credit.
    MultipleChoice,
    /// True or false.
    TrueFalse,
    /// A typed answer compared with several accepted answers.
    ShortText,
    /// A number within a tolerance, with an optional unit.
    Numeric,
    /// Put items in the right order.
    Ordering,
    /// Match each prompt with its answer.
    Matching,
    /// Fill the blanks of a text.
    FillBlanks,
}

impl QuestionKind {
    /// Every kind, in the order the editor lists them.
    pub const ALL: [QuestionKind; 8] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::ShortText,
        QuestionKind::Numeric,
        QuestionKind::Ordering,
        QuestionKind::Matching,
        QuestionKind::FillBlanks,
    ];

    /// The stable slug stored in the database and used in forms (`single_choice`, …).
    pub fn slug(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::ShortText => "short_text",
            QuestionKind::Numeric => "numeric",
            QuestionKind::Ordering => "ordering",
            QuestionKind::Matching => "matching",
            QuestionKind::FillBlanks => "fill_blanks",
        }
    }

    /// The kind with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// A human label ("Single choice", …).
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "Single choice",
            QuestionKind::MultipleChoice => "Multiple choice",
            QuestionKind::TrueFalse => "True/false",
            QuestionKind::ShortText => "Short text",
            QuestionKind::Numeric => "Numeric",
            QuestionKind::Ordering => "Ordering",
            QuestionKind::Matching => "Matching",
            QuestionKind::FillBlanks => "Fill in the blanks",
        }
    }
}

/// A question as authored: stem, points, general feedback and its type-specific body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Markdown.
    pub stem: String,
    /// Marks for a fully correct answer; greater than 0.
    pub points: f64,
    /// Markdown shown with every answer once feedback is allowed (may be empty).
    #[serde(default)]
    pub general_feedback: String,
    pub body: QuestionBody,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Markdown.
    pub text: String,
    pub correct: bool,
    /// Markdown shown when the learner picked this option (may be empty).
    #[serde(default)]
    pub feedback: String,
    /// The share of the question's points this option is worth, from -1 to 1 (GIFT's
    /// `%50%`). `None`: 1 when `correct`, 0 otherwise. A single-choice pick earns its credit;
    /// a multiple-choice question with any credit set earns the sum of its picks' credits
    /// (0 to 1, Moodle's rule) instead of counting right and wrong picks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<f64>,
}

impl ChoiceOption {
    /// An option without feedback or partial credit.
    pub fn new(text: impl Into<String>, correct: bool) -> Self {
        ChoiceOption {
            text: text.into(),
            correct,
            feedback: String::new(),
            credit: None,
        }
    }

    /// The share of the points this option is worth (see [`ChoiceOption::credit`]).
    pub fn share(&self) -> f64 {
        self.credit.unwrap_or(if self.correct { 1.0 } else { 0.0 })
    }

    /// What picking each option of a multiple-choice question adds to the score, as Moodle's
    /// sum of weights: the credits when any is set; with counted partial credit +1/n for each
    /// of the n right options and -1/n for a wrong one; `None` for all or nothing.
    pub fn pick_shares(options: &[ChoiceOption], partial_credit: bool) -> Option<Vec<f64>> {
        if options.iter().any(|o| o.credit.is_some()) {
            return Some(options.iter().map(ChoiceOption::share).collect());
        }
        let right = options.iter().filter(|o| o.correct).count().max(1) as f64;
        partial_credit.then(|| {
            options
                .iter()
                .map(|o| (if o.correct { 1.0 } else { -1.0 }) / right)
                .collect()
        })
    }
}

fn full() -> f64 {
    1.0
}

/// One accepted short answer with the share of the points it earns and its feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "AcceptedForm")]
pub struct Accepted {
    /// The answer (plain text; with wildcards on, `*` matches any text and `\*` is a star).
    pub text: String,
    /// From -1 to 1; 1 is full marks. The first accepted answer that matches decides.
    #[serde(default = "full")]
    pub credit: f64,
    /// Markdown shown when this answer matched (may be empty).
    #[serde(default)]
    pub feedback: String,
}

/// How an accepted answer may be stored: a bare string (full credit, no feedback) or whole.
#[derive(Deserialize)]
#[serde(untagged)]
enum AcceptedForm {
    Text(String),
    Whole {
        text: String,
        #[serde(default = "full")]
        credit: f64,
        #[serde(default)]
        feedback: String,
    },
}

impl From<AcceptedForm> for Accepted {
    fn from(form: AcceptedForm) -> Self {
        match form {
            AcceptedForm::Text(text) => text.into(),
            AcceptedForm::Whole {
                text,
                credit,
                feedback,
            } => Accepted {
                text,
                credit,
                feedback,
            },
        }
    }
}

impl From<String> for Accepted {
    fn from(text: String) -> Self {
        Accepted {
            text,
            credit: 1.0,
            feedback: String::new(),
        }
    }
}

impl From<&str> for Accepted {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

/// One accepted numeric answer: matches when `|given - value| <= tolerance`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericAnswer {
    pub value: f64,
    /// Zero or more.
    pub tolerance: f64,
    /// From -1 to 1; 1 is full marks. The first answer that matches decides.
    #[serde(default = "full")]
    pub credit: f64,
    /// Markdown shown when this answer matched (may be empty).
    #[serde(default)]
    pub feedback: String,
}

impl NumericAnswer {
    /// A full-credit answer without feedback.
    pub fn new(value: f64, tolerance: f64) -> Self {
        NumericAnswer {
            value,
            tolerance,
            credit: 1.0,
            feedback: String::new(),
        }
    }
}

/// A prompt and the answer it matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchPair {
    /// Plain text.
    pub prompt: String,
    /// Plain text.
    pub answer: String,
}

impl MatchPair {
    /// Whether this pair only offers a wrong answer (it has no prompt).
    pub fn is_distractor(&self) -> bool {
        self.prompt.trim().is_empty()
    }
}

/// The type-specific part of a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionBody {
    /// Exactly one option is correct.
    SingleChoice { options: Vec<ChoiceOption> },
    /// At least one option is correct. With `partial_credit`, each right pick earns a share
    /// and each wrong pick costs one (never below 0); without it, only the exact set scores.
    MultipleChoice {
        options: Vec<ChoiceOption>,
        #[serde(default)]
        partial_credit: bool,
    },
    /// The statement is `answer`.
    TrueFalse {
        answer: bool,
        /// Markdown shown when the learner answered true (may be empty).
        #[serde(default)]
        feedback_true: String,
        /// Markdown shown when the learner answered false (may be empty).
        #[serde(default)]
        feedback_false: String,
    },
    /// The first of `accepted` that matches gives its credit. With `lenient`, case,
    /// surrounding and repeated spaces are ignored; with `wildcards`, `*` in an accepted
    /// answer matches any text (Moodle's rule).
    ShortText {
        accepted: Vec<Accepted>,
        #[serde(default = "yes")]
        lenient: bool,
        #[serde(default, skip_serializing_if = "is_false")]
        wildcards: bool,
    },
    /// The first of `answers` the number is within tolerance of gives its credit. `unit`,
    /// when set, may follow the number; with `unit_required` an answer without it is wrong.
    /// `other_feedback` is shown for any answer that matches none (GIFT's `~#…`).
    Numeric {
        answers: Vec<NumericAnswer>,
        #[serde(default)]
        unit: Option<String>,
        #[serde(default)]
        unit_required: bool,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        other_feedback: String,
    },
    /// `items` in their correct order (plain text). Partial credit per item in place.
    Ordering { items: Vec<String> },
    /// Each prompt with its answer. Partial credit per right match; pairs without a prompt
    /// are distractors.
    Matching { pairs: Vec<MatchPair> },
    /// `text` with blanks written `[[answer|other accepted answer]]`. Partial credit per blank.
    FillBlanks {
        text: String,
        #[serde(default = "yes")]
        lenient: bool,
    },
}

fn yes() -> bool {
    true
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl QuestionBody {
    /// The body's kind.
    pub fn kind(&self) -> QuestionKind {
        match self {
            QuestionBody::SingleChoice { .. } => QuestionKind::SingleChoice,
            QuestionBody::MultipleChoice { .. } => QuestionKind::MultipleChoice,
            QuestionBody::TrueFalse { .. } => QuestionKind::TrueFalse,
            QuestionBody::ShortText { .. } => QuestionKind::ShortText,
            QuestionBody::Numeric { .. } => QuestionKind::Numeric,
            QuestionBody::Ordering { .. } => QuestionKind::Ordering,
            QuestionBody::Matching { .. } => QuestionKind::Matching,
            QuestionBody::FillBlanks { .. } => QuestionKind::FillBlanks,
        }
    }
}

/// How one question is laid out in one attempt, fixed on the server when the attempt starts.
///
/// `order[i]` is the authored index of what the learner sees at display position `i`: the
/// options of choice questions, the items of an ordering question, the answers (right-hand
/// column) of a matching question. Empty for the other kinds. Learners only ever see and send
/// display positions, so an authored order (e.g. "correct option first") never leaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    pub order: Vec<u32>,
}

/// A learner's answer to one question, in display positions (see [`Presentation`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Response {
    /// The display position of the chosen option.
    SingleChoice(u32),
    /// The display positions of the chosen options.
    MultipleChoice(Vec<u32>),
    TrueFalse(bool),
    /// The typed text.
    ShortText(String),
    /// The typed number, optionally followed by a unit ("9.81 m/s2").
    Numeric(String),
    /// Display positions of the items, in the learner's order (all of them).
    Ordering(Vec<u32>),
    /// For each prompt (authored order, distractors left out), the display position of the
    /// chosen answer.
    Matching(Vec<Option<u32>>),
    /// The text typed in each blank, in order.
    FillBlanks(Vec<String>),
}

/// How well a response answered a question, computed by [`crate::quiz::grade`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// From 0 to `max` inclusive.
    pub score: f64,
    /// The question's points.
    pub max: f64,
}

impl Grade {
    /// Whether the answer earned full marks.
    pub fn is_correct(&self) -> bool {
        self.max > 0.0 && self.score >= self.max - 1e-9
    }
}
