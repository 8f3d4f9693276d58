//! A box that lets a wide table scroll sideways on its own, so it never widens the page.

use leptos::prelude::*;

/// Wraps a table so that, on a narrow screen, it scrolls inside this box instead of pushing
/// the whole page sideways. The box is a named region and keyboard-focusable, so people who do
/// not use a mouse can scroll it too.
#[component]
pub fn TableScroll(
    /// What the table shows, e.g. "Your courses" (names the scrolling region).
    label: &'static str,
    /// Extra classes for the box (a border, rounded corners, a shadow).
    #[prop(optional)]
    class: &'static str,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("table-scroll {class}") role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}

/// A full-width table in a white card that scrolls sideways on its own, as the teaching pages
/// list things.
#[component]
pub fn CardTable(
    /// What the table shows (names the scrolling region).
    label: &'static str,
    /// The table's test id, if tests look for it.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The caption, head and body.
    children: Children,
) -> impl IntoView {
    view! {
        <TableScroll label class="rounded-xl border border-slate-200 bg-white shadow-sm">
            <table class="w-full text-left text-sm" data-testid=testid>
                {children()}
            </table>
        </TableScroll>
    }
}
