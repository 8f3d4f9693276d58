//! Admins' moderation of reported reviews: the queue, hiding a review (with a reason its author
//! sees; it leaves the rating at once) and dismissing its reports.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

use super::{lock_rating, recompute_rating};
use crate::error::AppError;
use crate::models::ReportedReview;
use crate::server::entities::{course, review, review_report, user};

/// How a report was settled: the review was hidden.
pub const RESOLVED_HIDDEN: &str = "hidden";
/// How a report was settled: the review stays.
pub const RESOLVED_DISMISSED: &str = "dismissed";

/// Reviews with open reports, the most reported first (at most 100).
pub async fn queue(db: &DatabaseConnection) -> Result<Vec<ReportedReview>, AppError> {
    let open = review_report::Entity::find()
        .filter(review_report::Column::ResolvedAt.is_null())
        .order_by_asc(review_report::Column::CreatedAt)
        .all(db)
        .await?;
    let mut reasons: HashMap<i64, Vec<String>> = HashMap::new();
    for report in open {
        reasons
            .entry(report.review_id)
            .or_default()
            .push(report.reason);
    }
    let reviews = review::Entity::find()
        .filter(review::Column::Id.is_in(reasons.keys().copied()))
        .all(db)
        .await?;
    let authors: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(reviews.iter().map(|r| r.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let courses: HashMap<i64, course::Model> = course::Entity::find()
        .filter(course::Column::Id.is_in(reviews.iter().map(|r| r.course_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut rows = Vec::new();
    for r in reviews {
        let (Some(author), Some(course)) = (authors.get(&r.user_id), courses.get(&r.course_id))
        else {
            continue;
        };
        rows.push(ReportedReview {
            review_id: r.id,
            course_title: course.title.clone(),
            course_slug: course.slug.clone(),
            author: author.display_name.clone(),
            rating: u8::try_from(r.rating).unwrap_or(1),
            body: r.body.clone(),
            reasons: reasons.remove(&r.id).unwrap_or_default(),
        });
    }
    rows.sort_by(|a, b| {
        b.reasons
            .len()
            .cmp(&a.reasons.len())
            .then(a.review_id.cmp(&b.review_id))
    });
    rows.truncate(100);
    Ok(rows)
}

/// Settles every open report of `review_id` as `resolution`.
async fn resolve(
    txn: &impl sea_orm::ConnectionTrait,
    review_id: i64,
    resolution: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    review_report::Entity::update_many()
        .col_expr(review_report::Column::ResolvedAt, Expr::value(Some(now)))
        .col_expr(
            review_report::Column::Resolution,
            Expr::value(Some(resolution.to_owned())),
        )
        .filter(review_report::Column::ReviewId.eq(review_id))
        .filter(review_report::Column::ResolvedAt.is_null())
        .exec(txn)
        .await?;
    Ok(())
}

/// Hides review `review_id` for `reason` (3–500 characters, shown to its author): it leaves the
/// course's rating in the same transaction and its open reports are settled.
pub async fn hide(
    db: &DatabaseConnection,
    admin: &user::Model,
    review_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !(3..=500).contains(&reason.chars().count()) {
        return Err(AppError::field(
            "reason",
            "Say in 3 to 500 characters why it is hidden (its author will read this).",
        ));
    }
    let found = review::Entity::find_by_id(review_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course_id = found.course_id;
    let txn = db.begin().await?;
    lock_rating(&txn, course_id, now).await?;
    let mut hidden: review::ActiveModel = found.into();
    hidden.hidden_at = Set(Some(now));
    hidden.hidden_reason = Set(Some(reason.to_owned()));
    hidden.update(&txn).await?;
    resolve(&txn, review_id, RESOLVED_HIDDEN, now).await?;
    recompute_rating(&txn, course_id).await?;
    txn.commit().await?;
    tracing::info!(admin_id = admin.id, review_id, "review hidden");
    Ok(())
}

/// Dismisses the open reports of review `review_id`: it stays as it is.
pub async fn dismiss(
    db: &DatabaseConnection,
    admin: &user::Model,
    review_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    review::Entity::find_by_id(review_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    resolve(db, review_id, RESOLVED_DISMISSED, now).await?;
    tracing::info!(admin_id = admin.id, review_id, "review reports dismissed");
    Ok(())
}
