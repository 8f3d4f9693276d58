use super::*;

fn draft() -> CourseDraft {
    CourseDraft {
        title: "  Rust for Busy People ".into(),
        slug: String::new(),
        subtitle: "Fast".into(),
        description: "# Hello".into(),
        category: "programming".into(),
        level: "beginner".into(),
        language: "en".into(),
        price: "19.99".into(),
        currency: "EUR".into(),
        outcomes: "  Write Rust\n\n  Ship it \n".into(),
        requirements: String::new(),
    }
}

#[test]
fn slugs_are_ascii_lowercase_and_hyphenated() {
    assert_eq!(slugify("Rust for Busy People!"), "rust-for-busy-people");
    assert_eq!(slugify("Café & Crème"), "cafe-creme");
    assert_eq!(slugify("   "), "");
    assert!(slugify(&"word ".repeat(40)).chars().count() <= MAX_SLUG_CHARS);
    assert!(!slugify(&"word ".repeat(40)).ends_with('-'));
}

#[test]
fn prices_parse_to_cents_and_reject_nonsense() {
    assert_eq!(price_cents(""), Ok(0));
    assert_eq!(price_cents("0"), Ok(0));
    assert_eq!(price_cents("19.99"), Ok(1999));
    assert_eq!(price_cents("19.9"), Ok(1990));
    assert_eq!(price_cents("$5"), Ok(500));
    assert_eq!(price_cents(".5"), Ok(50));
    for bad in ["-1", "1.999", "abc", "1e3", "1,5", ".", "99999999"] {
        assert!(price_cents(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(price_cents("10000"), Err("Prices go up to 9999.99.".into()));
    assert_eq!(format_price_input(1999), "19.99");
    assert_eq!(format_price_input(500), "5.00");
    assert_eq!(format_price_input(0), "0");
}

#[test]
fn a_good_course_draft_is_normalised() {
    let clean = course(&draft()).expect("valid");
    assert_eq!(clean.title, "Rust for Busy People");
    assert_eq!(clean.slug, "rust-for-busy-people");
    assert_eq!(clean.price_cents, 1999);
    assert_eq!(clean.currency, "EUR");
    let unsent = CourseDraft {
        currency: String::new(),
        ..draft()
    };
    assert_eq!(
        course(&unsent).expect("valid").currency,
        "",
        "empty keeps the course's own"
    );
    assert_eq!(clean.outcomes, "Write Rust\nShip it");
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let bad = CourseDraft {
        title: " ".into(),
        slug: "!!!".into(),
        category: "astrology".into(),
        level: "expert".into(),
        language: "xx".into(),
        price: "free".into(),
        currency: "DOGE".into(),
        description: "x".repeat(MAX_MARKDOWN_BYTES + 1),
        ..draft()
    };
    let errors = course(&bad).expect_err("invalid");
    for field in [
        "title",
        "slug",
        "category",
        "level",
        "language",
        "price",
        "currency",
        "description",
    ] {
        assert!(
            errors.contains_key(field),
            "no error for {field}: {errors:?}"
        );
    }
}

#[test]
fn lessons_need_a_title_a_known_kind_and_https_video_links() {
    let ok = LessonDraft {
        title: "Intro".into(),
        kind: "video".into(),
        body: String::new(),
        video_url: "https://videos.example.org/intro.mp4".into(),
        free_preview: true,
        duration_minutes: "12".into(),
    };
    let clean = lesson(&ok).expect("valid");
    assert_eq!(clean.duration_seconds, 720);
    assert_eq!(
        clean.video_url.as_deref(),
        Some("https://videos.example.org/intro.mp4")
    );
    for url in [
        "http://example.org/v.mp4",
        "javascript:alert(1)",
        "https://localhost",
        "https://user@evil.example/x",
        "https://example.org/a b",
    ] {
        let bad = LessonDraft {
            video_url: url.into(),
            ..ok.clone()
        };
        assert!(lesson(&bad).is_err(), "{url} accepted");
    }
    let bad = LessonDraft {
        title: String::new(),
        kind: "essay".into(),
        duration_minutes: "-3".into(),
        ..ok
    };
    let errors = lesson(&bad).expect_err("invalid");
    assert_eq!(errors.len(), 3, "{errors:?}");
}
