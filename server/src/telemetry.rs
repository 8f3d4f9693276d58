//! Logging with tracing (readable text by default, JSON with `LOG_FORMAT=json`) and, when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` is set, the same spans exported as OpenTelemetry traces.

pub mod otel;
pub mod request;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

use crate::config::LogFormat;

/// What [`init`] started that needs stopping: the OTLP exporter, if any.
#[must_use = "call shutdown() on exit, or buffered spans are lost"]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Whether spans are exported over OTLP.
    pub fn exports_traces(&self) -> bool {
        self.provider.is_some()
    }

    /// Sends the spans still buffered and stops the exporter (a no-op without OTLP).
    pub async fn shutdown(self) {
        let Some(provider) = self.provider else {
            return;
        };
        // The SDK blocks until its export thread has finished: keep that off the runtime.
        let result = tokio::task::spawn_blocking(move || provider.shutdown()).await;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(error)) => eprintln!("warning: flushing traces failed: {error}"),
            Err(error) => eprintln!("warning: flushing traces failed: {error}"),
        }
    }
}

/// Installs the global subscriber, with an OTLP layer when `otel` is given. `RUST_LOG`
/// overrides the default filter, for logs and exported spans alike.
pub fn init(format: LogFormat, otel: Option<&otel::OtelConfig>) -> anyhow::Result<Telemetry> {
    let provider = otel.map(otel::tracer_provider).transpose()?;
    let otel_layer = provider
        .as_ref()
        .map(|p| tracing_opentelemetry::layer().with_tracer(p.tracer("lectern")));
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let registry = tracing_subscriber::registry().with(filter).with(otel_layer);
    let result = match format {
        LogFormat::Text => registry
            .with(
                fmt::layer()
                    .with_target(false)
                    .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout())),
            )
            .try_init(),
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false),
            )
            .try_init(),
    };
    // A second init (tests) keeps the first subscriber.
    let _ = result;
    if let Some(config) = otel {
        tracing::info!(endpoint = %config.traces_endpoint, service = %config.service_name, "exporting traces over OTLP");
    }
    Ok(Telemetry { provider })
}
