//! The course's instructor answers a review, once (the answer can be edited).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use crate::error::AppError;
use crate::server::entities::{review, user};
use crate::server::services::authoring::editable_course;

/// The most characters a reply may have.
pub const MAX_REPLY: usize = 5_000;

/// Sets the reply of the instructor (or an admin) of review `review_id`'s course to `text`
/// (1 to 5,000 characters, stored as typed); a second reply replaces the first and says
/// "edited". `Forbidden` for other instructors.
pub async fn reply(
    db: &DatabaseConnection,
    user: &user::Model,
    review_id: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let text = text.trim();
    let chars = text.chars().count();
    if !(1..=MAX_REPLY).contains(&chars) {
        return Err(AppError::field(
            "text",
            &format!("Write a reply of 1 to {MAX_REPLY} characters."),
        ));
    }
    let found = review::Entity::find_by_id(review_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    editable_course(db, user, found.course_id).await?;
    let edited = found.reply_body.is_some();
    let mut answered: review::ActiveModel = found.into();
    answered.reply_body = Set(Some(text.to_owned()));
    answered.reply_edited = Set(edited);
    answered.reply_at = Set(Some(now));
    answered.update(db).await?;
    tracing::info!(user_id = user.id, review_id, "review answered");
    Ok(())
}
