//! `/signin`.

use leptos::prelude::*;

use crate::api::account::SignIn;
use crate::components::{
    field_errors, on_auth_change, AccountPage, Field, FormError, SubmitButton,
};

/// The sign-in form; on success the header updates and the learner goes home.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    on_auth_change(value, "/");
    let pending = action.pending();
    view! {
        <AccountPage title="Sign in" id="signin-title">
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
                <SubmitButton pending idle="Sign in" busy="Signing in…" />
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
        </AccountPage>
    }
}
