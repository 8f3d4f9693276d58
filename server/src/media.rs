//! Media routes: the local backend's streaming upload, and serving files to those allowed.
//!
//! - `PUT /media/upload/{id}`: the bytes of an announced upload (local storage only; with S3
//!   the browser sends them to a presigned URL instead). Only the uploader may send them, and
//!   the stream is cut off as soon as it passes the kind's size limit.
//! - `GET /media/{id}/{name}`: a file, if the viewer may read it (see
//!   `app::server::services::media::authorize_read`). Local files are served here with range
//!   support (video seeking); S3 files by a redirect to a short-lived presigned URL.

use app::error::AppError;
use app::server::{context::user_from_request, services::media, state::AppState};
use axum::{
    body::Body,
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, put},
    Router,
};
use futures_util::TryStreamExt as _;
use tower::ServiceExt;
use tower_sessions::Session;

/// The streaming upload route (local media).
pub const UPLOAD_ROUTE: &str = "/media/upload/{id}";
/// The authorizing media route.
pub const SERVE_ROUTE: &str = "/media/{id}/{name}";

/// The media routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(UPLOAD_ROUTE, put(upload))
        .route(SERVE_ROUTE, get(serve))
}

async fn upload(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    session: Session,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let user = user_from_request(&state, &headers, &session)
            .await?
            .ok_or(AppError::Unauthorized)?;
        let (row, kind) = media::pending_upload(&state.db, &user, id).await?;
        let stream = body
            .into_data_stream()
            .map_err(|e| std::io::Error::other(e.to_string()));
        state
            .storage
            .put_stream(
                &row.storage_key,
                "application/octet-stream",
                stream,
                kind.max_bytes(),
            )
            .await?;
        Ok::<_, AppError>(())
    }
    .await;
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        // The error itself as the body, as server functions answer: the upload widget shows
        // its message (the file is too large, the disk is full, …).
        // The body may be left partly unread, so the connection cannot carry another request:
        // say so, or a client may reuse it and lose its next request (a race the full-disk
        // test met one run in six).
        Err(error) => {
            let mut response = crate::api_errors::error_response(error);
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

async fn serve(
    State(state): State<AppState>,
    Path((id, _name)): Path<(i64, String)>,
    session: Session,
    request: Request,
) -> Response {
    let viewer = match user_from_request(&state, request.headers(), &session).await {
        Ok(viewer) => viewer,
        Err(error) => return error.into_response(),
    };
    let (row, access) = match media::authorize_read(&state.db, viewer.as_ref(), id).await {
        Ok(found) => found,
        Err(error) => return error.into_response(),
    };
    let cache = match access {
        media::Access::Public => "public, max-age=86400",
        media::Access::Private => "private, no-store",
    };
    let attachment = row.kind == "attachment";
    let download_name = attachment.then_some(row.filename.as_str());
    match state.storage.local_path(&row.storage_key) {
        Some(path) => {
            let served = tower_http::services::ServeFile::new(path)
                .oneshot(request)
                .await;
            let mut response = match served {
                Ok(response) => response.map(Body::new),
                Err(error) => {
                    tracing::error!(%error, media_id = row.id, "serving a media file failed");
                    return AppError::Internal.into_response();
                }
            };
            if response.status() == StatusCode::NOT_FOUND {
                tracing::error!(media_id = row.id, "media file missing from local storage");
            }
            let headers = response.headers_mut();
            if let Ok(value) = HeaderValue::from_str(&row.content_type) {
                headers.insert(header::CONTENT_TYPE, value);
            }
            let disposition = match download_name {
                Some(name) => app::server::storage::content_disposition(name),
                None => "inline".to_owned(),
            };
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            response
        }
        None => match state
            .storage
            .presign_get(
                &row.storage_key,
                media::DOWNLOAD_URL_TTL,
                download_name,
                Some(&row.content_type),
            )
            .await
        {
            Ok(Some(url)) => match HeaderValue::from_str(&url) {
                Ok(location) => (
                    StatusCode::FOUND,
                    [
                        (header::LOCATION, location),
                        (
                            header::CACHE_CONTROL,
                            HeaderValue::from_static("private, no-store"),
                        ),
                    ],
                )
                    .into_response(),
                Err(_) => AppError::Internal.into_response(),
            },
            Ok(None) => AppError::Internal.into_response(),
            Err(error) => AppError::from(error).into_response(),
        },
    }
}
