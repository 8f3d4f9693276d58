//! Options read from comment lines before a question: Moodle's `[tag:…]` and Lectern's own
//! extensions (`[points:2]`, `[lectern:ordering]`, ...), which Moodle ignores.

/// Lectern options read from comment lines before a question.
#[derive(Default)]
pub(super) struct Options {
    pub(super) tags: Vec<String>,
    pub(super) points: Option<f64>,
    pub(super) ordering: bool,
    pub(super) case_sensitive: bool,
    pub(super) all_or_nothing: bool,
    pub(super) unit: Option<String>,
    pub(super) unit_required: bool,
    pub(super) blanks: bool,
}

/// The `[…]` tokens of a comment line, `\]` read as `]` inside them (Moodle's tag syntax) and
/// `\\` as `\` (so a token may end with a backslash).
fn tokens(comment: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = comment.chars().peekable();
    while chars.by_ref().any(|c| c == '[') {
        let mut token = String::new();
        let mut closed = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' if matches!(chars.peek(), Some(']' | '\\')) => {
                    token.extend(chars.next());
                }
                ']' => {
                    closed = true;
                    break;
                }
                c => token.push(c),
            }
        }
        if closed {
            out.push(token);
        }
    }
    out
}

/// Reads Moodle tags and Lectern options from one comment line into `options`.
pub(super) fn read_comment(comment: &str, options: &mut Options) -> Result<(), String> {
    for token in tokens(comment) {
        let tag = token.as_str();
        if let Some(name) = tag.strip_prefix("tag:") {
            options.tags.push(name.trim().to_lowercase());
        } else if let Some(points) = tag.strip_prefix("points:") {
            options.points = Some(
                points
                    .trim()
                    .parse()
                    .map_err(|_| format!("“{points}” is not a number of points."))?,
            );
        } else if let Some(unit) = tag.strip_prefix("lectern:unit:") {
            options.unit = Some(unit.trim().to_owned());
        } else {
            match tag {
                "lectern:ordering" => options.ordering = true,
                "lectern:case-sensitive" => options.case_sensitive = true,
                "lectern:all-or-nothing" => options.all_or_nothing = true,
                "lectern:unit-required" => options.unit_required = true,
                "lectern:blanks" => options.blanks = true,
                _ => {}
            }
        }
    }
    Ok(())
}

/// `text` for inside a comment token: `]` as `\]`, `\` as `\\`.
pub(super) fn token_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace(']', "\\]")
}
