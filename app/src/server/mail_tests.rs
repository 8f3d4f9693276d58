//! Mailer tests: the outbox backend end to end, and SMTP configuration parsing.

use super::*;

fn temp_dir() -> PathBuf {
    let suffix = crate::server::services::accounts::tokens::new_secret().expect("random");
    std::env::temp_dir().join(format!("lectern-outbox-{suffix}"))
}

#[tokio::test]
async fn outbox_writes_a_readable_message_with_the_link() {
    let dir = temp_dir().join("nested");
    let mailer = Mailer::outbox(&dir);
    let link = format!(
        "http://localhost:3000/reset-password?token={}",
        "x".repeat(120)
    );
    mailer
        .send(
            "zoë@example.org",
            "Reset your password\r\nBcc: evil@example.org",
            &format!("Hi Zoë,\n\n{link}\n"),
        )
        .await
        .expect("send");
    let files: Vec<_> = std::fs::read_dir(&dir).expect("outbox dir").collect();
    assert_eq!(files.len(), 1);
    let path = files[0].as_ref().expect("entry").path();
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("eml"));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("To: zoë@example.org\r\n"));
    assert!(text.contains(&link), "the link is whole: {text}");
    assert!(text.contains("Hi Zoë,"));
    assert!(
        !text.contains("\r\nBcc:"),
        "a newline in the subject cannot add headers"
    );
    std::fs::remove_dir_all(dir.parent().expect("parent")).expect("cleanup");
}

#[test]
fn smtp_config_rejects_bad_urls_and_senders() {
    assert!(matches!(
        Mailer::smtp("http://example.org", "Lectern <a@example.org>"),
        Err(MailerConfigError::Url(_))
    ));
    assert!(matches!(
        Mailer::smtp("smtp://localhost:2525", "not an address"),
        Err(MailerConfigError::From(_))
    ));
}

#[tokio::test]
async fn smtp_config_accepts_tls_and_starttls_urls() {
    for url in [
        "smtps://user:pass@smtp.example.org:465",
        "smtp://user:pass@smtp.example.org:587?tls=required",
    ] {
        assert!(
            Mailer::smtp(url, "Lectern <no-reply@example.org>").is_ok(),
            "{url}"
        );
    }
}
