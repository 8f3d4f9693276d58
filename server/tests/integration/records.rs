//! Learners' records outlive curriculum edits: a lesson or section in which learners have
//! progress or quiz attempts cannot be deleted (409 with the way forward); one without can.

use crate::common::learning::{enrolled_learner, event, instructor_and_course, record};
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::authoring::{DeleteLesson, DeleteSection};
use app::error::AppError;
use app::models::EditorSection;
use app::server::entities::{lesson, lesson_progress};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

on_both_backends! {
    lessons_with_learners_records_are_kept => lessons_with_learners_records_are_kept;
}

async fn lessons_with_learners_records_are_kept(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    record(
        &app,
        &lea,
        json!([event(
            1,
            c.lessons[0],
            "completed",
            None,
            "2026-03-01T10:00:00Z"
        )]),
    )
    .await
    .expect("record");

    let refused =
        err(form::<DeleteLesson>(&app, &ada, &[("lesson_id", &c.lessons[0].to_string())]).await);
    match refused {
        AppError::Conflict(message) => assert!(message.contains("progress"), "{message}"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    let section_id = lesson::Entity::find_by_id(c.lessons[0])
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
        .section_id;
    let refused =
        err(form::<DeleteSection>(&app, &ada, &[("section_id", &section_id.to_string())]).await);
    assert!(matches!(refused, AppError::Conflict(_)), "{refused:?}");
    let kept = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::LessonId.eq(c.lessons[0]))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(kept, 1, "the learner's progress is still there");

    // A lesson nobody has opened can go.
    let outline: Vec<EditorSection> =
        ok(form::<DeleteLesson>(&app, &ada, &[("lesson_id", &c.lessons[2].to_string())]).await);
    let left: Vec<i64> = outline
        .iter()
        .flat_map(|s| s.lessons.iter().map(|l| l.id))
        .collect();
    assert!(
        !left.contains(&c.lessons[2]) && left.contains(&c.lessons[0]),
        "{left:?}"
    );
}
