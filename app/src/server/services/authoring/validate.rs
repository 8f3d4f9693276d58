//! Validation and normalisation of what instructors type: titles, slugs, prices, links.

use crate::error::FieldErrors;
use crate::models::{
    CourseDraft, LessonDraft, CATEGORIES, CURRENCIES, LANGUAGES, LESSON_KINDS, LEVELS,
};

/// Longest course title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest subtitle, in characters.
pub const MAX_SUBTITLE_CHARS: usize = 200;
/// Longest slug, in characters.
pub const MAX_SLUG_CHARS: usize = 80;
/// Longest markdown body (course description or lesson), in bytes.
pub const MAX_MARKDOWN_BYTES: usize = 200_000;
/// Longest section or lesson title, in characters.
pub const MAX_ITEM_TITLE_CHARS: usize = 200;
/// Highest price, in minor units (9,999.99).
pub const MAX_PRICE_CENTS: i64 = 999_999;
/// A URL-safe slug from any title: ASCII transliteration, lowercase words joined by `-`.
pub fn slugify(title: &str) -> String {
    let slug = slug::slugify(title);
    let mut cut: String = slug.chars().take(MAX_SLUG_CHARS).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

/// A trimmed, non-empty title of at most `max` characters without control characters.
pub fn title(raw: &str, max: usize) -> Result<String, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("Enter a title.".into());
    }
    if t.chars().count() > max {
        return Err(format!("Use at most {max} characters."));
    }
    if t.chars().any(char::is_control) {
        return Err("Use letters, numbers, spaces and punctuation only.".into());
    }
    Ok(t.to_owned())
}

/// A price typed as `19.99`, `19` or `0` (empty means free), in minor units.
pub fn price_cents(raw: &str) -> Result<i64, String> {
    let t = raw.trim().trim_start_matches('$');
    if t.is_empty() {
        return Ok(0);
    }
    let invalid = || "Enter a price like 19.99, or 0 for a free course.".to_owned();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || whole.len() > 7
    {
        return Err(invalid());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| invalid())?
    };
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| invalid())?;
    let cents = whole * 100 + frac;
    if cents > MAX_PRICE_CENTS {
        return Err("Prices go up to 9999.99.".into());
    }
    Ok(cents)
}

/// A price in minor units as an instructor would type it back (`0`, `19.99`).
pub fn format_price_input(cents: i64) -> String {
    if cents == 0 {
        "0".into()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

/// A course draft checked field by field: the normalised values, or every problem at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanCourse {
    pub title: String,
    pub slug: String,
    pub subtitle: String,
    pub description: String,
    pub category: String,
    pub level: String,
    pub language: String,
    pub price_cents: i64,
    /// The currency code, or empty to keep the course's own.
    pub currency: String,
    pub outcomes: String,
    pub requirements: String,
}

fn lines(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Validates a whole course draft; `Err` maps each bad field to its message.
pub fn course(draft: &CourseDraft) -> Result<CleanCourse, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut check = |field: &str, result: Result<String, String>| match result {
        Ok(v) => v,
        Err(message) => {
            errors.insert(field.to_owned(), message);
            String::new()
        }
    };
    let title = check("title", title(&draft.title, MAX_TITLE_CHARS));
    let slug = check("slug", {
        let wanted = if draft.slug.trim().is_empty() {
            slugify(&draft.title)
        } else {
            slugify(&draft.slug)
        };
        if wanted.is_empty() {
            Err("Use letters or numbers in the web address.".into())
        } else {
            Ok(wanted)
        }
    });
    let subtitle = check("subtitle", {
        let s = draft.subtitle.trim();
        if s.chars().count() > MAX_SUBTITLE_CHARS {
            Err(format!("Use at most {MAX_SUBTITLE_CHARS} characters."))
        } else {
            Ok(s.to_owned())
        }
    });
    let description = check("description", markdown(&draft.description));
    let category = check("category", one_of(&draft.category, CATEGORIES, "category"));
    let level = check("level", one_of(&draft.level, LEVELS, "level"));
    let language = check("language", one_of(&draft.language, LANGUAGES, "language"));
    let currency = if draft.currency.is_empty() {
        String::new()
    } else {
        check("currency", one_of(&draft.currency, CURRENCIES, "currency"))
    };
    let outcomes = check("outcomes", markdown(&draft.outcomes).map(|s| lines(&s)));
    let requirements = check(
        "requirements",
        markdown(&draft.requirements).map(|s| lines(&s)),
    );
    let price = price_cents(&draft.price);
    let price_cents = match price {
        Ok(c) => c,
        Err(message) => {
            errors.insert("price".into(), message);
            0
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CleanCourse {
        title,
        slug,
        subtitle,
        description,
        category,
        level,
        language,
        price_cents,
        currency,
        outcomes,
        requirements,
    })
}

fn one_of(value: &str, table: &[(&str, &str)], what: &str) -> Result<String, String> {
    table
        .iter()
        .find(|(slug, _)| *slug == value)
        .map(|(slug, _)| (*slug).to_owned())
        .ok_or_else(|| format!("Choose a {what} from the list."))
}

/// Markdown within the size limit (kept exactly as typed).
pub fn markdown(raw: &str) -> Result<String, String> {
    if raw.len() > MAX_MARKDOWN_BYTES {
        return Err(format!(
            "This text is too long ({} KB); the limit is {} KB.",
            raw.len() / 1000,
            MAX_MARKDOWN_BYTES / 1000
        ));
    }
    Ok(raw.to_owned())
}

/// A lesson draft checked: (title, kind, body, video_url, duration_seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanLesson {
    pub title: String,
    pub kind: String,
    pub body: String,
    pub video_url: Option<String>,
    pub free_preview: bool,
    pub duration_seconds: i32,
}

/// Validates a lesson draft; `Err` maps each bad field to its message.
pub fn lesson(draft: &LessonDraft) -> Result<CleanLesson, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = title(&draft.title, MAX_ITEM_TITLE_CHARS).unwrap_or_else(|m| {
        errors.insert("title".into(), m);
        String::new()
    });
    if !is_lesson_kind(&draft.kind) {
        errors.insert("kind".into(), "Choose text, video or file.".into());
    }
    let body = markdown(&draft.body).unwrap_or_else(|m| {
        errors.insert("body".into(), m);
        String::new()
    });
    let video_url = match draft.video_url.trim() {
        "" => None,
        url if is_https_url(url) && url.len() <= 500 => Some(url.to_owned()),
        _ => {
            errors.insert(
                "video_url".into(),
                "Enter a full https:// link (at most 500 characters).".into(),
            );
            None
        }
    };
    let duration_seconds = match draft.duration_minutes.trim() {
        "" => 0,
        m => match m.parse::<u16>() {
            Ok(minutes) if minutes <= 1440 => i32::from(minutes) * 60,
            _ => {
                errors.insert(
                    "duration_minutes".into(),
                    "Enter whole minutes, from 0 to 1440.".into(),
                );
                0
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CleanLesson {
        title,
        kind: draft.kind.clone(),
        body,
        video_url,
        free_preview: draft.free_preview,
        duration_seconds,
    })
}

/// Whether `kind` is a lesson kind.
pub fn is_lesson_kind(kind: &str) -> bool {
    LESSON_KINDS.iter().any(|(k, _)| *k == kind)
}

fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && !host.contains('@')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
