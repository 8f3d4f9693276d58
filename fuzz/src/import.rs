//! Properties of an import (GIFT or CSV) and of the GIFT export → import round trip.

use app::models::LineError;
use app::quiz::{gift, normalise_tags, validate, Imported, Question, QuestionBody};

/// Most tags a stored question has, and their longest length (the server's limits).
const MAX_TAGS: usize = 10;
const MAX_TAG_CHARS: usize = 40;

/// Checks an importer's answer for `text`: errors are never an empty list, and every line
/// named (of a question or an error) is a line of the file, questions in file order.
pub fn check_lines(text: &str, result: &Result<Vec<Imported>, Vec<LineError>>) {
    // Every \r\n, \r or \n may end a line (CSV counts all three, GIFT only \n), and a
    // record may start on the line after the last break.
    let last = text.replace("\r\n", "\n").matches(['\r', '\n']).count() as u32 + 1;
    match result {
        Ok(items) => {
            let mut previous = 0;
            for item in items {
                assert!(
                    (1..=last).contains(&item.line) && item.line > previous,
                    "question at line {} after {previous}, file has {last} lines",
                    item.line
                );
                previous = item.line;
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an import failed without an error");
            for e in errors {
                assert!(
                    (1..=last).contains(&e.line),
                    "error at line {} of {last}: {}",
                    e.line,
                    e.message
                );
                assert!(!e.message.trim().is_empty(), "an empty error message");
            }
        }
    }
}

/// What the server would store from `items`: the questions that pass validation, with
/// normalised tags within the limits.
pub fn storable(items: &[Imported]) -> Vec<(Vec<String>, Question)> {
    items
        .iter()
        .filter(|item| validate(&item.question).is_ok())
        .map(|item| (normalise_tags(&item.tags), item.question.clone()))
        .filter(|(tags, _)| {
            tags.len() <= MAX_TAGS && tags.iter().all(|t| t.chars().count() <= MAX_TAG_CHARS)
        })
        .collect()
}

/// Whether `question` is one GIFT cannot write so that it reads back the same (the known
/// gaps, listed in `fuzz/README.md`):
/// - a `->` in a short answer's block (an answer or its feedback) or in a missing-word blank
///   reads back as matching: GIFT has no escape for `->`, and Moodle reads a block with `=`
///   and `->` as matching;
/// - a line break in a numeric unit (possible from CSV) ends its `// [lectern:unit:…]`
///   comment line.
pub fn known_round_trip_gap(question: &Question) -> bool {
    match &question.body {
        QuestionBody::Numeric { unit: Some(u), .. } => u.contains(['\n', '\r']),
        QuestionBody::ShortText { accepted, .. } => accepted
            .iter()
            .any(|a| a.text.contains("->") || a.feedback.contains("->")),
        // Written as a missing word (`a {=b->c} d`) only with this stem; otherwise the text
        // goes after `// [lectern:blanks]`, which is read before matching.
        QuestionBody::FillBlanks { text, .. } => {
            question.stem.trim() == "Fill in the blank." && text.contains("->")
        }
        _ => false,
    }
}

/// What a stored question becomes after export and import: the same question (every field
/// GIFT carries; the known gaps are skipped by [`known_round_trip_gap`]).
pub fn expected_after_round_trip(question: &Question) -> Question {
    question.clone()
}

/// The tags that come back from `// [tag:…]` (a `]` written `\]`): the same, normalised.
pub fn expected_tags(tags: &[String]) -> Vec<String> {
    normalise_tags(tags)
}

/// Exports `stored` to GIFT, re-imports it and checks that the same questions and tags come
/// back, in order.
pub fn check_round_trip(stored: &[(Vec<String>, Question)]) {
    let stored: Vec<(Vec<String>, Question)> = stored
        .iter()
        .filter(|(_, q)| !known_round_trip_gap(q))
        .cloned()
        .collect();
    if stored.is_empty() {
        return;
    }
    let text = gift::export(&stored);
    let back = match gift::parse(&text) {
        Ok(back) => back,
        Err(errors) => panic!("the export does not re-import: {errors:?}\n{text}"),
    };
    assert_eq!(back.len(), stored.len(), "question count changed\n{text}");
    for ((tags, question), item) in stored.iter().zip(&back) {
        let expected = expected_after_round_trip(question);
        assert_eq!(item.question, expected, "question changed\n{text}");
        assert_eq!(
            normalise_tags(&item.tags),
            expected_tags(tags),
            "tags changed\n{text}"
        );
    }
}
