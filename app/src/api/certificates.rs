//! Course certificates: their public verification pages (anyone, while the learner keeps their
//! credential pages public), and listing and revoking them (the course's instructor and admins).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CertificateView, CourseCertificates};

/// Certificate `id` as its verification page shows it, its status read now. `NotFound` when it
/// does not exist or its learner keeps their credentials private.
#[server]
pub async fn get_certificate(id: String) -> Result<CertificateView, AppError> {
    use crate::server::{context, services::certificates};
    if id.len() > 36 {
        return Err(AppError::NotFound);
    }
    let state = context::app_state()?;
    let viewer = context::current_user().await?;
    certificates::view(&state.db, &state.issuer, viewer.as_ref(), &id).await
}

/// Page `page` of course `course_id`'s certificates, newest first. Its instructor and admins.
#[server]
pub async fn get_course_certificates(
    course_id: i64,
    page: Option<u64>,
) -> Result<CourseCertificates, AppError> {
    use crate::server::{context, services::certificates};
    let (state, user) = context::require_instructor().await?;
    certificates::course_certificates(&state.db, &user, course_id, page).await
}

/// Revokes certificate `certificate`, saying why (3–500 characters). The course's instructor
/// and admins.
#[server]
pub async fn revoke_certificate(certificate: String, reason: String) -> Result<(), AppError> {
    use crate::server::{context, services::certificates};
    if certificate.len() > 36 {
        return Err(AppError::NotFound);
    }
    if reason.len() > 8_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_instructor().await?;
    certificates::revoke(&state.db, &user, &certificate, &reason).await
}
