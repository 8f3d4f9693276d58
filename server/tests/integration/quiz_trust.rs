//! No answer leaks, on SQLite and Postgres: the raw bodies every learner-facing quiz function
//! returns carry no correct answer or feedback before the quiz's rule allows it.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{
    GetAttempt, GetAttemptResult, GetQuiz, SaveAnswer, StartAttempt, SubmitAttempt,
};
use app::models::{AttemptResult, AttemptView, FeedbackTiming, QuizItem, QuizSettings};
use chrono::{Duration, Utc};
use serde_json::json;

on_both_backends! {
    nothing_leaks_before_submission => nothing_leaks_before_submission;
    after_close_feedback_waits_for_the_close => after_close_feedback_waits_for_the_close;
}

/// Fails if `raw` carries any answer or feedback of [`every_kind`].
fn assert_clean(what: &str, raw: &Raw) {
    assert_eq!(raw.0, 200, "{what}: {}", raw.1);
    assert!(
        !raw.1.contains(SECRET),
        "{what} leaks an answer or feedback: {}",
        raw.1
    );
    assert!(
        !raw.1.contains("777123"),
        "{what} leaks the numeric answer: {}",
        raw.1
    );
    for word in [
        "\"correct\"",
        "accepted",
        "tolerance",
        "feedback_true",
        "general_feedback",
    ] {
        assert!(!raw.1.contains(word), "{what} carries {word}: {}", raw.1);
    }
}

async fn nothing_leaks_before_submission(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, QuizSettings::default()).await;
    let lesson = course.quiz_lesson.to_string();
    assert_clean(
        "get_quiz",
        &form::<GetQuiz>(&app, &learner, &[("lesson_id", &lesson)]).await,
    );
    let started = form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await;
    assert_clean("start_attempt", &started);
    let view: AttemptView = ok(started);
    for q in &view.questions {
        // Ordering items are shown in a uniformly random order (the authored one included, so
        // the order shown says nothing about the answer), each item once.
        if q.question.kind == app::quiz::QuestionKind::Ordering {
            let mut shown: Vec<&str> = q.question.choices.iter().map(|c| c.html.as_str()).collect();
            shown.sort_unstable();
            assert_eq!(shown, vec!["first", "second", "third"]);
        }
        let saved = json_call::<SaveAnswer>(&app, &learner, json!({"attempt_id": view.id, "position": q.position, "response": wrong_answer(&q.question)})).await;
        assert_clean("save_answer", &saved);
    }
    assert_clean(
        "get_attempt",
        &form::<GetAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await,
    );
    // A result asked for while the attempt is open is refused, not shown.
    let early =
        form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await;
    assert_eq!(early.0, 409);
    assert!(!early.1.contains(SECRET));
    // After submission (feedback after submit), the results do carry the feedback.
    let submitted =
        form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await;
    assert!(
        submitted.1.contains(SECRET),
        "feedback is shown once allowed"
    );
    let result: AttemptResult = ok(submitted);
    assert!(result.feedback_shown);
}

async fn after_close_feedback_waits_for_the_close(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let closes = Utc::now() + Duration::hours(1);
    let rule = QuizSettings {
        feedback: FeedbackTiming::AfterClose,
        closes_at: Some(closes.to_rfc3339()),
        ..QuizSettings::default()
    };
    let (teacher, course, ids, learner) = quiz_with_every_kind(&app, rule.clone()).await;
    let view: AttemptView = ok(form::<StartAttempt>(
        &app,
        &learner,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    assert!(
        view.seconds_left.is_some(),
        "an attempt ends when the quiz closes"
    );
    for q in &view.questions {
        // Typed answers would echo the learner's own text (which holds the sentinel): answer
        // those wrong, everything else right.
        use app::quiz::QuestionKind as K;
        let response = match q.question.kind {
            K::ShortText | K::FillBlanks | K::Numeric => wrong_answer(&q.question),
            _ => right_answer(&q.question),
        };
        ok::<app::models::SaveAck>(
            json_call::<SaveAnswer>(
                &app,
                &learner,
                json!({"attempt_id": view.id, "position": q.position, "response": response}),
            )
            .await,
        );
    }
    let submitted =
        form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await;
    assert_clean("submit_attempt before close", &submitted);
    let result: AttemptResult = ok(submitted);
    assert_eq!(result.percent, 62.5, "the score is shown");
    assert!(!result.feedback_shown);
    assert!(result.feedback_from.is_some());
    assert_clean(
        "get_attempt_result before close",
        &form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await,
    );

    // Once the quiz has closed, the same result shows the feedback.
    let items: Vec<QuizItem> = ids
        .iter()
        .map(|id| QuizItem::Question { question_id: *id })
        .collect();
    let closed = QuizSettings {
        opens_at: Some((Utc::now() - Duration::hours(2)).to_rfc3339()),
        closes_at: Some((Utc::now() - Duration::minutes(1)).to_rfc3339()),
        ..rule
    };
    set_quiz(&app, &teacher, course.quiz_lesson, &closed, &items).await;
    let after =
        form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await;
    assert!(after.1.contains(SECRET));
    let result: AttemptResult = ok(after);
    assert!(result.feedback_shown);
}
