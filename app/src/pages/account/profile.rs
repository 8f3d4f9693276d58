//! `/account`: your name, email, password, API tokens, teaching application, and deletion.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::get_current_user;
use crate::api::instructors::get_my_bio;
use crate::api::profile::{
    list_api_tokens, ApplyToTeach, ChangeEmail, ChangePassword, CreateApiToken, DeleteAccount,
    RevokeApiToken, UpdateDisplayName,
};
use crate::components::{field_errors, on_auth_change, session_epoch, ErrorView, Field, FormError};
use crate::error::AppError;
use crate::models::instructor::BioSettings;
use crate::models::{role_at_least, ApiScope, ApiTokenInfo, Role, UserSummary};
use crate::pages::instructors::BioEditor;

const CARD: &str = "space-y-2 rounded-xl border border-slate-200 bg-white p-6 shadow-sm";
const BUTTON: &str =
    "rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60";

/// A green confirmation once `value` holds a success.
fn saved<T: Clone + Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
    text: &'static str,
) -> impl IntoView {
    move || {
        matches!(value.get(), Some(Ok(_))).then(|| {
            view! { <p role="status" class="text-sm font-medium text-emerald-700">{text}</p> }
        })
    }
}

/// The API-token actions and list, made once by the page (see [`AccountPage`]).
#[derive(Clone, Copy)]
struct Tokens {
    create: ServerAction<CreateApiToken>,
    revoke: ServerAction<RevokeApiToken>,
    list: Resource<Result<Vec<ApiTokenInfo>, AppError>>,
}

