//! Course reviews: who may write one (enrolled, at least one lesson opened, one per course),
//! the checks on what they write, and each course's rating aggregate.
//!
//! The aggregate (`course_ratings`) never drifts from the reviews that count: every change to
//! a course's reviews first locks that course's aggregate row, then writes, then recomputes the
//! row from the visible reviews, all in one transaction. Two changes at once queue on the lock.

pub mod moderation;
pub mod read;
pub mod reply;
pub mod teach;
pub mod votes;
pub mod write;

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};

use crate::error::{AppError, FieldErrors};
use crate::server::entities::{course_rating, lesson_progress, review};

/// The fewest characters a review's text may have (when it has text).
pub const MIN_TEXT: usize = 10;
/// The most characters a review's text may have.
pub const MAX_TEXT: usize = 5_000;

/// A review as submitted: stars and optional text, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanReview {
    pub rating: i32,
    pub body: Option<String>,
}

/// Checks `rating` (1–5) and `text` (empty, or 10–5,000 characters once trimmed); `Err` names
/// each bad field.
pub fn validate(rating: i64, text: &str) -> Result<CleanReview, FieldErrors> {
    let mut errors = FieldErrors::new();
    if !(1..=5).contains(&rating) {
        errors.insert("rating".into(), "Choose from 1 to 5 stars.".into());
    }
    let text = text.trim();
    let chars = text.chars().count();
    if chars > 0 && !(MIN_TEXT..=MAX_TEXT).contains(&chars) {
        errors.insert(
            "text".into(),
            format!(
                "Write at least {MIN_TEXT} and at most {MAX_TEXT} characters, or leave it empty \
                 (now {chars})."
            ),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CleanReview {
        rating: i32::try_from(rating).unwrap_or(1),
        body: (chars > 0).then(|| text.to_owned()),
    })
}

/// Whether `user_id` is enrolled in `course_id` now.
pub async fn is_enrolled(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    Ok(
        crate::server::services::learning::enrollment_of(db, user_id, course_id)
            .await?
            .is_some(),
    )
}

/// Whether `user_id` has opened any lesson of `course_id`.
pub async fn opened_a_lesson(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    Ok(lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .filter(lesson_progress::Column::CourseId.eq(course_id))
        .one(db)
        .await?
        .is_some())
}

/// (visible reviews, sum of their stars) of each of `course_ids` that has a rating row: what
/// cards and `/teach` show.
pub async fn ratings_of(
    db: &impl ConnectionTrait,
    course_ids: &[i64],
) -> Result<std::collections::HashMap<i64, (i64, i64)>, sea_orm::DbErr> {
    Ok(course_rating::Entity::find()
        .filter(course_rating::Column::CourseId.is_in(course_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.course_id, (r.review_count, r.rating_sum)))
        .collect())
}

/// Takes the lock on `course_id`'s aggregate row (creating the row if it is the first review):
/// later changes to the course's reviews wait until this transaction ends.
pub async fn lock_rating(
    txn: &impl ConnectionTrait,
    course_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    course_rating::Entity::insert(course_rating::ActiveModel {
        course_id: Set(course_id),
        review_count: Set(0),
        rating_sum: Set(0),
        stars1: Set(0),
        stars2: Set(0),
        stars3: Set(0),
        stars4: Set(0),
        stars5: Set(0),
        updated_at: Set(now),
    })
    .on_conflict_do_nothing_on([course_rating::Column::CourseId])
    .exec_without_returning(txn)
    .await?;
    course_rating::Entity::update_many()
        .col_expr(course_rating::Column::UpdatedAt, Expr::value(now))
        .filter(course_rating::Column::CourseId.eq(course_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Recomputes `course_id`'s aggregate from its visible reviews (call after [`lock_rating`],
/// in the same transaction).
pub async fn recompute_rating(txn: &impl ConnectionTrait, course_id: i64) -> Result<(), AppError> {
    let counts: Vec<(i32, i64)> = review::Entity::find()
        .select_only()
        .column(review::Column::Rating)
        .column_as(Expr::col(review::Column::Id).count(), "n")
        .filter(review::Column::CourseId.eq(course_id))
        .filter(review::Column::HiddenAt.is_null())
        .group_by(review::Column::Rating)
        .into_tuple()
        .all(txn)
        .await?;
    let stars = |n: i32| counts.iter().find(|(r, _)| *r == n).map_or(0, |(_, c)| *c);
    let total: i64 = counts.iter().map(|(_, c)| c).sum();
    let sum: i64 = counts.iter().map(|(r, c)| i64::from(*r) * c).sum();
    course_rating::Entity::update_many()
        .col_expr(course_rating::Column::ReviewCount, Expr::value(total))
        .col_expr(course_rating::Column::RatingSum, Expr::value(sum))
        .col_expr(course_rating::Column::Stars1, Expr::value(stars(1)))
        .col_expr(course_rating::Column::Stars2, Expr::value(stars(2)))
        .col_expr(course_rating::Column::Stars3, Expr::value(stars(3)))
        .col_expr(course_rating::Column::Stars4, Expr::value(stars(4)))
        .col_expr(course_rating::Column::Stars5, Expr::value(stars(5)))
        .filter(course_rating::Column::CourseId.eq(course_id))
        .exec(txn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_and_text_are_checked() {
        assert_eq!(
            validate(5, "  "),
            Ok(CleanReview {
                rating: 5,
                body: None
            })
        );
        assert_eq!(
            validate(3, " Clear and useful. ").map(|c| c.body),
            Ok(Some("Clear and useful.".to_owned()))
        );
        let errors = validate(0, "too short").expect_err("both wrong");
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["rating", "text"]);
        assert!(validate(6, "").is_err());
        assert!(
            validate(4, &"é".repeat(MAX_TEXT)).is_ok(),
            "characters, not bytes"
        );
        assert!(validate(4, &"a".repeat(MAX_TEXT + 1)).is_err());
    }
}
