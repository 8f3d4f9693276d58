//! The durable job queue: background work kept in the `jobs` table, so a restart or a failing
//! mail server loses nothing. Every kind of background work goes through here.
//!
//! A worker claims one due job at a time with a lease (`locked_until`): a worker that dies
//! mid-job leaves it to be claimed again when the lease runs out. A failed run is retried with
//! exponential backoff; after `max_attempts` runs the job is kept, marked failed, for an
//! operator to look at. Handlers must therefore be safe to run twice (at least once delivery).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server::entities::job;
use crate::server::mail::Mailer;

/// The kind of job that sends one email.
pub const MAIL: &str = "mail";
/// Runs before a job is given up.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a worker holds a claimed job before others may take it.
const LEASE: Duration = Duration::minutes(5);
/// The longest wait between two runs of a failing job.
const MAX_BACKOFF: Duration = Duration::hours(1);

/// An email to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailJob {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Adds a job of `kind` with `payload`, due now; returns its id. Use the caller's transaction
/// so the job exists exactly when the change that needs it does.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    payload: &impl Serialize,
) -> Result<i64, AppError> {
    let payload = serde_json::to_string(payload).map_err(|_| AppError::Internal)?;
    let now = Utc::now();
    let row = job::ActiveModel {
        kind: Set(kind.to_owned()),
        payload: Set(payload),
        run_at: Set(now),
        attempts: Set(0),
        max_attempts: Set(MAX_ATTEMPTS),
        locked_until: Set(None),
        last_error: Set(None),
        failed_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Queues an email.
pub async fn enqueue_mail(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<i64, AppError> {
    let mail = MailJob {
        to: to.to_owned(),
        subject: subject.to_owned(),
        body: body.to_owned(),
    };
    enqueue(db, MAIL, &mail).await
}

/// What the handlers need.
#[derive(Clone)]
pub struct Handlers {
    /// Where mail goes.
    pub mailer: std::sync::Arc<Mailer>,
    /// Where generated files (certificate PDFs) are kept.
    pub storage: crate::server::storage::Storage,
    /// The site's name and public URL, as certificates print them.
    pub issuer: std::sync::Arc<crate::server::credentials::Issuer>,
}

/// What one pass of [`run_due`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunReport {
    /// Jobs that succeeded (and were removed).
    pub done: u32,
    /// Jobs that failed and will run again later.
    pub retried: u32,
    /// Jobs that failed for the last time.
    pub failed: u32,
}

/// Runs up to `limit` jobs due at `now`, one at a time.
pub async fn run_due(
    db: &DatabaseConnection,
    handlers: &Handlers,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<RunReport, AppError> {
    let mut report = RunReport::default();
    for _ in 0..limit {
        let Some(claimed) = claim_next(db, now).await? else {
            break;
        };
        match run(db, handlers, &claimed).await {
            Ok(()) => {
                job::Entity::delete_by_id(claimed.id).exec(db).await?;
                report.done += 1;
            }
            Err(error) => {
                let gave_up = claimed.attempts >= claimed.max_attempts;
                tracing::warn!(
                    job_id = claimed.id,
                    kind = %claimed.kind,
                    attempt = claimed.attempts,
                    gave_up,
                    %error,
                    "background job failed"
                );
                record_failure(db, &claimed, &error, gave_up, now).await?;
                if gave_up {
                    report.failed += 1;
                } else {
                    report.retried += 1;
                }
            }
        }
    }
    Ok(report)
}

/// The next due job, claimed for this worker (attempts counted), or `None`.
async fn claim_next(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Option<job::Model>, AppError> {
    loop {
        let Some(candidate) = job::Entity::find()
            .filter(job::Column::FailedAt.is_null())
            .filter(job::Column::RunAt.lte(now))
            .filter(
                Condition::any()
                    .add(job::Column::LockedUntil.is_null())
                    .add(job::Column::LockedUntil.lt(now)),
            )
            .order_by_asc(job::Column::RunAt)
            .order_by_asc(job::Column::Id)
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        // Only one worker wins the lease: the others see no row changed and look again.
        let claimed = job::Entity::update_many()
            .col_expr(job::Column::LockedUntil, Expr::value(Some(now + LEASE)))
            .col_expr(job::Column::Attempts, Expr::value(candidate.attempts + 1))
            .filter(job::Column::Id.eq(candidate.id))
            .filter(job::Column::Attempts.eq(candidate.attempts))
            .filter(job::Column::FailedAt.is_null())
            .exec(db)
            .await?;
        if claimed.rows_affected == 1 {
            return Ok(Some(job::Model {
                attempts: candidate.attempts + 1,
                locked_until: Some(now + LEASE),
                ..candidate
            }));
        }
    }
}

async fn run(
    db: &DatabaseConnection,
    handlers: &Handlers,
    claimed: &job::Model,
) -> Result<(), String> {
    match claimed.kind.as_str() {
        super::badges::BACKFILL_JOB => {
            let badge_id: i64 = serde_json::from_str(&claimed.payload)
                .map_err(|e| format!("unreadable badge job: {e}"))?;
            let awarded = super::badges::backfill(db, badge_id)
                .await
                .map_err(|e| e.to_string())?;
            tracing::info!(
                badge_id,
                awarded,
                "badge awarded to learners who had earned it"
            );
            Ok(())
        }
        super::certificates::PDF_JOB => {
            let public_id: String = serde_json::from_str(&claimed.payload)
                .map_err(|e| format!("unreadable certificate job: {e}"))?;
            match super::certificates::make_pdf(db, &handlers.storage, &handlers.issuer, &public_id)
                .await
            {
                Ok(_) => Ok(()),
                // The certificate is gone (its learner or course deleted): nothing to make.
                Err(AppError::NotFound) => Ok(()),
                Err(e) => Err(e.to_string()),
            }
        }
        MAIL => {
            let mail: MailJob = serde_json::from_str(&claimed.payload)
                .map_err(|e| format!("unreadable mail job: {e}"))?;
            handlers
                .mailer
                .send(&mail.to, &mail.subject, &mail.body)
                .await
                .map_err(|e| e.to_string())
        }
        other => Err(format!("no handler for jobs of kind {other:?}")),
    }
}

/// The wait before run `attempts + 1`: 10 s, 20 s, 40 s … at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let seconds = 10_i64.saturating_mul(1_i64 << exponent.min(20));
    Duration::seconds(seconds).min(MAX_BACKOFF)
}

async fn record_failure(
    db: &DatabaseConnection,
    claimed: &job::Model,
    error: &str,
    gave_up: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let message: String = error.chars().take(1_000).collect();
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::LastError, Expr::value(Some(message)))
        .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
        .filter(job::Column::Id.eq(claimed.id));
    update = if gave_up {
        // A given-up mail may hold a reset link: keep the record, not the secret.
        update
            .col_expr(job::Column::FailedAt, Expr::value(Some(now)))
            .col_expr(job::Column::Payload, Expr::value("{}"))
    } else {
        update.col_expr(
            job::Column::RunAt,
            Expr::value(now + backoff(claimed.attempts)),
        )
    };
    update.exec(db).await?;
    Ok(())
}

#[cfg(test)]
#[path = "jobs_tests.rs"]
mod tests;
