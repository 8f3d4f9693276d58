//! What an upload is for, how large it may be, and which file types it accepts — decided from
//! the file's first bytes, never from its name or the browser's claimed type.

use serde::{Deserialize, Serialize};

use super::StorageError;

const MIB: u64 = 1024 * 1024;

/// What an upload is for; decides limits and allowed types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A picture shown in a page: course cover, lesson illustration, avatar.
    Image,
    /// A lesson video, played in the browser.
    Video,
    /// A file learners download: handouts, slides, data sets.
    Attachment,
}

/// PNG, JPEG, WebP and GIF: what every browser shows and none can run script from (no SVG).
const IMAGES: &[&str] = &["image/png", "image/jpeg", "image/webp", "image/gif"];
const VIDEOS: &[&str] = &["video/mp4", "video/webm", "video/quicktime"];
const ATTACHMENTS: &[&str] = &[
    "application/pdf",
    "application/zip",
    "image/png",
    "image/jpeg",
    TEXT,
    "application/epub+zip",
    DOCX,
    XLSX,
    PPTX,
];

/// The type reported for UTF-8 text (plain, Markdown, CSV): always served as plain text.
pub const TEXT: &str = "text/plain; charset=utf-8";
/// Reported for SVG so the refusal can say what the file is; never allowed.
const SVG: &str = "image/svg+xml";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

impl MediaKind {
    /// Every kind, for iterating.
    pub const ALL: [MediaKind; 3] = [MediaKind::Image, MediaKind::Video, MediaKind::Attachment];

    /// The largest upload accepted for this kind, in bytes.
    pub fn max_bytes(self) -> u64 {
        match self {
            MediaKind::Image => 10 * MIB,
            MediaKind::Video => 2 * 1024 * MIB,
            MediaKind::Attachment => 100 * MIB,
        }
    }

    /// The name used in URLs, forms and the database: `image`, `video` or `attachment`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Attachment => "attachment",
        }
    }

    /// The kind named by [`MediaKind::as_str`], if `name` is one.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The MIME types this kind accepts, as [`sniff`] reports them.
    pub fn allowed_types(self) -> &'static [&'static str] {
        match self {
            MediaKind::Image => IMAGES,
            MediaKind::Video => VIDEOS,
            MediaKind::Attachment => ATTACHMENTS,
        }
    }

    /// The plural noun for messages ("Images can be at most 10 MB.").
    pub(super) fn plural(self) -> &'static str {
        match self {
            MediaKind::Image => "Images",
            MediaKind::Video => "Videos",
            MediaKind::Attachment => "Attachments",
        }
    }

    /// The accepted formats in words, for messages.
    pub(super) fn allowed_in_words(self) -> &'static str {
        match self {
            MediaKind::Image => "images must be PNG, JPEG, WebP or GIF",
            MediaKind::Video => "videos must be MP4, WebM or MOV",
            MediaKind::Attachment => {
                "attachments must be PDF, ZIP, EPUB, Word, Excel, PowerPoint, PNG, JPEG or \
                 plain text (including Markdown and CSV)"
            }
        }
    }
}

impl std::fmt::Display for MediaKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Sniffs the first bytes of a file (pass at least 512 when the file has them) and returns its
/// MIME type if `kind` allows it; otherwise [`StorageError::UnsupportedType`] with what was
/// detected. UTF-8 text without NUL bytes is reported as [`TEXT`]. Office documents may come
/// back as `application/zip` when their telltale entries lie beyond the bytes given.
pub fn sniff(kind: MediaKind, first_bytes: &[u8]) -> Result<&'static str, StorageError> {
    let detected = detect(first_bytes);
    match detected {
        Some(mime) if kind.allowed_types().contains(&mime) => Ok(mime),
        _ => Err(StorageError::UnsupportedType {
            kind,
            detected: detected.map(str::to_owned),
        }),
    }
}

/// The file's type from its magic bytes, or from its being UTF-8 text; `None` if unknown.
fn detect(bytes: &[u8]) -> Option<&'static str> {
    if bytes.is_empty() {
        return None;
    }
    match infer::get(bytes) {
        // infer's text matchers (HTML, XML) only look at the opening; such files are handled
        // as text below, so a Markdown file starting with `<!--` is still accepted as text.
        Some(found) if found.matcher_type() != infer::MatcherType::Text => Some(found.mime_type()),
        _ if is_text(bytes) && looks_like_svg(bytes) => Some(SVG),
        _ if is_text(bytes) => Some(TEXT),
        _ => None,
    }
}

/// Valid UTF-8 (a multi-byte character cut off at the end of the sample is fine) with no NUL.
fn is_text(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return false;
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // `error_len() == None`: the input ended mid-character, as a prefix sample may.
        Err(err) => err.error_len().is_none() && bytes.len() - err.valid_up_to() < 4,
    }
}

/// Markup that opens an `<svg` element: SVG can carry script, so it is never accepted.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes).to_ascii_lowercase();
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && text.contains("<svg")
}

#[cfg(test)]
#[path = "kinds_tests.rs"]
mod tests;
