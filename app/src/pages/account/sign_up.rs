//! `/signup`.

use leptos::prelude::*;

use crate::api::account::SignUp;
use crate::components::{
    field_errors, next_from_query, on_auth_change_to, AccountPage, Field, FormError, SubmitButton,
};
use crate::next_path::{after_sign_up, with_next};

/// The sign-up form; errors appear next to their fields and typed input stays. A new account goes
/// back to where the visitor came from (`?next=`), or to the catalogue.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let next = next_from_query();
    let back = next.clone();
    on_auth_change_to(value, move |_| after_sign_up(back.as_deref()));
    let sign_in = with_next("/signin", next.as_deref());
    let pending = action.pending();
    view! {
        <AccountPage title="Create your account" id="signup-title">
            <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <input type="hidden" name="next" value=next.unwrap_or_default() />
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
                <SubmitButton pending idle="Create account" busy="Creating account…" />
            </ActionForm>
            <p class="mt-4 text-sm text-slate-600">
                "Already have an account? "
                <a href=sign_in class="text-indigo-700 underline">
                    "Sign in"
                </a>
            </p>
        </AccountPage>
    }
}
