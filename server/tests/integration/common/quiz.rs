//! Quiz fixtures: bank questions of every kind whose answers and feedback all carry a
//! sentinel, quizzes set up through the real server functions, and right and wrong answers
//! found from what a learner sees.

use app::api::quiz::SaveAnswer;
use app::models::{QuizItem, QuizSettings, Role};
use app::quiz::{ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody};
use serde_json::json;

pub use super::courses::{quiz_course, QuizCourse};
use super::{form, json_call, ok, person, Person, TestApp};

/// Text that appears only in answers and feedback: it must never reach a learner early.
pub const SECRET: &str = "SENTINEL";

fn opt(text: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        text: text.into(),
        correct,
        feedback: format!("{SECRET}-option-feedback {text}"),
        credit: None,
    }
}

/// One question of every kind; every answer and feedback carries [`SECRET`]. Each is worth 1.
pub fn every_kind() -> Vec<Question> {
    let q = |stem: &str, body| Question {
        stem: stem.into(),
        points: 1.0,
        general_feedback: format!("{SECRET}-general"),
        body,
    };
    vec![
        q(
            "Single?",
            QuestionBody::SingleChoice {
                options: vec![opt("a", true), opt("b", false), opt("c", false)],
            },
        ),
        q(
            "Multiple?",
            QuestionBody::MultipleChoice {
                options: vec![opt("a", true), opt("b", true), opt("c", false)],
                partial_credit: true,
            },
        ),
        q(
            "True?",
            QuestionBody::TrueFalse {
                answer: true,
                feedback_true: format!("{SECRET}-tf-true"),
                feedback_false: format!("{SECRET}-tf-false"),
            },
        ),
        q(
            "Short?",
            QuestionBody::ShortText {
                accepted: vec![format!("{SECRET}word").into()],
                lenient: true,
                wildcards: false,
            },
        ),
        q(
            "Numeric?",
            QuestionBody::Numeric {
                answers: vec![NumericAnswer::new(777_123.0, 0.5)],
                unit: None,
                unit_required: false,
                other_feedback: String::new(),
            },
        ),
        q(
            "Order?",
            QuestionBody::Ordering {
                items: vec!["first".into(), "second".into(), "third".into()],
            },
        ),
        q(
            "Match?",
            QuestionBody::Matching {
                pairs: vec![
                    MatchPair {
                        prompt: "one".into(),
                        answer: "uno".into(),
                    },
                    MatchPair {
                        prompt: "two".into(),
                        answer: "dos".into(),
                    },
                ],
            },
        ),
        q(
            "Blanks?",
            QuestionBody::FillBlanks {
                text: format!("Fill [[{SECRET}blank]] in."),
                lenient: true,
            },
        ),
    ]
}

/// Saves `question` with `tags` into course `course_id`'s bank as `who`; its id.
pub async fn add_question(
    app: &TestApp,
    who: &Person,
    course_id: i64,
    tags: &[&str],
    question: &Question,
) -> i64 {
    ok(json_call::<app::api::quiz::SaveQuestion>(
        app,
        who,
        json!({"input": {"course_id": course_id, "id": null, "tags": tags, "question": question}}),
    )
    .await)
}

/// Sets quiz lesson `lesson_id`'s settings and items as `who`.
pub async fn set_quiz(
    app: &TestApp,
    who: &Person,
    lesson_id: i64,
    settings: &QuizSettings,
    items: &[QuizItem],
) {
    let raw = json_call::<app::api::quiz::SaveQuiz>(
        app,
        who,
        json!({"lesson_id": lesson_id, "settings": settings, "items": items}),
    )
    .await;
    assert_eq!(raw.0, 200, "save quiz: {}", raw.1);
}

/// Enrolls `who` in course `slug`.
pub async fn enroll(app: &TestApp, who: &Person, slug: &str) {
    let raw = form::<app::api::learning::Enroll>(app, who, &[("slug", slug)]).await;
    assert_eq!(raw.0, 200, "enroll: {}", raw.1);
}

