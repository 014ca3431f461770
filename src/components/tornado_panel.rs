//! What matters most: a tornado chart ranking the inputs by how much they
//! move one figure across their ranges, with its data table.

use leptos::prelude::*;

use super::chart_downloads::downloads;
use super::chart_panel::{measured_width, tick_label};
use super::data_table::DataTable;
use super::plot::{plot_area, TipControl};
use super::slots::slots;
use crate::chart::hit::{chart_pos, row_at};
use crate::chart::tornado::{tornado_chart, TornadoRow};
use crate::chart::{tip_html, BAND_LABEL, MAX_TICKS};
use crate::format::{fixed, Fixed};
use crate::live::{detached_memo, effect_with};
use crate::model::{output_needs, tornado_of, OutputSpec, Quantities, Ranked, Tornado, INPUTS};
use crate::sentences::gap_note;
use crate::state::AppState;
use crate::web::dom::Live;
use leptos::svg::{Path, G};

/// One bar's live parts, each with what was last written to it.
struct BarParts {
    /// The input's URL key, as the bar's `data-key`.
    key: Live<G, String>,
    /// The unrounded swing, as the bar's `data-swing`.
    swing: Live<G, String>,
    /// The low end's path.
    low: Live<Path, String>,
    /// The high end's path.
    high: Live<Path, String>,
}

impl BarParts {
    fn new() -> Self {
        let key = Live::new();
        BarParts {
            swing: Live::on(key.node),
            key,
            low: Live::new(),
            high: Live::new(),
        }
    }

    /// Writes the parts of `r` that changed since the last write.
    fn write(&mut self, r: &TornadoRow) {
        self.key.attr("data-key", r.key().to_string());
        self.swing.attr("data-swing", r.swing.to_string());
        self.low.attr("d", r.path(r.low));
        self.high.attr("d", r.path(r.high));
    }
}

