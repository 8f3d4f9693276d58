//! Records a batch of progress events from the learner's player (online or replayed offline).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{ProgressEventInput, RecordResult};

/// Batches one learner may record per minute.
#[cfg(feature = "ssr")]
pub use crate::server::services::learning::announce::PROGRESS_BATCHES_PER_MINUTE;

/// Records up to 500 progress events of the signed-in learner. Each event gets a result
/// (`applied`, `duplicate` when its id was seen before, `rejected` with a reason); the
/// progress of every changed course comes back. Safe to resend: ids make it idempotent.
/// A fixed address (`/api/record_progress`): `public/progress-queue.js` sends the queue there,
/// from pages and from the service worker's Background Sync.
#[server(endpoint = "record_progress", input = leptos::server_fn::codec::Json)]
pub async fn record_progress(events: Vec<ProgressEventInput>) -> Result<RecordResult, AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::announce::record(&state, &user, events).await
}
