//! Files made in the browser: text as a Blob download, a chart's SVG with
//! its colours written in, and the same chart drawn onto a canvas as PNG.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Document, Element, HtmlAnchorElement,
    HtmlCanvasElement, HtmlImageElement, Url,
};

/// Presentation attributes copied from the page's computed style, so the
/// SVG looks the same outside the page (light or dark, as shown).
const STYLED: [&str; 10] = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
];

/// PNGs are drawn at twice the CSS size, sharp on high-density screens.
const PNG_SCALE: f64 = 2.0;

/// Why a file could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadError(pub &'static str);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Could not make the file: {}.", self.0)
    }
}

fn document() -> Result<Document, DownloadError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError("no document"))
}

/// Saves a Blob under `name` through a temporary link.
fn save_blob(name: &str, blob: &Blob) -> Result<(), DownloadError> {
    let doc = document()?;
    let url = Url::create_object_url_with_blob(blob).map_err(|_| DownloadError("no object URL"))?;
    let a: HtmlAnchorElement = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or(DownloadError("no link"))?;
    a.set_href(&url);
    a.set_download(name);
    let body = doc.body().ok_or(DownloadError("no body"))?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // The download has started from the click; the URL can go once it is read.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Saves `text` as a file called `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)
            .map_err(|_| DownloadError("no Blob"))?;
    save_blob(name, &blob)
}

/// The chart's SVG as a standalone document: colours and fonts written in as
/// attributes, the panel's background behind it, and `title` as its title.
pub fn svg_markup(svg: &Element, title: &str) -> Result<String, DownloadError> {
    let window = web_sys::window().ok_or(DownloadError("no window"))?;
    let copy: Element = svg
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into().ok())
        .ok_or(DownloadError("cannot copy the chart"))?;
    let originals = svg
        .query_selector_all("*")
        .map_err(|_| DownloadError("no nodes"))?;
    let copies = copy
        .query_selector_all("*")
        .map_err(|_| DownloadError("no nodes"))?;
    for i in 0..originals.length() {
        let (Some(from), Some(to)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(from), Ok(to)) = (from.dyn_into::<Element>(), to.dyn_into::<Element>()) else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&from) else {
            continue;
        };
        for name in STYLED {
            if let Ok(v) = style.get_property_value(name) {
                if (!v.is_empty() && v != "none") || name == "fill" {
                    let _ = to.set_attribute(name, &v);
                }
            }
        }
    }
    let doc = document()?;
    let ns = "http://www.w3.org/2000/svg";
    let background = svg
        .closest(".chart, .tornado")
        .ok()
        .flatten()
        .and_then(|panel| window.get_computed_style(&panel).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".to_string());
    if let Ok(rect) = doc.create_element_ns(Some(ns), "rect") {
        for (k, v) in [
            ("width", "100%"),
            ("height", "100%"),
            ("fill", background.as_str()),
        ] {
            let _ = rect.set_attribute(k, v);
        }
        let _ = copy.prepend_with_node_1(&rect);
    }
    if let Ok(t) = doc.create_element_ns(Some(ns), "title") {
        t.set_text_content(Some(title));
        let _ = copy.prepend_with_node_1(&t);
    }
    let _ = copy.set_attribute("xmlns", ns);
    let _ = copy.remove_attribute("aria-hidden");
    let _ = copy.remove_attribute("focusable");
    if let Some((w, h)) = view_box_size(&copy) {
        let _ = copy.set_attribute("width", &w.to_string());
        let _ = copy.set_attribute("height", &h.to_string());
    }
    let serializer = web_sys::XmlSerializer::new().map_err(|_| DownloadError("no serializer"))?;
    serializer
        .serialize_to_string(&copy)
        .map_err(|_| DownloadError("cannot write the SVG"))
}

/// The width and height from an SVG's `viewBox`.
fn view_box_size(svg: &Element) -> Option<(f64, f64)> {
    let vb = svg.get_attribute("viewBox")?;
    let mut parts = vb
        .split_whitespace()
        .skip(2)
        .filter_map(|p| p.parse::<f64>().ok());
    Some((parts.next()?, parts.next()?))
}

/// Saves the chart as an SVG file.
pub fn save_svg(svg: &Element, name: &str, title: &str) -> Result<(), DownloadError> {
    save_text(name, "image/svg+xml", &svg_markup(svg, title)?)
}

/// Draws the chart's SVG onto a canvas and saves it as a PNG file.
pub fn save_png(svg: &Element, name: &str, title: &str) -> Result<(), DownloadError> {
    let markup = svg_markup(svg, title)?;
    let (w, h) = view_box_size(svg).ok_or(DownloadError("the chart has no size"))?;
    let doc = document()?;
    let canvas: HtmlCanvasElement = doc
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or(DownloadError("no canvas"))?;
    canvas.set_width((w * PNG_SCALE).round() as u32);
    canvas.set_height((h * PNG_SCALE).round() as u32);
    let image = HtmlImageElement::new().map_err(|_| DownloadError("no image"))?;
    let name = name.to_string();
    let drawn = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(PNG_SCALE, PNG_SCALE);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&drawn, 0.0, 0.0, w, h);
        let saved = Closure::once_into_js(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<Blob>() {
                let _ = save_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob(saved.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    // A data URL keeps within the page's policy (img-src 'self' data:).
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&markup)
    );
    image.set_src(&url);
    Ok(())
}
