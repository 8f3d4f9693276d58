//! Browser entry point: hydrates the server-rendered page and nothing else.

// Leptos view types nest deeply; the default limit is too low for the page types.
#![recursion_limit = "256"]

use wasm_bindgen::{closure::Closure, JsCast};

/// Called by the generated JS loader once the WASM module is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    plain_html_until_hydrated();
    // As `leptos::mount::hydrate_lazy` does (some pages hydrate once their code has arrived,
    // app::on_demand), and then says the page is ready (app::hydration).
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let page = leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App).await;
        page.forget();
        app::hydration::mark_hydrated();
    });
}

/// Until the page has hydrated, links and forms work the plain HTML way: the router already
/// catches clicks on links, but the route cannot change before its own code has hydrated, so a
/// link followed or a form sent then would be lost. A listener that runs before all others
/// (capture phase, on the window) keeps those events from the app's handlers meanwhile; the
/// browser then follows the link or sends the form itself, as it does without JavaScript.
fn plain_html_until_hydrated() {
    let window = leptos::prelude::window();
    for event in ["click", "submit"] {
        let keep_plain = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            if app::hydration::is_hydrated() {
                return;
            }
            let on_link = ev
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten())
                .is_some();
            if event == "submit" || on_link {
                ev.stop_immediate_propagation();
            }
        });
        // Only fails for a listener that is not a function, which this one is.
        _ = window.add_event_listener_with_callback_and_bool(
            event,
            keep_plain.as_ref().unchecked_ref(),
            true,
        );
        // Lives as long as the page.
        keep_plain.forget();
    }
}
