//! Embed settings from the address: `embed`, `view`, `controls`, `theme`.
//! Pure; bad values fall back to defaults with a notice, as inputs do.

use crate::export::html_attr;
use std::fmt;

use super::Decoded;
use crate::model::Input;

/// The one panel an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The compact calculator: lead, figures and charts.
    All,
    /// The lead sentence and the key figures.
    Summary,
    /// The spend-against-revenue chart.
    Spend,
    /// The capacity chart.
    Capacity,
    /// The investor's cash chart.
    Cash,
    /// The year-by-year table.
    Table,
    /// Scenario A against B (when A is pinned) and the compare-deals table.
    Compare,
    /// The two tornado charts: what matters most.
    Tornado,
    /// The loop of money: where each dollar goes and how much comes back.
    Flow,
    /// How sure: the chances and percentiles over the sourced ranges.
    Risk,
}

impl View {
    /// Every view that `view=` can name, with its URL value and label.
    pub const NAMED: [(View, &'static str, &'static str); 9] = [
        (View::Summary, "summary", "Summary figures"),
        (
            View::Flow,
            "flow",
            "Follow the money (the loop of the deal)",
        ),
        (View::Spend, "spend", "Spend against revenue (chart)"),
        (View::Capacity, "capacity", "Capacity ramp (chart)"),
        (View::Cash, "cash", "Investor's net cash (chart)"),
        (View::Table, "table", "Year-by-year table"),
        (
            View::Compare,
            "compare",
            "Compare A with B, and other deals",
        ),
        (
            View::Tornado,
            "tornado",
            "What matters most (tornado charts)",
        ),
        (
            View::Risk,
            "risk",
            "How sure? (the chances over the sourced ranges)",
        ),
    ];

    /// What the view shows, for people.
    pub fn label(self) -> &'static str {
        View::NAMED
            .iter()
            .find(|v| v.0 == self)
            .map_or("The calculator (compact)", |v| v.2)
    }

    /// The URL value, or `None` for the whole compact calculator.
    pub fn key(self) -> Option<&'static str> {
        View::NAMED.iter().find(|v| v.0 == self).map(|v| v.1)
    }

    /// The height in CSS pixels that shows the view whole, without inputs,
    /// at phone and blog widths (375 to 720 px), with room to spare.
    fn height(self) -> u32 {
        match self {
            View::All => 1080,
            View::Summary => 590,
            // A chart led by its takeaway and key figures.
            View::Spend => 980,
            View::Capacity => 900,
            View::Cash => 940,
            View::Table => 570,
            View::Compare => 1150,
            // The net cash's bars; the payback year's open on request.
            View::Tornado => 1220,
            View::Flow => 1200,
            View::Risk => 960,
        }
    }

    /// The height the view needs, without inputs, in a blog's column
    /// ([`BLOG_WIDTHS`]): the taller of the two, with 20 px to spare.
    /// Every view fits WordPress's 1,000 px there.
    fn blog_height(self) -> u32 {
        match self {
            View::All => 975,
            View::Summary => 470,
            View::Spend => 830,
            View::Capacity => 765,
            View::Cash => 780,
            View::Table => 550,
            View::Compare => 850,
            View::Tornado => 990,
            View::Flow => 870,
            View::Risk => 820,
        }
    }

    fn from_key(key: &str) -> Option<View> {
        View::NAMED.iter().find(|v| v.1 == key).map(|v| v.0)
    }
}

/// The colour scheme an embed asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, with its URL value.
    pub const ALL: [(Theme, &'static str); 3] = [
        (Theme::Auto, "auto"),
        (Theme::Light, "light"),
        (Theme::Dark, "dark"),
    ];

    /// The URL value.
    pub fn key(self) -> &'static str {
        Theme::ALL
            .iter()
            .find(|t| t.0 == self)
            .map_or("auto", |t| t.1)
    }
}

/// A page setting that could not be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedNotice {
    /// The key, such as `view`.
    pub key: &'static str,
    /// The value as given.
    pub given: String,
    /// What was used instead.
    pub used: &'static str,
}

