//! Recording a batch of progress events: validate each, check the learner may open its
//! lesson, store it once (its id is unique), merge it into the lesson's progress, and update
//! the enrollment. One transaction per batch.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect,
    Set, TransactionTrait,
};

use super::enrolling::mark_completed_if_done;
use super::merge::{Event, EventKind, LessonState};
use super::progress::course_progress;
use super::validate::validate;
use super::{can_open_lesson, AppError};
use crate::models::{
    EventResult, ProgressEventInput, RecordResult, EVENT_APPLIED, EVENT_DUPLICATE, EVENT_REJECTED,
    MAX_EVENTS_PER_BATCH,
};
use crate::server::entities::{course, enrollment, lesson, lesson_progress, progress_event, user};
use crate::server::services::quiz;

/// An event that passed validation and access checks, with its lesson's course.
struct Accepted {
    index: usize,
    lesson_id: i64,
    course_id: i64,
    event: Event,
    input: ProgressEventInput,
}

fn rejected(input: &ProgressEventInput, reason: impl Into<String>) -> EventResult {
    EventResult {
        event_id: input.event_id.clone(),
        status: EVENT_REJECTED.into(),
        reason: Some(reason.into()),
    }
}

/// Which lessons of the batch `user` may record progress for: lesson id → (course id, whether
/// it is a graded quiz), or why not.
async fn lesson_access(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_ids: BTreeSet<i64>,
) -> Result<HashMap<i64, Result<(i64, bool), &'static str>>, AppError> {
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::Id.is_in(lesson_ids.iter().copied()))
        .all(db)
        .await?;
    let courses: HashMap<i64, course::Model> = course::Entity::find()
        .filter(course::Column::Id.is_in(lessons.iter().map(|l| l.course_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut access: HashMap<i64, Result<(i64, bool), &'static str>> = lesson_ids
        .iter()
        .map(|id| (*id, Err("Unknown lesson.")))
        .collect();
    for l in &lessons {
        let Some(course) = courses.get(&l.course_id) else {
            continue;
        };
        let verdict = match can_open_lesson(db, Some(user), course, l).await {
            Ok(_) => Ok((course.id, quiz::is_graded_quiz(db, l).await?)),
            Err(AppError::Forbidden) => Err("Enroll in this course to record progress."),
            Err(AppError::NotFound) => Err("Unknown lesson."),
            Err(other) => return Err(other),
        };
        access.insert(l.id, verdict);
    }
    Ok(access)
}

/// Records `inputs` for `user`: one result per event (in order) and the progress of every
/// course an applied event changed. More than [`MAX_EVENTS_PER_BATCH`] events is a
/// validation error for the whole call; bad events are rejected one by one.
pub async fn record(
    db: &DatabaseConnection,
    user: &user::Model,
    inputs: Vec<ProgressEventInput>,
) -> Result<RecordResult, AppError> {
    if inputs.len() > MAX_EVENTS_PER_BATCH {
        return Err(AppError::field(
            "events",
            &format!("Send at most {MAX_EVENTS_PER_BATCH} events at a time."),
        ));
    }
    let now = Utc::now();
    let mut results: Vec<Option<EventResult>> = vec![None; inputs.len()];
    let mut valid = Vec::new();
    for (index, input) in inputs.into_iter().enumerate() {
        match validate(&input, now) {
            Ok(event) => valid.push((index, input, event)),
            Err(reason) => results[index] = Some(rejected(&input, reason)),
        }
    }
    let access = lesson_access(db, user, valid.iter().map(|v| v.1.lesson_id).collect()).await?;
    let mut accepted = Vec::new();
    for (index, input, event) in valid {
        match access.get(&input.lesson_id) {
            // A graded quiz completes when it is passed (services::quiz), never on request, and
            // has no media whose position could complete it.
            Some(Ok((_, true))) if !matches!(event.kind, EventKind::Started) => {
                results[index] = Some(rejected(&input, "Pass the quiz to complete this lesson."))
            }
            Some(Ok((course_id, _))) => accepted.push(Accepted {
                index,
                lesson_id: input.lesson_id,
                course_id: *course_id,
                event,
                input,
            }),
            Some(Err(reason)) => results[index] = Some(rejected(&input, *reason)),
            None => results[index] = Some(rejected(&input, "Unknown lesson.")),
        }
    }

    // Rows are written and locked in one order (event ids, then lessons, then courses), so
    // concurrent batches wait for each other instead of deadlocking.
    accepted.sort_by(|a, b| (&a.event.id, a.index).cmp(&(&b.event.id, b.index)));
    let txn = db.begin().await?;
    let mut applied: BTreeMap<i64, Vec<&Accepted>> = BTreeMap::new();
    for a in &accepted {
        results[a.index] = Some(match store(&txn, user.id, a, now).await? {
            Stored::New => {
                applied.entry(a.lesson_id).or_default().push(a);
                EventResult {
                    event_id: a.input.event_id.clone(),
                    status: EVENT_APPLIED.into(),
                    reason: None,
                }
            }
            Stored::Duplicate => EventResult {
                event_id: a.input.event_id.clone(),
                status: EVENT_DUPLICATE.into(),
                reason: None,
            },
            Stored::TakenByAnother => rejected(&a.input, "This event id is already in use."),
        });
    }
    let mut touched: BTreeMap<i64, Vec<&Accepted>> = BTreeMap::new();
    for (lesson_id, events) in &applied {
        merge_into_lesson(&txn, user.id, *lesson_id, events, now).await?;
        for a in events {
            touched.entry(a.course_id).or_default().push(a);
        }
    }
    for (course_id, events) in &touched {
        note_activity(&txn, user.id, *course_id, events).await?;
        mark_completed_if_done(&txn, user.id, *course_id).await?;
        // Points first: a streak badge reads the points ledger.
        crate::server::services::points::sync(&txn, user.id, *course_id).await?;
        crate::server::services::badges::award_due(&txn, user.id, *course_id).await?;
    }
    txn.commit().await?;

    let mut courses = Vec::with_capacity(touched.len());
    for course in course::Entity::find()
        .filter(course::Column::Id.is_in(touched.keys().copied()))
        .all(db)
        .await?
    {
        courses.push(course_progress(db, user.id, &course).await?);
    }
    Ok(RecordResult {
        results: results
            .into_iter()
            .map(|r| r.ok_or(AppError::Internal))
            .collect::<Result<_, _>>()?,
        courses,
    })
}

enum Stored {
    New,
    Duplicate,
    TakenByAnother,
}

/// Stores the event unless its id is known (concurrent replays included: the unique index
/// decides which one stores it).
async fn store(
    txn: &DatabaseTransaction,
    user_id: i64,
    a: &Accepted,
    now: DateTime<Utc>,
) -> Result<Stored, AppError> {
    let (kind, position, duration) = match &a.event.kind {
        EventKind::Started => (
            "started",
            a.input.position_seconds,
            a.input.duration_seconds,
        ),
        EventKind::Completed => (
            "completed",
            a.input.position_seconds,
            a.input.duration_seconds,
        ),
        EventKind::Position { position, duration } => ("position", Some(*position), *duration),
    };
    let inserted = progress_event::Entity::insert(progress_event::ActiveModel {
        event_id: Set(a.event.id.clone()),
        user_id: Set(user_id),
        course_id: Set(a.course_id),
        lesson_id: Set(a.lesson_id),
        kind: Set(kind.into()),
        position_seconds: Set(position),
        duration_seconds: Set(duration),
        client_at: Set(a.event.at),
        received_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([progress_event::Column::EventId])
    .exec_without_returning(txn)
    .await?;
    if matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
        return Ok(Stored::New);
    }
    let owner = progress_event::Entity::find()
        .filter(progress_event::Column::EventId.eq(a.event.id.as_str()))
        .one(txn)
        .await?
        .map(|e| e.user_id);
    Ok(if owner == Some(user_id) {
        Stored::Duplicate
    } else {
        Stored::TakenByAnother
    })
}

fn state_of(row: &lesson_progress::Model) -> LessonState {
    LessonState {
        started_at: Some(row.started_at),
        position: row.position_seconds,
        position_key: row.position_client_at.zip(row.position_event_id.clone()),
        furthest: row.furthest_seconds,
        duration: row.duration_seconds,
        completed_at: row.completed_at,
    }
}

/// Folds newly stored events into the learner's progress in one lesson. The row is created
/// first (or found) and then locked, so concurrent batches merge rather than overwrite.
async fn merge_into_lesson(
    txn: &DatabaseTransaction,
    user_id: i64,
    lesson_id: i64,
    events: &[&Accepted],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (Some(first), Some(course_id)) = (
        events.iter().map(|a| a.event.at).min(),
        events.first().map(|a| a.course_id),
    ) else {
        return Ok(());
    };
    lesson_progress::Entity::insert(lesson_progress::ActiveModel {
        user_id: Set(user_id),
        lesson_id: Set(lesson_id),
        course_id: Set(course_id),
        started_at: Set(first),
        position_seconds: Set(0.0),
        furthest_seconds: Set(0.0),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        lesson_progress::Column::UserId,
        lesson_progress::Column::LessonId,
    ])
    .exec_without_returning(txn)
    .await?;
    let row = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .filter(lesson_progress::Column::LessonId.eq(lesson_id))
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or(AppError::Internal)?;
    let mut state = state_of(&row);
    for a in events {
        state.apply(&a.event);
    }
    let (position_client_at, position_event_id) = state.position_key.clone().unzip();
    lesson_progress::Entity::update(lesson_progress::ActiveModel {
        id: Set(row.id),
        started_at: Set(state.started_at.unwrap_or(row.started_at)),
        position_seconds: Set(state.position),
        position_client_at: Set(position_client_at),
        position_event_id: Set(position_event_id),
        furthest_seconds: Set(state.furthest),
        duration_seconds: Set(state.duration),
        completed_at: Set(state.completed_at),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(txn)
    .await?;
    Ok(())
}

/// Moves the enrollment's "last activity" to the latest of these events (client time) when it
/// is newer, so "Continue" follows what the learner did last, whatever order events came in.
async fn note_activity(
    txn: &DatabaseTransaction,
    user_id: i64,
    course_id: i64,
    events: &[&Accepted],
) -> Result<(), AppError> {
    let Some(latest) = events
        .iter()
        .max_by(|a, b| (a.event.at, &a.event.id).cmp(&(b.event.at, &b.event.id)))
    else {
        return Ok(());
    };
    let Some(current) = enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user_id))
        .filter(enrollment::Column::CourseId.eq(course_id))
        .lock_exclusive()
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    if current
        .last_activity_at
        .is_some_and(|seen| seen >= latest.event.at)
    {
        return Ok(());
    }
    enrollment::Entity::update(enrollment::ActiveModel {
        id: Set(current.id),
        last_activity_at: Set(Some(latest.event.at)),
        last_lesson_id: Set(Some(latest.lesson_id)),
        ..Default::default()
    })
    .exec(txn)
    .await?;
    Ok(())
}
