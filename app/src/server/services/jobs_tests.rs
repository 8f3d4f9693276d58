use std::sync::Arc;

use chrono::{Duration, Utc};
use sea_orm::EntityTrait;

use super::*;
use crate::server::entities::job;
use crate::server::test_db::db;

fn handlers(dir: &std::path::Path) -> Handlers {
    Handlers {
        mailer: Arc::new(Mailer::outbox(dir)),
        storage: crate::server::storage::Storage::local(dir.join("media")),
        issuer: crate::server::credentials::test_issuer(),
    }
}

fn mails_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[tokio::test]
async fn queued_mail_is_sent_once_and_removed() {
    let db = db().await;
    let outbox = tempfile::tempdir().expect("dir");
    enqueue_mail(&db, "ada@example.org", "Hello", "Body")
        .await
        .expect("queued");
    assert_eq!(mails_in(outbox.path()), 0, "nothing is sent while queuing");
    let report = run_due(&db, &handlers(outbox.path()), Utc::now(), 10)
        .await
        .expect("run");
    assert_eq!(report.done, 1);
    assert_eq!(mails_in(outbox.path()), 1);
    let again = run_due(&db, &handlers(outbox.path()), Utc::now(), 10)
        .await
        .expect("run");
    assert_eq!(again, RunReport::default(), "done jobs never run again");
    assert!(job::Entity::find().all(&db).await.expect("rows").is_empty());
}

#[tokio::test]
async fn failing_jobs_are_retried_with_backoff_then_given_up() {
    let db = db().await;
    // An outbox that cannot be created: every send fails.
    let file = tempfile::NamedTempFile::new().expect("file");
    let broken = handlers(&file.path().join("outbox"));
    let id = enqueue_mail(
        &db,
        "ada@example.org",
        "Reset",
        "https://x/account/reset/secret",
    )
    .await
    .expect("queued");
    let mut now = Utc::now();
    for attempt in 1..=MAX_ATTEMPTS {
        let report = run_due(&db, &broken, now, 10).await.expect("run");
        let row = job::Entity::find_by_id(id)
            .one(&db)
            .await
            .expect("query")
            .expect("the job is kept");
        assert_eq!(row.attempts, attempt);
        assert!(row.last_error.is_some());
        if attempt < MAX_ATTEMPTS {
            assert_eq!(report.retried, 1);
            let expected = now + backoff(attempt);
            assert!(
                (row.run_at - expected).num_milliseconds().abs() <= 1,
                "attempt {attempt}: due at {} not {expected}",
                row.run_at
            );
            // Not due again before its backoff.
            let early = run_due(
                &db,
                &broken,
                now + backoff(attempt) - Duration::seconds(1),
                10,
            )
            .await
            .expect("run");
            assert_eq!(early, RunReport::default());
            now = row.run_at;
        } else {
            assert_eq!(report.failed, 1);
            assert!(row.failed_at.is_some(), "given up");
            assert!(
                !row.payload.contains("secret"),
                "a given-up job keeps no secret"
            );
        }
    }
    let after = run_due(&db, &broken, now + Duration::days(1), 10)
        .await
        .expect("run");
    assert_eq!(
        after,
        RunReport::default(),
        "a given-up job is never run again"
    );
}

#[tokio::test]
async fn a_claimed_job_is_not_run_twice_until_its_lease_ends() {
    let db = db().await;
    enqueue_mail(&db, "ada@example.org", "Hello", "Body")
        .await
        .expect("queued");
    let now = Utc::now();
    let first = claim_next(&db, now).await.expect("claim").expect("a job");
    assert!(
        claim_next(&db, now).await.expect("claim").is_none(),
        "held by the first worker"
    );
    // The first worker died: after the lease another one takes the job over.
    let later = now + LEASE + Duration::seconds(1);
    let again = claim_next(&db, later)
        .await
        .expect("claim")
        .expect("taken over");
    assert_eq!(again.id, first.id);
    assert_eq!(again.attempts, 2);
}

#[test]
fn backoff_doubles_up_to_an_hour() {
    assert_eq!(backoff(1), Duration::seconds(10));
    assert_eq!(backoff(2), Duration::seconds(20));
    assert_eq!(backoff(3), Duration::seconds(40));
    assert_eq!(backoff(30), Duration::hours(1));
}
