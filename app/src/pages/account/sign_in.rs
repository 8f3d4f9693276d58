//! `/signin`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::SignIn;
use crate::components::{field_errors, on_auth_change, Field, FormError};

/// The sign-in form; on success the header updates and the learner goes home.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    on_auth_change(value, "/");
    view! {
        <Title text="Sign in" />
        <section class="mx-auto max-w-md px-4 py-12" aria-labelledby="signin-title">
            <h1 id="signin-title" class="mb-6 text-3xl font-bold tracking-tight">
                "Sign in"
            </h1>
            <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <Field name="email" label="Email" kind="email" autocomplete="email" errors />
                <Field
                    name="password"
                    label="Password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                />
                <FormError value />
                <button
                    type="submit"
                    class="w-full rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
                    disabled=move || action.pending().get()
                >
                    {move || if action.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </ActionForm>
            <p class="mt-4 text-sm text-slate-600">
                <a href="/account/reset" class="text-indigo-700 underline">
                    "Forgot your password?"
                </a>
                " · New here? "
                <a href="/signup" class="text-indigo-700 underline">
                    "Create an account"
                </a>
            </p>
        </section>
    }
}
