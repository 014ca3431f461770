//! The network of deals: the catalogue's companies, investors along the
//! top and their customers along the foot, each investment and compute
//! commitment a ribbon as wide as its amount. A tap, a pointer or the
//! arrow keys show a link's amount and source; its deal opens in the
//! calculator from the button below.

use leptos::prelude::*;

use super::chart_panel::measured_width;
use super::data_table::DataTable;
use super::plot::{plot_area, TipControl};
use crate::chart::flow::{network_chart, ribbon_at, NetworkGeometry};
use crate::chart::tip_html;
use crate::format::{fixed, plain};
use crate::model::{network, Link, LinkKind, Unit};
use crate::state::AppState;

/// A link in words: "Amazon → Anthropic: $33B invested and promised".
pub fn link_text(l: &Link) -> (String, String) {
    let what = match l.kind {
        LinkKind::Investment => "invested and promised",
        LinkKind::Commitment => "of compute committed",
    };
    (
        format!("{} → {}", l.from, l.to),
        format!("{} {what}", plain(Unit::UsdBillions, l.amount)),
    )
}

/// The network, drawn at its box's width.
#[component]
pub fn DealNetwork() -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = StoredValue::new(network());
    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(plot_ref);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let (active, set_active) = signal(None::<usize>);
    // The drawing at the box's width, kept for the pointer and the tooltip.
    let drawn = StoredValue::new_local(None::<NetworkGeometry>);
    let markup = move || {
        let g = links.with_value(|l| network_chart(width.get(), l));
        if let Some(el) = svg.get_untracked() {
            let _ = el.set_attribute("viewBox", &format!("0 0 {} {}", g.width, g.height));
        }
        let out = g.markup(active.get());
        drawn.set_value(Some(g));
        out
    };
    let count = move || links.with_value(Vec::len);
    let hit = move |rect: &web_sys::DomRect, x: f64, y: f64| {
        drawn.with_value(|g| {
            let g = g.as_ref()?;
            let gx = (x - rect.left()) / rect.width().max(1.0) * g.width;
            let gy = (y - rect.top()) / rect.height().max(1.0) * g.height;
            ribbon_at(g, gx, gy)
        })
    };
    let chosen = move || {
        active
            .get()
            .and_then(|i| links.with_value(|l| l.get(i).cloned()))
    };
    // The last link shown stays chosen when the plot loses the focus, so
    // its button can be pressed.
    let (kept, keep) = signal(None::<Link>);
    crate::live::effect(move || {
        if let Some(l) = chosen() {
            keep.set(Some(l));
        }
    });
    let tip = move || {
        let l = chosen()?;
        let (who, amount) = link_text(&l);
        let lines = vec![
            amount,
            l.deal.title.to_string(),
            format!("Source: {}", l.ids.join(", ")),
        ];
        width.track();
        let x = drawn.with_value(|g| {
            g.as_ref()
                .and_then(|g| {
                    let r = g.ribbons.iter().find(|r| r.link == l)?;
                    Some((r.centre[8].0 / g.width * 100.0).clamp(30.0, 70.0))
                })
                .unwrap_or(50.0)
        });
        Some((tip_html(&who, &lines), fixed(x, 1)))
    };
    let summary = || {
        "The network of the six deals: investors along the top, their customers along the foot; \
         the arrow keys step through each investment and commitment."
            .to_string()
    };
    view! {
        <figure class="chart network" data-testid="flow-network">
            <figcaption>
                <h3>"The network of deals"</h3>
                <ul class="legend">
                    <li><span class="swatch investment" aria-hidden="true"></span>"Investment: investor → customer"</li>
                    <li><span class="swatch commitment" aria-hidden="true"></span>"Compute commitment: customer → investor"</li>
                </ul>
            </figcaption>
            {plot_area(
                plot_ref,
                summary,
                "tip-network".to_string(),
                TipControl { active, set_active, count, hit },
                view! {
                    <svg node_ref=svg aria-hidden="true" focusable="false" inner_html=markup></svg>
                    <div
                        class="tooltip"
                        id="tip-network"
                        aria-live="polite"
                        style:--tip-x=move || tip().map(|t| format!("{}%", t.1))
                        inner_html=move || tip().map(|t| t.0).unwrap_or_default()
                    ></div>
                },
            )}
            <p class="note">
                "Each ribbon is as wide as its amount (at least 1.5 px, so the smallest shows). The same few companies sit at both ends: the investors sell the compute their customers commit to."
            </p>
            <p class="network-open" hidden=move || kept.with(Option::is_none)>
                <button
                    type="button"
                    class="button small"
                    data-testid="flow-network-open"
                    on:click=move |_| {
                        if let Some(l) = kept.get_untracked() {
                            state.load_deal(l.deal);
                        }
                    }
                >
                    {move || kept.get().map(|l| format!("Open {} in the calculator", l.deal.title))}
                </button>
            </p>
            <DataTable
                label="The network of deals, as a table".to_string()
                head=vec!["Link", "Amount", "Deal", "Source"]
                rows=Box::new(move || {
                    links.with_value(|all| {
                        all.iter()
                            .map(|l| {
                                let (who, amount) = link_text(l);
                                vec![who, amount, l.deal.title.to_string(), l.ids.join(", ")]
                            })
                            .collect()
                    })
                })
            />
        </figure>
    }
}
