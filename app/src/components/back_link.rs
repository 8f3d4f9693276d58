//! The "← Where you came from" link above a page's heading.

use leptos::prelude::*;

/// A breadcrumb back to the page this one belongs to, shown as "← `label`".
#[component]
pub fn BackLink(
    /// Where the link goes.
    #[prop(into)]
    href: String,
    /// What that page is called (a course's title, "Question bank").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <nav aria-label="Breadcrumb" class="text-sm">
            <a href=href class="text-indigo-700 hover:underline">{format!("← {label}")}</a>
        </nav>
    }
}
