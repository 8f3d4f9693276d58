//! The public course page and free-preview lessons.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppError;
use crate::models::{
    CourseDetail, InstructorSummary, LessonLink, LessonOutline, LessonView, SectionOutline,
};
use crate::server::entities::{course, lesson, section, user};
use crate::server::markdown;

/// A published course by slug; `NotFound` for unknown slugs and drafts.
async fn published_course(db: &DatabaseConnection, slug: &str) -> Result<course::Model, AppError> {
    course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The course's sections in order, each with its lessons in order.
async fn outline(
    db: &DatabaseConnection,
    course_id: i64,
) -> Result<Vec<(section::Model, Vec<lesson::Model>)>, AppError> {
    let sections = section::Entity::find()
        .filter(section::Column::CourseId.eq(course_id))
        .order_by_asc(section::Column::Position)
        .order_by_asc(section::Column::Id)
        .all(db)
        .await?;
    let mut lessons = lesson::Entity::find()
        .filter(lesson::Column::CourseId.eq(course_id))
        .order_by_asc(lesson::Column::Position)
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?;
    Ok(sections
        .into_iter()
        .map(|s| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                lessons.drain(..).partition(|l| l.section_id == s.id);
            lessons = rest;
            (s, mine)
        })
        .collect())
}

fn to_outline(sections: &[(section::Model, Vec<lesson::Model>)]) -> Vec<SectionOutline> {
    sections
        .iter()
        .map(|(s, lessons)| SectionOutline {
            title: s.title.clone(),
            duration_seconds: lessons.iter().map(|l| i64::from(l.duration_seconds)).sum(),
            lessons: lessons
                .iter()
                .map(|l| LessonOutline {
                    slug: l.slug.clone(),
                    title: l.title.clone(),
                    kind: l.kind.clone(),
                    duration_seconds: i64::from(l.duration_seconds),
                    free_preview: l.free_preview,
                })
                .collect(),
        })
        .collect()
}

/// Everything the public course page shows, or `NotFound` for unknown or draft courses.
pub async fn course_detail(db: &DatabaseConnection, slug: &str) -> Result<CourseDetail, AppError> {
    let course = published_course(db, slug).await?;
    let instructor = user::Entity::find_by_id(course.instructor_id)
        .one(db)
        .await?;
    let sections = to_outline(&outline(db, course.id).await?);
    Ok(CourseDetail {
        description_html: markdown::render(&course.description),
        instructor: instructor
            .map(|u| InstructorSummary {
                display_name: u.display_name,
                bio: u.bio,
            })
            .unwrap_or(InstructorSummary {
                display_name: "Unknown instructor".to_owned(),
                bio: String::new(),
            }),
        lesson_count: sections.iter().map(|s| s.lessons.len() as u64).sum(),
        duration_seconds: sections.iter().map(|s| s.duration_seconds).sum(),
        sections,
        slug: course.slug,
        title: course.title,
        subtitle: course.subtitle,
        category: course.category,
        level: course.level,
        language: course.language,
        price_cents: course.price_cents,
        currency: course.currency,
        cover_url: course.cover_url,
    })
}

/// A free-preview lesson of a published course.
///
/// `NotFound` for unknown courses or lessons; `Forbidden` for lessons that need enrollment.
pub async fn preview_lesson(
    db: &DatabaseConnection,
    course_slug: &str,
    lesson_slug: &str,
) -> Result<LessonView, AppError> {
    let course = published_course(db, course_slug).await?;
    let sections = outline(db, course.id).await?;
    let flat: Vec<&lesson::Model> = sections.iter().flat_map(|(_, l)| l.iter()).collect();
    let index = flat
        .iter()
        .position(|l| l.slug == lesson_slug)
        .ok_or(AppError::NotFound)?;
    let current = flat[index];
    if !current.free_preview {
        return Err(AppError::Forbidden);
    }
    let link = |l: &&lesson::Model| LessonLink {
        slug: l.slug.clone(),
        title: l.title.clone(),
        free_preview: l.free_preview,
    };
    Ok(LessonView {
        course_slug: course.slug,
        course_title: course.title,
        slug: current.slug.clone(),
        title: current.title.clone(),
        kind: current.kind.clone(),
        duration_seconds: i64::from(current.duration_seconds),
        body_html: markdown::render(&current.body),
        previous: index.checked_sub(1).and_then(|i| flat.get(i)).map(link),
        next: flat.get(index + 1).map(link),
        sections: to_outline(&sections),
    })
}
