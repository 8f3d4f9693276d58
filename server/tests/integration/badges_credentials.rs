//! Badge credentials as a third party checks them: the VC-JWT verifies with an independent JOSE
//! library (jsonwebtoken) against the published JWKS, carries the Open Badges 3.0 members and
//! claims, validates against 1EdTech's published OB 3.0 JSON Schema (vendored in
//! `tests/fixtures/ob3`), fails once tampered with, and shows "Revoked" (page, check and
//! revocation list) once revoked. Learners can make their credential pages private.

use app::api::badges::{CheckCredential, CredentialCheck, RevokeAward, SetCredentialsPublic};
use app::models::CredentialVerdict;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use leptos::server_fn::ServerFn;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::badges::{achievements, complete, create_badge};
use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::{form, ok, Backend, Sessions, TestApp};

/// GETs `path` as `client`: status, content type and body.
async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String, String) {
    let response = client.get(app.url(path)).send().await.expect("request");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, response.text().await.expect("body"))
}

/// Verifies `token` with jsonwebtoken and the key the JWKS publishes under its `kid`.
fn verify_independently(token: &str, jwks: &Value) -> Result<Value, jsonwebtoken::errors::Error> {
    let header = decode_header(token)?;
    let kid = header.kid.expect("a kid header");
    let thumbprint = kid.rsplit('/').next().unwrap_or_default();
    let jwk = jwks["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .find(|k| k["kid"] == thumbprint)
        .expect("the header's key is published");
    let key = DecodingKey::from_rsa_components(
        jwk["n"].as_str().expect("n"),
        jwk["e"].as_str().expect("e"),
    )?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_nbf = true;
    Ok(decode::<Value>(token, &key, &validation)?.claims)
}

async fn check(app: &TestApp, token: &str) -> CredentialCheck {
    let anonymous = TestApp::new_client();
    let reply = app
        .call_with(
            &anonymous,
            CheckCredential::PATH,
            &[("token", token)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "check: {}", reply.body);
    serde_json::from_str(&reply.body).expect("decode check")
}

/// What 1EdTech's AchievementCredential JSON Schema finds wrong with `credential` (nothing when
/// it conforms).
fn schema_errors(credential: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(include_str!(
        "../fixtures/ob3/ob_v3p0_achievementcredential_schema.json"
    ))
    .expect("the vendored schema is JSON");
    let validator = jsonschema::draft201909::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(credential)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

async fn a_credential_verifies_independently_until_tampered_or_revoked(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let _: i64 = ok(create_badge(&app, &ada, c.id, "Rust graduate", "course_completed").await);
    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let badge = achievements(&app, &lea).await.badges.remove(0);
    let id = badge.id.clone();
    let anonymous = TestApp::new_client();

    let (status, kind, jwks_text) = get(&app, &anonymous, "/.well-known/jwks.json").await;
    assert_eq!((status, kind.as_str()), (200, "application/jwk-set+json"));
    let jwks: Value = serde_json::from_str(&jwks_text).expect("jwks json");
    assert!(
        jwks["keys"][0].get("d").is_none(),
        "the JWKS holds no private part"
    );

    let (status, _, token) = get(
        &app,
        &lea.client,
        &format!("/credentials/{id}/credential.jwt"),
    )
    .await;
    assert_eq!(status, 200);
    // The header names a key that resolves, as a JWK, at its own URL.
    let kid = decode_header(&token).expect("header").kid.expect("kid");
    let key_path = kid
        .strip_prefix(&app.url(""))
        .expect("the kid is a URL on this site");
    let (status, _, key) = get(&app, &anonymous, key_path).await;
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&key).expect("jwk"),
        jwks["keys"][0]
    );

    let claims = verify_independently(&token, &jwks).expect("verifies with jsonwebtoken");
    let credential_id = app.url(&format!("/credentials/{id}"));
    assert_eq!(claims["id"], credential_id.as_str());
    assert_eq!(claims["jti"], credential_id.as_str());
    assert_eq!(claims["iss"], claims["issuer"]["id"]);
    assert_eq!(
        claims["@context"],
        serde_json::json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
        ])
    );
    assert_eq!(
        claims["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    let valid_from =
        chrono::DateTime::parse_from_rfc3339(claims["validFrom"].as_str().expect("validFrom"))
            .expect("RFC 3339");
    assert_eq!(
        claims["nbf"],
        valid_from.timestamp(),
        "nbf mirrors validFrom"
    );
    let achievement = &claims["credentialSubject"]["achievement"];
    assert_eq!(achievement["name"], "Rust graduate");
    assert_eq!(
        achievement["criteria"]["narrative"],
        "Complete every lesson."
    );
    assert_eq!(
        claims["credentialSubject"]["type"],
        serde_json::json!(["AchievementSubject"])
    );
    // The learner is named only by a salted hash of their email, which a verifier who knows
    // the email can recompute.
    let identity = &claims["credentialSubject"]["identifier"][0];
    let salt = identity["salt"].as_str().expect("salt");
    let expected = format!(
        "sha256${}",
        hex::encode(Sha256::digest(format!("lea@example.org{salt}").as_bytes()))
    );
    assert_eq!(identity["identityHash"], expected.as_str());
    assert_eq!(identity["hashed"], true);
    assert!(!token.contains("lea@example.org") && !token.contains("Name lea"));
    assert_eq!(claims["credentialStatus"]["type"], "1EdTechRevocationList");

    // The JSON download is the same credential.
    let (status, _, json) = get(
        &app,
        &lea.client,
        &format!("/credentials/{id}/credential.json"),
    )
    .await;
    assert_eq!(status, 200);
    let json: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json["credentialSubject"], claims["credentialSubject"]);

    // Both conform to 1EdTech's schema; the schema does catch a credential that does not.
    assert_eq!(
        schema_errors(&json),
        Vec::<String>::new(),
        "the JSON download"
    );
    assert_eq!(
        schema_errors(&claims),
        Vec::<String>::new(),
        "the JWT's payload"
    );
    let mut broken = json.clone();
    if let Some(members) = broken.as_object_mut() {
        members.remove("validFrom");
    }
    broken["credentialSubject"]["achievement"]["criteria"] = Value::Null;
    let errors = schema_errors(&broken);
    assert!(
        errors.iter().any(|e| e.contains("validFrom"))
            && errors.iter().any(|e| e.ends_with("/achievement/criteria")),
        "no validFrom, criteria not an object: {errors:?}"
    );

    // Anyone may open the page and check the token.
    let (status, _, page) = get(&app, &anonymous, &format!("/credentials/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Valid")
            && page.contains("Rust graduate")
            && page.contains("Name lea@example.org")
    );
    assert_eq!(check(&app, &token).await.verdict, CredentialVerdict::Valid);

    // Tampered: another name in the payload, the original signature.
    let parts: Vec<&str> = token.split('.').collect();
    let mut payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("b64")).expect("payload");
    payload["credentialSubject"]["achievement"]["name"] = "Rust expert".into();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(payload.to_string()),
        parts[2]
    );
    assert!(
        verify_independently(&forged, &jwks).is_err(),
        "jsonwebtoken rejects it"
    );
    assert!(matches!(
        check(&app, &forged).await.verdict,
        CredentialVerdict::Invalid(_)
    ));
    assert!(matches!(
        check(&app, "not a credential").await.verdict,
        CredentialVerdict::Invalid(_)
    ));

    // Revoked: the token still verifies, but every place says revoked.
    let _: () = ok(form::<RevokeAward>(
        &app,
        &ada,
        &[("credential", &id), ("reason", "Copied the final project")],
    )
    .await);
    assert!(verify_independently(&token, &jwks).is_ok());
    assert!(matches!(
        check(&app, &token).await.verdict,
        CredentialVerdict::Revoked { reason, .. } if reason == "Copied the final project"
    ));
    let (_, _, page) = get(&app, &anonymous, &format!("/credentials/{id}")).await;
    assert!(page.contains("Revoked") && page.contains("Copied the final project"));
    let (status, _, list) = get(&app, &anonymous, "/credentials/revocations").await;
    assert_eq!(status, 200);
    let list: Value = serde_json::from_str(&list).expect("list");
    assert_eq!(list["revokedCredentials"][0]["id"], credential_id.as_str());
}

