//! `/teach`: instructor authoring: the dashboard, the course editor and the lesson editor.

pub(crate) mod badges;
mod certificates;
mod coupons;
mod course_editor;
mod curriculum_editor;
mod curriculum_order;
mod dashboard;
mod lesson_editor;
mod quiz;
mod stats;

pub use badges::CourseBadgesPage;
pub use coupons::CouponsPage;
pub use course_editor::CourseEditorPage;
pub use dashboard::TeachDashboardPage;
pub use lesson_editor::LessonEditorPage;
pub use quiz::{
    EditQuestionPage, GradebookPage, ImportQuestionsPage, NewQuestionPage, QuestionBankPage,
    QuizStatsPage, TeachAttemptPage,
};
pub use stats::CourseStatsPage;

/// Classes shared by the authoring forms.
pub(crate) const INPUT: &str = "w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-500";
/// The primary button style.
pub(crate) const BUTTON: &str = "rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60";
/// A secondary button style.
pub(crate) const BUTTON_LIGHT: &str = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";
/// A card.
pub(crate) const CARD: &str = "space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";

/// A teaching page about the record named by the route's `:id`: loads it with `fetch` (the id
/// is read before anything is awaited), says `loading` meanwhile, then shows `render` of it, or
/// the error page (`NotFound` when the id is not a number).
pub(crate) fn by_route_id<T, Fut>(
    fetch: fn(i64) -> Fut,
    loading: &'static str,
    render: fn(T) -> leptos::prelude::AnyView,
) -> impl leptos::prelude::IntoView
where
    T: serde::Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, crate::error::AppError>> + Send + 'static,
{
    use leptos::prelude::*;
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let record = Resource::new(id, move |id| async move {
        match id {
            Some(id) => fetch(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="p-10 text-slate-500">{loading}</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(record) => render(record),
                    Err(error) => view! { <crate::components::ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Previous" and "Next" around "Page n of m" under a list of more than one page; `href` is
/// the address of a page.
pub(crate) fn page_links(
    page: u64,
    total_pages: u64,
    href: impl Fn(u64) -> String,
) -> Option<leptos::prelude::AnyView> {
    use leptos::prelude::*;
    (total_pages > 1).then(|| view! {
        <nav aria-label="Pagination" class="flex items-center justify-center gap-3 text-sm">
            {(page > 1).then(|| view! { <a class=BUTTON_LIGHT rel="prev" href=href(page - 1)>"Previous"</a> })}
            <span>{format!("Page {page} of {total_pages}")}</span>
            {(page < total_pages).then(|| view! { <a class=BUTTON_LIGHT rel="next" href=href(page + 1)>"Next"</a> })}
        </nav>
    }.into_any())
}
