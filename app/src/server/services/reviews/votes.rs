//! "Was this helpful?" and "Report" on other people's reviews.

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
    TryInsertResult,
};

use crate::error::AppError;
use crate::server::entities::{course, review, review_report, review_vote, user};

/// The refusal to vote on or report one's own review.
pub const OWN_REVIEW: &str = "This is your own review.";

/// Visible review `review_id` of a published course, not written by `user`.
async fn someone_elses(
    db: &DatabaseConnection,
    user: &user::Model,
    review_id: i64,
) -> Result<review::Model, AppError> {
    let found = review::Entity::find_by_id(review_id)
        .filter(review::Column::HiddenAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let published = course::Entity::find_by_id(found.course_id)
        .filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
        .one(db)
        .await?
        .is_some();
    if !published {
        return Err(AppError::NotFound);
    }
    if found.user_id == user.id {
        return Err(AppError::Conflict(OWN_REVIEW.into()));
    }
    Ok(found)
}

/// Marks review `review_id` helpful for `user`, once: a second mark changes nothing. Returns
/// the review's helpful count.
pub async fn helpful(
    db: &DatabaseConnection,
    user: &user::Model,
    review_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let found = someone_elses(db, user, review_id).await?;
    let txn = db.begin().await?;
    let inserted = review_vote::Entity::insert(review_vote::ActiveModel {
        review_id: Set(found.id),
        user_id: Set(user.id),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([review_vote::Column::ReviewId, review_vote::Column::UserId])
    .exec_without_returning(&txn)
    .await?;
    if matches!(inserted, TryInsertResult::Inserted(rows) if rows > 0) {
        review::Entity::update_many()
            .col_expr(
                review::Column::HelpfulCount,
                Expr::col(review::Column::HelpfulCount).add(1),
            )
            .filter(review::Column::Id.eq(found.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(review::Entity::find_by_id(found.id)
        .one(db)
        .await?
        .map_or(0, |r| r.helpful_count))
}

/// Reports review `review_id` for moderators with `reason` (3 to 500 characters); a person's
/// second report of the same review changes nothing.
pub async fn report(
    db: &DatabaseConnection,
    user: &user::Model,
    review_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !(3..=500).contains(&reason.chars().count()) {
        return Err(AppError::field(
            "reason",
            "Say in 3 to 500 characters what is wrong with this review.",
        ));
    }
    let found = someone_elses(db, user, review_id).await?;
    review_report::Entity::insert(review_report::ActiveModel {
        review_id: Set(found.id),
        user_id: Set(user.id),
        reason: Set(reason.to_owned()),
        created_at: Set(now),
        resolved_at: Set(None),
        resolution: Set(None),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        review_report::Column::ReviewId,
        review_report::Column::UserId,
    ])
    .exec_without_returning(db)
    .await?;
    tracing::info!(user_id = user.id, review_id, "review reported");
    Ok(())
}
