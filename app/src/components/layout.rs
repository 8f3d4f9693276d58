//! Site header and footer.

use leptos::prelude::*;
use leptos_router::components::Form;

use super::auth::session_epoch;
use crate::api::account::{get_current_user, SignOut};
use crate::models::{role_at_least, Role};

/// Who is signed in, with sign-out; or links to sign in and up.
#[component]
fn AccountMenu() -> impl IntoView {
    let epoch = session_epoch();
    let user = Resource::new(move || epoch.get(), |_| get_current_user());
    let sign_out = ServerAction::<SignOut>::new();
    super::auth::on_auth_change(Signal::derive(move || sign_out.value().get()), "/");
    let link = "text-sm font-medium text-slate-700 hover:text-indigo-700";
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => {
                        let is_admin = role_at_least(&user.role, Role::Admin);
                        let teaches = role_at_least(&user.role, Role::Instructor);
                        view! {
                            <div class="flex items-center gap-4">
                                <a href="/learning" class=link>"My learning"</a>
                                {teaches.then(|| view! { <a href="/teach" class=link>"Teach"</a> })}
                                {is_admin.then(|| view! { <a href="/admin/users" class=link>"Admin"</a> })}
                                <a href="/account" class=link data-testid="signed-in-as">
                                    {user.display_name}
                                </a>
                                <ActionForm action=sign_out>
                                    <button type="submit" class=link>"Sign out"</button>
                                </ActionForm>
                            </div>
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <div class="flex items-center gap-4">
                                <a href="/signin" class=link>"Sign in"</a>
                                <a
                                    href="/signup"
                                    class="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700"
                                >
                                    "Sign up"
                                </a>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

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
                <div class="ml-auto"><AccountMenu /></div>
                <div class="w-full sm:w-72">
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
