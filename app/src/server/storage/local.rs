//! Media on the local disk under one root folder (the embedded setup).
//!
//! Every write goes to a `.upload-*` file in the target folder and is renamed into place only
//! when complete, so readers never see half a file and a failed, oversized or abandoned upload
//! leaves nothing behind. Keys are validated before they become paths.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{ObjectInfo, StorageError};

/// The local-disk backend.
pub(super) struct Local {
    root: PathBuf,
}

impl Local {
    pub(super) fn new(root: PathBuf) -> Self {
        Self { root }
    }

    /// The path for an already validated key.
    /// Creates the root folder if it is missing.
    pub(super) async fn ensure_root(&self) -> Result<(), StorageError> {
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(|e| StorageError::Backend(format!("creating {}: {e}", self.root.display())))
    }

    pub(super) fn path(&self, key: &str) -> PathBuf {
        self.root.join(key)
    }

    pub(super) async fn put_stream<S>(
        &self,
        key: &str,
        mut body: S,
        max_bytes: u64,
    ) -> Result<u64, StorageError>
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin,
    {
        let (mut file, temp) = self.create_temp(key).await?;
        let mut written: u64 = 0;
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| io_error("reading the upload", &e))?;
            written += chunk.len() as u64;
            if written > max_bytes {
                return Err(StorageError::TooLarge { max_bytes });
            }
            file.write_all(&chunk)
                .await
                .map_err(|e| io_error("writing", &e))?;
        }
        Self::finish(file, temp, &self.path(key)).await?;
        Ok(written)
    }

    pub(super) async fn put_bytes(&self, key: &str, bytes: &[u8]) -> Result<(), StorageError> {
        let (mut file, temp) = self.create_temp(key).await?;
        file.write_all(bytes)
            .await
            .map_err(|e| io_error("writing", &e))?;
        Self::finish(file, temp, &self.path(key)).await
    }

    pub(super) async fn head(&self, key: &str) -> Result<Option<ObjectInfo>, StorageError> {
        match tokio::fs::metadata(self.path(key)).await {
            Ok(meta) if meta.is_file() => Ok(Some(ObjectInfo {
                size: meta.len(),
                content_type: None,
            })),
            Ok(_) => Ok(None),
            Err(e) if missing(&e) => Ok(None),
            Err(e) => Err(io_error("reading metadata", &e)),
        }
    }

    pub(super) async fn read_prefix(&self, key: &str, n: usize) -> Result<Vec<u8>, StorageError> {
        let file = self.open(key).await?;
        let mut prefix = Vec::with_capacity(n.min(64 * 1024));
        file.take(n as u64)
            .read_to_end(&mut prefix)
            .await
            .map_err(|e| io_error("reading", &e))?;
        Ok(prefix)
    }

    pub(super) async fn get_bytes(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        let mut file = self.open(key).await?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .await
            .map_err(|e| io_error("reading", &e))?;
        Ok(bytes)
    }

    pub(super) async fn rename(&self, from: &str, to: &str) -> Result<(), StorageError> {
        let target = self.path(to);
        if let Some(dir) = target.parent() {
            tokio::fs::create_dir_all(dir)
                .await
                .map_err(|e| io_error("creating the folder", &e))?;
        }
        match tokio::fs::rename(self.path(from), &target).await {
            Ok(()) => Ok(()),
            Err(e) if missing(&e) => Err(StorageError::NotFound),
            Err(e) => Err(io_error("moving", &e)),
        }
    }

    pub(super) async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match tokio::fs::remove_file(self.path(key)).await {
            Ok(()) => Ok(()),
            Err(e) if missing(&e) => Ok(()),
            Err(e) => Err(io_error("deleting", &e)),
        }
    }

    async fn open(&self, key: &str) -> Result<tokio::fs::File, StorageError> {
        let path = self.path(key);
        match tokio::fs::File::open(&path).await {
            Ok(file) if file.metadata().await.is_ok_and(|m| m.is_file()) => Ok(file),
            Ok(_) => Err(StorageError::NotFound),
            Err(e) if missing(&e) => Err(StorageError::NotFound),
            Err(e) => Err(io_error("opening", &e)),
        }
    }

    /// A fresh temporary file beside the key's final path, removed again unless finished.
    async fn create_temp(&self, key: &str) -> Result<(tokio::fs::File, TempFile), StorageError> {
        let path = self.path(key);
        let dir = path.parent().unwrap_or(&self.root);
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| io_error("creating the folder", &e))?;
        let mut random = [0u8; 12];
        getrandom::fill(&mut random)
            .map_err(|e| StorageError::Backend(format!("random temp name: {e}")))?;
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let temp = TempFile(Some(dir.join(format!(".upload-{name}"))));
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(temp.path())
            .await
            .map_err(|e| io_error("creating a temporary file", &e))?;
        Ok((file, temp))
    }

    /// Flushes the temporary file to disk and moves it to `target`.
    async fn finish(
        mut file: tokio::fs::File,
        mut temp: TempFile,
        target: &Path,
    ) -> Result<(), StorageError> {
        file.flush().await.map_err(|e| io_error("writing", &e))?;
        file.sync_all().await.map_err(|e| io_error("syncing", &e))?;
        drop(file);
        tokio::fs::rename(temp.path(), target)
            .await
            .map_err(|e| io_error("moving the upload into place", &e))?;
        temp.0 = None;
        Ok(())
    }
}

/// Removes the temporary file when dropped: on error, on a rejected upload, and when the
/// request is cancelled mid-upload (the future is dropped).
struct TempFile(Option<PathBuf>);

impl TempFile {
    fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            // Blocking, but a single unlink; async drop does not exist.
            let _ = std::fs::remove_file(path);
        }
    }
}

fn missing(err: &std::io::Error) -> bool {
    // A path through a regular file ("a.png/b") is as missing as a path that does not exist.
    matches!(err.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
}

fn io_error(what: &str, err: &std::io::Error) -> StorageError {
    if err.kind() == std::io::ErrorKind::StorageFull {
        return StorageError::Full;
    }
    StorageError::Backend(format!("local media: {what}: {err}"))
}
