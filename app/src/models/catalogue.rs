//! The catalogue listing: query, page of results and filter facets.

use serde::{Deserialize, Serialize};

/// What the learner asked the catalogue for; mirrors the `/courses` URL query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Free-text search over title, subtitle and description.
    pub q: Option<String>,
    /// Category slug filter.
    pub category: Option<String>,
    /// Level slug filter.
    pub level: Option<String>,
    /// 1-based page number; missing or 0 means the first page.
    pub page: Option<u64>,
    /// Result order as a [`CatalogueSort`] parameter; missing or unknown means the default.
    #[serde(default)]
    pub sort: Option<String>,
    /// Minimum average rating, one of [`RATING_FILTERS`] ("4" is 4 stars & up); anything
    /// else means no rating filter.
    #[serde(default)]
    pub rating: Option<String>,
}

/// The rating filters offered: (URL value and minimum whole stars, label).
pub const RATING_FILTERS: [(u8, &str); 2] = [(4, "4 stars & up"), (3, "3 stars & up")];

impl CatalogueQuery {
    /// The URL query string for this query at another page (`?q=…&page=2`).
    pub fn to_url_query(&self, page: u64) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("q", &self.q),
            ("category", &self.category),
            ("level", &self.level),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", urlencode(v)));
            }
        }
        if let Some(stars) = self.min_rating() {
            parts.push(format!("rating={stars}"));
        }
        let sort = self.sort();
        if sort != CatalogueSort::default_for(self.is_searching()) {
            parts.push(format!("sort={}", sort.param()));
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// True when the query has search text (not just blanks).
    pub fn is_searching(&self) -> bool {
        self.q.as_deref().is_some_and(|q| !q.trim().is_empty())
    }

    /// The order results come in: the requested one when it is known and applies, else the
    /// default ([`CatalogueSort::default_for`]).
    pub fn sort(&self) -> CatalogueSort {
        CatalogueSort::parse(self.sort.as_deref(), self.is_searching())
    }

    /// The rating filter's minimum stars, when it names one of [`RATING_FILTERS`].
    pub fn min_rating(&self) -> Option<u8> {
        let asked: u8 = self.rating.as_deref()?.trim().parse().ok()?;
        RATING_FILTERS
            .iter()
            .any(|(stars, _)| *stars == asked)
            .then_some(asked)
    }

    /// True when any search or filter is set (pagination aside).
    pub fn is_filtered(&self) -> bool {
        self.min_rating().is_some()
            || [&self.q, &self.category, &self.level]
                .iter()
                .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }
}

/// How catalogue results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueSort {
    /// Best match first; only meaningful with search text.
    Relevance,
    /// Most recently published first.
    Newest,
    /// By title, A to Z.
    Title,
    /// Cheapest first (free courses lead).
    Price,
    /// Best average rating first; among equal averages more ratings first; unrated last.
    Rating,
}

impl CatalogueSort {
    /// Every order, in the order the sort menu lists them.
    pub const ALL: [CatalogueSort; 5] = [
        Self::Relevance,
        Self::Rating,
        Self::Newest,
        Self::Title,
        Self::Price,
    ];

    /// The order used when none (or an unknown one) is asked for.
    pub fn default_for(searching: bool) -> Self {
        if searching {
            Self::Relevance
        } else {
            Self::Title
        }
    }

    /// Reads a `sort` URL parameter. Unknown values, and relevance without search text, fall
    /// back to the default: a hand-edited URL never becomes an error page.
    pub fn parse(value: Option<&str>, searching: bool) -> Self {
        let asked = Self::ALL
            .into_iter()
            .find(|s| value.is_some_and(|v| v.trim() == s.param()));
        match asked {
            Some(Self::Relevance) if !searching => Self::default_for(false),
            Some(sort) => sort,
            None => Self::default_for(searching),
        }
    }

    /// The value of the `sort` URL parameter.
    pub fn param(self) -> &'static str {
        match self {
            Self::Relevance => "relevance",
            Self::Newest => "newest",
            Self::Title => "title",
            Self::Price => "price",
            Self::Rating => "rating",
        }
    }

    /// The label shown in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Relevance => "Relevance",
            Self::Newest => "Newest",
            Self::Title => "Title (A–Z)",
            Self::Price => "Price (low to high)",
            Self::Rating => "Highest rated",
        }
    }
}

fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// A course as shown on a catalogue card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CourseSummary {
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    pub category: String,
    pub level: String,
    pub language: String,
    pub price_cents: i64,
    pub currency: String,
    pub cover_url: Option<String>,
    pub instructor_name: String,
    /// The instructor's public profile (`/instructors/{slug}`), when they have one.
    #[serde(default)]
    pub instructor_slug: Option<String>,
    pub lesson_count: u64,
    pub duration_seconds: i64,
    /// Visible reviews behind the rating.
    #[serde(default)]
    pub rating_count: u64,
    /// Average rating in tenths of a star (43 is 4.3); 0 without ratings.
    #[serde(default)]
    pub rating_tenths: u16,
}

/// One page of catalogue results, with the filter counts that go with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CataloguePage {
    /// The courses on this page (empty past the last page).
    pub items: Vec<CourseSummary>,
    /// The page served, 1-based, after normalising page 0 to 1.
    pub page: u64,
    /// How many results per page.
    pub per_page: u64,
    /// All matching courses across pages.
    pub total: u64,
    /// How many pages the results span (0 when nothing matches).
    pub total_pages: u64,
    /// Courses per category with the search text and level filter applied, and per level with
    /// the search text and category filter applied: what choosing each option would show.
    pub facets: CatalogueFacets,
}

/// How many published courses fall under one filter value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub value: String,
    pub label: String,
    pub count: u64,
}

/// Filter options with the number of published courses behind each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CatalogueFacets {
    pub categories: Vec<FacetCount>,
    pub levels: Vec<FacetCount>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_query_keeps_filters_and_encodes() {
        let q = CatalogueQuery {
            q: Some("rust & sql".into()),
            category: Some("programming".into()),
            level: None,
            page: Some(3),
            sort: None,
            rating: None,
        };
        assert_eq!(
            q.to_url_query(2),
            "?q=rust+%26+sql&category=programming&page=2"
        );
        assert_eq!(q.to_url_query(1), "?q=rust+%26+sql&category=programming");
        assert_eq!(CatalogueQuery::default().to_url_query(1), "");
    }

    #[test]
    fn sort_defaults_follow_the_search_text_and_unknown_values_fall_back() {
        let mut q = CatalogueQuery::default();
        assert_eq!(q.sort(), CatalogueSort::Title);
        q.sort = Some("relevance".into());
        assert_eq!(
            q.sort(),
            CatalogueSort::Title,
            "nothing to rank without text"
        );
        q.q = Some("rust".into());
        assert_eq!(q.sort(), CatalogueSort::Relevance);
        for junk in ["", "PRICE", "price desc", "'; drop table courses"] {
            q.sort = Some(junk.into());
            assert_eq!(q.sort(), CatalogueSort::Relevance, "{junk:?}");
        }
        q.sort = Some("price".into());
        assert_eq!(q.sort(), CatalogueSort::Price);
    }

    #[test]
    fn url_query_names_only_a_sort_other_than_the_default() {
        let mut q = CatalogueQuery {
            q: Some("sql".into()),
            sort: Some("relevance".into()),
            ..Default::default()
        };
        assert_eq!(q.to_url_query(1), "?q=sql");
        q.sort = Some("newest".into());
        assert_eq!(q.to_url_query(2), "?q=sql&sort=newest&page=2");
        q.q = None;
        q.sort = Some("title".into());
        assert_eq!(q.to_url_query(1), "");
    }

    #[test]
    fn rating_filter_takes_only_the_offered_minimums() {
        let mut q = CatalogueQuery {
            rating: Some("4".into()),
            sort: Some("rating".into()),
            ..Default::default()
        };
        assert_eq!(q.min_rating(), Some(4));
        assert!(q.is_filtered());
        assert_eq!(q.sort(), CatalogueSort::Rating);
        assert_eq!(q.to_url_query(2), "?rating=4&sort=rating&page=2");
        for junk in ["5", "0", "4.5", "-1", "four", ""] {
            q.rating = Some(junk.into());
            assert_eq!(q.min_rating(), None, "{junk:?}");
            assert!(!q.is_filtered(), "{junk:?}");
        }
    }
}
