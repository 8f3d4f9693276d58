//! Media in an S3 bucket (AWS, or an S3-compatible server through `endpoint`).

use std::time::Duration;

use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
};
use aws_sdk_s3::error::{DisplayErrorContext, SdkError};
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use aws_smithy_http_client::tls::{rustls_provider::CryptoMode, Provider};
use bytes::Bytes;

use super::{ObjectInfo, PresignedRequest, S3Config, StorageError};

#[path = "s3_stream.rs"]
mod stream;

#[cfg(test)]
pub(super) use stream::PART_SIZE;

/// The S3 backend.
pub(super) struct S3 {
    pub(super) client: Client,
    pub(super) bucket: String,
}

impl S3 {
    /// Builds the client; no request is made until the first operation.
    pub(super) async fn connect(config: S3Config) -> Result<Self, StorageError> {
        // One TLS stack for the whole server: rustls with ring, as reqwest and sqlx use.
        let http_client = aws_smithy_http_client::Builder::new()
            .tls_provider(Provider::Rustls(CryptoMode::Ring))
            .build_https();
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(config.region.clone()))
            .http_client(http_client);
        match (config.access_key_id, config.secret_access_key) {
            (Some(id), Some(secret)) => {
                loader = loader
                    .credentials_provider(Credentials::new(id, secret, None, None, "lectern"));
            }
            // The standard chain: AWS_* variables, profile files, ECS task role, EC2 role.
            (None, None) => {}
            _ => {
                return Err(StorageError::Backend(
                    "S3: set both the access key id and the secret access key, or neither".into(),
                ))
            }
        }
        let shared = loader.load().await;
        let mut builder = aws_sdk_s3::config::Builder::from(&shared)
            .force_path_style(config.force_path_style)
            // Checksums only where S3 requires them: S3-compatible servers often reject the
            // newer ones, and a presigned PUT must not carry a checksum of an empty body.
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenRequired);
        if let Some(endpoint) = config.endpoint {
            builder = builder.endpoint_url(endpoint);
        }
        Ok(Self {
            client: Client::from_conf(builder.build()),
            bucket: config.bucket,
        })
    }

    /// Creates the bucket unless it already exists (owned by these credentials).
    pub(super) async fn ensure_bucket(&self) -> Result<(), StorageError> {
        let exists = self
            .client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .is_ok();
        if exists {
            return Ok(());
        }
        self.client
            .create_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| {
                StorageError::Backend(format!("creating bucket: {}", DisplayErrorContext(&e)))
            })
    }

    pub(super) async fn put_bytes(
        &self,
        key: &str,
        content_type: &str,
        bytes: Bytes,
    ) -> Result<(), StorageError> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(ByteStream::from(bytes))
            .send()
            .await
            .map_err(|e| sdk_error("PutObject", key, e))?;
        Ok(())
    }

    pub(super) async fn head(&self, key: &str) -> Result<Option<ObjectInfo>, StorageError> {
        match self
            .client
            .head_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
        {
            Ok(out) => Ok(Some(ObjectInfo {
                size: out
                    .content_length()
                    .and_then(|n| u64::try_from(n).ok())
                    .unwrap_or(0),
                content_type: out.content_type().map(str::to_owned),
            })),
            Err(e) if status(&e) == Some(404) => Ok(None),
            Err(e) => Err(sdk_error("HeadObject", key, e)),
        }
    }

    pub(super) async fn read_prefix(&self, key: &str, n: usize) -> Result<Vec<u8>, StorageError> {
        if n == 0 {
            return match self.head(key).await? {
                Some(_) => Ok(Vec::new()),
                None => Err(StorageError::NotFound),
            };
        }
        let result = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .range(format!("bytes=0-{}", n - 1))
            .send()
            .await;
        match result {
            Ok(out) => {
                let mut bytes = collect(key, out.body).await?;
                bytes.truncate(n);
                Ok(bytes)
            }
            Err(e) if status(&e) == Some(404) => Err(StorageError::NotFound),
            // An empty object has no byte 0: S3 answers 416 Range Not Satisfiable.
            Err(e) if status(&e) == Some(416) => Ok(Vec::new()),
            Err(e) => Err(sdk_error("GetObject (range)", key, e)),
        }
    }

    pub(super) async fn get_bytes(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        match self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
        {
            Ok(out) => collect(key, out.body).await,
            Err(e) if status(&e) == Some(404) => Err(StorageError::NotFound),
            Err(e) => Err(sdk_error("GetObject", key, e)),
        }
    }

    pub(super) async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self
            .client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if status(&e) == Some(404) => Ok(()),
            Err(e) => Err(sdk_error("DeleteObject", key, e)),
        }
    }

    pub(super) async fn copy_then_delete(&self, from: &str, to: &str) -> Result<(), StorageError> {
        // Keys are checked by `validate_key`; the copy source is `bucket/key`, URL-encoded.
        let source = format!("{}/{}", self.bucket, urlencoding_path(from));
        match self
            .client
            .copy_object()
            .bucket(&self.bucket)
            .key(to)
            .copy_source(source)
            .send()
            .await
        {
            Ok(_) => {}
            Err(e) if status(&e) == Some(404) => return Err(StorageError::NotFound),
            Err(e) => return Err(sdk_error("CopyObject", from, e)),
        }
        self.delete(from).await
    }

    pub(super) async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        content_length: u64,
        ttl: Duration,
    ) -> Result<PresignedRequest, StorageError> {
        let presigned = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .content_length(s3_length(content_length)?)
            .presigned(presigning(ttl)?)
            .await
            .map_err(|e| sdk_error("presigning PutObject", key, e))?;
        Ok(request_of(&presigned, ttl))
    }

    pub(super) async fn presign_get(
        &self,
        key: &str,
        ttl: Duration,
        download_name: Option<&str>,
        content_type: Option<&str>,
    ) -> Result<String, StorageError> {
        let presigned = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .set_response_content_disposition(download_name.map(super::content_disposition))
            .set_response_content_type(content_type.map(str::to_owned))
            .presigned(presigning(ttl)?)
            .await
            .map_err(|e| sdk_error("presigning GetObject", key, e))?;
        Ok(presigned.uri().to_owned())
    }
}
pub(super) fn presigning(ttl: Duration) -> Result<PresigningConfig, StorageError> {
    PresigningConfig::expires_in(ttl)
        .map_err(|e| StorageError::Backend(format!("presigning for {ttl:?}: {e}")))
}

