//! A quiz's rules, enforced through the real router on SQLite and Postgres: server deadlines
//! and auto-submission (also by the sweeper), attempt limits and dates, random draws, and
//! completing the lesson only by passing.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::learning::{GetCourseProgress, RecordProgress};
use app::api::quiz::{
    CheckAnswer, GetAttempt, GetAttemptResult, GetQuiz, StartAttempt, SubmitAttempt,
};
use app::error::AppError;
use app::models::{
    AttemptResult, AttemptView, CourseProgress, QuizItem, QuizOverview, QuizSettings, RecordResult,
    Role, SaveAck,
};
use app::server::entities::quiz_attempt;
use app::server::services::quiz::attempts::{finalize_overdue, TIME_UP};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::json;

on_both_backends! {
    answers_after_the_deadline_are_refused_and_the_attempt_submits_itself => answers_after_the_deadline_are_refused_and_the_attempt_submits_itself;
    the_sweeper_submits_overdue_attempts => the_sweeper_submits_overdue_attempts;
    attempt_limits_and_dates_are_enforced => attempt_limits_and_dates_are_enforced;
    random_draws_are_fixed_per_attempt => random_draws_are_fixed_per_attempt;
    passing_completes_the_lesson_and_nothing_else_does => passing_completes_the_lesson_and_nothing_else_does;
}

