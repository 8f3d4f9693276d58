//! Pages whose code the browser fetches only when someone opens one of them.
//!
//! The release build splits the WASM (`cargo leptos build --split`): every group below is one
//! split point, so its pages' code (and whatever only they use) goes into chunks that a learner
//! reading a course never downloads. The learner's own pages are split too, so that the entry
//! module holds little more than the framework, the header and the footer: the home page and
//! the catalogue, the course page, the lesson and My learning, and quiz attempts each fetch only
//! their own group. A handful of groups, not one split point per page: each split point
//! multiplies the chunks `wasm-split` makes (one per set of split points sharing code) and the
//! `wasm-opt` runs of the build.
//!
//! On the server each group is a plain function; it also tells the response which chunks the
//! page needs, so the page's head preloads them. In the browser a chunk that cannot be fetched
//! is tried once more; then, while hydrating, the server's page is left as it is (it works
//! without scripts), and after a client-side navigation the page says so and offers a reload.

use leptos::prelude::*;
use leptos_router::{hooks::use_location, ChooseView};

use crate::pages::account::{
    AccountPage, PurchasesPage, ReceiptPage, ResetPasswordPage, ResetRequestPage, SignInPage,
    SignUpPage,
};
use crate::pages::admin::{
    AdminApplicationsPage, AdminBadgesPage, AdminPurchasesPage, AdminReviewsPage, AdminUsersPage,
};
use crate::pages::checkout::{CheckoutCancelPage, CheckoutSuccessPage, DemoCheckoutPage};
use crate::pages::courses::{CataloguePage, CoursePage as CourseOverviewPage, LessonPage};
use crate::pages::credentials::{CertificatePage, CredentialPage, VerifyCredentialPage};
use crate::pages::home::HomePage;
use crate::pages::info::{ContactPage, HelpPage, PrivacyPage, TermsPage};
use crate::pages::instructors::InstructorProfilePage;
use crate::pages::learning::{AchievementsPage, LeaderboardPage, MyLearningPage};
use crate::pages::quiz::{AttemptPage, AttemptResultPage};
use crate::pages::teach::{
    CouponsPage, CourseBadgesPage, CourseEditorPage, CourseStatsPage, EditQuestionPage,
    GradebookPage, ImportQuestionsPage, LessonEditorPage, NewQuestionPage, QuestionBankPage,
    QuizStatsPage, TeachAttemptPage, TeachDashboardPage,
};

/// A page group's chunk could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct ChunkError;

#[cfg(feature = "hydrate")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// How many on-demand pages are still waiting for their code; the shell reports the page as
/// hydrated only when this is zero.
#[derive(Clone, Copy, Debug)]
pub struct PendingPages(pub RwSignal<u32>);

