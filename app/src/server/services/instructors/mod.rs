//! Public instructor profiles: stable slugs, the profile page, and the instructor's own bio.
//!
//! A slug is given once, from the display name at the time (`ada-okafor`, then `ada-okafor-2`
//! for the next Ada Okafor), and never changes afterwards, so shared links keep working after a
//! rename. Learners have none: only instructors and admins have public profiles.

mod slugs;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use crate::error::AppError;
use crate::markdown;
use crate::models::instructor::{initials, BioSettings, InstructorProfile, MAX_BIO_CHARS};
use crate::models::{role_at_least, CourseSummary, Role};
use crate::server::entities::{course, user};

pub use slugs::{assign_slug, is_valid_slug};

/// Whether `user` has a public profile: a live instructor or admin.
fn has_profile(user: &user::Model) -> bool {
    user.deleted_at.is_none() && role_at_least(&user.role, Role::Instructor)
}

/// The public profile at `slug`: `NotFound` for unknown or malformed slugs, learners, and
/// deleted accounts.
pub async fn profile(db: &impl ConnectionTrait, slug: &str) -> Result<InstructorProfile, AppError> {
    if !is_valid_slug(slug) {
        return Err(AppError::NotFound);
    }
    let person = user::Entity::find()
        .filter(user::Column::Slug.eq(slug))
        .one(db)
        .await?
        .filter(has_profile)
        .ok_or(AppError::NotFound)?;
    let courses = course::Entity::find()
        .filter(course::Column::InstructorId.eq(person.id))
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .order_by_desc(course::Column::Id)
        .all(db)
        .await?;
    Ok(InstructorProfile {
        courses: cards(db, courses).await?,
        initials: initials(&person.display_name),
        bio_html: markdown::render(&person.bio),
        display_name: person.display_name,
        slug: slug.to_owned(),
    })
}

/// Catalogue cards for `courses` (the catalogue's own batched queries).
async fn cards(
    db: &impl ConnectionTrait,
    courses: Vec<course::Model>,
) -> Result<Vec<CourseSummary>, AppError> {
    Ok(super::catalogue::summaries(db, courses).await?)
}

/// The caller's bio and profile slug (given now if they had none). `Forbidden` for learners.
pub async fn bio_settings(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<BioSettings, AppError> {
    if !has_profile(user) {
        return Err(AppError::Forbidden);
    }
    Ok(BioSettings {
        slug: assign_slug(db, user.id).await?,
        bio: user.bio.clone(),
    })
}

/// Checks a bio as typed: trimmed, at most [`MAX_BIO_CHARS`] characters, no control characters
/// other than line breaks and tabs. Errors name the field `bio`.
pub fn validate_bio(raw: &str) -> Result<String, AppError> {
    let bio = raw.trim();
    if bio.chars().count() > MAX_BIO_CHARS {
        return Err(AppError::field(
            "bio",
            &format!("Use at most {MAX_BIO_CHARS} characters."),
        ));
    }
    if bio
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::field(
            "bio",
            "Remove the invisible control characters.",
        ));
    }
    Ok(bio.to_owned())
}

/// Saves the caller's bio (markdown; sanitized when shown). `Forbidden` for learners.
pub async fn update_bio(
    db: &impl ConnectionTrait,
    user: &user::Model,
    bio: &str,
) -> Result<BioSettings, AppError> {
    if !has_profile(user) {
        return Err(AppError::Forbidden);
    }
    let bio = validate_bio(bio)?;
    let slug = assign_slug(db, user.id).await?;
    let mut active = user.clone().into_active_model();
    active.bio = Set(bio.clone());
    active.updated_at = Set(Utc::now());
    active.update(db).await?;
    Ok(BioSettings { slug, bio })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
