//! `GET /events/progress`: the signed-in learner's live progress updates as server-sent events.
//!
//! Each change to their progress (recorded events, enrolling, unenrolling), made through any
//! server instance, arrives as an event `progress` whose data is the course's
//! `CourseProgress` JSON. An event `resync` (no data) means updates were dropped because the
//! stream fell behind: reload progress. A comment every 15 seconds keeps proxies from closing
//! an idle stream. Streams end when the server shuts down, so they never hold it open.

use std::{convert::Infallible, time::Duration};

use app::error::AppError;
use app::server::{context::user_from_request, live::LiveEvent, state::AppState};
use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
    routing::get,
    Router,
};
use futures_util::StreamExt as _;
use tower_sessions::Session;

/// The live-update stream's route.
pub const ROUTE: &str = "/events/progress";

/// How often an idle stream gets a keep-alive comment.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The live-update routes.
pub fn routes() -> Router<AppState> {
    Router::new().route(ROUTE, get(progress_events))
}

fn to_sse(event: LiveEvent) -> Event {
    match event {
        LiveEvent::Progress(progress) => Event::default()
            .event("progress")
            .json_data(&progress)
            .unwrap_or_else(|error| {
                tracing::error!(%error, "cannot encode progress for a live stream");
                Event::default().event("resync").data("")
            }),
        LiveEvent::Resync => Event::default().event("resync").data(""),
    }
}

async fn progress_events(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let user = match user_from_request(&state, &headers, &session).await {
        Ok(Some(user)) => user,
        Ok(None) => return AppError::Unauthorized.into_response(),
        Err(error) => return error.into_response(),
    };
    // Subscribed before the response starts: an update made once the headers are out is seen.
    let events = state
        .progress
        .subscribe(user.id)
        .map(|event| Ok::<_, Infallible>(to_sse(event)));
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // nginx (and CDNs that honour it) must pass events through as they come.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}
