//! Question banks, import/export, the gradebook and statistics through the real router, on
//! SQLite and Postgres.

use crate::common::quiz::*;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::quiz::{
    DeleteQuestion, ExportGradebook, ExportQuestions, GetGradebook, GetQuestion, GetQuizEditor,
    GetQuizStats, ImportQuestions, ListQuestions, SaveAnswer, SaveQuestion, StartAttempt,
    SubmitAttempt,
};
use app::error::AppError;
use app::models::{
    AttemptView, Gradebook, ImportReport, KeptAttempt, QuestionBank, QuestionEditor, QuizEditor,
    QuizItem, QuizSettings, QuizStats, Role,
};
use app::quiz::QuestionBody;
use serde_json::json;

on_both_backends! {
    the_bank_validates_filters_and_belongs_to_its_instructor => the_bank_validates_filters_and_belongs_to_its_instructor;
    gift_imports_all_or_nothing_and_round_trips => gift_imports_all_or_nothing_and_round_trips;
    the_gradebook_keeps_the_right_attempt => the_gradebook_keeps_the_right_attempt;
}

const GIFT: &str = "$CATEGORY: $course$/Capitals\n\n\
What is the capital of France? {=Paris#Yes ~Lyon#No}\n\n\
// [tag:numbers]\nTwo plus two? {#4}\n\n\
Match them. {=France -> Paris =Italy -> Rome}\n";

async fn the_bank_validates_filters_and_belongs_to_its_instructor(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "banked").await;
    let cid = course.id.to_string();
    let empty: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(empty.total, 0);

    // Validation names the field; nothing is stored.
    let mut bad = every_kind().remove(0);
    // No option marked correct (several may be, as Moodle allows).
    if let QuestionBody::SingleChoice { options } = &mut bad.body {
        options.iter_mut().for_each(|o| o.correct = false);
    }
    bad.stem = " ".into();
    let e = err(json_call::<SaveQuestion>(
        &app,
        &teacher,
        json!({"input": {"course_id": course.id, "id": null, "tags": [], "question": bad}}),
    )
    .await);
    let AppError::Validation(fields) = e else {
        panic!("validation expected")
    };
    assert!(
        fields.contains_key("stem") && fields.contains_key("options"),
        "{fields:?}"
    );

    let mut ids = Vec::new();
    for (i, q) in every_kind().iter().enumerate() {
        let tags: &[&str] = if i % 2 == 0 {
            &["Even ", "shared"]
        } else {
            &["shared"]
        };
        ids.push(add_question(&app, &teacher, course.id, tags, q).await);
    }
    let all: QuestionBank = ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(all.total, 8);
    assert_eq!(
        all.tags
            .iter()
            .map(|t| (t.tag.as_str(), t.count))
            .collect::<Vec<_>>(),
        vec![("even", 4), ("shared", 8)]
    );
    let even: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid), ("tag", "even")]).await);
    assert_eq!(even.total, 4);
    let found: QuestionBank = ok(form::<ListQuestions>(
        &app,
        &teacher,
        &[("course_id", &cid), ("search", "numeric")],
    )
    .await);
    assert_eq!(found.questions.len(), 1);

    // Edit keeps the id; the editor gets the whole question back.
    let mut edited = every_kind().remove(3);
    edited.stem = "Edited?".into();
    let same: i64 = ok(json_call::<SaveQuestion>(
        &app,
        &teacher,
        json!({"input": {"course_id": course.id, "id": ids[3], "tags": ["x"], "question": edited}}),
    )
    .await);
    assert_eq!(same, ids[3]);
    let opened: QuestionEditor =
        ok(form::<GetQuestion>(&app, &teacher, &[("question_id", &ids[3].to_string())]).await);
    assert_eq!(opened.question, edited);
    assert_eq!(opened.tags, vec!["x"]);

    // Another instructor and learners see nothing of it.
    let rival = person(&app, "rival@example.org", Role::Instructor).await;
    assert_eq!(
        err(form::<ListQuestions>(&app, &rival, &[("course_id", &cid)]).await),
        AppError::Forbidden
    );
    assert_eq!(
        err(form::<GetQuestion>(&app, &rival, &[("question_id", &ids[0].to_string())]).await),
        AppError::Forbidden
    );
    assert_eq!(
        err(form::<DeleteQuestion>(&app, &rival, &[("question_id", &ids[0].to_string())]).await),
        AppError::Forbidden
    );
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    assert_eq!(
        err(form::<GetQuestion>(&app, &learner, &[("question_id", &ids[0].to_string())]).await),
        AppError::Forbidden
    );

    // A question a quiz uses cannot be deleted until it is removed there.
    set_quiz(
        &app,
        &teacher,
        course.quiz_lesson,
        &QuizSettings::default(),
        &[QuizItem::Question {
            question_id: ids[0],
        }],
    )
    .await;
    let e =
        err(form::<DeleteQuestion>(&app, &teacher, &[("question_id", &ids[0].to_string())]).await);
    assert!(
        matches!(&e, AppError::Conflict(m) if m.contains("Lesson quiz")),
        "{e:?}"
    );
    let editor: QuizEditor = ok(form::<GetQuizEditor>(
        &app,
        &teacher,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    assert_eq!(
        editor.items,
        vec![QuizItem::Question {
            question_id: ids[0]
        }]
    );
    assert_eq!(
        editor
            .bank
            .iter()
            .find(|q| q.id == ids[0])
            .map(|q| q.used_in),
        Some(1)
    );
    assert_eq!(
        ok::<()>(
            form::<DeleteQuestion>(&app, &teacher, &[("question_id", &ids[1].to_string())]).await
        ),
        ()
    );
    let after: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(after.total, 7);
    // A quiz naming a question of another course is refused.
    let foreign = quiz_course(&app, rival.id, "rivals").await;
    let theirs = add_question(&app, &rival, foreign.id, &[], &every_kind()[0]).await;
    let e = err(json_call::<app::api::quiz::SaveQuiz>(&app, &teacher, json!({"lesson_id": course.quiz_lesson, "settings": QuizSettings::default(), "items": [QuizItem::Question { question_id: theirs }]})).await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("items.0")));
}

