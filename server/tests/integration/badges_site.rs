//! Site-wide badges (admins define them; a number of courses completed, a daily streak) and
//! course badges with an image uploaded to the course.

use app::api::badges::{CreateBadge, CreateSiteBadge, GetSiteBadges, RevokeAward};
use app::error::AppError;
use app::models::{Role, SiteBadges};
use app::server::entities::points_entry;
use chrono::{Duration, Utc};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, Set};

use crate::badges::{achievements, complete};
use crate::common::authoring::{upload, PNG};
use crate::common::courses::course;
use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::{call, err, form, ok, person, Backend, Person, Sessions, TestApp};

/// Creates a site-wide badge as `who`; the raw reply.
async fn create_site_badge(
    app: &TestApp,
    who: &Person,
    name: &str,
    rule: &str,
    threshold: &str,
) -> (u16, String) {
    form::<CreateSiteBadge>(
        app,
        who,
        &[
            ("name", name),
            ("description", "Keeps learning."),
            ("criteria", "Learn on Lectern."),
            ("image", "bolt"),
            ("rule", rule),
            ("threshold", threshold),
        ],
    )
    .await
}

/// Enrolls `who` in course `slug`.
async fn enroll(app: &TestApp, who: &Person, slug: &str) {
    let _: app::models::CourseProgress = call(
        app,
        &who.client,
        app::api::learning::Enroll::PATH,
        &[("slug", slug)],
    )
    .await
    .expect("enroll");
}

/// Points `user_id` earned `days_ago` days before now (as if for lesson `source`).
async fn earned_days_ago(app: &TestApp, user_id: i64, course_id: i64, source: &str, days_ago: i64) {
    points_entry::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course_id),
        source: Set(source.to_owned()),
        amount: Set(10),
        earned_at: Set(Utc::now() - Duration::days(days_ago)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("points");
}

