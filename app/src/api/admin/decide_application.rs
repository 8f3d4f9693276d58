//! Approve or reject an application to teach.
use leptos::prelude::*;

use crate::error::AppError;

/// Approves (the applicant becomes an instructor) or rejects an application. Admins only.
#[server]
pub async fn decide_application(application_id: i64, approve: bool) -> Result<(), AppError> {
    use crate::models::Role;
    use crate::server::{context, services::accounts::applications};
    let admin = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    if approve {
        applications::approve(&state.db, admin.id, application_id).await?;
    } else {
        applications::reject(&state.db, admin.id, application_id).await?;
    }
    tracing::info!(
        admin_id = admin.id,
        application_id,
        approve,
        "application decided"
    );
    Ok(())
}
