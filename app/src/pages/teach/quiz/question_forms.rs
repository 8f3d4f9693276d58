//! The type-specific parts of the question editor: options, true/false, accepted answers,
//! numbers, ordering items, matching pairs and fill-in-the-blanks text.

use leptos::prelude::*;

use super::super::{BUTTON_LIGHT, INPUT};
use super::question_draft::{empty_option, empty_pair, move_item, Draft};
use crate::error::FieldErrors;
use crate::quiz::QuestionKind;

const SMALL: &str = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40";

/// The error message under a field, if any.
pub fn field_error(errors: RwSignal<FieldErrors>, key: String) -> impl IntoView {
    let id = format!("err-{}", key.replace('.', "-"));
    let k = key.clone();
    view! { <p id=id class="min-h-5 text-sm text-red-700">{move || errors.with(|e| e.get(&k).cloned())}</p> }
}

fn invalid(
    errors: RwSignal<FieldErrors>,
    key: String,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || errors.with(|e| e.contains_key(&key)).to_string()
}

/// Up, Down and Remove buttons for row `i` of a list of `len` rows.
fn row_buttons(
    what: &'static str,
    i: usize,
    len: impl Fn() -> usize + Copy + Send + Sync + 'static,
    draft: RwSignal<Draft>,
    list: fn(&mut Draft) -> &mut dyn ListOps,
) -> impl IntoView {
    view! {
        <div class="flex gap-1">
            <button type="button" class=SMALL aria-label=format!("Move {what} {} up", i + 1) disabled=i == 0
                on:click=move |_| draft.update(|d| list(d).shift(i, -1))>"Up"</button>
            <button type="button" class=SMALL aria-label=format!("Move {what} {} down", i + 1) disabled=move || i + 1 == len()
                on:click=move |_| draft.update(|d| list(d).shift(i, 1))>"Down"</button>
            <button type="button" class=SMALL aria-label=format!("Remove {what} {}", i + 1) disabled=move || len() <= 1
                on:click=move |_| draft.update(|d| list(d).remove_at(i))>"Remove"</button>
        </div>
    }
}

/// List operations shared by the editable lists.
pub trait ListOps {
    /// Moves row `i` by `delta`.
    fn shift(&mut self, i: usize, delta: isize);
    /// Removes row `i`.
    fn remove_at(&mut self, i: usize);
}

impl<T> ListOps for Vec<T> {
    fn shift(&mut self, i: usize, delta: isize) {
        move_item(self, i, delta);
    }
    fn remove_at(&mut self, i: usize) {
        if i < self.len() {
            self.remove(i);
        }
    }
}

/// The form for the draft's current type.
#[component]
pub fn BodyForm(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let kind = Memo::new(move |_| draft.with(|d| d.kind));
    move || match kind.get() {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            options(draft, errors, kind.get()).into_any()
        }
        QuestionKind::TrueFalse => true_false(draft).into_any(),
        QuestionKind::ShortText => short_text(draft, errors).into_any(),
        QuestionKind::Numeric => numeric(draft, errors).into_any(),
        QuestionKind::Ordering => ordering(draft, errors).into_any(),
        QuestionKind::Matching => matching(draft, errors).into_any(),
        QuestionKind::FillBlanks => blanks(draft, errors).into_any(),
    }
}

fn options(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    kind: QuestionKind,
) -> impl IntoView {
    let single = kind == QuestionKind::SingleChoice;
    let len = move || draft.with(|d| d.options.len());
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">
                {if single { "Options (mark the one correct option)" } else { "Options (mark every correct option)" }}
            </legend>
            {move || (0..len()).map(|i| {
                let text_id = format!("option-{i}-text");
                let fb_id = format!("option-{i}-feedback");
                let correct_id = format!("option-{i}-correct");
                view! {
                    <div class="space-y-2 rounded-lg border border-slate-200 p-3" data-testid=format!("option-{i}")>
                        <div class="flex flex-wrap items-center gap-3">
                            <label for=text_id.clone() class="text-sm font-medium">{format!("Option {}", i + 1)}</label>
                            <label class="flex items-center gap-1 text-sm" for=correct_id.clone()>
                                <input id=correct_id.clone() type=if single { "radio" } else { "checkbox" } name="correct-option"
                                    prop:checked=move || draft.with(|d| d.options.get(i).is_some_and(|o| o.correct))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.update(|d| {
                                            if single { for o in d.options.iter_mut() { o.correct = false; } }
                                            if let Some(o) = d.options.get_mut(i) { o.correct = on; }
                                        });
                                    } />
                                {format!("Option {} is correct", i + 1)}
                            </label>
                            <div class="ml-auto">{row_buttons("option", i, len, draft, |d| &mut d.options)}</div>
                        </div>
                        <input id=text_id type="text" class=INPUT aria-invalid=invalid(errors, format!("options.{i}.text"))
                            prop:value=move || draft.with(|d| d.options.get(i).map(|o| o.text.clone()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(o) = d.options.get_mut(i) { o.text = v; }); } />
                        {field_error(errors, format!("options.{i}.text"))}
                        <label for=fb_id.clone() class="text-xs text-slate-600">{format!("Feedback when option {} is picked (optional)", i + 1)}</label>
                        <input id=fb_id type="text" class=INPUT
                            prop:value=move || draft.with(|d| d.options.get(i).map(|o| o.feedback.clone()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(o) = d.options.get_mut(i) { o.feedback = v; }); } />
                    </div>
                }
            }).collect_view()}
            {field_error(errors, "options".into())}
            <button type="button" class=BUTTON_LIGHT on:click=move |_| draft.update(|d| d.options.push(empty_option()))>"Add option"</button>
            {(!single).then(|| view! {
                <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" prop:checked=move || draft.with(|d| d.partial_credit)
                        on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.partial_credit = on); } />
                    "Partial credit: each right pick earns a share, each wrong pick costs one"
                </label>
            })}
        </fieldset>
    }
}

