//! The answer widgets, one per question type: radios (single choice, true/false), checkboxes
//! (multiple choice), a text input (short text), a number and unit (numeric), a list with
//! Up/Down buttons (ordering), a select per prompt (matching) and inline inputs (fill blanks).

use leptos::prelude::*;

use crate::models::PresentedQuestion;
use crate::quiz::{QuestionKind, Response};

const INPUT: &str = "rounded-lg border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:bg-slate-100";
const SMALL_BUTTON: &str = "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50 disabled:opacity-40";

/// A question's stem and its answer inputs. `on_change(typing)` runs after every change the
/// learner makes (`typing` for text, which callers debounce). `locked` disables the inputs.
#[component]
pub fn AnswerWidget(
    /// Unique prefix for element ids (e.g. `q3`).
    id_base: String,
    /// "Question 3" — a heading above the stem.
    heading: String,
    question: PresentedQuestion,
    response: RwSignal<Option<Response>>,
    #[prop(into)] locked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let stem_id = format!("{id_base}-stem");
    let points = super::format_score(question.points);
    let points_label = format!(
        "{points} point{}",
        if question.points == 1.0 { "" } else { "s" }
    );
    let set = move |r: Response, typing: bool| {
        response.set(Some(r));
        on_change.run(typing);
    };
    let inputs = match question.kind {
        QuestionKind::SingleChoice | QuestionKind::TrueFalse => {
            choice_radios(&id_base, &question, response, locked, set).into_any()
        }
        QuestionKind::MultipleChoice => {
            checkboxes(&id_base, &question, response, locked, set).into_any()
        }
        QuestionKind::ShortText => short_text(&id_base, response, locked, set).into_any(),
        QuestionKind::Numeric => {
            numeric(&id_base, question.unit.clone(), response, locked, set).into_any()
        }
        QuestionKind::Ordering => ordering(&id_base, &question, response, locked, set).into_any(),
        QuestionKind::Matching => matching(&id_base, &question, response, locked, set).into_any(),
        QuestionKind::FillBlanks => blanks(&id_base, &question, response, locked, set).into_any(),
    };
    view! {
        <fieldset class="space-y-4" aria-labelledby=stem_id.clone() data-testid=format!("{id_base}-question")>
            <div class="flex items-baseline justify-between gap-4">
                <h2 class="text-lg font-semibold" tabindex="-1" id=format!("{id_base}-heading")>{heading}</h2>
                <span class="text-sm text-slate-500">{points_label}</span>
            </div>
            <div id=stem_id.clone() class="prose prose-slate max-w-none" inner_html=question.stem_html></div>
            {inputs}
        </fieldset>
    }
}

