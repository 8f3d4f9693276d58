//! `Idempotency-Key` on the REST API's creating POSTs (the IETF httpapi draft's semantics):
//! the first successful answer to a key is kept for a day, and a retry with the same key and
//! the same request gets that answer again (marked `Idempotent-Replayed: true`, with the same
//! `Location` and `ETag`) instead of creating a second thing. The same key with a different
//! request is a 422; a retry while the first is still running is a 409. A request that failed
//! keeps nothing, so it may be retried with the same key.

use app::server::entities::idempotency_key;
use app::server::state::AppState;
use axum::{
    http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, SqlErr};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::problem::Problem;

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// The longest key accepted.
pub const MAX_KEY_CHARS: usize = 255;
/// How long a kept answer is replayed.
pub const KEEP: chrono::Duration = chrono::Duration::hours(24);

/// The key `headers` carry: `None` without one; a 400 problem for one that is empty, too long
/// or not printable ASCII. A structured-field string (`"…"`) and a bare token are both read.
pub fn key(headers: &HeaderMap) -> Result<Option<String>, Problem> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let raw = value.to_str().unwrap_or_default().trim();
    let raw = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    if raw.is_empty()
        || raw.chars().count() > MAX_KEY_CHARS
        || !raw.chars().all(|c| c.is_ascii_graphic() || c == ' ')
    {
        return Err(Problem::bad_request(format!(
            "Idempotency-Key must be 1 to {MAX_KEY_CHARS} printable ASCII characters, e.g. a \
             UUID."
        )));
    }
    Ok(Some(raw.to_owned()))
}

/// Lowercase hex SHA-256 of what identifies a request: its method and path and its body.
pub fn fingerprint(method_and_path: &str, body: &impl Serialize) -> String {
    let mut hash = Sha256::new();
    hash.update(method_and_path.as_bytes());
    hash.update([0]);
    hash.update(serde_json::to_vec(body).unwrap_or_default());
    hex::encode(hash.finalize())
}

/// Runs `work` once per `Idempotency-Key` of `headers`: without a key it simply runs. With
/// one, a kept answer is replayed, and a fresh answer is kept when it succeeded. `request`
/// (method and path) and `body` identify the request the key was sent with. `work` answers a
/// status, headers to add and a JSON body.
pub async fn once<B, T, F>(
    state: &AppState,
    user_id: i64,
    headers: &HeaderMap,
    request: &str,
    body: &B,
    work: F,
) -> Result<Response, Problem>
where
    B: Serialize,
    T: Serialize,
    F: std::future::Future<Output = Result<Reply<T>, Problem>>,
{
    let Some(key) = key(headers)? else {
        return work.await.map(IntoResponse::into_response);
    };
    let fingerprint = fingerprint(request, body);
    let now = chrono::Utc::now();
    // This user's expired keys go first, so a key may be used again after a day.
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::UserId.eq(user_id))
        .filter(idempotency_key::Column::CreatedAt.lt(now - KEEP))
        .exec(&state.db)
        .await
        .map_err(app::error::AppError::from)?;
    let claimed = idempotency_key::ActiveModel {
        user_id: Set(user_id),
        key: Set(key.clone()),
        fingerprint: Set(fingerprint.clone()),
        status: Set(0),
        headers: Set(String::new()),
        body: Set(String::new()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&state.db)
    .await;
    let row = match claimed {
        Ok(row) => row,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return replay(state, user_id, &key, &fingerprint).await;
        }
        Err(e) => return Err(app::error::AppError::from(e).into()),
    };
    let outcome = work.await;
    let kept = match &outcome {
        Ok(created) => serde_json::to_string(&created.body).ok().map(|body| {
            let headers: String = created
                .headers
                .iter()
                .filter_map(|(name, value)| Some(format!("{name}: {}\n", value.to_str().ok()?)))
                .collect();
            (created.status.as_u16(), headers, body)
        }),
        Err(_) => None,
    };
    match kept {
        Some((status, headers, body)) => {
            let mut active: idempotency_key::ActiveModel = row.into();
            active.status = Set(i32::from(status));
            active.headers = Set(headers);
            active.body = Set(body);
            active
                .update(&state.db)
                .await
                .map_err(app::error::AppError::from)?;
        }
        None => {
            idempotency_key::Entity::delete_by_id(row.id)
                .exec(&state.db)
                .await
                .map_err(app::error::AppError::from)?;
        }
    }
    outcome.map(IntoResponse::into_response)
}

