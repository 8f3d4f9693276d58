//! The parts of the question editor whose answers each carry a credit and feedback: choice
//! options, accepted short answers and accepted numbers.

use leptos::prelude::*;

use super::super::INPUT;
use super::answer_parts::{
    answer_list, credit_input, feedback_input, ListParts, ANSWER_CREDIT, ANSWER_FEEDBACK,
    NUMBER_CREDIT, NUMBER_FEEDBACK, OPTION_CREDIT, OPTION_FEEDBACK,
};
use super::question_draft::Draft;
use super::question_forms::{field_error, invalid, lenient, row_buttons};
use super::question_rows::{AnswerDraft, NumberDraft, OptionDraft};
use crate::error::FieldErrors;
use crate::quiz::QuestionKind;

/// The options of a single- or multiple-choice question.
pub fn options(
    draft: RwSignal<Draft>,
    errors: RwSignal<FieldErrors>,
    kind: QuestionKind,
) -> impl IntoView {
    let single = kind == QuestionKind::SingleChoice;
    let len = move || draft.with(|d| d.options.len());
    let several_correct =
        move || single && draft.with(|d| d.options.iter().filter(|o| o.correct).count() > 1);
    let parts = ListParts {
        key: "options",
        help_id: "option-credit-help",
        row_testid: "option-",
        add_label: "Add option",
        add: |d| d.options.push(OptionDraft::default()),
    };
    let legend = if single {
        "Options (mark the one correct option)"
    } else {
        "Options (mark every correct option)"
    };
    let help = view! {
        "Credit (%) is optional: empty means 100% if the option is correct, else 0%. "
        {if single {
            "A learner's pick earns its option's credit, so an option with 100% is right too."
        } else {
            "Once any option has a credit, a learner earns the sum of the credits of the options they pick (from 0 to 100%) and the partial-credit setting is ignored."
        }}
    };
    let notes = move || {
        several_correct().then(|| view! {
            <p class="text-sm text-amber-800" data-testid="several-correct">
                "Several options are marked correct, each worth full marks. Marking one here unmarks the others: give an option a credit of 100% to keep it worth full marks."
            </p>
        })
    };
    let row = move |i: usize| {
        let text_id = format!("option-{i}-text");
        let correct_id = format!("option-{i}-correct");
        view! {
            <div class="flex flex-wrap items-center gap-3">
                <label for=text_id.clone() class="text-sm font-medium">{format!("Option {}", i + 1)}</label>
                <input id=correct_id.clone() type=if single { "radio" } else { "checkbox" } name="correct-option"
                    prop:checked=move || draft.with(|d| d.options.get(i).is_some_and(|o| o.correct))
                    on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.set_correct(i, on)); } />
                <label class="-ml-2 text-sm" for=correct_id>{format!("Option {} is correct", i + 1)}</label>
                <div class="ml-auto">{row_buttons("option", i, len, draft, |d| &mut d.options)}</div>
            </div>
            <input id=text_id type="text" class=INPUT aria-invalid=invalid(errors, format!("options.{i}.text"))
                prop:value=move || draft.with(|d| d.options.get(i).map(|o| o.text.clone()).unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(o) = d.options.get_mut(i) { o.text = v; }); } />
            {field_error(errors, format!("options.{i}.text"))}
            <div class="flex flex-wrap items-end gap-2">
                {credit_input(draft, errors, ("options", "option-credit-help"), (i, OPTION_CREDIT),
                    (format!("option-{i}-credit"), format!("Credit for option {} (%)", i + 1)))}
                {feedback_input(draft, (i, OPTION_FEEDBACK),
                    (format!("option-{i}-feedback"), format!("Feedback when option {} is picked (optional)", i + 1)))}
            </div>
        }.into_any()
    };
    let after = (!single).then(|| view! {
        <div class="flex items-center gap-2 text-sm">
            <input id="partial-credit" type="checkbox" prop:checked=move || draft.with(|d| d.partial_credit)
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.partial_credit = on); } />
            <label for="partial-credit">"Partial credit: each right pick earns a share, each wrong pick costs one"</label>
        </div>
    });
    answer_list(draft, errors, parts, len, (legend, help), notes, row, after)
}