async fn collect(key: &str, body: ByteStream) -> Result<Vec<u8>, StorageError> {
    body.collect()
        .await
        .map(|data| data.into_bytes().to_vec())
        .map_err(|e| StorageError::Backend(format!("S3 reading {key}: {e}")))
}

/// The HTTP status S3 answered with, if the request got that far.
pub(super) fn status<E>(err: &SdkError<E>) -> Option<u16> {
    err.raw_response()
        .map(|response| response.status().as_u16())
}

pub(super) fn sdk_error<E>(operation: &str, key: &str, err: SdkError<E>) -> StorageError
where
    E: std::error::Error + Send + Sync + 'static,
{
    // DisplayErrorContext prints the whole cause chain (S3 error code, message, request id);
    // it never contains credentials.
    StorageError::Backend(format!(
        "S3 {operation} {key}: {}",
        DisplayErrorContext(&err)
    ))
}

/// `key` with every byte outside `A-Z a-z 0-9 - . _ ~ /` percent-encoded, as `CopySource` wants.
fn urlencoding_path(key: &str) -> String {
    key.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A byte count as S3 takes it.
pub(super) fn s3_length(bytes: u64) -> Result<i64, StorageError> {
    i64::try_from(bytes).map_err(|_| StorageError::Backend("content length out of range".into()))
}

/// What the browser needs to send a presigned request, valid for `ttl`.
pub(super) fn request_of(
    presigned: &aws_sdk_s3::presigning::PresignedRequest,
    ttl: Duration,
) -> PresignedRequest {
    PresignedRequest {
        url: presigned.uri().to_owned(),
        method: presigned.method().to_owned(),
        headers: presigned
            .headers()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect(),
        expires_in_secs: ttl.as_secs(),
    }
}
