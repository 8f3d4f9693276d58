//! Shared setup for the quiz integration tests: people, a course with a quiz lesson, bank
//! questions whose answers and feedback all carry a sentinel, and calls through the router.
#![allow(dead_code)]

use app::error::AppError;
use app::models::{QuizItem, QuizSettings, Role};
use app::quiz::{ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody};
use app::server::entities::{course, lesson, section};
use app::server::services::accounts;
use chrono::Utc;
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, Set};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::common::{TestApp, GOOD_PASSWORD};

/// Text that appears only in answers and feedback: it must never reach a learner early.
pub const SECRET: &str = "SENTINEL";

/// A signed-in browser.
pub struct Person {
    pub id: i64,
    pub client: reqwest::Client,
}

/// Signs up `email` with `role` and signs them in with their own cookie jar.
pub async fn person(app: &TestApp, email: &str, role: Role) -> Person {
    let user = accounts::signup(&app.db, &format!("Name {email}"), email, GOOD_PASSWORD)
        .await
        .expect("signup");
    if role != Role::Learner {
        let boss = accounts::roles::create_admin(
            &app.db,
            &format!("boss-{email}"),
            Some("Boss"),
            Some(GOOD_PASSWORD),
        )
        .await
        .expect("admin");
        accounts::roles::set_role(&app.db, boss.id, user.id, role)
            .await
            .expect("role");
    }
    let client = TestApp::new_client();
    let reply = app
        .call_with(
            &client,
            app::api::account::SignIn::PATH,
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "sign in: {}", reply.body);
    Person {
        id: user.id,
        client,
    }
}

/// A raw reply: status and body exactly as the browser would get them.
pub type Raw = (u16, String);

/// Calls a form-encoded server function as `who`.
pub async fn form<F: ServerFn>(app: &TestApp, who: &Person, args: &[(&str, &str)]) -> Raw {
    let reply = app
        .call_with(&who.client, F::PATH, args, Some(&app.url("")))
        .await;
    (reply.status, reply.body)
}

/// Calls a JSON-encoded server function as `who`.
pub async fn json_call<F: ServerFn>(app: &TestApp, who: &Person, body: Value) -> Raw {
    let response = who
        .client
        .post(app.url(F::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The decoded success of a call; fails the test otherwise.
pub fn ok<T: DeserializeOwned>(raw: Raw) -> T {
    assert_eq!(raw.0, 200, "expected success, got {}: {}", raw.0, raw.1);
    serde_json::from_str(&raw.1).expect("decode reply")
}

/// The error of a call; fails the test if it succeeded.
pub fn err(raw: Raw) -> AppError {
    assert_ne!(raw.0, 200, "expected an error, got {}", raw.1);
    serde_json::from_str(&raw.1).expect("decode error")
}

/// A published course with a text lesson and a quiz lesson.
pub struct QuizCourse {
    pub id: i64,
    pub slug: String,
    pub text_lesson: i64,
    pub quiz_lesson: i64,
}

/// A published course of `instructor` (built in the database) with lessons `intro` (text) and
/// `quiz` (quiz).
pub async fn quiz_course(app: &TestApp, instructor: i64, slug: &str) -> QuizCourse {
    let now = Utc::now();
    let c = course::ActiveModel {
        slug: Set(slug.into()),
        title: Set(format!("Course {slug}")),
        subtitle: Set(String::new()),
        description: Set("About it.".into()),
        category: Set("programming".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(0),
        currency: Set("USD".into()),
        status: Set("published".into()),
        featured: Set(false),
        instructor_id: Set(instructor),
        published_at: Set(Some(now)),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("course");
    let s = section::ActiveModel {
        course_id: Set(c.id),
        position: Set(0),
        title: Set("Only".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("section");
    let mut ids = Vec::new();
    for (position, (slug, kind)) in [("intro", "text"), ("quiz", "quiz")]
        .into_iter()
        .enumerate()
    {
        let l = lesson::ActiveModel {
            course_id: Set(c.id),
            section_id: Set(s.id),
            slug: Set(slug.into()),
            position: Set(position as i32),
            title: Set(format!("Lesson {slug}")),
            kind: Set(kind.into()),
            body: Set(String::new()),
            duration_seconds: Set(60),
            free_preview: Set(false),
            revision: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("lesson");
        ids.push(l.id);
    }
    QuizCourse {
        id: c.id,
        slug: slug.into(),
        text_lesson: ids[0],
        quiz_lesson: ids[1],
    }
}

fn opt(text: &str, correct: bool) -> ChoiceOption {
    ChoiceOption {
        text: text.into(),
        correct,
        feedback: format!("{SECRET}-option-feedback {text}"),
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
                accepted: vec![format!("{SECRET}word")],
                lenient: true,
            },
        ),
        q(
            "Numeric?",
            QuestionBody::Numeric {
                answers: vec![NumericAnswer {
                    value: 777_123.0,
                    tolerance: 0.5,
                }],
                unit: None,
                unit_required: false,
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
        K::Ordering => R::Ordering(vec![]),
        K::Matching => R::Matching(vec![None, None]),
        K::FillBlanks => R::FillBlanks(vec!["nope".into()]),
    }
}
