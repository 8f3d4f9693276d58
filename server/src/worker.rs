//! The background job worker: runs what is due in the durable job queue
//! (`app::server::services::jobs`) twice a second. Every instance runs one; the queue's leases
//! keep two instances from running the same job at once.

use std::time::Duration;

use app::server::services::jobs::{run_due, Handlers};
use app::server::state::AppState;
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

/// How often the queue is looked at.
pub const EVERY: Duration = Duration::from_millis(500);
/// The most jobs run in one look.
const BATCH: u32 = 50;

/// Starts the worker for `state`'s database, mailer, storage and issuer; abort the handle to stop it.
pub fn spawn(state: &AppState) -> JoinHandle<()> {
    let db: DatabaseConnection = state.db.clone();
    let handlers = Handlers {
        mailer: state.mailer.clone(),
        storage: state.storage.clone(),
        issuer: state.issuer.clone(),
    };
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match run_due(&db, &handlers, chrono::Utc::now(), BATCH).await {
                Ok(report) if report.done + report.retried + report.failed > 0 => {
                    tracing::debug!(?report, "ran background jobs");
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(?error, "could not run background jobs"),
            }
        }
    })
}
