//! `/teach/courses/:id`: the course editor: details with autosave and a live markdown
//! preview, the cover upload, the curriculum, and publishing.

use leptos::prelude::*;
use leptos_meta::Title;

use super::curriculum_editor::CurriculumEditor;
use super::{BUTTON, BUTTON_LIGHT, CARD, INPUT};
use crate::api::authoring::{
    get_course_editor, publish_course, save_course, set_course_cover, unpublish_course,
};
use crate::components::{
    use_autosave, use_markdown_preview, Autosave, BackLink, FileUpload, MarkdownPreview,
    SaveIndicator,
};
use crate::error::AppError;
use crate::models::{
    publish_problems, CourseDraft, CourseEditor, MediaInfo, CATEGORIES, CURRENCIES, LANGUAGES,
    LEVELS,
};

/// The course editor page.
#[component]
pub fn CourseEditorPage() -> impl IntoView {
    super::by_route_id(get_course_editor, "Loading the editor…", |editor| {
        view! { <CourseEditorView editor /> }.into_any()
    })
}

#[component]
fn CourseEditorView(editor: CourseEditor) -> impl IntoView {
    let course_id = editor.id;
    let autosave = use_autosave(
        format!("course:{course_id}"),
        editor.draft.clone(),
        editor.revision,
        move |draft, revision| save_course(course_id, revision, draft),
    );
    let status = RwSignal::new(editor.status.clone());
    let cover = RwSignal::new(editor.cover_url.clone());
    let outline = RwSignal::new(editor.sections.clone());
    let slug = RwSignal::new(editor.draft.slug.clone());
    Effect::new(move |_| {
        if let Some(saved) = autosave.last_saved.get() {
            slug.set(saved.slug);
        }
    });
    let title = move || autosave.draft.with(|d| d.title.clone());
    view! {
        // The saved title, fixed: the server writes the <head> after the page's reactive owner
        // is gone, so a title read from the draft signal panicked there now and then.
        <Title text=format!("Edit: {}", editor.draft.title) />
        <div class="mx-auto max-w-5xl space-y-8 px-4 py-10">
            <BackLink href="/teach" label="Your courses" />
            <header class="flex flex-wrap items-start justify-between gap-4">
                <div class="space-y-2">
                    <h1 class="text-3xl font-bold tracking-tight">{title}</h1>
                    <SaveIndicator autosave />
                </div>
                <div class="flex flex-wrap items-center gap-3">
                    <span data-testid="course-status" class=move || if status.get() == "published" { "rounded-full bg-emerald-50 px-3 py-1 text-sm font-medium text-emerald-800" } else { "rounded-full bg-amber-50 px-3 py-1 text-sm font-medium text-amber-800" }>
                        {move || if status.get() == "published" { "Published" } else { "Draft" }}
                    </span>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/questions")>"Question bank"</a>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/gradebook")>"Gradebook"</a>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/stats")>"Statistics"</a>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/coupons")>"Coupons"</a>
                    <a class=BUTTON_LIGHT href=format!("/teach/courses/{course_id}/badges")>"Badges"</a>
                    <a class=BUTTON_LIGHT href=move || format!("/courses/{}", slug.get()) target="_blank" rel="noopener">"Preview as learner"</a>
                </div>
            </header>
            {view! { <PublishPanel course_id status autosave cover outline /> }.into_any()}
            {view! { <DetailsForm autosave /> }.into_any()}
            <section aria-labelledby="cover-title" class=CARD>
                <h2 id="cover-title" class="text-lg font-semibold">"Cover image"</h2>
                {move || match cover.get() {
                    Some(url) => view! { <img src=url alt="Current cover" class="aspect-video w-80 rounded-lg border border-slate-200 object-cover" /> }.into_any(),
                    None => view! { <p class="text-sm text-slate-600">"No cover yet. Courses need one to be published."</p> }.into_any(),
                }}
                <FileUpload
                    course_id
                    kind="image"
                    id="cover-upload"
                    label="Upload a cover (PNG, JPEG, WebP or GIF, up to 10 MB)"
                    accept="image/png,image/jpeg,image/webp,image/gif"
                    on_done=Callback::new(move |media: MediaInfo| {
                        leptos::task::spawn_local(async move {
                            if let Ok(url) = set_course_cover(course_id, media.id).await {
                                cover.set(Some(url));
                            }
                        });
                    })
                />
            </section>
            {view! { <CurriculumEditor course_id outline /> }.into_any()}
        </div>
    }
}

