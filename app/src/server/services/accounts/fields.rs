//! Validation of the fields every account form shares: display name and email.

use email_address::{EmailAddress, Options};

/// Longest display name, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 100;
/// Longest email address, in characters (the SMTP path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// The canonical stored form of an email: trimmed and lowercased.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// The normalised email, or a message saying what is wrong with it.
pub fn validate_email(raw: &str) -> Result<String, String> {
    let email = normalize_email(raw);
    if email.is_empty() {
        return Err("Enter your email address.".into());
    }
    if email.chars().count() > MAX_EMAIL_CHARS {
        return Err(format!("Use at most {MAX_EMAIL_CHARS} characters."));
    }
    // A bare address with a dotted domain: no "Name <a@b>" forms, no IP literals.
    let options = Options {
        minimum_sub_domains: 2,
        allow_domain_literal: false,
        allow_display_text: false,
    };
    EmailAddress::parse_with_options(&email, options)
        .map(|_| email)
        .map_err(|_| "Enter a valid email address, like name@example.com.".into())
}

/// The trimmed display name, or a message saying what is wrong with it.
pub fn validate_display_name(raw: &str) -> Result<String, String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("Enter a display name.".into());
    }
    if name.chars().count() > MAX_DISPLAY_NAME_CHARS {
        return Err(format!("Use at most {MAX_DISPLAY_NAME_CHARS} characters."));
    }
    if name.chars().any(char::is_control) {
        return Err("Use letters, numbers, spaces and punctuation only.".into());
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lowercased() {
        assert_eq!(
            validate_email("  Ada.Lovelace@Example.ORG "),
            Ok("ada.lovelace@example.org".into())
        );
    }

    #[test]
    fn malformed_emails_are_rejected() {
        for bad in [
            "",
            "   ",
            "ada",
            "ada@",
            "@example.org",
            "ada@localhost",
            "Ada <ada@example.org>",
            "ada@[127.0.0.1]",
            "a b@example.org",
        ] {
            assert!(validate_email(bad).is_err(), "{bad:?} accepted");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(
            validate_email(&long),
            Err("Use at most 254 characters.".into())
        );
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(validate_display_name("  Ada  "), Ok("Ada".into()));
        assert!(validate_display_name(" \t ").is_err());
        assert!(validate_display_name(&"x".repeat(100)).is_ok());
        assert!(validate_display_name(&"x".repeat(101)).is_err());
        assert!(
            validate_display_name(&"é".repeat(100)).is_ok(),
            "counts characters"
        );
        assert!(validate_display_name("Ada\u{0}").is_err());
    }
}
