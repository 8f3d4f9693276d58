//! The catalogue's search and filter form: a plain GET form, so it works without JavaScript
//! and every result set has a shareable URL.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::models::{CatalogueFacets, CatalogueQuery, FacetCount, CATEGORIES, LEVELS};

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

#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    all_label: &'static str,
    options: Vec<FacetCount>,
    selected: Option<String>,
    with_counts: bool,
) -> impl IntoView {
    let selected = selected.unwrap_or_default();
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">
                {label}
            </label>
            <select
                id=id
                name=id
                class="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
            >
                <option value="" selected=selected.is_empty()>
                    {all_label}
                </option>
                {options
                    .into_iter()
                    .map(|o| {
                        let text = if with_counts {
                            format!("{} ({})", o.label, o.count)
                        } else {
                            o.label.clone()
                        };
                        let is_selected = o.value == selected;
                        view! {
                            <option value=o.value selected=is_selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Search text, category and level, submitted as `/courses?q=…&category=…&level=…`.
#[component]
pub fn FilterForm(query: CatalogueQuery, facets: Option<CatalogueFacets>) -> impl IntoView {
    let with_counts = facets.is_some();
    let (categories, levels) = match facets {
        Some(f) => (f.categories, f.levels),
        None => (options_from(CATEGORIES), options_from(LEVELS)),
    };
    view! {
        <Form
            method="GET"
            action="/courses"
            attr:role="search"
            attr:aria-label="Search and filter courses"
            attr:class="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        >
            <div class="flex flex-col gap-1">
                <label for="q" class="text-sm font-medium text-slate-700">
                    "Search"
                </label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    maxlength="100"
                    value=query.q.clone().unwrap_or_default()
                    placeholder="Title, topic or keyword"
                    class="rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
                />
            </div>
            <FilterSelect
                id="category"
                label="Category"
                all_label="All categories"
                options=categories
                selected=query.category.clone()
                with_counts
            />
            <FilterSelect
                id="level"
                label="Level"
                all_label="All levels"
                options=levels
                selected=query.level.clone()
                with_counts
            />
            <button
                type="submit"
                class="rounded-lg bg-indigo-600 px-5 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
            >
                "Search"
            </button>
        </Form>
    }
}
