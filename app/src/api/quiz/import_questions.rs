//! Imports questions from GIFT or CSV text into a course's bank, all or nothing.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::ImportReport;

/// Imports questions from GIFT or CSV text into a course's bank, all or nothing. `format` is `gift` or `csv`; `tags` are added to every question. Instructors of the course and admins.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn import_questions(
    course_id: i64,
    format: String,
    text: String,
    tags: Vec<String>,
) -> Result<ImportReport, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::import::import(&state.db, &user, course_id, &format, &text, &tags).await
}
