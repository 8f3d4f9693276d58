//! The "Public profile" section of the account page, for instructors: the bio and a link to
//! the profile. There are no photos: profiles show the instructor's initials.

use leptos::prelude::*;

use crate::api::instructors::UpdateBio;
use crate::components::{field_errors, FormError};
use crate::error::AppError;
use crate::models::instructor::{BioSettings, MAX_BIO_CHARS};

/// The bio form with a link to the public profile, for the page's `settings` (`None` for
/// learners, who have no profile). The page makes the resource (a resource made here, inside
/// the page's `Suspend`, would break hydration).
#[component]
pub fn BioEditor(settings: Resource<Result<Option<BioSettings>, AppError>>) -> impl IntoView {
    let action = ServerAction::<UpdateBio>::new();
    view! {
        <section aria-labelledby="bio-title">
            <h2 id="bio-title" class="mb-2 text-xl font-semibold">"Public profile"</h2>
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(Some(settings)) => view! { <BioForm settings action /> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <p role="alert" class="text-red-700">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The initial text of a `<textarea>` as HTML. Leptos writes a textarea's children into the
/// server's HTML without escaping them (a bio containing `</textarea>` would end the element and
/// the rest would run as markup) and an empty text child leaves no text node for hydration to
/// find; escaped inner HTML has neither problem, and the browser decodes it back to the text.
fn textarea_html(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

#[component]
fn BioForm(settings: BioSettings, action: ServerAction<UpdateBio>) -> impl IntoView {
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let message = move || errors.get().get("bio").cloned();
    let href = format!("/instructors/{}", settings.slug);
    view! {
        <ActionForm action attr:class="space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <p class="text-sm text-slate-600">
                "Learners see your bio and published courses on "
                <a href=href.clone() class="break-all font-medium text-indigo-700 underline">
                    "your public profile"
                </a>
                ". Profiles show your initials rather than a photo."
            </p>
            <label for="bio" class="block text-sm font-medium text-slate-700">"Bio (markdown)"</label>
            <textarea
                id="bio"
                name="bio"
                rows="8"
                maxlength=MAX_BIO_CHARS.to_string()
                aria-invalid=move || message().is_some().to_string()
                aria-describedby="bio-error bio-hint"
                class="w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
                inner_html=textarea_html(&settings.bio)
            ></textarea>
            <p id="bio-hint" class="text-xs text-slate-500">
                {format!("Up to {MAX_BIO_CHARS} characters. **Bold**, lists and links work.")}
            </p>
            <p id="bio-error" class="min-h-5 text-sm text-red-700">{message}</p>
            <FormError value />
            {move || matches!(value.get(), Some(Ok(_))).then(|| view! {
                <p role="status" class="text-sm font-medium text-emerald-700">"Bio saved."</p>
            })}
            <button
                type="submit"
                class="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700"
            >
                "Save bio"
            </button>
        </ActionForm>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The textarea as the server renders it with `text` in it.
    fn rendered(text: &str) -> String {
        let html = textarea_html(text);
        view! { <textarea id="t" inner_html=html></textarea> }.to_html()
    }

    #[test]
    fn a_textarea_cannot_be_closed_by_its_text() {
        let html = rendered("Hi </textarea><img src=x onerror=alert(1)> & bye");
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt; &amp; bye"),
            "{html}"
        );
    }

    #[test]
    fn an_empty_textarea_renders_empty() {
        assert_eq!(rendered(""), r#"<textarea id="t"></textarea>"#);
    }
}
