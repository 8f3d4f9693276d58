//! `/teach/lessons/:id`: the lesson editor: markdown with a live preview rendered by the same
//! code the server uses, video link or upload, attachment, free-preview flag; autosaved.

use leptos::prelude::*;
use leptos_meta::Title;

use super::quiz::QuizSection;
use super::{BUTTON_LIGHT, CARD, INPUT};
use crate::api::authoring::{get_lesson_editor, save_lesson, set_lesson_media};
use crate::api::quiz::get_quiz_editor;
use crate::components::{
    format_bytes, use_autosave, use_markdown_preview, Autosave, BackLink, FileUpload,
    MarkdownPreview, SaveIndicator,
};
use crate::error::AppError;
use crate::models::{LessonDraft, LessonEditor, MediaInfo, QuizEditor, LESSON_KINDS};

/// The lesson editor page.
#[component]
pub fn LessonEditorPage() -> impl IntoView {
    super::by_route_id(
        lesson_and_quiz,
        "Loading the lesson…",
        |(editor, quiz)| view! { <LessonEditorView editor quiz /> }.into_any(),
    )
}

/// Lesson `id` for the editor and, for a quiz lesson, its quiz: the page's only resource loads
/// both (a resource made by the quiz section, inside the page's `Suspend`, would break
/// hydration).
async fn lesson_and_quiz(
    id: i64,
) -> Result<(LessonEditor, Option<Result<QuizEditor, AppError>>), AppError> {
    let editor = get_lesson_editor(id).await?;
    let quiz = match editor.draft.kind.as_str() {
        "quiz" => Some(get_quiz_editor(editor.id).await),
        _ => None,
    };
    Ok((editor, quiz))
}

fn text_input(
    autosave: Autosave<LessonDraft>,
    name: &'static str,
    label: &'static str,
    get: fn(&LessonDraft) -> &String,
    set: fn(&mut LessonDraft, String),
) -> impl IntoView {
    let id = format!("lesson-{name}");
    let error_id = format!("{id}-error");
    let message = move || autosave.errors.with(|e| e.get(name).cloned());
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-700">{label}</label>
            <input id=id name=name class=INPUT aria-describedby=error_id.clone()
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || autosave.draft.with(|d| get(d).clone())
                on:input=move |ev| { let v = event_target_value(&ev); autosave.draft.update(|d| set(d, v)); } />
            <p id=error_id class="min-h-5 text-sm text-red-700">{message}</p>
        </div>
    }
}