fn true_false(draft: RwSignal<Draft>) -> impl IntoView {
    let text = |id: &'static str,
                label: &'static str,
                get: fn(&Draft) -> String,
                set: fn(&mut Draft, String)| {
        view! {
            <div class="flex flex-col gap-1">
                <label for=id class="text-sm text-slate-700">{label}</label>
                <input id=id type="text" class=INPUT prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); } />
            </div>
        }
    };
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">"The statement is"</legend>
            <div class="flex gap-6">
                <label class="flex items-center gap-2"><input type="radio" name="tf-answer" prop:checked=move || draft.with(|d| d.tf_answer)
                    on:change=move |_| draft.update(|d| d.tf_answer = true) />"True"</label>
                <label class="flex items-center gap-2"><input type="radio" name="tf-answer" prop:checked=move || draft.with(|d| !d.tf_answer)
                    on:change=move |_| draft.update(|d| d.tf_answer = false) />"False"</label>
            </div>
            {text("tf-feedback-true", "Feedback for learners who answer true (optional)", |d| d.feedback_true.clone(), |d, v| d.feedback_true = v)}
            {text("tf-feedback-false", "Feedback for learners who answer false (optional)", |d| d.feedback_false.clone(), |d, v| d.feedback_false = v)}
        </fieldset>
    }
}

fn string_list(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    what: &'static str,
    key: &'static str,
    list: fn(&mut Draft) -> &mut Vec<String>,
    read: fn(&Draft) -> &Vec<String>,
    ops: fn(&mut Draft) -> &mut dyn ListOps,
) -> impl IntoView {
    let len = move || draft.with(|d| read(d).len());
    view! {
        {move || (0..len()).map(|i| {
            let id = format!("{key}-{i}");
            view! {
                <div class="flex flex-wrap items-center gap-2">
                    <label for=id.clone() class="w-28 text-sm">{format!("{what} {}", i + 1)}</label>
                    <input id=id type="text" class=format!("{INPUT} flex-1") aria-invalid=invalid(errors, key.to_owned())
                        prop:value=move || draft.with(|d| read(d).get(i).cloned().unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(s) = list(d).get_mut(i) { *s = v; }); } />
                    {row_buttons(what, i, len, draft, ops)}
                </div>
            }
        }).collect_view()}
        {field_error(errors, key.to_owned())}
        <button type="button" class=BUTTON_LIGHT on:click=move |_| draft.update(|d| list(d).push(String::new()))>{format!("Add {}", what.to_lowercase())}</button>
    }
}

fn short_text(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">"Accepted answers"</legend>
            {string_list(draft, errors, "Answer", "accepted", |d| &mut d.accepted, |d| &d.accepted, |d| &mut d.accepted)}
            {lenient(draft)}
        </fieldset>
    }
}

fn lenient(draft: RwSignal<Draft>) -> impl IntoView {
    view! {
        <label class="flex items-center gap-2 text-sm">
            <input type="checkbox" prop:checked=move || draft.with(|d| d.lenient)
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.lenient = on); } />
            "Lenient: ignore case and extra spaces"
        </label>
    }
}

