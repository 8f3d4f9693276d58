//! Mail goes through the durable job queue: a reset request answers the same, at once, whether
//! or not the email has an account and whether or not mail can be sent right now; mail that
//! cannot be sent stays queued for a retry instead of failing the request.

use std::time::Duration;

use crate::common::{sign_up, Backend, Sessions, TestApp};
use app::api::account::RequestPasswordReset;
use app::server::entities::job;
use sea_orm::EntityTrait;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_answer_alike_while_mail_is_failing() {
    // An outbox that cannot be created, as a mail server that refuses everything.
    let blocker = tempfile::NamedTempFile::new().expect("file");
    let outbox = blocker.path().join("outbox").display().to_string();
    let app = TestApp::start_with(Backend::Sqlite, Sessions::Memory, |config| {
        config.outbox_dir = outbox;
    })
    .await;
    sign_up(&app, "Rae", "rae@example.org").await;
    for email in ["rae@example.org", "nobody@example.org"] {
        let reply = app.call::<RequestPasswordReset>(&[("email", email)]).await;
        assert_eq!(reply.status, 200, "same answer for {email}: {}", reply.body);
    }
    // The one real mail is kept and retried, not lost. Claiming a job counts the attempt before
    // the run, so wait for the run's failure to be recorded, not just for the count.
    let mut tried = None;
    for _ in 0..50 {
        let jobs = job::Entity::find().all(&app.db).await.expect("jobs");
        assert_eq!(jobs.len(), 1, "one queued mail, for the real account only");
        if jobs[0].attempts > 0 && jobs[0].last_error.is_some() {
            tried = Some(jobs[0].clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let tried = tried.expect("the worker tried to send it and recorded why it failed");
    assert!(tried.failed_at.is_none(), "it will be tried again");
    assert!(tried.run_at > chrono::Utc::now(), "after a backoff");
}