async fn answers_after_the_deadline_are_refused_and_the_attempt_submits_itself(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let timed = QuizSettings {
        time_limit_seconds: Some(600),
        ..settings()
    };
    let (_, course, _, learner) = quiz_with_every_kind(&app, timed).await;
    let view: AttemptView = ok(form::<StartAttempt>(
        &app,
        &learner,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    let left = view
        .seconds_left
        .expect("a timed attempt says how long is left");
    assert!((590..=600).contains(&left), "{left}");
    let first = &view.questions[0];
    ok::<SaveAck>(
        save(
            &app,
            &learner,
            view.id,
            first.position,
            &right_answer(&first.question),
        )
        .await,
    );

    // The deadline passes (moved back in the database rather than waiting).
    let deadline = Utc::now() - Duration::seconds(1);
    quiz_attempt::ActiveModel {
        id: Set(view.id),
        deadline_at: Set(Some(deadline)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .expect("move deadline");

    let second = &view.questions[1];
    let e = err(save(
        &app,
        &learner,
        view.id,
        second.position,
        &right_answer(&second.question),
    )
    .await);
    assert_eq!(e, AppError::Conflict(TIME_UP.into()));

    let result: AttemptResult =
        ok(form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(result.auto_submitted);
    // The ordering question, if not the one answered, counts as answered in the order shown.
    let untouched_ordering = view
        .questions
        .iter()
        .skip(1)
        .find(|q| q.question.kind == app::quiz::QuestionKind::Ordering)
        .map_or(0.0, |q| shown_order_score(&q.question));
    assert_eq!(
        result.score,
        1.0 + untouched_ordering,
        "only the answer saved before the deadline counts"
    );
    let stored = quiz_attempt::Entity::find_by_id(view.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("attempt");
    let submitted = stored.submitted_at.expect("submitted");
    assert!(
        (submitted - deadline).num_seconds().abs() <= 1,
        "submitted at the deadline"
    );
    // Nothing later changes it.
    let e = err(json_call::<CheckAnswer>(
        &app,
        &learner,
        json!({"attempt_id": view.id, "position": 1, "response": right_answer(&second.question)}),
    )
    .await);
    assert!(matches!(e, AppError::Conflict(_)));
}

async fn the_sweeper_submits_overdue_attempts(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let timed = QuizSettings {
        time_limit_seconds: Some(60),
        ..settings()
    };
    let (_, course, _, learner) = quiz_with_every_kind(&app, timed).await;
    let view = answered_attempt(&app, &learner, course.quiz_lesson).await;
    assert_eq!(
        finalize_overdue(&app.db, Utc::now()).await.expect("sweep"),
        0,
        "not due yet"
    );
    let later = Utc::now() + Duration::seconds(61);
    assert_eq!(finalize_overdue(&app.db, later).await.expect("sweep"), 1);
    assert_eq!(
        finalize_overdue(&app.db, later).await.expect("sweep"),
        0,
        "only once"
    );
    let stored = quiz_attempt::Entity::find_by_id(view.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("attempt");
    assert!(stored.auto_submitted);
    assert_eq!(stored.percent, Some(100.0));
    // A pass submitted by the server completes the lesson too.
    let progress: CourseProgress =
        ok(form::<GetCourseProgress>(&app, &learner, &[("slug", &course.slug)]).await);
    assert!(progress
        .lessons
        .iter()
        .any(|l| l.lesson_id == course.quiz_lesson && l.completed));
}

async fn attempt_limits_and_dates_are_enforced(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (teacher, course, ids, learner) = quiz_with_every_kind(
        &app,
        QuizSettings {
            max_attempts: Some(2),
            ..settings()
        },
    )
    .await;
    let lesson = course.quiz_lesson.to_string();
    for n in 1..=2 {
        let view: AttemptView =
            ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
        assert_eq!(view.number, n);
        ok::<AttemptResult>(
            form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await,
        );
    }
    let e = err(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("all 2 attempts")),
        "{e:?}"
    );
    let overview: QuizOverview =
        ok(form::<GetQuiz>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert!(!overview.can_start);
    assert!(overview
        .blocked_reason
        .expect("a reason")
        .contains("all 2 attempts"));

    let items: Vec<QuizItem> = ids
        .iter()
        .map(|id| QuizItem::Question { question_id: *id })
        .collect();
    let other = person(&app, "other@example.org", Role::Learner).await;
    enroll(&app, &other, &course.slug).await;
    let soon = QuizSettings {
        opens_at: Some((Utc::now() + Duration::days(1)).to_rfc3339()),
        ..settings()
    };
    set_quiz(&app, &teacher, course.quiz_lesson, &soon, &items).await;
    let e = err(form::<StartAttempt>(&app, &other, &[("lesson_id", &lesson)]).await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("opens on")),
        "{e:?}"
    );
    let closed = QuizSettings {
        closes_at: Some((Utc::now() - Duration::minutes(1)).to_rfc3339()),
        ..settings()
    };
    set_quiz(&app, &teacher, course.quiz_lesson, &closed, &items).await;
    let e = err(form::<StartAttempt>(&app, &other, &[("lesson_id", &lesson)]).await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("closed on")),
        "{e:?}"
    );
    // Not enrolled: not even the overview.
    let stranger = person(&app, "stranger@example.org", Role::Learner).await;
    assert_eq!(
        err(form::<GetQuiz>(&app, &stranger, &[("lesson_id", &lesson)]).await),
        AppError::Forbidden
    );
    assert_eq!(
        err(form::<StartAttempt>(&app, &stranger, &[("lesson_id", &lesson)]).await),
        AppError::Forbidden
    );
}

async fn random_draws_are_fixed_per_attempt(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "drawn").await;
    let template = every_kind().remove(2);
    let mut pool = Vec::new();
    for i in 0..10 {
        let mut q = template.clone();
        q.stem = format!("Pool question {i}");
        pool.push(add_question(&app, &teacher, course.id, &["pool", "week 1"], &q).await);
    }
    let mut outside = template.clone();
    outside.stem = "Not in the pool".into();
    add_question(&app, &teacher, course.id, &["pool"], &outside).await;
    let fixed = pool[0];
    set_quiz(
        &app,
        &teacher,
        course.quiz_lesson,
        &QuizSettings {
            max_attempts: None,
            ..settings()
        },
        &[
            QuizItem::Question { question_id: fixed },
            QuizItem::Draw {
                tags: vec!["Pool".into(), "week 1".into()],
                count: 4,
            },
        ],
    )
    .await;
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    enroll(&app, &learner, &course.slug).await;
    let lesson = course.quiz_lesson.to_string();
    let mut selections = Vec::new();
    for _ in 0..4 {
        let view: AttemptView =
            ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
        let stems: Vec<String> = view
            .questions
            .iter()
            .map(|q| q.question.stem_html.clone())
            .collect();
        assert_eq!(stems.len(), 5);
        let mut unique = stems.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 5, "no question twice");
        assert!(
            stems.iter().all(|s| s.contains("Pool question")),
            "drawn only from the tagged pool: {stems:?}"
        );
        assert_eq!(
            stems
                .iter()
                .filter(|s| s.contains("Pool question 0<"))
                .count(),
            1,
            "the fixed one is there"
        );
        for _ in 0..2 {
            let again: AttemptView =
                ok(
                    form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())])
                        .await,
                );
            assert_eq!(
                again.questions, view.questions,
                "same questions, order and layout on every load"
            );
        }
        selections.push(stems);
        ok::<AttemptResult>(
            form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await,
        );
    }
    selections.sort();
    selections.dedup();
    assert!(selections.len() > 1, "different attempts draw differently");

    // A pool too small for the draw is a clear error, not a short quiz.
    set_quiz(
        &app,
        &teacher,
        course.quiz_lesson,
        &settings(),
        &[QuizItem::Draw {
            tags: vec!["pool".into()],
            count: 12,
        }],
    )
    .await;
    let e = err(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("only 11")),
        "{e:?}"
    );
}

