//! `/admin/reviews`: reported reviews, the most reported first, each with its reports' reasons,
//! "Hide…" (a reason its author will read; the review leaves the rating at once) and "Dismiss
//! reports" (it stays). Admins only; every control is a form that works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::reviews::{list_reported_reviews, DismissReports, HideReview};
use crate::components::{ErrorView, FormError};
use crate::models::ReportedReview;

/// The moderation queue.
#[component]
pub fn AdminReviewsPage() -> impl IntoView {
    let hide = ServerAction::<HideReview>::new();
    let dismiss = ServerAction::<DismissReports>::new();
    let queue = Resource::new(
        move || (hide.version().get(), dismiss.version().get()),
        |_| list_reported_reviews(),
    );
    view! {
        <Title text="Reported reviews" />
        <div class="mx-auto max-w-4xl space-y-6 px-4 py-10">
            <div class="flex flex-wrap items-end justify-between gap-2">
                <h1 class="text-3xl font-bold tracking-tight">"Reported reviews"</h1>
                <a href="/admin/users" class="font-medium text-indigo-700 hover:underline">"Users"</a>
            </div>
            <FormError value=Signal::derive(move || hide.value().get()) />
            <Transition fallback=|| view! { <p class="text-slate-500">"Loading reports…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(items) if items.is_empty() => view! { <p class="text-slate-600">"No reported reviews. Reports from learners appear here."</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="space-y-4">
                                {items.into_iter().map(|item| view! { <Reported item hide dismiss /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Reported(
    item: ReportedReview,
    hide: ServerAction<HideReview>,
    dismiss: ServerAction<DismissReports>,
) -> impl IntoView {
    let id = item.review_id;
    let reason_id = format!("hide-reason-{id}");
    view! {
        <li class="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <p class="text-sm text-slate-600">
                <a class="font-medium text-indigo-700 underline" href=format!("/courses/{}#reviews-title", item.course_slug)>{item.course_title.clone()}</a>
                {format!(" · {} · {} of 5 stars", item.author, item.rating)}
            </p>
            <p class="whitespace-pre-line break-words">{item.body.clone().unwrap_or_else(|| "(no text)".to_owned())}</p>
            <div>
                <p class="text-sm font-medium">{format!("Reports ({})", item.reasons.len())}</p>
                <ul class="list-disc pl-5 text-sm text-slate-700">
                    {item.reasons.into_iter().map(|r| view! { <li class="break-words">{r}</li> }).collect_view()}
                </ul>
            </div>
            <div class="flex flex-wrap items-start gap-4">
                <details>
                    <summary class="cursor-pointer font-medium text-red-700">"Hide…"</summary>
                    <ActionForm action=hide attr:class="mt-2 space-y-2">
                        <input type="hidden" name="review_id" value=id />
                        <label for=reason_id.clone() class="block text-sm font-medium">"Reason (its author will read this)"</label>
                        <input id=reason_id name="reason" required minlength="3" maxlength="500" class="w-full rounded-lg border border-slate-300 px-3 py-2" />
                        <button type="submit" class="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800">"Hide review"</button>
                    </ActionForm>
                </details>
                <ActionForm action=dismiss>
                    <input type="hidden" name="review_id" value=id />
                    <button type="submit" class="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">"Dismiss reports"</button>
                </ActionForm>
            </div>
        </li>
    }
}
