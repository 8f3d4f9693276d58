//! `/account/purchases`: every purchase with its date, course, amount, coupon, status and a
//! link to its receipt; and `/account/purchases/:id`: the receipt, which prints cleanly.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::payments::{get_receipt, list_purchases};
use crate::components::{CardTable, ErrorView};
use crate::format::{LocalTime, TimeStyle};
use crate::models::{format_price, PurchaseRow, Receipt};

fn status_label(status: &str) -> &'static str {
    match status {
        "refunded" => "Refunded",
        _ => "Paid",
    }
}

/// The signed-in learner's purchases; visitors are sent to sign in.
#[component]
pub fn PurchasesPage() -> impl IntoView {
    let purchases = Resource::new(|| (), |_| list_purchases());
    view! {
        <Title text="Purchases" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Purchases"</h1>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading your purchases…"</p> }>
                {move || Suspend::new(async move {
                    match purchases.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                                "You have not bought any course yet. "
                                <a href="/courses" class="font-medium text-indigo-700 underline">"Browse the catalogue"</a>
                            </p>
                        }.into_any(),
                        Ok(list) => view! { <PurchaseTable list /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn PurchaseTable(list: Vec<PurchaseRow>) -> impl IntoView {
    view! {
        <CardTable label="Your purchases">
            <caption class="sr-only">"Your purchases"</caption>
            <thead class="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                    <th scope="col" class="px-4 py-3">"Date"</th>
                    <th scope="col" class="px-4 py-3">"Course"</th>
                    <th scope="col" class="px-4 py-3">"Amount"</th>
                    <th scope="col" class="px-4 py-3">"Coupon"</th>
                    <th scope="col" class="px-4 py-3">"Status"</th>
                    <th scope="col" class="px-4 py-3">"Receipt"</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|p| {
                        let receipt = format!("/account/purchases/{}", p.id);
                        let course = format!("/courses/{}", p.course_slug);
                        view! {
                            <tr class="border-b border-slate-100 last:border-0">
                                <td class="px-4 py-3 whitespace-nowrap"><LocalTime at=p.paid_at.clone() style=TimeStyle::Date /></td>
                                <td class="px-4 py-3"><a href=course class="font-medium text-indigo-700 hover:underline">{p.course_title.clone()}</a></td>
                                <td class="px-4 py-3 whitespace-nowrap">{format_price(p.amount_cents, &p.currency)}</td>
                                <td class="px-4 py-3">{p.coupon_code.clone().unwrap_or_else(|| "—".to_owned())}</td>
                                <td class="px-4 py-3">{status_label(&p.status)}</td>
                                <td class="px-4 py-3 whitespace-nowrap">
                                    <a href=receipt class="text-indigo-700 underline">{format!("Receipt {}", p.number)}</a>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </CardTable>
    }
}

/// One purchase's receipt.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let receipt = Resource::new(
        move || {
            params.with(|p| {
                p.get("id")
                    .and_then(|id| id.parse::<i64>().ok())
                    .unwrap_or(0)
            })
        },
        get_receipt,
    );
    view! {
        <Title text="Receipt" />
        <div class="mx-auto max-w-2xl space-y-6 px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading the receipt…"</p> }>
                {move || Suspend::new(async move {
                    match receipt.await {
                        Ok(receipt) => view! { <ReceiptView receipt /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ReceiptView(receipt: Receipt) -> impl IntoView {
    let p = receipt.purchase;
    let amount = format_price(p.amount_cents, &p.currency);
    let refunded = p.refunded_at.clone();
    view! {
        <a href="/account/purchases" class="text-sm text-indigo-700 underline print:hidden">"← All purchases"</a>
        <article class="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:shadow-none">
            <header class="flex flex-wrap items-start justify-between gap-4">
                <div>
                    <h1 class="text-2xl font-bold">{format!("Receipt {}", p.number)}</h1>
                    <p class="text-slate-600">"Lectern"</p>
                </div>
                <p class="text-right text-sm text-slate-600">
                    "Paid " <LocalTime at=p.paid_at.clone() style=TimeStyle::Date />
                </p>
            </header>
            <dl class="grid gap-2 sm:grid-cols-[10rem_1fr]">
                <dt class="text-slate-600">"Billed to"</dt>
                <dd>{receipt.buyer_name} <span class="block text-sm text-slate-600">{receipt.buyer_email}</span></dd>
                <dt class="text-slate-600">"Course"</dt>
                <dd class="font-medium">{p.course_title.clone()}</dd>
                <dt class="text-slate-600">"Coupon"</dt>
                <dd>{p.coupon_code.clone().unwrap_or_else(|| "None".to_owned())}</dd>
                <dt class="text-slate-600">"Amount paid"</dt>
                <dd class="text-lg font-bold">{amount}</dd>
                <dt class="text-slate-600">"Status"</dt>
                <dd>
                    {status_label(&p.status)}
                    {refunded.map(|at| view! { " on " <LocalTime at style=TimeStyle::Date /> })}
                </dd>
                <dt class="text-slate-600">"Payment reference"</dt>
                <dd class="break-all font-mono text-sm">{receipt.payment_reference.unwrap_or_else(|| "—".to_owned())}</dd>
            </dl>
        </article>
        <button type="button" class="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-700 hover:bg-slate-50 print:hidden"
            on:click=|_| { let _ = window().print(); }>
            "Print"
        </button>
    }
}
