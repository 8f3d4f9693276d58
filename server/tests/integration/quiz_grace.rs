//! The network grace period of timed quizzes (0–120 s), the only relaxation of a deadline:
//! within it, answers the browser saved before the deadline (while the network was down) are
//! still accepted; answers saved after it are not; the attempt closes once it is over, and the
//! sweeper waits for it. On SQLite and Postgres, through the real router.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{GetAttempt, GetAttemptResult, SaveAnswer, SaveQuiz, SubmitAttempt};
use app::error::AppError;
use app::models::{AttemptResult, AttemptView, QuizItem, QuizSettings, SaveAck, SAVED_LATE};
use app::server::entities::{attempt_question, quiz_attempt};
use app::server::services::quiz::attempts::{finalize_overdue, TIME_UP};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

on_both_backends! {
    answers_saved_before_the_deadline_count_within_the_grace_period => answers_saved_before_the_deadline_count_within_the_grace_period;
    without_a_grace_period_the_deadline_is_exact => without_a_grace_period_the_deadline_is_exact;
    submitting_within_the_grace_period_ends_the_attempt_at_the_deadline => submitting_within_the_grace_period_ends_the_attempt_at_the_deadline;
    grace_periods_over_two_minutes_are_refused => grace_periods_over_two_minutes_are_refused;
}

fn graced(grace_seconds: u32) -> QuizSettings {
    QuizSettings {
        time_limit_seconds: Some(600),
        grace_seconds,
        ..settings()
    }
}

/// Saves `response` as `who`, saying the browser saved it `ms_ago` milliseconds ago.
async fn save_kept(
    app: &TestApp,
    who: &Person,
    attempt: i64,
    position: u32,
    response: &app::quiz::Response,
    ms_ago: u32,
) -> (u16, String) {
    json_call::<SaveAnswer>(
        app,
        who,
        json!({"attempt_id": attempt, "position": position, "response": response, "saved_ms_ago": ms_ago}),
    )
    .await
}

