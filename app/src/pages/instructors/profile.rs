//! `/instructors/{slug}`: an instructor's initials avatar, bio and published courses.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::instructors::get_instructor_profile;
use crate::components::{CourseGrid, ErrorView};
use crate::models::instructor::InstructorProfile;

/// The profile page; the 404 page for unknown slugs and people who do not teach.
#[component]
pub fn InstructorProfilePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let profile = Resource::new(slug, get_instructor_profile);
    view! {
        <Suspense fallback=|| {
            view! { <p class="mx-auto max-w-5xl px-4 py-10 text-slate-500">"Loading profile…"</p> }
        }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <ProfileView profile /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A round avatar with the instructor's initials (Lectern has no profile photos).
#[component]
pub fn InitialsAvatar(initials: String, #[prop(optional)] large: bool) -> impl IntoView {
    let size = if large {
        "h-24 w-24 text-3xl"
    } else {
        "h-10 w-10 text-sm"
    };
    view! {
        <span
            aria-hidden="true"
            class=format!(
                "inline-flex shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-indigo-600 to-sky-500 font-bold text-white {size}",
            )
        >
            {initials}
        </span>
    }
}

#[component]
fn ProfileView(profile: InstructorProfile) -> impl IntoView {
    let InstructorProfile {
        display_name,
        initials,
        bio_html,
        courses,
        ..
    } = profile;
    let count = courses.len();
    let courses_view = if courses.is_empty() {
        view! { <p class="text-slate-600">"No published courses yet."</p> }.into_any()
    } else {
        view! { <CourseGrid courses /> }.into_any()
    };
    let summary = match count {
        0 => "No published courses yet".to_owned(),
        1 => "1 published course".to_owned(),
        n => format!("{n} published courses"),
    };
    view! {
        <Title text=display_name.clone() />
        <Meta name="description" content=format!("{display_name}, instructor on Lectern") />
        <div class="mx-auto max-w-6xl space-y-12 px-4 py-10">
            <header class="flex flex-col gap-6 sm:flex-row sm:items-center">
                <InitialsAvatar initials large=true />
                <div class="min-w-0">
                    <p class="text-sm font-semibold uppercase tracking-wide text-indigo-700">
                        "Instructor"
                    </p>
                    <h1 class="break-words text-3xl font-bold tracking-tight sm:text-4xl">
                        {display_name.clone()}
                    </h1>
                    <p class="mt-1 text-slate-600">{summary}</p>
                </div>
            </header>
            <section aria-labelledby="about-instructor" class="max-w-3xl">
                <h2 id="about-instructor" class="mb-3 text-xl font-semibold">
                    {format!("About {display_name}")}
                </h2>
                {if bio_html.trim().is_empty() {
                    view! { <p class="text-slate-600">"This instructor has not written a bio yet."</p> }
                        .into_any()
                } else {
                    view! { <div class="prose prose-slate max-w-none break-words" inner_html=bio_html></div> }
                        .into_any()
                }}
            </section>
            <section aria-labelledby="instructor-courses">
                <h2 id="instructor-courses" class="mb-6 text-2xl font-bold tracking-tight">
                    {format!("Courses by {display_name}")}
                </h2>
                {courses_view}
            </section>
        </div>
    }
}
