//! The HTML document shell and the router with every page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, SsrMode,
};

use crate::components::{Footer, Header, NotFound, SessionEpoch};
use crate::routes::*;

/// Runs before the WASM loads: a fetch of the app's WASM (the entry module or a page's chunk,
/// all under `/pkg/`) that fails or answers an error is tried once more, half a second later.
/// A chunk that fails twice panics in the WASM, and the panic hook (frontend/src/failure.rs)
/// then offers a reload.
const WASM_FETCH_RETRY: &str = "(()=>{const f=window.fetch.bind(window);\
window.fetch=(i,o)=>{const u=String(i instanceof Request?i.url:i);\
if(!/\\/pkg\\/[^?#]*\\.wasm([?#]|$)/.test(u))return f(i,o);\
const again=()=>new Promise(r=>setTimeout(r,500)).then(()=>f(i,o));\
return f(i,o).then(r=>r.ok?r:again(),again);};})();";

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
                <script inner_html=WASM_FETCH_RETRY></script>
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
                        <Route path=path!("") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/courses") view={Lazy::<CatalogueRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/signin") view={Lazy::<SignInRoute>::new()} />
                        <Route path=path!("/signup") view={Lazy::<SignUpRoute>::new()} />
                        <Route path=path!("/account") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/reset") view={Lazy::<ResetRequestRoute>::new()} />
                        <Route path=path!("/account/reset/:token") view={Lazy::<ResetPasswordRoute>::new()} />
                        <Route path=path!("/admin/users") view={Lazy::<AdminUsersRoute>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/admin/applications")
                            view={Lazy::<AdminApplicationsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/learning") view={Lazy::<MyLearningRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/teach") view={Lazy::<TeachDashboardRoute>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/teach/courses/:id/stats")
                            view={Lazy::<CourseStatsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions")
                            view={Lazy::<QuestionBankRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/new")
                            view={Lazy::<NewQuestionRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/questions/import")
                            view={Lazy::<ImportQuestionsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/questions/:id")
                            view={Lazy::<EditQuestionRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id/gradebook")
                            view={Lazy::<GradebookRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/attempts/:id")
                            view={Lazy::<TeachAttemptRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id/quiz-stats")
                            view={Lazy::<QuizStatsRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/courses/:id")
                            view={Lazy::<CourseEditorRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teach/lessons/:id")
                            view={Lazy::<LessonEditorRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/courses/:slug") view={Lazy::<CourseRoute>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/instructors/:slug")
                            view={Lazy::<InstructorProfileRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/help") view={Lazy::<HelpRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/terms") view={Lazy::<TermsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/privacy") view={Lazy::<PrivacyRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/contact") view={Lazy::<ContactRoute>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson")
                            view={Lazy::<LessonRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id")
                            view={Lazy::<AttemptRoute>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/courses/:slug/lessons/:lesson/attempts/:id/result")
                            view={Lazy::<AttemptResultRoute>::new()}
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
                <Footer />
            </div>
        </Router>
    }
}
