//! Courses built directly in the database, so tests start from a known curriculum.

use app::server::entities::{course, lesson, section};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};

use super::TestApp;

/// A course built directly in the database.
pub struct Fixture {
    pub id: i64,
    pub slug: String,
    pub lessons: Vec<i64>,
}

/// Inserts course `slug` of `instructor`, published or a draft, at `price_cents` USD.
pub async fn insert_course(
    app: &TestApp,
    instructor: i64,
    slug: &str,
    published: bool,
    price_cents: i64,
) -> i64 {
    let now = Utc::now();
    course::ActiveModel {
        slug: Set(slug.into()),
        title: Set(format!("Course {slug}")),
        subtitle: Set(String::new()),
        description: Set("About it.".into()),
        category: Set("programming".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(price_cents),
        currency: Set("USD".into()),
        status: Set(if published { "published" } else { "draft" }.into()),
        featured: Set(false),
        instructor_id: Set(instructor),
        published_at: Set(published.then_some(now)),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("course")
    .id
}

/// Inserts a section of course `course_id` at `position`.
pub async fn insert_section(app: &TestApp, course_id: i64, position: i32, title: &str) -> i64 {
    let now = Utc::now();
    section::ActiveModel {
        course_id: Set(course_id),
        position: Set(position),
        title: Set(title.into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("section")
    .id
}

/// A lesson to insert: where it goes and what it is.
pub struct NewLesson<'a> {
    pub course_id: i64,
    pub section_id: i64,
    pub position: i32,
    pub slug: &'a str,
    pub title: String,
    pub kind: &'a str,
    pub body: String,
    pub duration_seconds: i32,
    pub free_preview: bool,
}

/// Inserts `new` and returns its id.
pub async fn insert_lesson(app: &TestApp, new: NewLesson<'_>) -> i64 {
    let now = Utc::now();
    lesson::ActiveModel {
        course_id: Set(new.course_id),
        section_id: Set(new.section_id),
        slug: Set(new.slug.into()),
        position: Set(new.position),
        title: Set(new.title),
        kind: Set(new.kind.into()),
        body: Set(new.body),
        duration_seconds: Set(new.duration_seconds),
        free_preview: Set(new.free_preview),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("lesson")
    .id
}

/// A course of `instructor` with video lessons named `l1`, `l2`, … in order; `previews` lists
/// which of them (0-based) are free previews.
pub async fn course(
    app: &TestApp,
    instructor: i64,
    slug: &str,
    published: bool,
    price_cents: i64,
    lessons: usize,
    previews: &[usize],
) -> Fixture {
    let id = insert_course(app, instructor, slug, published, price_cents).await;
    // Two sections, the second one first by id but second by position: order is by position.
    let later = insert_section(app, id, 1, "Later").await;
    let first = insert_section(app, id, 0, "First").await;
    let mut ids = Vec::new();
    for i in 0..lessons {
        let section_id = if i < lessons.div_ceil(2) {
            first
        } else {
            later
        };
        let n = i + 1;
        let lesson = NewLesson {
            course_id: id,
            section_id,
            position: i as i32,
            slug: &format!("l{n}"),
            title: format!("Lesson {n}"),
            kind: "video",
            body: format!("Lesson **{n}** text."),
            duration_seconds: 600,
            free_preview: previews.contains(&i),
        };
        ids.push(insert_lesson(app, lesson).await);
    }
    Fixture {
        id,
        slug: slug.into(),
        lessons: ids,
    }
}

/// A published course with a text lesson and a quiz lesson.
pub struct QuizCourse {
    pub id: i64,
    pub slug: String,
    pub text_lesson: i64,
    pub quiz_lesson: i64,
}

/// A published, free course of `instructor` with lessons `intro` (text) and `quiz` (quiz).
pub async fn quiz_course(app: &TestApp, instructor: i64, slug: &str) -> QuizCourse {
    let id = insert_course(app, instructor, slug, true, 0).await;
    let section_id = insert_section(app, id, 0, "Only").await;
    let mut ids = Vec::new();
    for (position, (slug, kind)) in [("intro", "text"), ("quiz", "quiz")]
        .into_iter()
        .enumerate()
    {
        let lesson = NewLesson {
            course_id: id,
            section_id,
            position: position as i32,
            slug,
            title: format!("Lesson {slug}"),
            kind,
            body: String::new(),
            duration_seconds: 60,
            free_preview: false,
        };
        ids.push(insert_lesson(app, lesson).await);
    }
    QuizCourse {
        id,
        slug: slug.into(),
        text_lesson: ids[0],
        quiz_lesson: ids[1],
    }
}

/// A third lesson of `course`: `practice`, a quiz lesson after `quiz` in the same section; its id.
pub async fn add_practice_lesson(app: &TestApp, course: &QuizCourse) -> i64 {
    use sea_orm::EntityTrait;
    let section_id = lesson::Entity::find_by_id(course.quiz_lesson)
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
        .section_id;
    let lesson = NewLesson {
        course_id: course.id,
        section_id,
        position: 2,
        slug: "practice",
        title: "Practice".into(),
        kind: "quiz",
        body: String::new(),
        duration_seconds: 60,
        free_preview: false,
    };
    insert_lesson(app, lesson).await
}