async fn gift_imports_all_or_nothing_and_round_trips(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "imported").await;
    let cid = course.id.to_string();
    let broken = format!("{GIFT}\nAn essay? {{}}\n\nNo right answer {{~a ~b}}\n");
    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": course.id, "format": "gift", "text": broken, "tags": []}),
    )
    .await);
    assert_eq!(report.imported, 0);
    assert_eq!(
        report.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![10, 12]
    );
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert_eq!(bank.total, 0, "nothing half-imported");

    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": course.id, "format": "gift", "text": GIFT, "tags": ["Week 1"]}),
    )
    .await);
    assert_eq!(
        report,
        ImportReport {
            imported: 3,
            errors: vec![]
        }
    );
    let bank: QuestionBank =
        ok(
            form::<ListQuestions>(&app, &teacher, &[("course_id", &cid), ("tag", "capitals")])
                .await,
        );
    assert_eq!(bank.total, 3);
    assert!(bank.tags.iter().any(|t| t.tag == "week 1" && t.count == 3));
    assert!(bank.tags.iter().any(|t| t.tag == "numbers" && t.count == 1));

    let gift: String = ok(form::<ExportQuestions>(&app, &teacher, &[("course_id", &cid)]).await);
    assert!(
        gift.contains("Paris") && gift.contains("France -> Paris"),
        "{gift}"
    );
    let copy = quiz_course(&app, teacher.id, "copied").await;
    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": copy.id, "format": "gift", "text": gift, "tags": []}),
    )
    .await);
    assert_eq!(report.imported, 3);

    let csv = app::quiz::CSV_TEMPLATE;
    let report: ImportReport = ok(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": copy.id, "format": "csv", "text": csv, "tags": []}),
    )
    .await);
    assert_eq!(report.imported, 8);
    let e = err(json_call::<ImportQuestions>(
        &app,
        &teacher,
        json!({"course_id": copy.id, "format": "xml", "text": "x", "tags": []}),
    )
    .await);
    assert!(matches!(e, AppError::Validation(f) if f.contains_key("format")));
    let rival = person(&app, "rival@example.org", Role::Instructor).await;
    assert_eq!(
        err(json_call::<ImportQuestions>(
            &app,
            &rival,
            json!({"course_id": course.id, "format": "gift", "text": GIFT, "tags": []})
        )
        .await),
        AppError::Forbidden
    );
}

