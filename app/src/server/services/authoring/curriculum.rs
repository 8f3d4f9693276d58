//! The curriculum editor: sections and lessons added, renamed, deleted and reordered.
//! Every change answers with the whole outline, so the editor always shows the stored order.

use std::collections::HashSet;

use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

use super::courses::editor_outline;
use super::validate::{self, MAX_ITEM_TITLE_CHARS};
use super::{editable_course, editable_lesson, editable_section, touch};
use crate::error::AppError;
use crate::models::{CurriculumOrder, EditorSection};
use crate::server::entities::{lesson, lesson_progress, quiz_attempt, section, user};

/// Most sections per course and lessons per section.
pub const MAX_ITEMS: usize = 200;

/// Why a lesson with learners' records cannot be deleted, and what to do instead.
pub const LESSON_HAS_RECORDS: &str = "Learners have progress or quiz attempts in this lesson, \
     and deleting it would erase them. Rename it or edit its content instead, or unpublish the \
     course.";
/// Why a section with learners' records cannot be deleted, and what to do instead.
pub const SECTION_HAS_RECORDS: &str = "Learners have progress or quiz attempts in lessons of \
     this section, and deleting it would erase them. Move the lessons you want to keep, or \
     unpublish the course.";

/// `Conflict` with `message` when any learner has progress or a quiz attempt in one of
/// `lesson_ids`: the database would delete those records with the lessons.
async fn refuse_if_learners_have_records(
    db: &impl ConnectionTrait,
    lesson_ids: &[i64],
    message: &str,
) -> Result<(), AppError> {
    if lesson_ids.is_empty() {
        return Ok(());
    }
    let ids = lesson_ids.iter().copied();
    let progress = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LessonId.is_in(ids.clone()))
        .count(db)
        .await?;
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::LessonId.is_in(ids))
        .count(db)
        .await?;
    if progress + attempts > 0 {
        return Err(AppError::Conflict(message.into()));
    }
    Ok(())
}

/// A section or lesson title, checked (errors on field `title`).
fn item_title(raw: &str) -> Result<String, AppError> {
    validate::title(raw, MAX_ITEM_TITLE_CHARS).map_err(|m| AppError::field("title", &m))
}

/// Marks the course as changed and answers with its outline, as every edit here does.
async fn changed(db: &DatabaseConnection, course_id: i64) -> Result<Vec<EditorSection>, AppError> {
    touch(db, course_id).await?;
    editor_outline(db, course_id).await
}

/// The position after `count` existing items, unless the list is full.
fn next_position(count: u64) -> Result<i32, AppError> {
    if count as usize >= MAX_ITEMS {
        return Err(AppError::field(
            "title",
            &format!("A course can hold at most {MAX_ITEMS} items here."),
        ));
    }
    Ok(i32::try_from(count).unwrap_or(i32::MAX))
}

/// Adds a section at the end of the course.
pub async fn add_section(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    title: &str,
) -> Result<Vec<EditorSection>, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let title = item_title(title)?;
    let position = next_position(
        section::Entity::find()
            .filter(section::Column::CourseId.eq(course.id))
            .count(db)
            .await?,
    )?;
    let now = chrono::Utc::now();
    section::ActiveModel {
        course_id: Set(course.id),
        position: Set(position),
        title: Set(title),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    changed(db, course.id).await
}

/// Renames a section.
pub async fn rename_section(
    db: &DatabaseConnection,
    user: &user::Model,
    section_id: i64,
    title: &str,
) -> Result<Vec<EditorSection>, AppError> {
    let (course, section) = editable_section(db, user, section_id).await?;
    let title = item_title(title)?;
    let mut active: section::ActiveModel = section.into();
    active.title = Set(title);
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    changed(db, course.id).await
}

/// Deletes a section and every lesson in it.
pub async fn delete_section(
    db: &DatabaseConnection,
    user: &user::Model,
    section_id: i64,
) -> Result<Vec<EditorSection>, AppError> {
    let (course, section) = editable_section(db, user, section_id).await?;
    let lesson_ids: Vec<i64> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::Id)
        .filter(lesson::Column::SectionId.eq(section.id))
        .into_tuple()
        .all(db)
        .await?;
    refuse_if_learners_have_records(db, &lesson_ids, SECTION_HAS_RECORDS).await?;
    let txn = db.begin().await?;
    lesson::Entity::delete_many()
        .filter(lesson::Column::SectionId.eq(section.id))
        .exec(&txn)
        .await?;
    section::Entity::delete_by_id(section.id).exec(&txn).await?;
    txn.commit().await?;
    changed(db, course.id).await
}

