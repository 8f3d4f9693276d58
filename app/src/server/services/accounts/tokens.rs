//! Random secrets and their stored fingerprints, shared by reset links and API tokens.
//!
//! Secrets carry 256 bits of randomness, so a plain SHA-256 (no salt, no stretching) is enough
//! to make a leaked table useless while keeping lookups by hash possible.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// `N` bytes from the operating system's secure random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], AppError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|err| {
        tracing::error!(error = %err, "no secure randomness available");
        AppError::Internal
    })?;
    Ok(bytes)
}

/// URL-safe base64 without padding: fits in a link or a header unchanged.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh 32-byte secret, URL-safe base64 (43 characters).
pub fn new_secret() -> Result<String, AppError> {
    Ok(encode(&random_bytes::<32>()?))
}

/// Lowercase hex SHA-256 of `secret`, the form stored in the database.
pub fn fingerprint(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_url_safe_and_unique() {
        let a = new_secret().expect("secret");
        let b = new_secret().expect("secret");
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn fingerprint_is_sha256_hex() {
        assert_eq!(
            fingerprint("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
