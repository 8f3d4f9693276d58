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

/// Reads Moodle tags and Lectern options from one comment line into `options`.
pub(super) fn read_comment(comment: &str, options: &mut Options) -> Result<(), String> {
    let mut rest = comment;
    while let Some(start) = rest.find('[') {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        let tag = &rest[start + 1..start + len];
        rest = &rest[start + len + 1..];
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
