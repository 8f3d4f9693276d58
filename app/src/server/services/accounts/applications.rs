//! Instructor applications: learners ask to teach, admins approve or reject.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::{active_user, is_unique_violation, rfc3339};
use crate::error::AppError;
use crate::models::{role_at_least, InstructorApplicationRow, Role};
use crate::server::entities::{instructor_application as application, user};

/// Shortest motivation, in characters.
pub const MIN_MOTIVATION_CHARS: usize = 10;
/// Longest motivation, in characters.
pub const MAX_MOTIVATION_CHARS: usize = 2000;
/// Why a second application is refused while one waits.
pub const ALREADY_PENDING: &str = "Your application is already waiting for review.";

/// Files a learner's application to teach. The motivation must be 10–2000 characters (field
/// `motivation`); a user who can already teach, or who has an application waiting, gets
/// `Conflict`.
pub async fn apply(
    db: &DatabaseConnection,
    user_id: i64,
    motivation: &str,
) -> Result<application::Model, AppError> {
    let motivation = motivation.trim();
    let chars = motivation.chars().count();
    if !(MIN_MOTIVATION_CHARS..=MAX_MOTIVATION_CHARS).contains(&chars) {
        return Err(AppError::field(
            "motivation",
            &format!(
                "Tell us in {MIN_MOTIVATION_CHARS} to {MAX_MOTIVATION_CHARS} characters why you want to teach."
            ),
        ));
    }
    let user = active_user(db, user_id).await?;
    if role_at_least(&user.role, Role::Instructor) {
        return Err(AppError::Conflict(
            "You can already teach on Lectern.".into(),
        ));
    }
    if pending_application(db, user_id).await?.is_some() {
        return Err(AppError::Conflict(ALREADY_PENDING.into()));
    }
    application::ActiveModel {
        user_id: Set(user_id),
        motivation: Set(motivation.into()),
        status: Set(application::STATUS_PENDING.into()),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|err| {
        if is_unique_violation(&err) {
            AppError::Conflict(ALREADY_PENDING.into())
        } else {
            err.into()
        }
    })
}

/// The user's application waiting for review, if any (for showing its status).
pub async fn pending_application(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<Option<application::Model>, AppError> {
    Ok(application::Entity::find()
        .filter(application::Column::UserId.eq(user_id))
        .filter(application::Column::Status.eq(application::STATUS_PENDING))
        .one(db)
        .await?)
}

/// Every application waiting for review, oldest first, with the applicant's name and email.
pub async fn list_pending(
    db: &DatabaseConnection,
) -> Result<Vec<InstructorApplicationRow>, AppError> {
    let pending = application::Entity::find()
        .filter(application::Column::Status.eq(application::STATUS_PENDING))
        .order_by_asc(application::Column::CreatedAt)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?;
    let applicants: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(pending.iter().map(|a| a.user_id)))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(pending
        .into_iter()
        .filter_map(|a| {
            let u = applicants.get(&a.user_id)?;
            Some(InstructorApplicationRow {
                id: a.id,
                user_id: a.user_id,
                display_name: u.display_name.clone(),
                email: u.email.clone(),
                motivation: a.motivation,
                created_at: rfc3339(a.created_at),
            })
        })
        .collect())
}

/// Approves a pending application: the applicant becomes an instructor (an admin keeps their
/// role). `NotFound` for an unknown application, `Conflict` if it was already decided.
pub async fn approve(
    db: &DatabaseConnection,
    admin_id: i64,
    application_id: i64,
) -> Result<application::Model, AppError> {
    decide(db, admin_id, application_id, application::STATUS_APPROVED).await
}

/// Rejects a pending application; the applicant may apply again later. `NotFound` for an
/// unknown application, `Conflict` if it was already decided.
pub async fn reject(
    db: &DatabaseConnection,
    admin_id: i64,
    application_id: i64,
) -> Result<application::Model, AppError> {
    decide(db, admin_id, application_id, application::STATUS_REJECTED).await
}

async fn decide(
    db: &DatabaseConnection,
    admin_id: i64,
    application_id: i64,
    status: &str,
) -> Result<application::Model, AppError> {
    let txn = db.begin().await?;
    let found = application::Entity::find_by_id(application_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status != application::STATUS_PENDING {
        return Err(AppError::Conflict(
            "This application was already decided.".into(),
        ));
    }
    if status == application::STATUS_APPROVED {
        let applicant = active_user(&txn, found.user_id).await?;
        if !role_at_least(&applicant.role, Role::Instructor) {
            let mut active = applicant.into_active_model();
            active.role = Set(user::ROLE_INSTRUCTOR.into());
            active.updated_at = Set(Utc::now());
            let applicant = active.update(&txn).await?;
            // The new instructor's public profile address, given once.
            crate::server::services::instructors::assign_slug(&txn, applicant.id).await?;
        }
    }
    let mut active = found.into_active_model();
    active.status = Set(status.into());
    active.decided_by = Set(Some(admin_id));
    active.decided_at = Set(Some(Utc::now()));
    let decided = active.update(&txn).await?;
    txn.commit().await?;
    Ok(decided)
}

#[cfg(test)]
#[path = "applications_tests.rs"]
mod tests;
