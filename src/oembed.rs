//! Static oEmbed documents (type "rich") for the page and each preset, so
//! platforms that read oEmbed can embed the calculator without a server.
//! Pure; `src/bin/oembed.rs` writes them into `dist/`.

use crate::codec::embed::View;
use crate::export::{html_attr, json_string};
use crate::model::{Preset, PRESETS};

/// Width the documents suggest; the iframe itself is 100% wide.
const WIDTH: u32 = 720;

/// The file name of a preset's document; the default preset's is `oembed.json`.
pub fn file_name(preset: &Preset) -> String {
    if preset.key == Preset::announced().key {
        "oembed.json".to_string()
    } else {
        format!("oembed-{}.json", preset.key)
    }
}

/// One oEmbed document. `site` is the deployed folder's absolute URL, ending in `/`.
pub fn document(site: &str, preset: &Preset) -> String {
    let mut query = String::new();
    if preset.key != Preset::announced().key {
        query.push_str(&format!("v=1&p={}&", preset.key));
    }
    query.push_str("embed=1");
    let height = View::All.default_height();
    let title = format!(
        "Circular compute: {} — the Anthropic–AWS deal, taken apart",
        preset.title
    );
    // A sandboxing consumer (WordPress) keeps the iframe and the link in
    // the blockquote, which it shows until the embed reports its height;
    // others keep embed.js too, which sizes the iframe.
    let src = format!("{site}?{}", query.replace('&', "&amp;"));
    let title_attr = html_attr(&title);
    let html = format!(
        "<blockquote><a href=\"{src}\">{title_attr}</a></blockquote><iframe src=\"{src}\" title=\"{title_attr}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\"></iframe><script src=\"{site}embed.js\" async></script>"
    );
    format!(
        "{{\n  \"version\": \"1.0\",\n  \"type\": \"rich\",\n  \"title\": {},\n  \"provider_name\": \"Circular compute\",\n  \"provider_url\": {},\n  \"cache_age\": 86400,\n  \"width\": {WIDTH},\n  \"height\": {height},\n  \"html\": {}\n}}\n",
        json_string(&title),
        json_string(site),
        json_string(&html)
    )
}

/// Every document: `(file name, contents)`.
pub fn documents(site: &str) -> Vec<(String, String)> {
    PRESETS
        .iter()
        .map(|p| (file_name(p), document(site, p)))
        .collect()
}

/// Why the discovery link could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscoveryError {
    /// The page has no `<link>` of type `application/json+oembed`.
    NoLink,
}

impl std::fmt::Display for DiscoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("index.html has no <link type=\"application/json+oembed\"> to rewrite")
    }
}

/// Rewrites the page's oEmbed discovery link: absolute, on `site` (an
/// absolute URL ending in `/`), because consumers such as WordPress use the
/// `href` as written; or, without a site, removed, since a relative link
/// would only be a broken one.
pub fn discovery(html: &str, site: Option<&str>) -> Result<String, DiscoveryError> {
    let at = html.find("json+oembed").ok_or(DiscoveryError::NoLink)?;
    let start = html[..at].rfind("<link").ok_or(DiscoveryError::NoLink)?;
    let end = at + html[at..].find('>').ok_or(DiscoveryError::NoLink)? + 1;
    let link = match site {
        Some(site) => format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}oembed.json\" title=\"Circular compute\">",
            html_attr(site)
        ),
        None => String::new(),
    };
    Ok(format!("{}{link}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_document_per_preset() {
        let docs = documents("https://example.org/d/");
        assert_eq!(docs.len(), PRESETS.len());
        assert_eq!(docs[0].0, "oembed.json");
        assert_eq!(docs[1].0, "oembed-confirmed.json");
        let d = &docs[1].1;
        assert!(d.contains("\"type\": \"rich\""));
        assert!(d.contains("https://example.org/d/?v=1&amp;p=confirmed&amp;embed=1"));
        assert!(d.contains("\\u003ciframe"), "no raw < in the JSON");
    }

    // serde_json is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_document_is_valid_json_with_absolute_links() {
        for (name, body) in documents("https://example.org/d/") {
            let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(doc["type"], "rich", "{name}");
            assert_eq!(doc["version"], "1.0", "{name}");
            let html = doc["html"].as_str().unwrap();
            assert!(
                html.starts_with("<blockquote><a href=\"https://example.org/d/?"),
                "{html}"
            );
            assert!(
                html.contains("<iframe src=\"https://example.org/d/?"),
                "{html}"
            );
            assert!(html.contains("embed=1\""), "{html}");
            assert!(doc["height"].as_u64().unwrap() >= 200, "{name}");
        }
    }

    #[test]
    fn the_discovery_link_is_absolute_or_gone() {
        let trunk = "<head><link rel=\"alternate\" type=\"application/json+oembed\" href=\"oembed.json\" title=\"Circular compute\"></head>";
        let minified = "<meta charset=utf-8><link title=\"Circular compute\" href=oembed.json rel=alternate type=application/json+oembed><body>";
        for page in [trunk, minified] {
            let with = discovery(page, Some("https://example.org/d/")).unwrap();
            assert_eq!(with.matches("json+oembed").count(), 1);
            assert!(
                with.contains("href=\"https://example.org/d/oembed.json\""),
                "{with}"
            );
            let without = discovery(page, None).unwrap();
            assert!(!without.contains("oembed"), "{without}");
            assert!(without.contains("<head>") || without.contains("<body>"));
        }
        assert_eq!(
            discovery("<head></head>", None),
            Err(DiscoveryError::NoLink)
        );
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n<"), "\"a\\\"b\\\\c\\n\\u003c\"");
    }
}
