//! A learner's own achievements.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::Achievements;

/// The signed-in learner's badges, newest first, and whether their credential pages are
/// public.
#[server]
pub async fn get_achievements() -> Result<Achievements, AppError> {
    use crate::server::{context, services::badges::mine};
    let (state, user) = context::require_signed_in().await?;
    mine::achievements(&state.db, &user).await
}

/// Makes the signed-in learner's credential pages public (`public` = "true") or visible only to
/// them ("false").
#[server]
pub async fn set_credentials_public(public: String) -> Result<(), AppError> {
    use crate::server::{context, services::badges::mine};
    let public = match public.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::field("public", "Choose public or private.")),
    };
    let (state, user) = context::require_signed_in().await?;
    mine::set_public(&state.db, &user, public).await
}
