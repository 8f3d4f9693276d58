//! Object keys: the one check every operation runs first. For the local backend it is the
//! path-traversal defence, so it is deliberately stricter than S3 needs.

use super::StorageError;

/// S3's limit on key length, in bytes.
const MAX_KEY_BYTES: usize = 1024;

/// Accepts keys like `courses/12/3f2a9c/cover.png`: relative, `/`-separated, no empty
/// segments, no segment starting with `.` (which rules out `.`, `..` and hidden files, so the
/// local backend's `.upload-*` temporary files can never be named), no `..` anywhere, no
/// backslash and no control characters.
pub fn validate_key(key: &str) -> Result<(), StorageError> {
    let ok = !key.is_empty()
        && key.len() <= MAX_KEY_BYTES
        && !key.contains("..")
        && !key.contains('\\')
        && !key.chars().any(char::is_control)
        && key
            .split('/')
            .all(|segment| !segment.is_empty() && !segment.starts_with('.'));
    if ok {
        Ok(())
    } else {
        Err(StorageError::InvalidKey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_keys_are_accepted() {
        for key in [
            "cover.png",
            "courses/12/3f2a9c0d/cover.png",
            "courses/12/lessons/7/Week 1 — slides.pdf",
            "a-b_c/d.e.f",
        ] {
            assert_eq!(validate_key(key), Ok(()), "{key:?}");
        }
    }

    #[test]
    fn keys_that_could_escape_the_root_or_confuse_paths_are_refused() {
        let long = "a".repeat(MAX_KEY_BYTES + 1);
        for key in [
            "",
            "/etc/passwd",
            "../secret",
            "courses/../../etc/passwd",
            "courses/..",
            "..",
            "a..b/c",
            "courses\\..\\x",
            "C:\\Windows\\win.ini",
            "courses/12/\nx.png",
            "courses/12/x\0.png",
            "courses/12/\u{7f}.png",
            "courses//x.png",
            "courses/12/",
            "./x.png",
            "courses/.upload-1234",
            "courses/.hidden",
            long.as_str(),
        ] {
            assert_eq!(validate_key(key), Err(StorageError::InvalidKey), "{key:?}");
        }
    }
}
