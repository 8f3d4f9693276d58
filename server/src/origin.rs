//! Cross-site request protection: state-changing requests must come from the site itself.

use axum::{
    body::Body,
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    Some(&url[..end])
}

/// True when a request with these headers may change state.
///
/// Safe methods always may. Otherwise a bearer token (no ambient cookie) may; a browser request
/// must carry an `Origin` (or failing that a `Referer`) equal to the site's own origin: the
/// configured public origin or the `Host` it was addressed to.
pub fn allowed(method: &Method, headers: &axum::http::HeaderMap, public_origin: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer "))
        && headers.get(header::COOKIE).is_none()
    {
        return true;
    }
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|v| *v != "null")
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(origin_of)
        });
    let Some(claimed) = claimed else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    claimed == public_origin.trim_end_matches('/')
        || host
            .is_some_and(|h| claimed == format!("http://{h}") || claimed == format!("https://{h}"))
}

/// True for a REST API request that carries no cookie: it has no ambient credentials for a
/// cross-site page to borrow (the API authenticates only by bearer token or session cookie),
/// so it goes on to answer 401 with problem details rather than being refused here.
pub fn cookieless_rest(path: &str, headers: &axum::http::HeaderMap) -> bool {
    path.starts_with("/api/v1/") && headers.get(header::COOKIE).is_none()
}

/// Middleware rejecting cross-site state changes with 403.
///
/// Exempt: Stripe's webhook deliveries ([`crate::webhooks::STRIPE_PATH`]) come from Stripe's
/// servers with no `Origin` and no cookie; each one must carry a valid `Stripe-Signature`
/// instead, which is checked before anything is done (the signature is that route's
/// authentication, as the origin is a browser's). And REST requests without cookies
/// ([`cookieless_rest`]).
pub async fn check(public_origin: String, request: Request<Body>, next: Next) -> Response {
    if request.uri().path() == crate::webhooks::STRIPE_PATH
        || cookieless_rest(request.uri().path(), request.headers())
        || allowed(request.method(), request.headers(), &public_origin)
    {
        next.run(request).await
    } else {
        tracing::warn!(
            path = %crate::telemetry::request::loggable_path(request.uri().path()),
            "cross-site request rejected"
        );
        (StatusCode::FORBIDDEN, "cross-site request rejected").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().expect("header value"));
        }
        map
    }

    const SITE: &str = "https://lectern.example.org";

    #[test]
    fn safe_methods_pass() {
        assert!(allowed(
            &Method::GET,
            &headers(&[("origin", "https://evil.test")]),
            SITE
        ));
    }

    #[test]
    fn same_origin_posts_pass_and_others_fail() {
        let post = Method::POST;
        assert!(allowed(&post, &headers(&[("origin", SITE)]), SITE));
        assert!(allowed(
            &post,
            &headers(&[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ]),
            SITE
        ));
        assert!(allowed(
            &post,
            &headers(&[("referer", "https://lectern.example.org/signin?x=1")]),
            SITE
        ));
        assert!(!allowed(
            &post,
            &headers(&[
                ("origin", "https://evil.test"),
                ("host", "lectern.example.org")
            ]),
            SITE
        ));
        assert!(!allowed(&post, &headers(&[("origin", "null")]), SITE));
        assert!(
            !allowed(&post, &headers(&[]), SITE),
            "no origin, no referer"
        );
        assert!(!allowed(
            &post,
            &headers(&[("referer", "https://lectern.example.org.evil.test/")]),
            SITE
        ));
    }

    #[test]
    fn only_cookieless_rest_requests_skip_the_check() {
        assert!(cookieless_rest("/api/v1/me/progress", &headers(&[])));
        assert!(!cookieless_rest(
            "/api/v1/me/progress",
            &headers(&[("cookie", "id=abc")])
        ));
        assert!(!cookieless_rest("/api/record_progress123", &headers(&[])));
    }

    #[test]
    fn bearer_requests_without_cookies_pass() {
        assert!(allowed(
            &Method::POST,
            &headers(&[("authorization", "Bearer lct_x")]),
            SITE
        ));
        assert!(!allowed(
            &Method::POST,
            &headers(&[
                ("authorization", "Bearer lct_x"),
                ("cookie", "lectern_session=1")
            ]),
            SITE
        ));
    }
}
