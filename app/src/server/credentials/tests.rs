//! Signing and verifying credentials: what verifies, and every way a token is refused.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::json;

use super::{jws, Invalid, Issuer, SigningKey};

/// One key for the tests of this module (generating one takes a moment).
fn key_pem() -> &'static str {
    static PEM: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PEM.get_or_init(|| SigningKey::generate().expect("generate").1)
}

fn issuer() -> Issuer {
    Issuer::new(
        SigningKey::from_pem(key_pem()).expect("pem"),
        "https://learn.example.org/",
        "Lectern",
    )
}

fn credential() -> serde_json::Value {
    json!({
        "id": "https://learn.example.org/credentials/abc",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": { "id": "https://learn.example.org/issuer", "type": ["Profile"] },
        "validFrom": "2026-11-27T10:00:00Z",
        "credentialSubject": { "type": ["AchievementSubject"] },
    })
}

#[test]
fn a_signed_credential_verifies_with_its_claims() {
    let issuer = issuer();
    let token = issuer.sign(&credential(), 1_795_000_000).expect("sign");
    let payload = issuer.verify(&token).expect("verifies");
    assert_eq!(payload["iss"], "https://learn.example.org/issuer");
    assert_eq!(payload["jti"], "https://learn.example.org/credentials/abc");
    assert_eq!(payload["nbf"], 1_795_000_000);
    assert!(payload.get("sub").is_none(), "no subject id, no sub");
    assert_eq!(payload["validFrom"], "2026-11-27T10:00:00Z");
    let header: serde_json::Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').next().expect("header"))
            .expect("b64"),
    )
    .expect("json");
    let kid = issuer.kid_url();
    assert_eq!(header, json!({ "alg": "RS256", "typ": "JWT", "kid": kid }));
    assert!(kid.starts_with("https://learn.example.org/issuer/keys/"));
    // Signing is deterministic: the same award always gives the same token.
    assert_eq!(
        token,
        issuer.sign(&credential(), 1_795_000_000).expect("sign")
    );
}

#[test]
fn changed_or_foreign_tokens_are_refused() {
    let issuer = issuer();
    let token = issuer.sign(&credential(), 1).expect("sign");
    let parts: Vec<&str> = token.split('.').collect();

    let mut changed = credential();
    changed["id"] = "https://learn.example.org/credentials/xyz".into();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(changed.to_string()),
        parts[2]
    );
    assert_eq!(issuer.verify(&forged), Err(Invalid::Signature));

    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","kid":"x"}"#);
    assert_eq!(
        issuer.verify(&format!("{none_header}.{}.", parts[1])),
        Err(Invalid::Algorithm)
    );
    let hs_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
    assert_eq!(
        issuer.verify(&format!("{hs_header}.{}.{}", parts[1], parts[2])),
        Err(Invalid::Algorithm)
    );

    let other = SigningKey::generate().expect("generate").0;
    let theirs = jws::sign(&other, "JWT", &other.public().kid, &credential()).expect("sign");
    assert_eq!(issuer.verify(&theirs), Err(Invalid::UnknownKey));

    for bad in [
        "",
        "a.b",
        "a.b.c.d",
        "!!.??.##",
        &"x".repeat(jws::MAX_TOKEN_LEN + 1),
    ] {
        assert_eq!(issuer.verify(bad), Err(Invalid::Malformed), "{bad:.20}");
    }
}

#[test]
fn the_jwks_holds_the_public_half_only() {
    let issuer = issuer();
    let jwks = issuer.jwks();
    let key = &jwks["keys"][0];
    assert_eq!(key["kty"], "RSA");
    assert_eq!(key["alg"], "RS256");
    assert_eq!(key["e"], "AQAB");
    assert!(key.get("d").is_none() && key.get("p").is_none());
    // 2048-bit modulus: 256 bytes, 342 base64url characters.
    assert_eq!(key["n"].as_str().map(str::len), Some(342));
    let kid = key["kid"].as_str().expect("kid");
    assert!(issuer.key(kid).is_some());
    assert!(issuer.key("another").is_none());
    assert!(!format!("{:?}", SigningKey::from_pem(key_pem()).expect("pem")).contains("PRIVATE"));
}

#[test]
fn the_key_file_is_made_once_and_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("keys").join("badge.pem");
    let first = SigningKey::load_or_create(None, &file).expect("create");
    let again = SigningKey::load_or_create(None, &file).expect("load");
    assert_eq!(
        first.public(),
        again.public(),
        "the second start reads the same key"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner may read the key");
    }
    // A configured key wins over the file.
    let configured = SigningKey::load_or_create(Some(key_pem()), &file).expect("pem");
    assert_ne!(configured.public(), first.public());
    assert!(matches!(
        SigningKey::from_pem("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"),
        Err(super::KeyError::BadPem)
    ));
    std::fs::write(&file, "garbage").expect("write");
    assert!(
        SigningKey::load_or_create(None, &file).is_err(),
        "a damaged file is an error, never replaced"
    );
}
