//! A bare Leptos 0.8 counter: the smallest page the framework makes.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! {
            <main>
                <h1>"Counter"</h1>
                <p data-testid="spend-per-year" data-value=move || count.get().to_string()>
                    {move || count.get()}
                </p>
                <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            </main>
        }
    });
}
