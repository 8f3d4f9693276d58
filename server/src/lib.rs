//! Lectern's server: configuration, wiring of the axum router around the Leptos app,
//! operational routes, database setup and demo content. `main.rs` is only the command line.

// The router embeds the app's page types, which nest deeper than the default limit allows.
#![recursion_limit = "256"]

pub mod api_errors;
pub mod backup;
pub mod caching;
pub mod certificates;
pub mod config;
pub mod credentials;
pub mod db;
pub mod limits;
pub mod live;
pub mod media;
pub mod metrics;
pub mod origin;
pub mod page_cache;
pub mod rest;
pub mod router;
pub mod routes;
pub mod seed;
pub mod seed_badges;
pub mod seed_reviews;
pub mod sessions;
pub mod shutdown;
pub mod state;
pub mod sweeper;
pub mod telemetry;
pub mod timeout;
pub mod webhooks;
pub mod worker;
