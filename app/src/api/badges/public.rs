//! Credential pages anyone may open, and checking a credential someone was given.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CredentialVerdict, CredentialView};

/// The credential `id` as its public page shows it, checked now. `NotFound` when it does not
/// exist or its learner keeps their credentials private.
#[server]
pub async fn get_credential(id: String) -> Result<CredentialView, AppError> {
    use crate::server::{context, services::badges::credential};
    if id.len() > 36 {
        return Err(AppError::NotFound);
    }
    let state = context::app_state()?;
    let viewer = context::current_user().await?;
    credential::view(&state.db, &state.issuer, viewer.as_ref(), &id).await
}

/// What checking a pasted credential found, and the credential's page when it is one of ours
/// and its learner keeps it public.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CredentialCheck {
    pub verdict: CredentialVerdict,
    /// The public page's path, when there is one to show.
    pub page: Option<String>,
}

/// Checks `token` (a credential's VC-JWT, as downloaded): its signature against this site's
/// key, and whether it was revoked. Anyone; at most 32 KB.
#[server]
pub async fn check_credential(token: String) -> Result<CredentialCheck, AppError> {
    use crate::server::credentials::jws::MAX_TOKEN_LEN;
    use crate::server::{context, services::badges::credential};
    if token.len() > MAX_TOKEN_LEN {
        return Err(AppError::field(
            "token",
            "That is longer than any credential: paste the contents of the .jwt file.",
        ));
    }
    if token.trim().is_empty() {
        return Err(AppError::field(
            "token",
            "Paste a credential (the contents of its .jwt file).",
        ));
    }
    let state = context::app_state()?;
    let viewer = context::current_user().await?;
    let (verdict, award) = credential::verdict_of(&state.db, &state.issuer, &token).await?;
    let page = match award {
        Some(a) if credential::may_view(&state.db, viewer.as_ref(), &a).await? => {
            Some(credential::page_path(&a.public_id))
        }
        _ => None,
    };
    Ok(CredentialCheck { verdict, page })
}
