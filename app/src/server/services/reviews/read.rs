//! Reading a course's reviews: the rating summary, one page newest or most helpful first, the
//! viewer's own review and whether they may write one.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::{is_enrolled, opened_a_lesson};
use crate::error::AppError;
use crate::models::{
    RatingSummary, ReviewEligibility, ReviewPage, ReviewReply, ReviewRow, StarShare,
    REVIEWS_PER_PAGE, SORT_HELPFUL, SORT_NEWEST,
};
use crate::server::entities::{course_rating, enrollment, review, review_vote, user};
use crate::server::services::courses::published;
use crate::server::services::{authoring::may_edit, pagination};

/// The summary of an aggregate row (zeros without one).
pub fn summary_of(row: Option<&course_rating::Model>) -> RatingSummary {
    let count = row.map_or(0, |r| r.review_count).max(0);
    let sum = row.map_or(0, |r| r.rating_sum);
    let stars = |n: u8| {
        row.map_or(0, |r| match n {
            5 => r.stars5,
            4 => r.stars4,
            3 => r.stars3,
            2 => r.stars2,
            _ => r.stars1,
        })
    };
    RatingSummary {
        average: f64::from(crate::models::rating_tenths(sum, count)) / 10.0,
        count: u64::try_from(count).unwrap_or(0),
        histogram: (1..=5u8)
            .rev()
            .map(|n| {
                let c = stars(n).max(0);
                StarShare {
                    stars: n,
                    count: u64::try_from(c).unwrap_or(0),
                    percent: if count == 0 {
                        0
                    } else {
                        u8::try_from((c * 100 + count / 2) / count).unwrap_or(100)
                    },
                }
            })
            .collect(),
    }
}

/// `course` as schema.org `Course` data for search engines, with its `aggregateRating` once it
/// has ratings; `</` is escaped so the text cannot end the script element it is put in.
pub fn schema_org(
    course: &crate::server::entities::course::Model,
    summary: &RatingSummary,
) -> String {
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": course.subtitle,
        "provider": { "@type": "Organization", "name": "Lectern" },
    });
    if summary.count > 0 {
        data["aggregateRating"] = serde_json::json!({
            "@type": "AggregateRating",
            "ratingValue": summary.average_text(),
            "ratingCount": summary.count,
            "bestRating": 5,
            "worstRating": 1,
        });
    }
    data.to_string().replace("</", "<\\/")
}

/// The rating summary of `course_id`.
pub async fn summary(db: &impl ConnectionTrait, course_id: i64) -> Result<RatingSummary, AppError> {
    let row = course_rating::Entity::find_by_id(course_id).one(db).await?;
    Ok(summary_of(row.as_ref()))
}

/// What `viewer` may do about reviewing `course_id`.
async fn eligibility(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    course_id: i64,
    has_review: bool,
) -> Result<ReviewEligibility, AppError> {
    let Some(viewer) = viewer else {
        return Ok(ReviewEligibility::SignIn);
    };
    Ok(if has_review {
        ReviewEligibility::Reviewed
    } else if !is_enrolled(db, viewer.id, course_id).await? {
        ReviewEligibility::Enroll
    } else if !opened_a_lesson(db, viewer.id, course_id).await? {
        ReviewEligibility::OpenLesson
    } else {
        ReviewEligibility::Eligible
    })
}

/// Page `page` of the published course `slug`'s visible reviews, in `sort` order, for
/// `viewer` (who also sees their own review, hidden or not).
pub async fn page(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    slug: &str,
    sort: &str,
    page: Option<u64>,
) -> Result<ReviewPage, AppError> {
    let course = published(db, slug).await?;
    let sort = if sort == SORT_HELPFUL {
        SORT_HELPFUL
    } else {
        SORT_NEWEST
    };
    let mut query = review::Entity::find()
        .filter(review::Column::CourseId.eq(course.id))
        .filter(review::Column::HiddenAt.is_null());
    query = if sort == SORT_HELPFUL {
        query
            .order_by_desc(review::Column::HelpfulCount)
            .order_by_desc(review::Column::CreatedAt)
    } else {
        query.order_by_desc(review::Column::CreatedAt)
    }
    .order_by_desc(review::Column::Id);
    let paged = pagination::fetch(query.paginate(db, REVIEWS_PER_PAGE), page).await?;
    let mine = match viewer {
        Some(v) => {
            review::Entity::find()
                .filter(review::Column::CourseId.eq(course.id))
                .filter(review::Column::UserId.eq(v.id))
                .one(db)
                .await?
        }
        None => None,
    };
    let mut rows: Vec<review::Model> = paged.rows;
    rows.extend(mine.iter().cloned());
    let may_reply = viewer.is_some_and(|v| may_edit(v, &course));
    let shown = rows_for(db, viewer, course.id, may_reply, &rows).await?;
    let mine_row = mine.as_ref().and_then(|m| shown.get(&m.id).cloned());
    let items = rows
        .iter()
        .take(rows.len() - usize::from(mine.is_some()))
        .filter_map(|r| shown.get(&r.id).cloned())
        .collect();
    let summary = summary(db, course.id).await?;
    Ok(ReviewPage {
        course_slug: course.slug.clone(),
        json_ld: schema_org(&course, &summary),
        summary,
        items,
        page: paged.page,
        total_pages: paged.total_pages,
        sort: sort.to_owned(),
        eligibility: eligibility(db, viewer, course.id, mine.is_some()).await?,
        mine: mine_row,
    })
}

/// `reviews` as `viewer` sees them, by id: author names, former-learner marks, votes.
async fn rows_for(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    course_id: i64,
    may_reply: bool,
    reviews: &[review::Model],
) -> Result<HashMap<i64, ReviewRow>, AppError> {
    let authors: Vec<i64> = reviews.iter().map(|r| r.user_id).collect();
    let names: HashMap<i64, String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .filter(user::Column::Id.is_in(authors.clone()))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let enrolled: HashSet<i64> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::UserId)
        .filter(enrollment::Column::CourseId.eq(course_id))
        .filter(enrollment::Column::UserId.is_in(authors))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let voted: HashSet<i64> = match viewer {
        Some(v) => review_vote::Entity::find()
            .select_only()
            .column(review_vote::Column::ReviewId)
            .filter(
                Condition::all()
                    .add(review_vote::Column::UserId.eq(v.id))
                    .add(review_vote::Column::ReviewId.is_in(reviews.iter().map(|r| r.id))),
            )
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let viewer_id = viewer.map(|v| v.id);
    Ok(reviews
        .iter()
        .map(|r| {
            let mine = viewer_id == Some(r.user_id);
            let row = ReviewRow {
                id: r.id,
                author: names.get(&r.user_id).cloned().unwrap_or_default(),
                rating: u8::try_from(r.rating).unwrap_or(1),
                body: r.body.clone(),
                progress: if r.completed {
                    "Completed the course".to_owned()
                } else {
                    format!("{}% through the course", r.progress_percent)
                },
                former_learner: !enrolled.contains(&r.user_id),
                edited: r.edited,
                created_at: r.created_at.to_rfc3339(),
                helpful_count: r.helpful_count,
                voted: voted.contains(&r.id),
                mine,
                can_reply: may_reply,
                reply: r.reply_body.clone().map(|body| ReviewReply {
                    body,
                    at: r.reply_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                    edited: r.reply_edited,
                }),
                hidden_reason: if mine && r.hidden_at.is_some() {
                    Some(r.hidden_reason.clone().unwrap_or_default())
                } else {
                    None
                },
            };
            (r.id, row)
        })
        .collect())
}
