//! The lesson editor: title, kind, markdown, video link or upload, attachment, preview flag.

use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{editable_lesson, touch, validate, STALE_EDIT};
use crate::error::AppError;
use crate::models::{LessonDraft, LessonEditor, Saved};
use crate::server::entities::{lesson, media, user};
use crate::server::services::media as media_service;

/// Everything the lesson editor shows.
pub async fn editor(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<LessonEditor, AppError> {
    let (course, lesson) = editable_lesson(db, user, lesson_id).await?;
    let attached = match lesson.media_id {
        Some(id) => media::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(LessonEditor {
        id: lesson.id,
        course_id: course.id,
        course_title: course.title,
        course_slug: course.slug,
        slug: lesson.slug,
        revision: lesson.revision,
        media: attached.as_ref().map(media_service::info),
        draft: LessonDraft {
            title: lesson.title,
            kind: lesson.kind,
            body: lesson.body,
            video_url: lesson.video_url.unwrap_or_default(),
            free_preview: lesson.free_preview,
            duration_minutes: if lesson.duration_seconds == 0 {
                String::new()
            } else {
                (lesson.duration_seconds / 60).to_string()
            },
        },
    })
}

/// Saves the lesson if `revision` is still current; `Conflict` if someone saved since.
pub async fn update(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
    revision: i32,
    draft: &LessonDraft,
) -> Result<Saved, AppError> {
    let (course, lesson) = editable_lesson(db, user, lesson_id).await?;
    let next = super::next_revision(revision)?;
    let clean = validate::lesson(draft).map_err(AppError::Validation)?;
    let result = lesson::Entity::update_many()
        .col_expr(lesson::Column::Title, Expr::value(clean.title))
        .col_expr(lesson::Column::Kind, Expr::value(clean.kind))
        .col_expr(lesson::Column::Body, Expr::value(clean.body))
        .col_expr(lesson::Column::VideoUrl, Expr::value(clean.video_url))
        .col_expr(lesson::Column::FreePreview, Expr::value(clean.free_preview))
        .col_expr(
            lesson::Column::DurationSeconds,
            Expr::value(clean.duration_seconds),
        )
        .col_expr(lesson::Column::Revision, Expr::value(next))
        .col_expr(lesson::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(lesson::Column::Id.eq(lesson.id))
        .filter(lesson::Column::Revision.eq(revision))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict(STALE_EDIT.into()));
    }
    touch(db, course.id).await?;
    Ok(Saved {
        revision: next,
        slug: lesson.slug,
    })
}

/// Attaches an uploaded, verified file of the same course to the lesson (or detaches with
/// `None`). Videos go with video lessons, attachments with file lessons.
pub async fn set_media(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
    media_id: Option<i64>,
) -> Result<LessonEditor, AppError> {
    let (course, lesson) = editable_lesson(db, user, lesson_id).await?;
    if let Some(id) = media_id {
        let m = media_service::ready_media_of_course(db, id, course.id).await?;
        let fits = matches!(
            (lesson.kind.as_str(), m.kind.as_str()),
            ("video", "video") | ("file", "attachment") | ("text", "attachment")
        );
        if !fits {
            return Err(AppError::field(
                "file",
                "Video lessons take a video; file and text lessons take an attachment.",
            ));
        }
    }
    lesson::Entity::update_many()
        .col_expr(lesson::Column::MediaId, Expr::value(media_id))
        .col_expr(lesson::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(lesson::Column::Id.eq(lesson.id))
        .exec(db)
        .await?;
    touch(db, course.id).await?;
    editor(db, user, lesson_id).await
}
