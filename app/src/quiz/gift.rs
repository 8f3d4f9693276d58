//! Moodle's GIFT format: import (with per-line errors, all or nothing) and export. The reader
//! follows Moodle's own (`question/format/gift/format.php`): a file Moodle imports means the
//! same here, or the question is refused with a clear message, or it carries a note saying
//! what to check.
//!
//! Read as Moodle reads them: `//` comments (with Moodle's `[tag:…]`, `\]` inside), `$CATEGORY:`
//! (its last segment becomes a tag), `::title::` (Lectern keeps no names), one format marker
//! (`[html]`, `[moodle]`, `[plain]`, `[markdown]`) at the start of any text, escapes `\~ \= \#
//! \{ \} \: \n \\` (and `\%`, which the export writes before an answer starting with `%`),
//! `####general feedback` for every type, and the type from the block as Moodle decides it:
//! `#` first is numeric (`{#3.14:0.01}`, `{#1..2}`, `{#=%50%3:1#feedback ~#other answers}`); a `~`
//! makes a choice (one answer allowed when any is written `=`, several otherwise, each worth its
//! `%weight%`); `=` with `->` is matching (an empty prompt is a distractor); `T`, `TRUE`, `F`,
//! `FALSE` true/false (`{T#wrong#right}`); anything else a short answer (`{=a =%50%b#half *}`,
//! `*` a wildcard). Text after the block keeps Moodle's `_____` blank (a short answer whose
//! answers are all plain full marks becomes a fill-in-the-blank instead, which grades the same).
//! Refused: essays (`{}`) and descriptions (no block): Lectern has neither.
//!
//! Lectern extensions are comment lines before a question, which Moodle ignores:
//! `// [points:2]`; `// [lectern:ordering]` (the `{=…}` answers are the items in order);
//! `// [lectern:case-sensitive]` (short answer and blanks); `// [lectern:all-or-nothing]`
//! (multiple choice without partial credit); `// [lectern:unit:m/s]` and
//! `// [lectern:unit-required]` (numeric); `// [lectern:blanks]` (fill in the blanks: the one
//! `=` answer is the text, with blanks marked `[[answer|alternative]]`).

use super::blanks::{blanks, pieces, Piece};
use super::Imported;
use crate::models::LineError;

mod answers;
mod chars;
mod kinds;
mod options;
mod read;
mod write;

pub use write::export;

/// Parses GIFT `text`: every question with its line and tags, or every problem found.
pub fn parse(text: &str) -> Result<Vec<Imported>, Vec<LineError>> {
    super::all_or_nothing(parse_all(text))
}

/// Parses GIFT `text` as far as it goes: the questions that read, and a problem for each
/// question that did not (by the line it starts on).
pub fn parse_all(text: &str) -> (Vec<Imported>, Vec<LineError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut category: Option<String> = None;
    for chunk in read::chunks(text) {
        match read::question(&chunk, &mut category) {
            Ok(Some(q)) => out.push(q),
            Ok(None) => {}
            Err(message) => errors.push(LineError {
                line: chunk.line,
                message,
            }),
        }
    }
    (out, errors)
}

#[cfg(test)]
mod moodle_tests;
#[cfg(test)]
mod round_trip_tests;
#[cfg(test)]
mod tests;

// Shared by read and write.
fn is_special(c: char) -> bool {
    matches!(c, '~' | '=' | '#' | '{' | '}' | ':')
}

/// Whether a fill-blanks text can be written as a standard missing-word question.
fn single_blank(text: &str) -> bool {
    blanks(text).len() == 1
        && pieces(text)
            .iter()
            .all(|p| !matches!(p, Piece::Text(t) if t.contains("[[")))
}
