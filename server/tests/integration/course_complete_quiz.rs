//! Passing the last quiz completes the course: the course page and the quiz result page say
//! so, from the server's record — on SQLite and on Postgres.

use app::api::quiz::{StartAttempt, SubmitAttempt};
use app::models::{AttemptResult, AttemptView};
use serde_json::json;

use crate::common::learning::{event, record};
use crate::common::quiz::{quiz_with_every_kind, right_answer, save, settings};
use crate::common::{form, ok, Backend, Person, TestApp};

on_both_backends! {
    passing_the_final_quiz_completes_the_course => passing_the_final_quiz_completes_the_course;
}

async fn page(app: &TestApp, who: &Person, path: &str) -> String {
    let response = who
        .client
        .get(app.url(path))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.expect("body")
}

async fn passing_the_final_quiz_completes_the_course(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    record(
        &app,
        &learner,
        json!([event(
            1,
            course.text_lesson,
            "completed",
            None,
            "2026-03-01T10:00:00Z"
        )]),
    )
    .await
    .expect("record");
    let course_page = format!("/courses/{}", course.slug);
    assert!(!page(&app, &learner, &course_page)
        .await
        .contains("You completed this course"));

    let lesson = course.quiz_lesson.to_string();
    let view: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    for q in &view.questions {
        let (status, body) = save(
            &app,
            &learner,
            view.id,
            q.position,
            &right_answer(&q.question),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &view.id.to_string())]).await);
    assert!(result.passed);

    let html = page(&app, &learner, &course_page).await;
    assert!(html.contains("You completed this course"));
    let result_page = format!(
        "/courses/{}/lessons/quiz/attempts/{}/result",
        course.slug, view.id
    );
    let html = page(&app, &learner, &result_page).await;
    assert!(html.contains("Course complete"), "the result page says so");
}
