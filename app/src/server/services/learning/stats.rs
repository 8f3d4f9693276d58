//! A course's numbers for its instructor: enrollments over time, completion, drop-off.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use super::progress::ordered_lessons;
use crate::error::AppError;
use crate::models::{CourseStats, DailyCount, DailyRevenue, LessonFunnel};
use crate::server::entities::{enrollment, lesson_progress, purchase, user};
use crate::server::services::authoring::editable_course;

/// How many days `enrollments_per_day` covers, today included.
pub const STATS_DAYS: i64 = 90;

/// One count per day for the `days` days ending with `today`, oldest first.
pub fn daily_counts(enrolled: &[DateTime<Utc>], today: NaiveDate, days: i64) -> Vec<DailyCount> {
    let first = today - Duration::days(days - 1);
    let mut counts: HashMap<NaiveDate, u64> = HashMap::new();
    for at in enrolled {
        *counts.entry(at.date_naive()).or_default() += 1;
    }
    (0..days)
        .map(|i| {
            let date = first + Duration::days(i);
            DailyCount {
                date: date.format("%Y-%m-%d").to_string(),
                count: counts.get(&date).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// A purchase's amount, when it was paid and when (if ever) it was refunded.
pub type PurchaseDays = (i64, DateTime<Utc>, Option<DateTime<Utc>>);

/// Sales and refunds per day for the `days` days ending with `today`, oldest first, from
/// `(amount, paid_at, refunded_at)` of each purchase: a sale counts on the day it was paid, a
/// refund on the day it was refunded.
pub fn daily_revenue(purchases: &[PurchaseDays], today: NaiveDate, days: i64) -> Vec<DailyRevenue> {
    let first = today - Duration::days(days - 1);
    let mut by_day: HashMap<NaiveDate, DailyRevenue> = HashMap::new();
    for (amount, paid_at, refunded_at) in purchases {
        let sale = by_day
            .entry(paid_at.date_naive())
            .or_insert_with(|| empty_day(paid_at.date_naive()));
        sale.sales += 1;
        sale.sales_cents += amount;
        if let Some(refunded_at) = refunded_at {
            let refund = by_day
                .entry(refunded_at.date_naive())
                .or_insert_with(|| empty_day(refunded_at.date_naive()));
            refund.refunds += 1;
            refund.refunds_cents += amount;
        }
    }
    (0..days)
        .map(|i| {
            let date = first + Duration::days(i);
            by_day.remove(&date).unwrap_or_else(|| empty_day(date))
        })
        .collect()
}

fn empty_day(date: NaiveDate) -> DailyRevenue {
    DailyRevenue {
        date: date.format("%Y-%m-%d").to_string(),
        sales: 0,
        sales_cents: 0,
        refunds: 0,
        refunds_cents: 0,
    }
}

/// Statistics of course `course_id` for its instructor or an admin (`NotFound`/`Forbidden`
/// for others, like the editor). Learners are counted while enrolled.
pub async fn course_stats(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    now: DateTime<Utc>,
) -> Result<CourseStats, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let enrollments: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::EnrolledAt)
        .column(enrollment::Column::CompletedAt)
        .filter(enrollment::Column::CourseId.eq(course.id))
        .into_tuple()
        .all(db)
        .await?;
    let total = enrollments.len() as u64;
    let completed = enrollments.iter().filter(|e| e.1.is_some()).count() as u64;
    let enrolled_at: Vec<DateTime<Utc>> = enrollments.iter().map(|e| e.0).collect();

    let enrolled_learners = Query::select()
        .column(enrollment::Column::UserId)
        .from(enrollment::Entity)
        .and_where(Expr::col(enrollment::Column::CourseId).eq(course.id))
        .to_owned();
    let funnel: Vec<(i64, i64, i64)> = lesson_progress::Entity::find()
        .select_only()
        .column(lesson_progress::Column::LessonId)
        .column_as(Expr::col(lesson_progress::Column::Id).count(), "started")
        .column_as(
            Expr::col(lesson_progress::Column::CompletedAt).count(),
            "completed",
        )
        .filter(lesson_progress::Column::CourseId.eq(course.id))
        .filter(lesson_progress::Column::UserId.in_subquery(enrolled_learners))
        .group_by(lesson_progress::Column::LessonId)
        .into_tuple()
        .all(db)
        .await?;
    let funnel: HashMap<i64, (i64, i64)> =
        funnel.into_iter().map(|(l, s, c)| (l, (s, c))).collect();
    let lessons = ordered_lessons(db, course.id)
        .await?
        .into_iter()
        .map(|l| {
            let (started, completed) = funnel.get(&l.id).copied().unwrap_or((0, 0));
            LessonFunnel {
                lesson_id: l.id,
                slug: l.slug,
                title: l.title,
                started: u64::try_from(started).unwrap_or(0),
                completed: u64::try_from(completed).unwrap_or(0),
            }
        })
        .collect();
    let first_day = now - Duration::days(STATS_DAYS);
    let purchases: Vec<PurchaseDays> = purchase::Entity::find()
        .select_only()
        .column(purchase::Column::AmountCents)
        .column(purchase::Column::PaidAt)
        .column(purchase::Column::RefundedAt)
        .filter(purchase::Column::CourseId.eq(course.id))
        .filter(purchase::Column::Currency.eq(course.currency.to_lowercase()))
        .filter(
            sea_orm::Condition::any()
                .add(purchase::Column::PaidAt.gte(first_day))
                .add(purchase::Column::RefundedAt.gte(first_day)),
        )
        .into_tuple()
        .all(db)
        .await?;
    let rating_per_month =
        crate::server::services::reviews::teach::monthly(db, course.id, now).await?;
    Ok(CourseStats {
        rating_per_month,
        revenue_per_day: daily_revenue(&purchases, now.date_naive(), STATS_DAYS),
        currency: course.currency.clone(),
        course_id: course.id,
        course_slug: course.slug,
        title: course.title,
        total_enrollments: total,
        completed_enrollments: completed,
        completion_rate: if total == 0 {
            0.0
        } else {
            completed as f64 / total as f64
        },
        enrollments_per_day: daily_counts(&enrolled_at, now.date_naive(), STATS_DAYS),
        lessons,
    })
}
