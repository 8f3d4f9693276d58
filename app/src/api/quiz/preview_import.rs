//! Reads and checks questions to import, as `import_questions` would, and stores nothing.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::ImportPreview;

/// What importing these arguments with `import_questions` would add to a course's bank (each question with its answers, credits, feedback, tags and notes to check) and every problem by line; stores nothing. Instructors of the course and admins.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn preview_import(
    course_id: i64,
    format: String,
    text: String,
    tags: Vec<String>,
) -> Result<ImportPreview, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::import::preview(&state.db, &user, course_id, &format, &text, &tags).await
}
