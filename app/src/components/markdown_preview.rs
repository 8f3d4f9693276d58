//! The editors' live markdown preview, rendered by the server ([`preview_markdown`]) so that the
//! browser bundle carries no markdown renderer or sanitizer.

use leptos::prelude::*;

use crate::api::authoring::preview_markdown;

/// How long typing must pause before the preview is asked for.
const DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(250);

/// The HTML preview of `source` (markdown), for an `inner_html`. The server renders the first one
/// into the page; in the browser it follows `source` a moment after typing pauses, keeping the
/// last preview while a newer one loads or when one fails (with the reason in `error`).
pub fn use_markdown_preview(
    source: impl Fn() -> String + Send + Sync + 'static,
) -> (ReadSignal<String>, ReadSignal<Option<String>>) {
    let (html, set_html) = signal(initial_html(&source()));
    let (error, set_error) = signal(None::<String>);
    // Only the newest request may update the preview: typing faster than answers come back.
    let latest = StoredValue::new(0u64);
    // The editor may be gone by the time the timer fires or the answer arrives (the author
    // moved on): every access below is a `try_`, which does nothing once it is disposed.
    Effect::new(move |_| {
        let text = source();
        latest.update_value(|n| *n += 1);
        let ticket = latest.get_value();
        set_timeout(
            move || {
                if latest.try_get_value() != Some(ticket) {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let answer = preview_markdown(text).await;
                    if latest.try_get_value() != Some(ticket) {
                        return;
                    }
                    match answer {
                        Ok(rendered) => {
                            set_html.try_set(rendered);
                            set_error.try_set(None);
                        }
                        Err(e) => {
                            set_error.try_set(Some(format!("Preview not updated: {e}")));
                        }
                    }
                });
            },
            DEBOUNCE,
        );
    });
    (html, error)
}

/// The live preview beside a markdown editor: a "Preview" label, the rendered `html`, and why
/// the newest preview failed, if it did (both from [`use_markdown_preview`]). `name` makes the
/// ids: the label is `{name}-preview-label` and the test id `{name}-preview`.
#[component]
pub fn MarkdownPreview(
    name: &'static str,
    html: ReadSignal<String>,
    error: ReadSignal<Option<String>>,
    /// Classes of the preview box beyond the shared ones: height, background, padding.
    box_class: &'static str,
    /// Shown as a whole `<article>` (a lesson) that may shrink inside its grid column.
    #[prop(optional)]
    article: bool,
) -> impl IntoView {
    let label_id = format!("{name}-preview-label");
    let test_id = format!("{name}-preview");
    let class =
        format!("prose prose-slate max-w-none rounded-lg border border-slate-200 {box_class}");
    let rendered = if article {
        view! { <article class=class aria-labelledby=label_id.clone() data-testid=test_id inner_html=html></article> }.into_any()
    } else {
        view! { <div class=class aria-labelledby=label_id.clone() data-testid=test_id inner_html=html></div> }.into_any()
    };
    view! {
        <div class=if article { "flex min-w-0 flex-col gap-1" } else { "flex flex-col gap-1" }>
            <span id=label_id class="text-sm font-medium text-slate-700">"Preview"</span>
            {rendered}
            <p role="status" class="min-h-5 text-sm text-amber-800">{error}</p>
        </div>
    }
}

/// The server renders the first preview into the page. In the browser the page is hydrated, so
/// the server's HTML stays until the first answer replaces it.
fn initial_html(source: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::markdown::render(source)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = source;
        String::new()
    }
}
