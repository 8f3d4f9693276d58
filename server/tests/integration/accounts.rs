//! Accounts through the real router: sign-up/in/out, sessions, rate limits, cross-site
//! protection, roles and password reset — on SQLite and Postgres, in-process and Redis sessions.

use crate::common::{sign_up, whoami, Backend, Sessions, TestApp, GOOD_PASSWORD};
use app::api::account::{GetCurrentUser, SignIn, SignOut, SignUp};
use app::api::admin::ListUsers;
use app::error::AppError;
use leptos::server_fn::ServerFn;

async fn round_trip(backend: Backend, sessions: Sessions) {
    let app = TestApp::start(backend, sessions).await;
    assert_eq!(whoami(&app, &app.client).await, None);
    sign_up(&app, "Lena Learner", "Lena@Example.org").await;
    assert_eq!(
        whoami(&app, &app.client).await.as_deref(),
        Some("lena@example.org")
    );

    assert_eq!(app.call::<SignOut>(&[]).await.status, 200);
    assert_eq!(whoami(&app, &app.client).await, None, "signed out");

    let wrong = app
        .call::<SignIn>(&[
            ("email", "lena@example.org"),
            ("password", "not the password"),
        ])
        .await;
    assert_eq!(wrong.status, 422, "a wrong password is a client error");
    match wrong.error() {
        Some(AppError::Validation(fields)) => {
            assert_eq!(
                fields.get("form").map(String::as_str),
                Some("Email or password is incorrect.")
            );
        }
        other => panic!("wrong password gave {other:?}: {}", wrong.body),
    }
    let unknown = app
        .call::<SignIn>(&[("email", "nobody@example.org"), ("password", GOOD_PASSWORD)])
        .await;
    assert_eq!(
        unknown.error(),
        wrong.error(),
        "unknown email answers like a wrong password"
    );

    let ok = app
        .call::<SignIn>(&[("email", "LENA@example.org"), ("password", GOOD_PASSWORD)])
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(
        whoami(&app, &app.client).await.as_deref(),
        Some("lena@example.org")
    );
}

async fn round_trip_memory(backend: Backend) {
    round_trip(backend, Sessions::Memory).await;
}

async fn round_trip_redis(backend: Backend) {
    round_trip(backend, Sessions::Redis).await;
}

async fn signup_errors_are_per_field(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let reply = app
        .call::<SignUp>(&[
            ("display_name", " "),
            ("email", "not-an-email"),
            ("password", "password"),
        ])
        .await;
    let Some(AppError::Validation(fields)) = reply.error() else {
        panic!("expected field errors: {}", reply.body);
    };
    for field in ["display_name", "email", "password"] {
        assert!(
            fields.contains_key(field),
            "{field} missing from {fields:?}"
        );
    }
    sign_up(&app, "First", "taken@example.org").await;
    let again = TestApp::new_client();
    let reply = app
        .call_with(
            &again,
            SignUp::PATH,
            &[
                ("display_name", "Second"),
                ("email", "TAKEN@example.org"),
                ("password", GOOD_PASSWORD),
            ],
            Some(&app.url("")),
        )
        .await;
    let Some(AppError::Validation(fields)) = reply.error() else {
        panic!("expected a taken email: {}", reply.body);
    };
    assert!(fields["email"].contains("already exists"), "{fields:?}");
}

/// The session id changes on sign-in, and the pre-sign-in id is worthless afterwards.
async fn session_id_is_cycled_on_sign_in(backend: Backend) {
    session_id_is_cycled(backend, Sessions::Memory).await;
}

async fn session_id_is_cycled_redis(backend: Backend) {
    session_id_is_cycled(backend, Sessions::Redis).await;
}

async fn session_id_is_cycled(backend: Backend, sessions: Sessions) {
    let app = TestApp::start(backend, sessions).await;
    sign_up(&app, "Fay", "fay@example.org").await;
    let attacker_cookie = {
        // The cookie a fixation attacker would have planted: the one from before sign-in.
        let client = TestApp::new_client();
        let r = client
            .post(app.url(SignIn::PATH))
            .header("origin", app.url(""))
            .form(&[("email", "fay@example.org"), ("password", GOOD_PASSWORD)])
            .send()
            .await
            .expect("sign in");
        let first = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            .expect("session cookie set on sign-in");
        let r2 = client
            .post(app.url(SignIn::PATH))
            .header("origin", app.url(""))
            .form(&[("email", "fay@example.org"), ("password", GOOD_PASSWORD)])
            .send()
            .await
            .expect("sign in again");
        let second = r2
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            .expect("a new session cookie on the second sign-in");
        assert_ne!(first, second, "session id cycled");
        first
    };
    let stale = reqwest::Client::new()
        .post(app.url(GetCurrentUser::PATH))
        .header("origin", app.url(""))
        .header("cookie", attacker_cookie)
        .send()
        .await
        .expect("request");
    assert_eq!(
        stale.text().await.expect("body"),
        "null",
        "old session id is signed out"
    );
}

