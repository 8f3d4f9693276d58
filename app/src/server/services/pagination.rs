//! One page of a query with the catalogue's paging rules, shared by every paged list.

use sea_orm::{ConnectionTrait, DbErr, Paginator, SelectorTrait};

/// The rows of one page and where it sits among all pages.
pub struct Paged<T> {
    /// The rows on this page (empty past the last page).
    pub rows: Vec<T>,
    /// The page served, 1-based, after normalising page 0 to 1.
    pub page: u64,
    /// All matching rows across pages.
    pub total: u64,
    /// How many pages the rows span (0 when nothing matches).
    pub total_pages: u64,
}

/// The highest page number served: larger numbers (a client's, never ours) are read as this
/// one, so no page arithmetic can overflow.
pub const MAX_PAGE: u64 = 1_000_000;

/// A client's page number made safe: missing or 0 means 1, anything above [`MAX_PAGE`] means
/// [`MAX_PAGE`] (past the end, so an empty page with the totals).
pub fn page_number(requested: Option<u64>) -> u64 {
    requested.unwrap_or(1).clamp(1, MAX_PAGE)
}

/// Fetches page `requested` (1-based; missing or 0 means 1). A page past the end is empty but
/// still reports the totals, so the caller can offer a way back.
pub async fn fetch<'db, C, S>(
    paginator: Paginator<'db, C, S>,
    requested: Option<u64>,
) -> Result<Paged<S::Item>, DbErr>
where
    C: ConnectionTrait,
    S: SelectorTrait + 'db,
{
    let counts = paginator.num_items_and_pages().await?;
    let page = page_number(requested);
    let rows = if page <= counts.number_of_pages {
        paginator.fetch_page(page - 1).await?
    } else {
        Vec::new()
    };
    Ok(Paged {
        rows,
        page,
        total: counts.number_of_items,
        total_pages: counts.number_of_pages,
    })
}
