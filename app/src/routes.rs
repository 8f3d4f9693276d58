//! Every page as a lazily loaded route: with `cargo leptos build --split`, each page's code is
//! its own WASM chunk, fetched when the page is first shown (and preloaded by the server for the
//! page it renders), so a visitor downloads the shell and the pages they open, never the
//! instructor or admin pages they cannot use. Code two pages share goes into a shared chunk.
//!
//! Without `--split` (plain `cargo leptos build`, the server's own build) the same types compile
//! into one module and the routes behave like eager ones.
//!
//! `bench/size-report.mjs` finds each route's chunks in the split manifest by the type names
//! below (`__<type in snake case>_view_…`) and fails when a type here has no entry there.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// Declares `$route`, a lazily loaded route that renders the page component `$page`.
macro_rules! lazy_page {
    ($($(#[$doc:meta])* $route:ident => $page:ident;)+) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )+};
}

use crate::pages::account::{
    AccountPage, ResetPasswordPage, ResetRequestPage, SignInPage, SignUpPage,
};
use crate::pages::admin::{AdminApplicationsPage, AdminUsersPage};
use crate::pages::courses::{CataloguePage, CoursePage, LessonPage};
use crate::pages::home::HomePage;
use crate::pages::info::{ContactPage, HelpPage, PrivacyPage, TermsPage};
use crate::pages::instructors::InstructorProfilePage;
use crate::pages::learning::MyLearningPage;
use crate::pages::quiz::{AttemptPage, AttemptResultPage};
use crate::pages::teach::{
    CourseEditorPage, CourseStatsPage, EditQuestionPage, GradebookPage, ImportQuestionsPage,
    LessonEditorPage, NewQuestionPage, QuestionBankPage, QuizStatsPage, TeachAttemptPage,
    TeachDashboardPage,
};

lazy_page! {
    /// `/`: the home page.
    HomeRoute => HomePage;
    /// `/courses`: the catalogue and its search.
    CatalogueRoute => CataloguePage;
    /// `/courses/:slug`: a course's page.
    CourseRoute => CoursePage;
    /// `/courses/:slug/lessons/:lesson`: a lesson, with its quiz panel.
    LessonRoute => LessonPage;
    /// `/courses/:slug/lessons/:lesson/attempts/:id`: a quiz attempt.
    AttemptRoute => AttemptPage;
    /// `/courses/:slug/lessons/:lesson/attempts/:id/result`: a quiz attempt's result.
    AttemptResultRoute => AttemptResultPage;
    /// `/learning`: the learner's courses.
    MyLearningRoute => MyLearningPage;
    /// `/instructors/:slug`: an instructor's public profile.
    InstructorProfileRoute => InstructorProfilePage;
    /// `/signin`.
    SignInRoute => SignInPage;
    /// `/signup`.
    SignUpRoute => SignUpPage;
    /// `/account`: profile, password, bio and API tokens.
    AccountRoute => AccountPage;
    /// `/account/reset`: asking for a password reset.
    ResetRequestRoute => ResetRequestPage;
    /// `/account/reset/:token`: choosing a new password.
    ResetPasswordRoute => ResetPasswordPage;
    /// `/help`.
    HelpRoute => HelpPage;
    /// `/terms`.
    TermsRoute => TermsPage;
    /// `/privacy`.
    PrivacyRoute => PrivacyPage;
    /// `/contact`.
    ContactRoute => ContactPage;
    /// `/teach`: the instructor's dashboard.
    TeachDashboardRoute => TeachDashboardPage;
    /// `/teach/courses/:id`: the course editor.
    CourseEditorRoute => CourseEditorPage;
    /// `/teach/courses/:id/stats`: a course's statistics.
    CourseStatsRoute => CourseStatsPage;
    /// `/teach/courses/:id/questions`: the question bank.
    QuestionBankRoute => QuestionBankPage;
    /// `/teach/courses/:id/questions/new`: a new question.
    NewQuestionRoute => NewQuestionPage;
    /// `/teach/courses/:id/questions/import`: question import.
    ImportQuestionsRoute => ImportQuestionsPage;
    /// `/teach/questions/:id`: the question editor.
    EditQuestionRoute => EditQuestionPage;
    /// `/teach/courses/:id/gradebook`: a course's gradebook.
    GradebookRoute => GradebookPage;
    /// `/teach/attempts/:id`: one learner's attempt, for grading.
    TeachAttemptRoute => TeachAttemptPage;
    /// `/teach/lessons/:id/quiz-stats`: a quiz's statistics.
    QuizStatsRoute => QuizStatsPage;
    /// `/teach/lessons/:id`: the lesson editor.
    LessonEditorRoute => LessonEditorPage;
    /// `/admin/users`: user administration.
    AdminUsersRoute => AdminUsersPage;
    /// `/admin/applications`: instructor applications.
    AdminApplicationsRoute => AdminApplicationsPage;
}
