//! The curriculum outline: sections that expand and collapse, lessons with durations.
//!
//! Every section starts expanded, so the outline is complete without JavaScript; the
//! expand/collapse buttons work once the page has hydrated.

use leptos::prelude::*;

use crate::models::{format_duration, SectionOutline};

/// The outline of a course. `current` marks the lesson being shown, if any.
#[component]
pub fn Curriculum(
    course_slug: String,
    sections: Vec<SectionOutline>,
    #[prop(optional)] current: Option<String>,
    /// Every lesson opens (the viewer is enrolled or edits the course), not just previews.
    #[prop(optional)]
    unlocked: bool,
    /// Slugs of the lessons the viewer has completed (ticks), when they are enrolled.
    #[prop(optional, into)]
    completed: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let open: Vec<RwSignal<bool>> = sections.iter().map(|_| RwSignal::new(true)).collect();
    let all_open = {
        let open = open.clone();
        Signal::derive(move || open.iter().all(|s| s.get()))
    };
    let toggle_all = {
        let open = open.clone();
        move |_| {
            let target = !all_open.get_untracked();
            open.iter().for_each(|s| s.set(target));
        }
    };
    let sections_view = sections
        .into_iter()
        .zip(open)
        .enumerate()
        .map(|(index, (section, is_open))| {
            let list_id = format!("section-{index}-lessons");
            let summary = format!(
                "{} lessons · {}",
                section.lessons.len(),
                format_duration(section.duration_seconds)
            );
            let lessons = section
                .lessons
                .into_iter()
                .map(|lesson| {
                    let is_current = current.as_deref() == Some(lesson.slug.as_str());
                    let href = format!("/courses/{}/lessons/{}", course_slug, lesson.slug);
                    let duration = format_duration(lesson.duration_seconds);
                    let tick_slug = lesson.slug.clone();
                    let tick = move || {
                        completed
                            .map(|c| c.with(|done| done.contains(&tick_slug)))
                            .unwrap_or(false)
                            .then(|| view! {
                                <span class="mr-1 text-emerald-600" aria-hidden="true">"✓"</span>
                                <span class="sr-only">"Completed: "</span>
                            })
                    };
                    let title = if unlocked || lesson.free_preview {
                        // A locked lesson is open only as a free preview, and says so.
                        let preview = (!unlocked).then(|| view! {
                            <span class="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                                "Preview"
                            </span>
                        });
                        view! {
                            <a
                                href=href
                                class="text-indigo-700 underline-offset-2 hover:underline"
                                aria-current=is_current.then_some("page")
                            >
                                {lesson.title}
                            </a>
                            {preview}
                        }
                            .into_any()
                    } else {
                        view! {
                            <span>{lesson.title}</span>
                            <span class="sr-only">" (enroll to unlock)"</span>
                        }
                            .into_any()
                    };
                    view! {
                        <li class=if is_current {
                            "flex justify-between gap-4 bg-indigo-50 px-4 py-2 text-sm"
                        } else {
                            "flex justify-between gap-4 px-4 py-2 text-sm"
                        }>
                            <span>{tick}{title}</span>
                            <span class="shrink-0 text-slate-600">{duration}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="border-b border-slate-200 last:border-b-0">
                    <h3>
                        <button
                            type="button"
                            class="flex w-full items-center justify-between gap-4 bg-slate-50 px-4 py-3 text-left font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
                            aria-expanded=move || is_open.get().to_string()
                            aria-controls=list_id.clone()
                            on:click=move |_| is_open.update(|o| *o = !*o)
                        >
                            <span>{section.title}</span>
                            <span class="shrink-0 text-sm font-normal text-slate-500">
                                {summary}
                            </span>
                        </button>
                    </h3>
                    <ul id=list_id role="list" hidden=move || !is_open.get()>
                        {lessons}
                    </ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="curriculum-title">
            <div class="mb-3 flex items-center justify-between">
                <h2 id="curriculum-title" class="text-xl font-semibold">
                    "Curriculum"
                </h2>
                <button
                    type="button"
                    class="text-sm font-medium text-indigo-700 hover:underline"
                    on:click=toggle_all
                >
                    {move || if all_open.get() { "Collapse all" } else { "Expand all" }}
                </button>
            </div>
            <ul class="overflow-hidden rounded-xl border border-slate-200 bg-white" role="list">
                {sections_view}
            </ul>
        </section>
    }
}
