//! What instructors see of their reviews: the newest reviews of their courses on `/teach`, each
//! course's rating, and the rating month by month on the statistics page. Only visible reviews
//! count, as on the course page.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::AppError;
use crate::models::{rating_tenths, MonthlyRating, NewReview, Role};
use crate::server::entities::{course, review, user};

/// How many reviews `/teach` lists.
pub const NEW_REVIEWS: u64 = 10;
/// How many months the statistics page shows.
pub const MONTHS: u32 = 12;
/// The longest excerpt of a review's text on `/teach`, in characters.
const EXCERPT_CHARS: usize = 200;

/// The newest visible reviews of the courses `user` teaches (every course for admins, as on
/// `/teach`), newest first.
pub async fn new_reviews(
    db: &impl ConnectionTrait,
    user: &user::Model,
) -> Result<Vec<NewReview>, AppError> {
    let mut courses = course::Entity::find();
    if user.role != Role::Admin.as_str() {
        courses = courses.filter(course::Column::InstructorId.eq(user.id));
    }
    let courses: HashMap<i64, (String, String)> = courses
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, (c.title, c.slug)))
        .collect();
    if courses.is_empty() {
        return Ok(Vec::new());
    }
    let rows = review::Entity::find()
        .filter(review::Column::CourseId.is_in(courses.keys().copied()))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id)
        .limit(NEW_REVIEWS)
        .all(db)
        .await?;
    let authors: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let (course_title, course_slug) =
                courses.get(&r.course_id).cloned().unwrap_or_default();
            NewReview {
                id: r.id,
                course_title,
                course_slug,
                author: authors.get(&r.user_id).cloned().unwrap_or_default(),
                rating: u8::try_from(r.rating).unwrap_or(0),
                excerpt: r.body.as_deref().map(excerpt),
                created_at: r.created_at.to_rfc3339(),
                replied: r.reply_body.is_some(),
            }
        })
        .collect())
}

/// The first [`EXCERPT_CHARS`] characters of `text`, with "…" when it was cut.
fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        format!("{}…", head.trim_end())
    } else {
        head
    }
}

/// Course `course_id`'s rating in each of the last [`MONTHS`] months up to `now`'s, oldest
/// first, every month present.
pub async fn monthly(
    db: &impl ConnectionTrait,
    course_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MonthlyRating>, AppError> {
    let first = first_month(now.date_naive());
    let since = first.and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc());
    let rows: Vec<(i32, DateTime<Utc>)> = review::Entity::find()
        .select_only()
        .column(review::Column::Rating)
        .column(review::Column::CreatedAt)
        .filter(review::Column::CourseId.eq(course_id))
        .filter(review::Column::HiddenAt.is_null())
        .filter(review::Column::CreatedAt.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    Ok(by_month(&rows, now.date_naive()))
}

/// The first day of the oldest month shown on `today`.
fn first_month(today: NaiveDate) -> NaiveDate {
    let this_month = today.with_day(1).unwrap_or(today);
    this_month
        .checked_sub_months(Months::new(MONTHS - 1))
        .unwrap_or(this_month)
}

/// Groups (stars, written at) by calendar month over the [`MONTHS`] months ending with
/// `today`'s; reviews outside them are left out.
fn by_month(rows: &[(i32, DateTime<Utc>)], today: NaiveDate) -> Vec<MonthlyRating> {
    let mut months: Vec<(NaiveDate, i64, i64)> = Vec::new();
    let mut month = first_month(today);
    for _ in 0..MONTHS {
        months.push((month, 0, 0));
        month = month.checked_add_months(Months::new(1)).unwrap_or(month);
    }
    for (stars, at) in rows {
        let day = at.date_naive();
        let key = day.with_day(1).unwrap_or(day);
        if let Some(slot) = months.iter_mut().find(|(m, _, _)| *m == key) {
            slot.1 += 1;
            slot.2 += i64::from(*stars);
        }
    }
    months
        .into_iter()
        .map(|(month, count, sum)| MonthlyRating {
            month: month.format("%Y-%m").to_string(),
            count: u64::try_from(count).unwrap_or(0),
            tenths: rating_tenths(sum, count),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn twelve_months_oldest_first_with_empty_months_and_the_edges() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 15).expect("day");
        let rows = [
            (5, at("2026-03-01T00:00:00Z")),
            (4, at("2026-03-31T23:59:59Z")),
            (2, at("2025-04-01T00:00:00Z")),
            (1, at("2025-03-31T23:59:59Z")), // 12 months and a second ago: left out
        ];
        let months = by_month(&rows, today);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].month, "2025-04");
        assert_eq!(months[11].month, "2026-03");
        assert_eq!((months[0].count, months[0].tenths), (1, 20));
        assert_eq!((months[11].count, months[11].tenths), (2, 45));
        assert!(months[1..11].iter().all(|m| m.count == 0 && m.tenths == 0));
    }

    #[test]
    fn excerpts_cut_on_characters() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(EXCERPT_CHARS + 1);
        let cut = excerpt(&long);
        assert_eq!(
            cut.chars().count(),
            EXCERPT_CHARS + 1,
            "200 and the ellipsis"
        );
        assert!(cut.ends_with('…'));
    }
}
