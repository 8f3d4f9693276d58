//! The fixed vocabularies of the catalogue: categories, levels, languages and currencies.

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

/// Languages a course may be taught in, as (BCP 47 primary tag, label).
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("de", "German"),
    ("pt", "Portuguese"),
    ("it", "Italian"),
    ("nl", "Dutch"),
    ("ja", "Japanese"),
    ("zh", "Chinese"),
];

/// Currencies a course may be priced in, as (ISO 4217 code, label).
pub const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "US dollar (USD)"),
    ("EUR", "Euro (EUR)"),
    ("GBP", "Pound sterling (GBP)"),
];

/// Lesson kinds as (value, label).
pub const LESSON_KINDS: &[(&str, &str)] = &[
    ("text", "Text"),
    ("video", "Video"),
    ("file", "File"),
    ("quiz", "Quiz"),
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
