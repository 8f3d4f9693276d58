//! The fixed vocabularies of the catalogue: categories and levels.

/// Catalogue categories as (slug, label), in display order.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("programming", "Programming"),
    ("data-science", "Data science"),
    ("design", "Design"),
    ("business", "Business"),
    ("languages", "Languages"),
    ("personal-development", "Personal development"),
];

/// Course levels as (slug, label), from easiest.
pub const LEVELS: &[(&str, &str)] = &[
    ("beginner", "Beginner"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
];

fn label<'a>(table: &'a [(&'a str, &'a str)], slug: &'a str) -> &'a str {
    table
        .iter()
        .find(|(s, _)| *s == slug)
        .map_or(slug, |(_, label)| label)
}

/// The display label of a category slug (the slug itself when unknown).
pub fn category_label(slug: &str) -> &str {
    label(CATEGORIES, slug)
}

/// The display label of a level slug (the slug itself when unknown).
pub fn level_label(slug: &str) -> &str {
    label(LEVELS, slug)
}
