//! The HTML document shell and the router with every page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::components::{Footer, Header, NotFound, SessionEpoch};
use crate::on_demand::{
    Account, Admin, Browse, Course, Learn, More, OnDemand, PendingPages, Quiz, Teach,
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
                // The service worker, offline downloads and the network status (not WASM).
                <script src="/progress-queue.js" defer></script>
                <script src="/offline.js" defer></script>
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
    // Flips to true once the WASM has hydrated the page, route included (crate::hydration), and
    // no page is waiting for its code after a navigation (crate::on_demand); tests and styles
    // can rely on it.
    let pending = PendingPages(RwSignal::new(0));
    provide_context(pending);

    view! {
        <Link rel="icon" href="/favicon.ico" />
        <Meta name="description" content="Lectern: courses you can learn anywhere, even offline." />
        <Title formatter=|title: String| {
            if title.is_empty() { "Lectern".to_owned() } else { format!("{title} · Lectern") }
        } />
        <Router>
            <div
                class="flex min-h-screen flex-col"
                data-hydrated=move || (crate::hydration::is_hydrated() && pending.0.get() == 0).to_string()
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
                        <Route path=path!("") view=OnDemand::Browse(Browse::Home) ssr=SsrMode::Async />
                        <Route path=path!("/courses") view=OnDemand::Browse(Browse::Catalogue) ssr=SsrMode::Async />
                        <Route path=path!("/signin") view=OnDemand::Account(Account::SignIn) />
                        <Route path=path!("/signup") view=OnDemand::Account(Account::SignUp) />
                        <Route path=path!("/account") view=OnDemand::Account(Account::Settings) ssr=SsrMode::Async />
                        <Route path=path!("/account/purchases") view=OnDemand::Account(Account::Purchases) ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/purchases/:id")
                            view=OnDemand::Account(Account::Receipt)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/checkout/demo/:id")
                            view=OnDemand::Account(Account::DemoCheckout)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/checkout/success")
                            view=OnDemand::Account(Account::CheckoutSuccess)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/checkout/cancel") view=OnDemand::Account(Account::CheckoutCancel) />
                        <Route path=path!("/account/reset") view=OnDemand::Account(Account::ResetRequest) />
                        <Route path=path!("/account/reset/:token") view=OnDemand::Account(Account::ResetPassword) />
                        <Route path=path!("/admin/users") view=OnDemand::Admin(Admin::Users) ssr=SsrMode::Async />
                        <Route
                            path=path!("/admin/badges")
                            view=OnDemand::Admin(Admin::Badges)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/reviews")
                            view=OnDemand::Admin(Admin::Reviews)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/purchases")
                            view=OnDemand::Admin(Admin::Purchases)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/admin/applications")
                            view=OnDemand::Admin(Admin::Applications)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/learning") view=OnDemand::Learn(Learn::MyLearning) ssr=SsrMode::Async />
                        <Route path=path!("/achievements") view=OnDemand::More(More::Achievements) ssr=SsrMode::Async />
                        <Route path=path!("/leaderboard") view=OnDemand::More(More::Leaderboard) ssr=SsrMode::Async />
                        <Route
                            path=path!("/credentials/verify")
                            view=OnDemand::More(More::VerifyCredential)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/credentials/:id") view=OnDemand::More(More::Credential) ssr=SsrMode::Async />
                        <Route path=path!("/certificates/:id") view=OnDemand::More(More::Certificate) ssr=SsrMode::Async />
                        <Route
                            path=path!("/teach/courses/:id/badges")
                            view=OnDemand::Teach(Teach::Badges)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/teach") view=OnDemand::Teach(Teach::Dashboard) ssr=SsrMode::Async />
                        <Route
                            path=path!("/teach/courses/:id/coupons")
                            view=OnDemand::Teach(Teach::Coupons)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/stats")
                            view=OnDemand::Teach(Teach::CourseStats)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions")
                            view=OnDemand::Teach(Teach::QuestionBank)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/new")
                            view=OnDemand::Teach(Teach::NewQuestion)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/import")
                            view=OnDemand::Teach(Teach::ImportQuestions)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/questions/:id")
                            view=OnDemand::Teach(Teach::EditQuestion)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/gradebook")
                            view=OnDemand::Teach(Teach::Gradebook)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/attempts/:id")
                            view=OnDemand::Teach(Teach::Attempt)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id/quiz-stats")
                            view=OnDemand::Teach(Teach::QuizStats)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id")
                            view=OnDemand::Teach(Teach::CourseEditor)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id")
                            view=OnDemand::Teach(Teach::LessonEditor)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/courses/:slug") view=OnDemand::Course(Course::Overview) ssr=SsrMode::Async />
                        <Route
                            path=path!("/instructors/:slug")
                            view=OnDemand::More(More::Instructor)
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/help") view=OnDemand::More(More::Help) ssr=SsrMode::Async />
                        <Route path=path!("/terms") view=OnDemand::More(More::Terms) ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view=OnDemand::More(More::Privacy) ssr=SsrMode::Async />
                        <Route path=path!("/contact") view=OnDemand::More(More::Contact) ssr=SsrMode::Async />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson")
                            view=OnDemand::Learn(Learn::Lesson)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id")
                            view=OnDemand::Quiz(Quiz::Attempt)
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id/result")
                            view=OnDemand::Quiz(Quiz::AttemptResult)
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
                <Footer />
            </div>
        </Router>
    }
}
