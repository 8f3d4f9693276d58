//! Credential routes, for verifiers and downloads (JSON, not pages):
//!
//! - `GET /.well-known/jwks.json`: the issuer's public keys (JWK Set).
//! - `GET /issuer/keys/{kid}`: one key as a JWK (what a credential's `kid` header points to).
//! - `GET /issuer`: the issuer's OB 3.0 `Profile`.
//! - `GET /credentials/revocations`: the 1EdTech revocation list.
//! - `GET /badges/{id}`: a badge as an OB 3.0 `Achievement`.
//! - `GET /credentials/{id}/credential.jwt` and `.../credential.json`: an award's credential,
//!   to download, for its learner, admins, and anyone while the learner keeps it public.

use app::error::AppError;
use app::server::context::user_from_request;
use app::server::credentials::{ISSUER_PATH, JWKS_PATH};
use app::server::entities::badge;
use app::server::services::badges::{credential, image_path};
use app::server::state::AppState;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use sea_orm::EntityTrait;
use serde_json::json;
use tower_sessions::Session;

/// The credential routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(JWKS_PATH, get(jwks))
        .route("/issuer/keys/{kid}", get(key))
        .route(ISSUER_PATH, get(issuer))
        .route("/credentials/revocations", get(revocations))
        .route("/badges/{id}", get(achievement))
        .route("/credentials/{id}/credential.jwt", get(download_jwt))
        .route("/credentials/{id}/credential.json", get(download_json))
}

/// JSON with a content type and a short public cache (keys and lists change rarely, but a
/// revocation must show within a minute).
fn json_response(content_type: &'static str, body: serde_json::Value) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=60"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body.to_string(),
    )
        .into_response()
}

async fn jwks(State(state): State<AppState>) -> Response {
    json_response("application/jwk-set+json", state.issuer.jwks())
}

async fn key(State(state): State<AppState>, Path(kid): Path<String>) -> Response {
    match state.issuer.key(&kid) {
        Some(k) => json_response("application/jwk+json", k.jwk()),
        None => AppError::NotFound.into_response(),
    }
}

async fn issuer(State(state): State<AppState>) -> Response {
    json_response("application/json", state.issuer.profile_document())
}

async fn revocations(State(state): State<AppState>) -> Response {
    match credential::revocation_list(&state.db, &state.issuer).await {
        Ok(list) => json_response("application/json", list),
        Err(e) => e.into_response(),
    }
}

async fn achievement(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let found = badge::Entity::find_by_id(id).one(&state.db).await;
    match found {
        Ok(Some(b)) => json_response(
            "application/json",
            json!({
                "@context": app::server::credentials::ob3_contexts(),
                "id": state.issuer.url(&format!("/badges/{}", b.id)),
                "type": ["Achievement"],
                "name": b.name,
                "description": b.description,
                "criteria": { "narrative": b.criteria },
                "image": { "id": state.issuer.url(&image_path(&b.image)), "type": "Image" },
                "creator": state.issuer.profile(),
            }),
        ),
        Ok(None) => AppError::NotFound.into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// The award `id` if the requester may download it (else `NotFound`, as the page answers).
async fn downloadable(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
    id: &str,
) -> Result<app::server::entities::badge_award::Model, AppError> {
    let viewer = user_from_request(state, headers, session).await?;
    let award = credential::award_by_public_id(&state.db, id).await?;
    if !credential::may_view(&state.db, viewer.as_ref(), &award).await? {
        return Err(AppError::NotFound);
    }
    Ok(award)
}

fn attachment(content_type: &'static str, name: String, body: String) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        body,
    )
        .into_response()
}

async fn download_jwt(
    State(state): State<AppState>,
    Path(id): Path<String>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let award = downloadable(&state, &headers, &session, &id).await?;
        credential::signed(&state.db, &state.issuer, &award).await
    }
    .await;
    match result {
        Ok(jwt) => attachment("application/jwt", format!("credential-{id}.jwt"), jwt),
        Err(e) => e.into_response(),
    }
}

async fn download_json(
    State(state): State<AppState>,
    Path(id): Path<String>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let award = downloadable(&state, &headers, &session, &id).await?;
        credential::credential_json(&state.issuer, &award)
    }
    .await;
    match result {
        Ok(body) => attachment(
            "application/json",
            format!("credential-{id}.json"),
            serde_json::to_string_pretty(&body).unwrap_or_default(),
        ),
        Err(e) => e.into_response(),
    }
}
