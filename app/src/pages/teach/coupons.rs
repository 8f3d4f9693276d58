//! `/teach/courses/:id/coupons`: a paid course's coupons with how often each was redeemed, a
//! form to create one, and ending one (two deliberate steps that work without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{BUTTON, BUTTON_LIGHT, CARD, INPUT};
use crate::api::payments::{list_coupons, CreateCoupon, EndCoupon};
use crate::components::{field_errors, BackLink, ErrorView, FormError};
use crate::error::FieldErrors;
use crate::format::LocalPrice;
use crate::models::{CouponList, CouponRow};

/// The coupons page (the course's instructor and admins).
#[component]
pub fn CouponsPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let create = ServerAction::<CreateCoupon>::new();
    let end = ServerAction::<EndCoupon>::new();
    let list = Resource::new(
        move || (id(), create.version().get(), end.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => list_coupons(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="p-10 text-slate-500">"Loading coupons…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <Coupons list create end /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Coupons(
    list: CouponList,
    create: ServerAction<CreateCoupon>,
    end: ServerAction<EndCoupon>,
) -> impl IntoView {
    let CouponList {
        course_id,
        course_title,
        price_cents,
        currency,
        coupons,
    } = list;
    let body = if price_cents == 0 {
        view! {
            <p class=CARD>
                "Coupons are for paid courses. Set a price in the "
                <a class="font-medium text-indigo-700 underline" href=format!("/teach/courses/{course_id}")>"course editor"</a>
                " first."
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="text-slate-700">"Price without a coupon: " <strong><LocalPrice cents=price_cents currency=currency.clone() /></strong></p>
            <NewCoupon course_id currency=currency.clone() create />
            <section aria-labelledby="coupon-list-title" class="space-y-3">
                <h2 id="coupon-list-title" class="text-xl font-semibold">"Your coupons"</h2>
                {if coupons.is_empty() {
                    view! { <p class="text-slate-600">"No coupons yet. Create one above to give learners a discount."</p> }.into_any()
                } else {
                    view! {
                        <ul class="space-y-3">
                            {coupons.into_iter().map(|c| view! { <CouponItem coupon=c currency=currency.clone() end /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
        .into_any()
    };
    view! {
        <Title text=format!("Coupons: {course_title}") />
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <BackLink href=format!("/teach/courses/{course_id}") label=course_title />
            <h1 class="text-3xl font-bold tracking-tight">"Coupons"</h1>
            {body}
        </div>
    }
}

/// One labelled input of the new-coupon form with its error.
fn input(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    hint: &'static str,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let id = format!("coupon-{name}");
    let described = format!("{id}-hint {id}-error");
    let message = move || errors.with(|e| e.get(name).cloned());
    view! {
        <div class="space-y-1">
            <label for=id.clone() class="block text-sm font-medium text-slate-700">{label}</label>
            <input id=id.clone() name=name type=kind class=INPUT aria-describedby=described
                aria-invalid=move || message().is_some().to_string() />
            <p id=format!("{id}-hint") class="text-xs text-slate-500">{hint}</p>
            <p id=format!("{id}-error") class="text-sm text-red-700">{message}</p>
        </div>
    }
}

#[component]
fn NewCoupon(
    course_id: i64,
    currency: String,
    create: ServerAction<CreateCoupon>,
) -> impl IntoView {
    let value = Signal::derive(move || create.value().get());
    let errors = field_errors(value);
    let kind_error = move || errors.with(|e| e.get("kind").cloned());
    let created = move || match value.get() {
        Some(Ok(row)) => Some(format!("Coupon {} created: {}.", row.code, row.discount)),
        _ => None,
    };
    view! {
        <section aria-labelledby="new-coupon-title" class=CARD>
            <h2 id="new-coupon-title" class="text-xl font-semibold">"New coupon"</h2>
            <ActionForm action=create attr:class="grid gap-4 sm:grid-cols-2">
                <input type="hidden" name="course_id" value=course_id />
                {input("code", "Code", "text", "3 to 32 letters, digits, - or _. Learners type it at checkout.", errors)}
                <div class="space-y-1">
                    <label for="coupon-kind" class="block text-sm font-medium text-slate-700">"Discount type"</label>
                    <select id="coupon-kind" name="kind" class=INPUT aria-describedby="coupon-kind-error">
                        <option value="percent">"Percent off"</option>
                        <option value="fixed">{format!("Amount off ({currency})")}</option>
                    </select>
                    <p id="coupon-kind-error" class="text-sm text-red-700">{kind_error}</p>
                </div>
                {input("amount", "Discount", "text", "20 for 20% off, or 5.00 for an amount off.", errors)}
                {input("last_day", "Last day (optional)", "date", "Usable through this day (UTC). Empty: no expiry.", errors)}
                {input("max_redemptions", "Maximum redemptions (optional)", "number", "How many purchases may use it. Empty: no limit.", errors)}
                <div class="space-y-2 sm:col-span-2">
                    <button type="submit" class=BUTTON disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create coupon" }}
                    </button>
                    <p role="status" class="text-sm font-medium text-emerald-700">{created}</p>
                    <FormError value />
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn CouponItem(coupon: CouponRow, currency: String, end: ServerAction<EndCoupon>) -> impl IntoView {
    let redeemed = match coupon.max_redemptions {
        Some(max) => format!("Redeemed {} of {max}", coupon.redemptions),
        None => format!("Redeemed {} (no limit)", coupon.redemptions),
    };
    let last_day = coupon
        .last_day
        .clone()
        .map_or_else(|| "No expiry".to_owned(), |d| format!("Last day {d}"));
    let badge = match coupon.status.as_str() {
        "Active" => "bg-emerald-100 text-emerald-800",
        _ => "bg-slate-200 text-slate-700",
    };
    let can_end = coupon.status != "Expired";
    let code = coupon.code.clone();
    view! {
        <li class="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div class="flex flex-wrap items-center gap-2">
                <h3 class="break-all font-mono text-lg font-semibold">{coupon.code.clone()}</h3>
                <span class=format!("rounded-full px-2 py-0.5 text-xs font-medium {badge}")>{coupon.status.clone()}</span>
            </div>
            <p class="text-sm text-slate-700">
                {coupon.discount.clone()} " · price with it: "
                <LocalPrice cents=coupon.price_with_coupon_cents currency />
            </p>
            <p class="text-sm text-slate-600">{redeemed} " · " {last_day}</p>
            {can_end.then(|| view! {
                <details class="text-sm">
                    <summary class="cursor-pointer font-medium text-red-700">"End…"</summary>
                    <ActionForm action=end attr:class="mt-2 space-y-2">
                        <input type="hidden" name="coupon_id" value=coupon.id />
                        <p class="text-slate-600">"Learners can no longer use it. Purchases already made with it stay."</p>
                        <button type="submit" class=BUTTON_LIGHT>{format!("End coupon {code} now")}</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}
