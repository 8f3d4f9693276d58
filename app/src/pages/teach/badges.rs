//! `/teach/courses/:id/badges`: a course's badges (what earns each, how many hold it), a form
//! to create one, and the awards with a way to revoke each (a reason, two deliberate steps);
//! then the course's certificates (`certificates.rs`).
//! Everything is a plain form or link, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::certificates::CertificatesSection;
use super::{page_links, BUTTON, BUTTON_LIGHT, CARD, INPUT};
use crate::api::badges::{get_course_badges, CreateBadge, DeleteBadge, RevokeAward};
use crate::api::certificates::{get_course_certificates, RevokeCertificate};
use crate::components::{field_errors, BackLink, ErrorView, FileUpload, FormError};
use crate::error::{AppError, FieldErrors};
use crate::format::count;
use crate::models::{
    uploaded_image_key, AwardRow, BadgeRow, CourseBadges, MediaInfo, QuizChoice, Rule,
    AWARDS_PER_PAGE, BADGE_IMAGES, MAX_BADGE_CRITERIA, MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME,
};

/// The badges page (the course's instructor and admins).
#[component]
pub fn CourseBadgesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let create = ServerAction::<CreateBadge>::new();
    let delete = ServerAction::<DeleteBadge>::new();
    let revoke = ServerAction::<RevokeAward>::new();
    let data = Resource::new(
        move || {
            (
                params.read().get("id").and_then(|s| s.parse::<i64>().ok()),
                query.read().get("page").and_then(|s| s.parse::<u64>().ok()),
                create.version().get(),
                delete.version().get(),
                revoke.version().get(),
            )
        },
        |(id, page, ..)| async move {
            match id {
                Some(id) => get_course_badges(id, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let revoke_certificate = ServerAction::<RevokeCertificate>::new();
    let certificates = Resource::new(
        move || {
            (
                params.read().get("id").and_then(|s| s.parse::<i64>().ok()),
                query
                    .read()
                    .get("certificates")
                    .and_then(|s| s.parse::<u64>().ok()),
                revoke_certificate.version().get(),
            )
        },
        |(id, page, _)| async move {
            match id {
                Some(id) => get_course_certificates(id, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="p-10 text-slate-500">"Loading badges…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! {
                        <Badges data create delete revoke />
                        <CertificatesSection data=certificates revoke=revoke_certificate />
                    }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Badges(
    data: CourseBadges,
    create: ServerAction<CreateBadge>,
    delete: ServerAction<DeleteBadge>,
    revoke: ServerAction<RevokeAward>,
) -> impl IntoView {
    let CourseBadges {
        course_id,
        course_title,
        course_slug: _,
        badges,
        quizzes,
        awards,
        awards_total,
        page,
    } = data;
    let total_pages = awards_total.div_ceil(AWARDS_PER_PAGE);
    let delete_value = Signal::derive(move || delete.value().get());
    let revoke_value = Signal::derive(move || revoke.value().get());
    view! {
        <Title text=format!("Badges: {course_title}") />
        <div class="mx-auto max-w-4xl space-y-6 px-4 pb-6 pt-10">
            <BackLink href=format!("/teach/courses/{course_id}") label=course_title.clone() />
            <h1 class="text-3xl font-bold tracking-tight">"Badges"</h1>
            <p class="text-slate-700">
                "Learners earn a badge the moment its rule is true, once each. Every badge is an Open Badges 3.0 credential that anyone can verify."
            </p>
            <section aria-labelledby="badge-list-title" class="space-y-3">
                <h2 id="badge-list-title" class="text-xl font-semibold">"This course's badges"</h2>
                {if badges.is_empty() {
                    view! { <p class="text-slate-600">"No badges yet. Create one below."</p> }.into_any()
                } else {
                    view! {
                        <ul class="space-y-3" role="list">
                            {badges.into_iter().map(|b| view! { <BadgeItem badge=b delete /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <FormError value=delete_value />
            </section>
            <NewBadge course_id quizzes create />
            <section aria-labelledby="awards-title" class="space-y-3">
                <h2 id="awards-title" class="text-xl font-semibold">"Awarded"</h2>
                {if awards.is_empty() {
                    view! { <p class="text-slate-600">"Nobody has earned a badge of this course yet."</p> }.into_any()
                } else {
                    view! {
                        <p class="text-sm text-slate-600">{count(awards_total, "award", "awards")}</p>
                        <ul class="space-y-3" role="list">
                            {awards.into_iter().map(|a| view! { <AwardItem award=a revoke /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <FormError value=revoke_value />
                {page_links(page, total_pages, move |p| format!("/teach/courses/{course_id}/badges?page={p}"))}
            </section>
        </div>
    }
}

#[component]
pub(crate) fn BadgeItem(badge: BadgeRow, delete: ServerAction<DeleteBadge>) -> impl IntoView {
    let name = badge.name.clone();
    let image = crate::models::badge_image_path(&badge.image);
    view! {
        <li class="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <img src=image alt="" width="56" height="56" class="h-14 w-14 shrink-0" />
            <div class="min-w-0 flex-1 space-y-1">
                <h3 class="break-words text-lg font-semibold">{badge.name}</h3>
                <p class="text-sm text-slate-700">{badge.description}</p>
                <p class="text-sm text-slate-600">"Earned when the learner: " {badge.rule_text}</p>
                <p class="text-sm text-slate-600">{format!("Held by {}", count(badge.awarded, "learner", "learners"))}</p>
                {(badge.awarded == 0).then(|| view! {
                    <details class="text-sm">
                        <summary class="cursor-pointer font-medium text-red-700">"Delete…"</summary>
                        <ActionForm action=delete attr:class="mt-2 space-y-2">
                            <input type="hidden" name="badge_id" value=badge.id />
                            <p class="text-slate-600">"Nobody holds it yet, so it can be deleted."</p>
                            <button type="submit" class=BUTTON_LIGHT>{format!("Delete badge {name}")}</button>
                        </ActionForm>
                    </details>
                })}
            </div>
        </li>
    }
}

#[component]
pub(crate) fn AwardItem(award: AwardRow, revoke: ServerAction<RevokeAward>) -> impl IntoView {
    let field = format!("revoke-{}", award.id);
    let page = format!("/credentials/{}", award.id);
    let label = format!("{} to {}", award.badge, award.learner);
    view! {
        <li class="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <p class="break-words">
                <strong>{award.badge.clone()}</strong> " to " {award.learner.clone()} " · " {award.awarded_on.clone()}
            </p>
            {match award.revoked {
                Some(reason) => view! { <p class="text-sm font-medium text-red-700">"Revoked: " {reason}</p> }.into_any(),
                None => view! {
                    <p class="text-sm"><a href=page class="font-medium text-indigo-700 underline">"Credential page"<span class="sr-only">{format!(" of {label}")}</span></a></p>
                    <details class="text-sm">
                        <summary class="cursor-pointer font-medium text-red-700">"Revoke…"<span class="sr-only">{format!(" {label}")}</span></summary>
                        <ActionForm action=revoke attr:class="mt-2 space-y-2">
                            <input type="hidden" name="credential" value=award.id.clone() />
                            <label for=field.clone() class="block font-medium text-slate-700">"Reason for revoking"</label>
                            <input id=field name="reason" class=INPUT required minlength="3" maxlength="500" />
                            <p class="text-slate-600">"The credential page will say it is revoked, with this reason. This cannot be undone."</p>
                            <button type="submit" class=BUTTON_LIGHT>{format!("Revoke {label}")}</button>
                        </ActionForm>
                    </details>
                }.into_any(),
            }}
        </li>
    }
}

/// A labelled text field of a new-badge form, with its hint and error.
pub(crate) fn text_field(
    name: &'static str,
    label: &'static str,
    hint: String,
    max: usize,
    multiline: bool,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let id = format!("badge-{name}");
    let described = format!("{id}-hint {id}-error");
    let message = move || errors.with(|e| e.get(name).cloned());
    let invalid = move || message().is_some().to_string();
    let control = if multiline {
        view! { <textarea id=id.clone() name=name rows="3" maxlength=max class=INPUT aria-describedby=described aria-invalid=invalid></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() name=name maxlength=max class=INPUT aria-describedby=described aria-invalid=invalid /> }.into_any()
    };
    view! {
        <div class="space-y-1 sm:col-span-2">
            <label for=id.clone() class="block text-sm font-medium text-slate-700">{label}</label>
            {control}
            <p id=format!("{id}-hint") class="text-xs text-slate-500">{hint}</p>
            <p id=format!("{id}-error") class="text-sm text-red-700">{message}</p>
        </div>
    }
}

/// The image choice of a new-badge form (field `image`): the built-in images and, for a course
/// badge (`upload` = the course), an image uploaded to the course, which then becomes the
/// chosen one. Uploading needs JavaScript; the built-in images do not.
#[component]
pub(crate) fn ImageChoices(upload: Option<i64>, error: Signal<Option<String>>) -> impl IntoView {
    let uploaded = RwSignal::new(None::<MediaInfo>);
    view! {
        <fieldset class="space-y-2 sm:col-span-2" aria-describedby="badge-image-error">
            <legend class="text-sm font-medium text-slate-700">"Image"</legend>
            <div class="flex flex-wrap gap-3">
                {BADGE_IMAGES.iter().enumerate().map(|(i, (key, label))| {
                    let id = format!("badge-image-{key}");
                    view! {
                        <label for=id.clone() class=CHOICE>
                            <input id=id.clone() type="radio" name="image" value=*key checked=i == 0 />
                            <img src=crate::models::badge_image_path(key) alt="" width="32" height="32" class="h-8 w-8" />
                            <span class="text-sm">{*label}</span>
                        </label>
                    }
                }).collect_view()}
                {move || uploaded.get().map(|media| view! {
                    <label for="badge-image-uploaded" class=CHOICE>
                        <input id="badge-image-uploaded" type="radio" name="image" value=uploaded_image_key(media.id) checked=true />
                        <img src=media.url alt="" width="32" height="32" class="h-8 w-8 object-contain" />
                        <span class="max-w-[12rem] truncate text-sm">{format!("Uploaded: {}", media.filename)}</span>
                    </label>
                })}
            </div>
            {upload.map(|course_id| view! {
                <FileUpload
                    course_id
                    kind="image"
                    id="badge-image-upload"
                    label="Or upload your own (PNG, JPEG, WebP or GIF, square works best)"
                    accept="image/png,image/jpeg,image/webp,image/gif"
                    on_done=Callback::new(move |media: MediaInfo| uploaded.set(Some(media)))
                />
            })}
            <p id="badge-image-error" class="text-sm text-red-700">{error}</p>
        </fieldset>
    }
}

/// A selectable image tile.
const CHOICE: &str = "flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-2 py-1 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50";

#[component]
fn NewBadge(
    course_id: i64,
    quizzes: Vec<QuizChoice>,
    create: ServerAction<CreateBadge>,
) -> impl IntoView {
    let value = Signal::derive(move || create.value().get());
    let errors = field_errors(value);
    let error = move |name: &'static str| move || errors.with(|e| e.get(name).cloned());
    let created = move || {
        matches!(value.get(), Some(Ok(_))).then_some(
            "Badge created. Learners who already meet its rule receive it within a minute.",
        )
    };
    let has_quizzes = !quizzes.is_empty();
    view! {
        <section aria-labelledby="new-badge-title" class=CARD>
            <h2 id="new-badge-title" class="text-xl font-semibold">"New badge"</h2>
            <ActionForm action=create attr:class="grid gap-4 sm:grid-cols-2">
                <input type="hidden" name="course" value=course_id />
                {text_field("name", "Name", format!("Up to {MAX_BADGE_NAME} characters, e.g. \u{201c}Rust Fundamentals graduate\u{201d}."), MAX_BADGE_NAME, false, errors)}
                {text_field("description", "Description", format!("What the badge stands for, up to {MAX_BADGE_DESCRIPTION} characters."), MAX_BADGE_DESCRIPTION, true, errors)}
                {text_field("criteria", "Criteria", format!("What a learner did to earn it, in words, up to {MAX_BADGE_CRITERIA} characters. Verifiers read this."), MAX_BADGE_CRITERIA, true, errors)}
                <ImageChoices upload=Some(course_id) error=Signal::derive(error("image")) />
                <div class="space-y-1 sm:col-span-2">
                    <label for="badge-rule" class="block text-sm font-medium text-slate-700">"Earned when the learner"</label>
                    <select id="badge-rule" name="rule" class=INPUT aria-describedby="badge-rule-error">
                        {Rule::COURSE.iter().map(|(rule, label)| view! { <option value=rule.key()>{*label}</option> }).collect_view()}
                    </select>
                    <p id="badge-rule-error" class="text-sm text-red-700">{error("rule")}</p>
                </div>
                <div class="space-y-1">
                    <label for="badge-quiz" class="block text-sm font-medium text-slate-700">"Quiz (for \u{201c}Passes a quiz\u{201d})"</label>
                    <select id="badge-quiz" name="quiz_lesson" class=INPUT aria-describedby="badge-quiz-error">
                        <option value="">{if has_quizzes { "Choose a quiz" } else { "This course has no graded quiz" }}</option>
                        {quizzes.into_iter().map(|q| view! { <option value=q.lesson_id>{q.title}</option> }).collect_view()}
                    </select>
                    <p id="badge-quiz-error" class="text-sm text-red-700">{error("quiz_lesson")}</p>
                </div>
                <div class="space-y-1">
                    <label for="badge-threshold" class="block text-sm font-medium text-slate-700">"Lowest score in % (for \u{201c}Passes a quiz\u{201d})"</label>
                    <input id="badge-threshold" name="threshold" type="number" min="1" max="100" inputmode="numeric" class=INPUT aria-describedby="badge-threshold-error" />
                    <p id="badge-threshold-error" class="text-sm text-red-700">{error("threshold")}</p>
                </div>
                <div class="space-y-2 sm:col-span-2">
                    <button type="submit" class=BUTTON disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create badge" }}
                    </button>
                    <p role="status" class="text-sm font-medium text-emerald-700">{created}</p>
                    <FormError value />
                </div>
            </ActionForm>
        </section>
    }
}
