//! Learning changes as clients make them, through server functions or the REST API: the change
//! itself, then the live progress stream and the leaderboards are told. One place, so both
//! wires behave the same.

use crate::error::AppError;
use crate::models::{CourseProgress, ProgressEventInput, RecordResult};
use crate::server::entities::user;
use crate::server::state::AppState;

/// Progress batches one learner may send per minute.
pub const PROGRESS_BATCHES_PER_MINUTE: u32 = 120;

/// Enrolls `user` in course `slug` (see [`super::enroll`]) and streams their progress there.
pub async fn enroll(
    state: &AppState,
    user: &user::Model,
    slug: &str,
) -> Result<CourseProgress, AppError> {
    let progress = super::enroll(&state.db, user, slug).await?;
    tracing::info!(user_id = user.id, course = %slug, "enrolled");
    state.progress.publish(user.id, progress.clone()).await;
    Ok(progress)
}

/// Unenrolls `user` from course `slug` (see [`super::unenroll`]) and streams their progress.
pub async fn unenroll(
    state: &AppState,
    user: &user::Model,
    slug: &str,
) -> Result<CourseProgress, AppError> {
    let progress = super::unenroll(&state.db, user, slug).await?;
    tracing::info!(user_id = user.id, course = %slug, "unenrolled");
    state.progress.publish(user.id, progress.clone()).await;
    Ok(progress)
}

/// Records a batch of `user`'s progress events (see [`super::record`]) within
/// [`PROGRESS_BATCHES_PER_MINUTE`], streams the changed courses' progress and updates the
/// leaderboards.
pub async fn record(
    state: &AppState,
    user: &user::Model,
    events: Vec<ProgressEventInput>,
) -> Result<RecordResult, AppError> {
    state
        .limiter
        .hit(
            &format!("progress:user:{}", user.id),
            PROGRESS_BATCHES_PER_MINUTE,
            std::time::Duration::from_secs(60),
        )
        .await?;
    let recorded = super::record(&state.db, user, events).await?;
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
