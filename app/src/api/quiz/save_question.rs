//! Creates or updates a bank question; returns its id. Field errors name the part at fault.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuestionInput;

/// Creates or updates a bank question; returns its id. Field errors name the part at fault. Instructors of the course and admins.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_question(input: QuestionInput) -> Result<i64, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::bank::save(&state.db, &user, &input).await
}