/// One tornado chart for `ranked`.
#[component]
pub fn TornadoPanel(ranked: Ranked) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let width = measured_width(plot_ref);
    // While the study waits for the reader to pause, the last tornado stays,
    // marked as updating (dimmed, and busy for screen readers).
    let data = Memo::new(move |last: Option<&Tornado>| {
        state
            .study
            .with(|s| s.tornado(ranked))
            .or_else(|| last.cloned())
            .unwrap_or_else(|| state.scenario.with_untracked(|s| tornado_of(s, ranked)))
    });
    let updating = Memo::new(move |_| state.study.with(|s| s.trials.is_none()));
    let geometry = Memo::new(move |_| data.with(|t| tornado_chart(width.get(), t)));
    let ticks = detached_memo(move || geometry.with(|g| g.ticks.clone()));
    // Read by several attributes, and changed far less often than the bars.
    let height = detached_memo(move || geometry.with(|g| g.height));
    let base_x = detached_memo(move || geometry.with(|g| g.base_x));
    // Each rank's label lines: they change only when the order does.
    let labels = detached_memo(move || {
        geometry.with(|g| {
            g.rows
                .iter()
                .map(|r| {
                    r.label_lines()
                        .map(|(y, l)| (y, l.to_string()))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
    });
    // The row the tooltip shows, by rank; None hides it. A pointer, a tap,
    // a finger's drag or the arrow keys choose it, as on the other charts.
    let (active, set_active) = signal(None::<usize>);
    let active_row = move || {
        let i = active.get()?;
        geometry.with(|g| g.rows.get(i).cloned())
    };
    let hit = move |rect: &web_sys::DomRect, _: f64, y: f64| {
        geometry.with_untracked(|g| {
            let y = chart_pos(y, rect.top(), rect.height(), g.height)?;
            row_at(&g.rows, y)
        })
    };
    let key = ranked.key();
    let title = Signal::derive(move || match ranked {
        Ranked::NetCash => data.with(|t| format!("What moves {}’s net cash most", t.investor)),
        Ranked::Payback => "What moves the payback year most".to_string(),
    });
    // What the deal leaves out that the ranked figure needs, if anything.
    let gap = detached_memo(move || {
        state.study.with(|st| {
            let spec = OutputSpec::by_id(ranked.output_id())?;
            let q = Quantities {
                scenario: &st.scenario,
                outputs: &st.outputs,
            };
            gap_note(&st.scenario, output_needs(spec, q))
        })
    });
    let no_effect = move || {
        data.with(|t| {
            t.no_effect
                .iter()
                .map(|i| i.spec().label)
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <figure
            class="tornado"
            class:not-known=move || gap.with(Option::is_some)
            class:updating=updating
            aria-busy=move || updating.get().to_string()
            data-testid=format!("tornado-{key}")
        >
            <figcaption>
                <h3>{title}</h3>
                <p class="note gap" data-testid=format!("gap-tornado-{key}") hidden=move || gap.with(Option::is_none)>{move || gap.get()}</p>
                <p class="note">
                    {move || geometry.with(|g| format!("Base: {}. ", g.base_text))}
                    "Each bar moves one input across its range, the others held: sourced ranges where the facts give one, otherwise ±25%."
                    {(ranked == Ranked::NetCash).then_some(" The dashed line is break-even, net cash of zero; a diamond marks each bar that crosses it.")}
                </p>
                <ul class="legend">
                    <li><span class="swatch low" aria-hidden="true"></span>"Input at its low end"</li>
                    <li><span class="swatch high" aria-hidden="true"></span>"Input at its high end"</li>
                </ul>
            </figcaption>
            {plot_area(
                plot_ref,
                move || geometry.with(|g| g.summary.clone()),
                format!("tip-tornado-{key}"),
                TipControl { active, set_active, count: move || geometry.with_untracked(|g| g.rows.len()), hit },
                view! {
                <svg
                    node_ref=svg_ref
                    viewBox=move || geometry.with(|g| format!("0 0 {} {}", g.width, g.height))
                    aria-hidden="true"
                    focusable="false"
                >
                    <g class="grid">
                        // A tick moves as a group: one live attribute, not three.
                        {slots(MAX_TICKS, move || ticks.with(Vec::len), move |i| {
                            let at = move || {
                                let pos = ticks.with(|t| t.get(i).map_or(0.0, |t| t.pos));
                                format!("translate({} 0)", Fixed(pos, 1))
                            };
                            view! {
                                <g transform=at>
                                    <line y1=18.0 y2=height></line>
                                    <text y=12.0 text-anchor="middle">{move || tick_label(ticks, i)}</text>
                                </g>
                            }
                            .into_any()
                        })}
                    </g>
                    {slots(INPUTS.len(), move || geometry.with(|g| g.rows.len()), move |i| {
                        // A rank's label changes only when another input takes it.
                        let label = Memo::new(move |_| labels.with(|l| l.get(i).cloned().unwrap_or_default()));
                        // The bar's live parts, by name: one effect writes
                        // those that changed (one live node, not four).
                        let parts = BarParts::new();
                        let (bar, low_node, high_node) = (parts.key.node, parts.low.node, parts.high.node);
                        effect_with(parts, move |parts: &mut BarParts| {
                            geometry.with(|g| {
                                if let Some(r) = g.rows.get(i) {
                                    parts.write(r);
                                }
                            })
                        });
                        view! {
                            <g class="bar" node_ref=bar>
                                {move || {
                                    label
                                        .get()
                                        .into_iter()
                                        .map(|(y, line)| view! { <text class="bar-label" x=12.0 y=y>{line}</text> })
                                        .collect_view()
                                }}
                                <path class="low" node_ref=low_node></path>
                                <path class="high" node_ref=high_node></path>
                            </g>
                        }
                            .into_any()
                    })}
                    <line
                        class="base"
                        x1=base_x
                        x2=base_x
                        y1=18.0
                        y2=height
                    ></line>
                    // The break-even line (net cash zero), and a diamond
                    // where each bar crosses it.
                    {move || {
                        geometry.with(|g| g.zero_x.map(|x| (x, g.crossing_marks()))).map(|(x, marks)| {
                            view! {
                                <g class="breakeven">
                                    <line x1=x x2=x y1=18.0 y2=height></line>
                                    <path d=marks></path>
                                </g>
                            }
                        })
                    }}
                    {move || {
                        active_row()
                            .map(|r| {
                                let width = geometry.with_untracked(|g| g.width);
                                view! { <rect class="hover" x=0.0 y=r.y width=width height=r.height()></rect> }
                            })
                    }}
                </svg>
                <div
                    class="tooltip"
                    id=format!("tip-tornado-{key}")
                    aria-live="polite"
                    // Under the row, so the row stays in sight.
                    style:--tip-y=move || {
                        active_row().map(|r| format!("{}%", fixed((r.y + r.height()) / geometry.with_untracked(|g| g.height) * 100.0, 1)))
                    }
                    inner_html=move || active_row().map(|r| {
                        let mut lines = r.tip_lines().to_vec();
                        let at = (ranked == Ranked::NetCash && r.crosses)
                            .then(|| crossing_of(state, r.input))
                            .flatten();
                        lines.extend(r.breakeven_line(at));
                        tip_html(r.input.spec().label, &lines)
                    }).unwrap_or_default()
                ></div>
                },
            )}
            <p class="note" data-testid=format!("tornado-{key}-no-effect")>
                {move || {
                    let list = no_effect();
                    if list.is_empty() { String::new() } else { format!("No effect across their ranges: {list}.") }
                }}
            </p>
            {downloads(svg_ref, key, title)}
            <DataTable
                label=Signal::derive(move || format!("{}: data", title.get()))
                head=vec!["Input", "Range", "Low end", "High end", "Range from"]
                rows=Box::new(move || {
                    // The chart's own rows: the texts are written once, in the geometry.
                    geometry.with(|g| {
                        g.rows
                            .iter()
                            .map(|r| {
                                let spec = r.input.spec();
                                vec![
                                    spec.label.to_string(),
                                    r.range(),
                                    r.low_text.clone(),
                                    r.high_text.clone(),
                                    spec.spread.describe(spec.unit.suffix()),
                                ]
                            })
                            .collect()
                    })
                })
            />
        </figure>
    }
}

/// Both tornado charts, and what the band on the charts means. In an
/// embed (`folded`) the net cash's tornado leads and the payback year's
/// opens on request, so the view fits a blog's frame; the band's note,
/// about charts the embed does not show, is left out.
#[component]
pub fn WhatMatters(#[prop(optional)] folded: bool) -> AnyView {
    let [first, second] = Ranked::ALL;
    let band = (!folded).then(|| {
        view! {
            <p class="note">
                {format!("{BAND_LABEL}: ")}
                "the shaded band and whiskers on the charts span the lowest and highest values you get by moving each input, one at a time, to either end of the same ranges as these bars."
            </p>
        }
    });
    let second = if folded {
        view! {
            <details class="embed-fold tornado-more">
                <summary>"What moves the payback year most"</summary>
                <TornadoPanel ranked=second/>
            </details>
        }
        .into_any()
    } else {
        view! { <TornadoPanel ranked=second/> }.into_any()
    };
    view! {
        <section class="what-matters" aria-labelledby="what-matters-title">
            <h2 id="what-matters-title">"What matters most"</h2>
            {band}
            <div class="charts">
                <TornadoPanel ranked=first/>
                {second}
            </div>
        </section>
    }
    .into_any()
}

/// Where the net cash crosses zero as `input` moves, the others as they
/// are (the first crossing, from the state's break-evens).
fn crossing_of(state: AppState, input: crate::model::Input) -> Option<f64> {
    state.breakevens().with(|b| {
        b.as_ref()?
            .1
            .iter()
            .find(|(i, _)| *i == input)
            .and_then(|(_, a)| match a {
                crate::model::Answer::Crosses { at, .. } => at.first().copied(),
                _ => None,
            })
    })
}