/// The accepted answers of a short-text question.
pub fn short_text(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let len = move || draft.with(|d| d.accepted.len());
    let parts = ListParts {
        key: "accepted",
        help_id: "accepted-credit-help",
        row_testid: "accepted-row-",
        add_label: "Add answer",
        add: |d| d.accepted.push(AnswerDraft::default()),
    };
    let help = "The first answer that matches gives its credit (%); empty means 100%. A partly right answer might earn 50%, a common mistake 0% with feedback.";
    let row = move |i: usize| {
        let id = format!("accepted-{i}");
        view! {
            <div class="flex flex-wrap items-center gap-3">
                <label for=id.clone() class="text-sm font-medium">{format!("Answer {}", i + 1)}</label>
                <div class="ml-auto">{row_buttons("answer", i, len, draft, |d| &mut d.accepted)}</div>
            </div>
            <input id=id type="text" class=INPUT aria-invalid=invalid(errors, "accepted".into())
                prop:value=move || draft.with(|d| d.accepted.get(i).map(|a| a.text.clone()).unwrap_or_default())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(a) = d.accepted.get_mut(i) { a.text = v; }); } />
            <div class="flex flex-wrap items-end gap-2">
                {credit_input(draft, errors, ("accepted", "accepted-credit-help"), (i, ANSWER_CREDIT),
                    (format!("accepted-{i}-credit"), format!("Credit for answer {} (%)", i + 1)))}
                {feedback_input(draft, (i, ANSWER_FEEDBACK),
                    (format!("accepted-{i}-feedback"), format!("Feedback for answer {} (optional)", i + 1)))}
            </div>
        }.into_any()
    };
    let after = view! {
        {lenient(draft)}
        <div class="flex flex-wrap items-center gap-2 text-sm">
            <input id="short-wildcards" type="checkbox" aria-describedby="short-wildcards-help" prop:checked=move || draft.with(|d| d.wildcards)
                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.wildcards = on); } />
            <label for="short-wildcards">"Treat * as a wildcard (any text)"</label>
            <span id="short-wildcards-help" class="text-slate-600">"Write "<code>"\\*"</code>" for a star itself."</span>
        </div>
    };
    answer_list(
        draft,
        errors,
        parts,
        len,
        ("Accepted answers", help),
        (),
        row,
        after,
    )
}

