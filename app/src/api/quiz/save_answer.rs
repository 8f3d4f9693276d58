//! Saves one answer of an attempt in progress.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::SaveAck;
use crate::quiz::Response;

/// Saves one answer of an attempt in progress. Refused (`Conflict`) after the deadline, when the attempt is then submitted. The attempt's owner only.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_answer(
    attempt_id: i64,
    position: u32,
    response: Response,
) -> Result<SaveAck, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::save_answer(&state.db, &user, attempt_id, position, &response).await
}
