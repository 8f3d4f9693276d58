//! "Buy now" on a paid course: a form that starts a checkout and sends the browser to pay.
//! Without JavaScript the form posts and the server redirects to the payment page.

use leptos::prelude::*;

use super::auth::{FormError, SubmitButton};
use crate::api::payments::StartCheckout;
use crate::error::AppError;

/// The Buy now form for the paid course `slug`.
#[component]
pub fn BuyButton(slug: String) -> impl IntoView {
    let action = ServerAction::<StartCheckout>::new();
    let value = Signal::derive(move || action.value().get());
    Effect::new(move |_| {
        if let Some(Ok(start)) = value.get() {
            // The payment page is on another site (Stripe) or a full page (the demo checkout).
            let _ = window().location().set_href(&start.url);
        }
    });
    let sign_in = crate::next_path::sign_in_href(&format!("/courses/{slug}"));
    let needs_sign_in = move || matches!(value.get(), Some(Err(AppError::Unauthorized)));
    view! {
        <ActionForm action attr:class="space-y-2">
            <input type="hidden" name="slug" value=slug />
            <SubmitButton pending=action.pending() idle="Buy now" busy="Opening checkout…" />
            <Show when=needs_sign_in fallback=move || view! { <FormError value /> }>
                <p role="alert" class="text-sm font-medium text-red-700">
                    "Sign in to buy this course. "
                    <a href=sign_in.clone() class="underline">"Sign in"</a>
                </p>
            </Show>
        </ActionForm>
    }
}
