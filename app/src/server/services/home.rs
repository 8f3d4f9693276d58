//! The home page's extras: "Continue learning" and the number of courses per category.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::AppError;
use crate::models::instructor::{CategoryCount, ContinueLearning};
use crate::models::CATEGORIES;
use crate::server::entities::{course, enrollment, user};
use crate::server::services::learning::progress::{ordered_lessons, progress_rows, summarize};

/// How many recent enrollments are looked at for "Continue learning".
const RECENT_ENROLLMENTS: u64 = 20;

/// The last lesson `user` touched in a published course they are enrolled in and have not
/// completed, most recent activity first; `None` without such progress.
pub async fn continue_learning(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<Option<ContinueLearning>, AppError> {
    let recent = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user.id))
        .filter(enrollment::Column::LastActivityAt.is_not_null())
        .filter(enrollment::Column::LastLessonId.is_not_null())
        .filter(enrollment::Column::CompletedAt.is_null())
        .order_by_desc(enrollment::Column::LastActivityAt)
        .order_by_desc(enrollment::Column::Id)
        .limit(RECENT_ENROLLMENTS)
        .all(db)
        .await?;
    for e in recent {
        let Some(course) = course::Entity::find_by_id(e.course_id)
            .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
            .one(db)
            .await?
        else {
            continue;
        };
        let lessons = ordered_lessons(db, course.id).await?;
        let Some(touched) = lessons
            .iter()
            .find(|l| Some(l.id) == e.last_lesson_id)
            .cloned()
        else {
            continue;
        };
        let rows = progress_rows(db, user.id, course.id).await?;
        let progress = summarize(&course.slug, &lessons, &rows, Some(&e));
        return Ok(Some(ContinueLearning {
            course_slug: course.slug,
            course_title: course.title,
            cover_url: course.cover_url,
            lesson_slug: touched.slug,
            lesson_title: touched.title,
            percent: progress.percent,
        }));
    }
    Ok(None)
}

/// Every category with its number of published courses, in the catalogue's category order.
pub async fn category_counts(db: &impl ConnectionTrait) -> Result<Vec<CategoryCount>, AppError> {
    let counts: HashMap<String, i64> = course::Entity::find()
        .select_only()
        .column(course::Column::Category)
        .column_as(course::Column::Id.count(), "n")
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .group_by(course::Column::Category)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(CATEGORIES
        .iter()
        .map(|(slug, label)| CategoryCount {
            slug: (*slug).to_owned(),
            label: (*label).to_owned(),
            count: counts.get(*slug).copied().unwrap_or(0).max(0) as u64,
        })
        .collect())
}
