//! Error pages that also set the right HTTP status during server rendering, and send signed-out
//! visitors to sign in.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::next_path::sign_in_href;

const PRIMARY: &str =
    "rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700";
const SECONDARY: &str = "rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-slate-100";

/// Sets the HTTP status of the page being server-rendered; does nothing in the browser.
pub fn set_http_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            axum::http::StatusCode::from_u16(code)
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// The address (path and query) of the page being shown: the request's on the server, the
/// router's in the browser (the address bar only changes once a navigation has finished).
fn current_address() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.uri.path_and_query().map(|pq| pq.as_str().to_owned()))
            .unwrap_or_else(|| "/".to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let location = leptos_router::hooks::use_location();
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    }
}

/// A full-page explanation of an error, with the matching HTTP status and a next step.
///
/// `Unauthorized` is not shown as an error at all: the visitor is sent to sign in, with `next`
/// bringing them back here (a 302 while the server renders the page, a client-side navigation
/// in the browser). The page below stays as the fallback, with its own sign-in button.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let here = current_address();
    if error == AppError::Unauthorized {
        send_to_sign_in(&sign_in_href(&here));
    } else {
        set_http_status(error.status_code());
    }
    let (title, message) = match &error {
        AppError::NotFound => (
            "Page not found",
            "We couldn't find that page. It may have moved, or the course may no longer be available."
                .to_owned(),
        ),
        AppError::Forbidden => ("Access denied", error.to_string()),
        AppError::Unauthorized => ("Sign in required", error.to_string()),
        _ => ("Something went wrong", error.to_string()),
    };
    let actions = match &error {
        AppError::Unauthorized => view! {
            <a href=sign_in_href(&here) class=PRIMARY>"Sign in"</a>
            <a href="/courses" class=SECONDARY>"Browse courses"</a>
        }
        .into_any(),
        AppError::Forbidden if here.starts_with("/teach") => view! {
            <p class="basis-full text-sm text-slate-600">
                "Teaching pages are for instructors. You can apply to teach from your account."
            </p>
            <a href="/account" class=PRIMARY>"Apply to teach"</a>
            <a href="/learning" class=SECONDARY>"Go to My learning"</a>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <a href="/learning" class=PRIMARY>"Go to My learning"</a>
            <a href="/courses" class=SECONDARY>"Browse courses"</a>
        }
        .into_any(),
        _ => view! {
            <a href="/courses" class=PRIMARY>"Browse courses"</a>
            <a href="/" class=SECONDARY>"Go home"</a>
        }
        .into_any(),
    };
    view! {
        <Title text=title />
        <section
            class="mx-auto max-w-xl px-4 py-20 text-center"
            aria-labelledby="error-title"
        >
            <p class="text-sm font-semibold text-indigo-600">{error.status_code()}</p>
            <h1 id="error-title" class="mt-2 text-3xl font-bold tracking-tight">
                {title}
            </h1>
            <p class="mt-4 text-slate-600">{message}</p>
            <div class="mt-8 flex flex-wrap justify-center gap-4">{actions}</div>
        </section>
    }
}

/// Answers the page being server-rendered with a redirect to `href`, or navigates there in the
/// browser (replacing the history entry, so Back does not return to a page that bounces).
fn send_to_sign_in(href: &str) {
    #[cfg(feature = "ssr")]
    {
        set_http_status(401);
        leptos_axum::redirect(href);
    }
    #[cfg(not(feature = "ssr"))]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let _ = href;
        // Only once the navigation that rendered this page has settled (the address bar shows
        // the router's address) and the page is still shown: a page left behind (its data
        // refetched after signing out, while the way home is still loading) must not send
        // anyone to sign in.
        let shown = Arc::new(AtomicBool::new(true));
        let on_leave = Arc::clone(&shown);
        on_cleanup(move || on_leave.store(false, Ordering::Relaxed));
        let location = leptos_router::hooks::use_location();
        let navigate = leptos_router::hooks::use_navigate();
        Effect::new(move |_| {
            let shown = Arc::clone(&shown);
            let navigate = navigate.clone();
            request_animation_frame(move || {
                let search = location.search.get_untracked();
                let routed = match search.as_str() {
                    "" => location.pathname.get_untracked(),
                    q => format!("{}?{q}", location.pathname.get_untracked()),
                };
                let bar = window().location();
                let address = format!(
                    "{}{}",
                    bar.pathname().unwrap_or_default(),
                    bar.search().unwrap_or_default()
                );
                if shown.load(Ordering::Relaxed) && routed == address {
                    navigate(
                        &sign_in_href(&address),
                        leptos_router::NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
            });
        });
    }
}

/// The 404 page for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound /> }
}
