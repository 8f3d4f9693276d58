//! Taking quizzes through the real router, on SQLite and Postgres: the attempt lifecycle,
//! resuming and grading on the server, ownership, immediate feedback, and the demo quiz.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{
    CheckAnswer, GetAttempt, GetAttemptResult, GetPracticeQuiz, GetQuiz, SaveAnswer, StartAttempt,
    SubmitAttempt,
};
use app::error::AppError;
use app::models::{
    AttemptResult, AttemptView, FeedbackTiming, QuestionFeedback, QuizOverview, QuizSettings, Role,
    SaveAck, Verdict,
};
use sea_orm::EntityTrait;
use serde_json::json;

on_both_backends! {
    an_attempt_resumes_and_grades_on_the_server => an_attempt_resumes_and_grades_on_the_server;
    nobody_else_touches_an_attempt => nobody_else_touches_an_attempt;
    immediate_feedback_locks_checked_answers => immediate_feedback_locks_checked_answers;
    the_demo_catalogue_has_a_quiz_to_take => the_demo_catalogue_has_a_quiz_to_take;
}

async fn an_attempt_resumes_and_grades_on_the_server(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    let lesson = course.quiz_lesson.to_string();

    let overview: QuizOverview =
        ok(form::<GetQuiz>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert!(overview.can_start);
    assert_eq!(overview.question_count, 8);

    let view: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert_eq!(view.questions.len(), 8);
    assert_eq!(view.number, 1);
    // Starting again resumes the same attempt instead of opening a second one.
    let again: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert_eq!(again.id, view.id);
    assert_eq!(again.questions, view.questions);

    // Answer five right, one wrong, leave two unanswered. The ordering question is among the
    // answered ones: left as shown, it would be answered with the (random) order shown.
    let mut questions: Vec<_> = view.questions.iter().collect();
    questions.sort_by_key(|q| q.question.kind != app::quiz::QuestionKind::Ordering);
    for q in questions.iter().take(5) {
        let ack: SaveAck = ok(save(
            &app,
            &learner,
            view.id,
            q.position,
            &right_answer(&q.question),
        )
        .await);
        assert_eq!(ack.position, q.position);
    }
    let wrong = questions[5];
    ok::<SaveAck>(
        save(
            &app,
            &learner,
            view.id,
            wrong.position,
            &wrong_answer(&wrong.question),
        )
        .await,
    );

    // A reload (another tab, same learner) sees every saved answer.
    let resumed: AttemptView =
        ok(form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert_eq!(
        resumed
            .questions
            .iter()
            .filter(|q| q.response.is_some())
            .count(),
        6
    );
    let first = questions[0];
    assert_eq!(
        resumed.questions[first.position as usize].response,
        Some(right_answer(&first.question))
    );
    assert!(resumed.questions.iter().all(|q| q.feedback.is_none()));

    // Bad input is refused and loses nothing.
    let e = err(save(
        &app,
        &learner,
        view.id,
        99,
        &right_answer(&view.questions[0].question),
    )
    .await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("position")));
    let mismatched = json!({"type": "true_false", "value": true});
    let not_tf = view
        .questions
        .iter()
        .find(|q| q.question.kind != app::quiz::QuestionKind::TrueFalse)
        .expect("a question");
    let e = err(json_call::<SaveAnswer>(
        &app,
        &learner,
        json!({"attempt_id": view.id, "position": not_tf.position, "response": mismatched}),
    )
    .await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("response")));

    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert_eq!(result.score, 5.0);
    assert_eq!(result.max, 8.0);
    assert_eq!(result.percent, 62.5);
    assert!(result.passed);
    assert!(!result.auto_submitted);
    assert!(result.feedback_shown);
    let verdicts: Vec<Verdict> = result
        .questions
        .iter()
        .filter_map(|q| q.feedback.as_ref().map(|f| f.verdict))
        .collect();
    assert_eq!(
        verdicts.iter().filter(|v| **v == Verdict::Correct).count(),
        5
    );
    assert_eq!(
        verdicts
            .iter()
            .filter(|v| **v == Verdict::Unanswered)
            .count(),
        2
    );

    // Submitting twice returns the same result; the attempt no longer takes answers.
    let twice: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert_eq!(twice.score, 5.0);
    let e = err(save(
        &app,
        &learner,
        view.id,
        questions[6].position,
        &right_answer(&questions[6].question),
    )
    .await);
    assert!(matches!(e, AppError::Conflict(_)));
    let e = err(form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(matches!(e, AppError::Conflict(_)));

    let overview: QuizOverview =
        ok(form::<GetQuiz>(&app, &learner, &[("lesson_id", &lesson)]).await);
    assert_eq!(overview.kept_percent, Some(62.5));
    assert!(overview.passed);
    assert_eq!(overview.attempts.len(), 1);
}

async fn nobody_else_touches_an_attempt(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (teacher, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    let view: AttemptView = ok(form::<StartAttempt>(
        &app,
        &learner,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    let id = view.id.to_string();
    let other = person(&app, "other@example.org", Role::Learner).await;
    enroll(&app, &other, &course.slug).await;
    let q = &view.questions[0];
    assert_eq!(
        err(form::<GetAttempt>(&app, &other, &[("attempt_id", &id)]).await),
        AppError::NotFound
    );
    assert_eq!(
        err(save(
            &app,
            &other,
            view.id,
            q.position,
            &right_answer(&q.question)
        )
        .await),
        AppError::NotFound
    );
    assert_eq!(
        err(form::<SubmitAttempt>(&app, &other, &[("attempt_id", &id)]).await),
        AppError::NotFound
    );
    ok::<AttemptResult>(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &id)]).await);
    assert_eq!(
        err(form::<GetAttemptResult>(&app, &other, &[("attempt_id", &id)]).await),
        AppError::NotFound
    );
    // The course's instructor may drill in, with feedback.
    let seen: AttemptResult =
        ok(form::<GetAttemptResult>(&app, &teacher, &[("attempt_id", &id)]).await);
    assert!(seen.feedback_shown);
    assert_eq!(seen.learner_name, "Name learner@example.org");
    // Signed out: nothing.
    let anonymous = Person {
        id: 0,
        client: TestApp::new_client(),
    };
    assert_eq!(
        err(form::<GetQuiz>(
            &app,
            &anonymous,
            &[("lesson_id", &course.quiz_lesson.to_string())]
        )
        .await),
        AppError::Unauthorized
    );
    // A graded quiz never hands out its questions for browser grading.
    assert_eq!(
        err(form::<GetPracticeQuiz>(
            &app,
            &learner,
            &[("lesson_id", &course.quiz_lesson.to_string())]
        )
        .await),
        AppError::NotFound
    );
}

async fn immediate_feedback_locks_checked_answers(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(
        &app,
        QuizSettings {
            feedback: FeedbackTiming::Immediately,
            ..settings()
        },
    )
    .await;
    let view: AttemptView = ok(form::<StartAttempt>(
        &app,
        &learner,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    assert!(view.check_each);
    let q = &view.questions[0];
    let fb: QuestionFeedback = ok(json_call::<CheckAnswer>(&app, &learner, json!({"attempt_id": view.id, "position": q.position, "response": right_answer(&q.question)})).await);
    assert_eq!(fb.verdict, Verdict::Correct);
    assert!(fb
        .feedback_html
        .iter()
        .any(|h| h.contains("SENTINEL-general")));
    let e = err(save(
        &app,
        &learner,
        view.id,
        q.position,
        &wrong_answer(&q.question),
    )
    .await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("checked")),
        "{e:?}"
    );
    let resumed: AttemptView =
        ok(form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(
        resumed.questions[0].feedback.is_some(),
        "a checked answer keeps its feedback"
    );
    assert!(
        resumed.questions[1].feedback.is_none(),
        "unchecked ones have none"
    );
}

async fn the_demo_catalogue_has_a_quiz_to_take(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    enroll(&app, &learner, "intro-to-machine-learning").await;
    let lessons = app::server::entities::lesson::Entity::find()
        .all(&app.db)
        .await
        .expect("lessons");
    let lesson = lessons
        .iter()
        .find(|l| l.slug == "check-your-understanding")
        .unwrap_or_else(|| {
            panic!(
                "the demo quiz lesson: {:?}",
                lessons.iter().map(|l| &l.slug).collect::<Vec<_>>()
            )
        })
        .clone();
    assert_eq!(lesson.kind, "quiz");
    let overview: QuizOverview =
        ok(form::<GetQuiz>(&app, &learner, &[("lesson_id", &lesson.id.to_string())]).await);
    assert_eq!(overview.question_count, 6);
    assert!(overview.can_start);
    let view: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson.id.to_string())]).await);
    assert_eq!(view.questions.len(), 6);
    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    // Nothing was answered but the ordering question, answered with the order shown (random,
    // so it may earn part of its point).
    let ordering = result
        .questions
        .iter()
        .position(|q| q.question.kind == app::quiz::QuestionKind::Ordering)
        .expect("the demo quiz has an ordering question");
    for (i, q) in result.questions.iter().enumerate() {
        let verdict = q.feedback.as_ref().map(|f| f.verdict);
        if i == ordering {
            assert!(q.response.is_some(), "the order shown is the answer");
            assert_ne!(verdict, Some(Verdict::Unanswered));
        } else {
            assert_eq!(verdict, Some(Verdict::Unanswered));
        }
    }
    let ordering_score = result.questions[ordering]
        .feedback
        .as_ref()
        .map_or(f64::NAN, |f| f.score);
    assert_eq!(result.score, ordering_score);
    assert!(result.score <= 1.0);
    assert_eq!((result.max, result.passed), (6.0, false));
}
