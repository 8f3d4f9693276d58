//! Browser entry point: hydrates the server-rendered page and nothing else.

// Leptos view types nest deeply; the default limit is too low for the page types.
#![recursion_limit = "256"]

mod failure;

/// Called by the generated JS loader once the WASM module is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    failure::install_panic_hook();
    // Lazy: each route's code is its own WASM chunk (see app/src/routes.rs), loaded before the
    // page it belongs to hydrates.
    leptos::mount::hydrate_lazy(app::App);
}
