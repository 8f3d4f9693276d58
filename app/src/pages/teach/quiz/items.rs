//! The quiz's items in the lesson editor: fixed questions picked from the bank with a search,
//! and "draw N questions from tags", reordered with Up/Down and removed.

use leptos::prelude::*;

use super::super::{BUTTON_LIGHT, INPUT};
use super::question_draft::move_item;
use super::settings_form::QuizDraft;
use crate::error::FieldErrors;
use crate::models::{QuestionSummary, QuizItem, TagCount};

const SMALL: &str = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40";

fn describe(item: &QuizItem, bank: &[QuestionSummary]) -> String {
    match item {
        QuizItem::Question { question_id } => bank
            .iter()
            .find(|q| q.id == *question_id)
            .map(|q| format!("{} ({})", q.title, q.kind.label()))
            .unwrap_or_else(|| format!("Question #{question_id}")),
        QuizItem::Draw { tags, count } => format!(
            "Draw {count} question{} at random tagged {}",
            if *count == 1 { "" } else { "s" },
            if tags.is_empty() {
                "(any)".to_owned()
            } else {
                tags.join(" + ")
            }
        ),
    }
}

/// The items list and the two ways to add items.
#[component]
pub fn ItemsEditor(
    /// The quiz draft whose items this edits.
    draft: RwSignal<QuizDraft>,
    bank: StoredValue<Vec<QuestionSummary>>,
    tags: Vec<TagCount>,
    errors: RwSignal<FieldErrors>,
    /// The course, for the link to its question bank.
    course_id: i64,
) -> impl IntoView {
    let len = move || draft.with(|d| d.items.len());
    let items = move |f: &dyn Fn(&mut Vec<QuizItem>)| draft.update(|d| f(&mut d.items));
    let search = RwSignal::new(String::new());
    let matches = move || {
        let needle = search.get().trim().to_lowercase();
        let fixed: Vec<i64> = draft.with(|d| {
            d.items
                .iter()
                .filter_map(|i| match i {
                    QuizItem::Question { question_id } => Some(*question_id),
                    _ => None,
                })
                .collect()
        });
        bank.with_value(|bank| {
            bank.iter()
                .filter(|q| !fixed.contains(&q.id))
                .filter(|q| {
                    needle.is_empty()
                        || q.title.to_lowercase().contains(&needle)
                        || q.tags.iter().any(|t| t.contains(&needle))
                })
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let draw_tags = RwSignal::new(Vec::<String>::new());
    let draw_count = RwSignal::new("1".to_owned());
    let draw_error = RwSignal::new(None::<String>);
    let add_draw = move |_| {
        let Ok(count) = draw_count.get_untracked().trim().parse::<u32>() else {
            draw_error.set(Some("Enter how many questions to draw (1 or more).".into()));
            return;
        };
        if count == 0 {
            draw_error.set(Some("Enter how many questions to draw (1 or more).".into()));
            return;
        }
        if draw_tags.with_untracked(Vec::is_empty) {
            draw_error.set(Some("Choose at least one tag to draw from.".into()));
            return;
        }
        draw_error.set(None);
        let tags = draw_tags.get_untracked();
        items(&|i| {
            i.push(QuizItem::Draw {
                tags: tags.clone(),
                count,
            })
        });
        draw_tags.set(Vec::new());
    };
    view! {
        <div class="space-y-4">
            <h3 class="font-semibold">"Questions in this quiz"</h3>
            {move || if len() == 0 {
                view! { <p class="text-sm text-slate-600" data-testid="quiz-items-empty">"No questions yet: add some from the bank below."</p> }.into_any()
            } else {
                view! {
                    <ol class="space-y-2" data-testid="quiz-items">
                        {(0..len()).map(|i| {
                            let text = draft.with(|d| d.items.get(i).map(|it| bank.with_value(|b| describe(it, b))).unwrap_or_default());
                            let key = format!("items.{i}");
                            let k = key.clone();
                            view! {
                                <li class="rounded-lg border border-slate-200 bg-white p-3">
                                    <div class="flex flex-wrap items-center gap-2">
                                        <span class="w-6 text-right font-mono text-sm text-slate-500">{format!("{}.", i + 1)}</span>
                                        <span class="flex-1 text-sm">{text.clone()}</span>
                                        <button type="button" class=SMALL aria-label=format!("Move item {} up", i + 1) disabled=i == 0
                                            on:click=move |_| items(&|v| move_item(v, i, -1))>"Up"</button>
                                        <button type="button" class=SMALL aria-label=format!("Move item {} down", i + 1) disabled=move || i + 1 == len()
                                            on:click=move |_| items(&|v| move_item(v, i, 1))>"Down"</button>
                                        <button type="button" class=SMALL aria-label=format!("Remove item {}", i + 1)
                                            on:click=move |_| items(&|v| { if i < v.len() { v.remove(i); } })>"Remove"</button>
                                    </div>
                                    <p class="text-sm text-red-700">{move || errors.with(|e| e.get(&k).cloned())}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="text-sm text-red-700">{move || errors.with(|e| e.get("items").cloned())}</p>
            <div class="grid gap-6 lg:grid-cols-2">
                <div class="space-y-2">
                    <label for="bank-picker" class="text-sm font-medium text-slate-700">"Add a question from the bank"</label>
                    <input id="bank-picker" type="search" class=INPUT placeholder="Search by text or tag"
                        prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                    <ul class="max-h-72 space-y-1 overflow-y-auto" aria-label="Matching questions" data-testid="bank-picker-results">
                        {move || {
                            let found = matches();
                            let searching = search.with(|s| !s.trim().is_empty());
                            if found.is_empty() && !searching {
                                // Nothing typed yet: say why the list is empty, not "no match".
                                let text = if bank.with_value(Vec::is_empty) {
                                    "The question bank has no questions yet. "
                                } else {
                                    "Every question in the bank is already in this quiz. "
                                };
                                view! {
                                    <li class="text-sm text-slate-600" data-testid="bank-picker-empty">
                                        {text}
                                        <a class="text-indigo-700 underline" href=format!("/teach/courses/{course_id}/questions")>"Open the question bank"</a>
                                    </li>
                                }.into_any()
                            } else if found.is_empty() {
                                view! { <li class="text-sm text-slate-600">"No matching questions."</li> }.into_any()
                            } else {
                                found.into_iter().map(|q| {
                                    let id = q.id;
                                    view! {
                                        <li class="flex items-center justify-between gap-2 rounded border border-slate-100 px-2 py-1 text-sm">
                                            <span>{format!("{} ({})", q.title, q.kind.label())}</span>
                                            <button type="button" class=SMALL aria-label=format!("Add “{}”", q.title)
                                                on:click=move |_| items(&|v| v.push(QuizItem::Question { question_id: id }))>"Add"</button>
                                        </li>
                                    }
                                }).collect_view().into_any()
                            }
                        }}
                    </ul>
                </div>
                <fieldset class="space-y-2">
                    <legend class="text-sm font-medium text-slate-700">"Or draw questions at random from tags"</legend>
                    {if tags.is_empty() {
                        view! { <p class="text-sm text-slate-500">"Tag questions in the bank to draw from them."</p> }.into_any()
                    } else {
                        view! {
                            <div class="flex flex-wrap gap-3">
                                {tags.into_iter().map(|t| {
                                    let tag = t.tag.clone();
                                    let tag_c = tag.clone();
                                    view! {
                                        <label class="flex items-center gap-1 text-sm">
                                            <input type="checkbox" prop:checked=move || draw_tags.with(|d| d.contains(&tag_c))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let tag = tag.clone();
                                                    draw_tags.update(|d| { d.retain(|x| *x != tag); if on { d.push(tag); } });
                                                } />
                                            {format!("{} ({})", t.tag, t.count)}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any()
                    }}
                    <div class="flex items-end gap-2">
                        <div class="flex flex-col gap-1">
                            <label for="draw-count" class="text-sm">"How many"</label>
                            <input id="draw-count" type="number" min="1" class=format!("{INPUT} w-24")
                                prop:value=move || draw_count.get() on:input=move |ev| draw_count.set(event_target_value(&ev)) />
                        </div>
                        <button type="button" class=BUTTON_LIGHT on:click=add_draw>"Add draw"</button>
                    </div>
                    <p role="alert" class="text-sm text-red-700">{move || draw_error.get()}</p>
                </fieldset>
            </div>
        </div>
    }
}
