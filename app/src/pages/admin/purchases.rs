//! `/admin/purchases`: every purchase (newest first, 50 a page) with its buyer and status, a
//! refund form on each paid one, and the disputes Stripe reported. Admins only.
//!
//! Refunding is two deliberate steps that work without JavaScript: open "Refund…" on the row,
//! give a reason, and press the button that names the amount and the buyer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::payments::{list_all_purchases, RefundPurchase};
use crate::components::{CardTable, ErrorView};
use crate::error::AppError;
use crate::format::{count, LocalTime, TimeStyle};
use crate::models::{format_price, AdminPurchasePage, AdminPurchaseRow, DisputeRow};

/// The purchases list.
#[component]
pub fn AdminPurchasesPage() -> impl IntoView {
    let query = use_query_map();
    let refund = ServerAction::<RefundPurchase>::new();
    let list = Resource::new(
        move || {
            (
                query.with(|q| q.get("page").and_then(|p| p.parse::<u64>().ok())),
                refund.version().get(),
            )
        },
        |(page, _)| list_all_purchases(page),
    );
    view! {
        <Title text="Purchases" />
        <div class="mx-auto max-w-6xl space-y-6 px-4 py-10">
            <div class="flex flex-wrap items-end justify-between gap-2">
                <h1 class="text-3xl font-bold tracking-tight">"Purchases"</h1>
                <a href="/admin/users" class="font-medium text-indigo-700 hover:underline">"Users"</a>
            </div>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading purchases…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(page) => view! { <Listing page refund /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Listing(page: AdminPurchasePage, refund: ServerAction<RefundPurchase>) -> impl IntoView {
    let value = Signal::derive(move || refund.value().get());
    let AdminPurchasePage {
        items,
        page,
        total_pages,
        total,
        disputes,
    } = page;
    let body = if items.is_empty() {
        view! {
            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                "No purchases yet."
            </p>
        }
        .into_any()
    } else {
        view! {
            <CardTable label="Purchases">
                <thead class="border-b border-slate-200 text-xs uppercase text-slate-500">
                    <tr>
                        <th scope="col" class="px-4 py-3">"Date"</th>
                        <th scope="col" class="px-4 py-3">"Buyer"</th>
                        <th scope="col" class="px-4 py-3">"Course"</th>
                        <th scope="col" class="px-4 py-3">"Amount"</th>
                        <th scope="col" class="px-4 py-3">"Status"</th>
                        <th scope="col" class="px-4 py-3">"Refund"</th>
                    </tr>
                </thead>
                <tbody>
                    {items.into_iter().map(|row| view! { <PurchaseLine row refund /> }).collect_view()}
                </tbody>
            </CardTable>
        }
        .into_any()
    };
    let message = move || match value.get() {
        Some(Err(AppError::Validation(fields))) => {
            Some(fields.into_values().collect::<Vec<_>>().join(" "))
        }
        Some(Err(other)) => Some(other.to_string()),
        Some(Ok(())) => None,
        None => None,
    };
    view! {
        <p role="alert" class="min-h-5 text-sm font-medium text-red-700">{message}</p>
        <p role="status" class="text-sm text-slate-600">{count(total, "purchase", "purchases")}</p>
        {body}
        {(total_pages > 1).then(|| view! {
            <nav aria-label="Pagination" class="flex items-center justify-between text-sm">
                {(page > 1).then(|| view! { <a href=format!("/admin/purchases?page={}", page - 1) rel="prev" class="text-indigo-700 underline">"Previous"</a> })}
                <span>{format!("Page {page} of {total_pages}")}</span>
                {(page < total_pages).then(|| view! { <a href=format!("/admin/purchases?page={}", page + 1) rel="next" class="text-indigo-700 underline">"Next"</a> })}
            </nav>
        })}
        <Disputes disputes />
    }
}

#[component]
fn PurchaseLine(row: AdminPurchaseRow, refund: ServerAction<RefundPurchase>) -> impl IntoView {
    let p = row.purchase;
    let amount = format_price(p.amount_cents, &p.currency);
    let refunded = p.status == "refunded";
    let reason_id = format!("refund-reason-{}", p.id);
    let status = match (refunded, row.disputed) {
        (true, _) => format!(
            "Refunded{}",
            row.refund_reason
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ),
        (false, true) => "Paid · disputed".to_owned(),
        (false, false) => "Paid".to_owned(),
    };
    let action = (!refunded).then(|| {
        let label = format!("Refund {amount} to {}", row.buyer_name);
        view! {
            <details class="group">
                <summary class="cursor-pointer text-red-700 underline">"Refund…"</summary>
                <ActionForm action=refund attr:class="mt-2 w-56 space-y-2">
                    <input type="hidden" name="id" value=p.id.to_string() />
                    <label for=reason_id.clone() class="block text-xs font-medium text-slate-700">"Reason (the buyer loses access to the course)"</label>
                    <input id=reason_id.clone() name="reason" required maxlength="200"
                        class="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
                    <button type="submit" class="w-full rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
                        disabled=move || refund.pending().get()>
                        {label}
                    </button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <tr class="border-b border-slate-100 align-top last:border-0">
            <td class="px-4 py-3 whitespace-nowrap"><LocalTime at=p.paid_at.clone() style=TimeStyle::Date /></td>
            <td class="px-4 py-3">{row.buyer_name.clone()} <span class="block text-xs text-slate-500">{row.buyer_email}</span></td>
            <td class="px-4 py-3">{p.course_title.clone()}</td>
            <td class="px-4 py-3 whitespace-nowrap">{amount.clone()}</td>
            <td class="px-4 py-3">{status}</td>
            <td class="px-4 py-3">{action}</td>
        </tr>
    }
}

#[component]
fn Disputes(disputes: Vec<DisputeRow>) -> impl IntoView {
    view! {
        <section aria-labelledby="disputes-title" class="space-y-2">
            <h2 id="disputes-title" class="text-xl font-semibold">"Disputes"</h2>
            {if disputes.is_empty() {
                view! { <p class="text-sm text-slate-600">"No disputed payments."</p> }.into_any()
            } else {
                view! {
                    <p class="text-sm text-slate-600">"Answer disputes in the Stripe dashboard before their deadline."</p>
                    <ul class="space-y-2" role="list">
                        {disputes.into_iter().map(|d| view! {
                            <li class="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
                                <strong>{format_price(d.amount_cents, &d.currency)}</strong>
                                {format!(" · {} · {} · {}", d.reason, d.status, d.dispute_id)}
                                {d.purchase_id.map(|id| format!(" · purchase {}", crate::models::receipt_number(id)))}
                                " · " <LocalTime at=d.created_at style=TimeStyle::Date />
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
