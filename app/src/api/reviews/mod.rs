//! Reviews: reading a course's rating and reviews (anyone), writing, editing and deleting one's
//! own (enrolled learners who opened a lesson), and marking others' helpful or reporting them
//! (signed in), and moderating reports (admins). Text is plain and stored as typed; pages render it escaped.

mod moderating;
mod reading;
mod teaching;
mod voting;
mod writing;

pub use moderating::*;
pub use reading::*;
pub use teaching::*;
pub use voting::*;
pub use writing::*;

/// Review writes one person may make per hour.
#[cfg(feature = "ssr")]
pub(crate) const WRITES_PER_HOUR: u32 = 20;
/// Helpful marks and reports one person may make per hour.
#[cfg(feature = "ssr")]
pub(crate) const VOTES_PER_HOUR: u32 = 60;

/// Counts one of `user_id`'s `action`s against its hourly `limit`.
#[cfg(feature = "ssr")]
pub(crate) async fn limit(
    state: &crate::server::state::AppState,
    action: &str,
    user_id: i64,
    limit: u32,
) -> Result<(), crate::error::AppError> {
    state
        .limiter
        .hit(
            &format!("reviews:{action}:{user_id}"),
            limit,
            std::time::Duration::from_secs(3600),
        )
        .await
}
