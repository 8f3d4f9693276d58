//! Completing a quiz lesson never fails on a race, and the overdue sweeper closes every attempt
//! it can even when one of them cannot be closed — on SQLite and Postgres.

use crate::common::learning::{event, record};
use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{StartAttempt, SubmitAttempt};
use app::models::{AttemptView, QuizSettings, Role};
use app::server::entities::{attempt_question, quiz_attempt};
use app::server::services::quiz::attempts::finalize_overdue;
use chrono::{Duration, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};

on_both_backends! {
    the_sweeper_goes_on_past_an_attempt_it_cannot_close => the_sweeper_goes_on_past_an_attempt_it_cannot_close;
    a_pass_and_a_progress_event_at_once_both_succeed => a_pass_and_a_progress_event_at_once_both_succeed;
}

async fn the_sweeper_goes_on_past_an_attempt_it_cannot_close(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let timed = QuizSettings {
        time_limit_seconds: Some(60),
        ..settings()
    };
    let (_, course, _, first) = quiz_with_every_kind(&app, timed).await;
    let second = person(&app, "second@example.org", Role::Learner).await;
    enroll(&app, &second, &course.slug).await;
    let broken = answered_attempt(&app, &first, course.quiz_lesson).await;
    let fine = answered_attempt(&app, &second, course.quiz_lesson).await;
    // The first attempt's stored question is damaged: grading it fails.
    attempt_question::Entity::update_many()
        .col_expr(attempt_question::Column::Question, Expr::value("{damaged"))
        .filter(attempt_question::Column::AttemptId.eq(broken.id))
        .exec(&app.db)
        .await
        .expect("damage");

    let later = Utc::now() + Duration::seconds(61);
    let closed = finalize_overdue(&app.db, later)
        .await
        .expect("the sweep itself succeeds");
    assert_eq!(closed, 1, "the attempt after the damaged one is closed");
    let stored = quiz_attempt::Entity::find_by_id(fine.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("attempt");
    assert!(stored.auto_submitted && stored.submitted_at.is_some());
    assert_eq!(stored.percent, Some(100.0));
}

async fn a_pass_and_a_progress_event_at_once_both_succeed(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, _) = quiz_with_every_kind(&app, settings()).await;
    for n in 0..8 {
        let learner = person(&app, &format!("racer{n}@example.org"), Role::Learner).await;
        enroll(&app, &learner, &course.slug).await;
        let view = answered_attempt(&app, &learner, course.quiz_lesson).await;
        // Opening the quiz lesson (a progress event) while the passing attempt is submitted:
        // both write the learner's progress row for that lesson.
        let now = Utc::now().to_rfc3339();
        let attempt_id = view.id.to_string();
        let args = [("attempt_id", attempt_id.as_str())];
        let (submitted, recorded) = tokio::join!(
            form::<SubmitAttempt>(&app, &learner, &args),
            record(
                &app,
                &learner,
                serde_json::json!([event(n, course.quiz_lesson, "started", None, &now)]),
            ),
        );
        assert_eq!(submitted.0, 200, "racer {n}: {}", submitted.1);
        recorded.expect("the progress event is recorded");
    }
}

on_both_backends! {
    no_answer_is_saved_after_grading => no_answer_is_saved_after_grading;
}

/// Saves racing a submission either land before grading (and count) or are refused: after
/// the race every question of the attempt is graded, and the attempt's score is their sum.
async fn no_answer_is_saved_after_grading(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    for round in 0..6 {
        let view: AttemptView = ok(form::<StartAttempt>(
            &app,
            &learner,
            &[("lesson_id", &course.quiz_lesson.to_string())],
        )
        .await);
        let attempt_id = view.id.to_string();
        let args = [("attempt_id", attempt_id.as_str())];
        let saves = view.questions.iter().map(|q| {
            let answer = right_answer(&q.question);
            let (app, learner) = (&app, &learner);
            async move { save(app, learner, view.id, q.position, &answer).await }
        });
        let (submitted, saved) = tokio::join!(
            form::<SubmitAttempt>(&app, &learner, &args),
            futures_util::future::join_all(saves),
        );
        assert_eq!(submitted.0, 200, "round {round}: {}", submitted.1);
        for (status, body) in &saved {
            assert!(
                *status == 200 || *status == 409,
                "round {round}: a save is stored or refused, got {status}: {body}"
            );
        }
        let rows = attempt_question::Entity::find()
            .filter(attempt_question::Column::AttemptId.eq(view.id))
            .all(&app.db)
            .await
            .expect("rows");
        assert!(
            rows.iter().all(|r| r.score.is_some()),
            "round {round}: an answer was saved after grading and never graded"
        );
        let stored = quiz_attempt::Entity::find_by_id(view.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("attempt");
        let sum: f64 = rows.iter().filter_map(|r| r.score).sum();
        assert!(
            (stored.score.unwrap_or(-1.0) - sum).abs() < 1e-9,
            "round {round}: the grade counts exactly the stored answers"
        );
    }
}
