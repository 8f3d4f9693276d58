//! Paid enrollment: starting a checkout at the database's price, fulfilling it exactly once
//! whatever order or how often the provider's events arrive, refunds taking access away, and
//! the learner's purchases and receipts.
//!
//! The rule that keeps fulfilment right: an event only says *which* checkout to look at.
//! [`fulfil::reconcile`] asks the provider for that checkout's state now and moves Lectern's
//! rows towards it: a purchase row exists once it is paid (one per checkout, by a unique index),
//! it becomes `refunded` once the payment is refunded and never goes back, and the enrollment
//! follows those two transitions in the same transaction.

pub mod checkout;
pub mod coupon_admin;
pub mod coupons;
pub mod demo;
pub mod events;
pub mod fulfil;
pub mod purchases;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::error::AppError;
use crate::server::entities::purchase;

/// Whether `user_id` owns `course_id`: a paid purchase that was not refunded.
pub async fn owns(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    Ok(purchase::Entity::find()
        .filter(purchase::Column::UserId.eq(user_id))
        .filter(purchase::Column::CourseId.eq(course_id))
        .filter(purchase::Column::Status.eq(purchase::STATUS_PAID))
        .count(db)
        .await?
        > 0)
}

#[cfg(test)]
mod tests;
