//! Stripe's webhook signature scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`,
//! where each `v1` is HMAC-SHA256 over `"<t>.<raw body>"` keyed with the endpoint's signing
//! secret. Several `v1` values appear while a secret is being rolled; any one matching is enough.
//! The comparison is constant-time (`hmac`'s `verify_slice`).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a signature's timestamp may be from the server's clock (Stripe's default).
pub const TOLERANCE_SECS: i64 = 300;

/// Why a delivery was refused. Every case answers 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No `Stripe-Signature` header, or one without a timestamp or any `v1`.
    #[error("missing or malformed Stripe-Signature header")]
    Malformed,
    /// The timestamp is more than [`TOLERANCE_SECS`] away from now (a replay or a bad clock).
    #[error("signature timestamp outside the tolerance")]
    Stale,
    /// No `v1` matches the body under the secret.
    #[error("no signature matches the payload")]
    Mismatch,
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length: `new_from_slice` cannot fail for it.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// Checks `header` (the `Stripe-Signature` value) for `body` under `secret` at `now` (unix
/// seconds).
pub fn verify(header: &str, body: &[u8], secret: &str, now: i64) -> Result<(), SignatureError> {
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        match key {
            "t" => timestamp = value.parse::<i64>().ok(),
            "v1" => {
                if let Ok(bytes) = hex::decode(value) {
                    candidates.push(bytes);
                }
            }
            _ => {}
        }
    }
    let Some(timestamp) = timestamp else {
        return Err(SignatureError::Malformed);
    };
    if candidates.is_empty() || candidates.len() > 8 {
        return Err(SignatureError::Malformed);
    }
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    let matched = candidates
        .iter()
        .any(|candidate| mac(secret, timestamp, body).verify_slice(candidate).is_ok());
    if matched {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// The `Stripe-Signature` value Stripe would send for `body` at `timestamp` (the demo checkout
/// and the tests sign their events with it).
pub fn sign(body: &[u8], secret: &str, timestamp: i64) -> String {
    let digest = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex::encode(digest))
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
