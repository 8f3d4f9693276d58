//! The authorization matrix: every server function the app registers, called by an anonymous
//! visitor, a learner, an instructor and an admin, is allowed or denied as this table says.
//! A server function missing from the table fails the test, so new ones must declare access.

mod common;

use std::collections::BTreeMap;

use app::api::{account, admin, authoring, catalogue, learning, profile, quiz};
use app::server::services::accounts;
use common::{Backend, TestApp, GOOD_PASSWORD};
use leptos::server_fn::ServerFn;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    Public,
    SignedIn,
    Instructor,
    Admin,
}

enum Args {
    Form(Vec<(&'static str, &'static str)>),
    Json(serde_json::Value),
}

fn table() -> BTreeMap<&'static str, (Access, Args)> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    let wrong_pw = "not my password at all";
    BTreeMap::from([
        (
            catalogue::ListCourses::PATH,
            (Public, Args::Json(json!({"query": {}}))),
        ),
        (catalogue::ListFeaturedCourses::PATH, (Public, form(&[]))),
        (catalogue::GetCatalogueFacets::PATH, (Public, form(&[]))),
        (
            catalogue::GetCourse::PATH,
            (Public, form(&[("slug", "no-such-course")])),
        ),
        (
            catalogue::GetPreviewLesson::PATH,
            (
                Public,
                form(&[("course", "no-such-course"), ("lesson", "x")]),
            ),
        ),
        (account::GetCurrentUser::PATH, (Public, form(&[]))),
        (
            learning::GetLessonPage::PATH,
            (
                Public,
                form(&[("course", "no-such-course"), ("lesson", "x")]),
            ),
        ),
        (
            learning::Enroll::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
        (
            learning::Unenroll::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
        (learning::MyLearning::PATH, (SignedIn, form(&[]))),
        (
            learning::RecordProgress::PATH,
            (SignedIn, Args::Json(json!({"events": []}))),
        ),
        (
            learning::GetCourseProgress::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
        (
            learning::GetCourseStats::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            account::SignUp::PATH,
            (
                Public,
                form(&[("display_name", ""), ("email", "bad"), ("password", "x")]),
            ),
        ),
        (
            account::SignIn::PATH,
            (
                Public,
                form(&[("email", "nobody@example.org"), ("password", "x")]),
            ),
        ),
        (account::SignOut::PATH, (Public, form(&[]))),
        (
            account::RequestPasswordReset::PATH,
            (Public, form(&[("email", "nobody@example.org")])),
        ),
        (
            account::ResetPassword::PATH,
            (
                Public,
                form(&[("token", "invalid"), ("password", GOOD_PASSWORD)]),
            ),
        ),
        (
            profile::UpdateDisplayName::PATH,
            (SignedIn, form(&[("display_name", "")])),
        ),
        (
            profile::ChangeEmail::PATH,
            (
                SignedIn,
                form(&[("current_password", wrong_pw), ("email", "new@example.org")]),
            ),
        ),
        (
            profile::ChangePassword::PATH,
            (
                SignedIn,
                form(&[
                    ("current_password", wrong_pw),
                    ("new_password", GOOD_PASSWORD),
                ]),
            ),
        ),
        (
            profile::DeleteAccount::PATH,
            (SignedIn, form(&[("password", wrong_pw)])),
        ),
        (profile::ListApiTokens::PATH, (SignedIn, form(&[]))),
        (
            profile::CreateApiToken::PATH,
            (SignedIn, form(&[("name", "")])),
        ),
        (
            profile::RevokeApiToken::PATH,
            (SignedIn, form(&[("token_id", "999999")])),
        ),
        (
            profile::ApplyToTeach::PATH,
            (SignedIn, form(&[("motivation", "short")])),
        ),
        (
            admin::ListUsers::PATH,
            (Admin, Args::Json(json!({"query": {}}))),
        ),
        (
            admin::SetUserRole::PATH,
            (
                Admin,
                form(&[("user_id", "999999"), ("role", "instructor")]),
            ),
        ),
        (admin::ListApplications::PATH, (Admin, form(&[]))),
        (authoring::ListMyCourses::PATH, (Instructor, form(&[]))),
        (
            authoring::CreateCourse::PATH,
            (
                Instructor,
                form(&[("title", ""), ("category", "x"), ("level", "x")]),
            ),
        ),
        (
            authoring::GetCourseEditor::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::SaveCourse::PATH,
            (
                Instructor,
                Args::Json(json!({"course_id": 999999, "revision": 1, "draft": {
                    "title": "", "slug": "", "subtitle": "", "description": "", "category": "",
                    "level": "", "language": "", "price": "", "outcomes": "", "requirements": ""
                }})),
            ),
        ),
        (
            authoring::PublishCourse::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::UnpublishCourse::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            authoring::AddSection::PATH,
            (Instructor, form(&[("course_id", "999999"), ("title", "x")])),
        ),
        (
            authoring::RenameSection::PATH,
            (
                Instructor,
                form(&[("section_id", "999999"), ("title", "x")]),
            ),
        ),
        (
            authoring::DeleteSection::PATH,
            (Instructor, form(&[("section_id", "999999")])),
        ),
        (
            authoring::AddLesson::PATH,
            (
                Instructor,
                form(&[("section_id", "999999"), ("title", "x"), ("kind", "text")]),
            ),
        ),
        (
            authoring::DeleteLesson::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::ReorderCurriculum::PATH,
            (
                Instructor,
                Args::Json(json!({"course_id": 999999, "order": {"sections": []}})),
            ),
        ),
        (
            authoring::GetLessonEditor::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::SaveLesson::PATH,
            (
                Instructor,
                Args::Json(json!({"lesson_id": 999999, "revision": 1, "draft": {
                    "title": "", "kind": "text", "body": "", "video_url": "",
                    "free_preview": false, "duration_minutes": ""
                }})),
            ),
        ),
        (
            authoring::SetLessonMedia::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            authoring::StartUpload::PATH,
            (
                Instructor,
                form(&[
                    ("course_id", "999999"),
                    ("kind", "image"),
                    ("filename", "a.png"),
                    ("size_bytes", "10"),
                ]),
            ),
        ),
        (
            authoring::FinishUpload::PATH,
            (Instructor, form(&[("media_id", "999999")])),
        ),
        (
            authoring::SetCourseCover::PATH,
            (
                Instructor,
                form(&[("course_id", "999999"), ("media_id", "999999")]),
            ),
        ),
        (
            quiz::ListQuestions::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuestion::PATH,
            (Instructor, form(&[("question_id", "999999")])),
        ),
        (
            quiz::SaveQuestion::PATH,
            (
                Instructor,
                Args::Json(
                    json!({"input": {"course_id": 999999, "id": null, "tags": [],
                    "question": {"stem": "Q", "points": 1.0, "general_feedback": "",
                    "body": {"type": "true_false", "answer": true}}}}),
                ),
            ),
        ),
        (
            quiz::DeleteQuestion::PATH,
            (Instructor, form(&[("question_id", "999999")])),
        ),
        (
            quiz::ImportQuestions::PATH,
            (
                Instructor,
                Args::Json(
                    json!({"course_id": 999999, "format": "gift", "text": "Q {T}", "tags": []}),
                ),
            ),
        ),
        (
            quiz::ExportQuestions::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuizEditor::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::SaveQuiz::PATH,
            (
                Instructor,
                Args::Json(json!({"lesson_id": 999999, "items": [], "settings": {
                    "pass_percent": 50, "max_attempts": null, "kept": "highest",
                    "time_limit_seconds": null, "feedback": "after_submit",
                    "shuffle_questions": false, "shuffle_options": false,
                    "one_per_page": false, "opens_at": null, "closes_at": null,
                    "practice": false}})),
            ),
        ),
        (
            quiz::GetGradebook::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::ExportGradebook::PATH,
            (Instructor, form(&[("course_id", "999999")])),
        ),
        (
            quiz::GetQuizStats::PATH,
            (Instructor, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::GetQuiz::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::StartAttempt::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
        (
            quiz::GetAttempt::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::SaveAnswer::PATH,
            (
                SignedIn,
                Args::Json(json!({"attempt_id": 999999, "position": 0,
                    "response": {"type": "true_false", "value": true}})),
            ),
        ),
        (
            quiz::CheckAnswer::PATH,
            (
                SignedIn,
                Args::Json(json!({"attempt_id": 999999, "position": 0,
                    "response": {"type": "true_false", "value": true}})),
            ),
        ),
        (
            quiz::SubmitAttempt::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::GetAttemptResult::PATH,
            (SignedIn, form(&[("attempt_id", "999999")])),
        ),
        (
            quiz::GetPracticeQuiz::PATH,
            (SignedIn, form(&[("lesson_id", "999999")])),
        ),
        (
            admin::DecideApplication::PATH,
            (
                Admin,
                form(&[("application_id", "999999"), ("approve", "true")]),
            ),
        ),
    ])
}

/// A user with `role` and an API token for them (Bearer calls skip the sign-in rate limit).
async fn token_for(app: &TestApp, email: &str, role: app::models::Role) -> String {
    let user = accounts::signup(&app.db, "Matrix User", email, GOOD_PASSWORD)
        .await
        .expect("user");
    if role != app::models::Role::Learner {
        let boss = accounts::roles::create_admin(
            &app.db,
            "boss@example.org",
            Some("Boss"),
            Some(GOOD_PASSWORD),
        )
        .await
        .expect("an admin to grant roles");
        accounts::roles::set_role(&app.db, boss.id, user.id, role)
            .await
            .expect("grant role");
    }
    accounts::api_tokens::create(&app.db, user.id, "matrix")
        .await
        .expect("token")
        .secret
}

async fn matrix(backend: Backend) {
    use app::models::Role;
    let app = TestApp::empty(backend).await;
    let table = table();

    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    for path in &registered {
        assert!(
            table.contains_key(path),
            "server function {path} has no entry in the authorization matrix"
        );
    }
    for path in table.keys() {
        assert!(
            registered.contains(path),
            "matrix entry {path} is not a registered server function"
        );
    }

    let callers = [
        ("anonymous", None, 0u8),
        (
            "learner",
            Some(token_for(&app, "learner@example.org", Role::Learner).await),
            1,
        ),
        (
            "instructor",
            Some(token_for(&app, "instructor@example.org", Role::Instructor).await),
            2,
        ),
        (
            "admin",
            Some(token_for(&app, "admin@example.org", Role::Admin).await),
            3,
        ),
    ];
    let client = reqwest::Client::new();
    for (path, (access, args)) in &table {
        for (who, token, rank) in &callers {
            let mut request = client
                .post(app.url(path))
                .header("accept", "application/json");
            request = match token {
                Some(token) => request.bearer_auth(token),
                None => request.header("origin", app.url("")),
            };
            request = match args {
                Args::Form(pairs) => request.form(pairs),
                Args::Json(value) => request.json(value),
            };
            let status = request.send().await.expect("call").status().as_u16();
            let expected_denial = match (access, rank) {
                (Access::Public, _) => None,
                (_, 0) => Some(401),
                (Access::SignedIn, _) => None,
                (Access::Instructor, 1) => Some(403),
                (Access::Instructor, _) => None,
                (Access::Admin, 3) => None,
                (Access::Admin, _) => Some(403),
            };
            match expected_denial {
                Some(code) => assert_eq!(status, code, "{who} calling {path}"),
                None => assert!(
                    status != 401 && status != 403,
                    "{who} calling {path} was denied with {status}"
                ),
            }
        }
    }
}

on_both_backends! {
    every_server_function_enforces_its_access => matrix;
}
