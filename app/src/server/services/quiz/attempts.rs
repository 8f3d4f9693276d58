//! Taking a quiz: the overview, starting, resuming, saving and checking answers, submitting,
//! and submitting overdue attempts. Everything here runs on the server's clock.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::{
    bank, from_json, parse_time, question_count, quiz_lesson, quiz_of, results, rules, to_json,
};
use crate::error::AppError;
use crate::models::{
    AttemptQuestion, AttemptResult, AttemptSummary, AttemptView, CourseProgress, FeedbackTiming,
    KeptAttempt, PracticeQuestion, PracticeQuiz, QuestionFeedback, QuizItem, QuizOverview,
    QuizSettings, SaveAck,
};
use crate::quiz::{feedback, grade, present, presentation, Presentation, Question, Response};
use crate::server::entities::{
    attempt_question, course, lesson, lesson_progress, question, quiz, quiz_attempt, user,
};
use crate::server::services::learning::{
    can_open_lesson, course_progress, enrolling::mark_completed_if_done, rfc3339,
};

/// What a learner is told when their time ran out.
pub const TIME_UP: &str =
    "Time is up: your attempt was submitted with the answers saved before the deadline.";

/// The kept score (percent) of submitted attempts (oldest first) under `kept`.
pub fn kept_percent(kept: KeptAttempt, percents: &[f64]) -> Option<f64> {
    match kept {
        KeptAttempt::Highest => percents.iter().copied().reduce(f64::max),
        KeptAttempt::Last => percents.last().copied(),
        KeptAttempt::Average if percents.is_empty() => None,
        KeptAttempt::Average => Some(percents.iter().sum::<f64>() / percents.len() as f64),
    }
}

