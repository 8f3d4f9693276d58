//! Ordering answers and what a result offers next, on SQLite and Postgres: an ordering left as
//! shown is the learner's answer (stored and graded on submission, not "Not answered"), a
//! submitted order must name every item once, and a result says whether another attempt may
//! start.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{GetAttemptResult, StartAttempt, SubmitAttempt};
use app::error::AppError;
use app::models::{AttemptResult, AttemptView, QuizItem, QuizSettings, Role, SaveAck, Verdict};
use app::quiz::{QuestionKind, Response};

on_both_backends! {
    an_untouched_ordering_is_graded_as_shown => an_untouched_ordering_is_graded_as_shown;
    a_submitted_order_names_every_item_once => a_submitted_order_names_every_item_once;
    a_result_says_whether_another_attempt_may_start => a_result_says_whether_another_attempt_may_start;
}

/// The authored items of [`every_kind`]'s ordering question, in their right order.
const ITEMS: [&str; 3] = ["first", "second", "third"];

/// A course whose quiz has only [`every_kind`]'s ordering question, an enrolled learner, and
/// the instructor.
async fn ordering_quiz(app: &TestApp, settings: QuizSettings) -> (Person, QuizCourse, Person) {
    let teacher = person(app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(app, teacher.id, "ordered").await;
    let question = every_kind()
        .into_iter()
        .find(|q| q.body.kind() == QuestionKind::Ordering)
        .expect("an ordering question");
    let id = add_question(app, &teacher, course.id, &[], &question).await;
    set_quiz(
        app,
        &teacher,
        course.quiz_lesson,
        &settings,
        &[QuizItem::Question { question_id: id }],
    )
    .await;
    let learner = person(app, "learner@example.org", Role::Learner).await;
    enroll(app, &learner, &course.slug).await;
    (teacher, course, learner)
}

async fn start(app: &TestApp, who: &Person, course: &QuizCourse) -> AttemptView {
    ok(form::<StartAttempt>(app, who, &[("lesson_id", &course.quiz_lesson.to_string())]).await)
}

async fn submit(app: &TestApp, who: &Person, attempt: i64) -> AttemptResult {
    ok(form::<SubmitAttempt>(app, who, &[("attempt_id", &attempt.to_string())]).await)
}

async fn an_untouched_ordering_is_graded_as_shown(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, learner) = ordering_quiz(&app, QuizSettings::default()).await;
    // The order shown is random (the right one included); whatever it is, submitting without
    // moving anything answers with it. Several attempts cover several orders.
    for _ in 0..4 {
        let view = start(&app, &learner, &course).await;
        let shown: Vec<String> = view.questions[0]
            .question
            .choices
            .iter()
            .map(|c| c.html.clone())
            .collect();
        let in_place = shown.iter().zip(ITEMS).filter(|(s, i)| s == i).count();
        let result = submit(&app, &learner, view.id).await;
        let q = &result.questions[0];
        assert_eq!(
            q.response,
            Some(Response::Ordering(vec![0, 1, 2])),
            "the order shown is stored as the answer"
        );
        let feedback = q.feedback.as_ref().expect("feedback after submit");
        assert_ne!(feedback.verdict, Verdict::Unanswered, "shown {shown:?}");
        let expected = in_place as f64 / 3.0;
        assert!(
            (result.score - expected).abs() < 1e-9,
            "shown {shown:?}: score {} for {in_place} in place",
            result.score
        );
        assert_eq!(
            feedback.verdict,
            if in_place == 3 {
                Verdict::Correct
            } else if in_place > 0 {
                Verdict::Partial
            } else {
                Verdict::Incorrect
            }
        );
        // The right order is listed item by item, in order.
        assert_eq!(feedback.correct_answers_html, ITEMS);
        assert!(feedback.correct_in_order);
    }
}

async fn a_submitted_order_names_every_item_once(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, learner) = ordering_quiz(&app, QuizSettings::default()).await;
    let view = start(&app, &learner, &course).await;
    let position = view.questions[0].position;
    for bad in [
        vec![],
        vec![0, 1],
        vec![0, 1, 1],
        vec![0, 1, 3],
        vec![2, 1, 0, 0],
        vec![u32::MAX, 0, 1],
        (0..51).collect(),
    ] {
        let e = err(save(
            &app,
            &learner,
            view.id,
            position,
            &Response::Ordering(bad.clone()),
        )
        .await);
        assert!(
            matches!(&e, AppError::Validation(f) if f.contains_key("response")),
            "{bad:?} answered {e:?}"
        );
    }
    // A refused order stored nothing: the right order, found from the items shown, still
    // saves and earns full marks.
    let right: Vec<u32> = ITEMS
        .iter()
        .map(|item| {
            view.questions[0]
                .question
                .choices
                .iter()
                .find(|c| c.html == *item)
                .map(|c| c.id)
                .expect("item shown")
        })
        .collect();
    ok::<SaveAck>(
        save(
            &app,
            &learner,
            view.id,
            position,
            &Response::Ordering(right.clone()),
        )
        .await,
    );
    let result = submit(&app, &learner, view.id).await;
    assert_eq!(
        result.questions[0].response,
        Some(Response::Ordering(right))
    );
    assert_eq!((result.score, result.max), (1.0, 1.0));
}

async fn a_result_says_whether_another_attempt_may_start(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (teacher, course, learner) = ordering_quiz(
        &app,
        QuizSettings {
            max_attempts: Some(2),
            pass_percent: 100,
            ..QuizSettings::default()
        },
    )
    .await;
    // A derangement of the items shown scores nothing, so the attempt fails.
    let wrong = |view: &AttemptView| {
        let choices = &view.questions[0].question.choices;
        let at = |item: &str| choices.iter().find(|c| c.html == item).map(|c| c.id);
        Response::Ordering(
            ["second", "third", "first"]
                .into_iter()
                .filter_map(at)
                .collect(),
        )
    };
    let first = start(&app, &learner, &course).await;
    ok::<SaveAck>(save(&app, &learner, first.id, 0, &wrong(&first)).await);
    let result = submit(&app, &learner, first.id).await;
    assert!(!result.passed);
    assert!(result.can_retry, "one attempt of two is left");
    assert_eq!(result.retry_blocked, None);

    let second = start(&app, &learner, &course).await;
    assert_eq!(second.number, 2);
    ok::<SaveAck>(save(&app, &learner, second.id, 0, &wrong(&second)).await);
    let result = submit(&app, &learner, second.id).await;
    assert!(!result.can_retry);
    assert_eq!(
        result.retry_blocked.as_deref(),
        Some("You have used all 2 attempts at this quiz.")
    );
    // The first result, read again, says the same now.
    let again: AttemptResult =
        ok(
            form::<GetAttemptResult>(&app, &learner, &[("attempt_id", &first.id.to_string())])
                .await,
        );
    assert!(!again.can_retry);
    // An instructor drilling in is offered nothing to retry.
    let seen: AttemptResult =
        ok(
            form::<GetAttemptResult>(&app, &teacher, &[("attempt_id", &first.id.to_string())])
                .await,
        );
    assert!(!seen.can_retry);
    assert_eq!(seen.retry_blocked, None);
}