impl fmt::Display for EmbedNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let given: String = self.given.chars().take(40).collect();
        write!(
            f,
            "{}: “{given}” is not known; used {}.",
            self.key, self.used
        )
    }
}

/// The snippet a blogger pastes: the iframe of the embed `query` of the
/// page at `folder` (its address, ending in `/`), and the script that
/// sizes it. Every quoted value is escaped. The Embed dialog shows it and
/// each oEmbed document carries it.
pub fn snippet(folder: &str, query: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}?{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        html_attr(folder),
        html_attr(query),
        html_attr(title),
        html_attr(folder)
    )
}

/// How the page is shown: the full page, or an embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presentation {
    /// Whether this is an embed (no page chrome).
    pub embed: bool,
    /// The panel to show.
    pub view: View,
    /// The inputs to show in an embed.
    pub controls: Vec<Input>,
    /// The colour scheme.
    pub theme: Theme,
    /// Whether it came from pasting the page's own address (`pasted=1`,
    /// which the page's oEmbed documents write): whatever scenario that
    /// address held, the embed shows the preset's, and says so first.
    pub pasted: bool,
}

/// The page key of [`Presentation::pasted`].
pub const PASTED_KEY: &str = "pasted";

/// How much taller an embed is with its pasted note.
const PASTED_NOTE: u32 = 90;
/// How much taller it is with the note in a blog's column, where the note
/// takes one line in the room of the figures' heading.
const BLOG_PASTED_NOTE: u32 = 20;

/// The columns a blog gives an embed, in CSS pixels: the width a card's
/// player and an oEmbed document declare are within them.
pub const BLOG_WIDTHS: (u32, u32) = (600, 720);

impl Presentation {
    /// Whether the inputs are folded under one line: the compact
    /// calculator with every input, as it is unless the address names some.
    pub fn folded(&self) -> bool {
        self.view == View::All && self.controls.len() == Input::ALL.len()
    }

    /// The iframe height, in CSS pixels, that shows this embed whole at
    /// phone and blog widths (375 to 720 px): the view's own, and each
    /// shown input's row (one column at 375 px).
    pub fn declared_height(&self) -> u32 {
        self.height_in(Column {
            view: self.view.height(),
            note: PASTED_NOTE,
            inputs_per_row: 1,
            row: 95,
        })
    }

    /// The height this embed needs in a blog's column ([`BLOG_WIDTHS`]),
    /// what an oEmbed document and a card's player declare: the view's
    /// own, and its inputs two to a row.
    pub fn blog_height(&self) -> u32 {
        self.height_in(Column {
            view: self.view.blog_height(),
            note: BLOG_PASTED_NOTE,
            inputs_per_row: 2,
            row: 105,
        })
    }

    /// Its height in `column`: the view's, the pasted note's if it has
    /// one, and its inputs' rows unless they are folded under one line.
    fn height_in(&self, column: Column) -> u32 {
        let note = if self.pasted { column.note } else { 0 };
        let inputs = match self.controls.len() {
            0 => 0,
            _ if self.folded() => 0,
            n => 30 + column.row * n.div_ceil(column.inputs_per_row) as u32,
        };
        note + column.view + inputs
    }
}

/// How a column of some width lays an embed out, in CSS pixels.
struct Column {
    /// The view's own height, without inputs.
    view: u32,
    /// What the pasted note adds.
    note: u32,
    /// How many inputs share a row.
    inputs_per_row: usize,
    /// A row of inputs' height.
    row: u32,
}

impl Default for Presentation {
    fn default() -> Self {
        Presentation {
            embed: false,
            view: View::All,
            controls: Vec::new(),
            theme: Theme::Auto,
            pasted: false,
        }
    }
}