/// A lesson slug unique within the course, based on the title.
async fn free_lesson_slug(
    db: &impl ConnectionTrait,
    course_id: i64,
    title: &str,
) -> Result<String, AppError> {
    let base = validate::slugify(title);
    let base = if base.is_empty() {
        "lesson".to_owned()
    } else {
        base
    };
    let taken: HashSet<String> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::Slug)
        .filter(lesson::Column::CourseId.eq(course_id))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let stem: String = base.chars().take(validate::MAX_SLUG_CHARS - 5).collect();
    let stem = stem.trim_end_matches('-');
    Ok((1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{stem}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base))
}

/// Adds a lesson of `kind` (`text`, `video`, `file`) at the end of a section.
pub async fn add_lesson(
    db: &DatabaseConnection,
    user: &user::Model,
    section_id: i64,
    title: &str,
    kind: &str,
) -> Result<Vec<EditorSection>, AppError> {
    let (course, section) = editable_section(db, user, section_id).await?;
    let title = item_title(title)?;
    if !validate::is_lesson_kind(kind) {
        return Err(AppError::field("kind", "Choose text, video or file."));
    }
    let position = next_position(
        lesson::Entity::find()
            .filter(lesson::Column::SectionId.eq(section.id))
            .count(db)
            .await?,
    )?;
    let slug = free_lesson_slug(db, course.id, &title).await?;
    let now = chrono::Utc::now();
    lesson::ActiveModel {
        course_id: Set(course.id),
        section_id: Set(section.id),
        slug: Set(slug),
        position: Set(position),
        title: Set(title),
        kind: Set(kind.to_owned()),
        body: Set(String::new()),
        duration_seconds: Set(0),
        free_preview: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    changed(db, course.id).await
}

/// Deletes a lesson.
pub async fn delete_lesson(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<Vec<EditorSection>, AppError> {
    let (course, lesson) = editable_lesson(db, user, lesson_id).await?;
    refuse_if_learners_have_records(db, &[lesson.id], LESSON_HAS_RECORDS).await?;
    lesson::Entity::delete_by_id(lesson.id).exec(db).await?;
    changed(db, course.id).await
}

/// Applies a new order to the whole curriculum. The order must name every section and lesson
/// of the course exactly once (lessons may move between sections); anything else is refused
/// without changing the stored order, since it means the editor was out of date.
pub async fn reorder(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    order: &CurriculumOrder,
) -> Result<Vec<EditorSection>, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let current = editor_outline(db, course.id).await?;
    let mut have_sections: Vec<i64> = current.iter().map(|s| s.id).collect();
    let mut have_lessons: Vec<i64> = current
        .iter()
        .flat_map(|s| s.lessons.iter().map(|l| l.id))
        .collect();
    let mut got_sections: Vec<i64> = order.sections.iter().map(|s| s.id).collect();
    let mut got_lessons: Vec<i64> = order
        .sections
        .iter()
        .flat_map(|s| s.lessons.iter().copied())
        .collect();
    for list in [
        &mut have_sections,
        &mut have_lessons,
        &mut got_sections,
        &mut got_lessons,
    ] {
        list.sort_unstable();
    }
    if have_sections != got_sections || have_lessons != got_lessons {
        return Err(AppError::Conflict(
            "The outline changed since this page loaded. Reload to see the current order.".into(),
        ));
    }
    let txn = db.begin().await?;
    for (s_pos, s) in order.sections.iter().enumerate() {
        section::Entity::update_many()
            .col_expr(section::Column::Position, Expr::value(s_pos as i32))
            .filter(section::Column::Id.eq(s.id))
            .exec(&txn)
            .await?;
        for (l_pos, lesson_id) in s.lessons.iter().enumerate() {
            lesson::Entity::update_many()
                .col_expr(lesson::Column::Position, Expr::value(l_pos as i32))
                .col_expr(lesson::Column::SectionId, Expr::value(s.id))
                .filter(lesson::Column::Id.eq(*lesson_id))
                .filter(lesson::Column::CourseId.eq(course.id))
                .exec(&txn)
                .await?;
        }
    }
    txn.commit().await?;
    changed(db, course.id).await
}
