//! `/courses/{slug}/lessons/{lesson}`: a free-preview lesson with the course outline.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::catalogue::get_preview_lesson;
use crate::components::{set_http_status, Curriculum, ErrorView};
use crate::error::AppError;
use crate::models::{format_duration, LessonLink, LessonView};

/// The lesson page; enrollment-only lessons explain how to get access (403).
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("lesson").unwrap_or_default(),
            )
        })
    };
    let lesson = Resource::new(key, |(course, lesson)| get_preview_lesson(course, lesson));
    view! {
        <Suspense fallback=|| {
            view! { <p class="mx-auto max-w-6xl px-4 py-10 text-slate-500">"Loading lesson…"</p> }
        }>
            {move || {
                // Read the params before awaiting: after the await this render may be gone.
                let course_href = format!("/courses/{}", key().0);
                Suspend::new(async move {
                    match lesson.await {
                        Ok(lesson) => view! { <LessonBody lesson /> }.into_any(),
                        Err(AppError::Forbidden) => view! { <Locked course_href /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Locked(course_href: String) -> impl IntoView {
    set_http_status(403);
    view! {
        <Title text="Lesson for enrolled learners" />
        <section class="mx-auto max-w-xl px-4 py-20 text-center" aria-labelledby="locked-title">
            <h1 id="locked-title" class="text-3xl font-bold tracking-tight">
                "This lesson is for enrolled learners"
            </h1>
            <p class="mt-4 text-slate-600">
                "Enroll in the course to open every lesson. Free-preview lessons are open to everyone."
            </p>
            <a
                href=course_href
                class="mt-8 inline-block rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
            >
                "Back to the course"
            </a>
        </section>
    }
}

fn neighbour(course_slug: &str, link: Option<LessonLink>, label: &'static str) -> impl IntoView {
    link.map(|l| {
        let text = format!("{label}: {}", l.title);
        if l.free_preview {
            view! {
                <a
                    href=format!("/courses/{course_slug}/lessons/{}", l.slug)
                    class="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
                >
                    {text}
                </a>
            }
            .into_any()
        } else {
            view! {
                <span class="rounded-lg border border-dashed border-slate-300 px-4 py-2 text-sm text-slate-500">
                    {text}
                    " (enroll to unlock)"
                </span>
            }
            .into_any()
        }
    })
}

#[component]
fn LessonBody(lesson: LessonView) -> impl IntoView {
    let course_href = format!("/courses/{}", lesson.course_slug);
    let previous = neighbour(&lesson.course_slug, lesson.previous, "Previous");
    let next = neighbour(&lesson.course_slug, lesson.next, "Next");
    view! {
        <Title text=format!("{} — {}", lesson.title, lesson.course_title) />
        <div class="mx-auto grid max-w-6xl gap-10 px-4 py-10 lg:grid-cols-[1fr_22rem]">
            <article aria-labelledby="lesson-title">
                <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                    <a href=course_href class="hover:underline">
                        {lesson.course_title}
                    </a>
                </nav>
                <h1 id="lesson-title" class="text-3xl font-bold tracking-tight">
                    {lesson.title}
                </h1>
                <p class="mt-2 text-sm text-slate-500">
                    {format!("{} · {}", if lesson.is_draft { "Draft preview" } else { "Free preview" }, format_duration(lesson.duration_seconds))}
                </p>
                {lesson.video_src.map(|src| view! {
                    <video controls preload="metadata" class="mt-6 aspect-video w-full rounded-xl bg-black" src=src>
                        "Your browser cannot play this video."
                    </video>
                })}
                {lesson.attachment.map(|file| view! {
                    <p class="mt-6">
                        <a href=file.url class="inline-flex items-center gap-2 rounded-lg border border-slate-300 px-4 py-2 font-medium text-indigo-700 hover:bg-slate-50" download=file.filename.clone()>
                            {format!("Download {} ({})", file.filename, crate::components::format_bytes(file.size_bytes.max(0) as u64))}
                        </a>
                    </p>
                })}
                <div class="prose prose-slate mt-8 max-w-none" inner_html=lesson.body_html></div>
                <nav aria-label="Lesson navigation" class="mt-12 flex flex-wrap justify-between gap-4">
                    {previous}
                    {next}
                </nav>
            </article>
            <aside class="lg:sticky lg:top-4 lg:self-start">
                <Curriculum
                    course_slug=lesson.course_slug
                    sections=lesson.sections
                    current=lesson.slug
                />
            </aside>
        </div>
    }
    .into_any()
}
