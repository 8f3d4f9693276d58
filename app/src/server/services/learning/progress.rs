//! Reading progress: one course's ticks and percent, and the learner's "My learning" list.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{enrollment_of, rfc3339};
use crate::error::AppError;
use crate::models::{CourseProgress, EnrolledCourse, LessonProgress};
use crate::server::entities::{course, enrollment, lesson, lesson_progress, user};
use crate::server::services::courses::{flat_lessons, outline, visible_course};

/// The course's lessons in curriculum order.
pub(crate) async fn ordered_lessons(
    db: &impl ConnectionTrait,
    course_id: i64,
) -> Result<Vec<lesson::Model>, AppError> {
    let sections = outline(db, course_id).await?;
    Ok(flat_lessons(&sections).into_iter().cloned().collect())
}

/// The lesson where "Continue" leads: the last lesson touched if it is not complete, else the
/// first incomplete lesson in curriculum order, else the last lesson.
pub fn continue_lesson(
    lessons: &[LessonProgress],
    last_touched: Option<i64>,
) -> Option<&LessonProgress> {
    last_touched
        .and_then(|id| lessons.iter().find(|l| l.lesson_id == id && !l.completed))
        .or_else(|| lessons.iter().find(|l| !l.completed))
        .or_else(|| lessons.last())
}

/// A course's progress from its lessons (curriculum order), the learner's progress rows and
/// their enrollment.
pub fn summarize(
    course_slug: &str,
    lessons: &[lesson::Model],
    rows: &[lesson_progress::Model],
    enrollment: Option<&enrollment::Model>,
) -> CourseProgress {
    let by_lesson: HashMap<i64, &lesson_progress::Model> =
        rows.iter().map(|r| (r.lesson_id, r)).collect();
    let lessons: Vec<LessonProgress> = lessons
        .iter()
        .map(|l| match by_lesson.get(&l.id) {
            Some(row) => LessonProgress {
                lesson_id: l.id,
                slug: l.slug.clone(),
                started: true,
                position_seconds: row.position_seconds,
                furthest_seconds: row.furthest_seconds,
                duration_seconds: row.duration_seconds,
                completed: row.completed_at.is_some(),
                completed_at: row.completed_at.map(rfc3339),
            },
            None => LessonProgress {
                lesson_id: l.id,
                slug: l.slug.clone(),
                started: false,
                position_seconds: 0.0,
                furthest_seconds: 0.0,
                duration_seconds: None,
                completed: false,
                completed_at: None,
            },
        })
        .collect();
    let total = lessons.len() as u32;
    let completed = lessons.iter().filter(|l| l.completed).count() as u32;
    let percent = if total == 0 {
        0
    } else {
        (u64::from(completed) * 100 / u64::from(total)) as u8
    };
    // Without an enrollment (a preview), the most recently updated lesson stands in.
    let last_touched = enrollment.and_then(|e| e.last_lesson_id).or_else(|| {
        rows.iter()
            .max_by_key(|r| r.updated_at)
            .map(|r| r.lesson_id)
    });
    CourseProgress {
        course_slug: course_slug.to_owned(),
        enrolled: enrollment.is_some(),
        completed_lessons: completed,
        total_lessons: total,
        percent,
        completed_at: enrollment.and_then(|e| e.completed_at).map(rfc3339),
        continue_lesson_slug: continue_lesson(&lessons, last_touched).map(|l| l.slug.clone()),
        lessons,
    }
}

/// The progress rows of `user_id` in `course_id`.
pub(crate) async fn progress_rows(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<Vec<lesson_progress::Model>, AppError> {
    Ok(lesson_progress::Entity::find()
        .filter(lesson_progress::Column::CourseId.eq(course_id))
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .all(db)
        .await?)
}

/// The progress of `user_id` in `course` (enrolled or not; `enrolled` says which).
pub async fn course_progress(
    db: &impl ConnectionTrait,
    user_id: i64,
    course: &course::Model,
) -> Result<CourseProgress, AppError> {
    let lessons = ordered_lessons(db, course.id).await?;
    let rows = progress_rows(db, user_id, course.id).await?;
    let enrollment = enrollment_of(db, user_id, course.id).await?;
    Ok(summarize(
        &course.slug,
        &lessons,
        &rows,
        enrollment.as_ref(),
    ))
}

/// The signed-in learner's progress in the course `slug` when enrolled; `None` when not.
/// `NotFound` for unknown courses and drafts they may not see.
pub async fn progress_for_slug(
    db: &impl ConnectionTrait,
    user: &user::Model,
    slug: &str,
) -> Result<Option<CourseProgress>, AppError> {
    let (course, _) = visible_course(db, Some(user), slug).await?;
    if enrollment_of(db, user.id, course.id).await?.is_none() {
        return Ok(None);
    }
    Ok(Some(course_progress(db, user.id, &course).await?))
}

/// The learner's enrolled courses that are published, most recently active first (a course
/// enrolled in but not yet started counts its enrollment as activity).
pub async fn my_learning(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<Vec<EnrolledCourse>, AppError> {
    let enrollments = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user.id))
        .all(db)
        .await?;
    let courses: HashMap<i64, course::Model> = course::Entity::find()
        .filter(course::Column::Id.is_in(enrollments.iter().map(|e| e.course_id)))
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let instructors: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(courses.values().map(|c| c.instructor_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut list = Vec::with_capacity(courses.len());
    for e in &enrollments {
        let Some(course) = courses.get(&e.course_id) else {
            continue;
        };
        let lessons = ordered_lessons(db, course.id).await?;
        let rows = progress_rows(db, user.id, course.id).await?;
        let progress = summarize(&course.slug, &lessons, &rows, Some(e));
        let recent = e
            .last_activity_at
            .map_or(e.enrolled_at, |a| a.max(e.enrolled_at));
        list.push((
            recent,
            EnrolledCourse {
                slug: course.slug.clone(),
                title: course.title.clone(),
                cover_url: course.cover_url.clone(),
                instructor_name: instructors
                    .get(&course.instructor_id)
                    .cloned()
                    .unwrap_or_else(|| "Unknown instructor".to_owned()),
                percent: progress.percent,
                completed_lessons: progress.completed_lessons,
                total_lessons: progress.total_lessons,
                enrolled_at: rfc3339(e.enrolled_at),
                last_activity_at: e.last_activity_at.map(rfc3339),
                continue_lesson_slug: progress.continue_lesson_slug,
                completed_at: e.completed_at.map(rfc3339),
            },
        ));
    }
    list.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.slug.cmp(&b.1.slug)));
    Ok(list.into_iter().map(|(_, c)| c).collect())
}
