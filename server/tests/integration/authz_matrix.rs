//! The authorization matrix: every server function the app registers, called by an anonymous
//! visitor, a learner, an instructor and an admin, is allowed or denied as this table says.
//! A server function missing from the table fails the test, so new ones must declare access.

use crate::authz_table::{table, Access, Args};
use crate::common::{Backend, TestApp};
use app::server::services::accounts;

/// A user with `role` and an API token for them (Bearer calls skip the sign-in rate limit).
async fn token_for(app: &TestApp, email: &str, role: app::models::Role) -> String {
    let user = crate::common::user_with_role(app, "Matrix User", email, role).await;
    accounts::api_tokens::create(&app.db, user.id, "matrix")
        .await
        .expect("token")
        .secret
}

async fn matrix(backend: Backend) {
    use app::models::Role;
    let app = TestApp::empty(backend).await;
    let table = table();

    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    for path in &registered {
        assert!(
            table.contains_key(path),
            "server function {path} has no entry in the authorization matrix"
        );
    }
    for path in table.keys() {
        assert!(
            registered.contains(path),
            "matrix entry {path} is not a registered server function"
        );
    }

    let callers = [
        ("anonymous", None, 0u8),
        (
            "learner",
            Some(token_for(&app, "learner@example.org", Role::Learner).await),
            1,
        ),
        (
            "instructor",
            Some(token_for(&app, "instructor@example.org", Role::Instructor).await),
            2,
        ),
        (
            "admin",
            Some(token_for(&app, "admin@example.org", Role::Admin).await),
            3,
        ),
    ];
    let client = reqwest::Client::new();
    for (path, (access, args)) in &table {
        for (who, token, rank) in &callers {
            let mut request = client
                .post(app.url(path))
                .header("accept", "application/json");
            request = match token {
                Some(token) => request.bearer_auth(token),
                None => request.header("origin", app.url("")),
            };
            request = match args {
                Args::Form(pairs) => request.form(pairs),
                Args::Json(value) => request.json(value),
            };
            let status = request.send().await.expect("call").status().as_u16();
            let expected_denial = match (access, rank) {
                (Access::Public, _) => None,
                (_, 0) => Some(401),
                (Access::SignedIn, _) => None,
                (Access::Instructor, 1) => Some(403),
                (Access::Instructor, _) => None,
                (Access::Admin, 3) => None,
                (Access::Admin, _) => Some(403),
            };
            match expected_denial {
                Some(code) => assert_eq!(status, code, "{who} calling {path}"),
                None => assert!(
                    status != 401 && status != 403,
                    "{who} calling {path} was denied with {status}"
                ),
            }
        }
    }
}

on_both_backends! {
    every_server_function_enforces_its_access => matrix;
}
