//! `/checkout/cancel?course=…`: the learner gave up paying; nothing changed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Says nothing was charged and leads back to the course.
#[component]
pub fn CheckoutCancelPage() -> impl IntoView {
    let query = use_query_map();
    let back = move || {
        query
            .with(|q| q.get("course"))
            .filter(|slug| {
                !slug.is_empty()
                    && slug.len() <= 200
                    && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            .map_or_else(|| "/courses".to_owned(), |slug| format!("/courses/{slug}"))
    };
    view! {
        <Title text="Checkout cancelled" />
        <div class="mx-auto max-w-lg space-y-4 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Checkout cancelled"</h1>
            <p class="text-slate-700">"Nothing was charged and nothing changed. You can buy the course whenever you like."</p>
            <a href=back class="inline-block rounded-lg bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700">"Back to the course"</a>
        </div>
    }
}
