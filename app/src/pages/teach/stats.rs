//! `/teach/courses/:id/stats`: enrollments over time, completion rate, per-lesson drop-off,
//! sales, refunds and net revenue per day, and the rating month by month.

use leptos::prelude::*;
use leptos_meta::Title;

use super::CARD;
use crate::api::learning::get_course_stats;
use crate::components::{BackLink, TableScroll};
use crate::format::LocalPrice;
use crate::models::{tenths_text, CourseStats, DailyRevenue, MonthlyRating};

/// The course statistics page (the course's instructor and admins).
#[component]
pub fn CourseStatsPage() -> impl IntoView {
    super::by_route_id(get_course_stats, "Loading statistics…", |stats| {
        view! { <StatsView stats /> }.into_any()
    })
}

#[component]
fn StatsView(stats: CourseStats) -> impl IntoView {
    let peak = stats
        .enrollments_per_day
        .iter()
        .map(|d| d.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let first_started = stats.lessons.first().map_or(0, |l| l.started).max(1);
    view! {
        <Title text=format!("Statistics: {}", stats.title) />
        <div class="mx-auto max-w-5xl space-y-8 px-4 py-10">
            <BackLink href=format!("/teach/courses/{}", stats.course_id) label=stats.title />
            <h1 class="text-3xl font-bold tracking-tight">"Course statistics"</h1>
            <dl class="grid gap-4 sm:grid-cols-3">
                <div class=CARD><dt class="text-sm text-slate-600">"Enrollments"</dt><dd class="text-3xl font-bold" data-testid="stat-enrollments">{stats.total_enrollments}</dd></div>
                <div class=CARD><dt class="text-sm text-slate-600">"Completed"</dt><dd class="text-3xl font-bold">{stats.completed_enrollments}</dd></div>
                <div class=CARD><dt class="text-sm text-slate-600">"Completion rate"</dt><dd class="text-3xl font-bold">{format!("{:.0}%", stats.completion_rate * 100.0)}</dd></div>
            </dl>
            <section class=CARD aria-labelledby="per-day-title">
                <h2 id="per-day-title" class="text-lg font-semibold">"Enrollments per day (last 90 days)"</h2>
                {if stats.enrollments_per_day.iter().all(|d| d.count == 0) {
                    view! { <p class="text-sm text-slate-600">"No enrollments yet."</p> }.into_any()
                } else {
                    view! {
                        <TableScroll label="Enrollments per day">
                        <table class="w-full text-sm">
                            <thead><tr><th scope="col" class="text-left">"Day"</th><th scope="col" class="text-left">"Enrollments"</th></tr></thead>
                            <tbody>
                                {stats.enrollments_per_day.into_iter().filter(|d| d.count > 0).map(|d| view! {
                                    <tr>
                                        <td class="py-1 pr-4">{d.date}</td>
                                        <td class="w-full py-1">
                                            <div class="flex items-center gap-2">
                                                <div class="h-3 rounded bg-indigo-500" style=format!("width: {}%", d.count * 100 / peak)></div>
                                                <span>{d.count}</span>
                                            </div>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </TableScroll>
                    }.into_any()
                }}
            </section>
            <Revenue days=stats.revenue_per_day currency=stats.currency />
            <Ratings months=stats.rating_per_month />
            <section class=CARD aria-labelledby="dropoff-title">
                <h2 id="dropoff-title" class="text-lg font-semibold">"Lesson drop-off"</h2>
                <TableScroll label="Lesson drop-off">
                <table class="w-full text-sm [&_th]:px-2 [&_td]:px-2">
                    <thead><tr>
                        <th scope="col" class="text-left">"Lesson"</th>
                        <th scope="col" class="text-right">"Started"</th>
                        <th scope="col" class="text-right">"Completed"</th>
                        <th scope="col" class="text-right">"Of first lesson's learners"</th>
                    </tr></thead>
                    <tbody>
                        {stats.lessons.into_iter().map(|l| view! {
                            <tr class="border-t border-slate-100">
                                <td class="py-1">{l.title}</td>
                                <td class="py-1 text-right">{l.started}</td>
                                <td class="py-1 text-right">{l.completed}</td>
                                <td class="py-1 text-right">{format!("{}%", l.started * 100 / first_started)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </TableScroll>
            </section>
        </div>
    }
}

/// Sales, refunds and net per day over the last 90 days, with the totals.
#[component]
fn Revenue(days: Vec<DailyRevenue>, currency: String) -> impl IntoView {
    let total = |f: fn(&DailyRevenue) -> i64| days.iter().map(f).sum::<i64>();
    let (sales, refunds) = (total(|d| d.sales_cents), total(|d| d.refunds_cents));
    let count = |f: fn(&DailyRevenue) -> u64| days.iter().map(f).sum::<u64>();
    let (sold, refunded) = (count(|d| d.sales), count(|d| d.refunds));
    let active: Vec<DailyRevenue> = days
        .into_iter()
        .filter(|d| d.sales > 0 || d.refunds > 0)
        .collect();
    let price = move |cents: i64| view! { <LocalPrice cents currency=currency.clone() /> };
    view! {
        <section class=CARD aria-labelledby="revenue-title">
            <h2 id="revenue-title" class="text-lg font-semibold">"Revenue (last 90 days)"</h2>
            <dl class="grid gap-4 sm:grid-cols-3">
                <div><dt class="text-sm text-slate-600">{format!("Sales ({sold})")}</dt><dd class="text-2xl font-bold">{price(sales)}</dd></div>
                <div><dt class="text-sm text-slate-600">{format!("Refunds ({refunded})")}</dt><dd class="text-2xl font-bold">{price(refunds)}</dd></div>
                <div><dt class="text-sm text-slate-600">"Net"</dt><dd class="text-2xl font-bold">{price(sales - refunds)}</dd></div>
            </dl>
            {if active.is_empty() {
                view! { <p class="text-sm text-slate-600">"No sales or refunds in the last 90 days."</p> }.into_any()
            } else {
                view! {
                    <TableScroll label="Revenue per day">
                    <table class="w-full text-sm [&_th]:px-2 [&_td]:px-2">
                        <thead><tr>
                            <th scope="col" class="text-left">"Day"</th>
                            <th scope="col" class="text-right">"Sales"</th>
                            <th scope="col" class="text-right">"Refunds"</th>
                            <th scope="col" class="text-right">"Net"</th>
                        </tr></thead>
                        <tbody>
                            {active.into_iter().rev().map(|d| view! {
                                <tr class="border-t border-slate-100">
                                    <td class="whitespace-nowrap py-1">{d.date.clone()}</td>
                                    <td class="whitespace-nowrap py-1 text-right">{format!("{} · ", d.sales)}{price(d.sales_cents)}</td>
                                    <td class="whitespace-nowrap py-1 text-right">{format!("{} · ", d.refunds)}{price(d.refunds_cents)}</td>
                                    <td class="whitespace-nowrap py-1 text-right">{price(d.net_cents())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </TableScroll>
                }.into_any()
            }}
        </section>
    }
}

/// The average rating of the reviews written in each of the last 12 months, as bars out of 5.
#[component]
fn Ratings(months: Vec<MonthlyRating>) -> impl IntoView {
    view! {
        <section class=CARD aria-labelledby="ratings-title">
            <h2 id="ratings-title" class="text-lg font-semibold">"Rating by month (last 12 months)"</h2>
            {if months.iter().all(|m| m.count == 0) {
                view! { <p class="text-sm text-slate-600">"No reviews in the last 12 months."</p> }.into_any()
            } else {
                view! {
                    <TableScroll label="Rating by month">
                    <table class="w-full text-sm [&_th]:px-2 [&_td]:px-2">
                        <thead><tr>
                            <th scope="col" class="text-left">"Month"</th>
                            <th scope="col" class="text-left">"Average"</th>
                            <th scope="col" class="text-right">"Reviews"</th>
                        </tr></thead>
                        <tbody>
                            {months.into_iter().map(|m| {
                                let average = if m.count == 0 { "–".to_owned() } else { tenths_text(m.tenths) };
                                view! {
                                    <tr class="border-t border-slate-100">
                                        <td class="whitespace-nowrap py-1">{m.month}</td>
                                        <td class="w-full py-1">
                                            <div class="flex items-center gap-2">
                                                <div aria-hidden="true" class="h-3 rounded bg-amber-500" style=format!("width: {}%", u32::from(m.tenths) * 2)></div>
                                                <span>{average}</span>
                                            </div>
                                        </td>
                                        <td class="py-1 text-right">{m.count}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </TableScroll>
                }.into_any()
            }}
        </section>
    }
}