/// Declares one group: its page enum, the function that renders them (a split point in the
/// browser build, named `$module`) and the one that fetches its chunks without rendering.
macro_rules! page_group {
    (
        $(#[$doc:meta])*
        $group:ident, $render:ident, $preload:ident, $module:ident {
            $($(#[$vdoc:meta])* $variant:ident => $page:ident),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $group {
            $($(#[$vdoc])* $variant),+
        }

        impl $group {
            /// The page itself; called only through the split point, so its code is in the
            /// group's chunks.
            fn view(self) -> AnyView {
                match self {
                    $($group::$variant => view! { <$page /> }.into_any()),+
                }
            }
        }

        #[cfg(feature = "hydrate")]
        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        fn $render(page: $group) -> Result<AnyView, ChunkError> {
            Ok(page.view())
        }

        #[cfg(not(feature = "hydrate"))]
        async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }

        #[cfg(not(feature = "hydrate"))]
        async fn $render(page: $group) -> Result<AnyView, ChunkError> {
            leptos::prefetch_lazy_fn_on_server(stringify!($module));
            Ok(page.view())
        }
    };
}

page_group! {
    /// The home page and the catalogue.
    Browse, render_browse, preload_browse, lectern_browse {
        /// `/`
        Home => HomePage,
        /// `/courses`
        Catalogue => CataloguePage,
    }
}

page_group! {
    /// A course's page: outline, enrolling or buying, reviews.
    Course, render_course, preload_course, lectern_course {
        /// `/courses/:slug`
        Overview => CourseOverviewPage,
    }
}

page_group! {
    /// Lessons and My learning.
    Learn, render_learn, preload_learn, lectern_learn {
        /// `/courses/:slug/lessons/:lesson`
        Lesson => LessonPage,
        /// `/learning`
        MyLearning => MyLearningPage,
    }
}

page_group! {
    /// Quiz attempts and their results.
    Quiz, render_quiz, preload_quiz, lectern_quiz {
        /// `/courses/:slug/lessons/:lesson/attempts/:id`
        Attempt => AttemptPage,
        /// `/courses/:slug/lessons/:lesson/attempts/:id/result`
        AttemptResult => AttemptResultPage,
    }
}

page_group! {
    /// Instructors' pages: dashboard, editors, question bank, gradebook, statistics.
    Teach, render_teach, preload_teach, lectern_teach {
        /// `/teach`
        Dashboard => TeachDashboardPage,
        /// `/teach/courses/:id`
        CourseEditor => CourseEditorPage,
        /// `/teach/lessons/:id`
        LessonEditor => LessonEditorPage,
        /// `/teach/courses/:id/badges`
        Badges => CourseBadgesPage,
        /// `/teach/courses/:id/coupons`
        Coupons => CouponsPage,
        /// `/teach/courses/:id/stats`
        CourseStats => CourseStatsPage,
        /// `/teach/courses/:id/questions`
        QuestionBank => QuestionBankPage,
        /// `/teach/courses/:id/questions/new`
        NewQuestion => NewQuestionPage,
        /// `/teach/courses/:id/questions/import`
        ImportQuestions => ImportQuestionsPage,
        /// `/teach/questions/:id`
        EditQuestion => EditQuestionPage,
        /// `/teach/courses/:id/gradebook`
        Gradebook => GradebookPage,
        /// `/teach/attempts/:id`
        Attempt => TeachAttemptPage,
        /// `/teach/lessons/:id/quiz-stats`
        QuizStats => QuizStatsPage,
    }
}

page_group! {
    /// Administrators' pages.
    Admin, render_admin, preload_admin, lectern_admin {
        /// `/admin/users`
        Users => AdminUsersPage,
        /// `/admin/badges`
        Badges => AdminBadgesPage,
        /// `/admin/reviews`
        Reviews => AdminReviewsPage,
        /// `/admin/purchases`
        Purchases => AdminPurchasesPage,
        /// `/admin/applications`
        Applications => AdminApplicationsPage,
    }
}

page_group! {
    /// Signing in and up, the account, purchases and checkout.
    Account, render_account, preload_account, lectern_account {
        /// `/signin`
        SignIn => SignInPage,
        /// `/signup`
        SignUp => SignUpPage,
        /// `/account`
        Settings => AccountPage,
        /// `/account/purchases`
        Purchases => PurchasesPage,
        /// `/account/purchases/:id`
        Receipt => ReceiptPage,
        /// `/account/reset`
        ResetRequest => ResetRequestPage,
        /// `/account/reset/:token`
        ResetPassword => ResetPasswordPage,
        /// `/checkout/demo/:id`
        DemoCheckout => DemoCheckoutPage,
        /// `/checkout/success`
        CheckoutSuccess => CheckoutSuccessPage,
        /// `/checkout/cancel`
        CheckoutCancel => CheckoutCancelPage,
    }
}

page_group! {
    /// Achievements, credentials, instructor profiles and the information pages.
    More, render_more, preload_more, lectern_more {
        /// `/achievements`
        Achievements => AchievementsPage,
        /// `/leaderboard`
        Leaderboard => LeaderboardPage,
        /// `/credentials/verify`
        VerifyCredential => VerifyCredentialPage,
        /// `/credentials/:id`
        Credential => CredentialPage,
        /// `/certificates/:id`
        Certificate => CertificatePage,
        /// `/instructors/:slug`
        Instructor => InstructorProfilePage,
        /// `/help`
        Help => HelpPage,
        /// `/terms`
        Terms => TermsPage,
        /// `/privacy`
        Privacy => PrivacyPage,
        /// `/contact`
        Contact => ContactPage,
    }
}

/// A route's view whose code is fetched on demand: use as `view=OnDemand::Teach(Teach::Dashboard)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDemand {
    /// The home page or the catalogue.
    Browse(Browse),
    /// A course's page.
    Course(Course),
    /// A lesson or My learning.
    Learn(Learn),
    /// A quiz attempt or its result.
    Quiz(Quiz),
    /// An instructor's page.
    Teach(Teach),
    /// An administrator's page.
    Admin(Admin),
    /// An account or checkout page.
    Account(Account),
    /// Achievements, credentials, profiles, information.
    More(More),
}

impl OnDemand {
    /// Fetches the group's chunks; whether they arrived.
    async fn fetch(self) -> bool {
        match self {
            OnDemand::Browse(_) => preload_browse().await.is_ok(),
            OnDemand::Course(_) => preload_course().await.is_ok(),
            OnDemand::Learn(_) => preload_learn().await.is_ok(),
            OnDemand::Quiz(_) => preload_quiz().await.is_ok(),
            OnDemand::Teach(_) => preload_teach().await.is_ok(),
            OnDemand::Admin(_) => preload_admin().await.is_ok(),
            OnDemand::Account(_) => preload_account().await.is_ok(),
            OnDemand::More(_) => preload_more().await.is_ok(),
        }
    }

    async fn render(self) -> Result<AnyView, ChunkError> {
        match self {
            OnDemand::Browse(page) => render_browse(page).await,
            OnDemand::Course(page) => render_course(page).await,
            OnDemand::Learn(page) => render_learn(page).await,
            OnDemand::Quiz(page) => render_quiz(page).await,
            OnDemand::Teach(page) => render_teach(page).await,
            OnDemand::Admin(page) => render_admin(page).await,
            OnDemand::Account(page) => render_account(page).await,
            OnDemand::More(page) => render_more(page).await,
        }
    }
}

impl ChooseView for OnDemand {
    async fn choose(self) -> AnyView {
        let pending = use_context::<PendingPages>();
        if let Some(PendingPages(count)) = pending {
            count.update(|n| *n += 1);
        }
        let hydrating =
            Owner::current_shared_context().is_some_and(|context| context.during_hydration());
        let path = use_location().pathname.get_untracked();
        // A failed fetch is not remembered by the loader: the second call tries afresh.
        let rendered = match self.render().await {
            Ok(view) => Ok(view),
            Err(ChunkError) => self.render().await,
        };
        let view = match rendered {
            Ok(view) => view,
            // The server's page stays as it is: its links and forms work without scripts.
            Err(ChunkError) if hydrating => std::future::pending::<AnyView>().await,
            Err(ChunkError) => view! { <ChunkFailed path /> }.into_any(),
        };
        if let Some(PendingPages(count)) = pending {
            Effect::new(move |_| count.update(|n| *n = n.saturating_sub(1)));
        }
        view
    }

    /// The router awaits this before hydrating or showing the route, so that `choose` finds the
    /// code there (a route still pending at hydration would not match the server's page). A
    /// failure is left to `choose`, which tries again and then says what happened.
    async fn preload(&self) {
        self.fetch().await;
    }
}

/// Shown when a page's code could not be fetched after a client-side navigation.
#[component]
fn ChunkFailed(path: String) -> impl IntoView {
    view! {
        <section class="mx-auto max-w-xl px-4 py-12" role="alert">
            <h1 class="text-2xl font-bold">"This page could not be loaded"</h1>
            <p class="mt-3 text-slate-700">
                "Part of Lectern this page needs did not arrive. Check your connection, then reload."
            </p>
            <a
                href=path
                rel="external"
                class="mt-6 inline-block rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
            >
                "Reload the page"
            </a>
        </section>
    }
}