/// Reads the page keys of a decoded address.
pub fn presentation(decoded: &Decoded) -> (Presentation, Vec<EmbedNotice>) {
    let mut notices = Vec::new();
    let mut note = |key: &'static str, given: &str, used: &'static str| {
        notices.push(EmbedNotice {
            key,
            given: given.to_string(),
            used,
        })
    };
    let embed = match decoded.page_value("embed").map(str::trim) {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") | Some("") => true,
        Some(other) => {
            note("embed", other, "1");
            true
        }
    };
    let view = match decoded.page_value("view").map(str::trim) {
        None | Some("") => View::All,
        Some(v) => View::from_key(v).unwrap_or_else(|| {
            note("view", v, "the whole calculator");
            View::All
        }),
    };
    // Without `controls`, the whole calculator shows every input and a single view none.
    let controls = match decoded.page_value("controls").map(str::trim) {
        None if view == View::All => Input::ALL.to_vec(),
        None | Some("") | Some("none") => Vec::new(),
        Some(list) => {
            let mut inputs = Vec::new();
            for key in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                match Input::from_key(key) {
                    Some(i) if !inputs.contains(&i) => inputs.push(i),
                    Some(_) => {}
                    None => note("controls", key, "the others"),
                }
            }
            inputs
        }
    };
    let theme = match decoded.page_value("theme").map(str::trim) {
        None | Some("") => Theme::Auto,
        Some(t) => Theme::ALL
            .iter()
            .find(|x| x.1 == t)
            .map(|x| x.0)
            .unwrap_or_else(|| {
                note("theme", t, "auto");
                Theme::Auto
            }),
    };
    let pasted = decoded
        .page_value(PASTED_KEY)
        .is_some_and(|v| v.trim() == "1");
    (
        Presentation {
            embed,
            view,
            controls,
            theme,
            pasted,
        },
        notices,
    )
}

/// The query of an embed of `scenario_query` (the share query, without `?`).
pub fn embed_query(scenario_query: &str, d: &Presentation) -> String {
    let mut parts = Vec::new();
    if !scenario_query.is_empty() {
        parts.push(scenario_query.to_string());
    }
    parts.push("embed=1".to_string());
    if let Some(v) = d.view.key() {
        parts.push(format!("view={v}"));
    }
    // The inputs an address without `controls` gives (see `display`) go
    // unwritten: every input for the compact calculator, none for a view.
    let default = if d.view == View::All {
        Input::ALL.len()
    } else {
        0
    };
    if d.controls.len() != default {
        let keys: Vec<&str> = d.controls.iter().map(|i| i.spec().key).collect();
        parts.push(format!(
            "controls={}",
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.join(",")
            }
        ));
    }
    if d.theme != Theme::Auto {
        parts.push(format!("theme={}", d.theme.key()));
    }
    if d.pasted {
        parts.push(format!("{PASTED_KEY}=1"));
    }
    parts.join("&")
}

