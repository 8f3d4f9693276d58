//! Token flows through the real router: password reset by emailed link, and personal API
//! tokens — on SQLite and Postgres, with in-process and Redis sessions.

use crate::common::{sign_up, whoami, Backend, Sessions, TestApp, GOOD_PASSWORD};
use app::api::account::{GetCurrentUser, RequestPasswordReset, ResetPassword, SignIn};
use app::error::AppError;
use leptos::server_fn::ServerFn;

async fn password_reset_via_outbox(backend: Backend) {
    password_reset(backend, Sessions::Memory).await;
}

async fn password_reset_via_outbox_redis(backend: Backend) {
    password_reset(backend, Sessions::Redis).await;
}

async fn password_reset(backend: Backend, sessions: Sessions) {
    let app = TestApp::start(backend, sessions).await;
    sign_up(&app, "Rae", "rae@example.org").await;
    let other_device = TestApp::new_client();
    let signed_in = app
        .call_with(
            &other_device,
            SignIn::PATH,
            &[("email", "rae@example.org"), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(signed_in.status, 200);

    // A token minted before the reset must end with it, as sessions do.
    let minted = app
        .call::<app::api::profile::CreateApiToken>(&[
            ("name", "old script"),
            ("password", GOOD_PASSWORD),
            ("scope_read", "on"),
            ("scope_learn", "on"),
            ("scope_teach", "on"),
            ("scope_admin", "on"),
        ])
        .await;
    assert_eq!(minted.status, 200, "{}", minted.body);
    let minted: serde_json::Value = serde_json::from_str(&minted.body).expect("json");
    let old_token = minted["secret"].as_str().expect("secret").to_owned();

    for email in ["rae@example.org", "nobody@example.org"] {
        let reply = app.call::<RequestPasswordReset>(&[("email", email)]).await;
        assert_eq!(reply.status, 200, "same answer for {email}");
    }
    let mails = app.delivered_mail().await;
    assert_eq!(mails.len(), 1, "one mail, only for the existing account");
    let mail = std::fs::read_to_string(&mails[0]).expect("mail");
    let token = mail
        .split("/account/reset/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("reset link in mail")
        .to_owned();

    let new_password = "a brand new passphrase 2026";
    let reset = app
        .call::<ResetPassword>(&[("token", &token), ("password", new_password)])
        .await;
    assert_eq!(reset.status, 200, "{}", reset.body);
    let again = app
        .call::<ResetPassword>(&[("token", &token), ("password", "another passphrase 777")])
        .await;
    assert!(
        matches!(again.error(), Some(AppError::Validation(f)) if f.contains_key("token")),
        "single use"
    );

    assert_eq!(
        whoami(&app, &other_device).await,
        None,
        "other sessions ended"
    );
    let old = app
        .call::<SignIn>(&[("email", "rae@example.org"), ("password", GOOD_PASSWORD)])
        .await;
    assert!(old.error().is_some(), "old password no longer works");
    let with_old_token = reqwest::Client::new()
        .post(app.url(GetCurrentUser::PATH))
        .bearer_auth(&old_token)
        .send()
        .await
        .expect("call");
    assert_eq!(
        with_old_token.status().as_u16(),
        401,
        "API tokens end with a password reset"
    );
    let new = app
        .call::<SignIn>(&[("email", "rae@example.org"), ("password", new_password)])
        .await;
    assert_eq!(new.status, 200, "{}", new.body);
}

async fn api_tokens_authenticate_until_revoked(backend: Backend) {
    use app::api::profile::{CreateApiToken, ListApiTokens, RevokeApiToken};
    let app = TestApp::empty(backend).await;
    sign_up(&app, "Tia", "tia@example.org").await;
    let unconfirmed = app
        .call::<CreateApiToken>(&[("name", "laptop script"), ("password", "not mine")])
        .await;
    assert!(
        matches!(unconfirmed.error(), Some(AppError::Validation(f)) if f.contains_key("password")),
        "a session alone cannot mint a token: {}",
        unconfirmed.body
    );
    let unscoped = app
        .call::<CreateApiToken>(&[("name", "laptop script"), ("password", GOOD_PASSWORD)])
        .await;
    assert!(
        matches!(unscoped.error(), Some(AppError::Validation(f)) if f.contains_key("scopes")),
        "a token must be allowed something: {}",
        unscoped.body
    );
    let everything = [
        ("name", "laptop script"),
        ("password", GOOD_PASSWORD),
        ("scope_read", "on"),
        ("scope_learn", "on"),
        ("scope_teach", "on"),
        ("scope_admin", "on"),
    ];
    let created = app.call::<CreateApiToken>(&everything).await;
    assert_eq!(created.status, 200, "{}", created.body);
    let created: serde_json::Value = serde_json::from_str(&created.body).expect("json");
    let secret = created["secret"]
        .as_str()
        .expect("secret shown once")
        .to_owned();
    let id = created["info"]["id"].as_i64().expect("id");
    let listed = app.call::<ListApiTokens>(&[]).await;
    assert!(listed.body.contains("laptop script"));
    assert!(
        !listed.body.contains(&secret),
        "the list never shows secrets"
    );

    let bearer = |token: &str| {
        reqwest::Client::new()
            .post(app.url(GetCurrentUser::PATH))
            .bearer_auth(token)
            .send()
    };
    let me = bearer(&secret).await.expect("call");
    assert_eq!(me.status().as_u16(), 200);
    assert!(me.text().await.expect("body").contains("tia@example.org"));
    let bad = bearer("lct_not-a-real-token").await.expect("call");
    assert_eq!(bad.status().as_u16(), 401);

    let revoke = app
        .call::<RevokeApiToken>(&[("token_id", &id.to_string())])
        .await;
    assert_eq!(revoke.status, 200, "{}", revoke.body);
    let after = bearer(&secret).await.expect("call");
    assert_eq!(
        after.status().as_u16(),
        401,
        "revoked token no longer works"
    );
}

on_both_backends! {
    password_reset_via_outbox => password_reset_via_outbox;
    password_reset_with_redis_sessions => password_reset_via_outbox_redis;
    api_tokens_authenticate_until_revoked => api_tokens_authenticate_until_revoked;
}