fn numeric(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let len = move || draft.with(|d| d.numeric.len());
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">"Accepted numbers (right when within the tolerance)"</legend>
            {move || (0..len()).map(|i| {
                let (vid, tid) = (format!("numeric-{i}-value"), format!("numeric-{i}-tolerance"));
                view! {
                    <div class="flex flex-wrap items-end gap-2">
                        <div class="flex flex-col gap-1">
                            <label for=vid.clone() class="text-sm">{format!("Number {}", i + 1)}</label>
                            <input id=vid type="text" inputmode="decimal" class=INPUT aria-invalid=invalid(errors, "answers".into())
                                prop:value=move || draft.with(|d| d.numeric.get(i).map(|n| n.0.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(n) = d.numeric.get_mut(i) { n.0 = v; }); } />
                        </div>
                        <div class="flex flex-col gap-1">
                            <label for=tid.clone() class="text-sm">{format!("Tolerance {} (±)", i + 1)}</label>
                            <input id=tid type="text" inputmode="decimal" class=INPUT
                                prop:value=move || draft.with(|d| d.numeric.get(i).map(|n| n.1.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(n) = d.numeric.get_mut(i) { n.1 = v; }); } />
                        </div>
                        {row_buttons("number", i, len, draft, |d| &mut d.numeric)}
                    </div>
                }
            }).collect_view()}
            {field_error(errors, "answers".into())}
            <button type="button" class=BUTTON_LIGHT on:click=move |_| draft.update(|d| d.numeric.push((String::new(), "0".into())))>"Add number"</button>
            <div class="flex flex-wrap items-end gap-4">
                <div class="flex flex-col gap-1">
                    <label for="numeric-unit" class="text-sm">"Unit (optional, e.g. m/s2)"</label>
                    <input id="numeric-unit" type="text" class=INPUT aria-invalid=invalid(errors, "unit".into())
                        prop:value=move || draft.with(|d| d.unit.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.unit = v); } />
                </div>
                <label class="flex items-center gap-2 pb-2 text-sm">
                    <input type="checkbox" prop:checked=move || draft.with(|d| d.unit_required)
                        on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.unit_required = on); } />
                    "The unit is required"
                </label>
            </div>
            {field_error(errors, "unit".into())}
        </fieldset>
    }
}

fn ordering(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">"Items, in the correct order (learners see them shuffled)"</legend>
            {string_list(draft, errors, "Item", "items", |d| &mut d.items, |d| &d.items, |d| &mut d.items)}
        </fieldset>
    }
}

fn matching(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let len = move || draft.with(|d| d.pairs.len());
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">"Pairs (learners match each prompt with its answer)"</legend>
            {move || (0..len()).map(|i| {
                let (pid, aid) = (format!("pair-{i}-prompt"), format!("pair-{i}-answer"));
                view! {
                    <div class="flex flex-wrap items-end gap-2">
                        <div class="flex flex-1 flex-col gap-1">
                            <label for=pid.clone() class="text-sm">{format!("Prompt {}", i + 1)}</label>
                            <input id=pid type="text" class=INPUT aria-invalid=invalid(errors, "pairs".into())
                                prop:value=move || draft.with(|d| d.pairs.get(i).map(|p| p.prompt.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(p) = d.pairs.get_mut(i) { p.prompt = v; }); } />
                        </div>
                        <div class="flex flex-1 flex-col gap-1">
                            <label for=aid.clone() class="text-sm">{format!("Answer {}", i + 1)}</label>
                            <input id=aid type="text" class=INPUT aria-invalid=invalid(errors, "pairs".into())
                                prop:value=move || draft.with(|d| d.pairs.get(i).map(|p| p.answer.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(p) = d.pairs.get_mut(i) { p.answer = v; }); } />
                        </div>
                        {row_buttons("pair", i, len, draft, |d| &mut d.pairs)}
                    </div>
                }
            }).collect_view()}
            {field_error(errors, "pairs".into())}
            <button type="button" class=BUTTON_LIGHT on:click=move |_| draft.update(|d| d.pairs.push(empty_pair()))>"Add pair"</button>
        </fieldset>
    }
}

fn blanks(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    view! {
        <div class="space-y-2">
            <label for="blanks-text" class="text-sm font-medium text-slate-700">"Text with blanks"</label>
            <p id="blanks-help" class="text-sm text-slate-600">
                "Write each blank as "<code>"[[answer]]"</code>", with other accepted answers after a bar: "
                <code>"The capital of France is [[Paris|paris]]."</code>
            </p>
            <textarea id="blanks-text" rows="5" class=INPUT aria-describedby="blanks-help" aria-invalid=invalid(errors, "text".into())
                prop:value=move || draft.with(|d| d.blanks_text.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.blanks_text = v); }></textarea>
            {field_error(errors, "text".into())}
            {lenient(draft)}
        </div>
    }
}
