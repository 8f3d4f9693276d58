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
