//! Public instructor profiles, the home page's extras and the footer's information pages.

use serde::{Deserialize, Serialize};

use super::CourseSummary;

/// Longest instructor bio, in characters (markdown source).
pub const MAX_BIO_CHARS: usize = 5_000;

/// Longest profile slug, in characters.
pub const MAX_PROFILE_SLUG_CHARS: usize = 60;

/// An instructor's public page: who they are and their published courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstructorProfile {
    pub slug: String,
    pub display_name: String,
    /// One or two letters for the avatar (there are no profile photos).
    pub initials: String,
    /// The bio rendered from markdown and sanitized.
    pub bio_html: String,
    /// Published courses, newest first.
    pub courses: Vec<CourseSummary>,
}

/// What an instructor edits on their account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BioSettings {
    /// The public profile's address segment.
    pub slug: String,
    /// The bio's markdown source.
    pub bio: String,
}

/// Where "Continue learning" on the home page leads: the last lesson the learner touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContinueLearning {
    pub course_slug: String,
    pub course_title: String,
    pub cover_url: Option<String>,
    pub lesson_slug: String,
    pub lesson_title: String,
    /// Whole percent of the course's lessons completed.
    pub percent: u8,
}

/// The number of published courses in one category, for the home page's tiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCount {
    pub slug: String,
    pub label: String,
    pub count: u64,
}

/// The footer's information pages, by address segment, with their titles.
pub const INFO_PAGES: [(&str, &str); 4] = [
    ("help", "Help"),
    ("terms", "Terms of use"),
    ("privacy", "Privacy"),
    ("contact", "Contact"),
];

/// An information page (help, terms, privacy, contact) rendered from markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoPage {
    pub title: String,
    /// Sanitized HTML; a leading heading repeating the title is dropped (the page shows it).
    pub html: String,
}

/// Up to two initials of `name` ("Ada Okafor" → "AO"), uppercase; `?` for an empty name.
pub fn initials(name: &str) -> String {
    let letters: String = name
        .split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect();
    let mut chars = letters.chars();
    match (chars.next(), chars.last()) {
        (Some(first), Some(last)) => format!("{first}{last}"),
        (Some(first), None) => first.to_string(),
        _ => "?".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_first_and_last_words() {
        assert_eq!(initials("Ada Okafor"), "AO");
        assert_eq!(initials("miguel de la serrano"), "MS");
        assert_eq!(initials("Zoë"), "Z");
        assert_eq!(initials("  "), "?");
    }
}
