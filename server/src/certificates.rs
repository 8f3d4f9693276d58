//! `GET /certificates/{id}/certificate.pdf`: a certificate's PDF, for its learner, admins, and
//! anyone while the learner keeps their credential pages public (the same rule as its page).
//! Served from storage; made there first if the background job has not run yet.

use app::error::AppError;
use app::server::context::user_from_request;
use app::server::services::certificates;
use app::server::state::AppState;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use tower_sessions::Session;

/// The certificate routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/certificates/{id}/certificate.pdf", get(pdf))
}

async fn pdf(
    State(state): State<AppState>,
    Path(id): Path<String>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let viewer = user_from_request(&state, &headers, &session).await?;
        let cert = certificates::by_public_id(&state.db, &id).await?;
        if !certificates::may_view(&state.db, viewer.as_ref(), &cert).await? {
            return Err(AppError::NotFound);
        }
        let bytes =
            certificates::pdf_bytes(&state.db, &state.storage, &state.issuer, &cert).await?;
        Ok((cert.course_slug, bytes))
    }
    .await;
    match result {
        Ok((slug, bytes)) => {
            // Slugs are [a-z0-9-]; anything else is dropped rather than quoted.
            let name: String = slug
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .take(80)
                .collect();
            let disposition =
                HeaderValue::from_str(&format!("inline; filename=\"certificate-{name}.pdf\""))
                    .unwrap_or(HeaderValue::from_static("inline"));
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/pdf"),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                    (
                        header::CACHE_CONTROL,
                        HeaderValue::from_static("private, max-age=300"),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => e.into_response(),
    }
}
