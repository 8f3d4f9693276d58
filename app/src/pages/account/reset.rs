//! `/account/reset` (ask for a link) and `/account/reset/{token}` (choose a new password).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::account::{RequestPasswordReset, ResetPassword};
use crate::components::{field_errors, AccountPage, Field, FormError, SubmitButton};

/// Asks for a reset link. The confirmation is the same whether or not the email has an account.
#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let sent = move || matches!(value.get(), Some(Ok(())));
    view! {
        <AccountPage title="Reset your password" id="reset-title">
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                            <Field name="email" label="Email" kind="email" autocomplete="email" errors />
                            <FormError value />
                            <SubmitButton pending=action.pending() idle="Email me a reset link" busy="Sending…" />
                        </ActionForm>
                    }
                }
            >
                <p role="status" class="rounded-xl border border-emerald-200 bg-emerald-50 p-6 text-emerald-900">
                    "If that email has an account, a reset link is on its way. It works once, for one hour."
                </p>
            </Show>
        </AccountPage>
    }
}

/// Sets a new password from the emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let action = ServerAction::<ResetPassword>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let token_error = move || errors.get().get("token").cloned();
    let done = move || matches!(value.get(), Some(Ok(())));
    view! {
        <AccountPage title="Choose a new password" id="newpw-title">
            <Show
                when=done
                fallback=move || {
                    view! {
                        <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
                            <input type="hidden" name="token" value=token />
                            <Field
                                name="password"
                                label="New password"
                                kind="password"
                                autocomplete="new-password"
                                errors
                            />
                            <p role="alert" class="text-sm text-red-700">
                                {token_error}
                            </p>
                            <FormError value />
                            <SubmitButton pending=action.pending() idle="Set new password" busy="Saving…" />
                        </ActionForm>
                    }
                }
            >
                <p role="status" class="rounded-xl border border-emerald-200 bg-emerald-50 p-6 text-emerald-900">
                    "Your password is changed and you are signed out everywhere. "
                    <a href="/signin" class="font-medium underline">
                        "Sign in"
                    </a>
                </p>
            </Show>
        </AccountPage>
    }
}