#[component]
fn PublishPanel(
    course_id: i64,
    status: RwSignal<String>,
    autosave: Autosave<CourseDraft>,
    cover: RwSignal<Option<String>>,
    outline: RwSignal<Vec<crate::models::EditorSection>>,
) -> impl IntoView {
    let problems = move || {
        publish_problems(
            &autosave.draft.with(|d| d.title.clone()),
            outline.with(|o| o.iter().map(|s| s.lessons.len()).sum()),
            cover.with(Option::is_some),
        )
    };
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let toggle = move |_| {
        let publish = status.get_untracked() != "published";
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = if publish {
                publish_course(course_id).await
            } else {
                unpublish_course(course_id).await
            };
            busy.set(false);
            match result {
                Ok(editor) => status.set(editor.status),
                Err(AppError::Validation(fields)) => error.set(
                    fields
                        .get("publish")
                        .cloned()
                        .or_else(|| fields.values().next().cloned()),
                ),
                Err(other) => error.set(Some(other.to_string())),
            }
        });
    };
    view! {
        <section aria-labelledby="publish-title" class=CARD>
            <div class="flex flex-wrap items-center justify-between gap-4">
                <h2 id="publish-title" class="text-lg font-semibold">"Publishing"</h2>
                <button type="button" class=move || if status.get() == "published" { BUTTON_LIGHT } else { BUTTON }
                    disabled=move || busy.get() || (status.get() != "published" && !problems().is_empty())
                    on:click=toggle>
                    {move || if status.get() == "published" { "Unpublish" } else { "Publish" }}
                </button>
            </div>
            {move || {
                let problems = problems();
                if status.get() == "published" {
                    view! { <p class="text-sm text-slate-600">"This course is in the catalogue. Unpublishing hides it from new learners; enrolled learners keep access."</p> }.into_any()
                } else if problems.is_empty() {
                    view! { <p class="text-sm text-emerald-700">"Ready to publish."</p> }.into_any()
                } else {
                    view! {
                        <div class="text-sm">
                            <p class="text-slate-600">"Before publishing:"</p>
                            <ul class="list-disc pl-5 text-amber-800" data-testid="publish-problems">
                                {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                }
            }}
            <p role="alert" class="whitespace-pre-line text-sm font-medium text-red-700">{move || error.get()}</p>
        </section>
    }
}

/// A text input or textarea bound to one field of the draft, with its error message.
#[component]
fn DraftText(
    autosave: Autosave<CourseDraft>,
    name: &'static str,
    /// The label; a closure when it follows the draft (the price names its currency).
    #[prop(into)]
    label: TextProp,
    get: fn(&CourseDraft) -> &String,
    set: fn(&mut CourseDraft, String),
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let id = format!("course-{name}");
    let error_id = format!("{id}-error");
    let message = move || autosave.errors.with(|e| e.get(name).cloned());
    let value = move || autosave.draft.with(|d| get(d).clone());
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        autosave.draft.update(|d| set(d, text));
    };
    let invalid = move || message().is_some().to_string();
    let input = match rows {
        Some(rows) => view! {
            <textarea id=id.clone() name=name rows=rows class=format!("{INPUT} font-mono text-sm")
                aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=value on:input=on_input></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() name=name class=INPUT
                aria-invalid=invalid aria-describedby=error_id.clone()
                prop:value=value on:input=on_input />
        }
        .into_any(),
    };
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="text-sm font-medium text-slate-700">{move || label.get()}</label>
            {input}
            {(!hint.is_empty()).then(|| view! { <p class="text-xs text-slate-500">{hint}</p> })}
            <p id=error_id class="min-h-5 text-sm text-red-700">{message}</p>
        </div>
    }
}

