//! The client address behind our proxies: a forged `X-Forwarded-For` prefix never buys a fresh
//! rate-limit bucket, different viewers behind the same proxies never share one, and without
//! trusted proxies the header is ignored.

use crate::common::{Backend, Sessions, TestApp};
use app::api::account::SignIn;
use app::server::proxy::ProxyTrust;
use leptos::server_fn::ServerFn;

/// Signs in to `email` with `password` from a fresh browser whose request carries
/// `forwarded` as `X-Forwarded-For`; returns the status.
async fn sign_in_from(app: &TestApp, forwarded: &str, email: &str, password: &str) -> u16 {
    TestApp::new_client()
        .post(app.url(SignIn::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .header("x-forwarded-for", forwarded)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

/// A failed sign-in, each with its own email so only the address limit counts.
async fn sign_in_via(app: &TestApp, n: usize, forwarded: &str) -> u16 {
    sign_in_from(app, forwarded, &format!("nobody{n}@example.org"), "guess").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_forwarded_prefixes_share_the_real_clients_bucket() {
    let app = TestApp::start_with(Backend::Sqlite, Sessions::Memory, |config| {
        // CloudFront, then the load balancer (here: the test client's own connection).
        config.proxies = ProxyTrust::parse(2, "").expect("trust");
    })
    .await;
    for n in 0..10 {
        // A new forged prefix on every try, as an attacker rotating addresses would send.
        let forwarded = format!("10.9.{n}.1, 198.51.100.7, 130.176.1.1");
        assert_eq!(sign_in_via(&app, n, &forwarded).await, 422, "try {n}");
    }
    let forwarded = "10.9.99.1, 198.51.100.7, 130.176.1.1";
    assert_eq!(
        sign_in_via(&app, 10, forwarded).await,
        429,
        "the eleventh try from the same viewer is limited, whatever it forges"
    );
    // Another viewer behind the same edge has a bucket of its own.
    assert_eq!(
        sign_in_via(&app, 11, "198.51.100.8, 130.176.1.1").await,
        422,
        "a different viewer is not locked out"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_the_header_is_ignored() {
    let app = TestApp::empty(Backend::Sqlite).await;
    for n in 0..10 {
        let forwarded = format!("198.51.100.{n}");
        assert_eq!(sign_in_via(&app, n, &forwarded).await, 422, "try {n}");
    }
    assert_eq!(
        sign_in_via(&app, 10, "198.51.100.200").await,
        429,
        "a forwarded address from an untrusted peer buys no fresh bucket"
    );
}

/// A server behind one trusted proxy, so each test request can come from its own address.
async fn behind_one_proxy() -> TestApp {
    TestApp::start_with(Backend::Sqlite, Sessions::Memory, |config| {
        config.proxies = ProxyTrust::parse(1, "").expect("trust");
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attacker_cannot_lock_a_victim_out() {
    let app = behind_one_proxy().await;
    crate::common::sign_up(&app, "Vic", "victim@example.org").await;
    let attacker = "203.0.113.66";
    for n in 0..10 {
        let status = sign_in_from(&app, attacker, "victim@example.org", "guess").await;
        assert_eq!(status, 422, "wrong password {n}");
    }
    assert_eq!(
        sign_in_from(&app, attacker, "victim@example.org", "guess").await,
        429,
        "the attacker's own address is stopped"
    );
    assert_eq!(
        sign_in_from(
            &app,
            "198.51.100.20",
            "victim@example.org",
            crate::common::GOOD_PASSWORD
        )
        .await,
        200,
        "the victim, from their own address, still signs in"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_mail_is_capped_at_three_an_hour_per_account() {
    use app::api::account::RequestPasswordReset;
    let app = behind_one_proxy().await;
    crate::common::sign_up(&app, "Rae", "rae@example.org").await;
    for n in 0..6 {
        // From a new address each time: the per-address limit is not what stops the mail.
        let status = TestApp::new_client()
            .post(app.url(RequestPasswordReset::PATH))
            .header("origin", app.url(""))
            .header("accept", "application/json")
            .header("x-forwarded-for", format!("198.51.100.{}", 100 + n))
            .form(&[("email", "rae@example.org")])
            .send()
            .await
            .expect("request")
            .status()
            .as_u16();
        assert_eq!(status, 200, "request {n} is answered alike");
    }
    let mails = app.delivered_mail().await.len();
    assert_eq!(mails, 3, "three reset emails, not six");
}
