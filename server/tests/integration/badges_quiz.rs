//! Quiz rules: a badge for passing one quiz with at least a score, and one for passing every
//! graded quiz, awarded on the submission that earns them and not before.

use app::api::quiz::{StartAttempt, SubmitAttempt};
use app::models::AttemptView;

use crate::badges::achievements;
use crate::common::quiz::{answered_attempt, quiz_with_every_kind, settings};
use crate::common::{form, ok, Backend, Sessions, TestApp};

async fn quiz_badges_follow_the_kept_score(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (teacher, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    let lesson = course.quiz_lesson.to_string();
    let create = |name: &'static str, rule: &'static str, threshold: &'static str| {
        let course_id = course.id.to_string();
        let lesson = lesson.clone();
        let app = &app;
        let teacher = &teacher;
        async move {
            let _: i64 = ok(form::<app::api::badges::CreateBadge>(
                app,
                teacher,
                &[
                    ("course", &course_id),
                    ("name", name),
                    ("description", "Quiz work."),
                    ("criteria", "Pass the quiz."),
                    ("image", "medal"),
                    ("rule", rule),
                    ("quiz_lesson", &lesson),
                    ("threshold", threshold),
                ],
            )
            .await);
        }
    };
    create("Perfect score", "quiz_passed", "100").await;
    create("Quiz passed", "quiz_passed", "60").await;
    create("Every quiz", "all_quizzes_passed", "").await;

    // An attempt submitted blank fails: nothing.
    let blank: AttemptView =
        ok(form::<StartAttempt>(&app, &learner, &[("lesson_id", &lesson)]).await);
    let _: serde_json::Value =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &blank.id.to_string())]).await);
    assert!(achievements(&app, &learner).await.badges.is_empty());

    // All right: the pass earns all three at once.
    let right = answered_attempt(&app, &learner, course.quiz_lesson).await;
    let _: serde_json::Value =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &right.id.to_string())]).await);
    let mut names: Vec<String> = achievements(&app, &learner)
        .await
        .badges
        .into_iter()
        .map(|b| b.name)
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Every quiz", "Perfect score", "Quiz passed"]);
}

on_both_backends! {
    badges_quiz_rules => quiz_badges_follow_the_kept_score;
}
