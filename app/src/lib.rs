//! Lectern's Leptos application: pages, components, server functions and (under `ssr`) the
//! services and entities behind them. Compiled natively for the server and to WASM for hydration.

// Leptos view types nest deeply; the default limit is too low for the page types.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod format;
pub mod hydration;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod models;
pub mod next_path;
pub mod on_demand;
pub mod pages;
pub mod quiz;
#[cfg(feature = "ssr")]
pub mod server;

mod shell;

pub use shell::{shell, App};
