//! Practice quizzes ship answers to the browser, so they never ship a question a graded quiz of
//! the course can ask — neither its fixed items nor anything its random draws can pick.

use crate::common::courses::{add_practice_lesson, quiz_course};
use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::GetPracticeQuiz;
use app::models::{PracticeQuiz, QuizItem, QuizSettings, Role};

on_both_backends! {
    practice_never_hands_out_graded_questions => practice_never_hands_out_graded_questions;
}

async fn practice_never_hands_out_graded_questions(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "practised").await;
    let practice_lesson = add_practice_lesson(&app, &course).await;
    let questions = every_kind();
    let fixed = add_question(&app, &teacher, course.id, &["all"], &questions[0]).await;
    let drawn = add_question(&app, &teacher, course.id, &["all", "exam"], &questions[1]).await;
    let free_a = add_question(&app, &teacher, course.id, &["all"], &questions[2]).await;
    let free_b = add_question(&app, &teacher, course.id, &["all"], &questions[3]).await;

    // The graded quiz asks `fixed` and draws one question tagged "exam".
    set_quiz(
        &app,
        &teacher,
        course.quiz_lesson,
        &settings(),
        &[
            QuizItem::Question { question_id: fixed },
            QuizItem::Draw {
                tags: vec!["exam".into()],
                count: 1,
            },
        ],
    )
    .await;
    // The practice quiz names `fixed` too, and draws two from everything.
    set_quiz(
        &app,
        &teacher,
        practice_lesson,
        &QuizSettings {
            practice: true,
            ..settings()
        },
        &[
            QuizItem::Question { question_id: fixed },
            QuizItem::Draw {
                tags: vec!["all".into()],
                count: 2,
            },
        ],
    )
    .await;
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    enroll(&app, &learner, &course.slug).await;

    for round in 0..10 {
        let practice: PracticeQuiz = ok(form::<GetPracticeQuiz>(
            &app,
            &learner,
            &[("lesson_id", &practice_lesson.to_string())],
        )
        .await);
        let shipped: Vec<&str> = practice
            .questions
            .iter()
            .map(|q| q.question.stem.as_str())
            .collect();
        assert_eq!(shipped.len(), 2, "round {round}: {shipped:?}");
        for graded in [&questions[0], &questions[1]] {
            assert!(
                !shipped.contains(&graded.stem.as_str()),
                "round {round}: a graded question was shipped with its answers: {shipped:?}"
            );
        }
        for free in [&questions[2], &questions[3]] {
            assert!(
                shipped.contains(&free.stem.as_str()),
                "round {round}: {shipped:?}"
            );
        }
    }
    let _ = (drawn, free_a, free_b);
}
