//! The signed-in instructor's bio, for editing.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::BioSettings;

/// The caller's bio and public profile slug (given now if they had none). Instructors and
/// admins only.
#[server]
pub async fn get_my_bio() -> Result<BioSettings, AppError> {
    use crate::server::{context, services::instructors};
    let (state, user) = context::require_instructor().await?;
    instructors::bio_settings(&state.db, &user).await
}
