//! `/checkout/demo/:id`: the local demo checkout (no Stripe keys, demo on). It says plainly that
//! no card is charged; Pay produces a signed event that goes through the webhook's checks.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::payments::{get_demo_checkout, PayDemoCheckout};
use crate::components::{ErrorView, FormError, SubmitButton};
use crate::models::{format_price, DemoCheckout};

/// The demo checkout page for the signed-in learner's session.
#[component]
pub fn DemoCheckoutPage() -> impl IntoView {
    let params = use_params_map();
    let checkout = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        get_demo_checkout,
    );
    view! {
        <Title text="Demo checkout" />
        <div class="mx-auto max-w-lg space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Demo checkout"</h1>
            <p class="rounded-lg border border-amber-300 bg-amber-50 p-4 font-medium text-amber-900" role="note">
                "Demo payment: no card is charged. This site runs without a payment provider, so \
                 this page stands in for Stripe's checkout."
            </p>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading your checkout…"</p> }>
                {move || Suspend::new(async move {
                    match checkout.await {
                        Ok(checkout) => view! { <DemoForm checkout /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn DemoForm(checkout: DemoCheckout) -> impl IntoView {
    let action = ServerAction::<PayDemoCheckout>::new();
    let value = Signal::derive(move || action.value().get());
    Effect::new(move |_| {
        if let Some(Ok(next)) = value.get() {
            let _ = window().location().set_href(&next);
        }
    });
    let price = format_price(checkout.amount_cents, &checkout.currency);
    let cancel = format!("/checkout/cancel?course={}", checkout.course_slug);
    let success = format!("/checkout/success?session_id={}", checkout.session_id);
    view! {
        <section aria-labelledby="order-title" class="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 id="order-title" class="text-lg font-semibold">"Your order"</h2>
            <dl class="space-y-1">
                <div class="flex justify-between gap-4">
                    <dt class="text-slate-600">"Course"</dt>
                    <dd class="text-right font-medium">{checkout.course_title.clone()}</dd>
                </div>
                <div class="flex justify-between gap-4">
                    <dt class="text-slate-600">"Total"</dt>
                    <dd class="text-right text-xl font-bold">{price.clone()}</dd>
                </div>
            </dl>
            {if checkout.paid {
                view! {
                    <p class="font-medium text-emerald-700">"This checkout is already paid."</p>
                    <a href=success class="block rounded-lg bg-indigo-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-indigo-700">"Go to your course"</a>
                }
                .into_any()
            } else {
                view! {
                    <ActionForm action attr:class="space-y-2">
                        <input type="hidden" name="session_id" value=checkout.session_id.clone() />
                        <SubmitButton pending=action.pending() idle="Pay (demo)" busy="Paying…" />
                        <FormError value />
                    </ActionForm>
                    <a href=cancel class="block text-center text-sm text-slate-600 underline">"Cancel and go back"</a>
                }
                .into_any()
            }}
        </section>
    }
}