/// An instructor, their course whose quiz has one fixed question of every kind, and an
/// enrolled learner.
pub async fn quiz_with_every_kind(
    app: &TestApp,
    settings: QuizSettings,
) -> (Person, QuizCourse, Vec<i64>, Person) {
    let teacher = person(app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(app, teacher.id, "quizzed").await;
    let mut ids = Vec::new();
    for q in every_kind() {
        ids.push(add_question(app, &teacher, course.id, &["all"], &q).await);
    }
    let items: Vec<QuizItem> = ids
        .iter()
        .map(|id| QuizItem::Question { question_id: *id })
        .collect();
    set_quiz(app, &teacher, course.quiz_lesson, &settings, &items).await;
    let learner = person(app, "learner@example.org", Role::Learner).await;
    enroll(app, &learner, &course.slug).await;
    (teacher, course, ids, learner)
}

/// The right response to a presented question of [`every_kind`], found from what the learner
/// sees (option texts), as a learner who knows the material would answer.
pub fn right_answer(q: &app::models::PresentedQuestion) -> app::quiz::Response {
    use app::quiz::{QuestionKind as K, Response as R};
    let id_of = |text: &str| {
        q.choices
            .iter()
            .find(|c| c.html.contains(&format!(">{text}<")) || c.html == text)
            .map(|c| c.id)
            .expect("choice shown")
    };
    match q.kind {
        K::SingleChoice => R::SingleChoice(id_of("a")),
        K::MultipleChoice => R::MultipleChoice(vec![id_of("a"), id_of("b")]),
        K::TrueFalse => R::TrueFalse(true),
        K::ShortText => R::ShortText(format!("{SECRET}word")),
        K::Numeric => R::Numeric("777123.2".into()),
        K::Ordering => R::Ordering(vec![id_of("first"), id_of("second"), id_of("third")]),
        K::Matching => R::Matching(vec![Some(id_of("uno")), Some(id_of("dos"))]),
        K::FillBlanks => R::FillBlanks(vec![format!("{SECRET}blank")]),
    }
}

/// What [`every_kind`]'s ordering question earns (of its 1 point) when left in the order
/// `q` shows it: an untouched ordering is answered with the order shown.
pub fn shown_order_score(q: &app::models::PresentedQuestion) -> f64 {
    let right = ["first", "second", "third"];
    let in_place = q
        .choices
        .iter()
        .zip(right)
        .filter(|(c, r)| c.html == *r)
        .count();
    in_place as f64 / right.len() as f64
}

/// A wrong response of the right shape.
pub fn wrong_answer(q: &app::models::PresentedQuestion) -> app::quiz::Response {
    use app::quiz::{QuestionKind as K, Response as R};
    match q.kind {
        K::SingleChoice => R::SingleChoice(
            q.choices
                .iter()
                .find(|c| !c.html.contains(">a<"))
                .map(|c| c.id)
                .expect("a wrong option"),
        ),
        K::MultipleChoice => R::MultipleChoice(vec![]),
        K::TrueFalse => R::TrueFalse(false),
        K::ShortText => R::ShortText("nope".into()),
        K::Numeric => R::Numeric("1".into()),
        // Every item out of place: second, third, first.
        K::Ordering => R::Ordering(
            ["second", "third", "first"]
                .into_iter()
                .map(|text| {
                    q.choices
                        .iter()
                        .find(|c| c.html == text)
                        .map(|c| c.id)
                        .expect("item shown")
                })
                .collect(),
        ),
        K::Matching => R::Matching(vec![None, None]),
        K::FillBlanks => R::FillBlanks(vec!["nope".into()]),
    }
}

/// Settings most attempt tests use: pass at 60%, questions and options shuffled.
pub fn settings() -> QuizSettings {
    QuizSettings {
        pass_percent: 60,
        shuffle_questions: true,
        shuffle_options: true,
        ..QuizSettings::default()
    }
}

/// Saves `response` to question `position` of `attempt` as `who`.
pub async fn save(
    app: &TestApp,
    who: &Person,
    attempt: i64,
    position: u32,
    response: &app::quiz::Response,
) -> (u16, String) {
    json_call::<SaveAnswer>(
        app,
        who,
        json!({"attempt_id": attempt, "position": position, "response": response}),
    )
    .await
}

/// Starts `who`'s attempt at quiz lesson `quiz_lesson` and saves the right answer to every
/// question.
pub async fn answered_attempt(
    app: &TestApp,
    who: &Person,
    quiz_lesson: i64,
) -> app::models::AttemptView {
    let view: app::models::AttemptView = ok(form::<app::api::quiz::StartAttempt>(
        app,
        who,
        &[("lesson_id", &quiz_lesson.to_string())],
    )
    .await);
    for q in &view.questions {
        ok::<app::models::SaveAck>(
            save(app, who, view.id, q.position, &right_answer(&q.question)).await,
        );
    }
    view
}
