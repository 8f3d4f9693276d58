//! Points, streaks and leaderboards: the signed-in learner's standing, a leaderboard, and the
//! learner's choices (appear by name; the time zone their browser reports).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{LeaderboardView, Standing};

/// The signed-in learner's points and streak; `None` for visitors.
#[server]
pub async fn get_standing() -> Result<Option<Standing>, AppError> {
    use crate::server::{context, services::points::standing};
    let state = context::app_state()?;
    let Some(user) = context::current_user().await? else {
        return Ok(None);
    };
    standing::standing(&state.db, &user, chrono::Utc::now())
        .await
        .map(Some)
}

/// A leaderboard: course `course` (a slug; empty for everyone), `period` "week" or "all".
/// Signed-in learners; learners appear by name only if they chose to.
#[server]
pub async fn get_leaderboard(
    #[server(default)] course: String,
    #[server(default)] period: String,
) -> Result<LeaderboardView, AppError> {
    use crate::server::{context, services::points::standing};
    if course.len() > 200 {
        return Err(AppError::NotFound);
    }
    let weekly = match period.as_str() {
        "" | "week" => true,
        "all" => false,
        _ => return Err(AppError::field("period", "Choose this week or all time.")),
    };
    let (state, user) = context::require_signed_in().await?;
    let course = Some(course.trim()).filter(|c| !c.is_empty());
    standing::leaderboard(
        &state.db,
        &state.leaderboards,
        &user,
        course,
        weekly,
        chrono::Utc::now(),
    )
    .await
}

/// Shows the signed-in learner by name on leaderboards (`public` = "true") or as "A learner"
/// ("false").
#[server]
pub async fn set_leaderboard_public(public: String) -> Result<(), AppError> {
    use crate::server::{context, services::points::standing};
    let public = match public.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::field("public", "Choose shown or hidden.")),
    };
    let (state, user) = context::require_signed_in().await?;
    standing::set_public(&state.db, &user, public).await
}

/// Counts the signed-in learner's streak in `zone`, the IANA time zone their browser reports.
#[server]
pub async fn set_time_zone(zone: String) -> Result<(), AppError> {
    use crate::server::{context, services::points::standing};
    if zone.len() > 64 {
        return Err(AppError::field("zone", "That is not a time zone."));
    }
    let (state, user) = context::require_signed_in().await?;
    standing::set_time_zone(&state.db, &user, &zone).await
}
