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
}

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
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// True when any search or filter is set (pagination aside).
    pub fn is_filtered(&self) -> bool {
        [&self.q, &self.category, &self.level]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
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
    pub lesson_count: u64,
    pub duration_seconds: i64,
}

/// One page of catalogue results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// How many published courses fall under one filter value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub label: String,
    pub count: u64,
}

/// Filter options with the number of published courses behind each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        };
        assert_eq!(
            q.to_url_query(2),
            "?q=rust+%26+sql&category=programming&page=2"
        );
        assert_eq!(q.to_url_query(1), "?q=rust+%26+sql&category=programming");
        assert_eq!(CatalogueQuery::default().to_url_query(1), "");
    }
}