/// Waits until no badge backfill job is queued (a job's row goes once it has run).
async fn backfills_done(app: &TestApp) {
    use app::server::entities::job;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    for _ in 0..100 {
        let queued = job::Entity::find()
            .filter(job::Column::Kind.eq(app::server::services::badges::BACKFILL_JOB))
            .filter(job::Column::FailedAt.is_null())
            .count(&app.db)
            .await
            .expect("count jobs");
        if queued == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the badge backfill job did not run");
}

async fn only_admins_define_site_badges(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let root = person(&app, "root@example.org", Role::Admin).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    for (who, what) in [(&ada, "an instructor"), (&lea, "a learner")] {
        assert_eq!(
            create_site_badge(&app, who, "Mine", "courses_completed", "1")
                .await
                .0,
            403,
            "{what} may not define a site-wide badge"
        );
        assert_eq!(form::<GetSiteBadges>(&app, who, &[]).await.0, 403);
    }
    let bad = err(form::<CreateSiteBadge>(
        &app,
        &root,
        &[
            ("name", ""),
            ("description", "x"),
            ("criteria", "y"),
            ("image", "media:1"),
            ("rule", "quiz_passed"),
            ("threshold", "0"),
        ],
    )
    .await);
    let AppError::Validation(fields) = bad else {
        panic!("expected field errors, got {bad:?}");
    };
    let mut named: Vec<&str> = fields.keys().map(String::as_str).collect();
    named.sort_unstable();
    assert_eq!(
        named,
        ["image", "name", "rule", "threshold"],
        "a site-wide badge takes a built-in image, a site rule and a number"
    );
    assert_eq!(
        err(create_site_badge(&app, &root, "Streaky", "streak_days", "366").await),
        AppError::field("threshold", "Enter how many days in a row, from 1 to 365.")
    );

    // Two courses completed: one is not enough, the second (in another course) earns it.
    let _: i64 = ok(create_site_badge(&app, &root, "Two courses", "courses_completed", "2").await);
    let other = course(&app, ada.id, "go", true, 0, 1, &[]).await;
    complete(&app, &lea, &c.lessons, 1).await;
    assert!(
        achievements(&app, &lea)
            .await
            .badges
            .iter()
            .all(|b| b.name != "Two courses"),
        "one course completed of two"
    );
    enroll(&app, &lea, "go").await;
    complete(&app, &lea, &other.lessons, 2).await;
    let mine = achievements(&app, &lea).await;
    let earned = mine
        .badges
        .iter()
        .find(|b| b.name == "Two courses")
        .expect("earned with the second course");
    assert_eq!(earned.course, None, "a site-wide badge names no course");
    let credential = earned.id.clone();

    let listed: SiteBadges = ok(form::<GetSiteBadges>(&app, &root, &[]).await);
    assert_eq!(listed.badges.len(), 1);
    assert_eq!(listed.badges[0].rule_text, "Completes 2 courses");
    assert_eq!(listed.badges[0].awarded, 1);
    assert_eq!(listed.awards.len(), 1);
    assert_eq!(listed.awards[0].learner, "Name lea@example.org");

    // Only admins revoke a site-wide award, not the instructor of the courses.
    let revoke = [
        ("credential", credential.as_str()),
        ("reason", "Shared account"),
    ];
    assert_eq!(form::<RevokeAward>(&app, &ada, &revoke).await.0, 403);
    let _: () = ok(form::<RevokeAward>(&app, &root, &revoke).await);
    let after = achievements(&app, &lea).await;
    assert_eq!(
        after
            .badges
            .iter()
            .find(|b| b.id == credential)
            .and_then(|b| b.revoked.clone()),
        Some("Shared account".to_owned())
    );
}

async fn a_streak_badge_counts_days_in_a_row(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let root = person(&app, "root@example.org", Role::Admin).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    let sam = enrolled_learner(&app, "sam@example.org").await;
    // Lea learned on the two days before today; Sam two and four days ago (a gap).
    earned_days_ago(&app, lea.id, c.id, "lesson:9001", 1).await;
    earned_days_ago(&app, lea.id, c.id, "lesson:9002", 2).await;
    earned_days_ago(&app, sam.id, c.id, "lesson:9003", 2).await;
    earned_days_ago(&app, sam.id, c.id, "lesson:9004", 4).await;
    let _: i64 = ok(create_site_badge(&app, &root, "3-day streak", "streak_days", "3").await);
    // Once the badge's backfill job has run, nobody holds it: nobody has three days in a row.
    backfills_done(&app).await;
    for who in [&lea, &sam] {
        assert!(achievements(&app, who).await.badges.is_empty());
    }

    // Today's lesson makes Lea's third day in a row; Sam's still has a gap.
    complete(&app, &lea, &c.lessons[..1], 1).await;
    complete(&app, &sam, &c.lessons[..1], 11).await;
    let names = |a: app::models::Achievements| -> Vec<String> {
        a.badges.into_iter().map(|b| b.name).collect()
    };
    assert_eq!(names(achievements(&app, &lea).await), ["3-day streak"]);
    assert!(names(achievements(&app, &sam).await).is_empty());
    // Another lesson the same day, and a replay, award nothing more.
    complete(&app, &lea, &c.lessons[1..2], 2).await;
    complete(&app, &lea, &c.lessons[..1], 1).await;
    assert_eq!(achievements(&app, &lea).await.badges.len(), 1);
}

/// Creates a course badge "Sealed" in `course` as `who`, with image `image`; the raw reply.
async fn create_with_image(app: &TestApp, who: &Person, course: i64, image: &str) -> (u16, String) {
    form::<CreateBadge>(
        app,
        who,
        &[
            ("course", &course.to_string()),
            ("name", "Sealed"),
            ("description", "Finished."),
            ("criteria", "Complete the course."),
            ("image", image),
            ("rule", "course_completed"),
        ],
    )
    .await
}

async fn a_course_badge_may_use_an_uploaded_image(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let bobs = course(&app, bob.id, "bobs", true, 0, 1, &[]).await;
    let image = upload(&app, &ada.client, c.id, "image", "seal.png", PNG.to_vec())
        .await
        .expect("uploaded");
    let bobs_image = upload(
        &app,
        &bob.client,
        bobs.id,
        "image",
        "other.png",
        PNG.to_vec(),
    )
    .await
    .expect("uploaded");
    let visitor = TestApp::new_client();
    let before = visitor
        .get(app.url(&format!("/media/{}/badge", image.id)))
        .send()
        .await
        .expect("get");
    assert!(
        matches!(before.status().as_u16(), 401 | 403),
        "an unused upload is not public: {}",
        before.status()
    );

    // Another course's upload, or something that is no upload at all, is refused.
    for key in [
        format!("media:{}", bobs_image.id),
        "media:999999".into(),
        "media:x".into(),
    ] {
        assert_eq!(
            err(create_with_image(&app, &ada, c.id, &key).await),
            AppError::field("image", "Choose one of the images."),
            "{key}"
        );
    }
    let _: i64 = ok(create_with_image(&app, &ada, c.id, &format!("media:{}", image.id)).await);

    let lea = enrolled_learner(&app, "lea@example.org").await;
    complete(&app, &lea, &c.lessons, 1).await;
    let mine = achievements(&app, &lea).await;
    let path = format!("/media/{}/badge", image.id);
    assert_eq!(mine.badges[0].image, path);
    // Anyone may fetch it now (credential pages and verifiers show it), from caches too.
    let after = visitor.get(app.url(&path)).send().await.expect("get");
    assert_eq!(after.status(), 200);
    assert_eq!(after.headers()["cache-control"], "public, max-age=86400");
    assert_eq!(after.bytes().await.expect("bytes").as_ref(), PNG);
    // The signed credential names the image by its absolute address.
    let jwt = lea
        .client
        .get(app.url(&format!(
            "/credentials/{}/credential.json",
            mine.badges[0].id
        )))
        .send()
        .await
        .expect("json");
    let body: serde_json::Value = jwt.json().await.expect("credential json");
    let id = body["credentialSubject"]["achievement"]["image"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(id.ends_with(&path), "image id {id}");
}

on_both_backends! {
    site_badges_admins => only_admins_define_site_badges;
    site_badges_streak => a_streak_badge_counts_days_in_a_row;
    badges_uploaded_image => a_course_badge_may_use_an_uploaded_image;
}
