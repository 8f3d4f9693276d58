//! `/achievements`: the signed-in learner's certificates (each with its PDF and verification
//! page) and badges (each with its public credential page and its downloads, the signed `.jwt`
//! and the JSON), and the choice of who may open those pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::badges::{get_achievements, SetCredentialsPublic};
use crate::api::points::SetLeaderboardPublic;
use crate::components::{ErrorView, FormError};
use crate::models::{Achievements, MyBadge, MyCertificate, Standing, LESSON_POINTS, QUIZ_POINTS};

const LINK: &str = "font-medium text-indigo-700 underline";
const BUTTON_LIGHT: &str = "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/// The achievements page; visitors are sent to sign in.
#[component]
pub fn AchievementsPage() -> impl IntoView {
    let toggle = ServerAction::<SetCredentialsPublic>::new();
    let named = ServerAction::<SetLeaderboardPublic>::new();
    let data = Resource::new(
        move || (toggle.version().get(), named.version().get()),
        |_| get_achievements(),
    );
    view! {
        <Title text="Achievements" />
        <div class="mx-auto max-w-5xl space-y-6 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Achievements"</h1>
            <Transition fallback=|| view! { <p class="text-slate-500">"Loading your achievements…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! {
                            <Points standing=data.standing.clone() named />
                            <Badges data toggle />
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Badges(data: Achievements, toggle: ServerAction<SetCredentialsPublic>) -> impl IntoView {
    let Achievements {
        badges,
        certificates,
        public,
        ..
    } = data;
    let certificates = if certificates.is_empty() {
        view! {
            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                "No certificates yet. You get one for every course you complete. "
                <a href="/learning" class=LINK>"Continue learning"</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="grid gap-4 sm:grid-cols-2" role="list">
                {certificates.into_iter().map(|c| view! { <CertificateCard certificate=c /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let list = if badges.is_empty() {
        view! {
            <p class="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-600">
                "No badges yet. Courses award them when you complete lessons, pass quizzes and finish the course. "
                <a href="/learning" class=LINK>"Continue learning"</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="grid gap-4 sm:grid-cols-2" role="list">
                {badges.into_iter().map(|b| view! { <BadgeCard badge=b /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let (status, next, button) = if public {
        (
            "Your credential pages are public: anyone with a link can open and check them.",
            "false",
            "Make my credential pages private",
        )
    } else {
        (
            "Your credential pages are private: only you can open them. Links you shared show \u{201c}not found\u{201d}.",
            "true",
            "Make my credential pages public",
        )
    };
    let value = Signal::derive(move || toggle.value().get());
    view! {
        <section aria-labelledby="certificates-title" class="space-y-3">
            <h2 id="certificates-title" class="text-xl font-semibold">"Certificates"</h2>
            {certificates}
        </section>
        <section aria-labelledby="badges-title" class="space-y-3">
            <h2 id="badges-title" class="text-xl font-semibold">"Badges"</h2>
            {list}
        </section>
        <section aria-labelledby="sharing-title" class="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 id="sharing-title" class="text-xl font-semibold">"Sharing"</h2>
            <p class="text-slate-700">{status}</p>
            <ActionForm action=toggle>
                <input type="hidden" name="public" value=next />
                <button type="submit" class=BUTTON_LIGHT disabled=move || toggle.pending().get()>{button}</button>
            </ActionForm>
            <FormError value />
            <p class="text-sm text-slate-600">
                "Each certificate has a verification page, linked from its QR code. Each badge is an Open Badges 3.0 credential signed by Lectern. Anyone can check one at "
                <a href="/credentials/verify" class=LINK>"Verify a credential"</a>
                ", or with any Open Badges 3.0 verifier."
            </p>
        </section>
    }
}

#[component]
fn BadgeCard(badge: MyBadge) -> impl IntoView {
    let page = format!("/credentials/{}", badge.id);
    let jwt = format!("{page}/credential.jwt");
    let json = format!("{page}/credential.json");
    let name = badge.name.clone();
    view! {
        <li class="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <img src=badge.image alt="" width="64" height="64" class="h-16 w-16 shrink-0" />
            <div class="min-w-0 space-y-1">
                <h3 class="break-words text-lg font-semibold">{badge.name}</h3>
                {badge.course.map(|c| view! { <p class="text-sm text-slate-600">{c}</p> })}
                <p class="text-sm text-slate-700">{badge.description}</p>
                <p class="text-sm text-slate-600">"Awarded " {badge.awarded_on}</p>
                {badge.revoked.map(|reason| view! {
                    <p class="text-sm font-medium text-red-700">"Revoked: " {reason}</p>
                })}
                <p class="flex flex-wrap gap-x-3 gap-y-1 text-sm">
                    <a href=page class=LINK>"Credential page"<span class="sr-only">{format!(" for {name}")}</span></a>
                    <a href=jwt class=LINK download="">"Download .jwt"<span class="sr-only">{format!(" for {name}")}</span></a>
                    <a href=json class=LINK download="">"Download JSON"<span class="sr-only">{format!(" for {name}")}</span></a>
                </p>
            </div>
        </li>
    }
}

#[component]
fn CertificateCard(certificate: MyCertificate) -> impl IntoView {
    let page = format!("/certificates/{}", certificate.id);
    let pdf = format!("{page}/certificate.pdf");
    let course = certificate.course.clone();
    view! {
        <li class="space-y-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <p class="text-sm font-medium text-indigo-700">"Certificate of completion"</p>
            <h3 class="break-words text-lg font-semibold">{certificate.course}</h3>
            <p class="text-sm text-slate-600">"Issued " {certificate.issued_on}</p>
            {certificate.revoked.map(|reason| view! {
                <p class="text-sm font-medium text-red-700">"Revoked: " {reason}</p>
            })}
            <p class="flex flex-wrap gap-x-3 gap-y-1 text-sm">
                <a href=pdf class=LINK download="">"Download PDF"<span class="sr-only">{format!(" of the certificate for {course}")}</span></a>
                <a href=page class=LINK>"Verification page"<span class="sr-only">{format!(" of the certificate for {course}")}</span></a>
                <a href=format!("/courses/{}", certificate.course_slug) class=LINK>"Course"<span class="sr-only">{format!(" {course}")}</span></a>
            </p>
        </li>
    }
}

/// Points, this week's points, the streak, and whether the learner appears by name on
/// leaderboards.
#[component]
fn Points(standing: Standing, named: ServerAction<SetLeaderboardPublic>) -> impl IntoView {
    let Standing {
        points,
        week_points,
        streak_days,
        time_zone,
        leaderboard_public,
    } = standing;
    let (status, next, button) = if leaderboard_public {
        (
            "Leaderboards show your name.",
            "false",
            "Hide my name on leaderboards",
        )
    } else {
        (
            "Leaderboards show you as \u{201c}A learner\u{201d}; you still see your own rank.",
            "true",
            "Show my name on leaderboards",
        )
    };
    let value = Signal::derive(move || named.value().get());
    let stat = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";
    view! {
        <section aria-labelledby="points-title" class="space-y-3">
            <h2 id="points-title" class="text-xl font-semibold">"Points and streak"</h2>
            <dl class="grid grid-cols-1 gap-3 sm:grid-cols-3">
                <div class=stat><dt class="text-sm text-slate-600">"Points"</dt><dd class="text-2xl font-bold tabular-nums">{points}</dd></div>
                <div class=stat><dt class="text-sm text-slate-600">"This week"</dt><dd class="text-2xl font-bold tabular-nums">{week_points}</dd></div>
                <div class=stat>
                    <dt class="text-sm text-slate-600">"Daily streak"</dt>
                    <dd class="text-2xl font-bold tabular-nums">{format!("{streak_days} day{}", if streak_days == 1 { "" } else { "s" })}</dd>
                </div>
            </dl>
            <p class="text-sm text-slate-600">
                {format!("{LESSON_POINTS} points for each lesson you complete, {QUIZ_POINTS} more for each quiz you pass (the first time). Your streak counts the days in a row you earned points, in your time zone ({time_zone}). ")}
                <a href="/leaderboard" class=LINK>"See the leaderboard"</a>
            </p>
        </section>
        <section aria-labelledby="leaderboard-title" class="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h2 id="leaderboard-title" class="text-xl font-semibold">"Leaderboards"</h2>
            <p class="text-slate-700">{status}</p>
            <ActionForm action=named>
                <input type="hidden" name="public" value=next />
                <button type="submit" class=BUTTON_LIGHT disabled=move || named.pending().get()>{button}</button>
            </ActionForm>
            <FormError value />
        </section>
    }
}
