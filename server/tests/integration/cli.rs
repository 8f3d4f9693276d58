//! Subcommands of the `server` binary that answer without serving.

use std::process::Command;

#[test]
fn api_paths_lists_every_server_function_once_with_its_method() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("api-paths")
        .output()
        .expect("the server binary runs");
    assert!(output.status.success(), "api-paths failed: {output:?}");
    let text = String::from_utf8(output.stdout).expect("utf-8 output");
    let lines: Vec<&str> = text.lines().collect();
    // Server functions the learner's and the instructor's pages call.
    for name in ["record_progress", "start_attempt", "sign_in", "save_course"] {
        let prefix = format!("POST /api/{name}");
        let matching: Vec<&&str> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(matching.len(), 1, "{name} listed once: {lines:?}");
    }
    let mut sorted = lines.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, lines, "sorted, without repeats");
    assert!(
        lines.iter().all(|l| l.contains(" /api/")),
        "every line is METHOD /api/…"
    );
}

/// `server …` on the SQLite database at `url`.
fn server(url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("LECTERN_ADMIN_PASSWORD", "a long enough admin passphrase")
        .output()
        .expect("the server binary runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_token_prints_a_scoped_token_for_an_existing_account_only() {
    use app::models::ApiScope;
    use app::server::services::accounts::api_tokens;
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}/cli.db?mode=rwc", dir.path().display());
    let made = server(&url, &["create-admin", "--email", "ops@example.org"]);
    assert!(made.status.success(), "create-admin: {made:?}");

    let nobody = server(&url, &["create-token", "--email", "ghost@example.org"]);
    assert!(!nobody.status.success());
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("no account with the email"));
    let unknown = server(
        &url,
        &[
            "create-token",
            "--email",
            "ops@example.org",
            "--scopes",
            "read,root",
        ],
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown scope `root`"));

    let output = server(
        &url,
        &[
            "create-token",
            "--email",
            "OPS@example.org",
            "--scopes",
            "read,teach",
        ],
    );
    assert!(output.status.success(), "create-token: {output:?}");
    let secret = String::from_utf8(output.stdout).expect("utf-8");
    let secret = secret.trim();
    assert!(secret.starts_with("lct_"), "{secret}");
    let db = sea_orm::Database::connect(url.as_str()).await.expect("db");
    let (user, scopes) = api_tokens::authenticate_scoped(&db, secret)
        .await
        .expect("query")
        .expect("the printed token authenticates");
    assert_eq!(user.email, "ops@example.org");
    assert_eq!(scopes, vec![ApiScope::Read, ApiScope::Teach]);
}
