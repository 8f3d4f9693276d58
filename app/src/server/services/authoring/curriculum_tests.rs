//! The curriculum editor: adding, renaming, deleting and reordering.

use super::courses_tests::{people, ready_course, sections_of};
use super::curriculum::*;
use crate::error::AppError;
use crate::models::CurriculumOrder;
use crate::server::services::accounts::test_support::{db, field_error};

#[tokio::test]
async fn sections_and_lessons_are_added_renamed_and_deleted() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let outline = add_section(&db, &p.ada, id, "Going further")
        .await
        .expect("add");
    assert_eq!(outline.len(), 2);
    assert_eq!(outline[1].title, "Going further");
    let outline = add_lesson(&db, &p.ada, outline[1].id, "Hello", "video")
        .await
        .expect("add");
    assert_eq!(outline[1].lessons[0].kind, "video");
    let outline = rename_section(&db, &p.ada, outline[1].id, "Next steps")
        .await
        .expect("rename");
    assert_eq!(outline[1].title, "Next steps");
    assert_eq!(
        field_error(
            rename_section(&db, &p.ada, outline[1].id, " ").await,
            "title"
        ),
        "Enter a title."
    );
    assert_eq!(
        field_error(
            add_lesson(&db, &p.ada, outline[1].id, "Essay", "essay").await,
            "kind"
        ),
        "Choose text, video or file."
    );
    let outline = delete_lesson(&db, &p.ada, outline[0].lessons[0].id)
        .await
        .expect("delete");
    assert!(outline[0].lessons.is_empty());
    let outline = delete_section(&db, &p.ada, outline[1].id)
        .await
        .expect("delete");
    assert_eq!(outline.len(), 1);
}

#[tokio::test]
async fn lessons_with_the_same_title_get_distinct_slugs() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let outline = add_lesson(
        &db,
        &p.ada,
        sections_of(&db, &p.ada, id).await[0].id,
        "Hello",
        "text",
    )
    .await
    .expect("add");
    let a = super::lessons::editor(&db, &p.ada, outline[0].lessons[0].id)
        .await
        .expect("e");
    let b = super::lessons::editor(&db, &p.ada, outline[0].lessons[1].id)
        .await
        .expect("e");
    assert_eq!(a.slug, "hello");
    assert_eq!(b.slug, "hello-2");
}

#[tokio::test]
async fn reordering_moves_lessons_within_and_between_sections() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let outline = add_section(&db, &p.ada, id, "Two").await.expect("add");
    let first = outline[0].id;
    add_lesson(&db, &p.ada, first, "Second", "text")
        .await
        .expect("add");
    let outline = add_lesson(&db, &p.ada, first, "Third", "text")
        .await
        .expect("add");
    let titles = |o: &[crate::models::EditorSection]| {
        o.iter()
            .map(|s| {
                (
                    s.title.clone(),
                    s.lessons
                        .iter()
                        .map(|l| l.title.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    // Move "Third" up to the top, and "Hello" into section Two, and put Two first.
    let mut new = CurriculumOrder::of(&outline);
    let third = new.sections[0].lessons.remove(2);
    new.sections[0].lessons.insert(0, third);
    let hello = new.sections[0].lessons.remove(1);
    new.sections[1].lessons.push(hello);
    new.sections.swap(0, 1);
    let outline = reorder(&db, &p.ada, id, &new).await.expect("reorder");
    assert_eq!(
        titles(&outline),
        vec![
            ("Two".to_owned(), vec!["Hello".to_owned()]),
            (
                "Start here".to_owned(),
                vec!["Third".to_owned(), "Second".to_owned()]
            ),
        ]
    );
}

#[tokio::test]
async fn reorders_that_do_not_match_the_course_are_refused_unchanged() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let other = ready_course(&db, &p.bob).await;
    let outline = add_lesson(
        &db,
        &p.ada,
        sections_of(&db, &p.ada, id).await[0].id,
        "Two",
        "text",
    )
    .await
    .expect("add");
    let foreign = sections_of(&db, &p.bob, other).await;
    // Missing a lesson, a duplicated lesson, and a lesson of another course.
    let mut missing = CurriculumOrder::of(&outline);
    missing.sections[0].lessons.pop();
    let mut duplicated = CurriculumOrder::of(&outline);
    let dup = duplicated.sections[0].lessons[0];
    duplicated.sections[0].lessons[1] = dup;
    let mut stolen = CurriculumOrder::of(&outline);
    stolen.sections[0].lessons[1] = foreign[0].lessons[0].id;
    for bad in [missing, duplicated, stolen] {
        assert!(matches!(
            reorder(&db, &p.ada, id, &bad).await,
            Err(AppError::Conflict(_))
        ));
    }
    assert_eq!(sections_of(&db, &p.ada, id).await, outline);
    assert_eq!(
        sections_of(&db, &p.bob, other).await,
        foreign,
        "the other course is untouched"
    );
    assert_eq!(
        reorder(&db, &p.bob, id, &CurriculumOrder::of(&outline)).await,
        Err(AppError::NotFound)
    );
}
