//! GIFT text as characters that remember whether they were escaped, so `\=` is text and
//! `=` is syntax.

/// A character of GIFT text and whether it was escaped.
pub(super) type Ch = (char, bool);

/// Decodes GIFT escapes (`\\~`, `\\n`, ...) in `text`.
pub(super) fn decode(text: &str) -> Vec<Ch> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek().copied() {
                Some('n') => {
                    chars.next();
                    out.push(('\n', true));
                }
                // `\%` keeps a leading % from being read as a weight.
                Some(n) if super::is_special(n) || n == '\\' || n == '%' => {
                    chars.next();
                    out.push((n, true));
                }
                _ => out.push(('\\', false)),
            }
        } else {
            out.push((c, false));
        }
    }
    out
}

/// The trimmed text of `chars`, escapes resolved.
pub(super) fn text(chars: &[Ch]) -> String {
    chars
        .iter()
        .map(|(c, _)| *c)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Whether unescaped `pattern` starts at `at`.
pub(super) fn starts(chars: &[Ch], at: usize, pattern: &str) -> bool {
    pattern
        .chars()
        .enumerate()
        .all(|(k, p)| chars.get(at + k) == Some(&(p, false)))
}

/// `chars` without whitespace at either end.
pub(super) fn trim(chars: &[Ch]) -> &[Ch] {
    let start = chars
        .iter()
        .position(|c| !c.0.is_whitespace())
        .unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| !c.0.is_whitespace())
        .map_or(start, |i| i + 1);
    &chars[start..end.max(start)]
}

/// Where unescaped `pattern` first starts in `chars`.
pub(super) fn find(chars: &[Ch], pattern: &str) -> Option<usize> {
    (0..chars.len()).find(|i| starts(chars, *i, pattern))
}

/// Where unescaped `pattern` last starts in `chars`.
pub(super) fn rfind(chars: &[Ch], pattern: &str) -> Option<usize> {
    (0..chars.len()).rev().find(|i| starts(chars, *i, pattern))
}

/// Whether `chars` holds unescaped `c`.
pub(super) fn has(chars: &[Ch], c: char) -> bool {
    chars.contains(&(c, false))
}

/// `chars` split on unescaped `c` (which is dropped).
pub(super) fn split(chars: &[Ch], c: char) -> Vec<&[Ch]> {
    chars.split(|ch| *ch == (c, false)).collect()
}

/// The format markers Moodle reads at the start of a text.
pub(super) const FORMATS: [&str; 4] = ["[moodle]", "[html]", "[plain]", "[markdown]"];

/// `chars` trimmed and without one leading format marker (`[html]`, ...), as Moodle reads
/// every text: question, answers, feedback and matching prompts.
pub(super) fn unformatted(chars: &[Ch]) -> &[Ch] {
    let chars = trim(chars);
    match FORMATS.iter().find(|f| starts(chars, 0, f)) {
        Some(marker) => &chars[marker.len()..],
        None => chars,
    }
}

/// A text as Moodle stores it: [`unformatted`], escapes resolved, trimmed.
pub(super) fn field(chars: &[Ch]) -> String {
    text(unformatted(chars))
}