/// The accepted numbers, unit and other-answer feedback of a numeric question.
pub fn numeric(draft: RwSignal<Draft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let len = move || draft.with(|d| d.numeric.len());
    let parts = ListParts {
        key: "answers",
        help_id: "numeric-credit-help",
        row_testid: "numeric-row-",
        add_label: "Add number",
        add: |d| d.numeric.push(NumberDraft::default()),
    };
    let help = "The first number that matches gives its credit (%); empty means 100%.";
    let row = move |i: usize| {
        let (vid, tid) = (
            format!("numeric-{i}-value"),
            format!("numeric-{i}-tolerance"),
        );
        view! {
            <div class="flex flex-wrap items-end gap-2">
                <div class="flex min-w-0 flex-1 basis-32 flex-col gap-1">
                    <label for=vid.clone() class="text-sm">{format!("Number {}", i + 1)}</label>
                    <input id=vid type="text" inputmode="decimal" class=INPUT aria-invalid=invalid(errors, "answers".into())
                        prop:value=move || draft.with(|d| d.numeric.get(i).map(|n| n.value.clone()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(n) = d.numeric.get_mut(i) { n.value = v; }); } />
                </div>
                <div class="flex min-w-0 flex-1 basis-32 flex-col gap-1">
                    <label for=tid.clone() class="text-sm">{format!("Tolerance {} (±)", i + 1)}</label>
                    <input id=tid type="text" inputmode="decimal" class=INPUT
                        prop:value=move || draft.with(|d| d.numeric.get(i).map(|n| n.tolerance.clone()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(n) = d.numeric.get_mut(i) { n.tolerance = v; }); } />
                </div>
                {credit_input(draft, errors, ("answers", "numeric-credit-help"), (i, NUMBER_CREDIT),
                    (format!("numeric-{i}-credit"), format!("Credit for number {} (%)", i + 1)))}
            </div>
            <div class="flex flex-wrap items-end gap-2">
                {feedback_input(draft, (i, NUMBER_FEEDBACK),
                    (format!("numeric-{i}-feedback"), format!("Feedback for number {} (optional)", i + 1)))}
                {row_buttons("number", i, len, draft, |d| &mut d.numeric)}
            </div>
        }.into_any()
    };
    let after = view! {
        <div class="flex flex-col gap-1">
            <label for="numeric-other-feedback" class="text-sm">"Feedback for any other answer"</label>
            <textarea id="numeric-other-feedback" rows="2" class=INPUT
                prop:value=move || draft.with(|d| d.other_feedback.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.other_feedback = v); }></textarea>
        </div>
        <div class="flex flex-wrap items-end gap-4">
            <div class="flex flex-col gap-1">
                <label for="numeric-unit" class="text-sm">"Unit (optional, e.g. m/s2)"</label>
                <input id="numeric-unit" type="text" class=INPUT aria-invalid=invalid(errors, "unit".into())
                    prop:value=move || draft.with(|d| d.unit.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.unit = v); } />
            </div>
            <div class="flex items-center gap-2 pb-2 text-sm">
                <input id="numeric-unit-required" type="checkbox" prop:checked=move || draft.with(|d| d.unit_required)
                    on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| d.unit_required = on); } />
                <label for="numeric-unit-required">"The unit is required"</label>
            </div>
        </div>
        {field_error(errors, "unit".into())}
    };
    answer_list(
        draft,
        errors,
        parts,
        len,
        ("Accepted numbers (right when within the tolerance)", help),
        (),
        row,
        after,
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::super::question_forms::BodyForm;
    use super::*;

    /// The form of `kind` as the server renders it.
    fn form(kind: QuestionKind) -> String {
        let draft = RwSignal::new(Draft {
            kind,
            ..Draft::default()
        });
        let errors = RwSignal::new(FieldErrors::new());
        view! { <BodyForm draft errors /> }.to_html()
    }

    #[test]
    fn every_control_of_every_kind_has_a_label() {
        Owner::new().with(|| {
            for kind in QuestionKind::ALL {
                let html = form(kind);
                for control in ["<input", "<textarea", "<select"] {
                    for tag in html.split(control).skip(1) {
                        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
                        let id = tag
                            .split(" id=\"")
                            .nth(1)
                            .and_then(|rest| rest.split('"').next());
                        let Some(id) = id else {
                            panic!("{kind:?}: a control without an id: {tag}");
                        };
                        assert!(html.contains(&format!("for=\"{id}\"")), "{kind:?}: {id}");
                    }
                }
            }
            let labels = [
                (QuestionKind::SingleChoice, "Credit for option 2 (%)"),
                (QuestionKind::ShortText, "Credit for answer 1 (%)"),
                (QuestionKind::ShortText, "Treat * as a wildcard (any text)"),
                (QuestionKind::Numeric, "Feedback for number 1 (optional)"),
                (QuestionKind::Numeric, "Feedback for any other answer"),
                (QuestionKind::Matching, "empty prompt is a distractor"),
            ];
            for (kind, text) in labels {
                assert!(form(kind).contains(text), "{kind:?}: {text}");
            }
        });
    }
}