/// `user`'s attempts at `quiz`, oldest first.
pub(crate) async fn attempts_of(
    db: &impl ConnectionTrait,
    user_id: i64,
    quiz_id: i64,
) -> Result<Vec<quiz_attempt::Model>, AppError> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::QuizId.eq(quiz_id))
        .filter(quiz_attempt::Column::UserId.eq(user_id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

fn overdue(attempt: &quiz_attempt::Model, now: DateTime<Utc>) -> bool {
    attempt.submitted_at.is_none() && attempt.deadline_at.is_some_and(|d| now >= d)
}

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

/// Why a new attempt may not start now, if so.
fn start_blocked(
    settings: &QuizSettings,
    items: &[QuizItem],
    used: usize,
    now: DateTime<Utc>,
) -> Option<String> {
    if question_count(items) == 0 {
        return Some("This quiz has no questions yet.".into());
    }
    if let Some(opens) = parse_time(settings.opens_at.as_ref()) {
        if now < opens {
            return Some(format!(
                "This quiz opens on {}.",
                opens.format("%-d %B %Y at %H:%M UTC")
            ));
        }
    }
    if let Some(closes) = parse_time(settings.closes_at.as_ref()) {
        if now >= closes {
            return Some(format!(
                "This quiz closed on {}.",
                closes.format("%-d %B %Y at %H:%M UTC")
            ));
        }
    }
    match settings.max_attempts {
        Some(max) if used >= max as usize => Some(format!(
            "You have used all {max} attempt{} at this quiz.",
            if max == 1 { "" } else { "s" }
        )),
        _ => None,
    }
}

/// The quiz lesson `lesson_id` if `user` may open it.
async fn open_quiz(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<(course::Model, lesson::Model, quiz::Model), AppError> {
    let (course, lesson) = quiz_lesson(db, lesson_id).await?;
    can_open_lesson(db, Some(user), &course, &lesson).await?;
    let quiz = quiz_of(db, &lesson).await?;
    Ok((course, lesson, quiz))
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
        passed: kept.is_some_and(|k| k + 1e-9 >= f64::from(settings.pass_percent)),
        in_progress,
        can_start: in_progress.is_none() && blocked.is_none(),
        blocked_reason: if in_progress.is_some() { None } else { blocked },
        settings,
    })
}

/// The questions of a new attempt: fixed items in order, then draws, shuffled if asked.
fn select(
    items: &[QuizItem],
    bank: &[question::Model],
    shuffle: bool,
    rng: &mut ChaCha8Rng,
) -> Result<Vec<question::Model>, AppError> {
    let fixed: BTreeSet<i64> = items
        .iter()
        .filter_map(|i| match i {
            QuizItem::Question { question_id } => Some(*question_id),
            QuizItem::Draw { .. } => None,
        })
        .collect();
    let mut taken: BTreeSet<i64> = BTreeSet::new();
    let mut chosen = Vec::new();
    for item in items {
        match item {
            QuizItem::Question { question_id } => {
                let row = bank.iter().find(|q| q.id == *question_id).ok_or_else(|| {
                    AppError::Conflict(
                        "A question of this quiz was deleted; ask the instructor to fix the quiz."
                            .into(),
                    )
                })?;
                taken.insert(row.id);
                chosen.push(row.clone());
            }
            QuizItem::Draw { tags, count } => {
                let mut pool: Vec<&question::Model> = bank
                    .iter()
                    .filter(|q| !fixed.contains(&q.id) && !taken.contains(&q.id))
                    .filter(|q| {
                        let have = bank::tags_of(q);
                        tags.iter().all(|t| have.contains(t))
                    })
                    .collect();
                if pool.len() < *count as usize {
                    return Err(AppError::Conflict(format!(
                        "This quiz draws {count} questions tagged {} but the bank has only {}; ask the instructor to fix the quiz.",
                        tags.join(", "),
                        pool.len()
                    )));
                }
                pool.shuffle(rng);
                for q in pool.into_iter().take(*count as usize) {
                    taken.insert(q.id);
                    chosen.push(q.clone());
                }
            }
        }
    }
    if shuffle {
        chosen.shuffle(rng);
    }
    Ok(chosen)
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
    let chosen = select(&items, &bank, settings.shuffle_questions, &mut rng)?;
    let deadline = [
        settings
            .time_limit_seconds
            .map(|s| now + Duration::seconds(i64::from(s))),
        parse_time(settings.closes_at.as_ref()),
    ]
    .into_iter()
    .flatten()
    .min();
    let mut max_score = 0.0;
    let mut rows = Vec::with_capacity(chosen.len());
    for (position, row) in chosen.iter().enumerate() {
        let question: Question = from_json(&row.body)?;
        let layout = presentation(&question, settings.shuffle_options, &mut |n| {
            rng.random_range(0..n)
        });
        max_score += question.points;
        rows.push((position, row.id, question, layout));
    }
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
        ..Default::default()
    }
    .insert(&txn)
    .await
    // Two starts at once: the unique (quiz, learner, number) lets one through.
    .map_err(|_| AppError::Conflict("An attempt was just started; reload the quiz.".into()))?;
    for (position, question_id, question, layout) in rows {
        attempt_question::ActiveModel {
            attempt_id: Set(inserted.id),
            position: Set(position as i32),
            question_id: Set(Some(question_id)),
            question: Set(to_json(&question)?),
            presentation: Set(to_json(&layout)?),
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

/// `user`'s own attempt `attempt_id`; `NotFound` for anyone else's.
pub(crate) async fn own_attempt(
    db: &impl ConnectionTrait,
    user: &user::Model,
    attempt_id: i64,
) -> Result<quiz_attempt::Model, AppError> {
    quiz_attempt::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .filter(|a| a.user_id == user.id)
        .ok_or(AppError::NotFound)
}

/// `user`'s attempt `attempt_id` if it is still in progress: an overdue one is submitted
/// first and answers `Conflict(TIME_UP)`; a submitted one answers `Conflict`.
async fn open_attempt(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
    now: DateTime<Utc>,
) -> Result<quiz_attempt::Model, AppError> {
    let attempt = own_attempt(db, user, attempt_id).await?;
    if attempt.submitted_at.is_some() {
        return Err(AppError::Conflict(
            "This attempt has been submitted.".into(),
        ));
    }
    if overdue(&attempt, now) {
        finalize(db, &attempt, true, now).await?;
        return Err(AppError::Conflict(TIME_UP.into()));
    }
    Ok(attempt)
}

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
    if !kind_matches(&question, response) {
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

/// Saves one answer of `user`'s attempt in progress.
pub async fn save_answer(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
    position: u32,
    response: &Response,
) -> Result<SaveAck, AppError> {
    let now = Utc::now();
    let attempt = open_attempt(db, user, attempt_id, now).await?;
    let (row, _, _) = answerable(db, &attempt, position, response).await?;
    store_response(db, &row, response, false, None, now).await?;
    Ok(SaveAck {
        position,
        saved_at: rfc3339(now),
        seconds_left: attempt.deadline_at.map(|d| (d - now).num_seconds().max(0)),
    })
}

async fn store_response(
    db: &impl ConnectionTrait,
    row: &attempt_question::Model,
    response: &Response,
    checked: bool,
    score: Option<f64>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let updated = attempt_question::Entity::update_many()
        .set(attempt_question::ActiveModel {
            response: Set(Some(to_json(response)?)),
            saved_at: Set(Some(now)),
            checked: Set(checked),
            score: Set(score),
            ..Default::default()
        })
        .filter(attempt_question::Column::Id.eq(row.id))
        // A concurrent check locked it: refuse rather than overwrite.
        .filter(attempt_question::Column::Checked.eq(false))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::Conflict(
            "This answer has been checked and can no longer change.".into(),
        ));
    }
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
    store_response(db, &row, response, true, Some(score), now).await?;
    Ok(feedback(&question, &layout, Some(response)))
}

/// Grades and closes `attempt` (if nobody did first) with what was saved; `auto` when the
/// server does it because the deadline passed. Returns the attempt as stored afterwards.
pub(crate) async fn finalize(
    db: &DatabaseConnection,
    attempt: &quiz_attempt::Model,
    auto: bool,
    now: DateTime<Utc>,
) -> Result<quiz_attempt::Model, AppError> {
    let quiz = quiz::Entity::find_by_id(attempt.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    let txn = db.begin().await?;
    let rows = questions_of(&txn, attempt.id).await?;
    let (mut score, mut max) = (0.0, 0.0);
    for row in &rows {
        let question: Question = from_json(&row.question)?;
        let layout: Presentation = from_json(&row.presentation)?;
        let response: Option<Response> = row.response.as_deref().map(from_json).transpose()?;
        let graded = grade(&question, &layout, response.as_ref());
        score += graded.score;
        max += graded.max;
        attempt_question::Entity::update_many()
            .col_expr(
                attempt_question::Column::Score,
                sea_orm::sea_query::Expr::value(graded.score),
            )
            .filter(attempt_question::Column::Id.eq(row.id))
            .exec(&txn)
            .await?;
    }
    let percent = if max > 0.0 {
        (score / max * 1000.0).round() / 10.0
    } else {
        0.0
    };
    // An auto-submitted attempt ends at its deadline, whenever the server noticed.
    let submitted_at = if auto {
        attempt.deadline_at.unwrap_or(now).min(now)
    } else {
        now
    };
    let updated = quiz_attempt::Entity::update_many()
        .set(quiz_attempt::ActiveModel {
            submitted_at: Set(Some(submitted_at)),
            auto_submitted: Set(auto),
            score: Set(Some(score)),
            max_score: Set(max),
            percent: Set(Some(percent)),
            passed: Set(Some(percent + 1e-9 >= f64::from(settings.pass_percent))),
            ..Default::default()
        })
        .filter(quiz_attempt::Column::Id.eq(attempt.id))
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .exec(&txn)
        .await?;
    if updated.rows_affected > 0 {
        txn.commit().await?;
    } else {
        txn.rollback().await?;
    }
    quiz_attempt::Entity::find_by_id(attempt.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Marks the quiz lesson completed for the learner once their kept result passes; returns
/// their new course progress when it changed.
async fn complete_if_passed(
    db: &DatabaseConnection,
    attempt: &quiz_attempt::Model,
    settings: &QuizSettings,
) -> Result<Option<CourseProgress>, AppError> {
    let percents: Vec<f64> = attempts_of(db, attempt.user_id, attempt.quiz_id)
        .await?
        .iter()
        .filter_map(|a| a.percent)
        .collect();
    let passed = kept_percent(settings.kept, &percents)
        .is_some_and(|k| k + 1e-9 >= f64::from(settings.pass_percent));
    if !passed {
        return Ok(None);
    }
    let now = Utc::now();
    let existing = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(attempt.user_id))
        .filter(lesson_progress::Column::LessonId.eq(attempt.lesson_id))
        .one(db)
        .await?;
    match existing {
        Some(row) if row.completed_at.is_some() => return Ok(None),
        Some(row) => {
            lesson_progress::Entity::update_many()
                .col_expr(
                    lesson_progress::Column::CompletedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .col_expr(
                    lesson_progress::Column::UpdatedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(lesson_progress::Column::Id.eq(row.id))
                .filter(lesson_progress::Column::CompletedAt.is_null())
                .exec(db)
                .await?;
        }
        None => {
            lesson_progress::Entity::insert(lesson_progress::ActiveModel {
                user_id: Set(attempt.user_id),
                lesson_id: Set(attempt.lesson_id),
                course_id: Set(attempt.course_id),
                started_at: Set(attempt.started_at),
                position_seconds: Set(0.0),
                position_client_at: Set(None),
                position_event_id: Set(None),
                furthest_seconds: Set(0.0),
                duration_seconds: Set(None),
                completed_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            })
            .exec_without_returning(db)
            .await?;
        }
    }
    mark_completed_if_done(db, attempt.user_id, attempt.course_id).await?;
    let course = course::Entity::find_by_id(attempt.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Some(course_progress(db, attempt.user_id, &course).await?))
}

/// Submits `user`'s attempt: grades it here and, on a pass, completes the lesson. Past its
/// deadline it is submitted as it was at the deadline (auto-submitted). Submitting twice
/// returns the same result.
pub async fn submit(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
) -> Result<(AttemptResult, Option<CourseProgress>), AppError> {
    let now = Utc::now();
    let attempt = own_attempt(db, user, attempt_id).await?;
    let done = if attempt.submitted_at.is_some() {
        attempt
    } else {
        finalize(db, &attempt, overdue(&attempt, now), now).await?
    };
    let quiz = quiz::Entity::find_by_id(done.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    let progress = complete_if_passed(db, &done, &settings).await?;
    Ok((results::result(db, user, done.id).await?, progress))
}

/// Submits every attempt whose deadline has passed, as of `now`; returns how many.
pub async fn finalize_overdue(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let due = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .filter(quiz_attempt::Column::DeadlineAt.lte(now))
        .all(db)
        .await?;
    let mut count = 0;
    for attempt in &due {
        let done = finalize(db, attempt, true, now).await?;
        let quiz = quiz::Entity::find_by_id(done.quiz_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let (settings, _) = rules(&quiz)?;
        complete_if_passed(db, &done, &settings).await?;
        count += 1;
    }
    Ok(count)
}

/// A practice quiz's questions with answers, for grading in the browser. `NotFound` for
/// graded quizzes: their answers never leave the server before submission.
pub async fn practice(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<PracticeQuiz, AppError> {
    let (course, lesson, quiz) = open_quiz(db, user, lesson_id).await?;
    let (settings, items) = rules(&quiz)?;
    if !settings.practice {
        return Err(AppError::NotFound);
    }
    let bank = bank::course_questions(db, course.id).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(rand::rng().random());
    let chosen = select(&items, &bank, settings.shuffle_questions, &mut rng)?;
    let mut questions = Vec::with_capacity(chosen.len());
    for row in chosen {
        let question: Question = from_json(&row.body)?;
        let layout = presentation(&question, settings.shuffle_options, &mut |n| {
            rng.random_range(0..n)
        });
        questions.push(PracticeQuestion {
            presented: present(&question, &layout),
            question,
            presentation: layout,
        });
    }
    Ok(PracticeQuiz {
        lesson_id,
        title: lesson.title,
        questions,
    })
}
