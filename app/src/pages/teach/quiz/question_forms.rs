//! The type-specific parts of the question editor: true/false, ordering items, matching pairs
//! and fill-in-the-blanks text, with the helpers every part shares; the parts whose answers
//! carry credits are in `question_answers`.

use leptos::prelude::*;

use super::super::{BUTTON_LIGHT, INPUT};
use super::question_answers::{numeric, options, short_text};
use super::question_draft::{empty_pair, move_item, Draft};
use crate::error::FieldErrors;
use crate::quiz::QuestionKind;

const SMALL: &str = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40";

/// The error message under a field, if any.
pub fn field_error(errors: RwSignal<FieldErrors>, key: String) -> impl IntoView {
    let id = format!("err-{}", key.replace('.', "-"));
    let k = key.clone();
    view! { <p id=id class="min-h-5 text-sm text-red-700">{move || errors.with(|e| e.get(&k).cloned())}</p> }
}

/// Whether `key` has an error, for `aria-invalid`.
pub(super) fn invalid(
    errors: RwSignal<FieldErrors>,
    key: String,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || errors.with(|e| e.contains_key(&key)).to_string()
}

/// Up, Down and Remove buttons for row `i` of a list of `len` rows.
pub(super) fn row_buttons(
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
            <div class="flex items-center gap-2">
                <input id="tf-true" type="radio" name="tf-answer" prop:checked=move || draft.with(|d| d.tf_answer)
                    on:change=move |_| draft.update(|d| d.tf_answer = true) />
                <label for="tf-true" class="mr-4">"True"</label>
                <input id="tf-false" type="radio" name="tf-answer" prop:checked=move || draft.with(|d| !d.tf_answer)
                    on:change=move |_| draft.update(|d| d.tf_answer = false) />
                <label for="tf-false">"False"</label>
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

/// The lenient-matching checkbox of short text and fill-in-the-blanks.
pub(super) fn lenient(draft: RwSignal<Draft>) -> impl IntoView {
    view! {
        <div class="flex items-center gap-2 text-sm">
            <input id="lenient" type="checkbox" prop:checked=move || draft.with(|d| d.lenient)
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.lenient = on); } />
            <label for="lenient">"Lenient: ignore case and extra spaces"</label>
        </div>
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
            <p id="pairs-help" class="text-sm text-slate-600">
                "A pair with an empty prompt is a distractor: an extra wrong answer to choose from. Give at least two pairs a prompt."
            </p>
            {move || (0..len()).map(|i| {
                let (pid, aid) = (format!("pair-{i}-prompt"), format!("pair-{i}-answer"));
                view! {
                    <div class="flex flex-wrap items-end gap-2">
                        <div class="flex min-w-0 flex-1 basis-48 flex-col gap-1">
                            <label for=pid.clone() class="text-sm">{format!("Prompt {}", i + 1)}</label>
                            <input id=pid type="text" class=INPUT aria-describedby="pairs-help" aria-invalid=invalid(errors, "pairs".into())
                                prop:value=move || draft.with(|d| d.pairs.get(i).map(|p| p.prompt.clone()).unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(p) = d.pairs.get_mut(i) { p.prompt = v; }); } />
                        </div>
                        <div class="flex min-w-0 flex-1 basis-48 flex-col gap-1">
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
