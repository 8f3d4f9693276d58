//! Streamed uploads to S3. The body is buffered in parts of [`PART_SIZE`]: a small file is one
//! `PutObject`, a larger one a multipart upload that is aborted as soon as it passes its limit
//! or fails, so no object appears unless the whole file arrived.

use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use aws_sdk_s3::Client;
use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};

use super::{sdk_error, StorageError, S3};

/// Size of each part of a streamed upload (S3's minimum for all but the last part is 5 MiB).
pub(in crate::server::storage) const PART_SIZE: usize = 8 * 1024 * 1024;

impl S3 {
    pub(in crate::server::storage) async fn put_stream<S>(
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

    async fn start_multipart(
        &self,
        key: &str,
        content_type: &str,
    ) -> Result<PendingUpload, StorageError> {
        let upload_id = self.create_multipart(key, content_type).await?;
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
