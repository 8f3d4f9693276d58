//! The one confirmation dialog for destructive actions (deleting a lesson, leaving a course): a
//! native modal `<dialog>`, so focus is trapped inside, Escape cancels, and the page behind is
//! inert. Focus moves to "Cancel" when it opens and back to what had it when it closes.

use leptos::prelude::*;

/// What a confirmation asks, and what happens on "yes".
#[derive(Clone)]
pub struct ConfirmRequest {
    /// The dialog's heading (it labels the dialog), e.g. "Delete the lesson “Intro”?".
    pub heading: String,
    /// What follows from confirming, e.g. "This cannot be undone.".
    pub message: String,
    /// The destructive button's name, saying what it does, e.g. "Delete lesson".
    pub action: String,
    /// Runs once the action button is pressed.
    pub on_confirm: Callback<()>,
}

/// A handle for asking: shared by the controls that ask and the [`ConfirmDialog`] that shows.
#[derive(Clone, Copy)]
pub struct Confirm(RwSignal<Option<ConfirmRequest>>);

impl Confirm {
    /// A handle with nothing asked yet.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// Opens the dialog with `heading`, `message` and the `action` button; `on_confirm` runs if
    /// the action is chosen.
    pub fn ask(
        self,
        heading: impl Into<String>,
        message: impl Into<String>,
        action: impl Into<String>,
        on_confirm: impl Fn() + Send + Sync + 'static,
    ) {
        self.0.set(Some(ConfirmRequest {
            heading: heading.into(),
            message: message.into(),
            action: action.into(),
            on_confirm: Callback::new(move |()| on_confirm()),
        }));
    }
}

impl Default for Confirm {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    /// What had focus when the open dialog was shown, to return focus to on close. One slot is
    /// enough: a modal dialog is the only one open. Kept out of the reactive owner on purpose: a
    /// `StoredValue::new_local` made while rendering on the server panics ("Dropped SendWrapper
    /// from a thread different…") when the owner is dropped on another worker thread.
    static OPENER: std::cell::RefCell<Option<web_sys::HtmlElement>> =
        const { std::cell::RefCell::new(None) };
}

/// The modal dialog of `confirm`. `id` names its heading and message (unique on the page).
#[component]
pub fn ConfirmDialog(
    confirm: Confirm,
    #[prop(default = "confirm")] id: &'static str,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let cancel = NodeRef::<leptos::html::Button>::new();
    let request = confirm.0;
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if request.with(Option::is_some) && !element.open() {
            use wasm_bindgen::JsCast;
            let focused = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            OPENER.with(|o| *o.borrow_mut() = focused);
            if element.show_modal().is_ok() {
                if let Some(button) = cancel.get_untracked() {
                    let _ = button.focus();
                }
            }
        }
    });
    // Every way out (Cancel, Escape, the action) ends in the dialog's `close` event.
    let closed = move |_| {
        request.set(None);
        if let Some(element) = OPENER.with(|o| o.borrow_mut().take()) {
            let _ = element.focus();
        }
    };
    let close = move || {
        if let Some(element) = dialog.get_untracked() {
            element.close();
        }
    };
    let act = move |_| {
        let chosen = request.get_untracked();
        close();
        if let Some(chosen) = chosen {
            chosen.on_confirm.run(());
        }
    };
    let text = move |part: fn(&ConfirmRequest) -> &String| {
        move || request.with(|r| r.as_ref().map(|r| part(r).clone()).unwrap_or_default())
    };
    let heading_id = format!("{id}-heading");
    let message_id = format!("{id}-message");
    let (labelled_by, described_by) = (heading_id.clone(), message_id.clone());
    view! {
        <dialog
            node_ref=dialog
            aria-labelledby=labelled_by
            aria-describedby=described_by
            class="w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-6 shadow-xl backdrop:bg-slate-900/50"
            on:close=closed
        >
            <h2 id=heading_id class="text-lg font-semibold text-slate-900">{text(|r| &r.heading)}</h2>
            <p id=message_id class="mt-2 text-sm text-slate-600">{text(|r| &r.message)}</p>
            <div class="mt-6 flex flex-wrap justify-end gap-3">
                <button
                    type="button"
                    node_ref=cancel
                    class="min-h-11 rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-50"
                    on:click=move |_| close()
                >
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="min-h-11 rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800"
                    on:click=act
                >
                    {text(|r| &r.action)}
                </button>
            </div>
        </dialog>
    }
}