#[component]
fn LessonEditorView(
    editor: LessonEditor,
    quiz: Option<Result<QuizEditor, AppError>>,
) -> impl IntoView {
    let lesson_id = editor.id;
    // The quiz as loaded with the lesson, until the kind is changed here (then the section
    // loads it afresh).
    let loaded_quiz = StoredValue::new(quiz);
    let course_id = editor.course_id;
    let autosave = use_autosave(
        format!("lesson:{lesson_id}"),
        editor.draft.clone(),
        editor.revision,
        move |draft, revision| save_lesson(lesson_id, revision, draft),
    );
    let media = RwSignal::new(editor.media.clone());
    let media_error = RwSignal::new(None::<String>);
    let kind = move || autosave.draft.with(|d| d.kind.clone());
    let (preview, preview_error) =
        use_markdown_preview(move || autosave.draft.with(|d| d.body.clone()));
    let attach = move |id: Option<i64>| {
        media_error.set(None);
        leptos::task::spawn_local(async move {
            match set_lesson_media(lesson_id, id).await {
                Ok(editor) => media.set(editor.media),
                Err(AppError::Validation(fields)) => {
                    media_error.set(fields.values().next().cloned())
                }
                Err(other) => media_error.set(Some(other.to_string())),
            }
        });
    };
    let body_error = move || autosave.errors.with(|e| e.get("body").cloned());
    let preview_href = format!("/courses/{}/lessons/{}", editor.course_slug, editor.slug);
    view! {
        // The saved title, fixed: the server writes the <head> after the page's reactive owner
        // is gone, so a title read from the draft signal panicked there now and then.
        <Title text=format!("Edit lesson: {}", editor.draft.title) />
        <div class="mx-auto max-w-6xl space-y-6 px-4 py-10">
            <BackLink href=format!("/teach/courses/{course_id}") label=editor.course_title />
            <header class="flex flex-wrap items-start justify-between gap-4">
                <div class="space-y-2">
                    <h1 class="text-3xl font-bold tracking-tight">{move || autosave.draft.with(|d| d.title.clone())}</h1>
                    <SaveIndicator autosave />
                </div>
                <a class=BUTTON_LIGHT href=preview_href target="_blank" rel="noopener">"Preview as learner"</a>
            </header>
            <section class=CARD aria-label="Lesson settings">
                <div class="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
                    {text_input(autosave, "title", "Title", |d| &d.title, |d, v| d.title = v)}
                    <div class="flex flex-col gap-1">
                        <label for="lesson-kind" class="text-sm font-medium text-slate-700">"Kind"</label>
                        <select id="lesson-kind" class=INPUT
                            on:change=move |ev| { let v = event_target_value(&ev); loaded_quiz.set_value(None); autosave.draft.update(|d| d.kind = v); }>
                            {LESSON_KINDS.iter().map(|(value, label)| view! {
                                <option value=*value selected=move || autosave.draft.with(|d| d.kind == *value)>{*label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {text_input(autosave, "duration_minutes", "Length (minutes)", |d| &d.duration_minutes, |d, v| d.duration_minutes = v)}
                </div>
                <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" prop:checked=move || autosave.draft.with(|d| d.free_preview)
                        on:change=move |ev| { let on = event_target_checked(&ev); autosave.draft.update(|d| d.free_preview = on); } />
                    "Free preview: anyone can open this lesson from the course page"
                </label>
            </section>
            {move || (kind() == "quiz").then(|| view! { <QuizSection lesson_id loaded=loaded_quiz.get_value() /> })}
            <section class=CARD aria-label="Media">
                {move || (kind() == "video").then(|| text_input(autosave, "video_url", "Video link (https://…, a direct video file) — or upload a video below", |d| &d.video_url, |d, v| d.video_url = v))}
                {move || media.get().map(|m: MediaInfo| view! {
                    <div class="flex flex-wrap items-center gap-3 text-sm" data-testid="lesson-media">
                        <span>{format!("Attached: {} ({}, {})", m.filename, m.content_type, format_bytes(m.size_bytes.max(0) as u64))}</span>
                        <a href=m.url.clone() class="text-indigo-700 hover:underline" target="_blank" rel="noopener">"Open"</a>
                        <button type="button" class=BUTTON_LIGHT on:click=move |_| attach(None)>"Remove"</button>
                    </div>
                })}
                {move || if kind() == "video" {
                    view! {
                        <FileUpload course_id kind="video" id="lesson-video-upload"
                            label="Upload a video (MP4, WebM or MOV, up to 2 GB)" accept="video/mp4,video/webm,video/quicktime"
                            on_done=Callback::new(move |m: MediaInfo| attach(Some(m.id))) />
                    }.into_any()
                } else {
                    view! {
                        <FileUpload course_id kind="attachment" id="lesson-file-upload"
                            label="Attach a file (PDF, ZIP, images, text or office documents, up to 100 MB)" accept=""
                            on_done=Callback::new(move |m: MediaInfo| attach(Some(m.id))) />
                    }.into_any()
                }}
                <p role="alert" class="min-h-5 text-sm font-medium text-red-700">{move || media_error.get()}</p>
            </section>
            <section class="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-label="Lesson text">
                <div class="flex min-w-0 flex-col gap-1">
                    <label for="lesson-body" class="text-sm font-medium text-slate-700">"Lesson text (markdown)"</label>
                    <textarea id="lesson-body" rows="24" class=format!("{INPUT} font-mono text-sm")
                        aria-describedby="lesson-body-error" aria-invalid=move || body_error().is_some().to_string()
                        prop:value=move || autosave.draft.with(|d| d.body.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); autosave.draft.update(|d| d.body = v); }></textarea>
                    <p id="lesson-body-error" class="min-h-5 text-sm text-red-700">{body_error}</p>
                </div>
                <MarkdownPreview name="lesson" html=preview error=preview_error box_class="min-h-96 bg-white p-6" article=true />
            </section>
        </div>
    }
}