async fn a_learner_may_keep_credentials_private(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let _: i64 = ok(create_badge(&app, &ada, c.id, "Rust graduate", "course_completed").await);
    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let mine = achievements(&app, &lea).await;
    assert!(
        mine.public,
        "credential pages are public unless the learner says otherwise"
    );
    let id = mine.badges[0].id.clone();
    let anonymous = TestApp::new_client();
    let _: () = ok(form::<SetCredentialsPublic>(&app, &lea, &[("public", "false")]).await);
    assert!(!achievements(&app, &lea).await.public);
    for path in [
        format!("/credentials/{id}"),
        format!("/credentials/{id}/credential.jwt"),
        format!("/credentials/{id}/credential.json"),
    ] {
        assert_eq!(
            get(&app, &anonymous, &path).await.0,
            404,
            "{path} is private"
        );
        assert_eq!(
            get(&app, &lea.client, &path).await.0,
            200,
            "{path} is still theirs"
        );
    }
    let (_, _, token) = get(
        &app,
        &lea.client,
        &format!("/credentials/{id}/credential.jwt"),
    )
    .await;
    let checked = check(&app, &token).await;
    assert_eq!(
        checked.verdict,
        CredentialVerdict::Valid,
        "a private credential still verifies"
    );
    assert_eq!(checked.page, None, "but its page is not offered");
    let _: () = ok(form::<SetCredentialsPublic>(&app, &lea, &[("public", "true")]).await);
    assert_eq!(
        get(&app, &anonymous, &format!("/credentials/{id}")).await.0,
        200
    );
    assert_eq!(
        get(
            &app,
            &anonymous,
            "/credentials/00000000-0000-0000-0000-000000000000"
        )
        .await
        .0,
        404
    );
}

on_both_backends! {
    badges_credential_verification => a_credential_verifies_independently_until_tampered_or_revoked;
    badges_private_pages => a_learner_may_keep_credentials_private;
}
