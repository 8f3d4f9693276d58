//! Password hashing and policy tests.

use super::*;

#[test]
fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
    let started = std::time::Instant::now();
    let hash = hash_password("Quiet-Lantern-Orbit-42").expect("hash");
    eprintln!("one hash took {:?}", started.elapsed());
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(verify_password(&hash, "Quiet-Lantern-Orbit-42"));
    assert!(!verify_password(&hash, "quiet-lantern-orbit-42"));
    assert!(!verify_password(&hash, ""));
}

#[test]
fn the_same_password_hashes_differently_each_time() {
    let a = hash_password("Quiet-Lantern-Orbit-42").expect("hash");
    let b = hash_password("Quiet-Lantern-Orbit-42").expect("hash");
    assert_ne!(a, b, "each hash has its own salt");
}

#[test]
fn a_malformed_stored_hash_never_matches() {
    assert!(!verify_password("not a hash", "anything"));
    assert!(!verify_password("", ""));
    assert!(!verify_dummy("anything"));
}

#[tokio::test]
async fn async_wrappers_hash_and_verify_off_the_runtime() {
    let hash = hash_password_async("Quiet-Lantern-Orbit-42")
        .await
        .expect("hash");
    assert!(verify_password_async(Some(&hash), "Quiet-Lantern-Orbit-42")
        .await
        .expect("verify"));
    assert!(!verify_password_async(None, "Quiet-Lantern-Orbit-42")
        .await
        .expect("verify"));
}

#[test]
fn length_limits_are_enforced() {
    assert_eq!(
        password_problem("Xq7#vL2!", &[]),
        Some("Use at least 10 characters.".into())
    );
    let long = "Quiet-Lantern-Orbit-42 ".repeat(6);
    assert_eq!(
        password_problem(&long, &[]),
        Some("Use at most 128 characters.".into())
    );
    assert_eq!(password_problem(&long[..128], &[]), None);
}

#[test]
fn common_and_guessable_passwords_are_rejected() {
    for weak in [
        "password123",
        "qwertyuiop",
        "1234567890",
        "iloveyou2024",
        "aaaaaaaaaaaa",
    ] {
        let problem = password_problem(weak, &[]).unwrap_or_else(|| panic!("{weak} accepted"));
        assert!(
            problem.starts_with("This password is too easy to guess."),
            "{problem}"
        );
    }
    assert_eq!(password_problem("Quiet-Lantern-Orbit-42", &[]), None);
}

#[test]
fn passwords_built_from_the_users_own_details_are_rejected() {
    let inputs = ["ada.lovelace@example.org", "Ada Lovelace"];
    for own in ["ada.lovelace@example.org", "Ada Lovelace 99", "adalovelace"] {
        assert!(password_problem(own, &inputs).is_some(), "{own} accepted");
    }
    assert_eq!(
        password_problem("Ada Lovelace 99", &[]),
        None,
        "strong for anyone not called Ada Lovelace"
    );
}

#[test]
fn policy_failures_are_field_errors() {
    let err = check_password("new_password", "short", &[]).expect_err("too short");
    assert_eq!(
        err,
        AppError::field("new_password", "Use at least 10 characters.")
    );
    assert!(check_password("password", "Quiet-Lantern-Orbit-42", &[]).is_ok());
}
