//! Browser entry point: hydrates the server-rendered page and nothing else.

// Leptos view types nest deeply; the default limit is too low for the page types.
#![recursion_limit = "256"]

/// Called by the generated JS loader once the WASM module is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `hydrate_lazy`: some pages hydrate once their code has arrived (app::on_demand).
    leptos::mount::hydrate_lazy(app::App);
}
