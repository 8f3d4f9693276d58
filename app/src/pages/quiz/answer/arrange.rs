//! Arranging answers: putting items in order with Up/Down buttons, and matching prompts.

use leptos::prelude::*;

use crate::models::PresentedQuestion;
use crate::quiz::Response;

use super::{strip_tags, Answer, INPUT, SMALL_BUTTON};

/// The items as a list with Up/Down buttons (ordering).
pub(super) fn ordering(id_base: &str, q: &PresentedQuestion, answer: Answer) -> impl IntoView {
    let choices = StoredValue::new(q.choices.clone());
    let display: Vec<u32> = q.choices.iter().map(|c| c.id).collect();
    let order = move || match answer.response.get() {
        Some(Response::Ordering(ids)) if ids.len() == display.len() => ids,
        _ => display.clone(),
    };
    let order = Signal::derive(order);
    let swap = move |i: usize, j: usize| {
        let mut ids = order.get_untracked();
        if i < ids.len() && j < ids.len() {
            ids.swap(i, j);
            answer.set(Response::Ordering(ids), false);
        }
    };
    let list_id = format!("{id_base}-order");
    view! {
        <p class="text-sm text-slate-600" id=format!("{list_id}-help")>
            "Put the items in order with the Up and Down buttons. Your answer is the order shown here: if it is already right, leave it."
        </p>
        <ol class="space-y-2" aria-describedby=format!("{list_id}-help") data-testid=list_id>
            {move || {
                let ids = order.get();
                let n = ids.len();
                ids.into_iter().enumerate().map(|(i, id)| {
                    let html = choices.with_value(|c| c.iter().find(|c| c.id == id).map(|c| c.html.clone()).unwrap_or_default());
                    let label = choices.with_value(|c| c.iter().find(|c| c.id == id).map(|c| strip_tags(&c.html)).unwrap_or_default());
                    view! {
                        <li class="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
                            <span class="w-6 text-right font-mono text-sm text-slate-500">{format!("{}.", i + 1)}</span>
                            <span class="flex-1" inner_html=html></span>
                            <button type="button" class=SMALL_BUTTON aria-label=format!("Move “{label}” up")
                                disabled=move || answer.locked.get() || i == 0 on:click=move |_| swap(i, i - 1)>"Up"</button>
                            <button type="button" class=SMALL_BUTTON aria-label=format!("Move “{label}” down")
                                disabled=move || answer.locked.get() || i + 1 == n on:click=move |_| swap(i, i + 1)>"Down"</button>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
    }
}

/// A select of answers for each prompt (matching).
pub(super) fn matching(id_base: &str, q: &PresentedQuestion, answer: Answer) -> impl IntoView {
    let n = q.prompts.len();
    let current = move || match answer.response.get() {
        Some(Response::Matching(v)) if v.len() == n => v,
        _ => vec![None; n],
    };
    let choices = q.choices.clone();
    view! {
        <div class="space-y-3">
            {q.prompts.iter().enumerate().map(|(i, prompt)| {
                let id = format!("{id_base}-m{i}");
                let choices = choices.clone();
                view! {
                    <div class="grid items-center gap-2 sm:grid-cols-2">
                        <label for=id.clone() class="font-medium" inner_html=prompt.clone()></label>
                        <select id=id class=INPUT disabled=move || answer.locked.get()
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let mut picks = current();
                                if let Some(slot) = picks.get_mut(i) { *slot = value.parse::<u32>().ok(); }
                                answer.set(Response::Matching(picks), false);
                            }>
                            <option value="" selected=move || current().get(i).copied().flatten().is_none()>"Choose…"</option>
                            {choices.into_iter().map(|c| {
                                let text = strip_tags(&c.html);
                                view! {
                                    <option value=c.id.to_string()
                                        selected=move || current().get(i).copied().flatten() == Some(c.id)>{text}</option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
