//! `/credentials/:id`: one award as anyone may check it (while its learner keeps it public).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::VerdictBanner;
use crate::api::badges::get_credential;
use crate::components::ErrorView;
use crate::models::CredentialView;

const LINK: &str = "font-medium text-indigo-700 underline";

/// The public page of one credential.
#[component]
pub fn CredentialPage() -> impl IntoView {
    let params = use_params_map();
    let credential = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_credential,
    );
    view! {
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Checking the credential…"</p> }>
                {move || Suspend::new(async move {
                    match credential.await {
                        Ok(view) => view! { <Credential view /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Credential(view: CredentialView) -> impl IntoView {
    let CredentialView {
        id,
        verdict,
        badge,
        description,
        criteria,
        image,
        learner,
        issuer,
        awarded_on,
        course,
        own,
    } = view;
    let jwt = format!("/credentials/{id}/credential.jwt");
    let json = format!("/credentials/{id}/credential.json");
    view! {
        <Title text=format!("{badge}: credential of {learner}") />
        <Meta name="robots" content="noindex" />
        <VerdictBanner verdict />
        <article class="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <div class="flex flex-wrap items-center gap-4">
                <img src=image alt="" width="96" height="96" class="h-24 w-24 shrink-0" />
                <div class="min-w-0">
                    <h1 class="break-words text-3xl font-bold tracking-tight">{badge}</h1>
                    <p class="text-slate-700">"Awarded to " <strong>{learner}</strong></p>
                    <p class="text-sm text-slate-600">{format!("Issued by {issuer} on {awarded_on}")}</p>
                </div>
            </div>
            {course.map(|(title, slug)| view! {
                <p class="text-slate-700">"Course: " <a href=format!("/courses/{slug}") class=LINK>{title}</a></p>
            })}
            <section aria-labelledby="description-title">
                <h2 id="description-title" class="text-lg font-semibold">"Description"</h2>
                <p class="whitespace-pre-line text-slate-700">{description}</p>
            </section>
            <section aria-labelledby="criteria-title">
                <h2 id="criteria-title" class="text-lg font-semibold">"Criteria"</h2>
                <p class="whitespace-pre-line text-slate-700">{criteria}</p>
            </section>
        </article>
        <section aria-labelledby="check-title" class="space-y-2 text-sm text-slate-700">
            <h2 id="check-title" class="text-lg font-semibold text-slate-900">"Check it yourself"</h2>
            <p>
                "This is an Open Badges 3.0 credential, signed as a JWT (RS256). Download it and check it with any Open Badges 3.0 verifier against Lectern's "
                <a href="/.well-known/jwks.json" rel="external" class=LINK>"public keys"</a>
                ", or paste it into "
                <a href="/credentials/verify" class=LINK>"Verify a credential"</a>
                "."
            </p>
            <p class="flex flex-wrap gap-x-4 gap-y-1">
                <a href=jwt class=LINK download="">"Download the signed credential (.jwt)"</a>
                <a href=json class=LINK download="">"Download as JSON"</a>
            </p>
            {own.then(|| view! {
                <p>"This is your credential. " <a href="/achievements" class=LINK>"Choose who can see your credential pages"</a></p>
            })}
        </section>
    }
}
