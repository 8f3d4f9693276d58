//! `/courses`: search, filter and page through published courses.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::filters::FilterForm;
use crate::api::catalogue::list_courses;
use crate::components::{CardGridSkeleton, CourseGrid, ErrorView, Pagination};
use crate::models::{CataloguePage as Results, CatalogueQuery};

/// The catalogue page. Everything it shows follows from the URL query.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| CatalogueQuery {
            q: p.get("q").filter(|v| !v.trim().is_empty()),
            category: p.get("category").filter(|v| !v.is_empty()),
            level: p.get("level").filter(|v| !v.is_empty()),
            page: p.get("page").and_then(|v| v.parse().ok()),
            sort: p.get("sort").filter(|v| !v.is_empty()),
            rating: p.get("rating").filter(|v| !v.is_empty()),
        })
    });
    let results = Resource::new(move || query.get(), list_courses);
    let loading = RwSignal::new(false);
    // The filter that was just changed: the form is drawn anew with the new counts, and the
    // keyboard focus goes back to it.
    let refocus = RwSignal::new(None::<&'static str>);

    view! {
        <Title text="Course catalogue" />
        <div class="mx-auto max-w-6xl px-4 py-10">
            <h1 class="mb-6 text-3xl font-bold tracking-tight">"Course catalogue"</h1>
            // A Transition, not a Suspense: the form stays in place (with its old counts) while
            // the next results load.
            <Transition fallback=move || {
                view! { <FilterForm query=query.get_untracked() facets=None refocus /> }
            }>
                {move || {
                    // Read the query before awaiting: after the await this render may be gone.
                    let query = query.get();
                    Suspend::new(async move {
                        let facets = results.await.ok().map(|page| page.facets);
                        view! { <FilterForm query facets refocus /> }
                    })
                }}
            </Transition>
            // The pending flag is written by the Transition while the page streams, possibly on
            // another thread; reading it during SSR races that write and reactive_graph reports
            // the failed lock as a "disposed" panic. The server has nothing pending to show, so
            // only the browser reads it.
            <div
                class="mt-8"
                aria-busy=move || (cfg!(feature = "hydrate") && loading.get()).to_string()
            >
                <Transition
                    fallback=|| view! { <CardGridSkeleton /> }
                    set_pending=loading
                >
                    {move || {
                        let query = query.get_untracked();
                        Suspend::new(async move {
                            match results.await {
                                Ok(page) => view! { <ResultList page query /> }.into_any(),
                                Err(error) => view! { <ErrorView error /> }.into_any(),
                            }
                        })
                    }}
                </Transition>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn ResultList(page: Results, query: CatalogueQuery) -> impl IntoView {
    let summary = match page.total {
        0 => "No courses found".to_owned(),
        1 => "1 course".to_owned(),
        n => format!("{n} courses"),
    };
    let body = if page.total == 0 {
        let hint = if query.is_filtered() {
            "No courses match your search and filters. Try fewer words or another category."
        } else {
            "The catalogue is empty for now. Check back soon."
        };
        view! {
            <div class="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
                <p class="text-lg font-medium">{hint}</p>
                {query
                    .is_filtered()
                    .then(|| {
                        view! {
                            <a href="/courses" class="mt-4 inline-block font-medium text-indigo-700 underline">
                                "Clear search and filters"
                            </a>
                        }
                    })}
            </div>
        }
        .into_any()
    } else if page.items.is_empty() {
        let last = format!("/courses{}", query.to_url_query(page.total_pages));
        view! {
            <div class="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
                <p class="text-lg font-medium">
                    {format!("Page {} is past the end of the results.", page.page)}
                </p>
                <a href=last class="mt-4 inline-block font-medium text-indigo-700 underline">
                    {format!("Go to the last page ({})", page.total_pages)}
                </a>
            </div>
        }
        .into_any()
    } else {
        view! {
            <CourseGrid courses=page.items />
            <Pagination query page=page.page total_pages=page.total_pages />
        }
        .into_any()
    };
    view! {
        <p class="mb-4 text-sm text-slate-600" role="status" aria-live="polite">
            {summary}
        </p>
        {body}
    }
}