/// The account page; visitors get the sign-in-required page (401).
///
/// Every resource of the page is made here, at the top, and handed down. A resource made in a
/// component that a `Suspend` renders is made again each time the server's `Suspense`
/// re-checks its children (how often depends on timing), so the server numbers the page's data
/// differently from the browser, which then hydrates with another resource's data (or none)
/// and panics.
#[component]
pub fn AccountPage() -> impl IntoView {
    let epoch = session_epoch();
    let user = Resource::new(move || epoch.get(), |_| get_current_user());
    let bio: Resource<Result<Option<BioSettings>, AppError>> = Resource::new(
        move || epoch.get(),
        |_| async move {
            match get_current_user().await? {
                Some(user) if role_at_least(&user.role, Role::Instructor) => {
                    get_my_bio().await.map(Some)
                }
                _ => Ok(None),
            }
        },
    );
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let list = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    let tokens = Tokens {
        create,
        revoke,
        list,
    };
    view! {
        <Title text="Your account" />
        <Suspense fallback=|| view! { <p class="p-10 text-slate-500">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! { <AccountForms user bio tokens /> }.into_any(),
                    Ok(None) => view! { <ErrorView error=AppError::Unauthorized /> }.into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountForms(
    user: UserSummary,
    bio: Resource<Result<Option<BioSettings>, AppError>>,
    tokens: Tokens,
) -> impl IntoView {
    let is_learner = Role::parse(&user.role) == Some(Role::Learner);
    view! {
        <div class="mx-auto max-w-2xl space-y-8 px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Your account"</h1>
            <p class="text-slate-600">
                {format!("Signed in as {} ({}).", user.email, Role::parse(&user.role).unwrap_or(Role::Learner).label())}
            </p>
            <p>
                <a href="/account/purchases" class="font-medium text-indigo-700 underline">"Purchases and receipts"</a>
            </p>
            <NameForm />
            {(!is_learner).then(|| view! { <BioEditor settings=bio /> })}
            <EmailForm />
            <PasswordForm />
            <TokensSection tokens />
            {is_learner.then(|| view! { <TeachForm /> })}
            <DeleteForm />
        </div>
    }
}

#[component]
fn NameForm() -> impl IntoView {
    let action = ServerAction::<UpdateDisplayName>::new();
    let value = Signal::derive(move || action.value().get());
    let epoch = session_epoch();
    Effect::new(move |_| {
        if let Some(Ok(_)) = value.get() {
            epoch.update(|n| *n += 1);
        }
    });
    view! {
        <section aria-labelledby="name-title">
            <h2 id="name-title" class="mb-2 text-xl font-semibold">"Display name"</h2>
            <ActionForm action attr:class=CARD>
                <Field name="display_name" label="Display name" autocomplete="name" errors=field_errors(value) />
                <FormError value />
                {saved(value, "Saved.")}
                <button type="submit" class=BUTTON>"Save name"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn EmailForm() -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    view! {
        <section aria-labelledby="email-title">
            <h2 id="email-title" class="mb-2 text-xl font-semibold">"Email"</h2>
            <ActionForm action attr:class=CARD>
                <Field name="email" label="New email" kind="email" autocomplete="email" errors />
                <Field
                    name="current_password"
                    id="email-current-password"
                    label="Current password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                />
                <FormError value />
                {saved(value, "Email changed.")}
                <button type="submit" class=BUTTON>"Change email"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    view! {
        <section aria-labelledby="password-title">
            <h2 id="password-title" class="mb-2 text-xl font-semibold">"Password"</h2>
            <ActionForm action attr:class=CARD>
                <Field
                    name="current_password"
                    id="password-current-password"
                    label="Current password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                />
                <Field
                    name="new_password"
                    label="New password"
                    kind="password"
                    autocomplete="new-password"
                    errors
                />
                <FormError value />
                {saved(value, "Password changed. Your other sessions were signed out.")}
                <button type="submit" class=BUTTON>"Change password"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TokensSection(tokens: Tokens) -> impl IntoView {
    let Tokens {
        create,
        revoke,
        list: tokens,
    } = tokens;
    let created = Signal::derive(move || create.value().get());
    view! {
        <section aria-labelledby="tokens-title">
            <h2 id="tokens-title" class="mb-2 text-xl font-semibold">"API tokens"</h2>
            <div class=CARD>
                <p class="text-sm text-slate-600">
                    "Tokens let scripts call Lectern's API as you, with "
                    <code>"Authorization: Bearer <token>"</code>
                    ". Treat them like passwords. "
                    <a href="/api/docs" rel="external" class="text-indigo-700 underline">
                        "Read the API documentation"
                    </a>
                </p>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match tokens.await {
                            Ok(list) if list.is_empty() => view! { <p class="text-sm text-slate-500">"No tokens yet."</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="divide-y divide-slate-100" role="list">
                                    {list.into_iter().map(|t| view! {
                                        <li class="flex items-center justify-between py-2 text-sm">
                                            <span>
                                                {format!("{} (lct_{}…)", t.name, t.prefix)}
                                                <span class="block text-xs text-slate-500">{format!("Scopes: {}", t.scopes.join(", "))}</span>
                                            </span>
                                            <ActionForm action=revoke>
                                                <input type="hidden" name="token_id" value=t.id.to_string() />
                                                <button type="submit" class="text-red-700 hover:underline" aria-label=format!("Revoke {}", t.name)>
                                                    "Revoke"
                                                </button>
                                            </ActionForm>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(error) => view! { <p role="alert" class="text-red-700">{error.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <ActionForm action=create attr:class="space-y-2">
                    <Field name="name" id="token-name" label="New token name" errors=field_errors(created) />
                    <Field
                        name="password"
                        id="token-password"
                        label="Password to confirm"
                        kind="password"
                        autocomplete="current-password"
                        errors=field_errors(created)
                    />
                    <fieldset class="space-y-1" aria-describedby="token-scopes-error">
                        <legend class="text-sm font-medium text-slate-700">"What the token may do on the REST API"</legend>
                        {ApiScope::ALL.into_iter().map(|scope| {
                            let id = format!("token-scope-{}", scope.key());
                            view! {
                                <label for=id.clone() class="flex items-start gap-2 text-sm">
                                    <input id=id.clone() type="checkbox" name=format!("scope_{}", scope.key()) value="on" checked=matches!(scope, ApiScope::Read | ApiScope::Learn) class="mt-1" />
                                    <span>{scope.label()}</span>
                                </label>
                            }
                        }).collect_view()}
                        <p id="token-scopes-error" class="text-sm text-red-700">
                            {move || created.get().and_then(|r| match r {
                                Err(AppError::Validation(fields)) => fields.get("scopes").cloned(),
                                _ => None,
                            })}
                        </p>
                    </fieldset>
                    <FormError value=created />
                    <button type="submit" class=BUTTON>"Create token"</button>
                </ActionForm>
                {move || match created.get() {
                    Some(Ok(token)) => Some(view! {
                        <div role="status" class="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
                            "Copy this token now — it will not be shown again: "
                            <code class="break-all font-mono">{token.secret}</code>
                        </div>
                    }),
                    _ => None,
                }}
            </div>
        </section>
    }
}

#[component]
fn TeachForm() -> impl IntoView {
    let action = ServerAction::<ApplyToTeach>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    view! {
        <section aria-labelledby="teach-title">
            <h2 id="teach-title" class="mb-2 text-xl font-semibold">"Teach on Lectern"</h2>
            <ActionForm action attr:class=CARD>
                <label for="motivation" class="text-sm font-medium text-slate-700">
                    "What would you like to teach, and what is your experience?"
                </label>
                <textarea
                    id="motivation"
                    name="motivation"
                    rows="4"
                    required
                    aria-describedby="motivation-error"
                    class="w-full rounded-lg border border-slate-300 px-3 py-2"
                ></textarea>
                <p id="motivation-error" class="text-sm text-red-700">
                    {move || errors.get().get("motivation").cloned()}
                </p>
                <FormError value />
                {saved(value, "Application sent. An admin will review it.")}
                <button type="submit" class=BUTTON>"Apply to teach"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DeleteForm() -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let value = Signal::derive(move || action.value().get());
    let errors = field_errors(value);
    let confirmed = RwSignal::new(false);
    on_auth_change(value, "/");
    view! {
        <section aria-labelledby="delete-title">
            <h2 id="delete-title" class="mb-2 text-xl font-semibold text-red-800">"Delete account"</h2>
            <ActionForm action attr:class="space-y-2 rounded-xl border border-red-200 bg-red-50 p-6">
                <p class="text-sm text-red-900">
                    "Your name and email are removed and you are signed out. Course progress stays, anonymised. This cannot be undone."
                </p>
                <Field
                    name="password"
                    id="delete-password"
                    label="Password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                />
                <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" on:change=move |ev| confirmed.set(event_target_checked(&ev)) />
                    "I understand this deletes my account"
                </label>
                <FormError value />
                <button
                    type="submit"
                    class="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-50"
                    disabled=move || !confirmed.get()
                >
                    "Delete my account"
                </button>
            </ActionForm>
        </section>
    }
}
