//! `/signup`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::SignUp;
use crate::components::{field_errors, on_auth_change, Field, FormError};

/// The sign-up form; errors appear next to their fields and typed input stays.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    on_auth_change(value, "/courses");
    view! {
        <Title text="Create your account" />
        <section class="mx-auto max-w-md px-4 py-12" aria-labelledby="signup-title">
            <h1 id="signup-title" class="mb-6 text-3xl font-bold tracking-tight">
                "Create your account"
            </h1>
            <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <Field name="display_name" label="Your name" autocomplete="name" errors />
                <Field name="email" label="Email" kind="email" autocomplete="email" errors />
                <Field
                    name="password"
                    label="Password (at least 10 characters, not a common one)"
                    kind="password"
                    autocomplete="new-password"
                    errors
                />
                <FormError value />
                <button
                    type="submit"
                    class="w-full rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
                    disabled=move || action.pending().get()
                >
                    {move || if action.pending().get() { "Creating account…" } else { "Create account" }}
                </button>
            </ActionForm>
            <p class="mt-4 text-sm text-slate-600">
                "Already have an account? "
                <a href="/signin" class="text-indigo-700 underline">
                    "Sign in"
                </a>
            </p>
        </section>
    }
}