fn choice_radios(
    id_base: &str,
    q: &PresentedQuestion,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
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
                            prop:checked=move || response.with(|r| r.as_ref() == Some(&checked_value))
                            disabled=move || locked.get()
                            on:change=move |_| set(value.clone(), false) />
                        <label for=id class="flex-1 cursor-pointer [&_p]:m-0" inner_html=html></label>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn checkboxes(
    id_base: &str,
    q: &PresentedQuestion,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let picked = move || match response.get() {
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
                            disabled=move || locked.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut ids = picked();
                                ids.retain(|i| *i != choice);
                                if on { ids.push(choice); }
                                ids.sort_unstable();
                                set(Response::MultipleChoice(ids), false);
                            } />
                        <label for=id class="flex-1 cursor-pointer [&_p]:m-0" inner_html=c.html.clone()></label>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn short_text(
    id_base: &str,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = format!("{id_base}-text");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-700">"Your answer"</label>
            <input id=id type="text" class=INPUT autocomplete="off"
                prop:value=move || match response.get() { Some(Response::ShortText(t)) => t, _ => String::new() }
                disabled=move || locked.get()
                on:input=move |ev| set(Response::ShortText(event_target_value(&ev)), true) />
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

fn numeric(
    id_base: &str,
    unit: Option<String>,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let saved = move || match response.get() {
        Some(Response::Numeric(t)) => split_numeric(&t),
        _ => (String::new(), String::new()),
    };
    let combine = move |number: String, unit: String| {
        let text = if unit.trim().is_empty() {
            number
        } else {
            format!("{} {}", number.trim(), unit.trim())
        };
        set(Response::Numeric(text), true);
    };
    let number_id = format!("{id_base}-number");
    let unit_id = format!("{id_base}-unit");
    view! {
        <div class="flex flex-wrap items-end gap-3">
            <div class="flex flex-col gap-1">
                <label for=number_id.clone() class="text-sm font-medium text-slate-700">"Number"</label>
                <input id=number_id type="text" inputmode="decimal" class=INPUT autocomplete="off"
                    prop:value=move || saved().0
                    disabled=move || locked.get()
                    on:input=move |ev| combine(event_target_value(&ev), saved().1) />
            </div>
            {unit.map(|unit| view! {
                <div class="flex flex-col gap-1">
                    <label for=unit_id.clone() class="text-sm font-medium text-slate-700">{format!("Unit (e.g. {unit})")}</label>
                    <input id=unit_id.clone() type="text" class=format!("{INPUT} w-32") autocomplete="off"
                        prop:value=move || saved().1
                        disabled=move || locked.get()
                        on:input=move |ev| combine(saved().0, event_target_value(&ev)) />
                </div>
            })}
        </div>
    }
}

fn ordering(
    id_base: &str,
    q: &PresentedQuestion,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let choices = StoredValue::new(q.choices.clone());
    let display: Vec<u32> = q.choices.iter().map(|c| c.id).collect();
    let order = move || match response.get() {
        Some(Response::Ordering(ids)) if ids.len() == display.len() => ids,
        _ => display.clone(),
    };
    let order = Signal::derive(order);
    let swap = move |i: usize, j: usize| {
        let mut ids = order.get_untracked();
        if i < ids.len() && j < ids.len() {
            ids.swap(i, j);
            set(Response::Ordering(ids), false);
        }
    };
    let list_id = format!("{id_base}-order");
    view! {
        <p class="text-sm text-slate-600" id=format!("{list_id}-help")>
            "Put the items in order with the Up and Down buttons. Your order is saved when you move an item or press “Keep this order”."
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
                                disabled=move || locked.get() || i == 0 on:click=move |_| swap(i, i - 1)>"Up"</button>
                            <button type="button" class=SMALL_BUTTON aria-label=format!("Move “{label}” down")
                                disabled=move || locked.get() || i + 1 == n on:click=move |_| swap(i, i + 1)>"Down"</button>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
        <button type="button" class=SMALL_BUTTON disabled=move || locked.get()
            on:click=move |_| set(Response::Ordering(order.get_untracked()), false)>"Keep this order"</button>
    }
}

fn matching(
    id_base: &str,
    q: &PresentedQuestion,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let n = q.prompts.len();
    let current = move || match response.get() {
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
                        <select id=id class=INPUT disabled=move || locked.get()
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let mut picks = current();
                                if let Some(slot) = picks.get_mut(i) { *slot = value.parse::<u32>().ok(); }
                                set(Response::Matching(picks), false);
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

fn blanks(
    id_base: &str,
    q: &PresentedQuestion,
    response: RwSignal<Option<Response>>,
    locked: Signal<bool>,
    set: impl Fn(Response, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = q.blank_parts.len().saturating_sub(1);
    let current = move || match response.get() {
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
                            disabled=move || locked.get()
                            on:input=move |ev| {
                                let mut all = current();
                                if let Some(slot) = all.get_mut(i) { *slot = event_target_value(&ev); }
                                set(Response::FillBlanks(all), true);
                            } />
                    }
                });
                view! { <span class="whitespace-pre-wrap">{text}</span>{input} }
            }).collect_view()}
        </p>
    }
}

/// The text of a small HTML fragment (options shown inside `<option>` or labels).
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim()
        .to_owned()
}

/// Whether a response counts as answered (empty text and no picks do not).
pub fn is_answered(response: &Option<Response>) -> bool {
    match response {
        None => false,
        Some(Response::MultipleChoice(ids)) => !ids.is_empty(),
        Some(Response::ShortText(t)) | Some(Response::Numeric(t)) => !t.trim().is_empty(),
        Some(Response::Matching(v)) => v.iter().any(Option::is_some),
        Some(Response::FillBlanks(v)) => v.iter().any(|t| !t.trim().is_empty()),
        Some(_) => true,
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

    #[test]
    fn tags_are_stripped() {
        assert_eq!(strip_tags("<p>A &amp; <em>B</em></p>"), "A & B");
    }

    #[test]
    fn blank_answers_do_not_count() {
        assert!(!is_answered(&None));
        assert!(!is_answered(&Some(Response::ShortText("  ".into()))));
        assert!(is_answered(&Some(Response::TrueFalse(false))));
    }
}
