//! Applies a new order to every section and lesson of a course (drag and drop, move up/down).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CurriculumOrder, EditorSection};

/// Applies a new order to every section and lesson of a course (drag and drop, move up/down). Instructors and admins only.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn reorder_curriculum(
    course_id: i64,
    order: CurriculumOrder,
) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::reorder(&state.db, &user, course_id, &order).await
}
