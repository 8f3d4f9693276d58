//! Compact JWS (RFC 7515) with RS256: the VC-JWT form of a credential. The signing input is
//! `base64url(header) "." base64url(payload)`; nothing else is accepted on verification (no
//! `alg: none`, no other algorithm, no unknown key).

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::Value;

use super::keys::{KeyError, PublicKey, SigningKey};

/// The longest token [`verify`] looks at; a credential is a few kilobytes.
pub const MAX_TOKEN_LEN: usize = 32 * 1024;

/// Why a token does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// Not three base64url parts of JSON, or too long.
    Malformed,
    /// The header names another algorithm than RS256.
    Algorithm,
    /// No published key has the header's `kid`.
    UnknownKey,
    /// The signature does not match the header and payload.
    Signature,
}

/// Signs `payload` with `key`; the header carries only `alg`, `typ` and `kid` (a URL a
/// verifier can fetch the key from).
pub fn sign(key: &SigningKey, typ: &str, kid: &str, payload: &Value) -> Result<String, KeyError> {
    let header = serde_json::json!({ "alg": "RS256", "typ": typ, "kid": kid });
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let sig = key.sign(input.as_bytes())?;
    Ok(format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig)))
}

/// The payload of `token` when its RS256 signature verifies with the key its header names
/// (`kid`: its last path segment is the key's thumbprint, so a bare thumbprint works too)
/// among `keys`.
pub fn verify(keys: &[&PublicKey], token: &str) -> Result<Value, Invalid> {
    let token = token.trim();
    if token.len() > MAX_TOKEN_LEN {
        return Err(Invalid::Malformed);
    }
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid::Malformed);
    };
    let header_json = decode_json(header)?;
    if header_json.get("alg").and_then(Value::as_str) != Some("RS256") {
        return Err(Invalid::Algorithm);
    }
    let kid = header_json
        .get("kid")
        .and_then(Value::as_str)
        .map(|k| k.rsplit(['/', '#']).next().unwrap_or(k))
        .ok_or(Invalid::UnknownKey)?;
    let key = keys
        .iter()
        .find(|k| k.kid == kid)
        .ok_or(Invalid::UnknownKey)?;
    let sig = URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| Invalid::Malformed)?;
    let input = &token[..header.len() + 1 + payload.len()];
    if !key.verifies(input.as_bytes(), &sig) {
        return Err(Invalid::Signature);
    }
    decode_json(payload)
}

fn decode_json(part: &str) -> Result<Value, Invalid> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| Invalid::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| Invalid::Malformed)
}
