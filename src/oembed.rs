//! Static oEmbed documents (type "rich") for the page and each preset, so
//! platforms that read oEmbed can embed the calculator without a server.
//! Pure; `src/bin/oembed.rs` writes them into `dist/`.

use crate::codec::embed::View;
use crate::export::json_string;
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
    let html = format!(
        "<iframe src=\"{site}?{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\"></iframe><script src=\"{site}embed.js\" async></script>",
        query.replace('&', "&amp;"),
        title.replace('"', "&quot;")
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

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n<"), "\"a\\\"b\\\\c\\n\\u003c\"");
    }
}
