//! Rows for the catalogue, learning, accounts, profiles and administration.

use app::api::{account, admin, catalogue, learning, profile};
use leptos::server_fn::ServerFn;
use serde_json::json;

use super::{Access, Args};
use crate::common::GOOD_PASSWORD;

/// Catalogue, learning, accounts, profiles and administration.
pub fn people() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    let wrong_pw = "not my password at all";
    vec![
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
            learning::OfflineManifest::PATH,
            (SignedIn, form(&[("slug", "no-such-course")])),
        ),
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
            (SignedIn, form(&[("name", ""), ("password", wrong_pw)])),
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
        (
            admin::DecideApplication::PATH,
            (
                Admin,
                form(&[("application_id", "999999"), ("approve", "true")]),
            ),
        ),
    ]
}
