//! "SVG" and "PNG" buttons that save one chart as drawn.

use leptos::prelude::*;
use leptos::svg::Svg;

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

/// A chart's download buttons, as the full page gives them (`offer`, in
/// its lower half): a chart draws them through [`downloads`]. An embed
/// offers none, so its wasm carries none: its downloads stay in the full
/// calculator, a tap away under its link (a sandboxed frame refuses them
/// anyway).
#[derive(Clone, Copy)]
pub struct Downloads(fn(NodeRef<Svg>, &'static str, Signal<String>) -> AnyView);

impl Downloads {
    /// Gives the owner's charts their download buttons.
    pub fn offer() {
        provide_context(Downloads(|svg, name, title| {
            view! { <ChartDownloads svg name title/> }.into_any()
        }));
    }
}

/// The download buttons of the chart drawn in `svg`, saved as
/// `circular-compute-NAME`, where the page offers them.
pub fn downloads(svg: NodeRef<Svg>, name: &'static str, title: Signal<String>) -> Option<AnyView> {
    use_context::<Downloads>().map(|d| (d.0)(svg, name, title))
}
