//! Server-only code: application state, entities, services and rendering helpers.
//! Compiled only with the `ssr` feature, so none of it reaches the browser bundle.

pub mod context;
pub mod credentials;
pub mod entities;
pub mod live;
pub mod mail;
pub mod payments;
pub mod proxy;
pub mod rate_limit;
pub mod services;
pub mod session;
pub mod state;
pub mod storage;
#[cfg(test)]
pub(crate) mod test_db;