/// A select bound to one field of the draft.
#[component]
fn DraftSelect(
    autosave: Autosave<CourseDraft>,
    name: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    get: fn(&CourseDraft) -> &String,
    set: fn(&mut CourseDraft, String),
) -> impl IntoView {
    let id = format!("course-{name}");
    let message = move || autosave.errors.with(|e| e.get(name).cloned());
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-700">{label}</label>
            <select id=id name=name class=INPUT
                prop:value=move || autosave.draft.with(|d| get(d).clone())
                on:change=move |ev| { let v = event_target_value(&ev); autosave.draft.update(|d| set(d, v)); }>
                {options.iter().map(|(value, text)| view! {
                    <option value=*value selected=move || autosave.draft.with(|d| get(d) == value)>{*text}</option>
                }).collect_view()}
            </select>
            <p class="min-h-5 text-sm text-red-700">{message}</p>
        </div>
    }
}

#[component]
fn DetailsForm(autosave: Autosave<CourseDraft>) -> impl IntoView {
    let (preview, preview_error) =
        use_markdown_preview(move || autosave.draft.with(|d| d.description.clone()));
    let price_label = move || {
        autosave
            .draft
            .with(|d| format!("Price ({}, 0 = free)", d.currency))
    };
    view! {
        <section aria-labelledby="details-title" class=CARD>
            <h2 id="details-title" class="text-lg font-semibold">"Details"</h2>
            <p class="text-sm text-slate-600">"Changes save automatically as you type."</p>
            <div class="grid gap-4 sm:grid-cols-2">
                <DraftText autosave name="title" label="Title" get=|d| &d.title set=|d, v| d.title = v />
                <DraftText autosave name="slug" label="Web address" get=|d| &d.slug set=|d, v| d.slug = v
                    hint="Letters, numbers and hyphens; the course lives at /courses/<this>." />
            </div>
            <DraftText autosave name="subtitle" label="Subtitle" get=|d| &d.subtitle set=|d, v| d.subtitle = v />
            <div class="grid gap-4 sm:grid-cols-3">
                <DraftSelect autosave name="category" label="Category" options=CATEGORIES get=|d| &d.category set=|d, v| d.category = v />
                <DraftSelect autosave name="level" label="Level" options=LEVELS get=|d| &d.level set=|d, v| d.level = v />
                <DraftSelect autosave name="language" label="Language" options=LANGUAGES get=|d| &d.language set=|d, v| d.language = v />
            </div>
            <div class="grid gap-4 sm:grid-cols-3">
                <DraftSelect autosave name="currency" label="Currency" options=CURRENCIES get=|d| &d.currency set=|d, v| d.currency = v />
                <DraftText autosave name="price" label=price_label get=|d| &d.price set=|d, v| d.price = v />
            </div>
            <div class="grid gap-4 lg:grid-cols-2">
                <DraftText autosave name="description" label="Description (markdown)" rows=14u32
                    get=|d| &d.description set=|d, v| d.description = v />
                <MarkdownPreview name="description" html=preview error=preview_error box_class="min-h-40 bg-slate-50 p-4" />
            </div>
            <div class="grid gap-4 sm:grid-cols-2">
                <DraftText autosave name="outcomes" label="What learners will learn (one per line)" rows=5u32
                    get=|d| &d.outcomes set=|d, v| d.outcomes = v />
                <DraftText autosave name="requirements" label="Requirements (one per line)" rows=5u32
                    get=|d| &d.requirements set=|d, v| d.requirements = v />
            </div>
        </section>
    }
}
