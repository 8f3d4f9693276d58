//! `/courses/{slug}/lessons/{lesson}`: the lesson player: the lesson, the outline with ticks,
//! progress recorded as events (started, video position, completed), next/previous with
//! keyboard shortcuts, and the next lesson prefetched.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use std::collections::HashMap;

use crate::api::learning::get_lesson_page;
use crate::components::progress::{self, listen, LiveProgress};
use crate::components::{set_http_status, Curriculum, ErrorView, ProgressBar};
use crate::error::AppError;
use crate::models::{format_duration, LessonLink, LessonPage};
use crate::pages::quiz::{LessonQuiz, QuizPanel};

/// Lesson pages fetched ahead of time (the next lesson), used once on arrival.
#[derive(Clone, Copy)]
struct Prefetched(StoredValue<HashMap<(String, String), LessonPage>>);

/// The lesson page: the lesson, the outline with ticks and the learner's progress, in one
/// round trip. Lessons that need enrollment explain how to get access (403).
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
    let prefetched = Prefetched(StoredValue::new(HashMap::new()));
    // The page's only resource: a quiz lesson's quiz is loaded here too, not by the quiz
    // panel (see `LessonQuiz`).
    let lesson = Resource::new(key, move |(course, lesson)| async move {
        let ready = prefetched
            .0
            .try_update_value(|cache| cache.remove(&(course.clone(), lesson.clone())))
            .flatten();
        let page = match ready {
            Some(page) => page,
            None => get_lesson_page(course, lesson).await?,
        };
        let quiz = match page.lesson.kind.as_str() {
            "quiz" => Some(LessonQuiz::load(page.lesson.id).await),
            _ => None,
        };
        Ok::<_, AppError>((page, quiz))
    });
    view! {
        <Suspense fallback=|| {
            view! { <p class="mx-auto max-w-6xl px-4 py-10 text-slate-500">"Loading lesson…"</p> }
        }>
            {move || {
                // Read the params before awaiting: after the await this render may be gone.
                let course_href = format!("/courses/{}", key().0);
                Suspend::new(async move {
                    match lesson.await {
                        Ok((page, quiz)) => view! { <LessonBody page quiz prefetched /> }.into_any(),
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
                "Enroll from the course page"
            </a>
        </section>
    }
}

fn neighbour(
    course_slug: &str,
    link: Option<LessonLink>,
    label: &'static str,
    unlocked: bool,
) -> impl IntoView {
    link.map(|l| {
        let text = format!("{label}: {}", l.title);
        if l.free_preview || unlocked {
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

/// Seconds between saved video positions while playing.
const POSITION_EVERY_SECS: f64 = 10.0;

#[component]
fn LessonBody(page: LessonPage, quiz: Option<LessonQuiz>, prefetched: Prefetched) -> impl IntoView {
    let LessonPage {
        lesson,
        progress,
        enrolled,
        can_edit,
        next_lesson,
    } = page;
    let unlocked = enrolled || can_edit;
    let live = LiveProgress(RwSignal::new(progress));
    let lesson_id = lesson.id;
    let course_slug = lesson.course_slug.clone();
    if enrolled {
        listen(live);
    }
    // Started, once, when an enrolled learner opens the lesson; and the next lesson prefetched.
    let already_started = live.0.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.lessons.iter().find(|l| l.lesson_id == lesson_id))
            .is_some_and(|l| l.started)
    });
    let prefetch_course = course_slug.clone();
    Effect::new(move |_| {
        if enrolled && !already_started {
            progress::record(lesson_id, "started", None, None, live);
        }
        if let Some(next) = next_lesson.clone() {
            let course = prefetch_course.clone();
            leptos::task::spawn_local(async move {
                if let Ok(page) = get_lesson_page(course.clone(), next.clone()).await {
                    prefetched.0.update_value(|cache| {
                        cache.insert((course, next), page);
                    });
                }
            });
        }
    });
    let this_lesson = move || {
        live.0.with(|p| {
            p.as_ref()
                .and_then(|p| p.lessons.iter().find(|l| l.lesson_id == lesson_id).cloned())
        })
    };
    let completed = Signal::derive(move || {
        live.0.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.lessons
                        .iter()
                        .filter(|l| l.completed)
                        .map(|l| l.slug.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let percent = Signal::derive(move || live.0.with(|p| p.as_ref().map_or(0, |p| p.percent)));
    let course_done = move || {
        live.0
            .with(|p| p.as_ref().is_some_and(|p| p.completed_at.is_some()))
    };
    let is_done = move || this_lesson().is_some_and(|l| l.completed);
    let saved_position = live.0.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.lessons.iter().find(|l| l.lesson_id == lesson_id))
            .map(|l| (l.position_seconds, l.completed))
    });
    let last_sent = StoredValue::new(0.0_f64);
    // Resume where the learner left off, once the video's length is known. The metadata may
    // load before the page hydrates (the element comes with the server's HTML), so check on
    // mount as well as on `loadedmetadata`.
    let resumed = StoredValue::new(false);
    let resume = move |video: &web_sys::HtmlMediaElement| {
        if resumed.get_value() {
            return;
        }
        resumed.set_value(true);
        if let Some((position, false)) = saved_position {
            if position > 1.0 && position < video.duration() * 0.95 {
                video.set_current_time(position);
            }
        }
    };
    let video_ref = NodeRef::<leptos::html::Video>::new();
    Effect::new(move |_| {
        if let Some(video) = video_ref.get() {
            if video.ready_state() >= 1 {
                resume(&video);
            }
        }
    });
    let course_href = format!("/courses/{}", lesson.course_slug);
    let done_href = course_href.clone();
    let previous_href = lesson
        .previous
        .as_ref()
        .filter(|l| l.free_preview || unlocked)
        .map(|l| format!("/courses/{}/lessons/{}", lesson.course_slug, l.slug));
    let next_href = lesson
        .next
        .as_ref()
        .filter(|l| l.free_preview || unlocked)
        .map(|l| format!("/courses/{}/lessons/{}", lesson.course_slug, l.slug));
    // Keyboard shortcuts: N for the next lesson, P for the previous (not while typing).
    let navigate = leptos_router::hooks::use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        use wasm_bindgen::JsCast;
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let target = match event.key().as_str() {
            "n" | "N" => next_href.clone(),
            "p" | "P" => previous_href.clone(),
            _ => None,
        };
        if let Some(href) = target {
            navigate(&href, Default::default());
        }
    });
    on_cleanup(move || handle.remove());
    let previous = neighbour(&lesson.course_slug, lesson.previous, "Previous", unlocked);
    let next = neighbour(&lesson.course_slug, lesson.next, "Next", unlocked);
    let kind_label = if lesson.is_draft {
        "Draft preview"
    } else if enrolled {
        "Lesson"
    } else if can_edit {
        "Instructor view"
    } else {
        "Free preview"
    };
    let is_video = lesson.kind == "video";
    let is_quiz = quiz.is_some();
    let quiz_panel = quiz.map(|quiz| {
        view! {
            <QuizPanel quiz course_slug=course_slug.clone() lesson_slug=lesson.slug.clone() live enrolled />
        }
    });
    view! {
        <Title text=format!("{} — {}", lesson.title, lesson.course_title) />
        <div class="mx-auto grid max-w-6xl grid-cols-1 gap-10 px-4 py-10 lg:grid-cols-[1fr_22rem]">
            <article aria-labelledby="lesson-title" class="min-w-0">
                <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                    <a href=course_href.clone() class="hover:underline">
                        {lesson.course_title}
                    </a>
                </nav>
                {move || course_done().then(|| view! {
                    <div role="status" class="mb-6 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-900" data-testid="course-complete">
                        <h2 class="text-lg font-semibold">"Course complete"</h2>
                        <p class="text-sm">"Well done — every lesson is done, and your completion is recorded. "<a href=done_href.clone() class="underline">"Back to the course"</a>" · "<a href="/learning?tab=completed" class="underline">"Your completed courses"</a>" · "<a href="/achievements" class="underline">"Your certificate"</a></p>
                    </div>
                })}
                <h1 id="lesson-title" class="text-3xl font-bold tracking-tight">
                    {lesson.title}
                </h1>
                <p class="mt-2 text-sm text-slate-500">
                    {format!("{kind_label} · {}", format_duration(lesson.duration_seconds))}
                </p>
                {lesson.video_src.map(|src| view! {
                    <video controls preload="metadata" class="mt-6 aspect-video w-full rounded-xl bg-black" src=src
                        node_ref=video_ref
                        on:loadedmetadata=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(video) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok()) {
                                resume(&video);
                            }
                        }
                        on:timeupdate=move |ev| {
                            use wasm_bindgen::JsCast;
                            let Some(video) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok()) else { return };
                            let now = video.current_time();
                            if enrolled && (now - last_sent.get_value()).abs() >= POSITION_EVERY_SECS {
                                last_sent.set_value(now);
                                let duration = video.duration();
                                progress::record(lesson_id, "position", Some(now), duration.is_finite().then_some(duration), live);
                            }
                        }
                        on:pause=move |ev| {
                            use wasm_bindgen::JsCast;
                            let Some(video) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok()) else { return };
                            let duration = video.duration();
                            if enrolled {
                                progress::record(lesson_id, "position", Some(video.current_time()), duration.is_finite().then_some(duration), live);
                            }
                        }>
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
                {quiz_panel}
                {(enrolled && !is_quiz).then(|| view! {
                    <div class="mt-10 flex flex-wrap items-center gap-4">
                        {move || if is_done() {
                            view! { <p class="font-medium text-emerald-700" data-testid="lesson-done">"✓ Lesson complete"</p> }.into_any()
                        } else if is_video {
                            view! { <p class="text-sm text-slate-600">"This lesson completes when you have watched 90% of the video."</p> }.into_any()
                        } else {
                            view! {
                                <button type="button" class="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800"
                                    on:click=move |_| progress::record(lesson_id, "completed", None, None, live)>
                                    "Mark complete"
                                </button>
                            }.into_any()
                        }}
                    </div>
                })}
                <nav aria-label="Lesson navigation" class="mt-12 flex flex-wrap justify-between gap-4">
                    {previous}
                    {next}
                </nav>
                // Only where there is a keyboard and mouse: a touch screen has no N or P key.
                <p class="mt-4 hidden text-xs text-slate-500 fine-pointer:block" data-testid="shortcut-hint">"Shortcuts: N next lesson, P previous lesson."</p>
            </article>
            <aside class="space-y-4 lg:sticky lg:top-4 lg:self-start">
                {enrolled.then(|| view! { <ProgressBar percent label="Course progress".to_owned() /> })}
                <Curriculum
                    course_slug=course_slug
                    sections=lesson.sections
                    current=lesson.slug
                    unlocked
                    completed
                />
            </aside>
        </div>
    }
    .into_any()
}
