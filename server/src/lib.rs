//! Lectern's server: configuration, wiring of the axum router around the Leptos app,
//! operational routes, database setup and demo content. `main.rs` is only the command line.

pub mod config;
pub mod db;
pub mod router;
pub mod routes;
pub mod seed;
pub mod shutdown;
pub mod telemetry;
