//! Badges as their course's instructor (or an admin) manages them.
// `create_badge` takes the form's eight fields as they are posted (a plain HTML form, no
// JavaScript needed); the allow must sit on the module to reach the code `#[server]` writes.
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseBadges;

/// Course `course_id`'s badges, its graded quizzes (for the rule form) and page `page` of its
/// awards. The course's instructor and admins.
#[server]
pub async fn get_course_badges(
    course_id: i64,
    page: Option<u64>,
) -> Result<CourseBadges, AppError> {
    use crate::server::{context, services::badges::authoring};
    let (state, user) = context::require_instructor().await?;
    authoring::course_badges(&state.db, &user, course_id, page).await
}

/// Creates a badge in course `course`. `quiz_lesson` and `threshold` are form text (empty
/// when the rule needs neither); each bad field gets its own error. Returns the badge's id.
#[server]
pub async fn create_badge(
    course: i64,
    name: String,
    description: String,
    criteria: String,
    image: String,
    rule: String,
    #[server(default)] quiz_lesson: String,
    #[server(default)] threshold: String,
) -> Result<i64, AppError> {
    use crate::models::BadgeDraft;
    use crate::server::{context, services::badges::authoring};
    let too_long = [
        &name,
        &description,
        &criteria,
        &image,
        &rule,
        &quiz_lesson,
        &threshold,
    ]
    .iter()
    .any(|s| s.len() > 8_000);
    if too_long {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_instructor().await?;
    let draft = BadgeDraft {
        course,
        name,
        description,
        criteria,
        image,
        rule,
        quiz_lesson: quiz_lesson.trim().parse().ok(),
        threshold: threshold.trim().trim_end_matches('%').trim().parse().ok(),
    };
    authoring::create(&state.db, &user, &draft).await
}

/// Deletes badge `badge_id` if nobody was ever awarded it (`Conflict` otherwise). Its course's
/// instructor and admins.
#[server]
pub async fn delete_badge(badge_id: i64) -> Result<(), AppError> {
    use crate::server::{context, services::badges::authoring};
    let (state, user) = context::require_instructor().await?;
    authoring::delete(&state.db, &user, badge_id).await
}

/// Revokes the award whose credential id is `credential`, saying why (3–500 characters). The
/// badge's course instructor and admins.
#[server]
pub async fn revoke_award(credential: String, reason: String) -> Result<(), AppError> {
    use crate::server::{context, services::badges::authoring};
    if credential.len() > 36 {
        return Err(AppError::NotFound);
    }
    if reason.len() > 8_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_instructor().await?;
    authoring::revoke(&state.db, &user, &credential, &reason).await
}
