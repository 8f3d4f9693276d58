//! `/admin/users`: search users and change their role. Admins only (403 page otherwise).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::Form, hooks::use_query_map};

use crate::api::admin::{list_users, SetUserRole};
use crate::components::{ErrorView, FormError, TableScroll};
use crate::format::count;
use crate::models::{AdminUserQuery, AdminUserRow, Role};

/// The user list with a role control per user.
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| AdminUserQuery {
            q: p.get("q").filter(|v| !v.trim().is_empty()),
            role: p.get("role").filter(|v| !v.is_empty()),
            page: p.get("page").and_then(|v| v.parse().ok()),
        })
    });
    let set_role = ServerAction::<SetUserRole>::new();
    let users = Resource::new(
        move || (query.get(), set_role.version().get()),
        |(q, _)| list_users(q),
    );
    view! {
        <Title text="Users" />
        <div class="mx-auto max-w-5xl px-4 py-10">
            <Suspense fallback=|| view! { <p class="text-slate-500">"Loading users…"</p> }>
                {move || {
                    // Read the query before awaiting: after the await this render may be gone.
                    let current = query.get_untracked();
                    let search_text = current.q.clone().unwrap_or_default();
                    Suspend::new(async move {
                    match users.await {
                        Ok(page) => {
                            view! {
                                <div class="mb-6 flex items-end justify-between">
                                    <h1 class="text-3xl font-bold tracking-tight">"Users"</h1>
                                    <span class="flex flex-wrap gap-4">
                                        <a href="/admin/applications" class="font-medium text-indigo-700 hover:underline">
                                            "Applications to teach"
                                        </a>
                                        <a href="/admin/purchases" class="font-medium text-indigo-700 hover:underline">
                                            "Purchases"
                                        </a>
                                        <a href="/admin/reviews" class="font-medium text-indigo-700 hover:underline">
                                            "Reported reviews"
                                        </a>
                                        <a href="/admin/badges" class="font-medium text-indigo-700 hover:underline">
                                            "Site-wide badges"
                                        </a>
                                    </span>
                                </div>
                                <Form method="GET" action="/admin/users" attr:role="search" attr:class="mb-6 flex gap-2">
                                    <label for="user-search" class="sr-only">"Search users"</label>
                                    <input
                                        id="user-search"
                                        name="q"
                                        type="search"
                                        placeholder="Email or name"
                                        value=search_text
                                        class="flex-1 rounded-lg border border-slate-300 px-3 py-2"
                                    />
                                    <button type="submit" class="rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white">
                                        "Search"
                                    </button>
                                </Form>
                                <FormError value=Signal::derive(move || set_role.value().get()) />
                                <p role="status" class="mb-2 text-sm text-slate-600">
                                    {count(page.total, "user", "users")}
                                </p>
                                <TableScroll label="Users">
                                <table class="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm">
                                    <thead class="bg-slate-50">
                                        <tr>
                                            <th scope="col" class="px-4 py-2">"Name"</th>
                                            <th scope="col" class="px-4 py-2">"Email"</th>
                                            <th scope="col" class="px-4 py-2">"Role"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page
                                            .items
                                            .into_iter()
                                            .map(|row| view! { <UserRow row set_role /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                </TableScroll>
                                <UserPager query=current page=page.page total_pages=page.total_pages />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn UserRow(row: AdminUserRow, set_role: ServerAction<SetUserRole>) -> impl IntoView {
    let select_id = format!("role-{}", row.id);
    let label = format!("Role for {}", row.email);
    view! {
        <tr class="border-t border-slate-100">
            <td class="px-4 py-2">{row.display_name.clone()}</td>
            <td class="px-4 py-2">{row.email.clone()}</td>
            <td class="px-4 py-2">
                <ActionForm action=set_role attr:class="flex items-center gap-2">
                    <input type="hidden" name="user_id" value=row.id.to_string() />
                    <label for=select_id.clone() class="sr-only">{label}</label>
                    <select id=select_id name="role" class="rounded border border-slate-300 px-2 py-1">
                        {Role::ALL
                            .iter()
                            .map(|r| {
                                view! {
                                    <option value=r.as_str() selected=r.as_str() == row.role>
                                        {r.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button type="submit" class="rounded bg-slate-800 px-3 py-1 text-white">
                        "Save"
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// Previous/next links that keep the search and role filter.
#[component]
fn UserPager(query: AdminUserQuery, page: u64, total_pages: u64) -> impl IntoView {
    let href = move |p: u64| {
        let mut parts = vec![format!("page={p}")];
        if let Some(q) = &query.q {
            parts.push(format!(
                "q={}",
                q.replace('%', "%25").replace('&', "%26").replace(' ', "+")
            ));
        }
        if let Some(role) = &query.role {
            parts.push(format!("role={role}"));
        }
        format!("/admin/users?{}", parts.join("&"))
    };
    (total_pages > 1).then(|| {
        view! {
            <nav aria-label="Pagination" class="mt-6 flex items-center justify-between text-sm">
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev" class="text-indigo-700 underline">"Previous"</a> })}
                <span>{format!("Page {page} of {total_pages}")}</span>
                {(page < total_pages).then(|| view! { <a href=href(page + 1) rel="next" class="text-indigo-700 underline">"Next"</a> })}
            </nav>
        }
    })
}
