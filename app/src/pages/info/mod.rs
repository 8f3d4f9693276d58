//! The footer's information pages: `/help`, `/terms`, `/privacy` and `/contact`, each rendered
//! from an editable markdown file (see `services::info_pages`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::home::get_info_page;
use crate::components::ErrorView;

/// One information page by name, with its title as the page's `<h1>`.
#[component]
fn InfoPageView(name: &'static str) -> impl IntoView {
    let page = Resource::new(move || name, |name| get_info_page(name.to_owned()));
    view! {
        <Suspense fallback=|| view! { <p class="mx-auto max-w-3xl px-4 py-10 text-slate-500">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <Title text=page.title.clone() />
                        <article class="mx-auto max-w-3xl px-4 py-10" aria-labelledby="info-title">
                            <h1 id="info-title" class="text-3xl font-bold tracking-tight">{page.title}</h1>
                            <div class="prose prose-slate mt-6 max-w-none break-words" inner_html=page.html></div>
                        </article>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/help`.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! { <InfoPageView name="help" /> }
}

/// `/terms`.
#[component]
pub fn TermsPage() -> impl IntoView {
    view! { <InfoPageView name="terms" /> }
}

/// `/privacy`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <InfoPageView name="privacy" /> }
}

/// `/contact`.
#[component]
pub fn ContactPage() -> impl IntoView {
    view! { <InfoPageView name="contact" /> }
}
