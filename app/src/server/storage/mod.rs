//! Media storage: uploaded images, videos and attachments, on the local disk (the embedded
//! default, under `MEDIA_DIR`) or in an S3 bucket (`S3_BUCKET`). Routes call [`Storage`]
//! the same way for both; only serving differs: local files go through the app's own route
//! ([`Storage::local_path`]), S3 objects through short-lived presigned URLs.
//!
//! Keys are chosen by callers (e.g. `courses/12/3f2a9c/cover.png`) and validated here on
//! every call. Types are decided by [`sniff`]ing content, never by file name.

mod disposition;
mod error;
mod keys;
mod kinds;
mod local;
mod multipart;
mod s3;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::Stream;

pub use disposition::content_disposition;
pub use error::StorageError;
pub use keys::validate_key;
pub use kinds::{sniff, MediaKind, TEXT};
pub use multipart::UploadedPart;

/// What is known about a stored object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectInfo {
    /// Size in bytes.
    pub size: u64,
    /// The type it was stored with (S3 only; the local backend does not record it).
    pub content_type: Option<String>,
}

/// A request the browser makes straight to the object store (a presigned upload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresignedRequest {
    /// The URL, signature included.
    pub url: String,
    /// The HTTP method, e.g. `PUT`.
    pub method: String,
    /// Headers the request must carry exactly as given (they are part of the signature).
    /// Browsers set `content-length` themselves from the body, which must then be exactly the
    /// size that was presigned.
    pub headers: Vec<(String, String)>,
    /// How long the URL stays valid, in seconds.
    pub expires_in_secs: u64,
}

/// Where the S3 backend keeps media and how it reaches the bucket.
#[derive(Clone)]
pub struct S3Config {
    /// The bucket name.
    pub bucket: String,
    /// The bucket's region, e.g. `eu-west-1` (S3-compatible servers usually take `us-east-1`).
    pub region: String,
    /// An S3-compatible server's URL; `None` for AWS.
    pub endpoint: Option<String>,
    /// Address buckets as `endpoint/bucket/key` rather than `bucket.endpoint/key`; most
    /// S3-compatible servers need this.
    pub force_path_style: bool,
    /// An explicit access key id; with `None` (and no secret) credentials come from the
    /// standard AWS chain: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, profile files, the ECS
    /// task role or the EC2 instance role.
    pub access_key_id: Option<String>,
    /// The secret for `access_key_id`.
    pub secret_access_key: Option<String>,
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret; the key id says which credentials without granting anything.
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("force_path_style", &self.force_path_style)
            .field("access_key_id", &self.access_key_id)
            .field(
                "secret_access_key",
                &self.secret_access_key.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

/// The media store the app was started with. Cheap to clone.
#[derive(Clone)]
pub struct Storage {
    backend: Arc<Backend>,
}

enum Backend {
    Local(local::Local),
    S3(s3::S3),
}

impl Storage {
    /// Files under `root` on the local disk (created on the first upload).
    pub fn local(root: impl Into<PathBuf>) -> Self {
        Self {
            backend: Arc::new(Backend::Local(local::Local::new(root.into()))),
        }
    }

    /// Objects in an S3 bucket. Builds the client only: a wrong bucket or missing
    /// permission shows up on the first operation, not here.
    pub async fn s3(config: S3Config) -> Result<Self, StorageError> {
        Ok(Self {
            backend: Arc::new(Backend::S3(s3::S3::connect(config).await?)),
        })
    }

    /// `"local"` or `"s3"`, for logs and health output.
    pub fn backend_name(&self) -> &'static str {
        match &*self.backend {
            Backend::Local(_) => "local",
            Backend::S3(_) => "s3",
        }
    }

    /// Whether media is on the local disk (served by the app itself).
    pub fn is_local(&self) -> bool {
        matches!(&*self.backend, Backend::Local(_))
    }

    /// Streams `body` to `key`, replacing any object there; fails with
    /// [`StorageError::TooLarge`] (and leaves nothing behind) as soon as more than
    /// `max_bytes` arrive. Returns the number of bytes written. `content_type` is recorded on
    /// S3; sniff the first bytes before calling. An axum body fits as
    /// `body.into_data_stream().map_err(std::io::Error::other)`.
    pub async fn put_stream<S>(
        &self,
        key: &str,
        content_type: &str,
        body: S,
        max_bytes: u64,
    ) -> Result<u64, StorageError>
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin + 'static,
    {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.put_stream(key, body, max_bytes).await,
            Backend::S3(s3) => s3.put_stream(key, content_type, body, max_bytes).await,
        }
    }

