//! The public course page and free-preview lessons.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use crate::error::AppError;
use crate::markdown;
use crate::models::{
    CourseDetail, InstructorSummary, LessonLink, LessonOutline, LessonView, SectionOutline,
};
use crate::server::entities::{course, lesson, media, section, user};
use crate::server::services::{authoring::may_edit, learning, media as media_service};

/// The published course `slug` (`NotFound` for unknown courses and drafts): what buying,
/// coupons and reviews act on.
pub(crate) async fn published(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<course::Model, AppError> {
    course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A course by slug as `viewer` may see it: published courses for everyone, drafts only for
/// their instructor and admins (the "preview as learner" view). `NotFound` otherwise.
pub(crate) async fn visible_course(
    db: &impl ConnectionTrait,
    viewer: Option<&user::Model>,
    slug: &str,
) -> Result<(course::Model, bool), AppError> {
    let course = course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let editor = viewer.is_some_and(|u| may_edit(u, &course));
    if course.status == course::STATUS_PUBLISHED || editor {
        Ok((course, editor))
    } else {
        Err(AppError::NotFound)
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The course's sections in order, each with its lessons in order.
pub(crate) async fn outline(
    db: &impl ConnectionTrait,
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

/// The outline DTO of [`outline`]'s sections.
pub(crate) fn to_outline(sections: &[(section::Model, Vec<lesson::Model>)]) -> Vec<SectionOutline> {
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

/// Everything the public course page shows, or `NotFound` for unknown courses and for drafts
/// the viewer may not edit.
pub async fn course_detail(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    slug: &str,
) -> Result<CourseDetail, AppError> {
    let (course, editor) = visible_course(db, viewer, slug).await?;
    let progress = match viewer {
        Some(user)
            if learning::enrollment_of(db, user.id, course.id)
                .await?
                .is_some() =>
        {
            Some(learning::progress::course_progress(db, user.id, &course).await?)
        }
        _ => None,
    };
    let owned = match viewer {
        Some(user) if course.price_cents > 0 => {
            super::payments::owns(db, user.id, course.id).await?
        }
        _ => false,
    };
    let instructor = user::Entity::find_by_id(course.instructor_id)
        .one(db)
        .await?;
    let sections = to_outline(&outline(db, course.id).await?);
    Ok(CourseDetail {
        owned,
        description_html: markdown::render(&course.description),
        instructor: instructor
            .map(|u| InstructorSummary {
                display_name: u.display_name,
                bio_html: markdown::render(&u.bio),
                bio: u.bio,
                slug: u.slug,
            })
            .unwrap_or(InstructorSummary {
                display_name: "Unknown instructor".to_owned(),
                bio: String::new(),
                bio_html: String::new(),
                slug: None,
            }),
        lesson_count: sections.iter().map(|s| s.lessons.len() as u64).sum(),
        duration_seconds: sections.iter().map(|s| s.duration_seconds).sum(),
        sections,
        is_draft: course.status != course::STATUS_PUBLISHED,
        edit_course_id: editor.then_some(course.id),
        enrolled: progress.is_some(),
        progress,
        outcomes: lines(&course.outcomes),
        requirements: lines(&course.requirements),
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

/// A free-preview lesson of a published course; for the course's instructor and admins, any
/// lesson, draft or not (preview as learner).
///
/// `NotFound` for unknown courses or lessons; `Forbidden` for lessons that need enrollment.
pub async fn preview_lesson(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    course_slug: &str,
    lesson_slug: &str,
) -> Result<LessonView, AppError> {
    let (course, editor) = visible_course(db, viewer, course_slug).await?;
    let sections = outline(db, course.id).await?;
    let index = lesson_index(&sections, lesson_slug)?;
    let current = flat_lessons(&sections)[index];
    if !current.free_preview && !editor {
        return Err(AppError::Forbidden);
    }
    lesson_view(db, &course, &sections, index).await
}

/// The course's lessons in curriculum order.
pub(crate) fn flat_lessons(
    sections: &[(section::Model, Vec<lesson::Model>)],
) -> Vec<&lesson::Model> {
    sections.iter().flat_map(|(_, l)| l.iter()).collect()
}

/// The position of lesson `slug` in curriculum order; `NotFound` when the course has none.
pub(crate) fn lesson_index(
    sections: &[(section::Model, Vec<lesson::Model>)],
    slug: &str,
) -> Result<usize, AppError> {
    flat_lessons(sections)
        .iter()
        .position(|l| l.slug == slug)
        .ok_or(AppError::NotFound)
}

/// The lesson at `index` (curriculum order) as a page shows it. Access is the caller's check.
pub(crate) async fn lesson_view(
    db: &impl ConnectionTrait,
    course: &course::Model,
    sections: &[(section::Model, Vec<lesson::Model>)],
    index: usize,
) -> Result<LessonView, AppError> {
    let flat = flat_lessons(sections);
    let current = *flat.get(index).ok_or(AppError::NotFound)?;
    let attached = match current.media_id {
        Some(id) => media::Entity::find_by_id(id)
            .filter(media::Column::Status.eq(media::STATUS_READY))
            .one(db)
            .await?
            .map(|m| media_service::info(&m)),
        None => None,
    };
    let video_src = match (current.kind.as_str(), &attached) {
        ("video", Some(m)) if m.kind == "video" => Some(m.url.clone()),
        ("video", _) => current.video_url.clone(),
        _ => None,
    };
    let attachment = attached.filter(|m| m.kind == "attachment");
    let link = |l: &&lesson::Model| LessonLink {
        slug: l.slug.clone(),
        title: l.title.clone(),
        free_preview: l.free_preview,
    };
    Ok(LessonView {
        id: current.id,
        course_slug: course.slug.clone(),
        course_title: course.title.clone(),
        slug: current.slug.clone(),
        title: current.title.clone(),
        kind: current.kind.clone(),
        duration_seconds: i64::from(current.duration_seconds),
        body_html: markdown::render_lesson(&current.body, &current.title),
        video_src,
        attachment,
        is_draft: course.status != course::STATUS_PUBLISHED,
        previous: index.checked_sub(1).and_then(|i| flat.get(i)).map(link),
        next: flat.get(index + 1).map(link),
        sections: to_outline(sections),
    })
}
