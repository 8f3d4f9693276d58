//! OpenTelemetry trace export over OTLP/HTTP (protobuf), configured by the standard `OTEL_*`
//! environment variables. Nothing here runs unless an OTLP endpoint is set.

use anyhow::{bail, Context};
use opentelemetry::KeyValue;
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::{trace::SdkTracerProvider, Resource};

/// Where and as whom to send traces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtelConfig {
    /// The full URL spans are POSTed to, e.g. `http://localhost:4318/v1/traces`.
    pub traces_endpoint: String,
    /// `service.name` on every span (`OTEL_SERVICE_NAME`, default `lectern`).
    pub service_name: String,
}

impl OtelConfig {
    /// Reads the `OTEL_*` variables through `lookup` (trimmed, non-empty values). `None` unless
    /// `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set (or when
    /// `OTEL_SDK_DISABLED=true`).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Option<Self>> {
        if lookup("OTEL_SDK_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return Ok(None);
        }
        let traces_endpoint = match (
            lookup("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            lookup("OTEL_EXPORTER_OTLP_ENDPOINT"),
        ) {
            // The signal-specific variable is used as given; the base gets the signal path.
            (Some(url), _) => url,
            (None, Some(base)) => format!("{}/v1/traces", base.trim_end_matches('/')),
            (None, None) => return Ok(None),
        };
        let protocol = lookup("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
            .or_else(|| lookup("OTEL_EXPORTER_OTLP_PROTOCOL"))
            .unwrap_or_else(|| "http/protobuf".to_owned());
        if protocol != "http/protobuf" {
            bail!("OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf (the only one built in), not {protocol:?}");
        }
        if !traces_endpoint.starts_with("http://") {
            bail!(
                "the OTLP endpoint must be an http:// URL (a collector on the host or a sidecar; \
                 TLS is not built in), not {traces_endpoint:?}"
            );
        }
        Ok(Some(Self {
            traces_endpoint,
            service_name: lookup("OTEL_SERVICE_NAME").unwrap_or_else(|| "lectern".to_owned()),
        }))
    }
}

/// A tracer provider batching spans to the configured endpoint on its own thread.
pub fn tracer_provider(config: &OtelConfig) -> anyhow::Result<SdkTracerProvider> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(config.traces_endpoint.clone())
        .build()
        .context("building the OTLP span exporter")?;
    // The builder also reads OTEL_RESOURCE_ATTRIBUTES.
    let resource = Resource::builder()
        .with_service_name(config.service_name.clone())
        .with_attribute(KeyValue::new("service.version", env!("CARGO_PKG_VERSION")))
        .build();
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build())
}

#[cfg(test)]
mod tests {
    use super::OtelConfig;

    fn read(vars: &[(&str, &str)]) -> anyhow::Result<Option<OtelConfig>> {
        OtelConfig::from_lookup(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn nothing_without_an_endpoint() {
        assert_eq!(read(&[]).expect("ok"), None);
        assert_eq!(
            read(&[("OTEL_SERVICE_NAME", "x")]).expect("ok"),
            None,
            "a service name alone does not switch export on"
        );
        assert_eq!(
            read(&[
                ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"),
                ("OTEL_SDK_DISABLED", "true")
            ])
            .expect("ok"),
            None
        );
    }

    #[test]
    fn endpoint_defaults_and_overrides() {
        let config = read(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318/")])
            .expect("ok")
            .expect("on");
        assert_eq!(config.traces_endpoint, "http://localhost:4318/v1/traces");
        assert_eq!(config.service_name, "lectern");
        let config = read(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:9/t"),
            ("OTEL_SERVICE_NAME", "lectern-staging"),
        ])
        .expect("ok")
        .expect("on");
        assert_eq!(config.traces_endpoint, "http://c:9/t");
        assert_eq!(config.service_name, "lectern-staging");
    }

    #[test]
    fn unsupported_protocols_and_tls_fail_loudly() {
        let grpc = read(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
        ]);
        assert!(grpc.is_err());
        assert!(read(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "https://otlp.example.org")]).is_err());
    }
}
