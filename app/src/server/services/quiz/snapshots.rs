//! An attempt's question rows: the snapshot each attempt keeps of its questions, layouts and
//! saved answers, read back for the learner (without answers) or with feedback.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::from_json;
use crate::error::AppError;
use crate::models::AttemptQuestion;
use crate::quiz::{feedback, present, Presentation, Question, Response};
use crate::server::entities::attempt_question;

/// The questions of an attempt, in order.
pub(crate) async fn questions_of(
    db: &impl ConnectionTrait,
    attempt_id: i64,
) -> Result<Vec<attempt_question::Model>, AppError> {
    Ok(attempt_question::Entity::find()
        .filter(attempt_question::Column::AttemptId.eq(attempt_id))
        .order_by_asc(attempt_question::Column::Position)
        .all(db)
        .await?)
}

/// One attempt question with its saved answer, and its feedback when `with_feedback`.
pub(crate) fn attempt_question(
    row: &attempt_question::Model,
    with_feedback: bool,
) -> Result<AttemptQuestion, AppError> {
    let question: Question = from_json(&row.question)?;
    let layout: Presentation = from_json(&row.presentation)?;
    let response: Option<Response> = row.response.as_deref().map(from_json).transpose()?;
    Ok(AttemptQuestion {
        position: row.position as u32,
        question: present(&question, &layout),
        feedback: with_feedback.then(|| feedback(&question, &layout, response.as_ref())),
        response,
    })
}
