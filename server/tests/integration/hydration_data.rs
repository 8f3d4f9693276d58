//! Pages send the data of each of their resources once, numbered as the browser numbers it.
//!
//! The browser hydrates a page by reading the server's data for each resource in the order it
//! makes them (`__RESOLVED_RESOURCES[n]` in the HTML). A resource made by a component that a
//! `Suspend` renders is made again each time the server's `Suspense` re-checks its children,
//! a number of times that depends on timing, so the server's numbering drifted from the
//! browser's and hydration panicked now and then: on the account page, quiz lessons, quiz
//! results and the quiz lesson editor. Each page now makes its resources once, at its top.
//! These tests load each such page many times and check that the server sends exactly the
//! page's resources, under the same numbers every time.

use app::api::quiz::SubmitAttempt;
use app::models::{AttemptResult, QuizItem, QuizSettings, Role};

use crate::common::courses::add_practice_lesson;
use crate::common::quiz::{add_question, answered_attempt, every_kind, quiz_with_every_kind};
use crate::common::quiz::{set_quiz, settings};
use crate::common::{form, ok, person, Backend, Person, TestApp};

/// Loads per page: enough for the old timing-dependent numbering to show.
const LOADS: usize = 25;

/// The numbers of the resources whose data `html` carries, in order.
fn resource_ids(html: &str) -> Vec<u32> {
    const MARK: &str = "__RESOLVED_RESOURCES[";
    html.match_indices(MARK)
        .filter_map(|(at, _)| {
            let rest = &html[at + MARK.len()..];
            rest[..rest.find(']')?].parse().ok()
        })
        .collect()
}

/// Loads `path` as `who` [`LOADS`] times: every load answers 200 with data for exactly
/// `resources` resources (the header's account menu, its points, and the page's own), under the same
/// numbers each time.
async fn sends_its_data_once(app: &TestApp, who: &Person, path: &str, resources: usize) {
    let mut first: Option<Vec<u32>> = None;
    for load in 1..=LOADS {
        let response = who.client.get(app.url(path)).send().await.expect("get");
        let status = response.status().as_u16();
        let html = response.text().await.expect("body");
        assert_eq!(status, 200, "{path} (load {load})");
        let mut ids = resource_ids(&html);
        ids.sort_unstable();
        assert_eq!(
            ids.len(),
            resources,
            "{path} (load {load}) sends data for resources {ids:?}, the browser makes {resources}"
        );
        match &first {
            None => first = Some(ids),
            Some(first) => assert_eq!(&ids, first, "{path} (load {load}) numbers its data anew"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn account_pages_send_their_data_once() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let learner = person(&app, "learner@example.org", Role::Learner).await;
    // Menu and points, user, bio (none for a learner) and API tokens.
    sends_its_data_once(&app, &teacher, "/account", 5).await;
    sends_its_data_once(&app, &learner, "/account", 5).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn quiz_pages_send_their_data_once() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let (teacher, course, _, learner) = quiz_with_every_kind(&app, settings()).await;
    let practice = add_practice_lesson(&app, &course).await;
    let question = add_question(&app, &teacher, course.id, &["free"], &every_kind()[0]).await;
    let practice_settings = QuizSettings {
        practice: true,
        ..settings()
    };
    let items = [QuizItem::Question {
        question_id: question,
    }];
    set_quiz(&app, &teacher, practice, &practice_settings, &items).await;
    let attempt = answered_attempt(&app, &learner, course.quiz_lesson).await;
    let result: AttemptResult =
        ok(form::<SubmitAttempt>(&app, &learner, &[("attempt_id", &attempt.id.to_string())]).await);
    assert!(result.passed, "the right answers pass");

    let slug = &course.slug;
    // Menu and points, and the lesson with its quiz.
    sends_its_data_once(&app, &learner, &format!("/courses/{slug}/lessons/quiz"), 3).await;
    sends_its_data_once(
        &app,
        &learner,
        &format!("/courses/{slug}/lessons/practice"),
        3,
    )
    .await;
    // Menu and points, and the result with whether it completed the course.
    let result_page = format!(
        "/courses/{slug}/lessons/quiz/attempts/{}/result",
        attempt.id
    );
    sends_its_data_once(&app, &learner, &result_page, 3).await;
    // Menu and points, and the lesson editor with its quiz.
    let editor = format!("/teach/lessons/{}", course.quiz_lesson);
    sends_its_data_once(&app, &teacher, &editor, 3).await;
}