async fn passing_completes_the_lesson_and_nothing_else_does(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    // Learners cannot mark a graded quiz complete themselves…
    let events = json!({"events": [
        {"event_id": "6f1c2a3b-0000-4000-8000-000000000001", "lesson_id": course.quiz_lesson, "kind": "completed", "client_at": Utc::now().to_rfc3339()},
        {"event_id": "6f1c2a3b-0000-4000-8000-000000000002", "lesson_id": course.text_lesson, "kind": "completed", "client_at": Utc::now().to_rfc3339()},
        {"event_id": "6f1c2a3b-0000-4000-8000-000000000003", "lesson_id": course.quiz_lesson, "kind": "position", "position_seconds": 60.0, "duration_seconds": 60.0, "client_at": Utc::now().to_rfc3339()},
        {"event_id": "6f1c2a3b-0000-4000-8000-000000000004", "lesson_id": course.quiz_lesson, "kind": "started", "client_at": Utc::now().to_rfc3339()},
    ]});
    let recorded: RecordResult = ok(json_call::<RecordProgress>(&app, &learner, events).await);
    assert_eq!(recorded.results[0].status, "rejected");
    assert_eq!(
        recorded.results[0].reason.as_deref(),
        Some("Pass the quiz to complete this lesson.")
    );
    assert_eq!(recorded.results[1].status, "applied");
    assert_eq!(
        recorded.results[2].status, "rejected",
        "a position at the end would complete it"
    );
    assert_eq!(
        recorded.results[3].status, "applied",
        "opening the quiz is recorded"
    );
    let lesson = course.quiz_lesson.to_string();
    // …a failed attempt does not complete it…
    let view: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    let failed: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(!failed.passed);
    let progress: CourseProgress =
        ok(form::<GetCourseProgress>(&app, &learner, &[("slug", &course.slug)]).await);
    assert!(progress
        .lessons
        .iter()
        .any(|l| l.lesson_id == course.quiz_lesson && !l.completed));
    // …a pass does, and completes the course.
    let view: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    for q in &view.questions {
        ok::<SaveAck>(
            save(
                &app,
                &learner,
                view.id,
                q.position,
                &right_answer(&q.question),
            )
            .await,
        );
    }
    let passed: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert_eq!(passed.percent, 100.0);
    let progress: CourseProgress =
        ok(form::<GetCourseProgress>(&app, &learner, &[("slug", &course.slug)]).await);
    assert!(progress.lessons.iter().all(|l| l.completed), "{progress:?}");
    assert!(progress.completed_at.is_some());
}
