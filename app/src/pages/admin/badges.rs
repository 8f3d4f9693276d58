//! `/admin/badges`: the site-wide badges (a number of courses completed, a daily streak), a form
//! to create one, and their awards with a way to revoke each. Admins only; every control is a
//! plain form, so the page works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::badges::{get_site_badges, CreateSiteBadge, DeleteBadge, RevokeAward};
use crate::components::{field_errors, ErrorView, FormError};
use crate::format::count;
use crate::models::{
    Rule, SiteBadges, AWARDS_PER_PAGE, MAX_BADGE_CRITERIA, MAX_BADGE_DESCRIPTION, MAX_BADGE_NAME,
    MAX_SITE_RULE_NUMBER,
};
use crate::pages::teach::badges::{text_field, AwardItem, BadgeItem, ImageChoices};
use crate::pages::teach::{page_links, BUTTON, CARD, INPUT};

/// The site-wide badges page.
#[component]
pub fn AdminBadgesPage() -> impl IntoView {
    let query = use_query_map();
    let create = ServerAction::<CreateSiteBadge>::new();
    let delete = ServerAction::<DeleteBadge>::new();
    let revoke = ServerAction::<RevokeAward>::new();
    let data = Resource::new(
        move || {
            (
                query.read().get("page").and_then(|s| s.parse::<u64>().ok()),
                create.version().get(),
                delete.version().get(),
                revoke.version().get(),
            )
        },
        |(page, ..)| get_site_badges(page),
    );
    view! {
        <Title text="Site-wide badges" />
        <div class="mx-auto max-w-4xl space-y-6 px-4 pb-6 pt-10">
            <div class="flex flex-wrap items-end justify-between gap-2">
                <h1 class="text-3xl font-bold tracking-tight">"Site-wide badges"</h1>
                <a href="/admin/users" class="font-medium text-indigo-700 hover:underline">"Users"</a>
            </div>
            <p class="text-slate-700">
                "Learners earn these from any course: for completing a number of courses, or for learning a number of days in a row (in their own time zone). Each is an Open Badges 3.0 credential."
            </p>
            <Transition fallback=|| view! { <p class="text-slate-500">"Loading badges…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <SiteBadgeList data delete revoke /> }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Transition>
            <NewSiteBadge create />
        </div>
    }
}

#[component]
fn SiteBadgeList(
    data: SiteBadges,
    delete: ServerAction<DeleteBadge>,
    revoke: ServerAction<RevokeAward>,
) -> impl IntoView {
    let SiteBadges {
        badges,
        awards,
        awards_total,
        page,
    } = data;
    let total_pages = awards_total.div_ceil(AWARDS_PER_PAGE);
    view! {
        <section aria-labelledby="site-badge-list-title" class="space-y-3">
            <h2 id="site-badge-list-title" class="text-xl font-semibold">"Badges"</h2>
            {if badges.is_empty() {
                view! { <p class="text-slate-600">"No site-wide badges yet. Create one below."</p> }.into_any()
            } else {
                view! {
                    <ul class="space-y-3" role="list">
                        {badges.into_iter().map(|b| view! { <BadgeItem badge=b delete /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <FormError value=Signal::derive(move || delete.value().get()) />
        </section>
        <section aria-labelledby="site-awards-title" class="space-y-3">
            <h2 id="site-awards-title" class="text-xl font-semibold">"Awarded"</h2>
            {if awards.is_empty() {
                view! { <p class="text-slate-600">"Nobody has earned a site-wide badge yet."</p> }.into_any()
            } else {
                view! {
                    <p class="text-sm text-slate-600">{count(awards_total, "award", "awards")}</p>
                    <ul class="space-y-3" role="list">
                        {awards.into_iter().map(|a| view! { <AwardItem award=a revoke /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <FormError value=Signal::derive(move || revoke.value().get()) />
            {page_links(page, total_pages, |p| format!("/admin/badges?page={p}"))}
        </section>
    }
}

#[component]
fn NewSiteBadge(create: ServerAction<CreateSiteBadge>) -> impl IntoView {
    let value = Signal::derive(move || create.value().get());
    let errors = field_errors(value);
    let error = move |name: &'static str| move || errors.with(|e| e.get(name).cloned());
    let created = move || {
        matches!(value.get(), Some(Ok(_))).then_some(
            "Badge created. Learners who already meet its rule receive it within a minute.",
        )
    };
    view! {
        <section aria-labelledby="new-badge-title" class=CARD>
            <h2 id="new-badge-title" class="text-xl font-semibold">"New site-wide badge"</h2>
            <ActionForm action=create attr:class="grid gap-4 sm:grid-cols-2">
                {text_field("name", "Name", format!("Up to {MAX_BADGE_NAME} characters, e.g. \u{201c}7-day streak\u{201d}."), MAX_BADGE_NAME, false, errors)}
                {text_field("description", "Description", format!("What the badge stands for, up to {MAX_BADGE_DESCRIPTION} characters."), MAX_BADGE_DESCRIPTION, true, errors)}
                {text_field("criteria", "Criteria", format!("What a learner did to earn it, in words, up to {MAX_BADGE_CRITERIA} characters. Verifiers read this."), MAX_BADGE_CRITERIA, true, errors)}
                <ImageChoices upload=None error=Signal::derive(error("image")) />
                <div class="space-y-1">
                    <label for="badge-rule" class="block text-sm font-medium text-slate-700">"Earned when the learner"</label>
                    <select id="badge-rule" name="rule" class=INPUT aria-describedby="badge-rule-error">
                        {Rule::SITE.iter().map(|(rule, label)| view! { <option value=rule.key()>{*label}</option> }).collect_view()}
                    </select>
                    <p id="badge-rule-error" class="text-sm text-red-700">{error("rule")}</p>
                </div>
                <div class="space-y-1">
                    <label for="badge-threshold" class="block text-sm font-medium text-slate-700">"Number of courses or days"</label>
                    <input id="badge-threshold" name="threshold" type="number" min="1" max=MAX_SITE_RULE_NUMBER inputmode="numeric" required class=INPUT aria-describedby="badge-threshold-hint badge-threshold-error" aria-invalid=move || error("threshold")().is_some().to_string() />
                    <p id="badge-threshold-hint" class="text-xs text-slate-500">{format!("1 for a first course, 7 for a week-long streak; at most {MAX_SITE_RULE_NUMBER}.")}</p>
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
