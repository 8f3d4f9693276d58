//! `/signin`.

use leptos::prelude::*;

use crate::api::account::SignIn;
use crate::components::{
    field_errors, next_from_query, on_auth_change_to, AccountPage, Field, FormError, SubmitButton,
};
use crate::next_path::{after_sign_in, with_next};

/// The sign-in form; on success the header updates and the visitor goes back to where they came
/// from (`?next=`), or to their courses (see [`after_sign_in`]).
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let next = next_from_query();
    let back = next.clone();
    on_auth_change_to(value, move |user| {
        after_sign_in(back.as_deref(), &user.role)
    });
    let sign_up = with_next("/signup", next.as_deref());
    let pending = action.pending();
    view! {
        <AccountPage title="Sign in" id="signin-title">
            <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                <input type="hidden" name="next" value=next.unwrap_or_default() />
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
                <a href=sign_up class="text-indigo-700 underline">
                    "Create an account"
                </a>
            </p>
        </AccountPage>
    }
}
