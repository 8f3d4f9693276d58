//! The curriculum editor: sections and lessons added, renamed, deleted (after confirmation)
//! and reordered by drag and drop or with move up/down buttons that work from the keyboard.

use leptos::prelude::*;

use super::curriculum_order::{drop_lesson, move_lesson};
use super::{BUTTON, BUTTON_LIGHT, CARD, INPUT};
use crate::api::authoring::{
    add_lesson, add_section, delete_lesson, delete_section, rename_section, reorder_curriculum,
};
use crate::components::{Confirm, ConfirmDialog};
use crate::error::AppError;
use crate::format::count as plural;
use crate::models::{CurriculumOrder, EditorSection, LESSON_KINDS};

/// After the outline re-renders, focuses the first of `ids` that exists and is enabled (a
/// moved item's "up" button is disabled once it reaches the top, so its "down" one is next).
fn focus_later(ids: Vec<String>) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = ids.iter().find_map(|id| {
            document()
                .get_element_by_id(id)
                .filter(|e| !e.has_attribute("disabled"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// A change asked for by a section or lesson row.
#[derive(Debug, Clone)]
enum Change {
    AddLesson {
        section_id: i64,
        title: String,
        kind: String,
    },
    RenameSection {
        section_id: i64,
        title: String,
    },
    DeleteSection {
        section_id: i64,
    },
    DeleteLesson {
        lesson_id: i64,
    },
    MoveSection {
        index: usize,
        title: String,
        step: i32,
    },
    MoveLesson {
        lesson_id: i64,
        title: String,
        step: i32,
    },
    Drop {
        section_index: usize,
        before: Option<i64>,
    },
}

/// The curriculum card of the course editor.
#[component]
pub fn CurriculumEditor(course_id: i64, outline: RwSignal<Vec<EditorSection>>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let announce = RwSignal::new(String::new());
    let dragged = RwSignal::new(None::<i64>);
    let busy = RwSignal::new(false);
    let handle = move |change: Change| {
        let current = outline.get_untracked();
        let mut order = CurriculumOrder::of(&current);
        // The message for screen readers and the elements to focus afterwards.
        let (message, focus) = match &change {
            Change::MoveLesson {
                lesson_id,
                title,
                step,
            } => {
                if !move_lesson(&mut order, *lesson_id, *step) {
                    return;
                }
                let (direction, other) = if *step < 0 {
                    ("up", "down")
                } else {
                    ("down", "up")
                };
                (
                    format!("Moved {title} {direction}."),
                    vec![
                        format!("move-{direction}-lesson-{lesson_id}"),
                        format!("move-{other}-lesson-{lesson_id}"),
                    ],
                )
            }
            Change::MoveSection { index, title, step } => {
                let other = *index as i64 + i64::from(*step);
                if other < 0 || other as usize >= order.sections.len() {
                    return;
                }
                order.sections.swap(*index, other as usize);
                let id = order.sections[other as usize].id;
                let (direction, other) = if *step < 0 {
                    ("up", "down")
                } else {
                    ("down", "up")
                };
                (
                    format!("Moved section {title} {direction}."),
                    vec![
                        format!("move-{direction}-section-{id}"),
                        format!("move-{other}-section-{id}"),
                    ],
                )
            }
            Change::Drop {
                section_index,
                before,
            } => {
                let Some(lesson_id) = dragged.get_untracked() else {
                    return;
                };
                dragged.set(None);
                if !drop_lesson(&mut order, lesson_id, *section_index, *before) {
                    return;
                }
                (
                    "Lesson moved.".to_owned(),
                    vec![format!("lesson-link-{lesson_id}")],
                )
            }
            Change::AddLesson { title, .. } => (format!("Added lesson {title}."), Vec::new()),
            Change::RenameSection { title, .. } => {
                (format!("Renamed section to {title}."), Vec::new())
            }
            // The deleted row's button had focus; the next place to work is adding another.
            Change::DeleteSection { .. } => (
                "Section deleted.".to_owned(),
                vec!["new-section-title".to_owned()],
            ),
            Change::DeleteLesson { .. } => (
                "Lesson deleted.".to_owned(),
                vec!["new-section-title".to_owned()],
            ),
        };
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match change {
                Change::AddLesson {
                    section_id,
                    title,
                    kind,
                } => add_lesson(section_id, title, kind).await,
                Change::RenameSection { section_id, title } => {
                    rename_section(section_id, title).await
                }
                Change::DeleteSection { section_id } => delete_section(section_id).await,
                Change::DeleteLesson { lesson_id } => delete_lesson(lesson_id).await,
                Change::MoveSection { .. } | Change::MoveLesson { .. } | Change::Drop { .. } => {
                    reorder_curriculum(course_id, order).await
                }
            };
            busy.set(false);
            match result {
                Ok(new) => {
                    outline.set(new);
                    announce.set(message);
                    if !focus.is_empty() {
                        focus_later(focus);
                    }
                }
                Err(AppError::Validation(fields)) => error.set(fields.values().next().cloned()),
                Err(other) => error.set(Some(other.to_string())),
            }
        });
    };
    let on_change = Callback::new(handle);
    let new_section = RwSignal::new(String::new());
    let confirm = Confirm::new();
    view! {
        <section aria-labelledby="curriculum-title" class=CARD>
            <ConfirmDialog confirm id="curriculum-confirm" />
            <h2 id="curriculum-title" class="text-lg font-semibold">"Curriculum"</h2>
            <p class="text-sm text-slate-600">"Drag lessons to reorder them, or use the arrow buttons (they work with the keyboard)."</p>
            <p role="alert" class="min-h-5 text-sm font-medium text-red-700">{move || error.get()}</p>
            <p role="status" aria-live="polite" class="sr-only">{move || announce.get()}</p>
            {move || outline.with(Vec::is_empty).then(|| view! {
                <p class="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">"No sections yet. Add the first one below."</p>
            })}
            <ol class="space-y-4" data-testid="curriculum" aria-busy=move || busy.get().to_string()>
                {move || {
                    let sections = outline.get();
                    let count = sections.len();
                    sections.into_iter().enumerate().map(|(index, section)| {
                        view! { <SectionEditor section index count dragged on_change confirm /> }
                    }).collect_view()
                }}
            </ol>
            <form class="flex flex-wrap items-end gap-3" on:submit=move |ev| {
                ev.prevent_default();
                let title = new_section.get_untracked();
                new_section.set(String::new());
                error.set(None);
                leptos::task::spawn_local(async move {
                    match add_section(course_id, title).await {
                        Ok(new) => outline.set(new),
                        Err(AppError::Validation(fields)) => error.set(fields.values().next().cloned()),
                        Err(other) => error.set(Some(other.to_string())),
                    }
                });
            }>
                <div class="flex flex-col gap-1">
                    <label for="new-section-title" class="text-sm font-medium text-slate-700">"New section title"</label>
                    <input id="new-section-title" class=INPUT required maxlength="200"
                        prop:value=move || new_section.get()
                        on:input=move |ev| new_section.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class=BUTTON>"Add section"</button>
            </form>
        </section>
    }
}

const ARROW: &str =
    "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-40";

#[component]
fn SectionEditor(
    section: EditorSection,
    index: usize,
    count: usize,
    dragged: RwSignal<Option<i64>>,
    on_change: Callback<Change>,
    confirm: Confirm,
) -> impl IntoView {
    let section_id = section.id;
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(section.title.clone());
    let title = section.title.clone();
    let new_lesson = RwSignal::new(String::new());
    let new_kind = RwSignal::new("text".to_owned());
    let lesson_count = section.lessons.len();
    let heading_id = format!("section-{section_id}-title");
    let (t1, t2, t3) = (title.clone(), title.clone(), title.clone());
    view! {
        <li class="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-labelledby=heading_id.clone()
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| { ev.prevent_default(); on_change.run(Change::Drop { section_index: index, before: None }); }>
            <div class="flex flex-wrap items-center justify-between gap-2">
                {move || if renaming.get() {
                    view! {
                        <form class="flex items-center gap-2" on:submit=move |ev| {
                            ev.prevent_default();
                            renaming.set(false);
                            on_change.run(Change::RenameSection { section_id, title: name.get_untracked() });
                        }>
                            <label for=format!("rename-section-{section_id}") class="sr-only">"Section title"</label>
                            <input id=format!("rename-section-{section_id}") class=INPUT required autofocus
                                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                            <button type="submit" class=BUTTON_LIGHT>"Save"</button>
                            <button type="button" class=BUTTON_LIGHT on:click=move |_| renaming.set(false)>"Cancel"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <h3 id=format!("section-{section_id}-title") class="font-semibold">{format!("{}. {}", index + 1, name.get())}</h3> }.into_any()
                }}
                <div class="flex flex-wrap items-center gap-1">
                    <button type="button" class=ARROW id=format!("move-up-section-{section_id}") disabled=index == 0
                        aria-label=format!("Move section {t1} up") on:click=move |_| on_change.run(Change::MoveSection { index, title: t1.clone(), step: -1 })>"↑"</button>
                    <button type="button" class=ARROW id=format!("move-down-section-{section_id}") disabled=index + 1 == count
                        aria-label=format!("Move section {t2} down") on:click=move |_| on_change.run(Change::MoveSection { index, title: t2.clone(), step: 1 })>"↓"</button>
                    <button type="button" class=BUTTON_LIGHT on:click=move |_| renaming.set(true)>"Rename"</button>
                    <button type="button" class="rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
                        aria-label=format!("Delete section {t3}")
                        on:click=move |_| confirm.ask(
                            format!("Delete the section “{t3}”?"),
                            match lesson_count {
                                0 => "This cannot be undone.".to_owned(),
                                n => format!("Its {} go too. This cannot be undone.", plural(n, "lesson", "lessons")),
                            },
                            "Delete section",
                            move || on_change.run(Change::DeleteSection { section_id }),
                        )>"Delete"</button>
                </div>
            </div>
            <ol class="mt-3 space-y-2">
                {section.lessons.into_iter().enumerate().map(|(position, lesson)| {
                    let lesson_id = lesson.id;
                    let first = index == 0 && position == 0;
                    let last = index + 1 == count && position + 1 == lesson_count;
                    let (a, b, c) = (lesson.title.clone(), lesson.title.clone(), lesson.title.clone());
                    view! {
                        <li class="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2"
                            draggable="true" data-testid="lesson-row"
                            class:opacity-50=move || dragged.get() == Some(lesson_id)
                            on:dragstart=move |_| dragged.set(Some(lesson_id))
                            on:dragend=move |_| dragged.set(None)
                            on:dragover=move |ev| ev.prevent_default()
                            on:drop=move |ev| { ev.prevent_default(); ev.stop_propagation(); on_change.run(Change::Drop { section_index: index, before: Some(lesson_id) }); }>
                            <div class="flex min-w-0 flex-wrap items-center gap-2">
                                <span aria-hidden="true" class="cursor-grab text-slate-400">"⠿"</span>
                                <a id=format!("lesson-link-{lesson_id}") href=format!("/teach/lessons/{lesson_id}") class="font-medium text-indigo-700 hover:underline">{lesson.title.clone()}</a>
                                <span class="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{lesson.kind.clone()}</span>
                                {lesson.free_preview.then(|| view! { <span class="rounded bg-indigo-50 px-1.5 text-xs text-indigo-700">"preview"</span> })}
                            </div>
                            <div class="flex flex-wrap items-center gap-1">
                                <button type="button" class=ARROW id=format!("move-up-lesson-{lesson_id}") disabled=first
                                    aria-label=format!("Move lesson {a} up") on:click=move |_| on_change.run(Change::MoveLesson { lesson_id, title: a.clone(), step: -1 })>"↑"</button>
                                <button type="button" class=ARROW id=format!("move-down-lesson-{lesson_id}") disabled=last
                                    aria-label=format!("Move lesson {b} down") on:click=move |_| on_change.run(Change::MoveLesson { lesson_id, title: b.clone(), step: 1 })>"↓"</button>
                                <button type="button" class="rounded border border-red-200 px-2 py-0.5 text-sm text-red-700 hover:bg-red-50"
                                    aria-label=format!("Delete lesson {c}")
                                    on:click=move |_| confirm.ask(
                                        format!("Delete the lesson “{c}”?"),
                                        "This cannot be undone.",
                                        "Delete lesson",
                                        move || on_change.run(Change::DeleteLesson { lesson_id }),
                                    )>"Delete"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <form class="mt-3 flex flex-wrap items-end gap-2" on:submit=move |ev| {
                ev.prevent_default();
                let title = new_lesson.get_untracked();
                new_lesson.set(String::new());
                on_change.run(Change::AddLesson { section_id, title, kind: new_kind.get_untracked() });
            }>
                <div class="flex flex-col gap-1">
                    <label for=format!("new-lesson-{section_id}") class="text-sm text-slate-700">{format!("New lesson in {title}")}</label>
                    <input id=format!("new-lesson-{section_id}") class=INPUT required maxlength="200"
                        prop:value=move || new_lesson.get() on:input=move |ev| new_lesson.set(event_target_value(&ev)) />
                </div>
                <div class="flex flex-col gap-1">
                    <label for=format!("new-lesson-kind-{section_id}") class="text-sm text-slate-700">"Kind"</label>
                    <select id=format!("new-lesson-kind-{section_id}") class=INPUT on:change=move |ev| new_kind.set(event_target_value(&ev))>
                        {LESSON_KINDS.iter().map(|(value, label)| view! { <option value=*value>{*label}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class=BUTTON_LIGHT>"Add lesson"</button>
            </form>
        </li>
    }
}
