//! Background work that keeps rules true without a request, every 30 seconds: attempts past
//! their deadline are submitted (with the answers saved before it), so the gradebook and the
//! learner's results never wait for the learner to come back; and uploads announced but never
//! finished are deleted with whatever bytes arrived, so abandoned uploads cannot fill storage;
//! and the REST API's kept idempotent answers are deleted once a day old.

use std::time::Duration;

use app::server::services::{media::sweep_abandoned, quiz::attempts::finalize_overdue};
use app::server::storage::Storage;
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

/// How often overdue attempts are looked for.
pub const EVERY: Duration = Duration::from_secs(30);

/// Starts the sweeper; abort the handle to stop it.
pub fn spawn(db: DatabaseConnection, storage: Storage) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match finalize_overdue(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(attempts = n, "submitted overdue quiz attempts"),
                Err(error) => tracing::warn!(?error, "could not submit overdue quiz attempts"),
            }
            match sweep_abandoned(&db, &storage, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(uploads = n, "deleted abandoned uploads"),
                Err(error) => tracing::warn!(?error, "could not sweep abandoned uploads"),
            }
            match crate::rest::idempotency::sweep_expired(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(keys = n, "deleted expired idempotency keys"),
                Err(error) => tracing::warn!(?error, "could not sweep idempotency keys"),
            }
        }
    })
}
