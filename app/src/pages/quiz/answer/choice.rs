//! Picking options: radios for single choice and true/false, checkboxes for multiple choice.

use leptos::prelude::*;

use crate::models::PresentedQuestion;
use crate::quiz::{QuestionKind, Response};

use super::Answer;

/// Radios: one option (single choice) or True/False.
pub(super) fn choice_radios(id_base: &str, q: &PresentedQuestion, answer: Answer) -> impl IntoView {
    let name = format!("{id_base}-choice");
    let rows: Vec<(String, String, Response)> = if q.kind == QuestionKind::TrueFalse {
        vec![
            (
                "True".into(),
                format!("{id_base}-true"),
                Response::TrueFalse(true),
            ),
            (
                "False".into(),
                format!("{id_base}-false"),
                Response::TrueFalse(false),
            ),
        ]
    } else {
        q.choices
            .iter()
            .map(|c| {
                (
                    c.html.clone(),
                    format!("{id_base}-c{}", c.id),
                    Response::SingleChoice(c.id),
                )
            })
            .collect()
    };
    view! {
        <ul class="space-y-2" role="list">
            {rows.into_iter().map(|(html, id, value)| {
                let checked_value = value.clone();
                view! {
                    <li class="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
                        <input type="radio" id=id.clone() name=name.clone() class="mt-1"
                            prop:checked=move || answer.response.with(|r| r.as_ref() == Some(&checked_value))
                            disabled=move || answer.locked.get()
                            on:change=move |_| answer.set(value.clone(), false) />
                        <label for=id class="flex-1 cursor-pointer [&_p]:m-0" inner_html=html></label>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Checkboxes: any number of options (multiple choice).
pub(super) fn checkboxes(id_base: &str, q: &PresentedQuestion, answer: Answer) -> impl IntoView {
    let picked = move || match answer.response.get() {
        Some(Response::MultipleChoice(ids)) => ids,
        _ => Vec::new(),
    };
    view! {
        <p class="text-sm text-slate-600">"Select all that apply."</p>
        <ul class="space-y-2" role="list">
            {q.choices.iter().map(|c| {
                let id = format!("{id_base}-c{}", c.id);
                let choice = c.id;
                view! {
                    <li class="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
                        <input type="checkbox" id=id.clone() class="mt-1"
                            prop:checked=move || picked().contains(&choice)
                            disabled=move || answer.locked.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut ids = picked();
                                ids.retain(|i| *i != choice);
                                if on { ids.push(choice); }
                                ids.sort_unstable();
                                answer.set(Response::MultipleChoice(ids), false);
                            } />
                        <label for=id class="flex-1 cursor-pointer [&_p]:m-0" inner_html=c.html.clone()></label>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
