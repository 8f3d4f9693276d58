//! `ETag` and `If-Match` for things edited by revision (courses, lessons): the entity tag is
//! the stored revision number, and an update must name the revision it was based on, so no
//! edit silently overwrites another.

use app::error::AppError;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};

use super::problem::Problem;

/// What `If-Match` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `If-Match: "7"`: only if revision 7 is still current.
    Revision(i32),
    /// `If-Match: *`: whatever is current.
    Any,
}

/// The `ETag` header for `revision`.
pub fn etag(revision: i32) -> (HeaderName, HeaderValue) {
    (
        header::ETAG,
        HeaderValue::from_str(&format!("\"{revision}\""))
            .unwrap_or(HeaderValue::from_static("\"0\"")),
    )
}

/// The revision `If-Match` names: 428 without the header, 412 for a tag that names no
/// revision this server gave out (a weak or foreign tag never matches).
pub fn if_match(headers: &HeaderMap) -> Result<Expected, Problem> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Err(Problem::new(
            "precondition-required",
            428,
            "Precondition required",
            "Send `If-Match` with the ETag of the version you edited (GET it first), or \
             `If-Match: *` to overwrite whatever is there.",
        ));
    };
    let text = value.to_str().unwrap_or_default().trim();
    if text == "*" {
        return Ok(Expected::Any);
    }
    text.split(',')
        .map(str::trim)
        .find_map(|tag| {
            tag.strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .and_then(|n| n.parse::<i32>().ok())
                .filter(|n| *n >= 0)
        })
        .map(Expected::Revision)
        .ok_or_else(stale)
}

/// The revision an update names: the one `If-Match` gives, or `current` for `If-Match: *`.
pub fn based_on(headers: &HeaderMap, current: i32) -> Result<i32, Problem> {
    Ok(match if_match(headers)? {
        Expected::Revision(n) => n,
        Expected::Any => current,
    })
}

/// An update's error as a problem: the services' `Conflict` (someone saved since) is a 412.
pub fn refused(error: AppError) -> Problem {
    match error {
        AppError::Conflict(_) => stale(),
        other => other.into(),
    }
}

/// 412: the version edited is no longer the current one.
pub fn stale() -> Problem {
    Problem::new(
        "precondition-failed",
        412,
        "Precondition failed",
        "This was changed since the version you edited (its ETag no longer matches). GET it \
         again, reapply your change and send the new ETag in If-Match.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_MATCH,
            HeaderValue::from_str(value).expect("value"),
        );
        headers
    }

    #[test]
    fn if_match_names_a_revision_or_anything() {
        assert_eq!(if_match(&with("\"7\"")).ok(), Some(Expected::Revision(7)));
        assert_eq!(
            if_match(&with("\"x\", \"3\"")).ok(),
            Some(Expected::Revision(3))
        );
        assert_eq!(if_match(&with("*")).ok(), Some(Expected::Any));
        assert_eq!(if_match(&HeaderMap::new()).map_err(|p| p.status), Err(428));
        assert_eq!(if_match(&with("W/\"7\"")).map_err(|p| p.status), Err(412));
        assert_eq!(if_match(&with("\"-1\"")).map_err(|p| p.status), Err(412));
        assert_eq!(etag(7).1, HeaderValue::from_static("\"7\""));
    }
}
