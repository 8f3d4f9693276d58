//! Site header and footer.

use leptos::prelude::*;
use leptos_router::components::Form;

use super::auth::session_epoch;
use crate::api::account::{get_current_user, SignOut};
use crate::api::points::{get_standing, SetTimeZone};
use crate::models::{role_at_least, Role};

/// Who is signed in, with sign-out; or links to sign in and up.
#[component]
fn AccountMenu() -> impl IntoView {
    let epoch = session_epoch();
    let user = Resource::new(move || epoch.get(), |_| get_current_user());
    let standing = Resource::new(move || epoch.get(), |_| get_standing());
    let set_zone = ServerAction::<SetTimeZone>::new();
    // Streaks count days in the learner's own time zone: the browser says which it is.
    Effect::new(move |_| {
        if let Some(Ok(Some(s))) = standing.get() {
            if let Some(zone) = browser_time_zone().filter(|z| *z != s.time_zone) {
                set_zone.dispatch(SetTimeZone { zone });
            }
        }
    });
    let sign_out = ServerAction::<SignOut>::new();
    super::auth::on_auth_change(Signal::derive(move || sign_out.value().get()), "/");
    // At least 24×24 px to tap (WCAG 2.5.8), however short the text.
    let link = "inline-flex min-h-6 min-w-6 items-center text-sm font-medium text-slate-700 hover:text-indigo-700";
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let standing = standing.await.ok().flatten();
                match user.await {
                    Ok(Some(user)) => {
                        let is_admin = role_at_least(&user.role, Role::Admin);
                        let teaches = role_at_least(&user.role, Role::Instructor);
                        let full_name = user.display_name.clone();
                        view! {
                            <div class="flex flex-wrap items-center gap-x-3 gap-y-1 sm:gap-x-4">
                                <a href="/learning" class=link>"My learning"</a>
                                {standing.map(|s| {
                                    let streak = if s.streak_days > 0 {
                                        format!(" · {}-day streak", s.streak_days)
                                    } else {
                                        String::new()
                                    };
                                    // From the `sm` breakpoint only: on a phone the menu keeps to
                                    // one row, and `/achievements` shows the same figures.
                                    let class = "hidden min-h-6 min-w-6 items-center text-sm font-medium text-slate-700 hover:text-indigo-700 sm:inline-flex";
                                    view! {
                                        <a href="/achievements" class=class title="Your points and streak">
                                            {format!("{} pts{streak}", s.points)}
                                        </a>
                                    }
                                })}
                                {teaches.then(|| view! { <a href="/teach" class=link>"Teach"</a> })}
                                {is_admin.then(|| view! { <a href="/admin/users" class=link>"Admin"</a> })}
                                // A long name is cut short on a phone so the menu keeps to one row.
                                <a
                                    href="/account"
                                    class="block max-w-32 truncate text-sm leading-6 font-medium text-slate-700 hover:text-indigo-700 sm:max-w-48"
                                    title=full_name
                                    data-testid="signed-in-as"
                                    // Whose offline downloads this browser may keep (/offline.js).
                                    data-lectern-user=user.id.to_string()
                                >
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
                            <div class="flex items-center gap-3 sm:gap-4">
                                <a href="/signin" class=format!("{link} px-1")>"Sign in"</a>
                                <a
                                    href="/signup"
                                    class="inline-flex min-h-6 items-center rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700"
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

/// The browser's IANA time zone (e.g. `Europe/Paris`); `None` on the server or if unknown.
fn browser_time_zone() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let format =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
        let options = format.resolved_options();
        js_sys::Reflect::get(&options, &wasm_bindgen::JsValue::from_str("timeZone"))
            .ok()
            .and_then(|zone| zone.as_string())
            .filter(|zone| !zone.is_empty() && zone.len() <= 64)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        None
    }
}

/// The site header: brand, main navigation, a catalogue search box and the account menu.
///
/// On a phone it takes two rows: brand, "Courses" and search on the first, the account links
/// on the second. From the `sm` breakpoint everything shares one row.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="border-b border-slate-200 bg-white print:hidden">
            <nav
                aria-label="Main"
                class="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:gap-x-6"
            >
                <a href="/" class="text-xl font-bold tracking-tight text-indigo-700">
                    "Lectern"
                </a>
                <a
                    href="/courses"
                    class="inline-flex min-h-6 items-center font-medium text-slate-700 hover:text-indigo-700"
                >
                    "Courses"
                </a>
                <div class="min-w-0 flex-1 sm:ml-auto sm:w-72 sm:flex-none">
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
                <div class="w-full sm:w-auto"><AccountMenu /></div>
            </nav>
            // Filled by /offline.js: "You're offline…", "n changes waiting to sync…".
            <p
                id="network-status"
                role="status"
                aria-live="polite"
                class="bg-amber-100 px-4 py-1 text-center text-sm text-amber-900"
                hidden
            ></p>
        </header>
    }
}

/// The site footer: the catalogue and the help and legal pages.
#[component]
pub fn Footer() -> impl IntoView {
    let link = "inline-flex min-h-6 items-center hover:text-indigo-700 hover:underline";
    view! {
        <footer class="border-t border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-slate-600">
                <p>"Lectern — learn anywhere, even offline."</p>
                <nav aria-label="Footer">
                    <ul class="flex flex-wrap gap-x-4 gap-y-1">
                        <li><a href="/courses" class=link>"All courses"</a></li>
                        <li><a href="/help" class=link>"Help"</a></li>
                        <li><a href="/terms" class=link>"Terms"</a></li>
                        <li><a href="/privacy" class=link>"Privacy"</a></li>
                        <li><a href="/contact" class=link>"Contact"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
