//! Typing answers: short text, a number with its unit, and inline blanks in a text.

use leptos::prelude::*;

use crate::models::PresentedQuestion;
use crate::quiz::Response;

use super::{Answer, INPUT};

/// A text input (short text).
pub(super) fn short_text(id_base: &str, answer: Answer) -> impl IntoView {
    let id = format!("{id_base}-text");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-700">"Your answer"</label>
            <input id=id type="text" class=INPUT autocomplete="off"
                prop:value=move || match answer.response.get() { Some(Response::ShortText(t)) => t, _ => String::new() }
                disabled=move || answer.locked.get()
                on:input=move |ev| answer.set(Response::ShortText(event_target_value(&ev)), true) />
        </div>
    }
}

/// Splits a saved numeric answer into number and unit ("9.81 m/s2" → ("9.81", "m/s2")).
fn split_numeric(text: &str) -> (String, String) {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((n, u)) => (n.to_owned(), u.trim().to_owned()),
        None => (text.to_owned(), String::new()),
    }
}

/// A number and, when the question has one, its unit.
pub(super) fn numeric(id_base: &str, unit: Option<String>, answer: Answer) -> impl IntoView {
    let saved = move || match answer.response.get() {
        Some(Response::Numeric(t)) => split_numeric(&t),
        _ => (String::new(), String::new()),
    };
    let combine = move |number: String, unit: String| {
        let text = if unit.trim().is_empty() {
            number
        } else {
            format!("{} {}", number.trim(), unit.trim())
        };
        answer.set(Response::Numeric(text), true);
    };
    let number_id = format!("{id_base}-number");
    let unit_id = format!("{id_base}-unit");
    view! {
        <div class="flex flex-wrap items-end gap-3">
            <div class="flex flex-col gap-1">
                <label for=number_id.clone() class="text-sm font-medium text-slate-700">"Number"</label>
                <input id=number_id type="text" inputmode="decimal" class=INPUT autocomplete="off"
                    prop:value=move || saved().0
                    disabled=move || answer.locked.get()
                    on:input=move |ev| combine(event_target_value(&ev), saved().1) />
            </div>
            {unit.map(|unit| view! {
                <div class="flex flex-col gap-1">
                    <label for=unit_id.clone() class="text-sm font-medium text-slate-700">{format!("Unit (e.g. {unit})")}</label>
                    <input id=unit_id.clone() type="text" class=format!("{INPUT} w-32") autocomplete="off"
                        prop:value=move || saved().1
                        disabled=move || answer.locked.get()
                        on:input=move |ev| combine(saved().0, event_target_value(&ev)) />
                </div>
            })}
        </div>
    }
}

/// The text with an input for each blank (fill in the blanks).
pub(super) fn blanks(id_base: &str, q: &PresentedQuestion, answer: Answer) -> impl IntoView {
    let count = q.blank_parts.len().saturating_sub(1);
    let current = move || match answer.response.get() {
        Some(Response::FillBlanks(v)) if v.len() == count => v,
        _ => vec![String::new(); count],
    };
    let parts = q.blank_parts.clone();
    let id_base = id_base.to_owned();
    view! {
        <p class="leading-loose">
            {parts.into_iter().enumerate().map(|(i, text)| {
                let input = (i < count).then(|| {
                    let id = format!("{id_base}-b{i}");
                    view! {
                        <label for=id.clone() class="sr-only">{format!("Blank {}", i + 1)}</label>
                        <input id=id type="text" autocomplete="off"
                            class="mx-1 w-36 rounded border border-slate-300 px-2 py-0.5 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:bg-slate-100"
                            prop:value=move || current().get(i).cloned().unwrap_or_default()
                            disabled=move || answer.locked.get()
                            on:input=move |ev| {
                                let mut all = current();
                                if let Some(slot) = all.get_mut(i) { *slot = event_target_value(&ev); }
                                answer.set(Response::FillBlanks(all), true);
                            } />
                    }
                });
                view! { <span class="whitespace-pre-wrap">{text}</span>{input} }
            }).collect_view()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_answers_split_into_number_and_unit() {
        assert_eq!(split_numeric("9.81 m/s2"), ("9.81".into(), "m/s2".into()));
        assert_eq!(split_numeric(" 42 "), ("42".into(), String::new()));
    }
}
