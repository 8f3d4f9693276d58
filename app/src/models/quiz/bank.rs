//! Instructors' question banks: rows, pages, the editor and imports.

use serde::{Deserialize, Serialize};

use crate::quiz::{Question, QuestionKind};

/// A row of a course's question bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSummary {
    pub id: i64,
    pub kind: QuestionKind,
    /// The stem as plain text, cut to about 120 characters.
    pub title: String,
    pub tags: Vec<String>,
    pub points: f64,
    /// How many quizzes name this question as a fixed item.
    pub used_in: u32,
    /// RFC 3339.
    pub updated_at: String,
}

/// A page of a course's question bank, optionally filtered by a tag and a text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionBank {
    pub course_id: i64,
    pub course_title: String,
    pub questions: Vec<QuestionSummary>,
    /// Every tag of the course's bank with its number of questions, by name.
    pub tags: Vec<TagCount>,
    /// Questions matching the filter (all pages).
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

/// A tag and how many questions carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    pub tag: String,
    pub count: u32,
}

/// A question to create (`id: None`) or update, with its tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionInput {
    pub course_id: i64,
    pub id: Option<i64>,
    /// Lower-cased and trimmed by the server; 1 to 40 characters each, at most 10.
    pub tags: Vec<String>,
    pub question: Question,
}

/// A question opened in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionEditor {
    pub id: i64,
    pub course_id: i64,
    pub tags: Vec<String>,
    pub question: Question,
}

/// The outcome of an import. With any error nothing is imported (`imported` is 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub imported: u32,
    pub errors: Vec<LineError>,
}

/// A problem with one line (1-based) of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LineError {
    pub line: u32,
    pub message: String,
}

/// What an import would add, read and checked but not stored: each question that read, and
/// every problem (unreadable questions and questions that fail validation alike). Importing
/// the same text succeeds when `errors` is empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub questions: Vec<PreviewQuestion>,
    /// By line.
    pub errors: Vec<LineError>,
}

/// One question of an import preview, as the instructor checks it before importing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewQuestion {
    /// The line (1-based) the question starts on.
    pub line: u32,
    pub kind: QuestionKind,
    pub points: f64,
    /// The stem as plain text, cut to about 120 characters.
    pub stem: String,
    pub answers: Vec<AnswerRow>,
    /// Settings that change how answers are marked ("Wildcards: * matches any text", …).
    pub details: Vec<String>,
    /// Markdown (may be empty).
    pub general_feedback: String,
    /// The tags it would carry: its own and the import's, normalised.
    pub tags: Vec<String>,
    /// What the instructor should check (see [`crate::quiz::Imported::notes`]).
    pub notes: Vec<String>,
}

/// One answer of a question as a preview lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// The answer as written ("Paris", "3.14 ± 0.01", "France → Paris", "2. molecule").
    pub text: String,
    /// The share of the points this answer earns, in percent (-100 to 100, to two
    /// decimals); `None` where answers earn no credit of their own (ordering, matching, fill
    /// in the blanks, all-or-nothing multiple choice).
    pub credit: Option<f64>,
    /// Markdown shown when this answer is given (may be empty).
    pub feedback: String,
    /// A remark on the answer: `right` (all-or-nothing multiple choice), `distractor`
    /// (matching), `wildcard` (a short answer with `*` when wildcards are on).
    pub mark: Option<String>,
}