/// The secret WordPress gives an embed in its address's fragment
/// (`#?secret=XXXX`), which the embed's height and link messages must
/// carry. WordPress makes it from letters and digits and ignores messages
/// whose secret has anything else, so so does this.
pub fn wordpress_secret(fragment: &str) -> Option<String> {
    let query = fragment.strip_prefix('#')?.strip_prefix('?')?;
    query.split('&').find_map(|pair| {
        let secret = pair.strip_prefix("secret=")?;
        let valid = !secret.is_empty()
            && secret.len() <= 64
            && secret.bytes().all(|b| b.is_ascii_alphanumeric());
        valid.then(|| secret.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode;

    #[test]
    fn the_full_page_is_the_default() {
        let (d, n) = presentation(&decode("c=150"));
        assert!(!d.embed && n.is_empty());
        assert_eq!(d.view, View::All);
    }

    #[test]
    fn embeds_read_view_controls_and_theme() {
        let (d, n) = presentation(&decode("embed=1&view=cash&controls=c,m,ap&theme=dark"));
        assert!(n.is_empty());
        assert!(d.embed);
        assert_eq!(d.view, View::Cash);
        assert_eq!(
            d.controls,
            [Input::Commitment, Input::Margin, Input::MilestonePaid]
        );
        assert_eq!(d.theme, Theme::Dark);
        let (single, _) = presentation(&decode("embed=1&view=spend"));
        assert!(
            single.controls.is_empty(),
            "a single view is read-only by default"
        );
        let (whole, _) = presentation(&decode("embed=1"));
        assert_eq!(whole.controls.len(), Input::ALL.len());
    }

    #[test]
    fn bad_values_fall_back_with_a_notice() {
        let (d, n) = presentation(&decode("embed=yes&view=pie&controls=c,zz,c&theme=neon"));
        assert!(d.embed);
        assert_eq!((d.view, d.theme), (View::All, Theme::Auto));
        assert_eq!(d.controls, [Input::Commitment]);
        assert_eq!(n.len(), 4);
        assert_eq!(
            n[1].to_string(),
            "view: “pie” is not known; used the whole calculator."
        );
    }

    #[test]
    fn a_blog_column_needs_no_more_than_a_phone_and_every_bare_view_fits_wordpress() {
        for &(view, _, _) in View::NAMED.iter() {
            for controls in [
                vec![],
                vec![Input::Margin],
                vec![Input::Margin, Input::Commitment],
            ] {
                let shown = Presentation {
                    embed: true,
                    view,
                    controls,
                    ..Presentation::default()
                };
                assert!(shown.blog_height() <= shown.declared_height(), "{view:?}");
                if shown.controls.is_empty() {
                    assert!(shown.blog_height() <= 1000, "{view:?}");
                }
            }
        }
    }

    #[test]
    fn embed_queries_read_back() {
        let d = Presentation {
            embed: true,
            view: View::Capacity,
            controls: vec![Input::CapacityCeiling],
            theme: Theme::Light,
            pasted: false,
        };
        let q = embed_query("v=1&c=150", &d);
        assert_eq!(q, "v=1&c=150&embed=1&view=capacity&controls=gw&theme=light");
        assert_eq!(presentation(&decode(&q)).0, d);
        let none = Presentation {
            controls: vec![],
            ..d.clone()
        };
        assert_eq!(presentation(&decode(&embed_query("", &none))).0, none);
        assert_eq!(
            embed_query("", &none),
            "embed=1&view=capacity&theme=light",
            "a single view's default (no inputs) goes unwritten"
        );
        let compact_none = Presentation {
            view: View::All,
            ..none
        };
        assert_eq!(
            embed_query("", &compact_none),
            "embed=1&controls=none&theme=light"
        );
        let pasted = Presentation {
            pasted: true,
            ..Presentation::default()
        };
        let q = embed_query(
            "",
            &Presentation {
                embed: true,
                ..pasted.clone()
            },
        );
        assert_eq!(q, "embed=1&controls=none&pasted=1");
        assert!(presentation(&decode(&q)).0.pasted);
        assert!(pasted.declared_height() > Presentation::default().declared_height());
    }

    #[test]
    fn the_wordpress_secret_is_read_from_the_fragment() {
        assert_eq!(
            wordpress_secret("#?secret=aB3xY9zq0W").as_deref(),
            Some("aB3xY9zq0W")
        );
        assert_eq!(wordpress_secret("#?x=1&secret=abc").as_deref(), Some("abc"));
        for bad in [
            "",
            "#",
            "#secret=abc",
            "#?secret=",
            "#?secret=a b",
            "#?secret=<x>",
            "?secret=abc",
        ] {
            assert_eq!(wordpress_secret(bad), None, "{bad}");
        }
        assert_eq!(
            wordpress_secret(&format!("#?secret={}", "a".repeat(65))),
            None
        );
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let s = snippet(
            "https://example.org/d/",
            "v=1&c=150&embed=1",
            "A \"quoted\" <title>",
            480,
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/d/?v=1&amp;c=150&amp;embed=1\""));
        assert!(s.contains("title=\"A &quot;quoted&quot; &lt;title>\""));
        assert!(s.contains("height=\"480\"") && s.contains("loading=\"lazy\""));
        assert!(s.ends_with("<script src=\"https://example.org/d/embed.js\" async></script>"));
    }
}