async fn take(app: &TestApp, who: &Person, lesson: i64, right: usize) {
    let view: AttemptView =
        ok(form::<StartAttempt>(app, who, &[("lesson_id", &lesson.to_string())]).await);
    let mut questions = view.questions.clone();
    questions.sort_by_key(|q| q.question.stem_html.clone());
    for q in questions.iter().take(right) {
        ok::<app::models::SaveAck>(json_call::<SaveAnswer>(app, who, json!({"attempt_id": view.id, "position": q.position, "response": right_answer(&q.question)})).await);
    }
    for q in questions.iter().skip(right) {
        ok::<app::models::SaveAck>(json_call::<SaveAnswer>(app, who, json!({"attempt_id": view.id, "position": q.position, "response": wrong_answer(&q.question)})).await);
    }
    ok::<app::models::AttemptResult>(
        form::<SubmitAttempt>(app, who, &[("attempt_id", &view.id.to_string())]).await,
    );
}

async fn the_gradebook_keeps_the_right_attempt(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (teacher, course, ids, ada) = quiz_with_every_kind(
        &app,
        QuizSettings {
            pass_percent: 50,
            ..QuizSettings::default()
        },
    )
    .await;
    let bob = person(&app, "=bob@example.org", Role::Learner).await;
    enroll(&app, &bob, &course.slug).await;
    let idle = person(&app, "idle@example.org", Role::Learner).await;
    enroll(&app, &idle, &course.slug).await;
    // Ada: 2/8 then 6/8; Bob: 8/8 then 4/8.
    take(&app, &ada, course.quiz_lesson, 2).await;
    take(&app, &ada, course.quiz_lesson, 6).await;
    take(&app, &bob, course.quiz_lesson, 8).await;
    take(&app, &bob, course.quiz_lesson, 4).await;
    let cid = course.id.to_string();
    let items: Vec<QuizItem> = ids
        .iter()
        .map(|id| QuizItem::Question { question_id: *id })
        .collect();
    for (kept, ada_percent, bob_percent) in [
        (KeptAttempt::Highest, 75.0, 100.0),
        (KeptAttempt::Last, 75.0, 50.0),
        (KeptAttempt::Average, 50.0, 75.0),
    ] {
        set_quiz(
            &app,
            &teacher,
            course.quiz_lesson,
            &QuizSettings {
                pass_percent: 60,
                kept,
                ..QuizSettings::default()
            },
            &items,
        )
        .await;
        let book: Gradebook =
            ok(form::<GetGradebook>(&app, &teacher, &[("course_id", &cid)]).await);
        assert_eq!(book.total, 3);
        assert_eq!(book.quizzes.len(), 1);
        let cell = |email: &str| {
            book.rows
                .iter()
                .find(|r| r.email == email)
                .expect("row")
                .cells[0]
                .clone()
        };
        let a = cell("learner@example.org").expect("ada attempted");
        assert_eq!(
            (a.percent, a.attempts, a.passed),
            (Some(ada_percent), 2, ada_percent >= 60.0),
            "{kept:?}"
        );
        let b = cell("=bob@example.org").expect("bob attempted");
        assert_eq!(
            (b.percent, b.attempts, b.passed),
            (Some(bob_percent), 2, bob_percent >= 60.0),
            "{kept:?}"
        );
        assert!(cell("idle@example.org").is_none());
    }
    let csv: String = ok(form::<ExportGradebook>(&app, &teacher, &[("course_id", &cid)]).await);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Learner,Email,Lesson quiz (%),Lesson quiz attempts,Lesson quiz passed"
    );
    assert!(
        lines.contains(&"Name learner@example.org,learner@example.org,50.0,2,no"),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",'=bob@example.org,75.0,2,yes")),
        "formulas are neutralised: {csv}"
    );

    let stats: QuizStats = ok(form::<GetQuizStats>(
        &app,
        &teacher,
        &[("lesson_id", &course.quiz_lesson.to_string())],
    )
    .await);
    assert_eq!(stats.attempts, 4);
    assert_eq!(stats.questions.len(), 8);
    let tf = stats
        .questions
        .iter()
        .find(|q| q.title == "True?")
        .expect("true/false stats");
    assert_eq!(tf.asked, 4);
    let right = tf.facility.expect("facility") * 4.0;
    assert!((right - right.round()).abs() < 1e-9 && (0.0..=4.0).contains(&right));
    if right < 4.0 {
        assert_eq!(tf.common_wrong[0].answer, "False");
        assert_eq!(f64::from(tf.common_wrong[0].count), 4.0 - right);
    }
    // Learners and other instructors see none of it.
    assert_eq!(
        err(form::<GetGradebook>(&app, &ada, &[("course_id", &cid)]).await),
        AppError::Forbidden
    );
    assert_eq!(
        err(form::<GetQuizStats>(
            &app,
            &bob,
            &[("lesson_id", &course.quiz_lesson.to_string())]
        )
        .await),
        AppError::Forbidden
    );
}
