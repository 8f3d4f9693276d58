//! The "Certificates" section of a course's badges page: who holds the course's certificate,
//! newest first, with a way to revoke each (a reason, two deliberate steps). Plain forms and
//! links, so it works without JavaScript.

use leptos::prelude::*;

use super::{BUTTON_LIGHT, INPUT};
use crate::api::certificates::RevokeCertificate;
use crate::components::{ErrorView, FormError};
use crate::error::AppError;
use crate::format::count;
use crate::models::{CertificateRow, CourseCertificates, CERTIFICATES_PER_PAGE};

/// The section, given the page's resource of certificates and its revoke action (both made by
/// the page itself, outside any `Suspend`).
#[component]
pub(super) fn CertificatesSection(
    data: Resource<Result<CourseCertificates, AppError>>,
    revoke: ServerAction<RevokeCertificate>,
) -> impl IntoView {
    view! {
        <section aria-labelledby="certificates-title" class="mx-auto max-w-4xl space-y-3 px-4 pb-10">
            <h2 id="certificates-title" class="text-xl font-semibold">"Certificates"</h2>
            <p class="text-slate-700">
                "Every learner who completes the course gets a certificate: a PDF with a QR code that leads to its verification page."
            </p>
            <Transition fallback=|| view! { <p class="text-slate-500">"Loading certificates…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <List data revoke /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn List(data: CourseCertificates, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let CourseCertificates {
        course_id,
        certificates,
        total,
        page,
    } = data;
    let total_pages = total.div_ceil(CERTIFICATES_PER_PAGE);
    let value = Signal::derive(move || revoke.value().get());
    let href = move |p: u64| {
        format!("/teach/courses/{course_id}/badges?certificates={p}#certificates-title")
    };
    let pages = (total_pages > 1).then(|| view! {
        <nav aria-label="Certificate pages" class="flex items-center justify-center gap-3 text-sm">
            {(page > 1).then(|| view! { <a class=BUTTON_LIGHT rel="prev" href=href(page - 1)>"Previous"</a> })}
            <span>{format!("Page {page} of {total_pages}")}</span>
            {(page < total_pages).then(|| view! { <a class=BUTTON_LIGHT rel="next" href=href(page + 1)>"Next"</a> })}
        </nav>
    });
    view! {
        {if certificates.is_empty() {
            view! { <p class="text-slate-600">"Nobody has completed this course yet."</p> }.into_any()
        } else {
            view! {
                <p class="text-sm text-slate-600">{count(total, "certificate", "certificates")}</p>
                <ul class="space-y-3" role="list">
                    {certificates.into_iter().map(|c| view! { <Item certificate=c revoke /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <FormError value />
        {pages}
    }
}

#[component]
fn Item(certificate: CertificateRow, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let field = format!("revoke-certificate-{}", certificate.id);
    let page = format!("/certificates/{}", certificate.id);
    let label = format!("certificate of {}", certificate.learner);
    view! {
        <li class="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <p class="break-words">
                "Certificate of " <strong>{certificate.learner.clone()}</strong> " · " {certificate.issued_on.clone()}
            </p>
            {match certificate.revoked {
                Some(reason) => view! { <p class="text-sm font-medium text-red-700">"Revoked: " {reason}</p> }.into_any(),
                None => view! {
                    <p class="text-sm"><a href=page class="font-medium text-indigo-700 underline">"Verification page"<span class="sr-only">{format!(" of the {label}")}</span></a></p>
                    <details class="text-sm">
                        <summary class="cursor-pointer font-medium text-red-700">"Revoke…"<span class="sr-only">{format!(" the {label}")}</span></summary>
                        <ActionForm action=revoke attr:class="mt-2 space-y-2">
                            <input type="hidden" name="certificate" value=certificate.id.clone() />
                            <label for=field.clone() class="block font-medium text-slate-700">"Reason for revoking"</label>
                            <input id=field name="reason" class=INPUT required minlength="3" maxlength="500" />
                            <p class="text-slate-600">"The verification page will say it is revoked, with this reason. This cannot be undone."</p>
                            <button type="submit" class=BUTTON_LIGHT>{format!("Revoke the {label}")}</button>
                        </ActionForm>
                    </details>
                }.into_any(),
            }}
        </li>
    }
}
