//! The reviews part of a course page: the rating summary with its 5-to-1 histogram, the
//! viewer's own review (write, edit, delete), and the reviews newest or most helpful first, ten
//! a page, each with "Helpful" and "Report". Every control is a form, so the section works
//! without JavaScript; links carry the order and page (`?reviews=helpful&rpage=2`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::review_form::{OwnReview, ReviewActions};
use crate::api::reviews::{get_reviews, MarkHelpful, ReplyToReview, ReportReview};
use crate::format::{count, LocalTime, TimeStyle};
use crate::models::{RatingSummary, ReviewPage, ReviewRow, SORT_HELPFUL, SORT_NEWEST};

/// "★★★★☆" for `rating` (hidden from screen readers, which get `label` instead).
fn stars(rating: u8) -> String {
    (1..=5u8)
        .map(|i| if i <= rating { '★' } else { '☆' })
        .collect()
}

/// The reviews section of course `slug` (read from the route by the caller, before anything
/// is awaited).
#[component]
pub fn CourseReviews(#[prop(into)] slug: Signal<String>) -> impl IntoView {
    let query = use_query_map();
    let sort = move || query.with(|q| q.get("reviews").unwrap_or_default());
    let page = move || query.with(|q| q.get("rpage").and_then(|p| p.parse::<u64>().ok()));
    let actions = ReviewActions::new();
    let helpful = ServerAction::<MarkHelpful>::new();
    let report = ServerAction::<ReportReview>::new();
    let data = Resource::new(
        move || {
            (
                slug.get(),
                sort(),
                page(),
                actions.version(),
                helpful.version().get(),
                report.version().get(),
            )
        },
        |(slug, sort, page, ..)| get_reviews(slug, Some(sort), page),
    );
    view! {
        <Transition fallback=|| view! { <p class="mx-auto max-w-6xl px-4 text-slate-500">"Loading reviews…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(reviews) => view! { <Reviews reviews actions helpful report /> }.into_any(),
                    // An unknown course already shows its own error above.
                    Err(_) => ().into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Reviews(
    reviews: ReviewPage,
    actions: ReviewActions,
    helpful: ServerAction<MarkHelpful>,
    report: ServerAction<ReportReview>,
) -> impl IntoView {
    let ReviewPage {
        course_slug,
        json_ld,
        summary,
        items,
        page,
        total_pages,
        sort,
        mine,
        eligibility,
    } = reviews;
    let signed_in = eligibility != crate::models::ReviewEligibility::SignIn;
    let base = format!("/courses/{course_slug}");
    let link = {
        let base = base.clone();
        move |sort: &str, page: u64| {
            let mut href = format!("{base}?reviews={sort}");
            if page > 1 {
                href.push_str(&format!("&rpage={page}"));
            }
            href.push_str("#reviews-title");
            href
        }
    };
    let order = [(SORT_NEWEST, "Newest"), (SORT_HELPFUL, "Most helpful")];
    let notice = move || {
        if let Some(Err(e)) = actions.reply.value().get() {
            return Some(format!("Your reply was not saved: {e}"));
        }
        match (report.value().get(), helpful.value().get()) {
            (Some(Err(e)), _) | (_, Some(Err(e))) => Some(e.to_string()),
            (Some(Ok(())), _) => {
                Some("Report sent: a moderator will look at this review.".to_owned())
            }
            _ => None,
        }
    };
    let list = if items.is_empty() {
        view! { <p class="text-slate-600">"No reviews yet. Learners who take the course can review it."</p> }.into_any()
    } else {
        view! {
            <ul class="divide-y divide-slate-200">
                {items.into_iter().map(|r| view! { <li class="py-5"><Review review=r signed_in helpful report reply=actions.reply /></li> }).collect_view()}
            </ul>
        }.into_any()
    };
    let pages = crate::pages::teach::page_links(page, total_pages, {
        let link = link.clone();
        let sort = sort.clone();
        move |p| link(&sort, p)
    });
    view! {
        <script type="application/ld+json" inner_html=json_ld></script>
        <section aria-labelledby="reviews-title" class="mx-auto max-w-6xl space-y-6 px-4 pb-12">
            <h2 id="reviews-title" class="text-2xl font-bold">"Reviews"</h2>
            <Summary summary />
            <OwnReview slug=course_slug mine eligibility actions />
            <p role="status" class="text-sm font-medium text-slate-700">{notice}</p>
            <nav aria-label="Order of reviews" class="flex flex-wrap gap-2 text-sm">
                {order.into_iter().map(|(key, label)| {
                    let current = sort == key;
                    view! {
                        <a href=link(key, 1) aria-current=current.then_some("true")
                            class=if current { "rounded-full bg-slate-900 px-3 py-1 font-medium text-white" } else { "rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50" }>
                            {label}
                        </a>
                    }
                }).collect_view()}
            </nav>
            {list}
            {pages}
        </section>
    }
}

#[component]
fn Summary(summary: RatingSummary) -> impl IntoView {
    if summary.count == 0 {
        return view! { <p class="text-slate-600">"This course has no ratings yet."</p> }
            .into_any();
    }
    let rounded = summary.average.round().clamp(0.0, 5.0) as u8;
    view! {
        <div class="grid gap-6 sm:grid-cols-[12rem_1fr]">
            <p class="space-y-1">
                <span class="block text-5xl font-bold">{summary.average_text()}</span>
                <span aria-hidden="true" class="block text-xl text-amber-500">{stars(rounded)}</span>
                <span class="block text-sm text-slate-600">
                    <span class="sr-only">{format!("Average rating {} out of 5 from ", summary.average_text())}</span>
                    {count(summary.count, "rating", "ratings")}
                </span>
            </p>
            <ul aria-label="Ratings by stars" class="space-y-1 text-sm">
                {summary.histogram.into_iter().map(|s| view! {
                    <li class="flex items-center gap-2">
                        <span class="w-14 shrink-0">{count(s.stars, "star", "stars")}</span>
                        <span aria-hidden="true" class="h-2 min-w-0 flex-1 rounded bg-slate-200">
                            <span class="block h-2 rounded bg-amber-500" style=format!("width: {}%", s.percent)></span>
                        </span>
                        <span class="w-10 shrink-0 text-right">{format!("{}%", s.percent)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// One review: who, stars, how far through they were, the text, the reply, and actions.
#[component]
pub(super) fn Review(
    review: ReviewRow,
    signed_in: bool,
    helpful: ServerAction<MarkHelpful>,
    report: ServerAction<ReportReview>,
    reply: ServerAction<ReplyToReview>,
) -> impl IntoView {
    let reply_form = review.can_reply.then(|| {
        let label = if review.reply.is_some() { "Edit your reply" } else { "Reply" };
        let current = review.reply.as_ref().map(|r| r.body.clone()).unwrap_or_default();
        let field = format!("reply-{}", review.id);
        view! {
            <details class="text-sm">
                <summary class="cursor-pointer font-medium text-indigo-700">{label}</summary>
                <ActionForm action=reply attr:class="mt-2 space-y-2">
                    <input type="hidden" name="review_id" value=review.id />
                    <label for=field.clone() class="block font-medium text-slate-700">"Your reply"</label>
                    <textarea id=field name="text" rows="3" required maxlength="5000" class="w-full rounded-lg border border-slate-300 px-3 py-2">{current}</textarea>
                    <button type="submit" class="rounded-lg bg-indigo-600 px-3 py-1.5 font-semibold text-white hover:bg-indigo-700">"Post reply"</button>
                </ActionForm>
            </details>
        }
    });
    let votes = match review.helpful_count {
        0 => None,
        1 => Some("1 person found this helpful".to_owned()),
        n => Some(format!("{n} people found this helpful")),
    };
    let can_act = signed_in && !review.mine;
    let id = review.id;
    view! {
        <article id=format!("review-{id}") class="scroll-mt-20 space-y-2" aria-label=format!("Review by {}", review.author)>
            <div class="flex flex-wrap items-center gap-x-3 gap-y-1">
                <strong>{review.author.clone()}</strong>
                <span class="text-amber-500" aria-hidden="true">{stars(review.rating)}</span>
                <span class="sr-only">{format!("Rated {} out of 5", review.rating)}</span>
                <span class="text-sm text-slate-600"><LocalTime at=review.created_at.clone() style=TimeStyle::Date /></span>
                {review.edited.then(|| view! { <span class="text-sm text-slate-500">"(edited)"</span> })}
            </div>
            <p class="text-sm text-slate-600">
                {review.progress.clone()}
                {review.former_learner.then(|| view! { " · " <span class="font-medium">"Former learner"</span> })}
            </p>
            {review.body.clone().map(|body| view! { <p class="whitespace-pre-line break-words">{body}</p> })}
            {review.reply.clone().map(|reply| view! {
                <div class="ml-4 border-l-4 border-indigo-200 pl-3">
                    <p class="text-sm font-semibold">"Reply from the instructor" {reply.edited.then_some(" (edited)")}</p>
                    <p class="whitespace-pre-line break-words text-sm">{reply.body}</p>
                </div>
            })}
            <div class="flex flex-wrap items-center gap-3 text-sm">
                {votes.map(|v| view! { <span class="text-slate-600">{v}</span> })}
                {(can_act && !review.voted).then(|| view! {
                    <ActionForm action=helpful>
                        <input type="hidden" name="review_id" value=id />
                        <button type="submit" class="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">"Helpful"</button>
                    </ActionForm>
                })}
                {(can_act && review.voted).then(|| view! { <span class="text-emerald-700">"You found this helpful"</span> })}
                {can_act.then(|| view! {
                    <details>
                        <summary class="cursor-pointer text-slate-600 underline">"Report"</summary>
                        <ActionForm action=report attr:class="mt-2 flex flex-wrap items-end gap-2">
                            <input type="hidden" name="review_id" value=id />
                            <label class="flex flex-col text-sm">
                                "Reason"
                                <input name="reason" required minlength="3" maxlength="500" class="rounded border border-slate-300 px-2 py-1" />
                            </label>
                            <button type="submit" class="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">"Send report"</button>
                        </ActionForm>
                    </details>
                })}
            </div>
            {reply_form}
        </article>
    }
}
