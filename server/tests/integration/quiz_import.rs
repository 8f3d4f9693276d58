//! Question import through the real router, on SQLite and Postgres: every problem of a file
//! in one pass, the preview (which stores nothing), and per-answer credit surviving from GIFT
//! to a graded attempt and the gradebook.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{
    GetAttemptResult, GetGradebook, ImportQuestions, ListQuestions, PreviewImport, StartAttempt,
    SubmitAttempt,
};
use app::error::AppError;
use app::models::{
    AttemptResult, AttemptView, Gradebook, ImportPreview, ImportReport, QuestionBank, QuizItem,
    QuizSettings, Role, SaveAck, Verdict,
};
use app::quiz::{QuestionKind, Response};
use serde_json::json;

on_both_backends! {
    an_import_reports_unreadable_and_invalid_questions_together => an_import_reports_unreadable_and_invalid_questions_together;
    a_preview_shows_credits_and_stores_nothing => a_preview_shows_credits_and_stores_nothing;
    imported_partial_credit_scores_in_the_attempt_and_gradebook => imported_partial_credit_scores_in_the_attempt_and_gradebook;
}

/// Line 1 reads and is valid, line 3 does not read, and the question from line 5 reads but
/// is worth no points.
const TWO_PROBLEMS: &str = "Fine? {=yes ~no}\n\n\
An essay? {}\n\n\
// [points:0]\nWorth nothing? {T}\n";

/// Short answers with Moodle weights and feedback; `*` (any other answer) earns nothing.
const WEIGHTED: &str = "Who? {=%100%Frog#Good =%50%Cat#Half =%0%*#No}\n";

fn import_args(course_id: i64, text: &str) -> serde_json::Value {
    json!({"course_id": course_id, "format": "gift", "text": text, "tags": ["Week 1"]})
}

async fn an_import_reports_unreadable_and_invalid_questions_together(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "problems").await;
    let preview: ImportPreview =
        ok(json_call::<PreviewImport>(&app, &teacher, import_args(course.id, TWO_PROBLEMS)).await);
    // The invalid question is previewed (it read), the unreadable one is not.
    let lines: Vec<u32> = preview.questions.iter().map(|q| q.line).collect();
    assert_eq!(lines.len(), 2, "{preview:?}");
    assert_eq!(lines[0], 1);
    let worthless = lines[1];
    assert!((5..=6).contains(&worthless), "{lines:?}");
    let problem_lines: Vec<u32> = preview.errors.iter().map(|e| e.line).collect();
    assert_eq!(problem_lines, vec![3, worthless], "{:?}", preview.errors);
    assert!(preview.errors[1].message.contains("(points)"));

    let report: ImportReport =
        ok(
            json_call::<ImportQuestions>(&app, &teacher, import_args(course.id, TWO_PROBLEMS))
                .await,
        );
    assert_eq!(report.imported, 0);
    assert_eq!(
        report.errors, preview.errors,
        "the import finds what the preview found"
    );

    // CSV too: a row that does not read beside a row that does not validate.
    let csv = "type,question,options,correct,points\n\
               essay,Not a type,,,\n\
               single_choice,Worthless,a|b,1,0\n";
    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": course.id, "format": "csv", "text": csv, "tags": []}),
    )
    .await);
    let lines: Vec<u32> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3], "{:?}", report.errors);
}

