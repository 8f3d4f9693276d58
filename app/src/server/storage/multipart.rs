//! Browser multipart uploads straight to S3, for videos too large for one request: the server
//! starts the upload, presigns each part, and completes (or aborts) it from the part ETags the
//! browser reports. The bucket's CORS rules must expose the `ETag` header to the site.

use std::time::Duration;

use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};

use super::{s3::S3, validate_key, Backend, PresignedRequest, Storage, StorageError};

/// S3's part numbers run from 1 to 10,000.
const MAX_PARTS: u32 = 10_000;

/// One part the browser uploaded: its number and the `ETag` header S3 answered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedPart {
    /// The part's number, from 1.
    pub part_number: u32,
    /// The `ETag` response header of the part's PUT, quotes included.
    pub etag: String,
}

impl Storage {
    /// S3: starts a multipart upload to `key` and returns its upload id. Local: `Ok(None)`;
    /// upload through the app with [`Storage::put_stream`] instead.
    pub async fn create_multipart(
        &self,
        key: &str,
        content_type: &str,
    ) -> Result<Option<String>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(_) => Ok(None),
            Backend::S3(s3) => s3.create_multipart(key, content_type).await.map(Some),
        }
    }

    /// S3: a presigned PUT for part `part_number` (1 to 10,000) of exactly `content_length`
    /// bytes. Every part but the last must be at least 5 MiB. Local: `Ok(None)`.
    pub async fn presign_part(
        &self,
        key: &str,
        upload_id: &str,
        part_number: u32,
        content_length: u64,
        ttl: Duration,
    ) -> Result<Option<PresignedRequest>, StorageError> {
        validate_key(key)?;
        if !(1..=MAX_PARTS).contains(&part_number) {
            return Err(StorageError::Backend(format!(
                "part number {part_number} is outside 1..={MAX_PARTS}"
            )));
        }
        match &*self.backend {
            Backend::Local(_) => Ok(None),
            Backend::S3(s3) => s3
                .presign_part(key, upload_id, part_number, content_length, ttl)
                .await
                .map(Some),
        }
    }

    /// S3: joins the uploaded parts into the object at `key`. [`StorageError::NotFound`] if
    /// the upload does not exist (any more). Afterwards check the object with
    /// [`Storage::head`] and [`Storage::read_prefix`] like any presigned upload.
    pub async fn complete_multipart(
        &self,
        key: &str,
        upload_id: &str,
        parts: &[UploadedPart],
    ) -> Result<(), StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(_) => Err(local_has_no_multipart()),
            Backend::S3(s3) => s3.complete_multipart(key, upload_id, parts).await,
        }
    }

    /// S3: abandons the upload and frees its parts; aborting one that is gone is fine.
    /// Local: nothing to do.
    pub async fn abort_multipart(&self, key: &str, upload_id: &str) -> Result<(), StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(_) => Ok(()),
            Backend::S3(s3) => s3.abort_multipart(key, upload_id).await,
        }
    }
}

fn local_has_no_multipart() -> StorageError {
    StorageError::Backend("multipart uploads need the S3 backend".into())
}

impl S3 {
    pub(super) async fn create_multipart(
        &self,
        key: &str,
        content_type: &str,
    ) -> Result<String, StorageError> {
        let out = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .send()
            .await
            .map_err(|e| super::s3::sdk_error("CreateMultipartUpload", key, e))?;
        out.upload_id()
            .map(str::to_owned)
            .ok_or_else(|| StorageError::Backend(format!("S3 gave no upload id for {key}")))
    }

    async fn presign_part(
        &self,
        key: &str,
        upload_id: &str,
        part_number: u32,
        content_length: u64,
        ttl: Duration,
    ) -> Result<PresignedRequest, StorageError> {
        let number = i32::try_from(part_number)
            .map_err(|_| StorageError::Backend("part number out of range".into()))?;
        let presigned = self
            .client
            .upload_part()
            .bucket(&self.bucket)
            .key(key)
            .upload_id(upload_id)
            .part_number(number)
            .content_length(super::s3::s3_length(content_length)?)
            .presigned(super::s3::presigning(ttl)?)
            .await
            .map_err(|e| super::s3::sdk_error("presigning UploadPart", key, e))?;
        Ok(super::s3::request_of(&presigned, ttl))
    }

    async fn complete_multipart(
        &self,
        key: &str,
        upload_id: &str,
        parts: &[UploadedPart],
    ) -> Result<(), StorageError> {
        let mut completed = Vec::with_capacity(parts.len());
        for part in parts {
            let number = i32::try_from(part.part_number)
                .map_err(|_| StorageError::Backend("part number out of range".into()))?;
            completed.push(
                CompletedPart::builder()
                    .part_number(number)
                    .e_tag(&part.etag)
                    .build(),
            );
        }
        completed.sort_by_key(|part| part.part_number());
        let result = self
            .client
            .complete_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .upload_id(upload_id)
            .multipart_upload(
                CompletedMultipartUpload::builder()
                    .set_parts(Some(completed))
                    .build(),
            )
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) if super::s3::status(&e) == Some(404) => Err(StorageError::NotFound),
            Err(e) => Err(super::s3::sdk_error("CompleteMultipartUpload", key, e)),
        }
    }

    async fn abort_multipart(&self, key: &str, upload_id: &str) -> Result<(), StorageError> {
        match self
            .client
            .abort_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .upload_id(upload_id)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if super::s3::status(&e) == Some(404) => Ok(()),
            Err(e) => Err(super::s3::sdk_error("AbortMultipartUpload", key, e)),
        }
    }
}
