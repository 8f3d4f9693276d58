//! `/courses/:slug/lessons/:lesson/attempts/:id`: the attempt player. Answers are saved as
//! they change, unsent ones survive a crash in local storage, a reload resumes on the same
//! page, timed attempts count down and end on the server's word.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::answer::{initial_response, is_answered, AnswerWidget};
use super::countdown::Countdown;
use super::save_queue::{SaveQueue, SaveStatusLine};
use super::submit::SubmitDialog;
use super::{attempt_href, local, FeedbackBox, BUTTON, BUTTON_LIGHT};
use crate::api::quiz::{check_answer, get_attempt, submit_attempt};
use crate::components::{BackLink, ErrorView};
use crate::error::AppError;
use crate::models::{AttemptView, QuestionFeedback};
use crate::quiz::Response;

/// The attempt player page (the attempt's owner only).
#[component]
pub fn AttemptPage() -> impl IntoView {
    let key = super::attempt_route();
    let attempt = Resource::new(
        move || key().2,
        |id| async move {
            match id {
                Some(id) => get_attempt(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="mx-auto max-w-3xl px-4 py-10 text-slate-500">"Loading your attempt…"</p> }>
            {move || {
                let (course, lesson, id) = key();
                Suspend::new(async move {
                    let href = attempt_href(&course, &lesson, id.unwrap_or_default());
                    match attempt.await {
                        Ok(view) => view! { <Player view course lesson /> }.into_any(),
                        // The attempt has ended (submitted, or its time ran out): its result.
                        Err(AppError::Conflict(_)) => view! { <Redirect path=format!("{href}/result") /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// One question's live state.
#[derive(Clone, Copy)]
struct Slot {
    position: u32,
    response: RwSignal<Option<Response>>,
    feedback: RwSignal<Option<QuestionFeedback>>,
    check_error: RwSignal<Option<String>>,
}

#[component]
fn Player(view: AttemptView, course: String, lesson: String) -> impl IntoView {
    let attempt_id = view.id;
    let href = attempt_href(&course, &lesson, attempt_id);
    let result_href = format!("{href}/result");
    let lesson_href = format!("/courses/{course}/lessons/{lesson}");
    let queue = SaveQueue::new(attempt_id);
    let slots: Vec<Slot> = view
        .questions
        .iter()
        .map(|q| Slot {
            position: q.position,
            response: RwSignal::new(initial_response(&q.question, q.response.clone())),
            feedback: RwSignal::new(q.feedback.clone()),
            check_error: RwSignal::new(None),
        })
        .collect();
    let slots = StoredValue::new(slots);
    let count = view.questions.len();
    let one_per_page = view.one_per_page;
    let check_each = view.check_each;

    // Answers typed before a crash or while offline: restore and resend them.
    Effect::new(move |_| {
        slots.with_value(|slots| {
            for slot in slots {
                if let Some((kept, saved_at)) = local::stashed(attempt_id, slot.position) {
                    let locked = slot.feedback.get_untracked().is_some();
                    if locked || slot.response.get_untracked().as_ref() == Some(&kept) {
                        local::forget(attempt_id, slot.position);
                    } else {
                        slot.response.set(Some(kept.clone()));
                        queue.restore(slot.position, kept, saved_at, false);
                    }
                }
            }
        });
    });

    // The server ended the attempt: show the result.
    let navigate = use_navigate();
    let to_result = {
        let result_href = result_href.clone();
        move || navigate(&result_href, NavigateOptions::default())
    };
    let to_result = StoredValue::new(to_result);
    Effect::new(move |_| {
        if queue.ended.get() {
            to_result.with_value(|go| go());
        }
    });

    // Time up (the countdown reached zero, or the server refused an answer saved after the
    // deadline): answers lock, what is queued is sent, and the attempt ends.
    let on_zero = Callback::new(move |_| queue.time_up.set(true));
    Effect::new(move |_| {
        if queue.time_up.get() {
            finish_when_sent(attempt_id, queue);
        }
    });

    // The page (1-based) lives in the address (`?q=3`) so a reload resumes on it.
    let query = use_query_map();
    let page = Memo::new(move |_| {
        query
            .read()
            .get("q")
            .and_then(|q| q.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, count.max(1))
    });
    let navigate = use_navigate();
    let page_href = href.clone();
    let go = move |p: usize| {
        navigate(
            &format!("{page_href}?q={p}"),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
        // Move focus to the new question's heading for keyboard and screen-reader users.
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("q{}-heading", p - 1)) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    let go = StoredValue::new(go);

    let check = move |slot: Slot| {
        let Some(response) = slot.response.get_untracked() else {
            return;
        };
        queue.take(slot.position);
        slot.check_error.set(None);
        leptos::task::spawn_local(async move {
            match check_answer(attempt_id, slot.position, response).await {
                Ok(feedback) => {
                    local::forget(attempt_id, slot.position);
                    slot.feedback.set(Some(feedback));
                }
                Err(AppError::Conflict(message)) if queue.ended.get_untracked() => {
                    slot.check_error.set(Some(message));
                }
                Err(AppError::Conflict(_)) => queue.ended.set(true),
                Err(error) => slot.check_error.set(Some(error.to_string())),
            }
        });
    };

    let questions = view.questions.clone();
    let question_views = questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let slot = slots.with_value(|s| s[i]);
            let locked = Signal::derive(move || slot.feedback.get().is_some() || queue.time_up.get());
            let on_change = Callback::new(move |typing: bool| {
                if let Some(r) = slot.response.get_untracked() {
                    queue.push(slot.position, r, typing);
                }
            });
            let visible = move || !one_per_page || page.get() == i + 1;
            view! {
                <section class="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
                    class:hidden=move || !visible()>
                    <AnswerWidget id_base=format!("q{i}") heading=format!("Question {}", i + 1)
                        question=q.question response=slot.response locked on_change />
                    {check_each.then(|| view! {
                        <div class="flex flex-wrap items-center gap-3">
                            {move || slot.feedback.get().is_none().then(|| view! {
                                <button type="button" class=BUTTON_LIGHT
                                    disabled=move || !is_answered(&slot.response.get())
                                    on:click=move |_| check(slot)>"Check"</button>
                                <span class="text-sm text-slate-500">"Checking locks your answer."</span>
                            })}
                            <p role="alert" class="text-sm text-red-700">{move || slot.check_error.get()}</p>
                        </div>
                    })}
                    {move || slot.feedback.get().map(|feedback| view! { <FeedbackBox feedback /> })}
                </section>
            }
        })
        .collect_view();

    let answered = move |i: usize| {
        slots.with_value(|s| s.get(i).is_some_and(|s| s.response.with(is_answered)))
    };
    let unanswered = Signal::derive(move || {
        (0..count)
            .filter(|i| !answered(*i))
            .map(|i| i + 1)
            .collect::<Vec<_>>()
    });
    let confirming = RwSignal::new(false);

    view! {
        <Title text=format!("{} — attempt {}", view.quiz_title, view.number) />
        <div class="mx-auto max-w-3xl space-y-6 px-4 py-10">
            <BackLink href=lesson_href.clone() label=view.quiz_title.clone() />
            <header class="flex flex-wrap items-center justify-between gap-4">
                <div>
                    <h1 class="text-3xl font-bold tracking-tight">{view.quiz_title.clone()}</h1>
                    <p class="text-sm text-slate-500">{format!("Attempt {} · {} question{}", view.number, count, if count == 1 { "" } else { "s" })}</p>
                </div>
                <div class="flex items-center gap-4">
                    <SaveStatusLine queue />
                    <Countdown initial=view.seconds_left server=queue.seconds_left on_zero />
                </div>
            </header>
            {one_per_page.then(|| view! {
                <nav aria-label="Questions" class="flex flex-wrap gap-2" data-testid="question-navigator">
                    {(0..count).map(|i| {
                        let label = move || format!("Question {}, {}", i + 1, if answered(i) { "answered" } else { "not answered" });
                        view! {
                            <button type="button" aria-label=label
                                aria-current=move || (page.get() == i + 1).then_some("step")
                                class=move || {
                                    let base = "h-9 w-9 rounded-lg border text-sm font-semibold";
                                    let state = if page.get() == i + 1 { "border-indigo-600 ring-2 ring-indigo-300" } else { "border-slate-300" };
                                    let fill = if answered(i) { "bg-indigo-600 text-white" } else { "bg-white text-slate-700" };
                                    format!("{base} {state} {fill}")
                                }
                                on:click=move |_| go.with_value(|go| go(i + 1))>{i + 1}</button>
                        }
                    }).collect_view()}
                </nav>
            })}
            <div class="space-y-6">{question_views}</div>
            <div class="flex flex-wrap items-center justify-between gap-4">
                <div class="flex gap-2">
                    {one_per_page.then(|| view! {
                        <button type="button" class=BUTTON_LIGHT disabled=move || page.get() == 1
                            on:click=move |_| go.with_value(|go| go(page.get_untracked() - 1))>"Previous question"</button>
                        <button type="button" class=BUTTON_LIGHT disabled=move || page.get() == count
                            on:click=move |_| go.with_value(|go| go(page.get_untracked() + 1))>"Next question"</button>
                    })}
                </div>
                <button type="button" class=BUTTON on:click=move |_| confirming.set(true)>"Submit answers"</button>
            </div>
        </div>
        <SubmitDialog open=confirming attempt_id unanswered queue result_href />
    }
}

/// Time is up: sends the queued answers, retrying while the network is down (within the
/// quiz's grace period the server still takes those saved before the deadline; after it, it
/// refuses them and the attempt ends with what it has), then ends the attempt.
fn finish_when_sent(attempt_id: i64, queue: SaveQueue) {
    leptos::task::spawn_local(async move {
        match queue.drain().await {
            Ok(()) | Err(AppError::Conflict(_)) => poll_end(attempt_id, queue, 0),
            // The page is gone (signals disposed): nothing to retry for.
            Err(error) if queue.ended.try_get_untracked() == Some(false) => {
                queue
                    .state
                    .set(super::save_queue::SaveState::Retrying(error.to_string()));
                set_timeout(
                    move || finish_when_sent(attempt_id, queue),
                    super::save_queue::RETRY,
                );
            }
            Err(_) => {}
        }
    });
}

/// Asks the server about an attempt whose time is up until it reports the attempt ended (or
/// gives more time, when the clocks disagreed). Still open at zero a few seconds on (its
/// grace period), with everything sent: submits it.
fn poll_end(attempt_id: i64, queue: SaveQueue, tries: u32) {
    let again = move || {
        set_timeout(
            move || poll_end(attempt_id, queue, tries + 1),
            std::time::Duration::from_millis(1500),
        )
    };
    leptos::task::spawn_local(async move {
        match get_attempt(attempt_id).await {
            Err(AppError::Conflict(_)) => queue.ended.set(true),
            Ok(v) if v.seconds_left.unwrap_or(0) > 0 => {
                queue.time_up.set(false);
                queue.seconds_left.set(v.seconds_left);
            }
            // Our countdown may run a moment ahead of the server's: ask again first.
            Ok(_) if tries < 3 => again(),
            Ok(_) => match submit_attempt(attempt_id).await {
                Ok(_) | Err(AppError::Conflict(_)) => queue.ended.set(true),
                Err(_) if tries < 10 => again(),
                Err(_) => queue.ended.set(true),
            },
            _ if tries < 10 => again(),
            _ => queue.ended.set(true),
        }
    });
}
