//! Per-question statistics of a quiz: facility index and most common wrong answers.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::attempts::finalize_overdue;
use super::{from_json, quiz_lesson, quiz_of};
use crate::error::AppError;
use crate::models::{QuestionStat, QuizStats, WrongAnswer};
use crate::quiz::{describe_response, excerpt, grade, Presentation, Question, Response};
use crate::server::entities::{attempt_question, quiz_attempt, user};
use crate::server::services::authoring::editable_course;

#[derive(Default)]
struct Tally {
    kind: Option<crate::quiz::QuestionKind>,
    title: String,
    asked: u32,
    share: f64,
    wrong: HashMap<String, u32>,
}

/// Statistics of quiz lesson `lesson_id` over its submitted attempts.
pub async fn quiz_stats(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<QuizStats, AppError> {
    let (course, lesson) = quiz_lesson(db, lesson_id).await?;
    editable_course(db, user, course.id).await?;
    finalize_overdue(db, Utc::now()).await?;
    let quiz = quiz_of(db, &lesson).await?;
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::QuizId.eq(quiz.id))
        .filter(quiz_attempt::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?;
    let rows = attempt_question::Entity::find()
        .filter(attempt_question::Column::AttemptId.is_in(attempts.iter().map(|a| a.id)))
        .all(db)
        .await?;
    // Keyed by bank question (or by the snapshot's title when the question was deleted).
    let mut tallies: BTreeMap<(i64, String), Tally> = BTreeMap::new();
    for row in &rows {
        let question: Question = from_json(&row.question)?;
        let layout: Presentation = from_json(&row.presentation)?;
        let response: Option<Response> = row.response.as_deref().map(from_json).transpose()?;
        let graded = grade(&question, &layout, response.as_ref());
        let title = excerpt(&question);
        let t = tallies
            .entry((row.question_id.unwrap_or(0), title.clone()))
            .or_default();
        t.kind = Some(question.body.kind());
        t.title = title;
        t.asked += 1;
        if graded.max > 0.0 {
            t.share += graded.score / graded.max;
        }
        if let Some(response) = response.filter(|_| !graded.is_correct()) {
            *t.wrong
                .entry(describe_response(&question, &layout, &response))
                .or_default() += 1;
        }
    }
    let percents: Vec<f64> = attempts.iter().filter_map(|a| a.percent).collect();
    Ok(QuizStats {
        lesson_id,
        title: lesson.title,
        attempts: attempts.len() as u32,
        mean_percent: (!percents.is_empty())
            .then(|| percents.iter().sum::<f64>() / percents.len() as f64),
        questions: tallies
            .into_iter()
            .map(|((id, _), t)| {
                let mut wrong: Vec<WrongAnswer> = t
                    .wrong
                    .into_iter()
                    .map(|(answer, count)| WrongAnswer { answer, count })
                    .collect();
                wrong.sort_by(|a, b| b.count.cmp(&a.count).then(a.answer.cmp(&b.answer)));
                wrong.truncate(3);
                QuestionStat {
                    question_id: id,
                    kind: t.kind.unwrap_or(crate::quiz::QuestionKind::SingleChoice),
                    title: t.title,
                    asked: t.asked,
                    facility: (t.asked > 0).then(|| t.share / f64::from(t.asked)),
                    common_wrong: wrong,
                }
            })
            .collect(),
    })
}
