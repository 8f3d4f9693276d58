//! Public credential pages: one award's page (`/credentials/:id`), checked on every view, a
//! certificate's verification page (`/certificates/:id`), and
//! checking a credential someone was given (`/credentials/verify`). Both work signed out and
//! without JavaScript.

mod certificate;
mod page;
mod verify;

pub use certificate::CertificatePage;
pub use page::CredentialPage;
pub use verify::VerifyCredentialPage;

use leptos::prelude::*;

use crate::models::CredentialVerdict;

/// The verdict as a banner: "Valid", "Revoked" or "Invalid" in words and colour, with why.
#[component]
pub(crate) fn VerdictBanner(verdict: CredentialVerdict) -> impl IntoView {
    let (class, title, detail) = match verdict {
        CredentialVerdict::Valid => (
            "border-emerald-300 bg-emerald-50 text-emerald-900",
            "Valid".to_owned(),
            "Signed by Lectern, unchanged since it was issued, and not revoked.".to_owned(),
        ),
        CredentialVerdict::Revoked { reason, on } => (
            "border-amber-300 bg-amber-50 text-amber-900",
            "Revoked".to_owned(),
            format!("Signed by Lectern, but revoked on {on}. Reason: {reason}"),
        ),
        CredentialVerdict::Invalid(why) => (
            "border-red-300 bg-red-50 text-red-900",
            "Invalid".to_owned(),
            format!("Do not trust this credential. {why}"),
        ),
    };
    view! {
        <div role="status" class=format!("rounded-xl border p-4 {class}")>
            <p class="text-2xl font-bold">{title}</p>
            <p class="mt-1">{detail}</p>
        </div>
    }
}
