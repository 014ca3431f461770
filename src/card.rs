//! The picture a shared link previews with: a 1200×630 card of a preset's
//! scenario, its lead sentence above the investor's cash chart, drawn from
//! the same pure geometry the page draws (`chart::cash_chart`) and turned
//! into a PNG by resvg with the fonts kept in `assets/og/`.
//!
//! Build time only: not compiled for wasm32.

use std::fmt::{self, Write};
use std::sync::Arc;

use crate::chart::{cash_chart, ChartData, Frame};
use crate::export::html_attr;
use crate::model::{compute, Preset};
use crate::sentences::lead;

/// The card's width in pixels: the size Open Graph and X's large card ask for.
pub const WIDTH: u32 = 1200;
/// The card's height in pixels.
pub const HEIGHT: u32 = 630;

/// The margin around the card's contents.
const MARGIN: f64 = 56.0;
/// The one family the card is set in; its files are compiled in.
const FAMILY: &str = "DejaVu Sans";
const REGULAR: &[u8] = include_bytes!("../assets/og/DejaVuSans.subset.ttf");
const BOLD: &[u8] = include_bytes!("../assets/og/DejaVuSans-Bold.subset.ttf");

/// The page's light colours (`style/main.css`), which a card keeps.
const BG: &str = "#fbfaf7";
const INK: &str = "#1d1d1b";
const MUTED: &str = "#5a5a55";
const LINE: &str = "#d9d6cc";
const CASH: &str = "#7a2e8e";
const INVEST: &str = "#b3261e";
const BAND: &str = "#7a7668";

/// The path of a preset's card under the site: `og/announced.png`.
pub fn path(preset: &Preset) -> String {
    format!("og/{}.png", preset.key)
}

/// What the card shows, for readers who cannot see it.
pub fn alt(preset: &Preset) -> String {
    let s = preset.scenario();
    format!(
        "{} A chart of Amazon’s cumulative net cash from the deal, year by year, in the scenario “{}”.",
        lead(&s, &compute(&s)),
        preset.title
    )
}

/// Breaks `text` into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The SVG style of a chart mark, by its class on the page.
fn mark_style(class: &str) -> String {
    match class {
        c if c.contains("bars") => format!("fill:{INVEST}"),
        c if c.contains("rule") => format!("fill:none;stroke:{MUTED};stroke-width:1.5"),
        c if c.contains("ribbon") => format!("fill:{BAND};opacity:.22"),
        _ => format!("fill:none;stroke:{CASH};stroke-width:4;stroke-linejoin:round"),
    }
}

/// The card of a preset's scenario, as SVG text.
pub fn svg(preset: &Preset) -> String {
    let s = preset.scenario();
    let o = compute(&s);
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BG}\"/>\
         <rect width=\"{WIDTH}\" height=\"10\" fill=\"{CASH}\"/>\
         <text x=\"{MARGIN}\" y=\"66\" font-size=\"18\" font-weight=\"bold\" letter-spacing=\"2\" fill=\"{MUTED}\">CIRCULAR COMPUTE · {}</text>\
         <text x=\"{MARGIN}\" y=\"114\" font-size=\"40\" font-weight=\"bold\" fill=\"{INK}\">Anthropic’s $100B AWS deal, taken apart</text>",
        html_attr(&preset.title.to_uppercase())
    );
    let mut y = 162.0;
    for line in wrap(&lead(&s, &o), 78).iter().take(3) {
        let _ = write!(
            out,
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"25\" fill=\"{INK}\">{}</text>",
            html_attr(line)
        );
        y += 34.0;
    }
    // The chart, below the sentence, as wide as the text.
    let top = 276.0;
    let legend = w - MARGIN - 470.0;
    let _ = write!(
        out,
        "<text x=\"{MARGIN}\" y=\"{top}\" font-size=\"19\" font-weight=\"bold\" fill=\"{INK}\">Amazon’s cumulative net cash from the deal</text>\
         <rect x=\"{legend}\" y=\"{}\" width=\"22\" height=\"4\" fill=\"{CASH}\"/>\
         <text x=\"{}\" y=\"{top}\" font-size=\"16\" fill=\"{MUTED}\">Net cash, cumulative</text>\
         <rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{INVEST}\"/>\
         <text x=\"{}\" y=\"{top}\" font-size=\"16\" fill=\"{MUTED}\">Investment paid in the year</text>",
        top - 7.0,
        legend + 30.0,
        legend + 214.0,
        top - 14.0,
        legend + 238.0,
    );
    let frame = Frame {
        width: w - 2.0 * MARGIN + 60.0,
        height: h - top - 46.0,
    };
    let g = cash_chart(&frame, &ChartData::single(&s, &o));
    let (x0, y0, x1, y1) = frame.plot();
    let _ = write!(
        out,
        "<g transform=\"translate({} {})\" font-size=\"15\">",
        MARGIN - 60.0,
        top + 14.0
    );
    for t in &g.y_ticks {
        let _ = write!(
            out,
            "<line x1=\"{x0}\" x2=\"{x1}\" y1=\"{p}\" y2=\"{p}\" stroke=\"{LINE}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
            x0 - 8.0,
            t.pos + 5.0,
            html_attr(&t.label),
            p = t.pos,
        );
    }
    for t in &g.x_ticks {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
            t.pos,
            y1 + 22.0,
            t.label
        );
    }
    for m in g.series.marks().into_iter().filter(|m| !m.d.is_empty()) {
        let _ = write!(
            out,
            "<path d=\"{}\" style=\"{}\"/>",
            m.d,
            mark_style(m.class)
        );
    }
    if let Some(m) = &g.marker {
        let (x, anchor) = if m.pos > frame.width * 0.7 {
            (m.pos - 6.0, "end")
        } else {
            (m.pos + 6.0, "start")
        };
        let _ = write!(
            out,
            "<line x1=\"{p}\" x2=\"{p}\" y1=\"{y0}\" y2=\"{y1}\" stroke=\"{INK}\" stroke-dasharray=\"4 4\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
            y0 + 16.0,
            m.label,
            p = m.pos,
        );
    }
    out.push_str("</g></svg>");
    out
}

