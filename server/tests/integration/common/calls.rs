//! Calling server functions over HTTP as a browser does, and the account steps many tests
//! start with.

use app::error::AppError;
use serde::de::DeserializeOwned;

use super::{TestApp, GOOD_PASSWORD};

/// The answer of a server function called over HTTP.
#[derive(Debug)]
pub struct FnReply {
    pub status: u16,
    pub body: String,
}

impl FnReply {
    /// The `AppError` in the body, if the call failed with one.
    pub fn error(&self) -> Option<app::error::AppError> {
        (self.status >= 400)
            .then(|| serde_json::from_str(&self.body).ok())
            .flatten()
    }
}

impl TestApp {
    /// Calls server function `F` as the browser does (form-encoded POST, same-origin).
    pub async fn call<F: leptos::server_fn::ServerFn>(&self, args: &[(&str, &str)]) -> FnReply {
        self.call_with(
            &self.client,
            F::PATH,
            args,
            Some(&format!("http://{}", self.addr)),
        )
        .await
    }

    /// Calls the server function at `path` with `client` and an optional `Origin` header.
    pub async fn call_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        args: &[(&str, &str)],
        origin: Option<&str>,
    ) -> FnReply {
        let mut request = client
            .post(self.url(path))
            .header("accept", "application/json")
            .form(args);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("server fn request");
        let status = response.status().as_u16();
        FnReply {
            status,
            body: response.text().await.expect("body"),
        }
    }

    /// Calls a JSON-encoded server function `F` (same-origin) with `body`.
    pub async fn call_json<F: leptos::server_fn::ServerFn>(
        &self,
        body: serde_json::Value,
    ) -> FnReply {
        let response = self
            .client
            .post(self.url(F::PATH))
            .header("origin", format!("http://{}", self.addr))
            .header("accept", "application/json")
            .json(&body)
            .send()
            .await
            .expect("server fn request");
        let status = response.status().as_u16();
        let retry_after = response.headers().get("retry-after").cloned();
        let mut reply = FnReply {
            status,
            body: response.text().await.expect("body"),
        };
        if let Some(value) = retry_after {
            reply
                .body
                .push_str(&format!("\nRetry-After: {}", value.to_str().unwrap_or("")));
        }
        reply
    }

    /// A fresh client (own cookie jar) for a second browser.
    pub fn new_client() -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client")
    }
}

/// Signs up through the server function and asserts it succeeded.
pub async fn sign_up(app: &TestApp, name: &str, email: &str) {
    let reply = app
        .call::<app::api::account::SignUp>(&[
            ("display_name", name),
            ("email", email),
            ("password", GOOD_PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 200, "sign-up: {}", reply.body);
}

/// The email of the user `client` is signed in as, if any.
pub async fn whoami(app: &TestApp, client: &reqwest::Client) -> Option<String> {
    let reply = app
        .call_with(
            client,
            <app::api::account::GetCurrentUser as leptos::server_fn::ServerFn>::PATH,
            &[],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let user: Option<serde_json::Value> = serde_json::from_str(&reply.body).expect("json");
    user.map(|u| u["email"].as_str().unwrap_or_default().to_owned())
}

/// A decoded success, or the status and error of a failed call.
pub type Reply<T> = Result<T, (u16, Option<AppError>)>;

/// Calls the form-encoded server function at `path` with `client`, decoding the reply.
pub async fn call<T: DeserializeOwned>(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    args: &[(&str, &str)],
) -> Reply<T> {
    let reply = app.call_with(client, path, args, Some(&app.url(""))).await;
    if reply.status == 200 {
        Ok(serde_json::from_str(&reply.body).expect("decode reply"))
    } else {
        Err((reply.status, reply.error()))
    }
}
