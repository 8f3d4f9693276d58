//! Moderation and what the catalogue shows: an admin hides a reported review and the course's
//! card, its rating sort and the "4 stars & up" filter change at once; a dismissed report
//! leaves the review.

use app::api::reviews::{
    DismissReports, HideReview, ListReportedReviews, MarkHelpful, ReportReview,
};
use app::models::{ReportedReview, Role};

use crate::common::learning::{enrolled_learner, instructor_and_course};
use crate::common::{form, ok, person, Backend, Sessions, TestApp};
use crate::reviews::{open_lesson, reviews, submit};

/// The catalogue page as a visitor gets it.
async fn catalogue(app: &TestApp, query: &str) -> String {
    let (status, html) = app.get(&format!("/courses{query}")).await;
    assert_eq!(status, 200, "{query}");
    html
}

async fn admins_hide_or_dismiss_reported_reviews(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let root = person(&app, "root@example.org", Role::Admin).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    let tom = enrolled_learner(&app, "tom@example.org").await;
    open_lesson(&app, &lea, c.lessons[0], 1).await;
    open_lesson(&app, &tom, c.lessons[0], 2).await;
    let _: () = ok(submit(&app, &lea, "1", "Buy my course instead at spam.example").await);
    let _: () = ok(submit(&app, &tom, "5", "").await);
    let spam = reviews(&app, &lea, &[])
        .await
        .mine
        .expect("mine")
        .id
        .to_string();
    let fair = reviews(&app, &tom, &[])
        .await
        .mine
        .expect("mine")
        .id
        .to_string();
    let _: () = ok(form::<ReportReview>(
        &app,
        &tom,
        &[("review_id", &spam), ("reason", "Advertising")],
    )
    .await);
    let _: () =
        ok(form::<ReportReview>(&app, &lea, &[("review_id", &fair), ("reason", "Too kind")]).await);

    let queue: Vec<ReportedReview> = ok(form::<ListReportedReviews>(&app, &root, &[]).await);
    assert_eq!(queue.len(), 2);
    let listed = queue
        .iter()
        .find(|q| q.review_id.to_string() == spam)
        .expect("listed");
    assert_eq!(listed.reasons, ["Advertising"]);
    assert_eq!(form::<ListReportedReviews>(&app, &tom, &[]).await.0, 403);
    assert_eq!(
        form::<HideReview>(&app, &tom, &[("review_id", &spam), ("reason", "Spam")])
            .await
            .0,
        403
    );

    assert_eq!(reviews(&app, &tom, &[]).await.summary.average_text(), "3.0");
    let card = catalogue(&app, "?sort=rating").await;
    assert!(card.contains("Rated 3.0 out of 5 from 2 ratings"), "{card}");
    assert!(
        !catalogue(&app, "?rating=4").await.contains("Course rust"),
        "3.0 is not 4 stars & up"
    );
    let _: () = ok(form::<HideReview>(
        &app,
        &root,
        &[("review_id", &spam), ("reason", "Advertising another site")],
    )
    .await);
    // It leaves the rating at once; others no longer see it; its author sees why.
    let page = reviews(&app, &tom, &[]).await;
    assert_eq!(
        (page.summary.count, page.summary.average_text()),
        (1, "5.0".into())
    );
    assert!(page.items.iter().all(|r| r.id.to_string() != spam));
    let filtered = catalogue(&app, "?rating=4").await;
    assert!(
        filtered.contains("Course rust") && filtered.contains("Rated 5.0 out of 5 from 1 rating<"),
        "the card and the filter follow at once: {filtered}"
    );
    let own = reviews(&app, &lea, &[]).await.mine.expect("still theirs");
    assert_eq!(
        own.hidden_reason.as_deref(),
        Some("Advertising another site")
    );
    assert_eq!(
        form::<MarkHelpful>(&app, &tom, &[("review_id", &spam)])
            .await
            .0,
        404,
        "a hidden review takes no votes"
    );

    let _: () = ok(form::<DismissReports>(&app, &root, &[("review_id", &fair)]).await);
    let queue: Vec<ReportedReview> = ok(form::<ListReportedReviews>(&app, &root, &[]).await);
    assert!(queue.is_empty(), "both settled: {queue:?}");
    assert_eq!(
        reviews(&app, &lea, &[]).await.items.len(),
        1,
        "a dismissed review stays"
    );
}

on_both_backends! {
    reviews_moderation => admins_hide_or_dismiss_reported_reviews;
}
