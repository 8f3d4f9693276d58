//! Whether the browser has finished hydrating the page it was sent.
//!
//! Pages hydrate once their code has arrived (crate::on_demand), which can take a moment after
//! the entry module runs. Until then the router already listens for clicks on links, but the
//! route is not ready to change: a link followed or a form sent in that moment would be lost.
//! The browser entry (the `frontend` crate) therefore lets links and forms work the plain HTML
//! way until [`mark_hydrated`] has been called, and the shell's `data-hydrated` flag waits for
//! it too.

use leptos::prelude::*;

thread_local! {
    static HYDRATED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether the whole page (shell and route) has hydrated; always false on the server.
pub fn is_hydrated() -> bool {
    HYDRATED.with(|flag| flag.get())
}

/// Called by the browser entry once hydration has finished.
pub fn mark_hydrated() {
    HYDRATED.with(|flag| flag.set(true));
}
