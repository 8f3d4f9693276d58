//! Page links for the catalogue; plain links so they work without JavaScript.

use leptos::prelude::*;

use crate::models::CatalogueQuery;

/// The page numbers to show: first, last and two either side of the current page, with
/// `None` marking a gap.
pub fn page_window(page: u64, total_pages: u64) -> Vec<Option<u64>> {
    let mut out = Vec::new();
    let mut last_shown = 0;
    for p in 1..=total_pages {
        if p == 1 || p == total_pages || p.abs_diff(page) <= 2 {
            if p > last_shown + 1 {
                out.push(None);
            }
            out.push(Some(p));
            last_shown = p;
        }
    }
    out
}

/// Previous/next and numbered page links that keep the current search and filters.
#[component]
pub fn Pagination(query: CatalogueQuery, page: u64, total_pages: u64) -> impl IntoView {
    let href = move |p: u64| format!("/courses{}", query.to_url_query(p));
    let link_class =
        "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
    (total_pages > 1).then(|| {
        view! {
            <nav aria-label="Pagination" class="mt-10 flex justify-center">
                <ul class="flex flex-wrap items-center gap-2" role="list">
                    {(page > 1 && page <= total_pages)
                        .then(|| {
                            view! {
                                <li>
                                    <a href=href(page - 1) class=link_class rel="prev">
                                        "Previous"
                                    </a>
                                </li>
                            }
                        })}
                    {page_window(page, total_pages)
                        .into_iter()
                        .map(|slot| match slot {
                            Some(p) if p == page => {
                                view! {
                                    <li>
                                        <a
                                            href=href(p)
                                            aria-current="page"
                                            aria-label=format!("Page {p}")
                                            class="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white"
                                        >
                                            {p}
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                            Some(p) => {
                                view! {
                                    <li>
                                        <a href=href(p) aria-label=format!("Page {p}") class=link_class>
                                            {p}
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <li aria-hidden="true" class="px-1 text-slate-400">
                                        "…"
                                    </li>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()}
                    {(page < total_pages)
                        .then(|| {
                            view! {
                                <li>
                                    <a href=href(page + 1) class=link_class rel="next">
                                        "Next"
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn small_page_counts_show_every_page() {
        assert_eq!(page_window(1, 1), vec![Some(1)]);
        assert_eq!(page_window(2, 3), vec![Some(1), Some(2), Some(3)]);
        assert!(page_window(1, 0).is_empty());
    }

    #[test]
    fn large_page_counts_elide_the_middle() {
        assert_eq!(
            page_window(10, 20),
            vec![
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(20)
            ]
        );
        assert_eq!(
            page_window(1, 9),
            vec![Some(1), Some(2), Some(3), None, Some(9)]
        );
    }
}
