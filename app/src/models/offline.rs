//! What "Download for offline" stores for one course.

use serde::{Deserialize, Serialize};

/// One address to store, with its size when the server knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DownloadItem {
    /// A same-origin path (`/courses/…`, `/media/…`).
    pub url: String,
    /// Bytes, for media files; `None` for pages (their size is known once fetched).
    pub bytes: Option<i64>,
}

/// Everything a learner's download of one course holds: its pages, the images and attachments
/// they show, and (optional) uploaded videos. `version` changes whenever any of it changes, so
/// a stored download can tell it is stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseDownload {
    pub course_slug: String,
    pub course_title: String,
    pub version: String,
    /// The course page, My learning and every lesson page the learner may open.
    pub pages: Vec<DownloadItem>,
    /// Images and attachments the pages use.
    pub files: Vec<DownloadItem>,
    /// Uploaded lesson videos (external video links cannot be stored).
    pub videos: Vec<DownloadItem>,
}
