//! Reviews end to end through the real router: who may review, one review per learner even
//! when two submits race, the rating summary after every change, helpful votes and reports,
//! pagination and sorting, and former learners. Replies and `/teach`: reviews_teach.rs; moderation and the catalogue: reviews_moderation.rs.

use app::api::learning::Unenroll;
use app::api::reviews::{
    DeleteReview, EditReview, GetReviews, MarkHelpful, ReportReview, SubmitReview,
};
use app::error::AppError;
use app::models::{ReviewEligibility, ReviewPage, Role};
use app::server::entities::{review, review_report};
use app::server::services::reviews::{lock_rating, recompute_rating, votes, write};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set, TransactionTrait};
use serde_json::json;

use crate::common::learning::{enrolled_learner, event, instructor_and_course, record};
use crate::common::{err, form, ok, person, user_with_role, Backend, Person, Sessions, TestApp};

pub(crate) async fn reviews(app: &TestApp, who: &Person, extra: &[(&str, &str)]) -> ReviewPage {
    let mut args = vec![("slug", "rust")];
    args.extend_from_slice(extra);
    ok(form::<GetReviews>(app, who, &args).await)
}

pub(crate) async fn submit(app: &TestApp, who: &Person, rating: &str, text: &str) -> (u16, String) {
    form::<SubmitReview>(
        app,
        who,
        &[("slug", "rust"), ("rating", rating), ("text", text)],
    )
    .await
}

/// `who` opens the first lesson of `rust`.
pub(crate) async fn open_lesson(app: &TestApp, who: &Person, lesson: i64, n: u32) {
    record(
        app,
        who,
        json!([event(n, lesson, "started", None, "2026-03-01T10:00:00Z")]),
    )
    .await
    .expect("started");
}

fn histogram(page: &ReviewPage) -> Vec<u64> {
    page.summary.histogram.iter().map(|s| s.count).collect()
}

