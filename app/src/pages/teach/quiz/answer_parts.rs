//! The pieces the answer lists of the question editor are made of: a row's credit and
//! feedback inputs, and the frame of a list (legend, credit help, rows, error, "Add" button).

use leptos::prelude::*;

use super::super::{BUTTON_LIGHT, INPUT};
use super::question_draft::Draft;
use super::question_forms::field_error;
use super::question_rows::bad_credit;
use crate::error::FieldErrors;

/// Reads and writes one text field of row `i` of one of the draft's lists.
#[derive(Clone, Copy)]
pub(super) struct Field {
    get: fn(&Draft, usize) -> Option<&String>,
    set: fn(&mut Draft, usize) -> Option<&mut String>,
}

/// The credit (%) of a choice option.
pub(super) const OPTION_CREDIT: Field = Field {
    get: |d, i| d.options.get(i).map(|o| &o.credit),
    set: |d, i| d.options.get_mut(i).map(|o| &mut o.credit),
};
/// The feedback shown when a choice option is picked.
pub(super) const OPTION_FEEDBACK: Field = Field {
    get: |d, i| d.options.get(i).map(|o| &o.feedback),
    set: |d, i| d.options.get_mut(i).map(|o| &mut o.feedback),
};
/// The credit (%) of an accepted short answer.
pub(super) const ANSWER_CREDIT: Field = Field {
    get: |d, i| d.accepted.get(i).map(|a| &a.credit),
    set: |d, i| d.accepted.get_mut(i).map(|a| &mut a.credit),
};
/// The feedback of an accepted short answer.
pub(super) const ANSWER_FEEDBACK: Field = Field {
    get: |d, i| d.accepted.get(i).map(|a| &a.feedback),
    set: |d, i| d.accepted.get_mut(i).map(|a| &mut a.feedback),
};
/// The credit (%) of an accepted number.
pub(super) const NUMBER_CREDIT: Field = Field {
    get: |d, i| d.numeric.get(i).map(|n| &n.credit),
    set: |d, i| d.numeric.get_mut(i).map(|n| &mut n.credit),
};
/// The feedback of an accepted number.
pub(super) const NUMBER_FEEDBACK: Field = Field {
    get: |d, i| d.numeric.get(i).map(|n| &n.feedback),
    set: |d, i| d.numeric.get_mut(i).map(|n| &mut n.feedback),
};

/// A labelled one-line input bound to `field` of row `i`: a narrow one for a credit, else a
/// wide one. `invalid_when` marks it invalid.
fn row_input(
    draft: RwSignal<Draft>,
    (i, field): (usize, Field),
    (id, label): (String, String),
    credit: bool,
    help: Option<&'static str>,
    invalid_when: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let class = if credit { "w-36" } else { "flex-1 basis-48" };
    view! {
        <div class=format!("flex min-w-0 flex-col gap-1 {class}")>
            <label for=id.clone() class="text-xs text-slate-600">{label}</label>
            <input id=id type="text" inputmode=credit.then_some("decimal") class=INPUT
                aria-describedby=help aria-invalid=move || invalid_when().to_string()
                prop:value=move || draft.with(|d| (field.get)(d, i).cloned().unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(s) = (field.set)(d, i) { *s = v; }); } />
        </div>
    }
}

/// The credit input of row `i`: invalid while `key` has an error and this credit is unreadable.
pub(super) fn credit_input(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    (key, help): (&'static str, &'static str),
    (i, field): (usize, Field),
    (id, label): (String, String),
) -> impl IntoView {
    let bad = move || {
        errors.with(|e| e.contains_key(key))
            && draft.with(|d| (field.get)(d, i).is_some_and(|c| bad_credit(c)))
    };
    row_input(draft, (i, field), (id, label), true, Some(help), bad)
}

/// A feedback input of row `i`.
pub(super) fn feedback_input(
    draft: RwSignal<Draft>,
    (i, field): (usize, Field),
    (id, label): (String, String),
) -> impl IntoView {
    row_input(draft, (i, field), (id, label), false, None, || false)
}

/// What sets one list of answers apart: its error key, the id of its credit help, the test
/// id of its rows (before the index), and the label and action of its "Add" button.
pub(super) struct ListParts {
    pub key: &'static str,
    pub help_id: &'static str,
    pub row_testid: &'static str,
    pub add_label: &'static str,
    pub add: fn(&mut Draft),
}

/// A list of answers that each carry a credit: the legend, the credit help, `notes`, one
/// bordered row per answer (`row(i)`), the list's error, an "Add" button, then `after`.
#[expect(
    clippy::too_many_arguments,
    reason = "the parts of one fieldset, each used once"
)]
pub(super) fn answer_list(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    parts: ListParts,
    len: impl Fn() -> usize + Copy + Send + Sync + 'static,
    (legend, help): (&'static str, impl IntoView),
    notes: impl IntoView,
    row: impl Fn(usize) -> AnyView + Send + Sync + 'static,
    after: impl IntoView,
) -> impl IntoView {
    let ListParts {
        key,
        help_id,
        row_testid,
        add_label,
        add,
    } = parts;
    view! {
        <fieldset class="space-y-3">
            <legend class="text-sm font-medium text-slate-700">{legend}</legend>
            <p id=help_id class="text-sm text-slate-600">{help}</p>
            {notes}
            {move || (0..len()).map(|i| view! {
                <div class="space-y-2 rounded-lg border border-slate-200 p-3" data-testid=format!("{row_testid}{i}")>{row(i)}</div>
            }).collect_view()}
            {field_error(errors, key.into())}
            <button type="button" class=BUTTON_LIGHT on:click=move |_| draft.update(add)>{add_label}</button>
            {after}
        </fieldset>
    }
}
