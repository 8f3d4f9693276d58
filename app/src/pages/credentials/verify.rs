//! `/credentials/verify`: paste a credential (the contents of its `.jwt` file) and see whether
//! Lectern signed it, unchanged, and whether it was revoked. A GET form: the result has a URL and
//! the page works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use super::VerdictBanner;
use crate::api::badges::check_credential;
use crate::error::AppError;

const LINK: &str = "font-medium text-indigo-700 underline";

/// The verify page.
#[component]
pub fn VerifyCredentialPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let result = Resource::new(token, |token| async move {
        if token.trim().is_empty() {
            return None;
        }
        Some(check_credential(token).await)
    });
    view! {
        <Title text="Verify a credential" />
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Verify a credential"</h1>
            <p class="text-slate-700">
                "Paste a badge credential issued by Lectern (the contents of its .jwt file) to check its signature and whether it was revoked."
            </p>
            <Form method="GET" action="/credentials/verify" attr:class="space-y-3">
                <label for="credential-token" class="block text-sm font-medium text-slate-700">"Credential (JWT)"</label>
                <textarea id="credential-token" name="token" rows="6" maxlength="32768"
                    class="w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs break-all"
                    prop:value=token>{token}</textarea>
                <button type="submit" class="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">"Verify"</button>
            </Form>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Checking…"</p> }>
                {move || Suspend::new(async move {
                    match result.await {
                        None => ().into_any(),
                        Some(Ok(check)) => view! {
                            <section aria-labelledby="result-title" class="space-y-3">
                                <h2 id="result-title" class="text-xl font-semibold">"Result"</h2>
                                <VerdictBanner verdict=check.verdict />
                                {check.page.map(|page| view! {
                                    <p><a href=page class=LINK>"Open the credential's page"</a></p>
                                })}
                            </section>
                        }.into_any(),
                        Some(Err(AppError::Validation(fields))) => view! {
                            <p role="alert" class="font-medium text-red-700">
                                {fields.values().next().cloned().unwrap_or_default()}
                            </p>
                        }.into_any(),
                        Some(Err(error)) => view! {
                            <p role="alert" class="font-medium text-red-700">{error.to_string()}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
