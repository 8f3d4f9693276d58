//! Site-wide badges, which only admins define (their awards are revoked with `revoke_award`
//! and unused ones deleted with `delete_badge`, both of which check the admin role for them).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::SiteBadges;

/// The site-wide badges and page `page` of their awards. Admins only.
#[server]
pub async fn get_site_badges(page: Option<u64>) -> Result<SiteBadges, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::badges::site};
    let user = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    site::site_badges(&state.db, &user, page).await
}

/// Creates a site-wide badge: `rule` is `courses_completed` or `streak_days` and `threshold`
/// the number of courses or days (form text; each bad field gets its own error). Admins only.
/// Returns the badge's id.
#[server]
pub async fn create_site_badge(
    name: String,
    description: String,
    criteria: String,
    image: String,
    rule: String,
    #[server(default)] threshold: String,
) -> Result<i64, AppError> {
    use crate::models::{BadgeDraft, Role};
    use crate::server::{context, services::badges::site};
    let too_long = [&name, &description, &criteria, &image, &rule, &threshold]
        .iter()
        .any(|s| s.len() > 8_000);
    if too_long {
        return Err(AppError::TooLarge);
    }
    let user = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    let draft = BadgeDraft {
        course: 0,
        name,
        description,
        criteria,
        image,
        rule,
        quiz_lesson: None,
        threshold: threshold.trim().parse().ok(),
    };
    site::create(&state.db, &user, &draft).await
}
