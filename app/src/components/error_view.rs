//! Error pages that also set the right HTTP status during server rendering.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;

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

/// A full-page explanation of an error, with the matching HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    set_http_status(error.status_code());
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
            <div class="mt-8 flex justify-center gap-4">
                <a
                    href="/courses"
                    class="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
                >
                    "Browse courses"
                </a>
                <a href="/" class="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
                    "Go home"
                </a>
            </div>
        </section>
    }
}

/// The 404 page for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound /> }
}
