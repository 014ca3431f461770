//! "SVG" and "PNG" buttons that save one chart as drawn.

use leptos::prelude::*;

use crate::web::download::{save_png, save_svg};

/// Saves the chart in `svg` as `circular-compute-NAME.svg` or `.png`.
#[component]
pub fn ChartDownloads(
    svg: NodeRef<leptos::svg::Svg>,
    name: &'static str,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let (problem, set_problem) = signal(None::<String>);
    let save = move |png: bool| {
        let Some(el) = svg.get_untracked() else {
            return;
        };
        let file = format!(
            "circular-compute-{name}.{}",
            if png { "png" } else { "svg" }
        );
        let title = title.get_untracked();
        let done = if png {
            save_png(&el, &file, &title)
        } else {
            save_svg(&el, &file, &title)
        };
        set_problem.set(done.err().map(|e| e.to_string()));
    };
    view! {
        <div class="chart-downloads">
            <span class="label">"Download"</span>
            {[("svg", "SVG", false), ("png", "PNG", true)]
                .into_iter()
                .map(|(ext, text, png)| {
                    view! {
                        <button
                            type="button"
                            class="button small"
                            data-testid=format!("download-{name}-{ext}")
                            aria-label=move || format!("Download “{}” as {text}", title.get())
                            on:click=move |_| save(png)
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
            <span class="status" role="status">{move || problem.get()}</span>
        </div>
    }
}
