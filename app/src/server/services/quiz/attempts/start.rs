//! The learner's overview of a quiz, and starting (or resuming) an attempt.

use chrono::{Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};

use super::super::limits::start_blocked;
use super::super::{bank, kept_percent, parse_time, passes, question_count, rules, to_json};
use super::draw::draw;
use super::finish::finalize;
use super::{attempts_of, open_quiz, overdue, view};
use crate::error::AppError;
use crate::models::{AttemptSummary, AttemptView, QuizOverview};
use crate::server::entities::{attempt_question, quiz_attempt, user};
use crate::server::services::learning::rfc3339;

fn summary(a: &quiz_attempt::Model) -> AttemptSummary {
    AttemptSummary {
        id: a.id,
        number: a.number as u32,
        started_at: rfc3339(a.started_at),
        submitted_at: a.submitted_at.map(rfc3339),
        percent: a.percent,
        passed: a.passed,
        auto_submitted: a.auto_submitted,
    }
}

/// The learner's view of quiz lesson `lesson_id`: rules, attempts, whether one may start.
pub async fn overview(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<QuizOverview, AppError> {
    let (_, lesson, quiz) = open_quiz(db, user, lesson_id).await?;
    let (settings, items) = rules(&quiz)?;
    let now = Utc::now();
    for a in attempts_of(db, user.id, quiz.id).await? {
        if overdue(&a, now) {
            finalize(db, &a, true, now).await?;
        }
    }
    let attempts = attempts_of(db, user.id, quiz.id).await?;
    let percents: Vec<f64> = attempts.iter().filter_map(|a| a.percent).collect();
    let kept = kept_percent(settings.kept, &percents);
    let in_progress = attempts
        .iter()
        .find(|a| a.submitted_at.is_none())
        .map(|a| a.id);
    let blocked = if settings.practice {
        Some("This is a practice quiz: answers are checked as you go and not recorded.".into())
    } else {
        start_blocked(&settings, &items, attempts.len(), now)
    };
    Ok(QuizOverview {
        lesson_id,
        title: lesson.title,
        question_count: question_count(&items),
        attempts: attempts.iter().map(summary).collect(),
        kept_percent: kept,
        passed: kept.is_some_and(|k| passes(k, &settings)),
        in_progress,
        can_start: in_progress.is_none() && blocked.is_none(),
        blocked_reason: if in_progress.is_some() { None } else { blocked },
        settings,
    })
}

/// Starts an attempt at quiz lesson `lesson_id`, or returns the one in progress.
pub async fn start(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<AttemptView, AppError> {
    let (course, lesson, quiz) = open_quiz(db, user, lesson_id).await?;
    let (settings, items) = rules(&quiz)?;
    if settings.practice {
        return Err(AppError::Conflict(
            "This is a practice quiz: open it from its lesson.".into(),
        ));
    }
    let now = Utc::now();
    let mut attempts = attempts_of(db, user.id, quiz.id).await?;
    for a in &attempts {
        if overdue(a, now) {
            finalize(db, a, true, now).await?;
        } else if a.submitted_at.is_none() {
            return view(db, user, a.id).await;
        }
    }
    attempts = attempts_of(db, user.id, quiz.id).await?;
    if let Some(reason) = start_blocked(&settings, &items, attempts.len(), now) {
        return Err(AppError::Conflict(reason));
    }
    let bank = bank::course_questions(db, course.id).await?;
    let seed: i64 = rand::rng().random();
    let mut rng = ChaCha8Rng::seed_from_u64(seed as u64);
    let drawn = draw(&items, &bank, &settings, &mut rng)?;
    let deadline = [
        settings
            .time_limit_seconds
            .map(|s| now + Duration::seconds(i64::from(s))),
        parse_time(settings.closes_at.as_ref()),
    ]
    .into_iter()
    .flatten()
    .min();
    let max_score: f64 = drawn.iter().map(|d| d.question.points).sum();
    let number = attempts.iter().map(|a| a.number).max().unwrap_or(0) + 1;
    let txn = db.begin().await?;
    let inserted = quiz_attempt::ActiveModel {
        quiz_id: Set(quiz.id),
        lesson_id: Set(lesson.id),
        course_id: Set(course.id),
        user_id: Set(user.id),
        number: Set(number),
        seed: Set(seed),
        started_at: Set(now),
        deadline_at: Set(deadline),
        submitted_at: Set(None),
        auto_submitted: Set(false),
        score: Set(None),
        max_score: Set(max_score),
        percent: Set(None),
        passed: Set(None),
        grace_seconds: Set(if deadline.is_some() {
            settings.grace_seconds.min(crate::models::MAX_GRACE_SECONDS) as i32
        } else {
            0
        }),
        ..Default::default()
    }
    .insert(&txn)
    .await
    // Two starts at once: the unique (quiz, learner, number) lets one through.
    .map_err(|_| AppError::Conflict("An attempt was just started; reload the quiz.".into()))?;
    for (position, d) in drawn.iter().enumerate() {
        attempt_question::ActiveModel {
            attempt_id: Set(inserted.id),
            position: Set(position as i32),
            question_id: Set(Some(d.row.id)),
            question: Set(to_json(&d.question)?),
            presentation: Set(to_json(&d.layout)?),
            response: Set(None),
            saved_at: Set(None),
            checked: Set(false),
            score: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    view(db, user, inserted.id).await
}
