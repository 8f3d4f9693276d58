//! RFC 8288 `Link` headers for paged lists: `first`, `prev`, `next` and `last`.

use app::models::CatalogueQuery;
use axum::http::HeaderValue;

/// The `Link` header of page `page` of `total_pages` of the catalogue list at `path`, keeping
/// the query's search and filters. Relative URLs, as RFC 8288 allows.
pub fn link_header(path: &str, query: &CatalogueQuery, page: u64, total_pages: u64) -> HeaderValue {
    links(page, total_pages, |p| {
        format!("{path}{}", query.to_url_query(p))
    })
}

/// The `Link` header of page `page` of `total_pages`, where `url(p)` is page `p`'s URL.
pub fn links(page: u64, total_pages: u64, url: impl Fn(u64) -> String) -> HeaderValue {
    let mut links = Vec::new();
    if total_pages > 0 {
        links.push(format!("<{}>; rel=\"first\"", url(1)));
        if page > 1 {
            links.push(format!(
                "<{}>; rel=\"prev\"",
                url((page - 1).min(total_pages))
            ));
        }
        if page < total_pages {
            links.push(format!("<{}>; rel=\"next\"", url(page + 1)));
        }
        links.push(format!("<{}>; rel=\"last\"", url(total_pages)));
    }
    HeaderValue::from_str(&links.join(", ")).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_filters_and_stop_at_the_ends() {
        let query = CatalogueQuery {
            q: Some("rust async".into()),
            level: Some("beginner".into()),
            ..Default::default()
        };
        let middle = link_header("/api/v1/courses", &query, 2, 3);
        assert_eq!(
            middle.to_str().expect("ascii"),
            "</api/v1/courses?q=rust+async&level=beginner>; rel=\"first\", \
             </api/v1/courses?q=rust+async&level=beginner>; rel=\"prev\", \
             </api/v1/courses?q=rust+async&level=beginner&page=3>; rel=\"next\", \
             </api/v1/courses?q=rust+async&level=beginner&page=3>; rel=\"last\""
        );
        let only = link_header("/api/v1/courses", &CatalogueQuery::default(), 1, 1);
        assert_eq!(
            only.to_str().expect("ascii"),
            "</api/v1/courses>; rel=\"first\", </api/v1/courses>; rel=\"last\""
        );
        assert_eq!(
            link_header("/api/v1/courses", &CatalogueQuery::default(), 1, 0),
            ""
        );
    }
}
