//! Uploaded files: announcing an upload, verifying it, attaching it, and deciding who may
//! read it. The bytes live in [`Storage`]; this module keeps the `media` rows and the rules.
//!
//! Flow: `create_upload` records a pending row and says where the browser sends the bytes (a
//! presigned S3 PUT, or Lectern's own streaming route for the local backend); `finish_upload`
//! then checks the stored object (it exists, its size is within the kind's limit, its first
//! bytes really are an allowed type) and marks it ready, or deletes it and says why.

use std::time::Duration;

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::authoring::{editable_course, may_edit};
use super::learning;
use crate::error::AppError;
use crate::models::{MediaInfo, UploadTicket};
use crate::server::entities::{badge, course, lesson, media, user};
use crate::server::storage::{self, MediaKind, Storage};

/// How long a presigned upload URL stays valid.
pub const UPLOAD_URL_TTL: Duration = Duration::from_secs(30 * 60);
/// How long a presigned download URL stays valid.
pub const DOWNLOAD_URL_TTL: Duration = Duration::from_secs(5 * 60);
/// Where announced uploads are written until they are verified.
pub const PENDING_PREFIX: &str = "uploads/";
/// Where verified files live.
pub const READY_PREFIX: &str = "courses/";
/// How long an announced upload may stay unfinished before it is swept away (its upload URL
/// has long expired by then).
pub const ABANDONED_AFTER: Duration = Duration::from_secs(6 * 60 * 60);

/// The key a verified upload moves to: `uploads/…` becomes `courses/…`.
fn final_key(pending: &str) -> String {
    match pending.strip_prefix(PENDING_PREFIX) {
        Some(rest) => format!("{READY_PREFIX}{rest}"),
        None => pending.to_owned(),
    }
}

/// Deletes uploads announced before `now - ABANDONED_AFTER` and never finished: their rows
/// and whatever bytes arrived. Returns how many were swept; one that cannot be deleted is
/// logged and left for the next sweep.
pub async fn sweep_abandoned(
    db: &DatabaseConnection,
    storage: &Storage,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u32, AppError> {
    let cutoff =
        now - chrono::Duration::from_std(ABANDONED_AFTER).map_err(|_| AppError::Internal)?;
    let abandoned = media::Entity::find()
        .filter(media::Column::Status.eq(media::STATUS_PENDING))
        .filter(media::Column::CreatedAt.lt(cutoff))
        .all(db)
        .await?;
    let mut swept = 0;
    for m in &abandoned {
        match discard(db, storage, m).await {
            Ok(()) => swept += 1,
            Err(error) => {
                tracing::warn!(media_id = m.id, %error, "could not sweep an abandoned upload")
            }
        }
    }
    Ok(swept)
}

/// The path Lectern serves a media file from (an authorizing route).
pub fn url(m: &media::Model) -> String {
    format!("/media/{}/{}", m.id, m.filename)
}

/// The editor's view of a media row.
pub fn info(m: &media::Model) -> MediaInfo {
    MediaInfo {
        id: m.id,
        kind: m.kind.clone(),
        filename: m.filename.clone(),
        content_type: m.content_type.clone(),
        size_bytes: m.size_bytes,
        url: url(m),
    }
}

/// A file name safe for storage keys, URLs and `Content-Disposition`: ASCII letters, digits,
/// `.`, `-` and `_`, at most 100 characters.
pub fn safe_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c| c == '.' || c == '-');
    let mut name: String = trimmed
        .chars()
        .rev()
        .take(100)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if name.is_empty() {
        name = "file".into();
    }
    name
}

/// A ready media row of the given course, or a field error naming the problem.
pub async fn ready_media_of_course(
    db: &DatabaseConnection,
    media_id: i64,
    course_id: i64,
) -> Result<media::Model, AppError> {
    media::Entity::find_by_id(media_id)
        .filter(media::Column::CourseId.eq(course_id))
        .filter(media::Column::Status.eq(media::STATUS_READY))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("file", "That upload is not finished or belongs elsewhere."))
}

