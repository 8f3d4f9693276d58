//! "Buy now" on a paid course: an optional coupon code, then a form that starts a checkout
//! and sends the browser to pay. Both are real forms: without JavaScript the coupon form
//! reloads the course page with `?coupon=` and the Buy now post is redirected by the server
//! to the payment page.

use leptos::prelude::*;
use leptos_router::components::Form;

use super::auth::{FormError, SubmitButton};
use crate::api::payments::StartCheckout;
use crate::error::AppError;
use crate::models::CouponPreview;

/// The coupon a page was opened with (`?coupon=`) and what the server said about it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CouponState {
    /// The code as typed (empty: none).
    pub code: String,
    /// The price with it, or why it cannot be used; `None` when no code was given.
    pub preview: Option<Result<CouponPreview, AppError>>,
}

impl CouponState {
    /// The applied coupon, when the code was accepted.
    pub fn applied(&self) -> Option<&CouponPreview> {
        self.preview.as_ref().and_then(|p| p.as_ref().ok())
    }

    /// Why the code cannot be used, when it was refused.
    pub fn refusal(&self) -> Option<String> {
        match &self.preview {
            Some(Err(AppError::Validation(fields))) => fields.values().next().cloned(),
            Some(Err(other)) => Some(other.to_string()),
            _ => None,
        }
    }
}

/// The coupon field and the Buy now form for the paid course `slug`.
#[component]
pub fn BuyButton(slug: String, #[prop(optional)] coupon: CouponState) -> impl IntoView {
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
    // A coupon refused when paying (used up meanwhile) is shown by the coupon field.
    let refusal = coupon.refusal();
    let pay_refusal = move || match value.get() {
        Some(Err(AppError::Validation(fields))) => fields.get("coupon").cloned(),
        _ => None,
    };
    let coupon_error = Signal::derive(move || pay_refusal().or_else(|| refusal.clone()));
    let applied = coupon.applied().map(|p| p.code.clone());
    let invalid = move || coupon_error.with(Option::is_some).to_string();
    view! {
        <div class="space-y-3">
            <Form method="GET" action=format!("/courses/{slug}") attr:class="space-y-1">
                <label for="coupon-code" class="block text-sm font-medium text-slate-700">"Coupon code"</label>
                <div class="flex gap-2">
                    <input id="coupon-code" name="coupon" value=coupon.code.clone() autocomplete="off"
                        maxlength="40" aria-invalid=invalid aria-describedby="coupon-code-error"
                        class="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 uppercase text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-500" />
                    <button type="submit" class="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">"Apply"</button>
                </div>
                <p id="coupon-code-error" class="text-sm font-medium text-red-700">{coupon_error}</p>
            </Form>
            <ActionForm action attr:class="space-y-2">
                <input type="hidden" name="slug" value=slug />
                {applied.map(|code| view! { <input type="hidden" name="coupon" value=code /> })}
                <SubmitButton pending=action.pending() idle="Buy now" busy="Opening checkout…" />
                <Show when=needs_sign_in fallback=move || view! { <FormError value /> }>
                    <p role="alert" class="text-sm font-medium text-red-700">
                        "Sign in to buy this course. "
                        <a href=sign_in.clone() class="underline">"Sign in"</a>
                    </p>
                </Show>
            </ActionForm>
        </div>
    }
}