/// Why a card could not be drawn.
#[derive(Debug)]
pub enum CardError {
    /// The SVG did not parse (a bug in [`svg`]).
    Svg(String),
    /// The pixels could not be allocated or encoded.
    Png(String),
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardError::Svg(e) => write!(f, "the preview card's SVG did not parse: {e}"),
            CardError::Png(e) => write!(f, "the preview card could not be made a PNG: {e}"),
        }
    }
}

/// Draws an SVG of the card's size into a PNG.
pub fn png(svg: &str) -> Result<Vec<u8>, CardError> {
    png_of(svg, WIDTH, HEIGHT)
}

/// An SVG drawn `width` × `height` pixels, as PNG.
fn png_of(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, CardError> {
    render(svg, width, height)?
        .encode_png()
        .map_err(|e| CardError::Png(e.to_string()))
}

/// Draws an SVG of the card's size into pixels, with the card's fonts only
/// (never the machine's, so every build gives the same picture).
fn render(svg: &str, width: u32, height: u32) -> Result<resvg::tiny_skia::Pixmap, CardError> {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(REGULAR.to_vec());
    fonts.load_font_data(BOLD.to_vec());
    fonts.set_sans_serif_family(FAMILY);
    let options = resvg::usvg::Options {
        fontdb: Arc::new(fonts),
        font_family: FAMILY.to_string(),
        ..Default::default()
    };
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|e| CardError::Svg(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| CardError::Png("no room for the pixels".to_string()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The icon a phone keeps for the site (`apple-touch-icon.png`) and
/// link cards show beside it: the favicon on the page's background,
/// [`ICON`] pixels square.
pub fn icon_png() -> Result<Vec<u8>, CardError> {
    let favicon = include_str!("../assets/favicon.svg");
    let inner = favicon
        .split_once('>')
        .and_then(|(_, rest)| rest.rsplit_once("</svg>"))
        .map_or("", |(inner, _)| inner);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"{ICON}\" height=\"{ICON}\">\
         <rect width=\"32\" height=\"32\" fill=\"#fbfaf7\"/>{inner}</svg>"
    );
    png_of(&svg, ICON, ICON)
}

/// The side of the touch icon, in pixels (what iOS asks for).
pub const ICON: u32 = 180;

/// Where the touch icon goes in the site.
pub const ICON_PATH: &str = "apple-touch-icon.png";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PRESETS;

    #[test]
    fn the_touch_icon_is_the_favicon_drawn_square_and_opaque() {
        let png = icon_png().expect("drawn");
        assert_eq!(&png[1..4], b"PNG");
        let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        assert_eq!((size(16), size(20)), (ICON, ICON));
        let pixels = resvg::tiny_skia::Pixmap::decode_png(&png).expect("reads back");
        assert_eq!((pixels.width(), pixels.height()), (ICON, ICON));
        // The ring's blue is there, and no pixel is see-through.
        assert!(pixels
            .pixels()
            .iter()
            .any(|p| p.blue() > 150 && p.red() < 60));
        assert!(
            pixels.pixels().iter().all(|p| p.alpha() == 255),
            "no transparent corner"
        );
    }

    #[test]
    fn lines_wrap_at_spaces_within_the_width() {
        let lines = wrap("For every $1 Amazon puts in, $4 comes back", 12);
        assert_eq!(
            lines,
            ["For every $1", "Amazon puts", "in, $4 comes", "back"]
        );
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn every_preset_card_is_a_1200_by_630_png_saying_its_lead() {
        for preset in PRESETS {
            let svg = svg(preset);
            let s = preset.scenario();
            let first_words: String = lead(&s, &compute(&s)).chars().take(20).collect();
            assert!(svg.contains(&html_attr(&first_words)), "{}", preset.key);
            let png = png(&svg).expect("the card draws");
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            // IHDR: width and height, big-endian, at bytes 16..24.
            let size =
                |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
            assert_eq!((size(16), size(20)), (WIDTH, HEIGHT));
            assert!(alt(preset).contains(preset.title));
        }
    }

    #[test]
    fn every_character_of_every_card_is_in_its_fonts() {
        // The characters `assets/og/README.md` cut the fonts down to.
        let kept = |c: char| {
            matches!(
                c,
                ' '..='~'
                    | '\u{a0}'
                    | '·'
                    | '×'
                    | '–'
                    | '—'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '…'
                    | '−'
                    | '≈'
                    | '→'
            )
        };
        for preset in PRESETS {
            let missing: String = svg(preset).chars().filter(|&c| !kept(c)).collect();
            assert_eq!(missing, "", "{}", preset.key);
        }
    }

    #[test]
    fn the_card_draws_its_words_with_its_own_fonts() {
        let pixels = render(&svg(Preset::announced()), WIDTH, HEIGHT).expect("the card draws");
        // The title's line: dark ink must be there, which it is only if
        // the compiled-in font was found (resvg skips text it cannot set).
        let inked = (90..118)
            .flat_map(|y| (56..700).map(move |x| (x, y)))
            .filter(|&(x, y)| pixels.pixel(x, y).is_some_and(|p| p.red() < 80))
            .count();
        assert!(inked > 2000, "{inked} dark pixels in the title's line");
    }
}
