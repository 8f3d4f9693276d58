//! `/admin/applications`: approve or reject applications to teach. Admins only.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{list_applications, DecideApplication};
use crate::components::{ErrorView, FormError};

/// Pending applications, oldest first, each with approve and reject buttons.
#[component]
pub fn AdminApplicationsPage() -> impl IntoView {
    let decide = ServerAction::<DecideApplication>::new();
    let pending = Resource::new(move || decide.version().get(), |_| list_applications());
    view! {
        <Title text="Applications to teach" />
        <div class="mx-auto max-w-4xl px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading applications…"</p> }>
                {move || Suspend::new(async move {
                    match pending.await {
                        Ok(list) => view! {
                            <h1 class="mb-6 text-3xl font-bold tracking-tight">"Applications to teach"</h1>
                            <FormError value=Signal::derive(move || decide.value().get()) />
                            {if list.is_empty() {
                                view! { <p class="text-slate-600">"No applications are waiting."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="space-y-4" role="list">
                                        {list.into_iter().map(|a| {
                                            let who = format!("{} <{}>", a.display_name, a.email);
                                            let approve = format!("Approve {}", a.display_name);
                                            let reject = format!("Reject {}", a.display_name);
                                            view! {
                                            <li class="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                                                <p class="font-semibold">{who}</p>
                                                <p class="mt-2 whitespace-pre-line text-slate-700">{a.motivation}</p>
                                                <div class="mt-4 flex gap-3">
                                                    {decision(decide, a.id, true, approve, "rounded-lg bg-emerald-700 px-3 py-1.5 text-white")}
                                                    {decision(decide, a.id, false, reject, "rounded-lg border border-slate-300 px-3 py-1.5")}
                                                </div>
                                            </li>
                                        }}).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A one-button form that approves (or rejects) application `id`; the button reads `label`.
fn decision(
    decide: ServerAction<DecideApplication>,
    id: i64,
    approve: bool,
    label: String,
    class: &'static str,
) -> impl IntoView {
    view! {
        <ActionForm action=decide>
            <input type="hidden" name="application_id" value=id.to_string() />
            <input type="hidden" name="approve" value=approve.to_string() />
            <button type="submit" class=class>
                {label}
            </button>
        </ActionForm>
    }
}
