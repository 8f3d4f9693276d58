//! The viewer's own review on a course page: what to do first when they may not review yet,
//! the form to write one (stars as a radio group, optional text), and editing or deleting it.

use leptos::prelude::*;

use crate::api::reviews::{DeleteReview, EditReview, ReplyToReview, SubmitReview};
use crate::components::{field_errors, FormError};
use crate::error::FieldErrors;
use crate::models::{ReviewEligibility, ReviewRow};

/// The actions on one's own review and the instructor's reply; reviews are read again after
/// each.
#[derive(Clone, Copy)]
pub struct ReviewActions {
    submit: ServerAction<SubmitReview>,
    edit: ServerAction<EditReview>,
    delete: ServerAction<DeleteReview>,
    /// The instructor's reply.
    pub reply: ServerAction<ReplyToReview>,
}

impl ReviewActions {
    /// New actions (made where the reviews resource is made, outside any `Suspend`).
    pub fn new() -> Self {
        Self {
            submit: ServerAction::new(),
            edit: ServerAction::new(),
            delete: ServerAction::new(),
            reply: ServerAction::new(),
        }
    }

    /// Changes whenever one of them completes.
    pub fn version(&self) -> (usize, usize, usize, usize) {
        (
            self.submit.version().get(),
            self.edit.version().get(),
            self.delete.version().get(),
            self.reply.version().get(),
        )
    }
}

/// Stars (a radio group) and text, named `rating` and `text`, filled with `rating`/`text`.
fn fields(
    prefix: &'static str,
    rating: u8,
    text: String,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let rating_error = move || errors.with(|e| e.get("rating").cloned());
    let text_error = move || errors.with(|e| e.get("text").cloned());
    let text_id = format!("{prefix}-text");
    view! {
        <fieldset class="space-y-1" aria-describedby=format!("{prefix}-rating-error")>
            <legend class="text-sm font-medium text-slate-700">"Your rating"</legend>
            <div class="flex flex-wrap gap-x-4 gap-y-1">
                {(1..=5u8).rev().map(|n| view! {
                    <label class="flex items-center gap-1">
                        <input type="radio" name="rating" value=n checked=n == rating required />
                        {if n == 1 { "1 star".to_owned() } else { format!("{n} stars") }}
                    </label>
                }).collect_view()}
            </div>
            <p id=format!("{prefix}-rating-error") class="text-sm text-red-700">{rating_error}</p>
        </fieldset>
        <div class="space-y-1">
            <label for=text_id.clone() class="block text-sm font-medium text-slate-700">"Your review (optional)"</label>
            <textarea id=text_id.clone() name="text" rows="4" maxlength="5000" class=crate::pages::teach::INPUT
                aria-invalid=move || text_error().is_some().to_string()
                aria-describedby=format!("{prefix}-text-hint {prefix}-text-error")>{text}</textarea>
            <p id=format!("{prefix}-text-hint") class="text-xs text-slate-500">"Plain text, 10 to 5,000 characters, or leave it empty."</p>
            <p id=format!("{prefix}-text-error") class="text-sm text-red-700">{text_error}</p>
        </div>
    }
}

/// The viewer's part of the reviews section.
#[component]
pub fn OwnReview(
    slug: String,
    mine: Option<ReviewRow>,
    eligibility: ReviewEligibility,
    actions: ReviewActions,
) -> impl IntoView {
    let next = format!("/courses/{slug}");
    let box_class = "space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
    match (eligibility, mine) {
        (ReviewEligibility::SignIn, _) => view! {
            <p class="text-slate-700">
                <a class="font-medium text-indigo-700 underline" href=crate::next_path::sign_in_href(&next)>"Sign in to review this course"</a>
                " once you have taken it."
            </p>
        }.into_any(),
        (ReviewEligibility::Enroll, _) => view! {
            <p class="text-slate-700">"Enroll in this course and open a lesson to review it."</p>
        }.into_any(),
        (ReviewEligibility::OpenLesson, _) => view! {
            <p class="text-slate-700">"Open a lesson of this course, then come back to review it."</p>
        }.into_any(),
        (_, Some(mine)) => {
            let value = Signal::derive(move || actions.edit.value().get());
            let errors = field_errors(value);
            let (slug_edit, slug_delete) = (slug.clone(), slug);
            view! {
                <div class=box_class>
                    <h3 class="font-semibold">"Your review"</h3>
                    {mine.hidden_reason.clone().map(|why| view! {
                        <p class="rounded bg-amber-50 p-2 text-sm text-amber-900">{format!("A moderator hid this review: {why}. Other people do not see it.")}</p>
                    })}
                    <details open=move || value.with(|v| matches!(v, Some(Err(_))))>
                        <summary class="cursor-pointer font-medium text-indigo-700">"Edit your review"</summary>
                        <ActionForm action=actions.edit attr:class="mt-3 space-y-3">
                            <input type="hidden" name="slug" value=slug_edit />
                            {fields("edit-review", mine.rating, mine.body.clone().unwrap_or_default(), errors)}
                            <button type="submit" class="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">"Save review"</button>
                            <FormError value />
                        </ActionForm>
                    </details>
                    <details>
                        <summary class="cursor-pointer text-sm text-red-700">"Delete…"</summary>
                        <ActionForm action=actions.delete attr:class="mt-2 space-y-2">
                            <input type="hidden" name="slug" value=slug_delete />
                            <p class="text-sm text-slate-600">"Your rating and text are removed for good."</p>
                            <button type="submit" class="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50">"Delete my review"</button>
                        </ActionForm>
                    </details>
                </div>
            }.into_any()
        }
        _ => {
            let value = Signal::derive(move || actions.submit.value().get());
            let errors = field_errors(value);
            view! {
                <section class=box_class aria-labelledby="write-review-title">
                    <h3 id="write-review-title" class="font-semibold">"Review this course"</h3>
                    <ActionForm action=actions.submit attr:class="space-y-3">
                        <input type="hidden" name="slug" value=slug />
                        {fields("new-review", 0, String::new(), errors)}
                        <button type="submit" class="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700">"Post review"</button>
                        <FormError value />
                    </ActionForm>
                </section>
            }.into_any()
        }
    }
}
