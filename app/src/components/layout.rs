//! Site header and footer.

use leptos::prelude::*;
use leptos_router::components::Form;

/// The site header: brand, main navigation and a catalogue search box.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="border-b border-slate-200 bg-white">
            <nav
                aria-label="Main"
                class="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
            >
                <a href="/" class="text-xl font-bold tracking-tight text-indigo-700">
                    "Lectern"
                </a>
                <a href="/courses" class="font-medium text-slate-700 hover:text-indigo-700">
                    "Courses"
                </a>
                <div class="ml-auto w-full sm:w-72">
                    <Form method="GET" action="/courses" attr:role="search">
                        <label for="site-search" class="sr-only">
                            "Search courses"
                        </label>
                        <input
                            id="site-search"
                            type="search"
                            name="q"
                            placeholder="Search courses"
                            class="w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
                        />
                    </Form>
                </div>
            </nav>
        </header>
    }
}

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="border-t border-slate-200 bg-white">
            <div class="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-500">
                <p>"Lectern — learn anywhere, even offline."</p>
                <nav aria-label="Footer">
                    <a href="/courses" class="hover:text-indigo-700">
                        "All courses"
                    </a>
                </nav>
            </div>
        </footer>
    }
}