/// Records a pending upload for `course_id` and says where to send the bytes.
pub async fn create_upload(
    db: &DatabaseConnection,
    storage: &Storage,
    user: &user::Model,
    course_id: i64,
    kind: &str,
    filename: &str,
    size_bytes: u64,
) -> Result<UploadTicket, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let kind =
        MediaKind::parse(kind).ok_or_else(|| AppError::field("kind", "Unknown kind of file."))?;
    if size_bytes == 0 {
        return Err(AppError::field("file", "This file is empty."));
    }
    if size_bytes > kind.max_bytes() {
        return Err(storage::StorageError::TooLarge {
            max_bytes: kind.max_bytes(),
        }
        .into());
    }
    let filename = safe_filename(filename);
    // The bytes arrive under `uploads/`; `finish_upload` moves verified files to `courses/`.
    let key = format!(
        "{PENDING_PREFIX}{}/{}/{}",
        course.id,
        uuid::Uuid::now_v7().simple(),
        filename
    );
    // Presign before recording the row: a key the storage refuses leaves no row behind.
    let presigned = storage
        .presign_put(&key, "application/octet-stream", size_bytes, UPLOAD_URL_TTL)
        .await?;
    let row = media::ActiveModel {
        course_id: Set(course.id),
        uploader_id: Set(user.id),
        kind: Set(kind.as_str().to_owned()),
        storage_key: Set(key.clone()),
        filename: Set(filename),
        content_type: Set("application/octet-stream".into()),
        size_bytes: Set(i64::try_from(size_bytes).unwrap_or(i64::MAX)),
        status: Set(media::STATUS_PENDING.into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(match presigned {
        Some(p) => UploadTicket {
            media_id: row.id,
            method: p.method,
            url: p.url,
            headers: p.headers,
            max_bytes: kind.max_bytes(),
        },
        None => UploadTicket {
            media_id: row.id,
            method: "PUT".into(),
            url: format!("/media/upload/{}", row.id),
            headers: vec![("content-type".into(), "application/octet-stream".into())],
            max_bytes: kind.max_bytes(),
        },
    })
}

/// The pending upload `media_id` if `user` announced it; `NotFound` otherwise.
pub async fn pending_upload(
    db: &DatabaseConnection,
    user: &user::Model,
    media_id: i64,
) -> Result<(media::Model, MediaKind), AppError> {
    let m = media::Entity::find_by_id(media_id)
        .filter(media::Column::UploaderId.eq(user.id))
        .filter(media::Column::Status.eq(media::STATUS_PENDING))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = MediaKind::parse(&m.kind).ok_or(AppError::Internal)?;
    Ok((m, kind))
}

/// Deletes an upload's bytes and row (a rejected or abandoned upload).
async fn discard(
    db: &DatabaseConnection,
    storage: &Storage,
    m: &media::Model,
) -> Result<(), AppError> {
    storage.delete(&m.storage_key).await?;
    media::Entity::delete_by_id(m.id).exec(db).await?;
    Ok(())
}

/// Verifies an upload that has arrived in storage and marks it ready. A missing object, one
/// over the size limit or one whose bytes are not an allowed type is deleted and refused.
pub async fn finish_upload(
    db: &DatabaseConnection,
    storage: &Storage,
    user: &user::Model,
    media_id: i64,
) -> Result<MediaInfo, AppError> {
    let (m, kind) = pending_upload(db, user, media_id).await?;
    let Some(object) = storage.head(&m.storage_key).await? else {
        return Err(AppError::field(
            "file",
            "The file did not arrive. Please upload it again.",
        ));
    };
    if object.size > kind.max_bytes() {
        discard(db, storage, &m).await?;
        return Err(storage::StorageError::TooLarge {
            max_bytes: kind.max_bytes(),
        }
        .into());
    }
    let head = storage.read_prefix(&m.storage_key, 4096).await?;
    let content_type = match storage::sniff(kind, &head) {
        Ok(t) => t,
        Err(e) => {
            discard(db, storage, &m).await?;
            return Err(e.into());
        }
    };
    // Out of reach of the presigned PUT, which stays valid until it expires.
    let final_key = final_key(&m.storage_key);
    if final_key != m.storage_key {
        storage.promote(&m.storage_key, &final_key).await?;
    }
    let mut active: media::ActiveModel = m.into();
    active.storage_key = Set(final_key);
    active.status = Set(media::STATUS_READY.into());
    active.content_type = Set(content_type.to_owned());
    active.size_bytes = Set(i64::try_from(object.size).unwrap_or(i64::MAX));
    let ready = active.update(db).await?;
    Ok(info(&ready))
}

/// Makes a ready image of the course its cover; returns the cover's URL.
pub async fn set_cover(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    media_id: i64,
) -> Result<String, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let m = ready_media_of_course(db, media_id, course.id).await?;
    if m.kind != MediaKind::Image.as_str() {
        return Err(AppError::field("file", "A cover must be an image."));
    }
    let cover = url(&m);
    let mut active: course::ActiveModel = course.into();
    active.cover_url = Set(Some(cover.clone()));
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(cover)
}

/// Who may see a media file and how it may be cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone; shared caches may keep it (the cover of a published course).
    Public,
    /// This viewer only; never stored by shared caches.
    Private,
}

/// Whether `viewer` may read media `media_id`, and how the answer may be cached.
///
/// The course's instructor and admins may read any of its files. Anyone may read a badge's
/// uploaded image, the cover of a published course and files of its free-preview lessons;
/// learners enrolled in a published course may read the files of all its lessons. Everything
/// else is refused:
/// `NotFound` when the course is a draft (not revealed), `Unauthorized`/`Forbidden` otherwise.
pub async fn authorize_read(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    media_id: i64,
) -> Result<(media::Model, Access), AppError> {
    let m = media::Entity::find_by_id(media_id)
        .filter(media::Column::Status.eq(media::STATUS_READY))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = course::Entity::find_by_id(m.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if viewer.is_some_and(|u| may_edit(u, &course)) {
        return Ok((m, Access::Private));
    }
    // A badge's image is part of every credential that names it: anyone may fetch it, even
    // after the course is unpublished.
    let badge_image = badge::Entity::find()
        .filter(badge::Column::Image.eq(crate::models::uploaded_image_key(m.id)))
        .one(db)
        .await?
        .is_some();
    if badge_image {
        return Ok((m, Access::Public));
    }
    if course.status != course::STATUS_PUBLISHED {
        return Err(AppError::NotFound);
    }
    if course.cover_url.as_deref() == Some(url(&m).as_str()) {
        return Ok((m, Access::Public));
    }
    let in_preview = lesson::Entity::find()
        .filter(lesson::Column::CourseId.eq(course.id))
        .filter(lesson::Column::MediaId.eq(m.id))
        .filter(lesson::Column::FreePreview.eq(true))
        .one(db)
        .await?
        .is_some();
    if in_preview {
        return Ok((m, Access::Private));
    }
    if let Some(user) = viewer {
        let in_lesson = lesson::Entity::find()
            .filter(lesson::Column::CourseId.eq(course.id))
            .filter(lesson::Column::MediaId.eq(m.id))
            .one(db)
            .await?
            .is_some();
        if in_lesson
            && learning::enrollment_of(db, user.id, course.id)
                .await?
                .is_some()
        {
            return Ok((m, Access::Private));
        }
    }
    Err(if viewer.is_some() {
        AppError::Forbidden
    } else {
        AppError::Unauthorized
    })
}
