//! The course page's enrollment panel: enroll, continue with a progress bar, or unenroll.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::buy::{BuyButton, CouponState};
use super::confirm_dialog::{Confirm, ConfirmDialog};
use super::progress::{listen, LiveProgress};
use crate::api::learning::{enroll, unenroll};
use crate::error::AppError;
use crate::models::CourseProgress;

/// A progress bar with its percentage for screen readers.
#[component]
pub fn ProgressBar(#[prop(into)] percent: Signal<u8>, label: String) -> impl IntoView {
    view! {
        <div class="space-y-1">
            <div
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || percent.get().to_string()
                class="h-2 w-full overflow-hidden rounded-full bg-slate-200"
            >
                <div class="h-full rounded-full bg-emerald-500 transition-all" style=move || format!("width: {}%", percent.get())></div>
            </div>
            <p class="text-xs text-slate-600" data-testid="progress-percent">{move || format!("{}% complete", percent.get())}</p>
        </div>
    }
}

/// Enroll / Continue / Unenroll for `slug`, or Buy now for a paid course the viewer does not
/// own. `progress` is the viewer's, when enrolled.
#[component]
pub fn EnrollPanel(
    slug: String,
    is_free: bool,
    /// The viewer bought this paid course (and it was not refunded).
    #[prop(optional)]
    owned: bool,
    progress: Option<CourseProgress>,
    /// The coupon the page was opened with, for Buy now.
    #[prop(optional)]
    coupon: CouponState,
) -> impl IntoView {
    let live = LiveProgress(RwSignal::new(progress));
    if live.0.get_untracked().is_some() {
        listen(live);
    }
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let slug_for_enroll = slug.clone();
    let do_enroll = move |_| {
        let slug = slug_for_enroll.clone();
        let navigate = navigate.clone();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match enroll(slug.clone()).await {
                Ok(progress) => {
                    busy.set(false);
                    let next = progress.continue_lesson_slug.clone();
                    live.0.set(Some(progress));
                    if let Some(lesson) = next {
                        navigate(
                            &format!("/courses/{slug}/lessons/{lesson}"),
                            Default::default(),
                        );
                    }
                }
                Err(AppError::Unauthorized) => {
                    busy.set(false);
                    navigate(
                        &crate::next_path::sign_in_href(&format!("/courses/{slug}")),
                        Default::default(),
                    );
                }
                Err(other) => {
                    busy.set(false);
                    error.set(Some(other.to_string()));
                }
            }
        });
    };
    let slug_for_unenroll = slug.clone();
    let confirm = Confirm::new();
    let do_unenroll = move |_| {
        let slug = slug_for_unenroll.clone();
        confirm.ask(
            "Leave this course?",
            "Your progress is kept if you enroll again.",
            "Unenroll",
            move || {
                let slug = slug.clone();
                leptos::task::spawn_local(async move {
                    match unenroll(slug).await {
                        Ok(()) => live.0.set(None),
                        Err(other) => error.set(Some(other.to_string())),
                    }
                });
            },
        );
    };
    let offline_slug = slug.clone();
    let percent = Signal::derive(move || live.0.with(|p| p.as_ref().map_or(0, |p| p.percent)));
    view! {
        <div class="space-y-3" data-testid="enroll-panel">
            <ConfirmDialog confirm id="unenroll-confirm" />
            {move || match live.0.get() {
                Some(progress) => {
                    let href = progress
                        .continue_lesson_slug
                        .as_ref()
                        .map(|l| format!("/courses/{}/lessons/{l}", progress.course_slug))
                        .unwrap_or_default();
                    let done = progress.completed_at.is_some();
                    view! {
                        <ProgressBar percent label="Course progress".to_owned() />
                        {done.then(|| view! { <p class="font-medium text-emerald-700">"You completed this course."</p> })}
                        <a href=href class="block rounded-lg bg-indigo-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-indigo-700">
                            {if done { "Review the course" } else if progress.completed_lessons == 0 { "Start learning" } else { "Continue learning" }}
                        </a>
                        <button type="button" class="w-full text-sm text-slate-600 underline hover:text-red-700" on:click=do_unenroll.clone()>"Unenroll"</button>
                    }.into_any()
                }
                None if is_free || owned => view! {
                    <button type="button" class="w-full rounded-lg bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
                        disabled=move || busy.get() on:click=do_enroll.clone()>
                        {move || if busy.get() { "Enrolling…" } else if is_free { "Enroll for free" } else { "Enroll" }}
                    </button>
                }.into_any(),
                None => view! { <BuyButton slug=slug.clone() coupon=coupon.clone() /> }.into_any(),
            }}
            <p role="alert" class="text-sm font-medium text-red-700">{move || error.get()}</p>
            // "Download for offline" once enrolled (/offline.js; nothing without JavaScript). Kept
            // outside the block above so live progress updates never interrupt a download.
            <lectern-offline course=offline_slug hidden=move || live.0.with(|p| p.is_none())></lectern-offline>
        </div>
    }
}
