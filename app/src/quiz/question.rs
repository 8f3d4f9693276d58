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
}

/// One accepted numeric answer: right when `|given - value| <= tolerance`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericAnswer {
    pub value: f64,
    /// Zero or more.
    pub tolerance: f64,
}

/// A prompt and the answer it matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchPair {
    /// Plain text.
    pub prompt: String,
    /// Plain text.
    pub answer: String,
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
    /// Any of `accepted` is right. With `lenient`, case, surrounding and repeated spaces are
    /// ignored.
    ShortText {
        accepted: Vec<String>,
        #[serde(default = "yes")]
        lenient: bool,
    },
    /// Any of `answers` (within its tolerance) is right. `unit`, when set, may follow the
    /// number; with `unit_required` an answer without it is wrong.
    Numeric {
        answers: Vec<NumericAnswer>,
        #[serde(default)]
        unit: Option<String>,
        #[serde(default)]
        unit_required: bool,
    },
    /// `items` in their correct order (plain text). Partial credit per item in place.
    Ordering { items: Vec<String> },
    /// Each prompt with its answer. Partial credit per right match.
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
    /// For each prompt (authored order), the display position of the chosen answer.
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