    /// Stores `bytes` under `key`, replacing any object there (generated files, small blobs).
    pub async fn put_bytes(
        &self,
        key: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<(), StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.put_bytes(key, &bytes).await,
            Backend::S3(s3) => s3.put_bytes(key, content_type, Bytes::from(bytes)).await,
        }
    }

    /// Size and type of the object at `key`, or `None` if there is none (e.g. to confirm a
    /// presigned upload arrived, and at what size).
    pub async fn head(&self, key: &str) -> Result<Option<ObjectInfo>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.head(key).await,
            Backend::S3(s3) => s3.head(key).await,
        }
    }

    /// The first `n` bytes of the object (fewer if it is shorter), e.g. to sniff a file
    /// uploaded straight to S3. A ranged GET on S3. [`StorageError::NotFound`] if missing.
    pub async fn read_prefix(&self, key: &str, n: usize) -> Result<Vec<u8>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.read_prefix(key, n).await,
            Backend::S3(s3) => s3.read_prefix(key, n).await,
        }
    }

    /// The whole object in memory: for small objects and tests only.
    /// [`StorageError::NotFound`] if missing.
    pub async fn get_bytes(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.get_bytes(key).await,
            Backend::S3(s3) => s3.get_bytes(key).await,
        }
    }

    /// Makes sure the place objects go exists: the media directory, or the S3 bucket (created
    /// when missing; for S3-compatible servers in development and tests — production buckets
    /// come from Terraform).
    pub async fn ensure_ready(&self) -> Result<(), StorageError> {
        match &*self.backend {
            Backend::Local(local) => local.ensure_root().await,
            Backend::S3(s3) => s3.ensure_bucket().await,
        }
    }

    /// Removes the object at `key`; removing a missing key is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(local) => local.delete(key).await,
            Backend::S3(s3) => s3.delete(key).await,
        }
    }

    /// Moves the object at `from` to `to` (replacing any object there): a rename on disk, a
    /// server-side copy and delete on S3. Verified uploads move out of the key their presigned
    /// PUT can still write to, so nothing written there later is ever served.
    pub async fn promote(&self, from: &str, to: &str) -> Result<(), StorageError> {
        validate_key(from)?;
        validate_key(to)?;
        match &*self.backend {
            Backend::Local(local) => local.rename(from, to).await,
            Backend::S3(s3) => s3.copy_then_delete(from, to).await,
        }
    }

    /// S3: a presigned PUT the browser uploads to directly, valid for `ttl` and only for a
    /// body of exactly `content_length` bytes with this `content_type`. After the upload,
    /// check it with [`Storage::head`] and [`Storage::read_prefix`] + [`sniff`], and delete
    /// it if it fails. Local: `Ok(None)`; upload through the app with [`Storage::put_stream`].
    pub async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        content_length: u64,
        ttl: Duration,
    ) -> Result<Option<PresignedRequest>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(_) => Ok(None),
            Backend::S3(s3) => s3
                .presign_put(key, content_type, content_length, ttl)
                .await
                .map(Some),
        }
    }

    /// S3: a presigned GET URL valid for `ttl`, to redirect an authorised viewer to; with
    /// `download_name` the browser saves the file under that name, and `content_type` (the
    /// type verified at upload) overrides the stored one. Local: `Ok(None)`; the
    /// caller serves [`Storage::local_path`] through its own authorising route.
    pub async fn presign_get(
        &self,
        key: &str,
        ttl: Duration,
        download_name: Option<&str>,
        content_type: Option<&str>,
    ) -> Result<Option<String>, StorageError> {
        validate_key(key)?;
        match &*self.backend {
            Backend::Local(_) => Ok(None),
            Backend::S3(s3) => s3
                .presign_get(key, ttl, download_name, content_type)
                .await
                .map(Some),
        }
    }

    /// Local backend: the file for `key`, for serving with tower-http's `ServeFile` (which
    /// answers Range requests, so videos can seek). `None` on S3 or for an invalid key.
    pub fn local_path(&self, key: &str) -> Option<PathBuf> {
        match &*self.backend {
            Backend::Local(local) if validate_key(key).is_ok() => Some(local.path(key)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod backend_tests;
#[cfg(test)]
mod errors_tests;
