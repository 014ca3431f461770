//! One chart: SVG from the pure geometry, a tooltip on hover and keyboard
//! focus, a legend, and its data table.

use leptos::prelude::*;

use super::chart_downloads::downloads;
use super::data_table::DataTable;
use super::plot::{plot_area, TipControl};
use super::slots::slots;
use crate::chart::hit::{chart_pos, slot_at};
use crate::chart::{self, most_years, tip_html, ChartData, ChartGeometry, Frame, Tick, MAX_TICKS};
use crate::format::{figure, fixed, Fixed};
use crate::live::{detached_memo, effect, effect_with};
use crate::model::{column_needs, Parties, Unit, YearRow};
use crate::sentences::gap_note;
use crate::state::AppState;
use crate::web::dom::Live;
use crate::web::resize::{watch_width, SizeWatch};
use leptos::svg::Path;

/// Which chart to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Spend against revenue.
    Spend,
    /// The capacity ramp.
    Capacity,
    /// The investor's cumulative net cash.
    Cash,
}

impl ChartKind {
    fn id(self) -> &'static str {
        match self {
            ChartKind::Spend => "spend",
            ChartKind::Capacity => "capacity",
            ChartKind::Cash => "cash",
        }
    }

    /// The yearly series the low–high band is drawn around.
    fn banded(self) -> fn(&YearRow) -> f64 {
        match self {
            ChartKind::Spend => |r| r.spend,
            ChartKind::Capacity => |r| r.capacity_end,
            ChartKind::Cash => |r| r.net_cash_cumulative,
        }
    }

    /// The chart's title in `parties`' names.
    fn title(self, parties: &Parties) -> String {
        parties.fill(match self {
            ChartKind::Spend => "{customer}’s yearly spend with {seller}, and its share of revenue",
            ChartKind::Capacity => "Capacity coming online",
            ChartKind::Cash => "{investor}’s cumulative net cash from the deal",
        })
    }

    /// The schedule column the chart is drawn from: while the deal leaves
    /// it unknown, the chart shows what is missing instead.
    fn main_column(self) -> &'static str {
        match self {
            ChartKind::Spend => "spend",
            ChartKind::Capacity => "capacity-end",
            ChartKind::Cash => "net-cash-cumulative",
        }
    }

    /// The frame the chart is drawn in at `width`: the spend chart's two
    /// panels need more height.
    fn frame(self, width: f64) -> Frame {
        match self {
            ChartKind::Spend => Frame::stacked(width),
            ChartKind::Capacity | ChartKind::Cash => Frame::for_width(width),
        }
    }

    /// The data table's columns: heading, unit, and cell.
    #[allow(clippy::type_complexity)]
    fn columns(self) -> &'static [(&'static str, Unit, fn(&YearRow) -> Option<f64>)] {
        match self {
            ChartKind::Spend => &[
                ("Spend", Unit::UsdBillions, |r| Some(r.spend)),
                ("Revenue", Unit::UsdBillions, |r| r.revenue),
                ("Share of revenue", Unit::Percent, |r| r.spend_share),
            ],
            ChartKind::Capacity => &[
                ("End of year", Unit::Gigawatts, |r| Some(r.capacity_end)),
                ("Average", Unit::Gigawatts, |r| Some(r.capacity_avg)),
            ],
            ChartKind::Cash => &[
                ("Invested", Unit::UsdBillions, |r| Some(r.invest)),
                ("Profit", Unit::UsdBillions, |r| Some(r.profit)),
                ("Net cash, cumulative", Unit::UsdBillions, |r| {
                    Some(r.net_cash_cumulative)
                }),
            ],
        }
    }
}

/// The pixel width of `node`, read once it is in the page and kept up to
/// date as it resizes; 640 before that. The watch stops when the owner goes.
pub fn measured_width(node: NodeRef<leptos::html::Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(640.0);
    let observer = StoredValue::new_local(None::<SizeWatch>);
    effect(move || {
        if let Some(el) = node.get() {
            let keep = move |w: f64| {
                if w > 0.0 && w != width.get_untracked() {
                    set_width.set(w);
                }
            };
            // Its width now, before the first paint, so the chart is never
            // drawn at a guess and then moved; then every change.
            keep(f64::from(el.client_width()));
            let watching = watch_width(&el, keep);
            observer.set_value(watching);
        }
    });
    width
}

