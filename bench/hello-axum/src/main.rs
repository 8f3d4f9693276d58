//! A plain axum "hello world": the baseline the server benchmark divides by. Same axum, tokio
//! and release profile as Lectern's server, no middleware, no database.
//!
//!   hello-axum 127.0.0.1:3299

use axum::{routing::get, Router};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3299".to_owned());
    let app = Router::new().route("/", get(|| async { "Hello, World!" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}
