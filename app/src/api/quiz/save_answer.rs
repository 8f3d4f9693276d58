//! Saves one answer of an attempt in progress.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::SaveAck;
use crate::quiz::Response;

/// Saves one answer of an attempt in progress. Refused (`Conflict`) after the deadline, when the attempt is then submitted. The attempt's owner only.
///
/// `saved_ms_ago` is how long ago the browser saved the answer (kept while the network was
/// down); within the quiz's network grace period after the deadline, an answer saved before
/// it is still accepted. The server believes the figure for at most that period.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_answer(
    attempt_id: i64,
    position: u32,
    response: Response,
    #[server(default)] saved_ms_ago: Option<u32>,
) -> Result<SaveAck, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::save_answer(
        &state.db,
        &user,
        attempt_id,
        position,
        &response,
        saved_ms_ago,
    )
    .await
}
