//! `/certificates/:id`: a course certificate as anyone may check it (while its learner keeps
//! their credential pages public): valid or revoked, read from Lectern's records on every view.
//! The QR code on the PDF leads here.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::certificates::get_certificate;
use crate::components::ErrorView;
use crate::models::{CertificateView, CredentialVerdict};

const LINK: &str = "font-medium text-indigo-700 underline";

/// The verification page of one certificate.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let params = use_params_map();
    let certificate = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_certificate,
    );
    view! {
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Checking the certificate…"</p> }>
                {move || Suspend::new(async move {
                    match certificate.await {
                        Ok(view) => view! { <Certificate view /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Status(verdict: CredentialVerdict, issuer: String) -> impl IntoView {
    let (class, title, detail) = match verdict {
        CredentialVerdict::Valid => (
            "border-emerald-300 bg-emerald-50 text-emerald-900",
            "Valid",
            format!("{issuer} issued this certificate and has not revoked it."),
        ),
        CredentialVerdict::Revoked { reason, on } => (
            "border-amber-300 bg-amber-50 text-amber-900",
            "Revoked",
            format!("{issuer} issued this certificate but revoked it on {on}. Reason: {reason}"),
        ),
        CredentialVerdict::Invalid(why) => (
            "border-red-300 bg-red-50 text-red-900",
            "Invalid",
            format!("Do not trust this certificate. {why}"),
        ),
    };
    view! {
        <div role="status" class=format!("rounded-xl border p-4 {class}")>
            <p class="text-2xl font-bold">{title}</p>
            <p class="mt-1">{detail}</p>
        </div>
    }
}

#[component]
fn Certificate(view: CertificateView) -> impl IntoView {
    let CertificateView {
        id,
        verdict,
        learner,
        course,
        course_slug,
        instructor,
        issuer,
        issued_on,
        own,
    } = view;
    let pdf = format!("/certificates/{id}/certificate.pdf");
    view! {
        <Title text=format!("Certificate: {course} — {learner}") />
        <Meta name="robots" content="noindex" />
        <Status verdict issuer=issuer.clone() />
        <article class="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <p class="text-sm font-medium uppercase tracking-wide text-indigo-700">"Certificate of completion"</p>
            <h1 class="break-words text-3xl font-bold tracking-tight">{learner}</h1>
            <p class="text-slate-700">
                "completed " <a href=format!("/courses/{course_slug}") class=LINK>{course}</a>
                ", taught by " {instructor} "."
            </p>
            <p class="text-sm text-slate-600">{format!("Issued by {issuer} on {issued_on} · Certificate {id}")}</p>
            <p class="text-sm"><a href=pdf class=LINK>"View the certificate (PDF)"</a></p>
        </article>
        <p class="text-sm text-slate-700">
            "This page is the certificate's record: a printed or forwarded copy is genuine only if it matches what this page says."
        </p>
        {own.then(|| view! {
            <p class="text-sm text-slate-700">"This is your certificate. " <a href="/achievements" class=LINK>"Choose who can see your credential pages"</a></p>
        })}
    }
}
