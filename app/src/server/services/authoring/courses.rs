//! Courses as instructors see them: the dashboard, creating, editing and publishing.

use std::collections::HashMap;

use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr, TransactionTrait,
};

use super::validate::{self, format_price_input};
use super::{editable_course, STALE_EDIT};
use crate::error::AppError;
use crate::models::{
    self, AuthoredCourseRow, CourseDraft, CourseEditor, EditorLesson, EditorSection, Role, Saved,
};
use crate::server::entities::{course, enrollment, lesson, user};

/// The courses `user` may edit, most recently changed first (admins: every course).
pub async fn list_mine(
    db: &DatabaseConnection,
    user: &user::Model,
) -> Result<Vec<AuthoredCourseRow>, AppError> {
    let mut query = course::Entity::find().order_by_desc(course::Column::UpdatedAt);
    if user.role != Role::Admin.as_str() {
        query = query.filter(course::Column::InstructorId.eq(user.id));
    }
    let courses = query.all(db).await?;
    let ids: Vec<i64> = courses.iter().map(|c| c.id).collect();
    let lesson_counts =
        counts_per_course::<lesson::Entity>(db, lesson::Column::CourseId, &ids).await?;
    // The same count the course's statistics page shows as its enrollments.
    let learner_counts =
        counts_per_course::<enrollment::Entity>(db, enrollment::Column::CourseId, &ids).await?;
    let names = crate::server::services::accounts::instructor_names(db, &courses).await?;
    let ratings = crate::server::services::reviews::ratings_of(db, &ids).await?;
    Ok(courses
        .into_iter()
        .map(|c| AuthoredCourseRow {
            rating_count: ratings
                .get(&c.id)
                .map_or(0, |r| u64::try_from(r.0).unwrap_or(0)),
            rating_tenths: ratings
                .get(&c.id)
                .map_or(0, |r| crate::models::rating_tenths(r.1, r.0)),
            lesson_count: lesson_counts.get(&c.id).copied().unwrap_or(0),
            learners: learner_counts.get(&c.id).copied().unwrap_or(0),
            updated_at: c.updated_at.to_rfc3339(),
            instructor_name: names.get(&c.instructor_id).cloned().unwrap_or_default(),
            id: c.id,
            slug: c.slug,
            title: c.title,
            status: c.status,
        })
        .collect())
}

/// How many rows of `E` belong to each of `ids`, by its course column (one grouped query).
async fn counts_per_course<E: EntityTrait>(
    db: &DatabaseConnection,
    course_column: E::Column,
    ids: &[i64],
) -> Result<HashMap<i64, u64>, AppError> {
    let rows: Vec<(i64, i64)> = E::find()
        .select_only()
        .column(course_column)
        .column_as(Expr::col(course_column).count(), "n")
        .filter(course_column.is_in(ids.iter().copied()))
        .group_by(course_column)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u64::try_from(n).unwrap_or(0)))
        .collect())
}

fn is_unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// Whether `slug` is used by a course other than `except`.
async fn slug_taken(
    db: &impl ConnectionTrait,
    slug: &str,
    except: Option<i64>,
) -> Result<bool, AppError> {
    let mut query = course::Entity::find().filter(course::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(course::Column::Id.ne(id));
    }
    Ok(query.count(db).await? > 0)
}

/// A free slug based on `base`: `base`, then `base-2`, `base-3`, ...
async fn free_slug(db: &impl ConnectionTrait, base: &str) -> Result<String, AppError> {
    let base = if base.is_empty() { "course" } else { base };
    for n in 1..=100 {
        let candidate = if n == 1 {
            base.to_owned()
        } else {
            let suffix = format!("-{n}");
            let stem: String = base
                .chars()
                .take(validate::MAX_SLUG_CHARS - suffix.len())
                .collect();
            format!("{}{suffix}", stem.trim_end_matches('-'))
        };
        if !slug_taken(db, &candidate, None).await? {
            return Ok(candidate);
        }
    }
    Err(AppError::field(
        "title",
        "Too many courses share this title; choose a more specific one.",
    ))
}

