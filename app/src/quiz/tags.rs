//! Question tags as they are stored: the bank, the importers and the fuzz model of an import
//! all normalise them the same way.

/// Tags trimmed, inner spaces collapsed, lower-cased, without empties and duplicates, in
/// first-seen order (linear in the input; the server checks the input's size first).
pub fn normalise_tags(tags: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !tag.is_empty() && seen.insert(tag.clone()) {
            out.push(tag);
        }
    }
    out
}
