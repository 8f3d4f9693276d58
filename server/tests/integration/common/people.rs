//! People: users created in the database with a role and signed in through the real
//! sign-in, each with their own cookie jar, and server-function calls made as them.

use app::error::AppError;
use app::models::Role;
use app::server::entities::user;
use app::server::services::accounts;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{TestApp, GOOD_PASSWORD};

/// A signed-in browser.
pub struct Person {
    pub id: i64,
    pub client: reqwest::Client,
}

/// A new user `email` named `name` with `role` (granted by a new admin when not a learner).
pub async fn user_with_role(app: &TestApp, name: &str, email: &str, role: Role) -> user::Model {
    let user = accounts::signup(&app.db, name, email, GOOD_PASSWORD)
        .await
        .expect("signup");
    if role != Role::Learner {
        let boss = accounts::roles::create_admin(
            &app.db,
            &format!("boss-{email}"),
            Some("Boss"),
            Some(GOOD_PASSWORD),
        )
        .await
        .expect("admin");
        accounts::roles::set_role(&app.db, boss.id, user.id, role)
            .await
            .expect("role");
    }
    user
}

/// Signs up `email` (named "Name {email}") with `role` and signs them in with their own
/// cookie jar.
pub async fn person(app: &TestApp, email: &str, role: Role) -> Person {
    let user = user_with_role(app, &format!("Name {email}"), email, role).await;
    let client = TestApp::new_client();
    let reply = app
        .call_with(
            &client,
            app::api::account::SignIn::PATH,
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "sign in: {}", reply.body);
    Person {
        id: user.id,
        client,
    }
}

/// A raw reply: status and body exactly as the browser would get them.
pub type Raw = (u16, String);

/// Calls a form-encoded server function as `who`.
pub async fn form<F: ServerFn>(app: &TestApp, who: &Person, args: &[(&str, &str)]) -> Raw {
    let reply = app
        .call_with(&who.client, F::PATH, args, Some(&app.url("")))
        .await;
    (reply.status, reply.body)
}

/// Calls a JSON-encoded server function as `who`.
pub async fn json_call<F: ServerFn>(app: &TestApp, who: &Person, body: Value) -> Raw {
    let response = who
        .client
        .post(app.url(F::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The decoded success of a call; fails the test otherwise.
pub fn ok<T: DeserializeOwned>(raw: Raw) -> T {
    assert_eq!(raw.0, 200, "expected success, got {}: {}", raw.0, raw.1);
    serde_json::from_str(&raw.1).expect("decode reply")
}

/// The error of a call; fails the test if it succeeded.
pub fn err(raw: Raw) -> AppError {
    assert_ne!(raw.0, 200, "expected an error, got {}", raw.1);
    serde_json::from_str(&raw.1).expect("decode error")
}