async fn who_may_review_and_the_summary_follows(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let visitor = person(&app, "vic@example.org", Role::Learner).await;
    assert_eq!(
        reviews(&app, &visitor, &[]).await.eligibility,
        ReviewEligibility::Enroll
    );
    assert_eq!(
        err(submit(&app, &visitor, "5", "").await),
        AppError::Conflict(write::ENROLL_FIRST.into())
    );
    let lea = enrolled_learner(&app, "lea@example.org").await;
    assert_eq!(
        reviews(&app, &lea, &[]).await.eligibility,
        ReviewEligibility::OpenLesson
    );
    assert_eq!(
        err(submit(&app, &lea, "5", "").await),
        AppError::Conflict(write::OPEN_A_LESSON.into())
    );
    open_lesson(&app, &lea, c.lessons[0], 1).await;
    assert_eq!(
        reviews(&app, &lea, &[]).await.eligibility,
        ReviewEligibility::Eligible
    );
    // Bad input names its fields and saves nothing.
    let AppError::Validation(fields) = err(submit(&app, &lea, "9", "short").await) else {
        panic!("field errors")
    };
    assert_eq!(fields.keys().collect::<Vec<_>>(), ["rating", "text"]);
    assert_eq!(review::Entity::find().count(&app.db).await.expect("n"), 0);

    let _: () = ok(submit(&app, &lea, "4", "Clear explanations, <b>good</b> pace.").await);
    assert_eq!(
        err(submit(&app, &lea, "5", "").await),
        AppError::Conflict(write::ALREADY_REVIEWED.into())
    );
    let page = reviews(&app, &lea, &[]).await;
    assert_eq!(page.eligibility, ReviewEligibility::Reviewed);
    assert_eq!(
        (page.summary.count, page.summary.average_text()),
        (1, "4.0".into())
    );
    let mine = page.mine.expect("mine");
    assert_eq!(
        mine.body.as_deref(),
        Some("Clear explanations, <b>good</b> pace."),
        "stored as typed"
    );
    assert_eq!(
        (mine.progress.as_str(), mine.edited),
        ("0% through the course", false)
    );

    let tom = enrolled_learner(&app, "tom@example.org").await;
    open_lesson(&app, &tom, c.lessons[0], 2).await;
    let _: () = ok(submit(&app, &tom, "1", "").await);
    let page = reviews(&app, &tom, &[]).await;
    assert_eq!(
        (page.summary.count, page.summary.average_text()),
        (2, "2.5".into())
    );
    assert_eq!(histogram(&page), [0, 1, 0, 0, 1]);
    assert_eq!(page.summary.histogram[1].percent, 50);

    let _: () = ok(form::<EditReview>(
        &app,
        &tom,
        &[
            ("slug", "rust"),
            ("rating", "3"),
            ("text", "Better on a second look."),
        ],
    )
    .await);
    let page = reviews(&app, &tom, &[]).await;
    assert_eq!(page.summary.average_text(), "3.5");
    assert!(page.mine.expect("mine").edited, "an edited review says so");

    // The page shows the text escaped (never as markup).
    let html = visitor
        .client
        .get(app.url("/courses/rust"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("Clear explanations, &lt;b&gt;good&lt;/b&gt; pace."),
        "escaped text"
    );
    for part in [
        r#""@type":"Course""#,
        r#""@type":"AggregateRating""#,
        r#""ratingValue":"3.5""#,
        r#""ratingCount":2"#,
    ] {
        assert!(
            html.contains(part),
            "schema.org data for search engines: {part}"
        );
    }

    // A learner who leaves stays as a former learner; deleting drops the rating at once.
    let _: () = ok(form::<Unenroll>(&app, &tom, &[("slug", "rust")]).await);
    let page = reviews(&app, &visitor, &[]).await;
    let tom_row = page
        .items
        .iter()
        .find(|r| r.rating == 3)
        .expect("tom's review");
    assert!(tom_row.former_learner);
    assert_eq!(
        err(form::<EditReview>(
            &app,
            &tom,
            &[("slug", "rust"), ("rating", "5"), ("text", "")]
        )
        .await),
        AppError::Conflict(write::ENROLL_FIRST.into())
    );
    let _: () = ok(form::<DeleteReview>(&app, &tom, &[("slug", "rust")]).await);
    let page = reviews(&app, &visitor, &[]).await;
    assert_eq!(
        (page.summary.count, page.summary.average_text()),
        (1, "4.0".into())
    );
    assert_eq!(
        form::<DeleteReview>(&app, &tom, &[("slug", "rust")])
            .await
            .0,
        404
    );
}

async fn two_submits_at_once_make_one_review(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    open_lesson(&app, &lea, c.lessons[0], 1).await;
    let (a, b) = tokio::join!(
        submit(&app, &lea, "5", "First try, clicked twice."),
        submit(&app, &lea, "4", "Second try, clicked twice.")
    );
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    let page = reviews(&app, &lea, &[]).await;
    assert_eq!(page.summary.count, 1);
    assert_eq!(review::Entity::find().count(&app.db).await.expect("n"), 1);
}

async fn helpful_votes_reports_sorting_and_pages(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let mut learners = Vec::new();
    for i in 0..3 {
        let who = enrolled_learner(&app, &format!("l{i}@example.org")).await;
        open_lesson(&app, &who, c.lessons[0], i + 1).await;
        let _: () = ok(submit(
            &app,
            &who,
            "5",
            &format!("Review number {i} of this course."),
        )
        .await);
        learners.push(who);
    }
    let oldest = reviews(&app, &learners[0], &[])
        .await
        .mine
        .expect("mine")
        .id
        .to_string();
    // Not on one's own; once per person however often it is sent.
    assert_eq!(
        err(form::<MarkHelpful>(&app, &learners[0], &[("review_id", &oldest)]).await),
        AppError::Conflict(votes::OWN_REVIEW.into())
    );
    let first: i64 = ok(form::<MarkHelpful>(&app, &learners[1], &[("review_id", &oldest)]).await);
    let again: i64 = ok(form::<MarkHelpful>(&app, &learners[1], &[("review_id", &oldest)]).await);
    assert_eq!((first, again), (1, 1));
    let page = reviews(&app, &learners[2], &[("sort", "helpful")]).await;
    assert_eq!(page.items[0].id.to_string(), oldest, "most helpful first");
    let page = reviews(&app, &learners[2], &[("sort", "newest")]).await;
    assert_eq!(page.items[2].id.to_string(), oldest, "newest first");
    assert!(reviews(&app, &learners[1], &[])
        .await
        .items
        .iter()
        .any(|r| r.voted));

    assert_eq!(
        err(form::<ReportReview>(
            &app,
            &learners[2],
            &[("review_id", &oldest), ("reason", "x")]
        )
        .await),
        AppError::field(
            "reason",
            "Say in 3 to 500 characters what is wrong with this review."
        )
    );
    for _ in 0..2 {
        let _: () = ok(form::<ReportReview>(
            &app,
            &learners[2],
            &[("review_id", &oldest), ("reason", "Spam link")],
        )
        .await);
    }
    assert_eq!(
        review_report::Entity::find()
            .count(&app.db)
            .await
            .expect("n"),
        1,
        "one report per person"
    );
    assert_eq!(
        form::<MarkHelpful>(&app, &learners[2], &[("review_id", "999999")])
            .await
            .0,
        404
    );

    // Eleven reviews make two pages of ten (eight more written straight into the database, with
    // the aggregate recomputed as the service does).
    let now = chrono::Utc::now();
    for i in 3..11 {
        let user = user_with_role(&app, "More", &format!("l{i}@example.org"), Role::Learner).await;
        review::ActiveModel {
            course_id: Set(c.id),
            user_id: Set(user.id),
            rating: Set(3),
            body: Set(None),
            progress_percent: Set(50),
            completed: Set(false),
            helpful_count: Set(0),
            edited: Set(false),
            reply_edited: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("review");
    }
    let txn = app.db.begin().await.expect("txn");
    lock_rating(&txn, c.id, now).await.expect("lock");
    recompute_rating(&txn, c.id).await.expect("recompute");
    txn.commit().await.expect("commit");
    let first_page = reviews(&app, &learners[0], &[]).await;
    let second = reviews(&app, &learners[0], &[("page", "2")]).await;
    assert_eq!((first_page.items.len(), first_page.total_pages), (10, 2));
    assert_eq!((second.items.len(), second.page), (1, 2));
    assert_eq!(first_page.summary.count, 11);
}

on_both_backends! {
    reviews_eligibility_and_summary => who_may_review_and_the_summary_follows;
    reviews_one_per_learner_under_races => two_submits_at_once_make_one_review;
    reviews_votes_reports_pages => helpful_votes_reports_sorting_and_pages;
}