async fn sign_in_is_rate_limited(backend: Backend) {
    rate_limited(TestApp::empty(backend).await).await;
}

async fn rate_limited(app: TestApp) {
    for attempt in 1..=10 {
        let reply = app
            .call::<SignIn>(&[("email", "victim@example.org"), ("password", "guess")])
            .await;
        assert!(
            matches!(reply.error(), Some(AppError::Validation(_))),
            "attempt {attempt}: {}",
            reply.body
        );
    }
    let blocked = app
        .call::<SignIn>(&[("email", "victim@example.org"), ("password", "guess")])
        .await;
    assert_eq!(blocked.status, 429, "{}", blocked.body);
    let header = app
        .client
        .post(app.url(SignIn::PATH))
        .header("origin", app.url(""))
        .form(&[("email", "victim@example.org"), ("password", "guess")])
        .send()
        .await
        .expect("request");
    assert!(
        header.headers().contains_key("retry-after"),
        "Retry-After header sent"
    );
    match blocked.error() {
        Some(AppError::RateLimited { retry_after_secs }) => {
            assert!(
                (1..=900).contains(&retry_after_secs),
                "retry hint {retry_after_secs}"
            );
        }
        other => panic!("11th attempt gave {other:?}: {}", blocked.body),
    }
}

async fn cross_site_posts_are_rejected(backend: Backend) {
    let app = TestApp::empty(backend).await;
    sign_up(&app, "Cy", "cy@example.org").await;
    for origin in [Some("https://evil.example"), None] {
        let reply = app.call_with(&app.client, SignOut::PATH, &[], origin).await;
        assert_eq!(reply.status, 403, "origin {origin:?}");
    }
    assert_eq!(
        whoami(&app, &app.client).await.as_deref(),
        Some("cy@example.org"),
        "still signed in"
    );
}

async fn admin_functions_need_an_admin(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let anonymous = app
        .call_json::<ListUsers>(
            serde_json::json!({"query": {"q": null, "role": null, "page": null}}),
        )
        .await;
    assert_eq!(
        anonymous.error(),
        Some(AppError::Unauthorized),
        "{}",
        anonymous.body
    );
    sign_up(&app, "Leo", "leo@example.org").await;
    let learner = app
        .call_json::<ListUsers>(
            serde_json::json!({"query": {"q": null, "role": null, "page": null}}),
        )
        .await;
    assert_eq!(
        learner.error(),
        Some(AppError::Forbidden),
        "{}",
        learner.body
    );
    app::server::services::accounts::roles::create_admin(&app.db, "leo@example.org", None, None)
        .await
        .expect("promote");
    let admin = app
        .call_json::<ListUsers>(
            serde_json::json!({"query": {"q": null, "role": null, "page": null}}),
        )
        .await;
    assert_eq!(admin.status, 200, "{}", admin.body);
    assert!(admin.body.contains("leo@example.org"));
}

async fn sign_in_is_rate_limited_redis(backend: Backend) {
    rate_limited(TestApp::start(backend, Sessions::Redis).await).await;
}

on_both_backends! {
    round_trip_in_memory_sessions => round_trip_memory;
    round_trip_redis_sessions => round_trip_redis;
    signup_errors_are_per_field => signup_errors_are_per_field;
    session_id_is_cycled_on_sign_in => session_id_is_cycled_on_sign_in;
    session_id_is_cycled_with_redis => session_id_is_cycled_redis;
    sign_in_is_rate_limited_with_redis => sign_in_is_rate_limited_redis;
    sign_in_is_rate_limited => sign_in_is_rate_limited;
    cross_site_posts_are_rejected => cross_site_posts_are_rejected;
    admin_functions_need_an_admin => admin_functions_need_an_admin;
}