/// Deletes every kept answer older than [`KEEP`]; returns how many. The sweeper calls it, so
/// keys of users who never come back do not pile up.
pub async fn sweep_expired(
    db: &sea_orm::DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, sea_orm::DbErr> {
    Ok(idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::CreatedAt.lt(now - KEEP))
        .exec(db)
        .await?
        .rows_affected)
}

/// The answer to a key already claimed: the kept answer, or why there is none.
async fn replay(
    state: &AppState,
    user_id: i64,
    key: &str,
    fingerprint: &str,
) -> Result<Response, Problem> {
    let kept = idempotency_key::Entity::find()
        .filter(idempotency_key::Column::UserId.eq(user_id))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(&state.db)
        .await
        .map_err(app::error::AppError::from)?;
    let Some(kept) = kept else {
        // Expired and swept between our insert and this read: the client may simply retry.
        return Err(in_progress());
    };
    if kept.fingerprint != fingerprint {
        return Err(Problem::new(
            "idempotency-key-reused",
            422,
            "Idempotency key reused",
            "This Idempotency-Key was sent before with a different request. Use a new key for \
             a new request.",
        ));
    }
    let status = u16::try_from(kept.status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_success());
    let Some(status) = status else {
        return Err(in_progress());
    };
    let mut response = (status, kept.body).into_response();
    let headers = response.headers_mut();
    for line in kept.headers.lines() {
        let parsed = line.split_once(": ").and_then(|(name, value)| {
            Some((
                HeaderName::from_bytes(name.as_bytes()).ok()?,
                HeaderValue::from_str(value).ok()?,
            ))
        });
        if let Some((name, value)) = parsed {
            headers.insert(name, value);
        }
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        HeaderName::from_static("idempotent-replayed"),
        HeaderValue::from_static("true"),
    );
    Ok(response)
}

/// 409: the first request with this key has not finished.
fn in_progress() -> Problem {
    let mut problem = Problem::new(
        "idempotency-key-in-use",
        409,
        "Request in progress",
        "A request with this Idempotency-Key is still being processed. Retry in a moment.",
    );
    problem.retry_after = Some(1);
    problem
}

/// A successful answer: its status (201 for something created), headers to add (`ETag`,
/// `Location`) and JSON body.
pub struct Reply<T> {
    pub status: StatusCode,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: T,
}

impl<T: Serialize> IntoResponse for Reply<T> {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        for (name, value) in self.headers {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HEADER, HeaderValue::from_str(value).expect("value"));
        headers
    }

    #[test]
    fn keys_are_read_bare_or_quoted_and_bounded() {
        assert_eq!(key(&HeaderMap::new()).expect("none"), None);
        assert_eq!(key(&with("abc-1")).expect("bare").as_deref(), Some("abc-1"));
        assert_eq!(
            key(&with("\"abc-1\"")).expect("quoted").as_deref(),
            Some("abc-1")
        );
        assert_eq!(key(&with("\"\"")).map_err(|p| p.status), Err(400));
        assert_eq!(key(&with(&"k".repeat(256))).map_err(|p| p.status), Err(400));
        assert!(key(&with(&"k".repeat(255))).is_ok());
    }

    #[test]
    fn the_fingerprint_tells_requests_apart() {
        let a = fingerprint("POST /x", &serde_json::json!({"title": "A"}));
        assert_eq!(
            a,
            fingerprint("POST /x", &serde_json::json!({"title": "A"}))
        );
        assert_ne!(
            a,
            fingerprint("POST /x", &serde_json::json!({"title": "B"}))
        );
        assert_ne!(
            a,
            fingerprint("POST /y", &serde_json::json!({"title": "A"}))
        );
    }
}
