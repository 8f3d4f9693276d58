//! Reading GIFT: chunks of lines, then one question per chunk.

use super::answers::by_equals;
use super::chars::{decode, field, find, has, rfind, starts, trim, Ch};
use super::kinds;
use super::options::{read_comment, Options};
use crate::quiz::blanks::blanks;
use crate::quiz::question::{Accepted, Question, QuestionBody};
use crate::quiz::Imported;

/// The lines of one question (or category command), with the line it starts on.
pub struct Chunk {
    pub line: u32,
    pub lines: Vec<String>,
}

/// Splits `text` on blank lines.
pub fn chunks(text: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut current: Option<Chunk> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        current
            .get_or_insert_with(|| Chunk {
                line: i as u32 + 1,
                lines: Vec::new(),
            })
            .lines
            .push(line.to_owned());
    }
    out.extend(current);
    out
}

/// Reads one chunk: `Ok(None)` for a category command or comments only.
pub fn question(chunk: &Chunk, category: &mut Option<String>) -> Result<Option<Imported>, String> {
    let mut options = Options::default();
    let mut lines = Vec::new();
    for line in &chunk.lines {
        let trimmed = line.trim();
        if let Some(comment) = trimmed.strip_prefix("//") {
            read_comment(comment, &mut options)?;
        } else if let Some(path) = trimmed.strip_prefix("$CATEGORY:") {
            *category = path
                .trim()
                .rsplit('/')
                .next()
                .map(|c| c.trim().to_lowercase())
                .filter(|c| !c.is_empty() && c != "$course$" && c != "top");
        } else {
            lines.push(line.as_str());
        }
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let decoded = decode(&lines.join("\n"));
    let mut chars = trim(&decoded);
    // ::title:: (Lectern keeps no names). Unclosed, Moodle drops the `::` and reads on.
    if starts(chars, 0, "::") {
        chars = &chars[2..];
        if let Some(end) = find(chars, "::") {
            chars = trim(&chars[end + 2..]);
        }
    }
    let (open, close) = match (find(chars, "{"), find(chars, "}")) {
        (None, None) => {
            return Err(
                "Text without answers is a description, which Lectern does not \
                import: put it in a lesson, or add answers in { }."
                    .into(),
            )
        }
        (Some(open), Some(close)) if open < close => (open, close),
        _ => {
            return Err(
                "The braces do not match: write the answers in one { }, and \\{ or \\} for a \
                 brace in the text."
                    .into(),
            )
        }
    };
    let mut block = trim(&chars[open + 1..close]);
    let (before, after) = (&chars[..open], &chars[close + 1..]);
    let missing_word = !trim(after).is_empty();
    // The question text, the block replaced by `blank` (Moodle's `_____`) when text follows.
    let stem_with = |blank: &str| {
        let mut all: Vec<Ch> = before.to_vec();
        if missing_word {
            all.extend(blank.chars().map(|c| (c, true)));
            all.extend_from_slice(after);
        }
        field(&all)
    };
    let mut general = String::new();
    if let Some(at) = rfind(block, "####") {
        general = field(&block[at + 4..]);
        block = trim(&block[..at]);
    }
    let mut notes = Vec::new();
    let body = if block.is_empty() {
        return Err("Essay questions are not supported: Lectern has no essay type.".into());
    } else if block[0] == ('#', false) {
        kinds::numeric(&block[1..], &options, &mut notes)?
    } else if has(block, '~') {
        kinds::choice(block, &options, &mut notes)?
    } else if options.blanks {
        let pieces = by_equals(block);
        let [only] = &pieces[..] else {
            return Err("A [lectern:blanks] question has its text as its one = answer.".into());
        };
        QuestionBody::FillBlanks {
            text: field(only),
            lenient: !options.case_sensitive,
        }
    } else if options.ordering {
        kinds::ordering(block, &mut notes)?
    } else if has(block, '=') && find(block, "->").is_some() {
        kinds::matching(block)?
    } else if let Some(tf) = kinds::true_false(block) {
        tf
    } else {
        kinds::short(block, &options, &mut notes)?
    };
    let stem = stem_with("_____");
    let (stem, body) = match body {
        // A missing word typed in: a fill-in-the-blank when that means the same.
        QuestionBody::ShortText {
            accepted, lenient, ..
        } if missing_word && one_blank(&accepted, &stem_with).is_some() => (
            "Fill in the blank.".to_owned(),
            QuestionBody::FillBlanks {
                text: one_blank(&accepted, &stem_with).unwrap_or_default(),
                lenient,
            },
        ),
        body => (stem, body),
    };
    if stem.is_empty() {
        return Err("The question has no text before its answers.".into());
    }
    if let QuestionBody::FillBlanks { text, .. } = &body {
        if blanks(text).is_empty() {
            return Err("No blank found.".into());
        }
    }
    let mut tags = options.tags.clone();
    tags.extend(category.clone());
    Ok(Some(Imported {
        line: chunk.line,
        tags,
        question: Question {
            stem,
            points: options.points.unwrap_or(1.0),
            general_feedback: general,
            body,
        },
        notes,
    }))
}

/// The fill-in-the-blank text for short answers typed into the text (`stem_with` puts a
/// blank in place of the block), when it means exactly the same: all full marks, no feedback,
/// no wildcard, and a text whose one blank reads back as those answers (no `[[`, `]]` or `|`
/// of the text or answers cut it).
fn one_blank(accepted: &[Accepted], stem_with: &dyn Fn(&str) -> String) -> Option<String> {
    let plain = accepted
        .iter()
        .all(|a| a.credit == 1.0 && a.feedback.is_empty() && !a.text.contains('*'));
    let texts: Vec<&str> = accepted.iter().map(|a| a.text.as_str()).collect();
    let text = stem_with(&format!("[[{}]]", texts.join("|")));
    let exact = blanks(&text) == [texts]
        && text.matches("[[").count() == 1
        && text.matches("]]").count() == 1;
    (plain && exact).then_some(text)
}
