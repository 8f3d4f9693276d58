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
