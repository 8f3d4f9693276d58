//! Where a visitor goes after signing in: the `next` address they came from (only ever a path on
//! this site), or a landing page for their role.
//!
//! Plain code for both targets: the sign-in page, the error page and the server functions read
//! `next` through [`safe_next`], so an address from a link can never send anyone to another site.

/// Longest `next` accepted, in bytes; anything longer is ignored.
pub const MAX_NEXT_LEN: usize = 1024;

/// `raw` if it is a path on this site: one leading `/` (not `//` or `/\`, which browsers read
/// as another host), no scheme, only visible ASCII other than a backslash, at most
/// [`MAX_NEXT_LEN`] bytes, and not the sign-in or sign-up page itself. `None` otherwise.
pub fn safe_next(raw: &str) -> Option<&str> {
    let rest = raw.strip_prefix('/')?;
    let bad_start = rest.starts_with('/') || rest.starts_with('\\');
    // Visible ASCII only (browsers send other characters percent-encoded): it must be a valid
    // `Location` header as it stands.
    let bad_char = raw.chars().any(|c| c == '\\' || !c.is_ascii_graphic());
    let page = raw.split(['?', '#']).next().unwrap_or(raw);
    let loops = matches!(page, "/signin" | "/signup");
    (!bad_start && !bad_char && !loops && raw.len() <= MAX_NEXT_LEN).then_some(raw)
}

/// Where someone lands after signing in: `next` when it is safe, otherwise instructors and
/// admins go to their courses (`/teach`) and learners to theirs (`/learning`).
pub fn after_sign_in(next: Option<&str>, role: &str) -> String {
    match next.and_then(safe_next) {
        Some(path) => path.to_owned(),
        None if matches!(role, "instructor" | "admin") => "/teach".to_owned(),
        None => "/learning".to_owned(),
    }
}

/// Where a new account lands: `next` when it is safe, otherwise the catalogue (a new learner
/// has nothing under "My learning" yet).
pub fn after_sign_up(next: Option<&str>) -> String {
    next.and_then(safe_next).unwrap_or("/courses").to_owned()
}

/// The sign-in page that brings the visitor back to `path_and_query` afterwards (plain
/// `/signin` when that address is not a safe `next`).
pub fn sign_in_href(path_and_query: &str) -> String {
    with_next("/signin", Some(path_and_query))
}

/// `page` with `?next=` set to `next` (percent-encoded) when `next` is safe, else `page`.
pub fn with_next(page: &str, next: Option<&str>) -> String {
    match next.and_then(safe_next) {
        Some(next) => format!("{page}?next={}", encode(next)),
        None => page.to_owned(),
    }
}

/// Percent-encodes everything but unreserved characters and `/` (a query value).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        for ok in ["/", "/learning", "/teach/courses/3?tab=x", "/courses/a#top"] {
            assert_eq!(safe_next(ok), Some(ok));
        }
    }

    #[test]
    fn other_sites_and_odd_addresses_are_ignored() {
        let long = format!("/{}", "a".repeat(MAX_NEXT_LEN));
        for bad in [
            "",
            "learning",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/a\\b",
            "/a b",
            "/a\nb",
            "/caf\u{e9}",
            "/signin",
            "/signin?next=/learning",
            "/signup",
            long.as_str(),
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?} accepted");
        }
    }

    #[test]
    fn landing_follows_next_then_role() {
        assert_eq!(after_sign_in(Some("/account"), "learner"), "/account");
        assert_eq!(
            after_sign_in(Some("//evil.example"), "learner"),
            "/learning"
        );
        assert_eq!(after_sign_in(None, "learner"), "/learning");
        assert_eq!(after_sign_in(None, "instructor"), "/teach");
        assert_eq!(after_sign_in(Some(""), "admin"), "/teach");
        assert_eq!(after_sign_up(None), "/courses");
        assert_eq!(after_sign_up(Some("/courses/x")), "/courses/x");
    }

    #[test]
    fn sign_in_links_carry_an_encoded_next() {
        assert_eq!(sign_in_href("/learning"), "/signin?next=/learning");
        assert_eq!(
            sign_in_href("/teach/courses/3?a=1&b=2"),
            "/signin?next=/teach/courses/3%3Fa%3D1%26b%3D2"
        );
        assert_eq!(sign_in_href("//evil.example"), "/signin");
    }
}
