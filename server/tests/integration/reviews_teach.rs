//! What instructors do with reviews: reply once to each review of their own courses (another
//! instructor gets 403) and edit the reply, and read the newest reviews, each course's rating
//! and the rating by month.

use app::api::authoring::ListMyCourses;
use app::api::learning::GetCourseStats;
use app::api::reviews::{ListNewReviews, ReplyToReview};
use app::error::AppError;
use app::models::{AuthoredCourseRow, CourseStats, NewReview, Role};

use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::{err, form, ok, person, Backend, Sessions, TestApp};
use crate::reviews::{open_lesson, reviews, submit};

async fn the_instructor_replies_once_and_may_edit_it(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    open_lesson(&app, &lea, c.lessons[0], 1).await;
    let _: () = ok(submit(&app, &lea, "2", "The audio is too quiet in part two.").await);
    let page = reviews(&app, &ada, &[]).await;
    let review = page.items[0].clone();
    assert!(review.can_reply, "the course's instructor may reply");
    assert!(!reviews(&app, &bob, &[]).await.items[0].can_reply);
    let id = review.id.to_string();
    assert_eq!(
        form::<ReplyToReview>(&app, &bob, &[("review_id", &id), ("text", "Not my course")])
            .await
            .0,
        403,
        "another instructor may not reply"
    );
    assert_eq!(
        form::<ReplyToReview>(&app, &lea, &[("review_id", &id), ("text", "Me")])
            .await
            .0,
        403
    );
    assert_eq!(
        err(form::<ReplyToReview>(&app, &ada, &[("review_id", &id), ("text", "  ")]).await),
        AppError::field("text", "Write a reply of 1 to 5000 characters.")
    );
    let _: () = ok(form::<ReplyToReview>(
        &app,
        &ada,
        &[("review_id", &id), ("text", "Thanks, fixed.")],
    )
    .await);
    let reply = reviews(&app, &lea, &[]).await.items[0]
        .reply
        .clone()
        .expect("reply");
    assert_eq!(
        (reply.body.as_str(), reply.edited),
        ("Thanks, fixed.", false)
    );
    let _: () = ok(form::<ReplyToReview>(
        &app,
        &ada,
        &[("review_id", &id), ("text", "Thanks, fixed in v2.")],
    )
    .await);
    let reply = reviews(&app, &lea, &[]).await.items[0]
        .reply
        .clone()
        .expect("reply");
    assert_eq!(
        (reply.body.as_str(), reply.edited),
        ("Thanks, fixed in v2.", true)
    );

    // `/teach` lists it as answered, to its instructor only, with the course's rating.
    let new: Vec<NewReview> = ok(form::<ListNewReviews>(&app, &ada, &[]).await);
    assert_eq!(
        new.iter()
            .map(|r| (
                r.author.as_str(),
                r.rating,
                r.replied,
                r.course_slug.as_str()
            ))
            .collect::<Vec<_>>(),
        [("Name lea@example.org", 2, true, "rust")]
    );
    let theirs: Vec<NewReview> = ok(form::<ListNewReviews>(&app, &bob, &[]).await);
    assert!(theirs.is_empty(), "not bob's course: {theirs:?}");
    assert_eq!(form::<ListNewReviews>(&app, &lea, &[]).await.0, 403);
    let mine: Vec<AuthoredCourseRow> = ok(form::<ListMyCourses>(&app, &ada, &[]).await);
    assert_eq!((mine[0].rating_count, mine[0].rating_tenths), (1, 20));
    let stats: CourseStats =
        ok(form::<GetCourseStats>(&app, &ada, &[("course_id", &c.id.to_string())]).await);
    let months = &stats.rating_per_month;
    assert_eq!(months.len(), 12);
    let this_month = chrono::Utc::now().format("%Y-%m").to_string();
    assert_eq!(
        months.last().map(|m| (m.month.as_str(), m.count, m.tenths)),
        Some((this_month.as_str(), 1, 20))
    );
}

on_both_backends! {
    reviews_instructor_reply => the_instructor_replies_once_and_may_edit_it;
}
