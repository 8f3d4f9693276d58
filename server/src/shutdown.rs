//! Graceful shutdown: stop accepting on SIGTERM or Ctrl-C, let in-flight requests finish,
//! but no longer than the configured timeout.

use std::{future::Future, sync::Arc, time::Duration};

use tokio::sync::Notify;

/// Resolves when the process is asked to stop (SIGTERM or Ctrl-C).
pub async fn signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}

/// Serves the wired application until `stop` resolves, then ends live streams (they would
/// otherwise never finish) and drains other requests for at most `timeout`.
pub async fn serve_app(
    listener: tokio::net::TcpListener,
    wiring: crate::state::Wiring,
    stop: impl Future<Output = ()> + Send + 'static,
    timeout: Duration,
) -> std::io::Result<()> {
    let live = wiring.state.progress.clone();
    let sweeper = crate::sweeper::spawn(wiring.state.db.clone(), wiring.state.storage.clone());
    let worker = crate::worker::spawn(&wiring.state);
    let router = crate::router::build(wiring);
    let served = serve(
        listener,
        router,
        async move {
            stop.await;
            live.close();
        },
        timeout,
    )
    .await;
    sweeper.abort();
    worker.abort();
    served
}

/// Serves `router` on `listener` until `stop` resolves, then drains for at most `timeout`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    stop: impl Future<Output = ()> + Send + 'static,
    timeout: Duration,
) -> std::io::Result<()> {
    let stopping = Arc::new(Notify::new());
    let notify = stopping.clone();
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, service).with_graceful_shutdown(async move {
        stop.await;
        notify.notify_one();
    });
    tokio::select! {
        result = server => result,
        () = async {
            stopping.notified().await;
            tokio::time::sleep(timeout).await;
        } => {
            tracing::warn!(?timeout, "in-flight requests did not finish in time; exiting");
            Ok(())
        }
    }
}
