//! Post-build hardening of `dist/index.html`, pure: trunk's inline loader
//! becomes a file of its own, so a strict Content-Security-Policy (no
//! `unsafe-inline`, no `unsafe-eval`) can be added as a `<meta>` tag. The
//! one inline script left, the embed mark, is allowed by its hash.

use std::fmt;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::page_html::EMBED_MARK;

/// The policy every page and embed runs under: scripts from the page's own
/// origin, and the embed mark (`page_html::EMBED_MARK`) by its SHA-256.
pub fn policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(EMBED_MARK));
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// Why the page could not be hardened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HardenError {
    /// No inline module script where trunk puts its loader.
    NoLoader,
    /// The loader does not name the JS bindings and the wasm file.
    UnknownLoader,
    /// The page has no `<head>` to put the policy in.
    NoHead,
}

impl fmt::Display for HardenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HardenError::NoLoader => {
                "index.html has no inline <script type=\"module\"> loader from trunk"
            }
            HardenError::UnknownLoader => {
                "trunk's loader does not import ./NAME.js and ./NAME_bg.wasm as expected"
            }
            HardenError::NoHead => "index.html has no </head>",
        })
    }
}

/// The hardened page and the loader file it now points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hardened {
    /// The new `index.html`.
    pub html: String,
    /// The loader's file name, with a content hash.
    pub loader_name: String,
    /// The loader's contents.
    pub loader: String,
}

/// The text between `start` and the next `end`, after `from`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = text.find(start)? + start.len();
    let j = text[i..].find(end)? + i;
    Some(&text[i..j])
}

/// A short content hash (FNV-1a, 64 bits) for cache-busting file names.
fn hash(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{h:016x}")
}

/// Moves the inline loader to a file (which also shows the crash banner if
/// the app cannot start) and adds the policy.
pub fn harden(index: &str) -> Result<Hardened, HardenError> {
    // trunk writes `type="module"`, or `type=module` when it minifies.
    let start = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| index.find(open))
        .ok_or(HardenError::NoLoader)?;
    let end = index[start..]
        .find("</script>")
        .ok_or(HardenError::NoLoader)?
        + start
        + "</script>".len();
    let inline = &index[start..end];
    let js = between(inline, "from './", "'").ok_or(HardenError::UnknownLoader)?;
    let wasm = between(inline, "module_or_path: './", "'").ok_or(HardenError::UnknownLoader)?;
    if !js.ends_with(".js") || !wasm.ends_with(".wasm") {
        return Err(HardenError::UnknownLoader);
    }
    let loader = format!(
        "// Starts the calculator; if it cannot, says so on the page.\n\
         import init from './{js}';\n\
         init({{ module_or_path: './{wasm}' }}).catch((error) => {{\n\
         \x20 console.error('circular-compute could not start:', error);\n\
         \x20 document.getElementById('crash')?.removeAttribute('hidden');\n\
         }});\n"
    );
    let loader_name = format!("loader-{}.js", hash(&loader));
    let tag = format!("<script type=\"module\" src=\"./{loader_name}\"></script>");
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        policy()
    );
    let html = format!("{}{tag}{}", &index[..start], &index[end..]);
    let head = ["<meta charset=\"utf-8\">", "<meta charset=utf-8>"]
        .iter()
        .find_map(|charset| html.find(charset).map(|i| i + charset.len()));
    let html = match head {
        Some(i) => format!("{}\n  {meta}{}", &html[..i], &html[i..]),
        None => {
            let i = html.find("</head>").ok_or(HardenError::NoHead)?;
            format!("{}{meta}{}", &html[..i], &html[i..])
        }
    };
    Ok(Hardened {
        html,
        loader_name,
        loader,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './app-1234.js';\nconst wasm = await init({ module_or_path: './app-1234_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\n<link rel=\"stylesheet\" href=\"./main.css\"/></head><body></body></html>";

    #[test]
    fn the_loader_moves_to_a_file_and_the_policy_comes_first() {
        let h = harden(TRUNK).unwrap();
        assert!(
            !h.html.contains("<script type=\"module\">"),
            "no inline script left"
        );
        assert!(h.html.contains(&format!(
            "<script type=\"module\" src=\"./{}\"></script>",
            h.loader_name
        )));
        assert!(h.loader.contains("import init from './app-1234.js'"));
        assert!(h.loader.contains("module_or_path: './app-1234_bg.wasm'"));
        assert!(h.loader.contains("removeAttribute('hidden')"));
        let csp = h.html.find("Content-Security-Policy").unwrap();
        assert!(
            csp < h.html.find("<script").unwrap(),
            "the policy precedes every script"
        );
        let policy = policy();
        assert!(!policy.contains("'unsafe-eval'") && policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("'unsafe-inline'"));
        // The hash of the embed mark, as any browser computes it.
        assert!(policy.contains("'sha256-") && policy.matches("'sha256-").count() == 1);
        assert!(h.loader_name.starts_with("loader-") && h.loader_name.ends_with(".js"));
    }

    #[test]
    fn a_minified_page_is_hardened_the_same_way() {
        let minified = TRUNK
            .replace("<script type=\"module\">", "<script type=module>")
            .replace("<meta charset=\"utf-8\">", "<meta charset=utf-8>");
        let h = harden(&minified).unwrap();
        assert!(
            !h.html.contains("<script type=module>"),
            "no inline script left"
        );
        assert!(h.loader.contains("import init from './app-1234.js'"));
        let charset = h.html.find("<meta charset=utf-8>").unwrap();
        let csp = h.html.find("Content-Security-Policy").unwrap();
        assert!(charset < csp && csp < h.html.find("<script").unwrap());
    }

    #[test]
    fn pages_without_a_trunk_loader_are_errors() {
        assert_eq!(harden("<html></html>"), Err(HardenError::NoLoader));
        let odd = "<head><script type=\"module\">console.log(1)</script></head>";
        assert_eq!(harden(odd), Err(HardenError::UnknownLoader));
        assert!(!HardenError::NoHead.to_string().is_empty());
    }
}
