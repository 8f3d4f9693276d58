//! Who may read `/metrics`.
//!
//! - With `METRICS_TOKEN` set: any peer presenting `Authorization: Bearer <token>` (compared in
//!   constant time); everyone else gets 401.
//! - Without it: only loopback peers whose request carries no proxy forwarding header — a
//!   scraper or collector sidecar in the same task or host. Everyone else gets 403.
//!
//! Private-network peers are deliberately not trusted: behind a load balancer every public
//! request arrives from a private address, and a local reverse proxy makes it loopback, which
//! is why forwarded requests are refused too.

use std::net::SocketAddr;

use axum::{
    extract::{ConnectInfo, Request},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Headers a reverse proxy adds; their presence means the real client is elsewhere.
const FORWARDING_HEADERS: [&str; 3] = ["forwarded", "x-forwarded-for", "x-real-ip"];

/// The scrape rule: a token digest, or loopback only.
#[derive(Clone)]
pub struct Access {
    /// SHA-256 of the token: compared digests have equal length whatever is sent, and the
    /// token itself is not kept around.
    token_digest: Option<[u8; 32]>,
}

/// Why a scrape was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A token is configured and the request did not present it.
    Unauthorized,
    /// No token is configured and the request is not from a local scraper.
    Forbidden,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
                "metrics need a bearer token",
            )
                .into_response(),
            Self::Forbidden => {
                (StatusCode::FORBIDDEN, "metrics are for local scrapers only").into_response()
            }
        }
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl Access {
    /// The rule for an optional `METRICS_TOKEN`.
    pub fn new(token: Option<&str>) -> Self {
        Self {
            token_digest: token.map(|t| digest(t.as_bytes())),
        }
    }

    /// Whether `request` may read the metrics.
    pub fn check(&self, request: &Request) -> Result<(), Refusal> {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        self.allows(request.headers(), peer)
    }

    /// Whether a request with these headers from `peer` may read the metrics.
    pub fn allows(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> Result<(), Refusal> {
        match &self.token_digest {
            Some(expected) => {
                let presented = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
                    .map(digest);
                match presented {
                    Some(presented) if bool::from(presented.ct_eq(expected)) => Ok(()),
                    _ => Err(Refusal::Unauthorized),
                }
            }
            None => {
                let local = peer.is_some_and(|p| p.ip().to_canonical().is_loopback());
                let forwarded = FORWARDING_HEADERS.iter().any(|h| headers.contains_key(*h));
                if local && !forwarded {
                    Ok(())
                } else {
                    Err(Refusal::Forbidden)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(addr: &str) -> Option<SocketAddr> {
        Some(addr.parse().expect("socket address"))
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().expect("header value"));
        }
        map
    }

    #[test]
    fn without_a_token_only_direct_loopback_peers_pass() {
        let open = Access::new(None);
        let none = headers(&[]);
        assert_eq!(open.allows(&none, peer("127.0.0.1:5000")), Ok(()));
        assert_eq!(open.allows(&none, peer("[::1]:5000")), Ok(()));
        assert_eq!(open.allows(&none, peer("[::ffff:127.0.0.1]:5000")), Ok(()));
        for private in ["10.0.3.7:5000", "192.168.1.2:5000", "172.16.0.9:5000"] {
            assert_eq!(
                open.allows(&none, peer(private)),
                Err(Refusal::Forbidden),
                "{private}: behind a load balancer every visitor is a private peer"
            );
        }
        assert_eq!(open.allows(&none, None), Err(Refusal::Forbidden));
        let proxied = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            open.allows(&proxied, peer("127.0.0.1:5000")),
            Err(Refusal::Forbidden)
        );
    }

    #[test]
    fn with_a_token_only_the_token_passes() {
        let guarded = Access::new(Some("s3cret-token"));
        let good = headers(&[("authorization", "Bearer s3cret-token")]);
        assert_eq!(guarded.allows(&good, peer("10.0.0.5:1")), Ok(()));
        for bad in [
            "Bearer s3cret-toke",
            "Bearer s3cret-token2",
            "Basic s3cret-token",
            "",
        ] {
            let sent = headers(&[("authorization", bad)]);
            assert_eq!(
                guarded.allows(&sent, peer("127.0.0.1:1")),
                Err(Refusal::Unauthorized),
                "{bad:?}"
            );
        }
        assert_eq!(
            guarded.allows(&headers(&[]), peer("127.0.0.1:1")),
            Err(Refusal::Unauthorized),
            "loopback needs the token too once one is set"
        );
    }
}
