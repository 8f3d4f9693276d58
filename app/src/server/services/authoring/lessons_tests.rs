//! The lesson editor: autosave with revisions, validation, access.

use super::courses_tests::{people, ready_course, sections_of};
use super::lessons::*;
use crate::error::AppError;
use crate::models::LessonDraft;
use crate::server::services::accounts::test_support::{db, field_error};

#[tokio::test]
async fn lesson_saves_are_revisioned_and_validated() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let lesson_id = sections_of(&db, &p.ada, id).await[0].lessons[0].id;
    let start = editor(&db, &p.ada, lesson_id).await.expect("editor");
    let draft = LessonDraft {
        body: "# Welcome\n\nSome **bold** words.".into(),
        duration_minutes: "5".into(),
        free_preview: true,
        ..start.draft.clone()
    };
    let saved = update(&db, &p.ada, lesson_id, start.revision, &draft)
        .await
        .expect("save");
    let now = editor(&db, &p.ada, lesson_id).await.expect("editor");
    assert_eq!(now.draft, draft);
    assert_eq!(now.revision, saved.revision);
    assert!(matches!(
        update(&db, &p.ada, lesson_id, start.revision, &start.draft).await,
        Err(AppError::Conflict(_))
    ));
    let bad = LessonDraft {
        video_url: "javascript:alert(1)".into(),
        ..draft.clone()
    };
    assert!(field_error(
        update(&db, &p.ada, lesson_id, saved.revision, &bad).await,
        "video_url"
    )
    .contains("https://"));
    assert_eq!(
        editor(&db, &p.ada, lesson_id).await.expect("e").draft,
        draft
    );
}

#[tokio::test]
async fn other_instructors_and_learners_cannot_read_or_edit_lessons() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let lesson_id = sections_of(&db, &p.ada, id).await[0].lessons[0].id;
    let draft = editor(&db, &p.ada, lesson_id).await.expect("e").draft;
    for outsider in [&p.bob, &p.lea] {
        assert_eq!(
            editor(&db, outsider, lesson_id).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            update(&db, outsider, lesson_id, 1, &draft).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            set_media(&db, outsider, lesson_id, None).await,
            Err(AppError::NotFound)
        );
    }
    assert!(editor(&db, &p.root, lesson_id).await.is_ok());
}
