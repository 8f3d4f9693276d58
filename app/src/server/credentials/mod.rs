//! Verifiable credentials: the issuer (Lectern, with its signing key), its public profile and
//! JWKS, and VC-JWT signing and verification of Open Badges 3.0 credentials.
//!
//! A verifier needs nothing from Lectern's pages: the JWT's header names the key (`kid`, a URL
//! that returns the key as a JWK; all keys are also at `/.well-known/jwks.json`), and the
//! credential's `credentialStatus` points to the revocation list at `/credentials/revocations`.
//! The format follows Open Badges 3.0's "JSON Web Token Proof Format": the credential's members
//! are the JWT payload (no `vc` wrapper) with `iss`, `jti`, `nbf` (and `sub` when the subject has
//! an id) mirroring them; the header holds only `alg`, `typ` and `kid`.

pub mod jws;
pub mod keys;
#[cfg(test)]
mod tests;

/// An issuer for unit tests, at `https://learn.example.org/`, with one key generated per test
/// binary (generating one takes a moment).
#[cfg(test)]
pub(crate) fn test_issuer() -> std::sync::Arc<Issuer> {
    static ISSUER: std::sync::OnceLock<std::sync::Arc<Issuer>> = std::sync::OnceLock::new();
    ISSUER
        .get_or_init(|| {
            let (key, _) = SigningKey::generate().expect("generate");
            std::sync::Arc::new(Issuer::new(key, "https://learn.example.org/", "Lectern"))
        })
        .clone()
}

use serde_json::{json, Map, Value};

pub use jws::Invalid;
pub use keys::{KeyError, PublicKey, SigningKey};

/// Where the issuer's public keys are published, under the public URL.
pub const JWKS_PATH: &str = "/.well-known/jwks.json";
/// The issuer profile (OB 3.0 `Profile`), under the public URL.
pub const ISSUER_PATH: &str = "/issuer";
/// Each public key as a JWK, at this path and its id, under the public URL.
pub const KEY_PATH: &str = "/issuer/keys/";
/// The revocation list every credential's status points to, under the public URL.
pub const REVOCATIONS_PATH: &str = "/credentials/revocations";
/// The JOSE `typ` of a credential JWT.
pub const JWT_TYPE: &str = "JWT";

/// Lectern as the issuer of credentials.
#[derive(Debug)]
pub struct Issuer {
    key: SigningKey,
    base: String,
    name: String,
}

impl Issuer {
    /// The issuer named `name` at `public_url` (no trailing slash needed), signing with `key`.
    pub fn new(key: SigningKey, public_url: &str, name: &str) -> Self {
        Self {
            key,
            base: public_url.trim_end_matches('/').to_owned(),
            name: name.to_owned(),
        }
    }

    /// The public URL every id starts with.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The issuer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `path` under the public URL.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The key id as JWT headers carry it: a URL that returns the key as a JWK (it ends with
    /// the key's thumbprint).
    pub fn kid_url(&self) -> String {
        format!("{}{}", self.url(KEY_PATH), self.key.public().kid)
    }

    /// The public key with thumbprint `kid`, if it is one of the issuer's.
    pub fn key(&self, kid: &str) -> Option<&PublicKey> {
        Some(self.key.public()).filter(|k| k.kid == kid)
    }

    /// The published keys (RFC 7517 JWK Set).
    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.key.public().jwk()] })
    }

    /// The issuer as an OB 3.0 `Profile`, as credentials embed it and `/issuer` serves it.
    pub fn profile(&self) -> Value {
        json!({
            "id": self.url(ISSUER_PATH),
            "type": ["Profile"],
            "name": self.name,
            "url": self.base,
        })
    }

    /// The issuer's profile document as served at `/issuer`: the profile with the JSON-LD
    /// contexts and where its keys are.
    pub fn profile_document(&self) -> Value {
        let mut doc = self.profile();
        if let Value::Object(map) = &mut doc {
            map.insert("@context".into(), json!(ob3_contexts()));
            map.insert("publicKeys".into(), json!(self.url(JWKS_PATH)));
        }
        doc
    }

    /// `credential` as a VC-JWT: the credential's members with the registered claims OB 3.0
    /// requires (`iss` = issuer id, `jti` = credential id, `nbf` = `validFrom`, and `sub` = the
    /// subject's id when it has one), signed RS256.
    pub fn sign(&self, credential: &Value, valid_from: i64) -> Result<String, KeyError> {
        let mut claims = match credential {
            Value::Object(map) => map.clone(),
            _ => Map::new(),
        };
        let get = |path: &[&str]| -> Value {
            let mut at = credential;
            for p in path {
                at = at.get(p).unwrap_or(&Value::Null);
            }
            at.clone()
        };
        claims.insert("iss".into(), get(&["issuer", "id"]));
        claims.insert("jti".into(), get(&["id"]));
        if let Value::String(sub) = get(&["credentialSubject", "id"]) {
            claims.insert("sub".into(), Value::String(sub));
        }
        claims.insert("nbf".into(), json!(valid_from));
        jws::sign(&self.key, JWT_TYPE, &self.kid_url(), &Value::Object(claims))
    }

    /// The payload of `token` when it carries this issuer's signature.
    pub fn verify(&self, token: &str) -> Result<Value, Invalid> {
        jws::verify(&[self.key.public()], token)
    }
}

/// The JSON-LD contexts of an Open Badges 3.0 credential: VC Data Model 2.0, OB 3.0, and the
/// 1EdTech extensions (which define `1EdTechRevocationList` and `1EdTechJsonSchemaValidator2019`).
pub fn ob3_contexts() -> [&'static str; 3] {
    [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
}

/// The 1EdTech JSON schema an `OpenBadgeCredential` conforms to, as `credentialSchema` names it.
pub const OB3_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
