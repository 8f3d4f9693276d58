//! `/checkout/success?session_id=…`: waits, with a clear state, until the purchase is
//! fulfilled (the server asks the payment provider itself, so a slow webhook never strands a
//! learner who has paid), then opens the first lesson. Without JavaScript the page reloads
//! itself every five seconds while it waits.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::payments::confirm_checkout;
use crate::components::ErrorView;
use crate::models::{CheckoutState, CheckoutStatus};

/// How long the page waits before asking again.
const POLL_MS: u64 = 2_000;

/// The checkout success page.
#[component]
pub fn CheckoutSuccessPage() -> impl IntoView {
    let query = use_query_map();
    let status = Resource::new(
        move || query.with(|q| q.get("session_id").unwrap_or_default()),
        confirm_checkout,
    );
    let navigate = use_navigate();
    Effect::new(move |_| match status.get() {
        Some(Ok(CheckoutStatus {
            state: CheckoutState::Pending,
            ..
        })) => {
            set_timeout(
                move || status.refetch(),
                std::time::Duration::from_millis(POLL_MS),
            );
        }
        Some(Ok(CheckoutStatus {
            state: CheckoutState::Paid {
                lesson_href: Some(href),
            },
            ..
        })) => navigate(&href, Default::default()),
        _ => {}
    });
    view! {
        <Title text="Payment" />
        <div class="mx-auto max-w-lg space-y-4 px-4 py-10">
            <Suspense fallback=|| view! {
                <h1 class="text-3xl font-bold tracking-tight">"Confirming your payment…"</h1>
            }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(status) => view! { <Status status /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Status(status: CheckoutStatus) -> impl IntoView {
    let course = format!("/courses/{}", status.course_slug);
    match status.state {
        CheckoutState::Pending => view! {
            // Without JavaScript the page reloads itself; with it, the page asks every 2 s
            // (inside <noscript>, the refresh is inert when scripts run; set as inner HTML so
            // hydration never looks inside it).
            <noscript inner_html=r#"<meta http-equiv="refresh" content="5">"#></noscript>
            <h1 class="text-3xl font-bold tracking-tight">"Confirming your payment…"</h1>
            <p role="status" class="text-slate-700">
                "We are waiting for the payment provider to confirm your purchase of "
                <strong>{status.course_title}</strong>
                ". This page updates by itself; it usually takes a few seconds."
            </p>
        }
        .into_any(),
        CheckoutState::Paid { lesson_href } => {
            let start = lesson_href.unwrap_or_else(|| course.clone());
            view! {
                <h1 class="text-3xl font-bold tracking-tight">"Payment received"</h1>
                <p role="status" class="text-slate-700">
                    "You are enrolled in " <strong>{status.course_title}</strong> "."
                </p>
                <div class="flex flex-wrap gap-3">
                    <a href=start class="rounded-lg bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700">"Start learning"</a>
                    <a href="/account/purchases" class="rounded-lg border border-slate-300 px-4 py-2.5 font-medium text-slate-700 hover:bg-slate-50">"Your purchases and receipts"</a>
                </div>
            }
            .into_any()
        }
        CheckoutState::Refunded => view! {
            <h1 class="text-3xl font-bold tracking-tight">"This payment was refunded"</h1>
            <p class="text-slate-700">
                "Your purchase of " <strong>{status.course_title}</strong>
                " was refunded, so the course's lessons are closed to you. Your progress is kept if you buy it again."
            </p>
            <a href=course class="inline-block rounded-lg bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700">"Back to the course"</a>
        }
        .into_any(),
    }
}
