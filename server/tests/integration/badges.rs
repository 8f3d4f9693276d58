//! Badges end to end through the server functions and routes: awarding exactly once whatever
//! the order and repetition of progress events, late badges reaching learners who already
//! earned them, and who may define, delete and revoke.

use app::api::badges::{CreateBadge, DeleteBadge, GetAchievements, RevokeAward};
use app::error::AppError;
use app::models::{Achievements, Role};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::common::learning::{enrolled_learner, event, instructor_and_course, record};
use crate::common::{err, form, ok, person, Backend, Person, Sessions, TestApp};

/// Creates a course badge as `who` in course `course` with `rule`; the raw reply.
pub(crate) async fn create_badge(
    app: &TestApp,
    who: &Person,
    course: i64,
    name: &str,
    rule: &str,
) -> (u16, String) {
    form::<CreateBadge>(
        app,
        who,
        &[
            ("course", &course.to_string()),
            ("name", name),
            ("description", "Finished the whole course."),
            ("criteria", "Complete every lesson."),
            ("image", "trophy"),
            ("rule", rule),
        ],
    )
    .await
}

/// `who`'s achievements.
pub(crate) async fn achievements(app: &TestApp, who: &Person) -> Achievements {
    ok(form::<GetAchievements>(app, who, &[]).await)
}

/// How many awards `user_id` holds, read from the database.
async fn awards_of(app: &TestApp, user_id: i64) -> u64 {
    use app::server::entities::badge_award;
    badge_award::Entity::find()
        .filter(badge_award::Column::UserId.eq(user_id))
        .count(&app.db)
        .await
        .expect("count awards")
}

/// Completes `lessons` (event numbers from `first`) in one batch.
pub(crate) async fn complete(app: &TestApp, who: &Person, lessons: &[i64], first: u32) {
    let events: Vec<_> = lessons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            event(
                first + i as u32,
                *l,
                "completed",
                None,
                "2026-03-01T10:00:00Z",
            )
        })
        .collect();
    record(app, who, json!(events)).await.expect("record");
}

async fn awarded_once_whatever_the_order_of_events(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let _: i64 = ok(create_badge(&app, &ada, c.id, "Rust graduate", "course_completed").await);
    let _: i64 = ok(create_badge(&app, &ada, c.id, "First steps", "first_lesson").await);
    let lea = enrolled_learner(&app, "lea@example.org").await;
    let sam = enrolled_learner(&app, "sam@example.org").await;
    assert!(achievements(&app, &lea).await.badges.is_empty());

    // The last lesson first, then the first one, then the same batch again (a replay).
    complete(&app, &lea, &[c.lessons[2]], 1).await;
    let names: Vec<String> = achievements(&app, &lea)
        .await
        .badges
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(
        names,
        ["First steps"],
        "one lesson earns only the first badge"
    );
    complete(&app, &lea, &[c.lessons[0]], 2).await;
    complete(&app, &lea, &[c.lessons[2], c.lessons[0]], 1).await;
    assert_eq!(awards_of(&app, lea.id).await, 1);
    complete(&app, &lea, &[c.lessons[1]], 3).await;
    // Replaying every event in reverse order changes nothing.
    complete(&app, &lea, &[c.lessons[1]], 3).await;
    complete(&app, &lea, &[c.lessons[0], c.lessons[2]], 1).await;
    let mine = achievements(&app, &lea).await;
    let mut names: Vec<&str> = mine.badges.iter().map(|b| b.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["First steps", "Rust graduate"]);
    assert_eq!(
        awards_of(&app, lea.id).await,
        2,
        "exactly one award per badge"
    );
    assert!(mine
        .badges
        .iter()
        .all(|b| b.course.as_deref() == Some("Course rust")));

    // Only starting a lesson earns nothing.
    record(
        &app,
        &sam,
        json!([event(
            9,
            c.lessons[0],
            "started",
            None,
            "2026-03-01T10:00:00Z"
        )]),
    )
    .await
    .expect("started");
    assert!(achievements(&app, &sam).await.badges.is_empty());
    assert_eq!(awards_of(&app, sam.id).await, 0);
}

async fn a_new_badge_reaches_those_who_already_earned_it(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let _: i64 = ok(create_badge(&app, &ada, c.id, "Early finisher", "course_completed").await);
    // The queued job awards it without the learner doing anything more.
    let mut held = 0;
    for _ in 0..100 {
        held = awards_of(&app, lea.id).await;
        if held > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        held, 1,
        "the badge job awarded the learner who had completed the course"
    );
}

