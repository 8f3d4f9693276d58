//! The complete axum router: operational routes, Leptos pages and server functions, static
//! files, request metrics, and one span and log line per request.

use app::{server::state::AppState, shell, App};
use axum::Router;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::trace::TraceLayer;

/// The app's routes, generated once per process.
///
/// Generating them renders the app with resource loading suppressed through a flag that is
/// global to the process: a page whose resource is first polled while it is set waits for
/// ever. Generated once, before the first router exists, no page can be rendering then, however
/// many routers a process builds (the integration tests build one per test, in parallel).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the router for the wired state: sessions, cross-site checks and request logs around
/// the operational routes, the Leptos pages and server functions, and static files.
pub fn build(wiring: crate::state::Wiring) -> Router {
    let crate::state::Wiring {
        state,
        store,
        cookie_secure,
        request_timeout,
        metrics,
        page_cache,
    } = wiring;
    let http_metrics = metrics.http();
    let public_origin = state.settings.public_url.clone();
    let hashed_assets = state.leptos_options.hash_files;
    let routes = route_list();
    let context_state = state.clone();
    let provide_state = move || leptos::prelude::provide_context(context_state.clone());
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .merge(crate::routes::operational())
        .merge(metrics.routes())
        .merge(crate::media::routes())
        .merge(crate::credentials::routes())
        .merge(crate::certificates::routes())
        .merge(crate::live::routes())
        .merge(crate::webhooks::routes())
        .merge(crate::rest::routes(state.clone()))
        .leptos_routes_with_context(&state, routes, provide_state.clone(), move || {
            shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide_state, shell))
        .layer(crate::limits::api_body_limit())
        .layer(axum::middleware::from_fn(crate::api_errors::map_status))
        .layer(axum::middleware::from_fn(
            crate::limits::refuse_declared_oversize,
        ))
        .layer(axum::middleware::from_fn(move |request, next| {
            crate::origin::check(public_origin.clone(), request, next)
        }))
        .layer(crate::sessions::layer(store, cookie_secure))
        // Outside the session layer, so it sees the 500 that layer answers when saving fails.
        .layer(axum::middleware::from_fn(crate::sessions::outage_status))
        // Outside the session layer, so it sees the Set-Cookie that sessions add.
        .layer(axum::middleware::from_fn(move |request, next| {
            crate::caching::headers(hashed_assets, request, next)
        }))
        .layer(tower_http::compression::CompressionLayer::new())
        // Outside compression, so it keeps (and serves) each page compressed.
        .layer(axum::middleware::from_fn(move |request, next| {
            crate::page_cache::layer(page_cache.clone(), request, next)
        }))
        // Inside the metrics layer, so that requests it ends are counted with their 503.
        .layer(axum::middleware::from_fn(move |request, next| {
            crate::timeout::limit(request_timeout, request, next)
        }))
        // Every layer added with `layer` runs after routing, so these see the route template.
        .layer(axum::middleware::from_fn(move |request, next| {
            crate::metrics::http::track(http_metrics.clone(), request, next)
        }))
        // One span (exported over OTLP when configured) and one INFO line per request.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(crate::telemetry::request::span)
                .on_request(())
                .on_response(crate::telemetry::request::on_response),
        )
        .with_state(state)
}
