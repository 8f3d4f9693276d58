//! Fill-in-the-blanks text (`The capital is [[Paris|paris]].`) and lenient text comparison.

/// A piece of fill-in-the-blanks text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text around the blanks.
    Text(String),
    /// A blank with its accepted answers (trimmed, split on `|`).
    Blank(Vec<String>),
}

/// Splits `text` into text and blanks. An unclosed `[[` is kept as text.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        plain.push_str(&rest[..start]);
        out.push(Piece::Text(std::mem::take(&mut plain)));
        let inner = &rest[start + 2..start + 2 + len];
        out.push(Piece::Blank(
            inner.split('|').map(|a| a.trim().to_owned()).collect(),
        ));
        rest = &rest[start + 2 + len + 2..];
    }
    plain.push_str(rest);
    out.push(Piece::Text(plain));
    out
}

/// The accepted answers of each blank, in order.
pub fn blanks(text: &str) -> Vec<Vec<String>> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Blank(answers) => Some(answers),
            Piece::Text(_) => None,
        })
        .collect()
}

/// The text around the blanks: `n` parts for `n - 1` blanks.
pub fn parts(text: &str) -> Vec<String> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t),
            Piece::Blank(_) => None,
        })
        .collect()
}

/// `text` lower-cased with surrounding spaces trimmed and inner runs of whitespace collapsed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `given` matches `accepted`: exactly (but for surrounding spaces), or after
/// [`normalise`] when `lenient`.
/// An empty answer never matches.
pub fn text_matches(accepted: &str, given: &str, lenient: bool) -> bool {
    if given.trim().is_empty() {
        return false;
    }
    if lenient {
        normalise(accepted) == normalise(given)
    } else {
        accepted.trim() == given.trim()
    }
}

/// Whether `given` matches `pattern`, where `*` matches any text (also none) and `\*` is a
/// star: Moodle's short-answer wildcards. Spaces around both are ignored; `lenient` also
/// ignores case and repeated spaces. An empty answer never matches.
pub fn wildcard_matches(pattern: &str, given: &str, lenient: bool) -> bool {
    if given.trim().is_empty() {
        return false;
    }
    let (pattern, given) = if lenient {
        (normalise(pattern), normalise(given))
    } else {
        (pattern.trim().to_owned(), given.trim().to_owned())
    };
    // The pattern as literal pieces between unescaped stars.
    let mut pieces: Vec<String> = vec![String::new()];
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'*') => {
                chars.next();
                if let Some(piece) = pieces.last_mut() {
                    piece.push('*');
                }
            }
            '*' => pieces.push(String::new()),
            c => {
                if let Some(piece) = pieces.last_mut() {
                    piece.push(c);
                }
            }
        }
    }
    let given = given.as_str();
    let [first, middle @ .., last] = &pieces[..] else {
        // No star: the whole text must match.
        return pieces.first().is_some_and(|p| p == given);
    };
    let Some(mut rest) = given.strip_prefix(first.as_str()) else {
        return false;
    };
    // Greedy left-most search is exact for `*`-only patterns.
    for piece in middle {
        match rest.find(piece.as_str()) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last.as_str())
}
