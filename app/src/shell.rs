//! The HTML document shell and the router with every page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::components::{Footer, Header, NotFound, SessionEpoch};
use crate::pages::account::{
    AccountPage, PurchasesPage, ReceiptPage, ResetPasswordPage, ResetRequestPage, SignInPage,
    SignUpPage,
};
use crate::pages::admin::{
    AdminApplicationsPage, AdminBadgesPage, AdminPurchasesPage, AdminReviewsPage, AdminUsersPage,
};
use crate::pages::checkout::{CheckoutCancelPage, CheckoutSuccessPage, DemoCheckoutPage};
use crate::pages::credentials::{CertificatePage, CredentialPage, VerifyCredentialPage};
use crate::pages::info::{ContactPage, HelpPage, PrivacyPage, TermsPage};
use crate::pages::instructors::InstructorProfilePage;
use crate::pages::learning::{AchievementsPage, LeaderboardPage, MyLearningPage};
use crate::pages::quiz::{AttemptPage, AttemptResultPage};
use crate::pages::teach::{
    CouponsPage, CourseBadgesPage, CourseEditorPage, CourseStatsPage, EditQuestionPage,
    GradebookPage, ImportQuestionsPage, LessonEditorPage, NewQuestionPage, QuestionBankPage,
    QuizStatsPage, TeachAttemptPage, TeachDashboardPage,
};
use crate::pages::{
    courses::CataloguePage, courses::CoursePage, courses::LessonPage, home::HomePage,
};

/// The full HTML document rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                // Follows cargo-leptos's hashed file names when LEPTOS_HASH_FILES is on.
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body class="bg-slate-50 text-slate-900 antialiased">
                <App />
            </body>
        </html>
    }
}

/// The application: header, routed pages, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(SessionEpoch(RwSignal::new(0)));
    // Flips to true once the WASM has hydrated the page; tests and styles can rely on it.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <Link rel="icon" href="/favicon.ico" />
        <Meta name="description" content="Lectern: courses you can learn anywhere, even offline." />
        <Title formatter=|title: String| {
            if title.is_empty() { "Lectern".to_owned() } else { format!("{title} · Lectern") }
        } />
        <Router>
            <div
                class="flex min-h-screen flex-col"
                data-hydrated=move || hydrated.get().to_string()
            >
                <a
                    href="#main"
                    class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
                >
                    "Skip to content"
                </a>
                <Header />
                <main id="main" class="flex-1" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/courses") view=CataloguePage ssr=SsrMode::Async />
                        <Route path=path!("/signin") view=SignInPage />
                        <Route path=path!("/signup") view=SignUpPage />
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/account/purchases") view=PurchasesPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/purchases/:id")
                            view=ReceiptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/checkout/demo/:id")
                            view=DemoCheckoutPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/checkout/success")
                            view=CheckoutSuccessPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/checkout/cancel") view=CheckoutCancelPage />
                        <Route path=path!("/account/reset") view=ResetRequestPage />
                        <Route path=path!("/account/reset/:token") view=ResetPasswordPage />
                        <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/admin/badges")
                            view=AdminBadgesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/reviews")
                            view=AdminReviewsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/purchases")
                            view=AdminPurchasesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/applications")
                            view=AdminApplicationsPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/learning") view=MyLearningPage ssr=SsrMode::Async />
                        <Route path=path!("/achievements") view=AchievementsPage ssr=SsrMode::Async />
                        <Route path=path!("/leaderboard") view=LeaderboardPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/credentials/verify")
                            view=VerifyCredentialPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/credentials/:id") view=CredentialPage ssr=SsrMode::Async />
                        <Route path=path!("/certificates/:id") view=CertificatePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/teach/courses/:id/badges")
                            view=CourseBadgesPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/teach") view=TeachDashboardPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/teach/courses/:id/coupons")
                            view=CouponsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/stats")
                            view=CourseStatsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions")
                            view=QuestionBankPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/new")
                            view=NewQuestionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/import")
                            view=ImportQuestionsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/questions/:id")
                            view=EditQuestionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/gradebook")
                            view=GradebookPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/attempts/:id")
                            view=TeachAttemptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id/quiz-stats")
                            view=QuizStatsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id")
                            view=CourseEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id")
                            view=LessonEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/courses/:slug") view=CoursePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/instructors/:slug")
                            view=InstructorProfilePage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/help") view=HelpPage ssr=SsrMode::Async />
                        <Route path=path!("/terms") view=TermsPage ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
                        <Route path=path!("/contact") view=ContactPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson")
                            view=LessonPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id")
                            view=AttemptPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id/result")
                            view=AttemptResultPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
                <Footer />
            </div>
        </Router>
    }
}
