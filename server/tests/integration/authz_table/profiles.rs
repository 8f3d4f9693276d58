//! Rows for instructor profiles, the home page's extras and the information pages.

use app::api::{home, instructors};
use leptos::server_fn::ServerFn;

use super::{Access, Args};

/// Instructor profiles (public), bios (instructors), home extras and info pages (public).
pub fn profiles() -> Vec<(&'static str, (Access, Args))> {
    use Access::*;
    let form = |pairs: &[(&'static str, &'static str)]| Args::Form(pairs.to_vec());
    vec![
        (
            instructors::GetInstructorProfile::PATH,
            (Public, form(&[("slug", "no-such-instructor")])),
        ),
        (instructors::GetMyBio::PATH, (Instructor, form(&[]))),
        (
            instructors::UpdateBio::PATH,
            (Instructor, form(&[("bio", "Teaches things.")])),
        ),
        (home::GetContinueLearning::PATH, (Public, form(&[]))),
        (home::GetCategoryCounts::PATH, (Public, form(&[]))),
        (home::GetInfoPage::PATH, (Public, form(&[("name", "help")]))),
    ]
}
