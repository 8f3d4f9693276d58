//! File uploads with a progress bar: announce the upload, send the bytes straight to storage
//! (a presigned S3 URL, or Lectern's streaming route), then have the server verify them.

use leptos::prelude::*;

use crate::api::authoring::{finish_upload, start_upload};
use crate::error::AppError;
use crate::models::{MediaInfo, UploadTicket};

#[derive(Debug, Clone, PartialEq)]
enum UploadState {
    Idle,
    Sending(f64),
    Checking,
    Done(String),
    Failed(String),
}

/// Human size: `12.3 MB`.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Sends `file` as the ticket says, reporting progress (0..=1) and then the outcome.
fn send(
    ticket: &UploadTicket,
    file: web_sys::File,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let fail = |message: &str| Err(message.to_owned());
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return done(fail("This browser cannot upload files."));
    };
    if xhr.open(&ticket.method, &ticket.url).is_err() {
        return done(fail("The upload could not start."));
    }
    for (name, value) in &ticket.headers {
        let _ = xhr.set_request_header(name, value);
    }
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                progress(event.loaded() / event.total());
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    on_progress.forget();
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<(), String>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let request = xhr.clone();
    let on_load = {
        let finish = finish.clone();
        Closure::<dyn FnMut()>::new(move || {
            let status = request.status().unwrap_or(0);
            if (200..300).contains(&status) {
                finish(Ok(()));
            } else {
                let detail = request
                    .response_text()
                    .ok()
                    .flatten()
                    .and_then(|text| serde_json::from_str::<AppError>(&text).ok())
                    .map(|error| match error {
                        AppError::Validation(fields) => fields
                            .get("file")
                            .cloned()
                            .unwrap_or_else(|| error_text(&fields)),
                        other => other.to_string(),
                    })
                    .unwrap_or_else(|| format!("The upload was refused (HTTP {status})."));
                finish(Err(detail));
            }
        })
    };
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        finish(Err(
            "The upload failed: check your connection and try again.".into(),
        ));
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if xhr.send_with_opt_blob(Some(&file)).is_err() {
        if let Some(done) = done.borrow_mut().take() {
            done(Err("The upload could not start.".into()));
        }
    }
}

fn error_text(fields: &crate::error::FieldErrors) -> String {
    fields
        .values()
        .next()
        .cloned()
        .unwrap_or_else(|| "The file was refused.".into())
}

/// A file picker that uploads with a progress bar and calls `on_done` with the verified file.
#[component]
pub fn FileUpload(
    /// The course the file belongs to.
    course_id: i64,
    /// `image`, `video` or `attachment`.
    kind: &'static str,
    /// The visible label of the picker.
    label: &'static str,
    /// The `accept` hint for the picker (the server checks the real type).
    accept: &'static str,
    /// Element id (several pickers may share a page).
    id: &'static str,
    /// Called once the server has verified the upload.
    on_done: Callback<MediaInfo>,
) -> impl IntoView {
    let state = RwSignal::new(UploadState::Idle);
    let on_change = move |event: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        let size = file.size() as u64;
        state.set(UploadState::Sending(0.0));
        leptos::task::spawn_local(async move {
            let ticket = match start_upload(course_id, kind.to_owned(), name.clone(), size).await {
                Ok(ticket) => ticket,
                Err(AppError::Validation(fields)) => {
                    return state.set(UploadState::Failed(error_text(&fields)));
                }
                Err(other) => return state.set(UploadState::Failed(other.to_string())),
            };
            let media_id = ticket.media_id;
            send(
                &ticket,
                file,
                move |fraction| state.set(UploadState::Sending(fraction)),
                move |result| match result {
                    Err(message) => state.set(UploadState::Failed(message)),
                    Ok(()) => {
                        state.set(UploadState::Checking);
                        leptos::task::spawn_local(async move {
                            match finish_upload(media_id).await {
                                Ok(info) => {
                                    state.set(UploadState::Done(format!(
                                        "Uploaded {} ({}).",
                                        info.filename,
                                        format_bytes(info.size_bytes.max(0) as u64)
                                    )));
                                    on_done.run(info);
                                }
                                Err(AppError::Validation(fields)) => {
                                    state.set(UploadState::Failed(error_text(&fields)))
                                }
                                Err(other) => state.set(UploadState::Failed(other.to_string())),
                            }
                        });
                    }
                },
            );
        });
    };
    let busy = move || matches!(state.get(), UploadState::Sending(_) | UploadState::Checking);
    let status_id = format!("{id}-status");
    view! {
        <div class="space-y-2">
            <label for=id class="block text-sm font-medium text-slate-700">{label}</label>
            <input
                id=id
                type="file"
                accept=accept
                disabled=busy
                aria-describedby=status_id.clone()
                on:change=on_change
                class="block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-medium file:text-indigo-700 hover:file:bg-indigo-100"
            />
            <div id=status_id role="status" aria-live="polite" class="text-sm">
                {move || match state.get() {
                    UploadState::Idle => ().into_any(),
                    UploadState::Sending(fraction) => {
                        let percent = (fraction * 100.0).round();
                        view! {
                            <div class="flex items-center gap-3">
                                <progress
                                    class="h-2 w-64"
                                    max="100"
                                    value=percent
                                    aria-label=format!("{label}: upload progress")
                                ></progress>
                                <span>{format!("{percent}%")}</span>
                            </div>
                        }
                            .into_any()
                    }
                    UploadState::Checking => view! { <span class="text-slate-600">"Checking the file…"</span> }.into_any(),
                    UploadState::Done(message) => view! { <span class="text-emerald-700">{message}</span> }.into_any(),
                    UploadState::Failed(message) => view! { <span class="font-medium text-red-700">{message}</span> }.into_any(),
                }}
            </div>
        </div>
    }
}
