//! The public catalogue: search, filters, pagination, facets and featured courses.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Select,
};

use super::pagination;
use super::search_index::{self, SearchIndexCache};
use crate::error::AppError;
use crate::models::{
    category_label, level_label, CatalogueFacets, CataloguePage, CatalogueQuery, CourseSummary,
    FacetCount, CATEGORIES, LEVELS,
};
use crate::server::entities::{course, lesson, user};

/// Courses per catalogue page.
pub const PER_PAGE: u64 = 12;

fn published() -> Select<course::Entity> {
    course::Entity::find().filter(course::Column::Status.eq(course::STATUS_PUBLISHED))
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// One page of published courses matching the query's search text and filters, in the
/// requested order, with filter counts that reflect the other active filters and the text.
///
/// Page 0 or a missing page means page 1; a page past the end is empty but still reports the
/// totals, so the page can offer a way back.
pub async fn list_courses(
    db: &DatabaseConnection,
    search: &SearchIndexCache,
    query: &CatalogueQuery,
) -> Result<CataloguePage, AppError> {
    let index = search.current(db).await?;
    let request = search_index::Request {
        text: non_empty(&query.q),
        category: non_empty(&query.category),
        level: non_empty(&query.level),
        min_rating: query.min_rating(),
        sort: query.sort(),
    };
    let selection = search_index::select(&index, request).map_err(|error| {
        tracing::error!(%error, "catalogue search failed");
        AppError::Internal
    })?;
    let total = selection.ids.len() as u64;
    let total_pages = total.div_ceil(PER_PAGE);
    let page = pagination::page_number(query.page);
    let start = usize::try_from((page - 1).saturating_mul(PER_PAGE)).unwrap_or(usize::MAX);
    let page_ids: Vec<i64> = selection
        .ids
        .iter()
        .skip(start)
        .take(PER_PAGE as usize)
        .copied()
        .collect();
    let mut rows = published()
        .filter(course::Column::Id.is_in(page_ids.clone()))
        .all(db)
        .await?;
    rows.sort_by_key(|c| page_ids.iter().position(|id| *id == c.id));
    // The cards show the ratings the results were filtered and sorted by.
    let ratings: Ratings = index
        .courses()
        .iter()
        .filter(|c| page_ids.contains(&c.id))
        .map(|c| (c.id, (c.rating_count, c.rating_sum)))
        .collect();
    Ok(CataloguePage {
        items: cards(db, rows, Some(ratings)).await?,
        page,
        per_page: PER_PAGE,
        total,
        total_pages,
        facets: CatalogueFacets {
            categories: facet(CATEGORIES, &selection.by_category, category_label),
            levels: facet(LEVELS, &selection.by_level, level_label),
        },
    })
}

fn facet(
    table: &[(&str, &str)],
    counts: &HashMap<String, u64>,
    label: fn(&str) -> &str,
) -> Vec<FacetCount> {
    table
        .iter()
        .map(|(value, _)| FacetCount {
            value: (*value).to_owned(),
            label: label(value).to_owned(),
            count: counts.get(*value).copied().unwrap_or(0),
        })
        .collect()
}

/// Published courses flagged as featured, newest first, at most `limit`.
pub async fn featured_courses(
    db: &DatabaseConnection,
    limit: u64,
) -> Result<Vec<CourseSummary>, DbErr> {
    let rows = published()
        .filter(course::Column::Featured.eq(true))
        .order_by_desc(course::Column::PublishedAt)
        .order_by_asc(course::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    summaries(db, rows).await
}

/// Every category and level with how many published courses it holds, whatever the search.
pub async fn facets(db: &DatabaseConnection) -> Result<CatalogueFacets, DbErr> {
    let count_by = |column: course::Column| async move {
        published()
            .select_only()
            .column(column)
            .column_as(course::Column::Id.count(), "n")
            .group_by(column)
            .into_tuple::<(String, i64)>()
            .all(db)
            .await
            .map(|rows| rows.into_iter().collect::<HashMap<_, _>>())
    };
    let by_category = count_by(course::Column::Category).await?;
    let by_level = count_by(course::Column::Level).await?;
    let unsigned = |counts: HashMap<String, i64>| -> HashMap<String, u64> {
        counts
            .into_iter()
            .map(|(value, n)| (value, n.max(0) as u64))
            .collect()
    };
    let (by_category, by_level) = (unsigned(by_category), unsigned(by_level));
    Ok(CatalogueFacets {
        categories: facet(CATEGORIES, &by_category, category_label),
        levels: facet(LEVELS, &by_level, level_label),
    })
}

/// Ratings by course id: (visible reviews, sum of their stars).
type Ratings = HashMap<i64, (i64, i64)>;

/// Builds catalogue cards for courses with three batched queries (instructors, lesson totals,
/// ratings).
pub(crate) async fn summaries(
    db: &impl sea_orm::ConnectionTrait,
    rows: Vec<course::Model>,
) -> Result<Vec<CourseSummary>, DbErr> {
    cards(db, rows, None).await
}

/// [`summaries`], with the ratings taken from `known` when the caller has them.
async fn cards(
    db: &impl sea_orm::ConnectionTrait,
    rows: Vec<course::Model>,
    known: Option<Ratings>,
) -> Result<Vec<CourseSummary>, DbErr> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let course_ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let ratings: Ratings = match known {
        Some(ratings) => ratings,
        None => super::reviews::ratings_of(db, &course_ids).await?,
    };
    let instructor_ids: Vec<i64> = rows.iter().map(|c| c.instructor_id).collect();
    let names: HashMap<i64, (String, Option<String>)> = user::Entity::find()
        .filter(user::Column::Id.is_in(instructor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, (u.display_name, u.slug)))
        .collect();
    let stats: HashMap<i64, (i64, i64)> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::CourseId)
        .column_as(lesson::Column::Id.count(), "lessons")
        .column_as(lesson::Column::DurationSeconds.sum(), "seconds")
        .filter(lesson::Column::CourseId.is_in(course_ids))
        .group_by(lesson::Column::CourseId)
        .into_tuple::<(i64, i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, n, secs)| (id, (n, secs.unwrap_or(0))))
        .collect();
    Ok(rows
        .into_iter()
        .map(|c| {
            let (lessons, seconds) = stats.get(&c.id).copied().unwrap_or((0, 0));
            let (rated, stars) = ratings.get(&c.id).copied().unwrap_or((0, 0));
            let (instructor_name, instructor_slug) =
                names.get(&c.instructor_id).cloned().unwrap_or_default();
            CourseSummary {
                instructor_name,
                instructor_slug,
                lesson_count: lessons.max(0) as u64,
                duration_seconds: seconds,
                slug: c.slug,
                title: c.title,
                subtitle: c.subtitle,
                category: c.category,
                level: c.level,
                language: c.language,
                price_cents: c.price_cents,
                currency: c.currency,
                cover_url: c.cover_url,
                rating_count: u64::try_from(rated).unwrap_or(0),
                rating_tenths: crate::models::rating_tenths(stars, rated),
            }
        })
        .collect())
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
