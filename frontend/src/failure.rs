//! What a visitor sees when the page's code stops: a panic (a page's chunk that would not load
//! after its retry, or a bug) leaves the server-rendered page in place but no longer
//! interactive, so a notice says so and offers a reload, instead of failing silently.

/// Id of the notice, so a second panic does not add a second one.
const NOTICE_ID: &str = "page-failed";

/// Logs panics to the console (with the Rust message) and shows the reload notice.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_reload_notice();
    }));
}

/// Adds the notice at the bottom of the page: plain HTML whose link works without the WASM.
fn show_reload_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let (Some(body), Ok(notice)) = (document.body(), document.create_element("div")) else {
        return;
    };
    notice.set_id(NOTICE_ID);
    _ = notice.set_attribute("role", "alert");
    _ = notice.set_attribute(
        "class",
        "fixed inset-x-0 bottom-0 z-50 border-t border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 shadow-lg",
    );
    // `rel="external"` keeps the router out: the link is an ordinary full reload.
    notice.set_inner_html(
        "This page stopped responding: part of it could not be loaded. \
         <a href=\"\" rel=\"external\" class=\"font-semibold underline\">Reload the page</a> \
         to continue; nothing you saved is lost.",
    );
    _ = body.append_child(&notice);
}
