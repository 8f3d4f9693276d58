//! `/leaderboard`: the top learners by points, this week or all time, site-wide or in one
//! course (`?course=slug&period=week|all`, plain links, so it works without JavaScript). Names
//! show only for learners who chose to appear; everyone sees their own rank.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::points::get_leaderboard;
use crate::components::ErrorView;
use crate::models::{LeaderRow, LeaderboardView};

const LINK: &str = "font-medium text-indigo-700 underline";
const TAB: &str = "inline-flex min-h-6 items-center rounded-lg px-3 py-1.5 text-sm font-medium";

/// The leaderboard page; visitors are sent to sign in.
#[component]
pub fn LeaderboardPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                q.get("course").unwrap_or_default(),
                q.get("period").unwrap_or_default(),
            )
        },
        |(course, period)| get_leaderboard(course, period),
    );
    view! {
        <Title text="Leaderboard" />
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Leaderboard"</h1>
            <Transition fallback=|| view! { <p class="text-slate-500">"Loading the leaderboard…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! { <Board view /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The page's address for `course` (a slug, or "" for everyone) and period.
fn href(course: &str, weekly: bool) -> String {
    let period = if weekly { "week" } else { "all" };
    if course.is_empty() {
        format!("/leaderboard?period={period}")
    } else {
        format!("/leaderboard?course={course}&period={period}")
    }
}

#[component]
fn Board(view: LeaderboardView) -> impl IntoView {
    let LeaderboardView {
        course,
        weekly,
        top,
        me,
        learners,
        named,
        courses,
    } = view;
    let slug = course.as_ref().map(|c| c.0.clone()).unwrap_or_default();
    let scope = course
        .as_ref()
        .map_or("Everyone".to_owned(), |c| c.1.clone());
    let tab = move |label: &'static str, week: bool| {
        let current = week == weekly;
        let class = if current {
            format!("{TAB} bg-indigo-600 text-white")
        } else {
            format!("{TAB} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50")
        };
        view! {
            <a href=href(&slug, week) class=class aria-current=current.then_some("page")>{label}</a>
        }
    };
    view! {
        <p class="text-slate-700">
            {format!("{scope} · ")}
            {if weekly { "points earned this week (Monday to Sunday, UTC)" } else { "all points earned" }}
        </p>
        <nav aria-label="Period" class="flex flex-wrap gap-2">
            {tab("This week", true)}
            {tab("All time", false)}
        </nav>
        {(!courses.is_empty() || course.is_some()).then(|| view! {
            <nav aria-label="Course leaderboards" class="flex flex-wrap gap-x-3 gap-y-1 text-sm">
                {course.is_some().then(|| view! { <a href=href("", weekly) class=LINK>"Everyone"</a> })}
                {courses.into_iter().map(|(s, title)| view! { <a href=href(&s, weekly) class=LINK>{title}</a> }).collect_view()}
            </nav>
        })}
        {if top.is_empty() {
            view! {
                <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                    "Nobody has points here yet. Complete lessons and pass quizzes to be the first. "
                    <a href="/learning" class=LINK>"Continue learning"</a>
                </p>
            }.into_any()
        } else {
            view! {
                <ol class="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Top learners">
                    {top.into_iter().map(|r| view! { <Row row=r /> }).collect_view()}
                </ol>
            }.into_any()
        }}
        <p class="text-sm text-slate-600">{format!("{learners} learner{} with points here.", if learners == 1 { "" } else { "s" })}</p>
        <section aria-labelledby="your-rank" class="space-y-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="your-rank" class="text-lg font-semibold">"Your rank"</h2>
            {match me {
                Some(m) => view! { <p>{format!("#{} with {} points", m.rank, m.points)}</p> }.into_any(),
                None => view! { <p class="text-slate-600">"You have no points here yet."</p> }.into_any(),
            }}
            <p class="text-sm text-slate-600">
                {if named { "Others see your name here. " } else { "Others see you as \u{201c}A learner\u{201d}. " }}
                <a href="/achievements#leaderboard-title" class=LINK>"Change this"</a>
            </p>
        </section>
    }
}

#[component]
fn Row(row: LeaderRow) -> impl IntoView {
    let class = if row.you {
        "flex items-center gap-4 bg-indigo-50 px-4 py-3 font-semibold"
    } else {
        "flex items-center gap-4 px-4 py-3"
    };
    view! {
        <li class=class>
            <span class="w-10 shrink-0 text-right tabular-nums text-slate-600">{format!("#{}", row.rank)}</span>
            <span class="min-w-0 flex-1 break-words">{row.name}</span>
            <span class="shrink-0 tabular-nums">{format!("{} pts", row.points)}</span>
        </li>
    }
}