/// Creates a draft course owned by `user` with a generated unique slug; returns its id.
pub async fn create(
    db: &DatabaseConnection,
    user: &user::Model,
    title: &str,
    category: &str,
    level: &str,
) -> Result<i64, AppError> {
    let draft = CourseDraft {
        title: title.to_owned(),
        category: category.to_owned(),
        level: level.to_owned(),
        language: "en".into(),
        ..CourseDraft::default()
    };
    let clean = validate::course(&draft).map_err(AppError::Validation)?;
    let slug = free_slug(db, &clean.slug).await?;
    let now = chrono::Utc::now();
    let inserted = course::ActiveModel {
        slug: Set(slug),
        title: Set(clean.title),
        subtitle: Set(String::new()),
        description: Set(String::new()),
        category: Set(clean.category),
        level: Set(clean.level),
        language: Set(clean.language),
        price_cents: Set(0),
        currency: Set("USD".into()),
        cover_url: Set(None),
        status: Set(course::STATUS_DRAFT.into()),
        featured: Set(false),
        instructor_id: Set(user.id),
        published_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(c) => Ok(c.id),
        // Two creations raced for the same slug: the loser asks again.
        Err(e) if is_unique_violation(&e) => Err(AppError::Conflict(
            "Another course just took that web address. Try again.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// The course's sections and lessons in order, for editors.
pub async fn editor_outline(
    db: &impl ConnectionTrait,
    course_id: i64,
) -> Result<Vec<EditorSection>, AppError> {
    Ok(crate::server::services::courses::outline(db, course_id)
        .await?
        .into_iter()
        .map(|(s, lessons)| EditorSection {
            lessons: lessons
                .into_iter()
                .map(|l| EditorLesson {
                    id: l.id,
                    title: l.title,
                    kind: l.kind,
                    free_preview: l.free_preview,
                })
                .collect(),
            id: s.id,
            title: s.title,
        })
        .collect())
}

/// What stops `course` from being published (see [`models::publish_problems`]).
pub fn publish_problems(course: &course::Model, sections: &[EditorSection]) -> Vec<String> {
    models::publish_problems(
        &course.title,
        sections.iter().map(|s| s.lessons.len()).sum(),
        course.cover_url.is_some(),
    )
}

/// Everything the course editor shows.
pub async fn editor(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
) -> Result<CourseEditor, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let sections = editor_outline(db, course.id).await?;
    Ok(CourseEditor {
        publish_problems: publish_problems(&course, &sections),
        sections,
        id: course.id,
        revision: course.revision,
        status: course.status,
        cover_url: course.cover_url,
        draft: CourseDraft {
            title: course.title,
            slug: course.slug,
            subtitle: course.subtitle,
            description: course.description,
            category: course.category,
            level: course.level,
            language: course.language,
            price: format_price_input(course.price_cents),
            currency: course.currency,
            outcomes: course.outcomes,
            requirements: course.requirements,
        },
    })
}

/// Saves the course's fields if `revision` is still current; `Conflict` if someone saved since.
pub async fn update(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    revision: i32,
    draft: &CourseDraft,
) -> Result<Saved, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let next = super::next_revision(revision)?;
    let clean = validate::course(draft).map_err(AppError::Validation)?;
    if clean.slug != course.slug && slug_taken(db, &clean.slug, Some(course.id)).await? {
        return Err(AppError::field(
            "slug",
            "Another course already uses this web address.",
        ));
    }
    let txn = db.begin().await?;
    let result = course::Entity::update_many()
        .col_expr(course::Column::Title, Expr::value(clean.title))
        .col_expr(course::Column::Slug, Expr::value(clean.slug.clone()))
        .col_expr(course::Column::Subtitle, Expr::value(clean.subtitle))
        .col_expr(course::Column::Description, Expr::value(clean.description))
        .col_expr(course::Column::Category, Expr::value(clean.category))
        .col_expr(course::Column::Level, Expr::value(clean.level))
        .col_expr(course::Column::Language, Expr::value(clean.language))
        .col_expr(course::Column::PriceCents, Expr::value(clean.price_cents))
        .col_expr(
            course::Column::Currency,
            Expr::value(if clean.currency.is_empty() {
                course.currency.clone()
            } else {
                clean.currency
            }),
        )
        .col_expr(course::Column::Outcomes, Expr::value(clean.outcomes))
        .col_expr(
            course::Column::Requirements,
            Expr::value(clean.requirements),
        )
        .col_expr(course::Column::Revision, Expr::value(next))
        .col_expr(course::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(course::Column::Id.eq(course.id))
        .filter(course::Column::Revision.eq(revision))
        .exec(&txn)
        .await;
    match result {
        Ok(r) if r.rows_affected == 1 => {
            txn.commit().await?;
            Ok(Saved {
                revision: next,
                slug: clean.slug,
            })
        }
        Ok(_) => Err(AppError::Conflict(STALE_EDIT.into())),
        Err(e) if is_unique_violation(&e) => Err(AppError::field(
            "slug",
            "Another course already uses this web address.",
        )),
        Err(e) => Err(e.into()),
    }
}

/// Publishes the course if nothing stops it (see [`publish_problems`]); they come back as a
/// validation error on the field `publish`, one problem per line.
pub async fn publish(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
) -> Result<(), AppError> {
    let course = editable_course(db, user, course_id).await?;
    let sections = editor_outline(db, course.id).await?;
    let problems = publish_problems(&course, &sections);
    if !problems.is_empty() {
        return Err(AppError::field("publish", &problems.join("\n")));
    }
    let now = chrono::Utc::now();
    let mut active: course::ActiveModel = course.clone().into();
    active.status = Set(course::STATUS_PUBLISHED.into());
    if course.published_at.is_none() {
        active.published_at = Set(Some(now));
    }
    active.updated_at = Set(now);
    active.update(db).await?;
    Ok(())
}

/// Hides the course from the catalogue again. Enrolled learners keep their access.
pub async fn unpublish(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
) -> Result<(), AppError> {
    let course = editable_course(db, user, course_id).await?;
    let mut active: course::ActiveModel = course.into();
    active.status = Set(course::STATUS_DRAFT.into());
    active.updated_at = Set(chrono::Utc::now());
    active.update(db).await?;
    Ok(())
}
