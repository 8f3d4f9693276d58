//! Saves a course's fields if `revision` is current (autosave); `Conflict` if not.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CourseDraft, Saved};

/// Saves a course's fields if `revision` is current (autosave); `Conflict` if not. Instructors and admins only.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_course(
    course_id: i64,
    revision: i32,
    draft: CourseDraft,
) -> Result<Saved, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::courses::update(&state.db, &user, course_id, revision, &draft).await
}
