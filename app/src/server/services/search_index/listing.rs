//! From a search to an ordered result list with filter counts, all in memory over the index,
//! so ordering (including ties) is the same on every database backend.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::{rank, CatalogueIndex, CourseFacts};
use crate::models::CatalogueSort;

/// What the catalogue was asked for, already cleaned (blank values are `None`).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub text: Option<&'a str>,
    pub category: Option<&'a str>,
    pub level: Option<&'a str>,
    /// Only courses whose average rating is at least this many stars.
    pub min_rating: Option<u8>,
    pub sort: CatalogueSort,
}

/// Every matching course id in display order, and the counts behind the filter options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Courses matching the text and both filters, in the requested order.
    pub ids: Vec<i64>,
    /// Per category: courses matching the text, the level and the rating filters.
    pub by_category: HashMap<String, u64>,
    /// Per level: courses matching the text, the category and the rating filters.
    pub by_level: HashMap<String, u64>,
}

/// `a`'s average rating against `b`'s, compared exactly (sum/count as fractions); a course
/// without ratings is below any rated one.
fn by_average(a: &CourseFacts, b: &CourseFacts) -> Ordering {
    match (a.rating_count > 0, b.rating_count > 0) {
        (true, true) => (i128::from(a.rating_sum) * i128::from(b.rating_count))
            .cmp(&(i128::from(b.rating_sum) * i128::from(a.rating_count))),
        (rated, other) => rated.cmp(&other),
    }
}

/// Whether `c`'s average rating is at least `stars`.
fn rated_at_least(c: &CourseFacts, stars: u8) -> bool {
    c.rating_count > 0 && c.rating_sum >= i64::from(stars) * c.rating_count
}

fn order(sort: CatalogueSort, a: (&CourseFacts, i64), b: (&CourseFacts, i64)) -> Ordering {
    let ((a, a_rank), (b, b_rank)) = (a, b);
    let by_title = || a.title_key.cmp(&b.title_key).then(a.id.cmp(&b.id));
    match sort {
        CatalogueSort::Relevance => b_rank.cmp(&a_rank).then_with(by_title),
        CatalogueSort::Newest => b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)),
        CatalogueSort::Title => by_title(),
        CatalogueSort::Price => a.price_cents.cmp(&b.price_cents).then_with(by_title),
        CatalogueSort::Rating => by_average(b, a)
            .then(b.rating_count.cmp(&a.rating_count))
            .then_with(by_title),
    }
}

/// Runs `request` against `index`. Without text every indexed course matches.
pub fn select(index: &CatalogueIndex, request: Request<'_>) -> tantivy::Result<Selection> {
    let courses = index.courses();
    let matches: Vec<(&CourseFacts, i64)> = match request.text {
        Some(text) => index
            .search(text)?
            .into_iter()
            .filter_map(|hit| courses.get(hit.position).map(|c| (c, rank(hit.score))))
            .collect(),
        None => courses.iter().map(|c| (c, 0)).collect(),
    };
    let in_category = |c: &CourseFacts| request.category.is_none_or(|v| c.category == v);
    let in_level = |c: &CourseFacts| request.level.is_none_or(|v| c.level == v);
    let matches: Vec<(&CourseFacts, i64)> = matches
        .into_iter()
        .filter(|(c, _)| request.min_rating.is_none_or(|s| rated_at_least(c, s)))
        .collect();
    let mut selection = Selection::default();
    for (c, _) in &matches {
        if in_level(c) {
            *selection.by_category.entry(c.category.clone()).or_default() += 1;
        }
        if in_category(c) {
            *selection.by_level.entry(c.level.clone()).or_default() += 1;
        }
    }
    let mut chosen: Vec<(&CourseFacts, i64)> = matches
        .into_iter()
        .filter(|(c, _)| in_category(c) && in_level(c))
        .collect();
    chosen.sort_by(|a, b| order(request.sort, *a, *b));
    selection.ids = chosen.into_iter().map(|(c, _)| c.id).collect();
    Ok(selection)
}
