//! The answers inside `{ }`, split and weighed the way Moodle's GIFT reader does it.

use super::chars::{field, split, text, trim, Ch};

/// One answer of a block: its `%weight%` (when it has one Moodle reads), its text and its
/// `#feedback`, each as Moodle stores them.
pub(super) struct Answer {
    /// Whether the answer was written `=…` (in a choice block; `~…` otherwise).
    pub(super) equals: bool,
    pub(super) weight: Option<f64>,
    pub(super) text: String,
    pub(super) feedback: String,
}

/// Reads a `%weight%` at the start of `chars` (trimmed) as Moodle does: `%`, any minus signs,
/// one or two digits, an optional point and more digits, `%`. `Ok(None)` when there is none
/// (the text then keeps its `%`), an error when it matches but is not a number (`%--5%`).
fn weight(chars: &[Ch]) -> Result<Option<(f64, usize)>, String> {
    let at = |i: usize| chars.get(i).filter(|c| !c.1).map(|c| c.0);
    if at(0) != Some('%') {
        return Ok(None);
    }
    let mut i = 1;
    while at(i) == Some('-') {
        i += 1;
    }
    let digits = |from: usize, most: usize| {
        (from..from + most)
            .take_while(|k| at(*k).is_some_and(|c| c.is_ascii_digit()))
            .count()
    };
    let lead = digits(i, 2);
    if lead == 0 {
        return Ok(None);
    }
    i += lead;
    if at(i) == Some('.') {
        i += 1;
    }
    i += digits(i, usize::MAX - i);
    if at(i) != Some('%') {
        return Ok(None);
    }
    let raw = text(&chars[1..i]);
    let value: f64 = raw
        .parse()
        .map_err(|_| format!("“%{raw}%” is not a weight in percent."))?;
    // A share of the points to 7 decimals, as Moodle stores it.
    Ok(Some(((value / 100.0 * 1e7).round() / 1e7, i + 1)))
}

/// Whether `chars` starts like a weight Moodle does not read (`%50 %`, `%abc%`): the
/// instructor is told it stays in the answer's text.
fn looks_weighted(chars: &[Ch]) -> bool {
    chars.first() == Some(&('%', false)) && chars[1..].contains(&('%', false))
}

/// One answer: an optional `%weight%`, the text, and `#feedback` after the first `#`. A weight
/// Moodle does not read is left in the text and noted in `notes`.
pub(super) fn answer(
    chars: &[Ch],
    equals: bool,
    notes: &mut Vec<String>,
) -> Result<Answer, String> {
    let mut chars = trim(chars);
    let mut weight_value = None;
    match weight(chars)? {
        Some((value, len)) => {
            weight_value = Some(value);
            chars = &chars[len..];
        }
        None if looks_weighted(chars) => notes.push(format!(
            "“{}” does not start with a weight Moodle reads (like %50%): it is part of the \
             answer's text.",
            text(chars)
        )),
        None => {}
    }
    let (body, feedback) = match chars.iter().position(|c| *c == ('#', false)) {
        Some(at) => (&chars[..at], field(&chars[at + 1..])),
        None => (chars, String::new()),
    };
    Ok(Answer {
        equals,
        weight: weight_value,
        text: field(body),
        feedback,
    })
}

/// The answers of a choice block: each starts at an unescaped `=` (kept: full marks, whatever
/// weight follows) or `~` (weight or nothing). Text before the first one is an answer too
/// when it is not blank, as in Moodle.
pub(super) fn choices(block: &[Ch], notes: &mut Vec<String>) -> Result<Vec<Answer>, String> {
    let mut pieces: Vec<(bool, Vec<Ch>)> = vec![(false, Vec::new())];
    for ch in block {
        match ch {
            ('=', false) => pieces.push((true, Vec::new())),
            ('~', false) => pieces.push((false, Vec::new())),
            _ => {
                if let Some(last) = pieces.last_mut() {
                    last.1.push(*ch);
                }
            }
        }
    }
    if trim(&pieces[0].1).is_empty() {
        pieces.remove(0);
    }
    let mut out = Vec::new();
    for (equals, chars) in pieces {
        let trimmed = trim(&chars);
        let a = if equals {
            if weight(trimmed)?.is_some() {
                notes.push(format!(
                    "“={}”: an answer written with = is worth full marks in Moodle whatever \
                     weight follows; write ~%50%… for part of the marks.",
                    text(trimmed)
                ));
            }
            // Moodle reads no weight after `=`: the text keeps it.
            let (body, feedback) = match trimmed.iter().position(|c| *c == ('#', false)) {
                Some(at) => (&trimmed[..at], field(&trimmed[at + 1..])),
                None => (trimmed, String::new()),
            };
            Answer {
                equals,
                weight: Some(1.0),
                text: field(body),
                feedback,
            }
        } else {
            answer(trimmed, false, notes)?
        };
        out.push(a);
    }
    Ok(out)
}

/// The answers of a short-answer, numeric or matching block: split on unescaped `=`, without
/// a blank first piece.
pub(super) fn by_equals(block: &[Ch]) -> Vec<&[Ch]> {
    let mut pieces = split(block, '=');
    if pieces.first().is_some_and(|p| trim(p).is_empty()) {
        pieces.remove(0);
    }
    pieces
}
