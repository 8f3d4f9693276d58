//! Shared pieces for signed-in state and form errors.

use leptos::prelude::*;

use crate::error::{AppError, FieldErrors};

/// Bumped after sign-in or sign-out so everything showing the current user refetches it.
#[derive(Clone, Copy)]
pub struct SessionEpoch(pub RwSignal<u32>);

/// The session epoch from context (a fresh one if missing, e.g. in isolated tests).
pub fn session_epoch() -> RwSignal<u32> {
    use_context::<SessionEpoch>()
        .map(|e| e.0)
        .unwrap_or_else(|| RwSignal::new(0))
}

/// Once `value` holds a success, refetch who is signed in and go to `path` (sign-in, sign-up,
/// sign-out and account deletion all change who the header shows).
pub fn on_auth_change<T: Clone + Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
    path: &'static str,
) {
    on_auth_change_to(value, move |_| path.to_owned());
}

/// Like [`on_auth_change`], going to the path `to` picks from the success (e.g. by role).
pub fn on_auth_change_to<T: Clone + Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
    to: impl Fn(&T) -> String + 'static,
) {
    let epoch = session_epoch();
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(done)) = value.get() {
            epoch.update(|n| *n += 1);
            navigate(&to(&done), Default::default());
        }
    });
}

/// The safe `next` address of the current page's query (see [`crate::next_path::safe_next`]),
/// for the sign-in and sign-up forms to pass on.
pub fn next_from_query() -> Option<String> {
    let query = leptos_router::hooks::use_query_map();
    let raw = query.with_untracked(|q| q.get("next"));
    raw.and_then(|n| crate::next_path::safe_next(&n).map(str::to_owned))
}

/// Field errors from a failed server action, or none.
pub fn field_errors<T: Clone + Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
) -> Signal<FieldErrors> {
    Signal::derive(move || match value.get() {
        Some(Err(AppError::Validation(fields))) => fields,
        _ => FieldErrors::new(),
    })
}

/// A labelled input with its error message, linked for screen readers.
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    /// Element id when several forms on a page share a field name (defaults to `name`).
    #[prop(optional)]
    id: Option<&'static str>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let id = id.unwrap_or(name);
    let error_id = format!("{id}-error");
    let message = move || errors.get().get(name).cloned();
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">
                {label}
            </label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                class="rounded-lg border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-500"
            />
            <p id=error_id class="min-h-5 text-sm text-red-700">
                {message}
            </p>
        </div>
    }
}

/// A message for errors that belong to no single field (rate limits, generic failures).
#[component]
pub fn FormError<T: Clone + Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    let message = move || match value.get() {
        Some(Err(AppError::Validation(fields))) => fields.get("form").cloned(),
        Some(Err(other)) => Some(other.to_string()),
        _ => None,
    };
    view! {
        <p role="alert" class="min-h-5 text-sm font-medium text-red-700">
            {message}
        </p>
    }
}

/// The centred card the account pages (sign in, sign up, password reset) are laid out in: the
/// page title, one heading, and the form.
#[component]
pub fn AccountPage(
    /// The page title and heading.
    title: &'static str,
    /// The heading's id (the section is labelled by it).
    id: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <leptos_meta::Title text=title />
        <section class="mx-auto max-w-md px-4 py-12" aria-labelledby=id>
            <h1 id=id class="mb-6 text-3xl font-bold tracking-tight">
                {title}
            </h1>
            {children()}
        </section>
    }
}

/// The account forms' full-width submit button: disabled, and saying `busy`, while `pending`.
#[component]
pub fn SubmitButton(
    /// Whether the form is being sent.
    #[prop(into)]
    pending: Signal<bool>,
    /// The label while idle.
    idle: &'static str,
    /// The label while sending.
    busy: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="w-full rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
            disabled=move || pending.get()
        >
            {move || if pending.get() { busy } else { idle }}
        </button>
    }
}
