//! What can go wrong storing media, and how each failure reads to the person uploading.

use crate::error::AppError;

use super::MediaKind;

/// A storage operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// More than `max_bytes` arrived; nothing was kept.
    #[error("upload larger than {max_bytes} bytes")]
    TooLarge {
        /// The limit that was passed.
        max_bytes: u64,
    },
    /// The file's content is not a type `kind` accepts.
    #[error("a {detected:?} file is not accepted as {kind}")]
    UnsupportedType {
        /// What the upload was for.
        kind: MediaKind,
        /// The MIME type found in the content, if it was recognised at all.
        detected: Option<String>,
    },
    /// The key is empty, absolute, or could leave the storage root.
    #[error("invalid storage key")]
    InvalidKey,
    /// No object is stored under the key.
    #[error("no such object")]
    NotFound,
    /// The disk is full; nothing of the file was kept.
    #[error("no space left for media")]
    Full,
    /// The disk or the object store failed; the detail is for the server log only.
    #[error("storage backend: {0}")]
    Backend(String),
}

impl From<StorageError> for AppError {
    fn from(err: StorageError) -> Self {
        match err {
            StorageError::TooLarge { max_bytes } => AppError::field("file", &too_large(max_bytes)),
            StorageError::UnsupportedType { kind, detected } => {
                AppError::field("file", &unsupported(kind, detected.as_deref()))
            }
            StorageError::InvalidKey => AppError::field(
                "file",
                "This file name can't be used. Please rename the file.",
            ),
            StorageError::NotFound => AppError::NotFound,
            StorageError::Full => {
                tracing::error!("media storage is full: uploads fail until space is freed");
                AppError::field(
                    "file",
                    "The server has no room for this file right now. Nothing was saved; \
                     please try again later or tell the site's administrators.",
                )
            }
            StorageError::Backend(detail) => {
                tracing::error!(error = %detail, "media storage failed");
                AppError::Internal
            }
        }
    }
}

/// "Images can be at most 10 MB.", or a plain limit when it is not a kind's own.
fn too_large(max_bytes: u64) -> String {
    let limit = human_size(max_bytes);
    match MediaKind::ALL
        .into_iter()
        .find(|k| k.max_bytes() == max_bytes)
    {
        Some(kind) => format!("{} can be at most {limit}.", kind.plural()),
        None => format!("This file is too large; it can be at most {limit}."),
    }
}

/// "This file is a PDF; images must be PNG, JPEG, WebP or GIF."
fn unsupported(kind: MediaKind, detected: Option<&str>) -> String {
    let allowed = kind.allowed_in_words();
    match detected.map(|mime| (mime, describe(mime))) {
        Some((_, Some(what))) => format!("This file is {what}; {allowed}."),
        Some((mime, None)) => format!("This file's type ({mime}) isn't accepted; {allowed}."),
        None => format!("We couldn't recognise this file's type; {allowed}."),
    }
}

/// A MIME type in words, for the types people commonly try.
fn describe(mime: &str) -> Option<&'static str> {
    Some(match mime {
        "image/png" => "a PNG image",
        "image/jpeg" => "a JPEG image",
        "image/webp" => "a WebP image",
        "image/gif" => "a GIF image",
        "image/svg+xml" => "an SVG image (SVG can contain scripts, so it isn't accepted)",
        "image/heif" | "image/heic" => "a HEIC photo",
        "image/bmp" => "a BMP image",
        "image/tiff" => "a TIFF image",
        "video/mp4" => "an MP4 video",
        "video/webm" => "a WebM video",
        "video/quicktime" => "a QuickTime (MOV) video",
        "video/x-matroska" => "an MKV video",
        "video/x-msvideo" => "an AVI video",
        "application/pdf" => "a PDF",
        "application/zip" => "a ZIP archive",
        "application/epub+zip" => "an EPUB book",
        super::kinds::TEXT => "a text file",
        "audio/mpeg" => "an MP3 audio file",
        "application/vnd.microsoft.portable-executable"
        | "application/x-executable"
        | "application/x-mach-binary" => "a program",
        m if m.starts_with("application/vnd.openxmlformats") => "an Office document",
        _ => return None,
    })
}

/// Bytes as the largest whole binary unit, e.g. `10 MB` for 10 MiB (as people say it).
fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")];
    for (size, unit) in UNITS {
        if bytes >= size && bytes.is_multiple_of(size) {
            return format!("{} {unit}", bytes / size);
        }
    }
    for (size, unit) in UNITS {
        if bytes >= size {
            return format!("{:.1} {unit}", bytes as f64 / size as f64);
        }
    }
    format!("{bytes} bytes")
}
