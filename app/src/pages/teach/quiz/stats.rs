//! `/teach/lessons/:id/quiz-stats`: attempts, mean score, and per question its facility (share
//! of marks earned) and the most common wrong answers.

use crate::components::{BackLink, CardTable};
use leptos::prelude::*;
use leptos_meta::Title;

use super::super::CARD;
use crate::api::quiz::get_quiz_stats;
use crate::models::QuizStats;
use crate::pages::quiz::format_percent;

/// The quiz statistics page (the course's instructors and admins).
#[component]
pub fn QuizStatsPage() -> impl IntoView {
    super::super::by_route_id(get_quiz_stats, "Loading statistics…", |stats| {
        view! { <StatsView stats /> }.into_any()
    })
}

#[component]
fn StatsView(stats: QuizStats) -> impl IntoView {
    view! {
        <Title text=format!("Quiz statistics: {}", stats.title) />
        <div class="mx-auto max-w-5xl space-y-8 px-4 py-10">
            <BackLink href=format!("/teach/lessons/{}", stats.lesson_id) label=stats.title />
            <h1 class="text-3xl font-bold tracking-tight">"Quiz statistics"</h1>
            <dl class="grid gap-4 sm:grid-cols-2">
                <div class=CARD><dt class="text-sm text-slate-600">"Submitted attempts"</dt><dd class="text-3xl font-bold" data-testid="quiz-stat-attempts">{stats.attempts}</dd></div>
                <div class=CARD><dt class="text-sm text-slate-600">"Mean score"</dt><dd class="text-3xl font-bold">{stats.mean_percent.map(format_percent).unwrap_or_else(|| "—".into())}</dd></div>
            </dl>
            {if stats.questions.is_empty() {
                view! { <p class=CARD>"No question has been answered yet."</p> }.into_any()
            } else {
                view! {
                    <CardTable label="Per-question statistics">
                        <caption class="sr-only">"Per-question statistics"</caption>
                        <thead class="border-b border-slate-200 bg-slate-50 text-slate-600"><tr>
                            <th scope="col" class="px-4 py-2">"Question"</th>
                            <th scope="col" class="px-4 py-2">"Asked"</th>
                            <th scope="col" class="px-4 py-2">"Facility"</th>
                            <th scope="col" class="px-4 py-2">"Most common wrong answers"</th>
                        </tr></thead>
                        <tbody>
                            {stats.questions.into_iter().map(|q| {
                                let pct = q.facility.map(|f| (f * 100.0).clamp(0.0, 100.0));
                                view! {
                                    <tr class="border-b border-slate-100 align-top">
                                        <td class="px-4 py-2">
                                            <a class="text-indigo-700 hover:underline" href=format!("/teach/questions/{}", q.question_id)>{q.title.clone()}</a>
                                            <span class="block text-xs text-slate-500">{q.kind.label()}</span>
                                        </td>
                                        <td class="px-4 py-2">{q.asked}</td>
                                        <td class="px-4 py-2">
                                            {match pct {
                                                Some(p) => view! {
                                                    <div class="flex items-center gap-2">
                                                        <div class="h-2 w-24 rounded bg-slate-200" aria-hidden="true">
                                                            <div class="h-2 rounded bg-indigo-600" style=format!("width: {p:.0}%")></div>
                                                        </div>
                                                        <span>{format_percent(p)}</span>
                                                    </div>
                                                }.into_any(),
                                                None => view! { <span class="text-slate-400">"—"</span> }.into_any(),
                                            }}
                                        </td>
                                        <td class="px-4 py-2">
                                            {if q.common_wrong.is_empty() {
                                                view! { <span class="text-slate-400">"—"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ul class="space-y-1">
                                                        {q.common_wrong.into_iter().map(|w| view! {
                                                            <li>{format!("{} ({}×)", w.answer, w.count)}</li>
                                                        }).collect_view()}
                                                    </ul>
                                                }.into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </CardTable>
                }.into_any()
            }}
        </div>
    }
}
