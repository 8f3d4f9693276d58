//! Media in an S3 bucket (AWS, or an S3-compatible server through `endpoint`).
//!
//! Uploads that arrive as a stream are buffered in parts of [`PART_SIZE`]: a small file is one
//! `PutObject`, a larger one a multipart upload that is aborted as soon as it passes its limit
//! or fails, so no object appears unless the whole file arrived.

use std::time::Duration;

use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
};
use aws_sdk_s3::error::{DisplayErrorContext, SdkError};
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use aws_sdk_s3::Client;
use aws_smithy_http_client::tls::{rustls_provider::CryptoMode, Provider};
use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};

use super::{ObjectInfo, PresignedRequest, S3Config, StorageError};

/// Size of each part of a streamed upload (S3's minimum for all but the last part is 5 MiB).
pub(super) const PART_SIZE: usize = 8 * 1024 * 1024;

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

    pub(super) async fn put_stream<S>(
        &self,
        key: &str,
        content_type: &str,
        mut body: S,
        max_bytes: u64,
    ) -> Result<u64, StorageError>
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin,
    {
        let mut buffer = BytesMut::new();
        let mut total: u64 = 0;
        let mut upload: Option<PendingUpload> = None;
        while let Some(chunk) = body.next().await {
            let failed = match chunk {
                Err(e) => Some(StorageError::Backend(format!("reading the upload: {e}"))),
                Ok(chunk) => {
                    total += chunk.len() as u64;
                    if total > max_bytes {
                        Some(StorageError::TooLarge { max_bytes })
                    } else {
                        buffer.extend_from_slice(&chunk);
                        None
                    }
                }
            };
            if let Some(err) = failed {
                if let Some(upload) = upload {
                    upload.abort().await;
                }
                return Err(err);
            }
            while buffer.len() >= PART_SIZE {
                let part = buffer.split_to(PART_SIZE).freeze();
                if upload.is_none() {
                    upload = Some(self.start_multipart(key, content_type).await?);
                }
                if let Some(pending) = upload.as_mut() {
                    if let Err(err) = pending.upload_part(part).await {
                        if let Some(upload) = upload {
                            upload.abort().await;
                        }
                        return Err(err);
                    }
                }
            }
        }
        match upload {
            None => self.put_bytes(key, content_type, buffer.freeze()).await?,
            Some(mut pending) => {
                if !buffer.is_empty() || pending.parts.is_empty() {
                    if let Err(err) = pending.upload_part(buffer.freeze()).await {
                        pending.abort().await;
                        return Err(err);
                    }
                }
                pending.complete().await?;
            }
        }
        Ok(total)
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

    pub(super) async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        content_length: u64,
        ttl: Duration,
    ) -> Result<PresignedRequest, StorageError> {
        let length = i64::try_from(content_length)
            .map_err(|_| StorageError::Backend("content length out of range".into()))?;
        let presigned = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .content_length(length)
            .presigned(presigning(ttl)?)
            .await
            .map_err(|e| sdk_error("presigning PutObject", key, e))?;
        Ok(PresignedRequest {
            url: presigned.uri().to_owned(),
            method: presigned.method().to_owned(),
            headers: presigned
                .headers()
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect(),
            expires_in_secs: ttl.as_secs(),
        })
    }

    pub(super) async fn presign_get(
        &self,
        key: &str,
        ttl: Duration,
        download_name: Option<&str>,
    ) -> Result<String, StorageError> {
        let presigned = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .set_response_content_disposition(download_name.map(super::content_disposition))
            .presigned(presigning(ttl)?)
            .await
            .map_err(|e| sdk_error("presigning GetObject", key, e))?;
        Ok(presigned.uri().to_owned())
    }

    async fn start_multipart(
        &self,
        key: &str,
        content_type: &str,
    ) -> Result<PendingUpload, StorageError> {
        let out = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .send()
            .await
            .map_err(|e| sdk_error("CreateMultipartUpload", key, e))?;
        let upload_id = out.upload_id().unwrap_or_default().to_owned();
        Ok(PendingUpload {
            client: self.client.clone(),
            bucket: self.bucket.clone(),
            key: key.to_owned(),
            upload_id,
            parts: Vec::new(),
            finished: false,
        })
    }
}

/// A multipart upload in progress. Dropped unfinished (the request was cancelled), it aborts
/// itself in the background so S3 does not keep the parts.
struct PendingUpload {
    client: Client,
    bucket: String,
    key: String,
    upload_id: String,
    parts: Vec<CompletedPart>,
    finished: bool,
}

impl PendingUpload {
    async fn upload_part(&mut self, bytes: Bytes) -> Result<(), StorageError> {
        let number = i32::try_from(self.parts.len() + 1)
            .map_err(|_| StorageError::Backend("too many parts".into()))?;
        let out = self
            .client
            .upload_part()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(&self.upload_id)
            .part_number(number)
            .body(ByteStream::from(bytes))
            .send()
            .await
            .map_err(|e| sdk_error("UploadPart", &self.key, e))?;
        self.parts.push(
            CompletedPart::builder()
                .set_e_tag(out.e_tag().map(str::to_owned))
                .part_number(number)
                .build(),
        );
        Ok(())
    }

    async fn complete(mut self) -> Result<(), StorageError> {
        let parts = std::mem::take(&mut self.parts);
        let result = self
            .client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(&self.upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(parts))
                    .build(),
            )
            .send()
            .await;
        match result {
            Ok(_) => {
                self.finished = true;
                Ok(())
            }
            Err(e) => {
                let err = sdk_error("CompleteMultipartUpload", &self.key, e);
                self.abort().await;
                Err(err)
            }
        }
    }

    async fn abort(mut self) {
        self.finished = true;
        self.abort_request().await;
    }

    /// Aborts the upload (logging, not returning, a failure: the caller already has an error).
    fn abort_request(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let request = self
            .client
            .abort_multipart_upload()
            .bucket(&self.bucket)
            .key(&self.key)
            .upload_id(&self.upload_id);
        let key = self.key.clone();
        async move {
            if let Err(e) = request.send().await {
                tracing::warn!(%key, error = %DisplayErrorContext(&e), "aborting a multipart upload failed");
            }
        }
    }
}

impl Drop for PendingUpload {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(self.abort_request());
        }
    }
}

fn presigning(ttl: Duration) -> Result<PresigningConfig, StorageError> {
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