/// The label of tick `i`, or nothing past the last tick.
pub fn tick_label(ticks: ReadSignal<Vec<Tick>>, i: usize) -> String {
    ticks.with(|t| t.get(i).map(|t| t.label.clone()).unwrap_or_default())
}

/// A chart panel bound to the live outputs.
#[component]
pub fn ChartPanel(kind: ChartKind) -> AnyView {
    let state = expect_context::<AppState>();
    // The SVG is drawn at the plot's real width, so its text stays readable.
    let plot_ref = NodeRef::<leptos::html::Div>::new();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let width = measured_width(plot_ref);
    let frame = Memo::new(move |_| kind.frame(width.get()));
    let geometry: Memo<ChartGeometry> = Memo::new(move |_| {
        // A is drawn only where its deal gives what the chart needs.
        let ao = state
            .pinned_outputs
            .get()
            .filter(|o| !o.unknown.column(kind.main_column()));
        let a = state
            .pinned
            .get()
            .map(|p| p.scenario)
            .filter(|_| ao.is_some());
        let f = frame.get();
        state.study.with(|study| {
            let range = study.band(kind.banded());
            let data = ChartData {
                scenario: &study.scenario,
                outputs: &study.outputs,
                pinned: a.as_ref().zip(ao.as_ref()),
                band: Some(&range),
            };
            match kind {
                ChartKind::Spend => chart::spend_chart(&f, &data),
                ChartKind::Capacity => chart::capacity_chart(&f, &data),
                ChartKind::Cash => chart::cash_chart(&f, &data),
            }
        })
    });
    // The legend names only what is drawn (A only while pinned).
    let legend = detached_memo(move || {
        geometry.with(|g| {
            g.series
                .marks()
                .into_iter()
                .filter(|m| !m.class.contains("zero") && !m.d.is_empty())
                .map(|m| (m.class, m.label))
                .collect::<Vec<_>>()
        })
    });
    // The year the tooltip shows, by index; None hides it.
    let (active, set_active) = signal(None::<usize>);
    let slot_count = move || geometry.with(|g| g.slots.len());
    let active_slot = move || {
        let i = active.get()?;
        geometry.with(|g| g.slots.get(i).cloned())
    };
    let id = kind.id();
    let title = Signal::derive(move || state.scenario.with(|s| kind.title(&s.deal().parties)));
    // What the deal leaves out that the chart needs, if anything.
    let gap = detached_memo(move || {
        state
            .scenario
            .with(|s| gap_note(s, column_needs(kind.main_column(), s)))
    });
    let plot = move || frame.get().plot();
    // Ticks and the marker change less often than the data.
    let y_ticks = detached_memo(move || geometry.with(|g| g.y_ticks.clone()));
    let x_ticks = detached_memo(move || geometry.with(|g| g.x_ticks.clone()));
    let marker = detached_memo(move || geometry.with(|g| g.marker.clone()));
    let lower_title = detached_memo(move || geometry.with(|g| g.lower_title.clone()));
    // The series' paths: a kind of chart always draws the same series
    // (`chart::Series`), so each has its element for the chart's life, with
    // its class in the markup; one effect writes each `d` that changed (one
    // live node per chart, not one per path).
    let series = geometry.with_untracked(|g| g.series.marks().map(|m| m.class));
    let parts: [Live<Path, String>; 5] = std::array::from_fn(|_| Live::new());
    let paths = series
        .iter()
        .zip(&parts)
        .map(|(class, part)| view! { <path class=*class node_ref=part.node></path> })
        .collect_view();
    effect_with(parts, move |parts: &mut [Live<Path, String>; 5]| {
        geometry.with(|g| {
            for (part, mark) in parts.iter_mut().zip(g.series.marks()) {
                part.attr("d", mark.d.clone());
            }
        });
    });

    let hit = move |rect: &web_sys::DomRect, x: f64, _: f64| {
        let x = chart_pos(x, rect.left(), rect.width(), frame.get_untracked().width)?;
        geometry.with_untracked(|g| slot_at(&g.slots, x))
    };

    view! {
        <figure class="chart" class:not-known=move || gap.with(Option::is_some) data-testid=format!("chart-{id}")>
            <figcaption>
                <h3>{title}</h3>
                <p class="note gap" data-testid=format!("gap-{id}") hidden=move || gap.with(Option::is_none)>{move || gap.get()}</p>
                <ul class="legend">
                    {move || {
                        legend
                            .get()
                            .into_iter()
                            .map(|(class, label)| {
                                view! {
                                    <li>
                                        <span class=format!("swatch {class}") aria-hidden="true"></span>
                                        {label}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </figcaption>
            {plot_area(
                plot_ref,
                move || geometry.with(|g| g.summary.clone()),
                format!("tip-{id}"),
                TipControl { active, set_active, count: slot_count, hit },
                view! {
                <svg
                    node_ref=svg_ref
                    viewBox=move || {
                        let f = frame.get();
                        format!("0 0 {} {}", f.width, f.height)
                    }
                    aria-hidden="true"
                    focusable="false"
                >
                    <g class="grid">
                        // A tick moves as a group: one live attribute, not four.
                        {slots(MAX_TICKS, move || y_ticks.with(Vec::len), move |i| {
                            let at = move || {
                                let pos = y_ticks.with(|t| t.get(i).map_or(0.0, |t| t.pos));
                                format!("translate(0 {})", Fixed(pos, 1))
                            };
                            view! {
                                <g transform=at>
                                    <line x1=move || plot().0 x2=move || plot().2></line>
                                    <text x=move || plot().0 - 6.0 y="4" text-anchor="end">
                                        {move || tick_label(y_ticks, i)}
                                    </text>
                                </g>
                            }
                            .into_any()
                        })}
                    </g>
                    <g class="x-axis">
                        {move || {
                            let (x0, _, x1, y1) = plot();
                            view! { <line x1=x0 x2=x1 y1=y1 y2=y1></line> }
                        }}
                        {slots(most_years(), move || x_ticks.with(Vec::len), move |i| {
                            view! {
                                <text
                                    x=move || x_ticks.with(|t| t.get(i).map_or(0.0, |t| t.pos))
                                    y=move || plot().3 + 18.0
                                    text-anchor="middle"
                                >
                                    {move || tick_label(x_ticks, i)}
                                </text>
                            }
                            .into_any()
                        })}
                    </g>
                    {paths}
                    {move || {
                        marker
                            .get()
                            .map(|m| {
                                let (_, y0, _, y1) = plot();
                                view! {
                                    <g class="marker">
                                        <line x1=m.pos x2=m.pos y1=y0 y2=y1></line>
                                        {
                                            // Labels near the right edge grow leftwards.
                                            let (x, anchor) = if m.pos > frame.get_untracked().width * 0.7 {
                                                (m.pos - 4.0, "end")
                                            } else {
                                                (m.pos + 4.0, "start")
                                            };
                                            view! { <text x=x y=y0 + 12.0 text-anchor=anchor>{m.label}</text> }
                                        }
                                    </g>
                                }
                            })
                    }}
                    {move || {
                        lower_title
                            .get()
                            .map(|t| view! { <text class="panel-title" x=plot().0 y=t.pos>{t.label}</text> })
                    }}
                    {move || {
                        active_slot()
                            .map(|s| {
                                let (_, y0, _, y1) = plot();
                                view! {
                                    <rect class="hover" x=s.x y=y0 width=s.width height=y1 - y0></rect>
                                }
                            })
                    }}
                </svg>
                <div
                    class="tooltip"
                    id=format!("tip-{id}")
                    aria-live="polite"
                    style:--tip-x=move || {
                        active_slot().map(|s| format!("{}%", fixed((s.x + s.width / 2.0) / frame.get_untracked().width * 100.0, 1)))
                    }
                    inner_html=move || active_slot().map(|s| tip_html(&s.year.to_string(), &s.lines())).unwrap_or_default()
                ></div>
                },
            )}
            {downloads(svg_ref, id, title)}
            <DataTable
                label=Signal::derive(move || format!("{} data", title.get()))
                head=std::iter::once("Year").chain(kind.columns().iter().map(|c| c.0)).collect()
                rows=Box::new(move || {
                    state
                        .outputs
                        .with(|o| {
                            o.schedule
                                .iter()
                                .map(|r| {
                                    std::iter::once(r.year.to_string())
                                        .chain(kind.columns().iter().map(|c| figure(c.1, (c.2)(r))))
                                        .collect()
                                })
                                .collect()
                        })
                })
            />
        </figure>
    }
    .into_any()
}
