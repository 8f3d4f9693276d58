//! Records a batch of progress events from the learner's player (online or replayed offline).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{ProgressEventInput, RecordResult};

/// Batches one learner may record per minute.
#[cfg(feature = "ssr")]
pub const PROGRESS_BATCHES_PER_MINUTE: u32 = 120;

/// Records up to 500 progress events of the signed-in learner. Each event gets a result
/// (`applied`, `duplicate` when its id was seen before, `rejected` with a reason); the
/// progress of every changed course comes back. Safe to resend: ids make it idempotent.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn record_progress(events: Vec<ProgressEventInput>) -> Result<RecordResult, AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    // A player sends a batch every few seconds at most; far more is a script forcing every
    // open stream of the learner to redraw.
    state
        .limiter
        .hit(
            &format!("progress:user:{}", user.id),
            PROGRESS_BATCHES_PER_MINUTE,
            std::time::Duration::from_secs(60),
        )
        .await?;
    let recorded = learning::record(&state.db, &user, events).await?;
    for course in &recorded.courses {
        state.progress.publish(user.id, course.clone()).await;
    }
    if !recorded.courses.is_empty() {
        state
            .leaderboards
            .touch(&state.db, user.id, chrono::Utc::now())
            .await;
    }
    Ok(recorded)
}