async fn a_preview_shows_credits_and_stores_nothing(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "previewed").await;
    let text =
        format!("// [tag:animals]\n{WEIGHTED}\nPick one. {{=Paris#Yes ~%50%Lyon#Close ~Nice}}\n");
    let preview: ImportPreview =
        ok(json_call::<PreviewImport>(&app, &teacher, import_args(course.id, &text)).await);
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert_eq!(preview.questions.len(), 2);
    let who = &preview.questions[0];
    assert_eq!(who.kind, QuestionKind::ShortText);
    assert_eq!(who.stem, "Who?");
    assert_eq!(who.points, 1.0);
    assert_eq!(who.tags, vec!["animals", "week 1"]);
    let rows: Vec<(&str, Option<f64>, &str)> = who
        .answers
        .iter()
        .map(|a| (a.text.as_str(), a.credit, a.feedback.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Frog", Some(100.0), "Good"),
            ("Cat", Some(50.0), "Half"),
            ("*", Some(0.0), "No")
        ]
    );
    let pick = &preview.questions[1];
    let credits: Vec<Option<f64>> = pick.answers.iter().map(|a| a.credit).collect();
    assert_eq!(credits, vec![Some(100.0), Some(50.0), Some(0.0)]);
    assert_eq!(pick.answers[1].feedback, "Close");

    let cid = course.id.to_string();
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(bank.total, 0, "a preview stores nothing");

    // Refused like the import: to learners, visitors, other instructors, and past the bounds.
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    let visitor = Person {
        id: 0,
        client: TestApp::new_client(),
    };
    let rival = person(&app, "rival@example.org", Role::Instructor).await;
    for (who, expected) in [
        (&learner, AppError::Forbidden),
        (&visitor, AppError::Unauthorized),
        (&rival, AppError::Forbidden),
    ] {
        let e = err(json_call::<PreviewImport>(&app, who, import_args(course.id, &text)).await);
        assert_eq!(e, expected);
    }
    let big = "x".repeat(app::server::services::quiz::import::MAX_IMPORT_BYTES + 1);
    let e = err(json_call::<PreviewImport>(&app, &teacher, import_args(course.id, &big)).await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("text")));
    let many_tags: Vec<String> = (0..51).map(|i| format!("t{i}")).collect();
    let e = err(json_call::<PreviewImport>(
        &app,
        &teacher,
        json!({"course_id": course.id, "format": "gift", "text": text, "tags": many_tags}),
    )
    .await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("tags")));
    let many_questions = "Q? {T}\n\n".repeat(501);
    let preview: ImportPreview =
        ok(
            json_call::<PreviewImport>(&app, &teacher, import_args(course.id, &many_questions))
                .await,
        );
    assert!(preview.questions.is_empty());
    assert!(preview.errors[0].message.contains("at most 500"));
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(bank.total, 0);
}

/// GIFT's `%50%` on a short answer gives half the points in a graded quiz: in the learner's
/// result and in the gradebook. Needs the GIFT reader to read short-answer weights.
async fn imported_partial_credit_scores_in_the_attempt_and_gradebook(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "weighted").await;
    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        import_args(course.id, &format!("// [points:2]\n{WEIGHTED}")),
    )
    .await);
    assert_eq!(report.imported, 1, "{:?}", report.errors);
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &course.id.to_string())]).await);
    let items = [QuizItem::Question {
        question_id: bank.questions[0].id,
    }];
    let settings = QuizSettings {
        pass_percent: 40,
        ..QuizSettings::default()
    };
    set_quiz(&app, &teacher, course.quiz_lesson, &settings, &items).await;
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    enroll(&app, &learner, &course.slug).await;

    let view: AttemptView = ok(form::<StartAttempt>(
        &app,
        &learner,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    let answer = Response::ShortText("cat".into());
    ok::<SaveAck>(save(&app, &learner, view.id, view.questions[0].position, &answer).await);
    let id = view.id.to_string();
    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &id)]).await);
    assert_eq!((result.score, result.max, result.percent), (1.0, 2.0, 50.0));
    assert!(result.passed);
    let seen: AttemptResult =
        ok(form::<GetAttemptResult>(&app, &teacher, &[("attempt_id", &id)]).await);
    let feedback = seen.questions[0].feedback.as_ref().expect("feedback shown");
    assert_eq!(feedback.verdict, Verdict::Partial);
    assert_eq!((feedback.score, feedback.max), (1.0, 2.0));
    assert!(
        feedback.feedback_html.iter().any(|f| f.contains("Half")),
        "{:?}",
        feedback.feedback_html
    );

    let book: Gradebook =
        ok(form::<GetGradebook>(&app, &teacher, &[("course_id", &course.id.to_string())]).await);
    let cell = book
        .rows
        .iter()
        .find(|r| r.email == "learner@example.org")
        .and_then(|r| r.cells[0].clone())
        .expect("the learner's cell");
    assert_eq!((cell.percent, cell.passed), (Some(50.0), true));
}