async fn who_may_define_delete_and_revoke(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    assert_eq!(
        create_badge(&app, &bob, c.id, "Not mine", "course_completed")
            .await
            .0,
        403,
        "another instructor may not add badges to Ada's course"
    );
    assert_eq!(
        create_badge(&app, &lea, c.id, "Self-made", "course_completed")
            .await
            .0,
        403
    );
    let bad = err(form::<CreateBadge>(
        &app,
        &ada,
        &[
            ("course", &c.id.to_string()),
            ("name", "  "),
            ("description", "x"),
            ("criteria", "y"),
            ("image", "dragon"),
            ("rule", "quiz_passed"),
            ("threshold", "120"),
        ],
    )
    .await);
    let AppError::Validation(fields) = bad else {
        panic!("expected field errors, got {bad:?}");
    };
    let mut named: Vec<&str> = fields.keys().map(String::as_str).collect();
    named.sort_unstable();
    assert_eq!(named, ["image", "name", "quiz_lesson", "threshold"]);
    assert_eq!(
        err(create_badge(&app, &ada, c.id, "All quizzes", "all_quizzes_passed").await),
        AppError::field(
            "rule",
            "This course has no graded quiz yet: add one first, or choose another rule."
        )
    );

    // Nobody holds a new badge yet: it can be deleted, by its course's instructor only.
    let unused: i64 = ok(create_badge(&app, &ada, c.id, "Unused", "course_completed").await);
    assert_eq!(
        form::<DeleteBadge>(&app, &bob, &[("badge_id", &unused.to_string())])
            .await
            .0,
        403
    );
    let _: () = ok(form::<DeleteBadge>(&app, &ada, &[("badge_id", &unused.to_string())]).await);

    let used: i64 = ok(create_badge(&app, &ada, c.id, "Used", "first_lesson").await);
    complete(&app, &lea, &c.lessons, 1).await;
    let mine = achievements(&app, &lea).await;
    let names: Vec<&str> = mine.badges.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Used"], "the deleted badge was never awarded");
    let credential = mine.badges[0].id.clone();
    let refused = err(form::<DeleteBadge>(&app, &ada, &[("badge_id", &used.to_string())]).await);
    assert!(
        matches!(&refused, AppError::Conflict(m) if m.contains("Revoke an award instead")),
        "an awarded badge cannot be deleted: {refused:?}"
    );

    let revoke = |who: &Person, reason: &str| {
        let args = [
            ("credential", credential.clone()),
            ("reason", reason.to_owned()),
        ];
        let client = who.client.clone();
        let app = &app;
        async move {
            let reply = app
                .call_with(
                    &client,
                    <RevokeAward as leptos::server_fn::ServerFn>::PATH,
                    &args
                        .iter()
                        .map(|(k, v)| (*k, v.as_str()))
                        .collect::<Vec<_>>(),
                    Some(&app.url("")),
                )
                .await;
            (reply.status, reply.body)
        }
    };
    assert_eq!(revoke(&bob, "Not my course").await.0, 403);
    assert_eq!(revoke(&lea, "I changed my mind").await.0, 403);
    assert!(matches!(
        err(revoke(&ada, "no").await),
        AppError::Validation(f) if f.contains_key("reason")
    ));
    let _: () = ok(revoke(&ada, "Copied the final project").await);
    let after = achievements(&app, &lea).await;
    let revoked = after
        .badges
        .iter()
        .find(|b| b.id == credential)
        .expect("still listed");
    assert_eq!(revoked.revoked.as_deref(), Some("Copied the final project"));
    // Revoking again keeps the first reason.
    let _: () = ok(revoke(&ada, "Another reason").await);
    let again = achievements(&app, &lea).await;
    assert_eq!(
        again
            .badges
            .iter()
            .find(|b| b.id == credential)
            .and_then(|b| b.revoked.clone()),
        Some("Copied the final project".to_owned())
    );
}

on_both_backends! {
    badges_awarded_once => awarded_once_whatever_the_order_of_events;
    badges_backfilled => a_new_badge_reaches_those_who_already_earned_it;
    badges_access => who_may_define_delete_and_revoke;
}
