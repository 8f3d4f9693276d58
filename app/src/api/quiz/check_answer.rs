//! Saves, locks and grades one answer when the quiz shows feedback immediately.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuestionFeedback;
use crate::quiz::Response;

/// Saves, locks and grades one answer when the quiz shows feedback immediately. The attempt's owner only.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn check_answer(
    attempt_id: i64,
    position: u32,
    response: Response,
) -> Result<QuestionFeedback, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::check(&state.db, &user, attempt_id, position, &response).await
}
