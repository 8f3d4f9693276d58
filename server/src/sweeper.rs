//! Background work that keeps quiz rules true without a request: attempts past their deadline
//! are submitted (with the answers saved before it) every 30 seconds, so the gradebook and the
//! learner's results never wait for the learner to come back.

use std::time::Duration;

use app::server::services::quiz::attempts::finalize_overdue;
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

/// How often overdue attempts are looked for.
pub const EVERY: Duration = Duration::from_secs(30);

/// Starts the sweeper; abort the handle to stop it.
pub fn spawn(db: DatabaseConnection) -> JoinHandle<()> {
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
        }
    })
}