/// Moves the attempt's deadline to `seconds_ago` seconds before now (rather than waiting).
async fn deadline_passed(app: &TestApp, attempt: i64, seconds_ago: i64) -> DateTime<Utc> {
    let deadline = Utc::now() - Duration::seconds(seconds_ago);
    quiz_attempt::ActiveModel {
        id: Set(attempt),
        deadline_at: Set(Some(deadline)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .expect("move deadline");
    deadline
}

/// Starts `who`'s attempt at quiz lesson `lesson`.
async fn start(app: &TestApp, who: &Person, lesson: i64) -> AttemptView {
    ok(form::<app::api::quiz::StartAttempt>(app, who, &[("lesson_id", &lesson.to_string())]).await)
}

async fn stored_attempt(app: &TestApp, id: i64) -> quiz_attempt::Model {
    quiz_attempt::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("attempt")
}

async fn answers_saved_before_the_deadline_count_within_the_grace_period(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, graced(60)).await;
    let view = start(&app, &learner, course.quiz_lesson).await;
    assert_eq!(stored_attempt(&app, view.id).await.grace_seconds, 60);
    // Questions other than ordering (an untouched ordering counts as answered as shown).
    let q: Vec<_> = view
        .questions
        .iter()
        .filter(|q| q.question.kind != app::quiz::QuestionKind::Ordering)
        .collect();
    // Online, before the deadline: saved as usual.
    ok::<SaveAck>(
        save(
            &app,
            &learner,
            view.id,
            q[0].position,
            &right_answer(&q[0].question),
        )
        .await,
    );

    // The deadline passed 20 s ago; the network was down and is back.
    let deadline = deadline_passed(&app, view.id, 20).await;
    // Saved in the browser 30 s ago, before the deadline: accepted, and stored as saved then.
    let ack: SaveAck = ok(save_kept(
        &app,
        &learner,
        view.id,
        q[1].position,
        &right_answer(&q[1].question),
        30_000,
    )
    .await);
    let saved_at = DateTime::parse_from_rfc3339(&ack.saved_at)
        .expect("time")
        .with_timezone(&Utc);
    assert!(saved_at < deadline, "{saved_at} before {deadline}");
    assert_eq!(ack.seconds_left, Some(0));
    // Saved 5 s ago, after the deadline: refused, with the reason.
    let e = err(save_kept(
        &app,
        &learner,
        view.id,
        q[2].position,
        &right_answer(&q[2].question),
        5_000,
    )
    .await);
    assert_eq!(e, AppError::Conflict(SAVED_LATE.into()));
    // Sent at once (no age): after the deadline too.
    let e = err(save(
        &app,
        &learner,
        view.id,
        q[2].position,
        &right_answer(&q[2].question),
    )
    .await);
    assert_eq!(e, AppError::Conflict(SAVED_LATE.into()));
    // A browser claiming an hour is believed for the grace period only.
    ok::<SaveAck>(
        save_kept(
            &app,
            &learner,
            view.id,
            q[3].position,
            &right_answer(&q[3].question),
            3_600_000,
        )
        .await,
    );
    let row = attempt_question::Entity::find()
        .filter(attempt_question::Column::AttemptId.eq(view.id))
        .filter(attempt_question::Column::Position.eq(q[3].position as i32))
        .one(&app.db)
        .await
        .expect("query")
        .expect("row");
    let kept_at = row.saved_at.expect("saved");
    assert!(
        Utc::now() - kept_at <= Duration::seconds(61),
        "stored {kept_at}, not an hour ago"
    );

    // Still open while the grace period runs: the page loads, the sweeper leaves it.
    let open: AttemptView =
        ok(form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert_eq!(open.seconds_left, Some(0));
    assert_eq!(
        finalize_overdue(&app.db, Utc::now()).await.expect("sweep"),
        0,
        "in its grace period"
    );
    // Once it is over, the sweeper submits it as it was at the deadline.
    let later = deadline + Duration::seconds(61);
    assert_eq!(finalize_overdue(&app.db, later).await.expect("sweep"), 1);
    let stored = stored_attempt(&app, view.id).await;
    assert!(stored.auto_submitted);
    assert!(
        (stored.submitted_at.expect("submitted") - deadline)
            .num_milliseconds()
            .abs()
            < 1_000
    );
    let rows = attempt_question::Entity::find()
        .filter(attempt_question::Column::AttemptId.eq(view.id))
        .all(&app.db)
        .await
        .expect("query");
    let row = |position: u32| {
        rows.iter()
            .find(|r| r.position == position as i32)
            .expect("row")
    };
    for counted in [q[0], q[1], q[3]] {
        assert!(
            row(counted.position).score.unwrap_or(0.0) > 0.0,
            "answer {} counts",
            counted.position
        );
    }
    assert!(
        row(q[2].position).response.is_none(),
        "the late answer was not kept"
    );
    assert_eq!(row(q[2].position).score, Some(0.0));
    let result: AttemptResult =
        ok(form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(result.auto_submitted);
    // And nothing more is taken.
    let e = err(save_kept(
        &app,
        &learner,
        view.id,
        q[4].position,
        &right_answer(&q[4].question),
        30_000,
    )
    .await);
    assert!(matches!(e, AppError::Conflict(_)), "{e:?}");
}

async fn without_a_grace_period_the_deadline_is_exact(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, graced(0)).await;
    let view = start(&app, &learner, course.quiz_lesson).await;
    let q = &view.questions;
    deadline_passed(&app, view.id, 1).await;
    // However early the browser says it saved the answer.
    let e = err(save_kept(
        &app,
        &learner,
        view.id,
        q[0].position,
        &right_answer(&q[0].question),
        60_000,
    )
    .await);
    assert_eq!(e, AppError::Conflict(TIME_UP.into()));
    assert!(stored_attempt(&app, view.id).await.submitted_at.is_some());
}

async fn submitting_within_the_grace_period_ends_the_attempt_at_the_deadline(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, graced(90)).await;
    let view = start(&app, &learner, course.quiz_lesson).await;
    let q = &view.questions;
    let deadline = deadline_passed(&app, view.id, 10).await;
    ok::<SaveAck>(
        save_kept(
            &app,
            &learner,
            view.id,
            q[0].position,
            &right_answer(&q[0].question),
            15_000,
        )
        .await,
    );
    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(
        result.score >= 1.0,
        "the kept answer counts: {}",
        result.score
    );
    let stored = stored_attempt(&app, view.id).await;
    assert!(stored.auto_submitted, "time was up when it was submitted");
    assert!(
        (stored.submitted_at.expect("submitted") - deadline)
            .num_milliseconds()
            .abs()
            < 1_000
    );
}

async fn grace_periods_over_two_minutes_are_refused(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (teacher, course, ids, _) = quiz_with_every_kind(&app, graced(120)).await;
    let items: Vec<QuizItem> = ids
        .iter()
        .map(|id| QuizItem::Question { question_id: *id })
        .collect();
    let e = err(json_call::<SaveQuiz>(
        &app,
        &teacher,
        json!({"lesson_id": course.quiz_lesson, "settings": graced(121), "items": items}),
    )
    .await);
    assert!(
        matches!(&e, AppError::Validation(fields) if fields.contains_key("settings.grace_seconds")),
        "{e:?}"
    );
}
