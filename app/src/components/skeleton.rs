//! Loading placeholders.

use leptos::prelude::*;

/// A grid of grey cards shown while courses load.
#[component]
pub fn CardGridSkeleton(#[prop(default = 6)] count: usize) -> impl IntoView {
    view! {
        <div
            class="grid gap-6 sm:grid-cols-2 lg:grid-cols-3"
            aria-busy="true"
            aria-label="Loading courses"
        >
            {(0..count)
                .map(|_| {
                    view! {
                        <div class="animate-pulse overflow-hidden rounded-xl border border-slate-200 bg-white">
                            <div class="aspect-video bg-slate-200"></div>
                            <div class="space-y-2 p-4">
                                <div class="h-3 w-1/3 rounded bg-slate-200"></div>
                                <div class="h-5 w-3/4 rounded bg-slate-200"></div>
                                <div class="h-3 w-full rounded bg-slate-200"></div>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
