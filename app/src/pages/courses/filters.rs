//! The catalogue's search, filter and sort form: a plain GET form, so it works without
//! JavaScript and every result set has a shareable URL. With JavaScript a changed filter or
//! order applies at once (the page navigates to its URL); the button submits the search text.

use leptos::html::Select;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::models::{
    CatalogueFacets, CatalogueQuery, CatalogueSort, FacetCount, CATEGORIES, LEVELS, RATING_FILTERS,
};

fn options_from(table: &[(&str, &str)]) -> Vec<FacetCount> {
    table
        .iter()
        .map(|(value, label)| FacetCount {
            value: (*value).to_owned(),
            label: (*label).to_owned(),
            count: 0,
        })
        .collect()
}

/// The sort menu's options as (value, label). The default order has the empty value, so a
/// form submitted with new search text switches to the new default (relevance) by itself.
fn sort_options(query: &CatalogueQuery) -> Vec<(&'static str, String)> {
    let default = CatalogueSort::default_for(query.is_searching());
    CatalogueSort::ALL
        .into_iter()
        .filter(|s| *s != CatalogueSort::Relevance || query.is_searching())
        .map(|s| {
            let value = if s == default { "" } else { s.param() };
            (value, s.label().to_owned())
        })
        .collect()
}

/// Which filter changed, and to what.
type Change = (&'static str, String);

#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    /// (value, text) pairs; the empty value means "any" or "default".
    options: Vec<(String, String)>,
    selected: String,
    on_pick: Callback<Change>,
    refocus: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let node = NodeRef::<Select>::new();
    if refocus.get_untracked() == Some(id) {
        node.on_load(|select| {
            // Focus is a nicety; a select that cannot take it is still usable.
            let _ = select.focus();
        });
    }
    view! {
        <div class="flex min-w-0 flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">
                {label}
            </label>
            <select
                id=id
                name=id
                node_ref=node
                on:change=move |ev| on_pick.run((id, event_target_value(&ev)))
                class="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! {
                            <option value=value selected=is_selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

fn facet_options(
    all_label: &str,
    facets: Vec<FacetCount>,
    with_counts: bool,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), all_label.to_owned()))
        .chain(facets.into_iter().map(|o| {
            let text = if with_counts {
                format!("{} ({})", o.label, o.count)
            } else {
                o.label
            };
            (o.value, text)
        }))
        .collect()
}

/// Search text, category, level, rating and order, submitted as
/// `/courses?q=…&category=…&level=…&rating=…`.
/// The counts beside each category and level say how many results choosing it would give.
#[component]
pub fn FilterForm(
    query: CatalogueQuery,
    facets: Option<CatalogueFacets>,
    /// Set to the id of the filter that changed, so it keeps the focus when the form is redrawn.
    refocus: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let with_counts = facets.is_some();
    let (categories, levels) = match facets {
        Some(f) => (f.categories, f.levels),
        None => (options_from(CATEGORIES), options_from(LEVELS)),
    };
    let sort_selected = match query.sort() {
        s if s == CatalogueSort::default_for(query.is_searching()) => "",
        s => s.param(),
    };
    let sorts = sort_options(&query)
        .into_iter()
        .map(|(value, label)| (value.to_owned(), label))
        .collect();
    // What the form shows now, which may be ahead of the URL while a navigation is under way.
    let typed = RwSignal::new(query.q.clone().unwrap_or_default());
    let rating_selected = query
        .min_rating()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let ratings = std::iter::once((String::new(), "Any rating".to_owned()))
        .chain(
            RATING_FILTERS
                .iter()
                .map(|(stars, label)| (stars.to_string(), (*label).to_owned())),
        )
        .collect();
    let picked = RwSignal::new((
        query.category.clone().unwrap_or_default(),
        query.level.clone().unwrap_or_default(),
        sort_selected.to_owned(),
        rating_selected.clone(),
    ));
    let navigate = use_navigate();
    let go = move || {
        let (category, level, sort, rating) = picked.get_untracked();
        let some = |v: String| (!v.trim().is_empty()).then_some(v);
        let next = CatalogueQuery {
            q: some(typed.get_untracked()),
            category: some(category),
            level: some(level),
            sort: some(sort),
            rating: some(rating),
            page: None,
        };
        navigate(
            &format!("/courses{}", next.to_url_query(1)),
            NavigateOptions::default(),
        );
    };
    let go_on_pick = go.clone();
    let on_pick = Callback::new(move |(id, value): Change| {
        picked.update(|(category, level, sort, rating)| match id {
            "category" => *category = value,
            "level" => *level = value,
            "rating" => *rating = value,
            _ => *sort = value,
        });
        refocus.set(Some(id));
        go_on_pick();
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        refocus.set(None);
        go();
    };
    view! {
        <form
            method="GET"
            action="/courses"
            role="search"
            aria-label="Search and filter courses"
            on:submit=on_submit
            class="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_auto_auto_auto_auto_auto] lg:items-end"
        >
            <div class="flex min-w-0 flex-col gap-1 sm:col-span-2 lg:col-span-1">
                <label for="q" class="text-sm font-medium text-slate-700">
                    "Search"
                </label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    maxlength="100"
                    value=query.q.clone().unwrap_or_default()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    placeholder="Title, topic or instructor"
                    class="w-full min-w-0 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
                />
            </div>
            <FilterSelect
                id="category"
                label="Category"
                options=facet_options("All categories", categories, with_counts)
                selected=query.category.clone().unwrap_or_default()
                on_pick
                refocus
            />
            <FilterSelect
                id="level"
                label="Level"
                options=facet_options("All levels", levels, with_counts)
                selected=query.level.clone().unwrap_or_default()
                on_pick
                refocus
            />
            <FilterSelect
                id="rating"
                label="Rating"
                options=ratings
                selected=rating_selected
                on_pick
                refocus
            />
            <FilterSelect
                id="sort"
                label="Sort by"
                options=sorts
                selected=sort_selected.to_owned()
                on_pick
                refocus
            />
            <button
                type="submit"
                class="rounded-lg bg-indigo-600 px-5 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
            >
                "Search"
            </button>
        </form>
    }
}
