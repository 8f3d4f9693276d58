//! The quiz engine's pure core, shared by the server and the browser (WASM): the question
//! model, grading, how a question is presented to a learner, and validation.
//! Graded quizzes are graded on the server only; practice quizzes run the same code in WASM.

pub mod blanks;
#[cfg(feature = "csv-import")]
pub mod csv;
mod feedback;
pub mod gift;
mod grade;
mod present;
mod question;
pub mod summary;
mod tags;
mod validate;

#[cfg(test)]
mod credit_tests;
#[cfg(all(test, feature = "csv-import"))]
mod csv_tests;
#[cfg(test)]
mod grade_tests;
#[cfg(test)]
mod ordering_tests;
#[cfg(test)]
mod present_tests;
#[cfg(test)]
mod summary_tests;
#[cfg(test)]
mod test_support;

pub use feedback::feedback_prerendered;
#[cfg(feature = "markdown")]
pub use feedback::{feedback, rendered};
pub use grade::{
    grade, matched_number, matched_text, parse_number, response_fits, untouched_response,
};
#[cfg(feature = "markdown")]
pub use present::present;
pub use present::{describe_response, excerpt, presentation};
pub use question::{
    Accepted, ChoiceOption, Grade, MatchPair, NumericAnswer, Presentation, Question, QuestionBody,
    QuestionKind, Response,
};
pub use tags::normalise_tags;
pub use validate::{validate, MAX_TEXT};

/// A question read from an import file, with the line it starts on and its tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub line: u32,
    pub tags: Vec<String>,
    pub question: Question,
    /// What the instructor should check before importing: where the question may not mean
    /// what the file's author meant (a construct read differently from Moodle, or dropped).
    pub notes: Vec<String>,
}

/// An import's questions when it has no problems, or its problems.
fn all_or_nothing(
    (questions, errors): (Vec<Imported>, Vec<crate::models::LineError>),
) -> Result<Vec<Imported>, Vec<crate::models::LineError>> {
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}

/// An example CSV import file with every question type (see `csv`'s module doc).
pub const CSV_TEMPLATE: &str = "type,question,options,correct,points,tags,feedback,general_feedback,unit,partial_credit
single_choice,What is the capital of France?,Paris|Lyon|Marseille,1,1,geography;europe,Right!|Not quite.|Not quite.,Paris has been the capital since 987.,,
multiple_choice,Which are prime numbers?,2|3|4|9,1;2,2,maths,,,,yes
true_false,The Earth orbits the Sun.,,true,1,science,,,,
short_text,Name the largest ocean.,Pacific|Pacific Ocean,,1,geography,,,,
numeric,What is g on Earth?,,9.81:0.05,1,science,,,m/s2,
ordering,Put these in order from smallest to largest.,atom|molecule|cell|organ,,1,science,,,,
matching,Match each country with its capital.,France -> Paris|Italy -> Rome|Spain -> Madrid,,3,geography,,,,
fill_blanks,Fill in the blanks.,Water boils at [[100]] degrees [[Celsius|C]].,,2,science,,,,
";
