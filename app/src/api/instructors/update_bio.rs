//! Save the signed-in instructor's bio.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::BioSettings;

/// Sets the caller's public bio: markdown of at most 5,000 characters, sanitized when shown.
/// Instructors and admins only; errors on field `bio`.
#[server]
pub async fn update_bio(bio: String) -> Result<BioSettings, AppError> {
    use crate::server::{context, services::instructors};
    let (state, user) = context::require_instructor().await?;
    instructors::update_bio(&state.db, &user, &bio).await
}
