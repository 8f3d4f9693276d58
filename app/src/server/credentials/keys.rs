//! The key Lectern signs credentials with: a 2048-bit RSA key (RS256, the algorithm every Open
//! Badges 3.0 verifier accepts), given as PEM in the configuration or kept in a file that the
//! first start creates. Signing and verifying use ring; the rsa crate only generates the key and
//! reads PEM, since ring can do neither.

use std::io::Write;
use std::path::Path;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use ring::rand::SystemRandom;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The size of a generated key.
const KEY_BITS: usize = 2048;

/// Why a signing key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The PEM text is not an RSA private key (PKCS#8 or PKCS#1).
    #[error("the credential signing key is not an RSA private key in PEM (PKCS#8 or PKCS#1)")]
    BadPem,
    /// ring refused the key (too small, or malformed).
    #[error("the credential signing key was refused: {0}")]
    Rejected(String),
    /// The key file could not be read or written.
    #[error("the credential signing key file {path}: {source}")]
    File {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// No randomness, or generation failed.
    #[error("could not generate a credential signing key: {0}")]
    Generate(String),
}

/// A public key as a verifier needs it: the RSA modulus and exponent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// The key id: its RFC 7638 JWK thumbprint.
    pub kid: String,
    n: Vec<u8>,
    e: Vec<u8>,
}

impl PublicKey {
    /// The key as a JWK (`kty`, `use`, `alg`, `kid`, `n`, `e`).
    pub fn jwk(&self) -> Value {
        json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": self.kid,
            "n": URL_SAFE_NO_PAD.encode(&self.n),
            "e": URL_SAFE_NO_PAD.encode(&self.e),
        })
    }

    /// Whether `sig` is this key's RS256 signature of `message`.
    pub fn verifies(&self, message: &[u8], sig: &[u8]) -> bool {
        RsaPublicKeyComponents {
            n: &self.n,
            e: &self.e,
        }
        .verify(&signature::RSA_PKCS1_2048_8192_SHA256, message, sig)
        .is_ok()
    }
}

/// The private key, ready to sign.
pub struct SigningKey {
    pair: RsaKeyPair,
    public: PublicKey,
    rng: SystemRandom,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key, not even in a debug log.
        f.debug_struct("SigningKey")
            .field("kid", &self.public.kid)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// Reads a PEM private key (PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`).
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let key = RsaPrivateKey::from_pkcs8_pem(pem.trim())
            .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem.trim()))
            .map_err(|_| KeyError::BadPem)?;
        Self::from_rsa(&key)
    }

    /// Generates a new key; returns it and its PKCS#8 PEM, to keep.
    pub fn generate() -> Result<(Self, String), KeyError> {
        let key = RsaPrivateKey::new(&mut rand_core_06::OsRng, KEY_BITS)
            .map_err(|e| KeyError::Generate(e.to_string()))?;
        let pem = key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| KeyError::Generate(e.to_string()))?;
        Ok((Self::from_rsa(&key)?, pem.to_string()))
    }

    /// The key from `pem` when given, else from `file`, creating the file (owner-only) with a
    /// new key the first time. Two processes starting at once end up with the same key: the
    /// file is created exclusively, and the loser reads the winner's.
    pub fn load_or_create(pem: Option<&str>, file: &Path) -> Result<Self, KeyError> {
        if let Some(pem) = pem {
            return Self::from_pem(pem);
        }
        let file_error = |source| KeyError::File {
            path: file.display().to_string(),
            source,
        };
        match std::fs::read_to_string(file) {
            Ok(pem) => return Self::from_pem(&pem),
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(file_error(e)),
            Err(_) => {}
        }
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(file_error)?;
        }
        let (key, pem) = Self::generate()?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(file) {
            Ok(mut out) => {
                out.write_all(pem.as_bytes()).map_err(file_error)?;
                out.sync_all().map_err(file_error)?;
                Ok(key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let pem = std::fs::read_to_string(file).map_err(file_error)?;
                Self::from_pem(&pem)
            }
            Err(e) => Err(file_error(e)),
        }
    }

    fn from_rsa(key: &RsaPrivateKey) -> Result<Self, KeyError> {
        let der = key
            .to_pkcs8_der()
            .map_err(|e| KeyError::Rejected(e.to_string()))?;
        let pair = RsaKeyPair::from_pkcs8(der.as_bytes())
            .map_err(|e| KeyError::Rejected(e.to_string()))?;
        let n = key.n().to_bytes_be();
        let e = key.e().to_bytes_be();
        Ok(Self {
            public: PublicKey {
                kid: thumbprint(&n, &e),
                n,
                e,
            },
            pair,
            rng: SystemRandom::new(),
        })
    }

    /// The public half.
    pub fn public(&self) -> &PublicKey {
        &self.public
    }

    /// The RS256 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut sig = vec![0; self.pair.public().modulus_len()];
        self.pair
            .sign(&signature::RSA_PKCS1_SHA256, &self.rng, message, &mut sig)
            .map_err(|e| KeyError::Rejected(e.to_string()))?;
        Ok(sig)
    }
}

/// RFC 7638: base64url(SHA-256 of the required members in lexical order, no spaces).
fn thumbprint(n: &[u8], e: &[u8]) -> String {
    let canonical = format!(
        r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
        URL_SAFE_NO_PAD.encode(e),
        URL_SAFE_NO_PAD.encode(n)
    );
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}
