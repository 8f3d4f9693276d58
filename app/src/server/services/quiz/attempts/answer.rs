//! The attempt in progress: showing it, saving answers, and checking one when the quiz gives
//! feedback immediately.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    QueryTrait, Set, TransactionTrait,
};

use super::super::snapshots::{attempt_question, questions_of};
use super::super::{from_json, rules, to_json};
use super::{open_attempt, overdue, saved_time};
use crate::error::AppError;
use crate::models::{AttemptView, FeedbackTiming, QuestionFeedback, SaveAck, SAVED_LATE};
use crate::quiz::{feedback, grade, response_fits, Presentation, Question, Response};
use crate::server::entities::{attempt_question, lesson, quiz, quiz_attempt, user};
use crate::server::services::learning::rfc3339;

/// What a learner is told when an answer arrives after the attempt was submitted.
const SUBMITTED: &str = "This attempt has been submitted: the answer was not saved.";

/// The learner's attempt in progress with saved answers (and checked answers' feedback).
pub async fn view(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
) -> Result<AttemptView, AppError> {
    let now = Utc::now();
    let attempt = open_attempt(db, user, attempt_id, now).await?;
    let quiz = quiz::Entity::find_by_id(attempt.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let lesson = lesson::Entity::find_by_id(attempt.lesson_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    let questions = questions_of(db, attempt.id)
        .await?
        .iter()
        .map(|row| attempt_question(row, row.checked))
        .collect::<Result<_, _>>()?;
    Ok(AttemptView {
        id: attempt.id,
        lesson_id: attempt.lesson_id,
        number: attempt.number as u32,
        quiz_title: lesson.title,
        questions,
        deadline: attempt.deadline_at.map(rfc3339),
        seconds_left: attempt.deadline_at.map(|d| (d - now).num_seconds().max(0)),
        one_per_page: settings.one_per_page,
        check_each: settings.feedback == FeedbackTiming::Immediately,
    })
}

/// The attempt question at `position`, checked to take `response`.
async fn answerable(
    db: &impl ConnectionTrait,
    attempt: &quiz_attempt::Model,
    position: u32,
    response: &Response,
) -> Result<(attempt_question::Model, Question, Presentation), AppError> {
    let row = attempt_question::Entity::find()
        .filter(attempt_question::Column::AttemptId.eq(attempt.id))
        .filter(attempt_question::Column::Position.eq(position as i32))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("position", "This attempt has no such question."))?;
    let question: Question = from_json(&row.question)?;
    if !kind_matches(&question, response) || !response_fits(&question, response) {
        return Err(AppError::field(
            "response",
            "This answer does not fit the question.",
        ));
    }
    if row.checked {
        return Err(AppError::Conflict(
            "This answer has been checked and can no longer change.".into(),
        ));
    }
    let layout = from_json(&row.presentation)?;
    Ok((row, question, layout))
}

fn kind_matches(question: &Question, response: &Response) -> bool {
    use crate::quiz::QuestionKind as K;
    matches!(
        (question.body.kind(), response),
        (K::SingleChoice, Response::SingleChoice(_))
            | (K::MultipleChoice, Response::MultipleChoice(_))
            | (K::TrueFalse, Response::TrueFalse(_))
            | (K::ShortText, Response::ShortText(_))
            | (K::Numeric, Response::Numeric(_))
            | (K::Ordering, Response::Ordering(_))
            | (K::Matching, Response::Matching(_))
            | (K::FillBlanks, Response::FillBlanks(_))
    ) && response_size_ok(response)
}

/// Bounds on what a response may carry (a browser is not trusted to send little).
fn response_size_ok(response: &Response) -> bool {
    match response {
        Response::ShortText(t) | Response::Numeric(t) => t.len() <= 1_000,
        Response::MultipleChoice(v) | Response::Ordering(v) => v.len() <= 50,
        Response::Matching(v) => v.len() <= 50,
        Response::FillBlanks(v) => v.len() <= 50 && v.iter().all(|t| t.len() <= 1_000),
        Response::SingleChoice(_) | Response::TrueFalse(_) => true,
    }
}

/// Saves one answer of `user`'s attempt in progress. `saved_ms_ago` is how long ago the
/// browser saved it (it kept it while the network was down); it matters only after the
/// deadline, within the attempt's grace period, and only up to that period.
pub async fn save_answer(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
    position: u32,
    response: &Response,
    saved_ms_ago: Option<u32>,
) -> Result<SaveAck, AppError> {
    let now = Utc::now();
    let attempt = open_attempt(db, user, attempt_id, now).await?;
    let (row, _, _) = answerable(db, &attempt, position, response).await?;
    let saved_at = saved_time(&attempt, now, saved_ms_ago);
    store_response(db, &row, response, false, None, (now, saved_at)).await?;
    Ok(SaveAck {
        position,
        saved_at: rfc3339(saved_at),
        seconds_left: attempt.deadline_at.map(|d| (d - now).num_seconds().max(0)),
    })
}

/// Stores `response` in `row`, fenced on the attempt: in one transaction that holds the
/// attempt's row lock (Postgres) or the write lock (SQLite), and only while the attempt is
/// neither submitted nor closed (`now` past its deadline and grace period), and only if it was
/// saved (`saved_at`, on the server's clock) before the deadline. Submission claims the same
/// lock first, so an answer is either saved before grading (and graded) or refused; never
/// saved after it, ungraded.
async fn store_response(
    db: &DatabaseConnection,
    row: &attempt_question::Model,
    response: &Response,
    checked: bool,
    score: Option<f64>,
    (now, saved_at): (DateTime<Utc>, DateTime<Utc>),
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let attempt = quiz_attempt::Entity::find_by_id(row.attempt_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if attempt.submitted_at.is_some() {
        txn.rollback().await?;
        return Err(AppError::Conflict(SUBMITTED.into()));
    }
    if overdue(&attempt, now) {
        txn.rollback().await?;
        return Err(AppError::Conflict(super::TIME_UP.into()));
    }
    if attempt.deadline_at.is_some_and(|d| saved_at >= d) {
        txn.rollback().await?;
        return Err(AppError::Conflict(SAVED_LATE.into()));
    }
    let still_open = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::Id)
        .filter(quiz_attempt::Column::Id.eq(row.attempt_id))
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .into_query();
    let updated = attempt_question::Entity::update_many()
        .set(attempt_question::ActiveModel {
            response: Set(Some(to_json(response)?)),
            saved_at: Set(Some(saved_at)),
            checked: Set(checked),
            score: Set(score),
            ..Default::default()
        })
        .filter(attempt_question::Column::Id.eq(row.id))
        // A concurrent check locked it: refuse rather than overwrite.
        .filter(attempt_question::Column::Checked.eq(false))
        // And never into an attempt submitted meanwhile (SQLite has no row locks).
        .filter(attempt_question::Column::AttemptId.in_subquery(still_open))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        txn.rollback().await?;
        return Err(AppError::Conflict(
            "This answer has been checked, or the attempt submitted, and can no longer change."
                .into(),
        ));
    }
    txn.commit().await?;
    Ok(())
}

/// Saves, locks and grades one answer when the quiz shows feedback immediately.
pub async fn check(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
    position: u32,
    response: &Response,
) -> Result<QuestionFeedback, AppError> {
    let now = Utc::now();
    let attempt = open_attempt(db, user, attempt_id, now).await?;
    let quiz = quiz::Entity::find_by_id(attempt.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    if settings.feedback != FeedbackTiming::Immediately {
        return Err(AppError::Forbidden);
    }
    let (row, question, layout) = answerable(db, &attempt, position, response).await?;
    let score = grade(&question, &layout, Some(response)).score;
    store_response(db, &row, response, true, Some(score), (now, now)).await?;
    Ok(feedback(&question, &layout, Some(response)))
}
