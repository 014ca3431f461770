//! Post-build hardening of `dist/index.html`, pure: how the page loads.
//! trunk's inline loader becomes a file of its own, so a strict
//! Content-Security-Policy (no `unsafe-inline`, no `unsafe-eval`) can be
//! added as a `<meta>` tag; the one inline script left, the embed mark, is
//! allowed by its hash.
//!
//! The order of loading: the head's script asks for the full page's wasm
//! at once (each round trip of a phone's network before it would delay the
//! first answer to a finger), and the loader starts it once the masthead
//! (HTML written at build time) has painted, so that paint never waits for
//! it. An embed of the default scenario paints its first words (HTML
//! written at build time) and asks for its wasm only after that paint (a
//! fetch beside it made the app's lead the largest paint, session 12); any
//! other embed has nothing to paint without the wasm: its mark asks for the
//! wasm at once, from the head.

use std::fmt;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::codec::embed::{View, PASTED_KEY};
use crate::codec::{PAGE_KEYS, PINNED_KEY};
use crate::model::Input;
use crate::web::page::{FIRST_FIGURES_MARK, TWO_COLUMNS};

/// The policy every page and embed runs under: scripts from the page's own
/// origin and, by their SHA-256, the inline scripts given.
pub fn policy(inline: &[&str]) -> String {
    let hashes: String = inline
        .iter()
        .map(|script| {
            let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
            format!(" 'sha256-{hash}'")
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The inline script that marks an embed's root (`data-embed`, and
/// `data-app=VIEW` for a view whose app is a wasm of its own: `flow`,
/// `risk`; [`Apps::views`]) before the
/// first paint, preloads the glue of the app the loader will start (the
/// `embed`'s or the `page`'s), and starts fetching that app's wasm at once
/// into `window.ccWasm` (the full page's and, unless it shows its first
/// words, an embed's: on a phone's network each round trip before the
/// wasm is asked for delays the first answer to a finger by its length),
/// the response the loader hands to the bindings. A `fetch` and not a
/// `<link rel=preload>`: WebKit does not give a preloaded response to the
/// bindings' own fetch, and so fetched the wasm twice. It reads `embed` as
/// the share-URL codec does (`codec::embed`): present and neither `0` nor
/// `false` means an embed. The wasm re-reads the address and corrects the
/// mark either way (`web::page::mark_embed`).
///
/// A link to another deal than the default (`deal=…`) marks the root with
/// `data-deal` too, so the masthead's title and dek, written for the
/// default deal, stay hidden until the wasm has written the deal's own
/// (`web::page::show_deal`): never a flash of the wrong deal's headline.
///
/// An embed's fixed scheme (`theme=light|dark`) is marked at once, as the
/// wasm marks it later, so nothing paints in the other scheme first. And
/// when the address asks for an embed of the default scenario and nothing
/// else (only the page keys `v`, `embed`, `view`, `controls`, `theme`, each
/// once, each with a value the codec takes without a notice), the root's
/// `data-first` names the view, and the stylesheet shows that view's first
/// words written at build time (`page_html::first_words`). Any other key
/// (an input, a preset, a deal, a pinned A, anything unknown) shows none:
/// never the default's numbers in place of the reader's. Such an embed
/// has something to paint without the wasm, so it loads as the full page
/// does: the wasm is asked for once that sentence has painted (a fetch
/// started before it would share the connection with the first paint, and
/// Lighthouse counts it into the largest paint).
pub fn embed_mark(page: &Bundle, apps: &Apps) -> String {
    let embed = &apps.embed;
    let views: Vec<String> = apps
        .views()
        .iter()
        .map(|(views, b)| format!("[{},\"./{}\",\"{}\"]", list(views, '"'), b.wasm, b.js))
        .collect();
    let page_keys: Vec<String> = PAGE_KEYS
        .iter()
        // An embed from a pasted page address opens with a note above its
        // first words: it waits for the app, so nothing moves.
        .filter(|k| !["p", PINNED_KEY, PASTED_KEY].contains(k))
        .map(|k| format!("\"{k}\""))
        .collect();
    let input_keys: String = Input::ALL
        .iter()
        .map(|i| format!(",\"{}\"", i.spec().key))
        .collect();
    format!(
        "{{let d=document,r=d.documentElement,q=new URLSearchParams(location.search),\
         g=k=>(q.get(k)??\"\").trim(),n=[...q.keys()],e=q.get(\"embed\"),k=q.get(\"deal\"),\
         t=g(\"theme\"),c=g(\"controls\"),v=/^[01]$/.test((q.get(\"v\")??\"1\").trim()),s;\
         if(k&&k!==\"{default}\")r.setAttribute(\"data-deal\",\"\");\
         if(e!==null&&(e=e.trim())!==\"0\"&&e!==\"false\"){{\
         r.setAttribute(\"data-embed\",\"\");\
         s=[{views}].find(x=>x[0].includes(g(\"view\")));if(s)r.setAttribute(\"data-app\",g(\"view\"));\
         if(t===\"light\"||t===\"dark\")r.setAttribute(\"data-theme\",t);\
         if(/^(1|true|)$/.test(e)&&/^(|auto|light|dark)$/.test(t)&&v\
         &&n.every((x,i)=>[{page}].includes(x)&&n.indexOf(x)===i)\
         &&(c===\"none\"||c.split(\",\").every(x=>[\"\"{input_keys}].includes(x.trim()))))\
         r.setAttribute(\"data-first\",g(\"view\")||\"all\");\
         else window.ccWasm=fetch(s?s[1]:\"./{wasm}\")}}\
         else{{if(v&&n.length<2&&n.every(x=>x===\"v\")&&matchMedia(\"{wide}\").matches)\
         r.setAttribute(\"{mark}\",\"\");\
         window.ccWasm=fetch(\"./{page_wasm}\")}}\
         d.head.append(Object.assign(d.createElement(\"link\"),\
         {{rel:\"modulepreload\",href:\"./\"+(r.hasAttribute(\"data-embed\")?s?s[2]:\"{ej}\":\"{pj}\")}}))}}",
        wasm = embed.wasm,
        page_wasm = page.wasm,
        ej = embed.js,
        views = views.join(","),
        pj = page.js,
        default = crate::model::DealSpec::default_deal().id,
        page = page_keys.join(","),
        wide = TWO_COLUMNS,
        mark = FIRST_FIGURES_MARK,
    )
}

/// The inline script that follows the full page's first figures
/// (`page_html::first_figures`, a `<template>`): it puts them into the page
/// when the head's script has marked the bare page (`data-first-figures`),
/// and drops them otherwise. So the default scenario's figures, with their
/// test ids and values, never stand in the page while the address asks for
/// anything else, not even hidden.
pub const FIRST_FIGURES_SCRIPT: &str = "{let t=document.currentScript.previousElementSibling;\
     if(document.documentElement.hasAttribute(\"data-first-figures\"))t.replaceWith(t.content);else t.remove()}";

/// `html` without the `<link>` that preloads `file` (trunk writes one).
fn without_preload(html: &str, file: &str) -> String {
    let Some(at) = [format!("href=./{file}"), format!("href=\"./{file}\"")]
        .iter()
        .find_map(|href| html.find(href.as_str()))
    else {
        return html.to_string();
    };
    match (html[..at].rfind("<link"), html[at..].find('>')) {
        (Some(start), Some(end)) => {
            let end = at + end + 1;
            let end = end + usize::from(html[end..].starts_with('\n'));
            format!("{}{}", &html[..start], &html[end..])
        }
        _ => html.to_string(),
    }
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

/// One wasm app's two files: wasm-bindgen's JS glue and the wasm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The glue's file name, such as `embed-1234.js`.
    pub js: String,
    /// The wasm's file name, such as `embed-1234_bg.wasm`.
    pub wasm: String,
}

impl Bundle {
    /// The bundle trunk built for binary `bin` into `names` (a folder's
    /// file names): `{bin}-HASH.js` and `{bin}-HASH_bg.wasm`.
    pub fn find<'a>(bin: &str, names: impl IntoIterator<Item = &'a str>) -> Option<Bundle> {
        let stem = format!("{bin}-");
        let js = names.into_iter().find(|n| {
            n.strip_prefix(&stem)
                .and_then(|rest| rest.strip_suffix(".js"))
                .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })?;
        Some(Bundle {
            js: js.to_string(),
            wasm: js.replace(".js", "_bg.wasm"),
        })
    }
}

/// The apps a page can load besides the full page's own (whose files
/// trunk's loader in `index.html` names): which one a page loads is the
/// loader's choice, by the address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Apps {
    /// The compact calculator, the summary and the three charts, every
    /// embed the others leave (`src/bin/embed.rs`).
    pub embed: Bundle,
    /// The table, comparisons and tornados, `view=table`, `compare` and
    /// `tornado` (`src/bin/detail.rs`).
    pub detail: Bundle,
    /// The loop-of-money embed, `view=flow` (`src/bin/flow.rs`).
    pub flow: Bundle,
    /// The How sure? embed, `view=risk` (`src/bin/risk.rs`).
    pub risk: Bundle,
    /// The full page's lower half (`src/bin/more.rs`), fetched when the
    /// reader comes near it (`web::bridge`).
    pub more: Bundle,
    /// The "How sure?" worker's loader (`study-HASH_loader.js`), which
    /// the lower half starts (`web::study`).
    pub study: String,
}

impl Apps {
    /// The embed apps besides the compact one, each with the views it
    /// draws (by their `view=` values).
    pub fn views(&self) -> [(&'static [View], &Bundle); 3] {
        [
            (&[View::Table, View::Compare, View::Tornado], &self.detail),
            (&[View::Flow], &self.flow),
            (&[View::Risk], &self.risk),
        ]
    }
}

/// The worker trunk built (`study.js` and `study_bg.wasm`, unhashed: a
/// worker's name is chosen at run time) under names with the hash of its
/// wasm, so no cache pairs an old glue with a new wasm: `(old, new)` for
/// the glue and for the wasm, and the loader a classic worker starts from
/// (`study-HASH_loader.js`) with its text.
pub fn worker_files(bin: &str, wasm: &[u8]) -> [(String, String); 3] {
    let h = hash_bytes(wasm);
    let (js, bg) = (format!("{bin}-{h}.js"), format!("{bin}-{h}_bg.wasm"));
    // Messages that come before the wasm is ready wait for its handler;
    // a wasm that cannot start throws where the page's `onerror` hears it.
    let shim = format!(
        "let q=[];onmessage=(e)=>q.push(e);importScripts(\"./{js}\");\
         wasm_bindgen({{module_or_path:\"./{bg}\"}}).then(()=>q.forEach((e)=>onmessage(e)),\
         (e)=>setTimeout(()=>{{throw e}}));"
    );
    [
        (format!("{bin}.js"), js),
        (format!("{bin}_bg.wasm"), bg),
        (format!("{bin}-{h}_loader.js"), shim),
    ]
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

/// The text between the first `start` and the next `end`.
pub(crate) fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = text.find(start)? + start.len();
    let j = text[i..].find(end)? + i;
    Some(&text[i..j])
}

/// A short content hash (FNV-1a, 64 bits) for cache-busting file names.
fn hash(text: &str) -> String {
    hash_bytes(text.as_bytes())
}

fn hash_bytes(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{h:016x}")
}

/// `views`' `view=` values as a JavaScript array, each in `quote`s.
fn list(views: &[View], quote: char) -> String {
    let keys: Vec<String> = views
        .iter()
        .map(|v| format!("{quote}{}{quote}", v.key().unwrap_or_default()))
        .collect();
    format!("[{}]", keys.join(","))
}

/// The loader: starts the page's app, or the embed's under the embed mark
/// (or, under `data-app`, that view's own embed app: [`Apps::views`]),
/// with the wasm the head's script has asked for (`window.ccWasm`), and
/// shows the crash banner if it cannot; defines `window.ccSources`, which
/// fetches Sources and method (`sources/`, a page of its own) into the
/// page once, as the reader comes within a screen of it; defines `window.ccMore`, which
/// fetches and starts the full page's lower half once however often it is
/// called (`web::bridge`), and `window.ccStudy`, the address of the
/// "How sure?" worker (`web::study`). The full page, and an embed with its first
/// words, start once the browser reports the first contentful paint (at
/// once in a hidden tab, which paints nothing; after a frame where paints
/// are not reported; in any case within 2 s), so that paint never waits
/// for the app.
fn loader(page: &Bundle, apps: &Apps) -> String {
    let (p, e, m) = (page, &apps.embed, &apps.more);
    let views: Vec<String> = apps
        .views()
        .iter()
        .map(|(views, b)| format!("[{}, './{}', './{}']", list(views, '\''), b.js, b.wasm))
        .collect();
    format!(
        "const d = document, r = d.documentElement, embed = r.hasAttribute('data-embed');\n\
         const start = (js, wasm) => import(js).then((m) => m.default({{ module_or_path: wasm }}));\n\
         const own = [{views}].find((x) => x[0].includes(r.dataset.app));\n\
         const go = () => (!embed ? start('./{pj}', window.ccWasm ?? './{pw}') : own ? start(own[1], window.ccWasm ?? own[2]) : start('./{ej}', window.ccWasm ?? './{ew}')).catch((e) => {{\n\
         \x20 console.error('circular-compute could not start:', e);\n\
         \x20 d.getElementById('crash')?.removeAttribute('hidden');\n\
         }});\n\
         window.ccStudy = new URL('./{sw}', import.meta.url).href;\n\
         const ask = (name, what) => (q) => window.ccMore().then(() => window[name] ? window[name](q) : Promise.reject(new Error(`circularCompute.${{what}} could not load`)));\n\
         if (!embed) {{ window.ccSeekAsk = ask('ccSeek', 'seek: the goal seek'); window.ccSureAsk = ask('ccSure', 'sure: How sure?'); }}\n\
         let more;\n\
         window.ccMore = () => more ??= start('./{mj}', './{mw}').catch((e) => {{\n\
         \x20 console.error('circular-compute: the charts and tables could not load:', e);\n\
         \x20 const m = d.getElementById('more');\n\
         \x20 if (m) m.textContent = 'The charts and tables could not load. Reload the page to try again.';\n\
         }});\n\
         const src = d.getElementById('sources'), url = src?.dataset.src;\n\
         let sources;\n\
         window.ccSources = () => url ? sources ??= fetch(url).then((t) => t.ok ? t.text() : Promise.reject(t.status)).then((t) => {{\n\
         \x20 const full = new DOMParser().parseFromString(t, 'text/html').getElementById('sources');\n\
         \x20 if (full) {{ src.replaceChildren(...full.childNodes); src.removeAttribute('data-src'); }}\n\
         }}).catch((e) => {{ sources = undefined; console.warn('circular-compute: Sources and method stays a link:', e); }}) : Promise.resolve();\n\
         if (url) {{\n\
         \x20 new IntersectionObserver((l, o) => {{ if (l.some((e) => e.isIntersecting)) {{ o.disconnect(); window.ccSources(); }} }}, {{ rootMargin: '0px 0px 100% 0px' }}).observe(src);\n\
         \x20 addEventListener('beforeprint', () => window.ccSources());\n\
         }}\n\
         let once = () => {{ once = () => {{}}; go(); }};\n\
         if ((embed && !r.hasAttribute('data-first')) || d.visibilityState === 'hidden') once();\n\
         else if (PerformanceObserver.supportedEntryTypes?.includes('paint'))\n\
         \x20 new PerformanceObserver((l, o) => {{ o.disconnect(); setTimeout(() => once()); }}).observe({{ type: 'paint', buffered: true }});\n\
         else requestAnimationFrame(() => setTimeout(() => once()));\n\
         setTimeout(() => once(), 2000);\n",
        ej = e.js,
        ew = e.wasm,
        views = views.join(", "),
        pj = p.js,
        pw = p.wasm,
        mj = m.js,
        mw = m.wasm,
        sw = apps.study,
    )
}

/// Moves the inline loader to a file that starts the app the address asks
/// for ([`loader`]), drops trunk's preloads of the page's files (the head's
/// script preloads the glue of the app it will start), and adds the policy
/// and the embed mark.
pub fn harden(index: &str, apps: &Apps) -> Result<Hardened, HardenError> {
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
    let page = Bundle {
        js: js.to_string(),
        wasm: wasm.to_string(),
    };
    let loader = loader(&page, apps);
    let loader_name = format!("loader-{}.js", hash(&loader));
    let tag = format!("<script type=\"module\" src=\"./{loader_name}\"></script>");
    let mark = embed_mark(&page, apps);
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<script>{mark}</script>\n",
        policy(&[&mark, FIRST_FIGURES_SCRIPT])
    );
    let html = format!("{}{tag}{}", &index[..start], &index[end..]);
    let html = without_preload(&without_preload(&html, &page.wasm), &page.js);
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

    fn bundle(bin: &str) -> Bundle {
        Bundle {
            js: format!("{bin}-1234.js"),
            wasm: format!("{bin}-1234_bg.wasm"),
        }
    }

    fn apps() -> Apps {
        Apps {
            embed: bundle("embed"),
            flow: bundle("flow"),
            risk: bundle("risk"),
            detail: bundle("detail"),
            more: bundle("more"),
            study: "study-0123_loader.js".to_string(),
        }
    }

    #[test]
    fn the_worker_is_named_by_its_wasm_and_its_loader_waits_for_it() {
        let [glue, wasm, (loader, shim)] = worker_files("study", b"wasm bytes");
        let [_, other, _] = worker_files("study", b"other bytes");
        assert_eq!(glue.0, "study.js");
        assert_eq!(wasm.0, "study_bg.wasm");
        assert_ne!(wasm.1, other.1, "another wasm, another name");
        let h = wasm
            .1
            .trim_start_matches("study-")
            .trim_end_matches("_bg.wasm");
        assert_eq!(glue.1, format!("study-{h}.js"));
        assert_eq!(loader, format!("study-{h}_loader.js"));
        assert!(shim.starts_with("let q=[];onmessage=(e)=>q.push(e);"));
        assert!(shim.contains(&format!("importScripts(\"./{}\")", glue.1)));
        assert!(shim.contains(&format!("module_or_path:\"./{}\"", wasm.1)));
        let l = loader_for_tests();
        assert!(
            l.contains("window.ccStudy = new URL('./study-0123_loader.js', import.meta.url).href;")
        );
    }

    fn loader_for_tests() -> String {
        loader(&bundle("page"), &apps())
    }

    fn mark() -> String {
        embed_mark(&bundle("app"), &apps())
    }

    const TRUNK: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './app-1234.js';\nconst wasm = await init({ module_or_path: './app-1234_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\n<link rel=\"stylesheet\" href=\"./main.css\"/></head><body></body></html>";

    #[test]
    fn the_loader_moves_to_a_file_and_the_policy_comes_first() {
        let h = harden(TRUNK, &apps()).unwrap();
        assert!(
            !h.html.contains("<script type=\"module\">"),
            "no inline script left"
        );
        assert!(h.html.contains(&format!(
            "<script type=\"module\" src=\"./{}\"></script>",
            h.loader_name
        )));
        // The page's app, or an embed's, with the response its mark asked for.
        assert!(h
            .loader
            .contains("start('./embed-1234.js', window.ccWasm ?? './embed-1234_bg.wasm')"));
        assert!(h
            .loader
            .contains("start('./app-1234.js', window.ccWasm ?? './app-1234_bg.wasm')"));
        // The lower half, once, on request.
        assert!(h.loader.contains(
            "window.ccMore = () => more ??= start('./more-1234.js', './more-1234_bg.wasm')"
        ));
        assert!(h.loader.contains("removeAttribute('hidden')"));
        let csp = h.html.find("Content-Security-Policy").unwrap();
        assert!(
            csp < h.html.find("<script").unwrap(),
            "the policy precedes every script"
        );
        let policy = policy(&[]);
        assert!(!policy.contains("'unsafe-eval'") && policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("'unsafe-inline'") && !policy.contains("sha256"));
        assert!(h.loader_name.starts_with("loader-") && h.loader_name.ends_with(".js"));
    }

    #[test]
    fn the_embed_mark_is_the_one_inline_script_in_the_head_and_the_policy_allows_it_by_hash() {
        let h = harden(TRUNK, &apps()).unwrap();
        let mark = mark();
        assert!(h.html.contains(&format!("<script>{mark}</script>")));
        assert!(!mark.contains("</"), "the mark cannot close its script");
        assert!(mark.contains("fetch(s?s[1]:\"./embed-1234_bg.wasm\")"));
        assert!(mark.contains(
            "s=[[[\"table\",\"compare\",\"tornado\"],\"./detail-1234_bg.wasm\",\"detail-1234.js\"],[[\"flow\"],\"./flow-1234_bg.wasm\",\"flow-1234.js\"],[[\"risk\"],\"./risk-1234_bg.wasm\",\"risk-1234.js\"]]\
             .find(x=>x[0].includes(g(\"view\")));if(s)r.setAttribute(\"data-app\",g(\"view\"));"
        ));
        assert!(mark.contains("rel:\"modulepreload\",href:\"./\"+(r.hasAttribute(\"data-embed\")?s?s[2]:\"embed-1234.js\":\"app-1234.js\")"));
        assert_eq!(h.html.matches("<script>").count(), 1);
        // The first figures' script, written later, is allowed too.
        assert!(h.html.contains(&policy(&[&mark, FIRST_FIGURES_SCRIPT])));
        assert!(!FIRST_FIGURES_SCRIPT.contains("</"));
        assert!(FIRST_FIGURES_SCRIPT.contains(&format!("hasAttribute(\"{FIRST_FIGURES_MARK}\")")));
        // The SHA-256 of "alert(1)", as a browser computes it for the policy.
        assert!(
            policy(&["alert(1)"]).contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
        );
        let csp = h.html.find("Content-Security-Policy").unwrap();
        assert!(csp < h.html.find("<script>").unwrap());
    }

    #[test]
    fn the_first_words_show_only_for_the_page_keys_and_every_input_may_be_a_control() {
        let mark = mark();
        // The keys that leave the scenario as it is, and none that changes it.
        assert!(mark.contains(
            "[\"v\",\"embed\",\"view\",\"controls\",\"theme\",\"seek\",\"hold\"].includes(x)"
        ));
        for key in ["\"p\"", "\"a\"", "\"deal\"]"] {
            assert!(!mark.contains(&format!(",{key}")), "{key}");
        }
        for input in Input::ALL {
            assert!(
                mark.contains(&format!(",\"{}\"", input.spec().key)),
                "{input:?}"
            );
        }
        assert!(mark.contains("r.setAttribute(\"data-first\",g(\"view\")||\"all\")"));
        // The bare page, on a wide screen: nothing but a valid version.
        assert!(mark.contains(
            "else{if(v&&n.length<2&&n.every(x=>x===\"v\")\
             &&matchMedia(\"(min-width: 960px)\").matches)r.setAttribute(\"data-first-figures\",\"\");\
             window.ccWasm=fetch(\"./app-1234_bg.wasm\")}"
        ));
        assert!(mark.contains("if(t===\"light\"||t===\"dark\")r.setAttribute(\"data-theme\",t)"));
        assert!(!mark.contains("</"));
    }

    #[test]
    fn only_an_embed_fetches_the_wasm_early() {
        let preload = "<link rel=\"preload\" href=\"./app-1234_bg.wasm\" as=\"fetch\">\n";
        let page = TRUNK.replace(
            "<link rel=\"stylesheet\"",
            &format!("{preload}<link rel=\"stylesheet\""),
        );
        let h = harden(&page, &apps()).unwrap();
        assert!(!h.html.contains("<link rel=\"preload\""), "{}", h.html);
        assert!(h
            .html
            .contains("<link rel=\"stylesheet\" href=\"./main.css\"/>"));
        let minified = "<link as=fetch crossorigin href=./a_bg.wasm rel=preload><p>";
        assert_eq!(without_preload(minified, "a_bg.wasm"), "<p>");
        assert_eq!(without_preload("<p>", "a_bg.wasm"), "<p>");
        // The embed mark fetches, unless it shows the first words; the
        // loader hands that response on.
        assert!(mark().contains(
            "r.setAttribute(\"data-first\",g(\"view\")||\"all\");else window.ccWasm=fetch(s?s[1]:\"./embed-1234_bg.wasm\")"
        ));
        assert!(h.loader.contains("const own = [[['table','compare','tornado'], './detail-1234.js', './detail-1234_bg.wasm'], [['flow'], './flow-1234.js', './flow-1234_bg.wasm'], [['risk'], './risk-1234.js', './risk-1234_bg.wasm']].find((x) => x[0].includes(r.dataset.app));"));
        assert!(h
            .loader
            .contains("own ? start(own[1], window.ccWasm ?? own[2])"));
        assert!(h.loader.contains("window.ccWasm ?? './embed-1234_bg.wasm'"));
        assert!(h
            .loader
            .contains("if ((embed && !r.hasAttribute('data-first')) || d.visibilityState === 'hidden') once();"));
        assert!(h
            .loader
            .contains("observe({ type: 'paint', buffered: true })"));
    }

    #[test]
    fn a_minified_page_is_hardened_the_same_way() {
        let minified = TRUNK
            .replace("<script type=\"module\">", "<script type=module>")
            .replace("<meta charset=\"utf-8\">", "<meta charset=utf-8>");
        let h = harden(&minified, &apps()).unwrap();
        assert!(
            !h.html.contains("<script type=module>"),
            "no inline script left"
        );
        assert!(h
            .loader
            .contains("start('./app-1234.js', window.ccWasm ?? './app-1234_bg.wasm')"));
        let charset = h.html.find("<meta charset=utf-8>").unwrap();
        let csp = h.html.find("Content-Security-Policy").unwrap();
        assert!(charset < csp && csp < h.html.find("<script").unwrap());
    }

    #[test]
    fn the_page_no_longer_preloads_the_glue_of_an_app_it_may_not_start() {
        let glue = "<link rel=\"modulepreload\" href=\"./app-1234.js\" crossorigin=anonymous integrity=\"sha384-x\">\n";
        let page = TRUNK.replace(
            "<link rel=\"stylesheet\"",
            &format!("{glue}<link rel=\"stylesheet\""),
        );
        let h = harden(&page, &apps()).unwrap();
        assert!(!h.html.contains("modulepreload\" href"), "{}", h.html);
    }

    #[test]
    fn a_bundle_is_found_by_its_binary_and_hash() {
        let names = [
            "embed-12ab.js",
            "embed-12ab_bg.wasm",
            "embedded-1.js",
            "more-.js",
            "more-xyz.js",
        ];
        assert_eq!(
            Bundle::find("embed", names),
            Some(Bundle {
                js: "embed-12ab.js".into(),
                wasm: "embed-12ab_bg.wasm".into()
            })
        );
        assert_eq!(Bundle::find("more", names), None);
    }

    #[test]
    fn every_app_is_optimised_with_the_same_wasm_opt_passes() {
        let passes = |file: &str| {
            let html = std::fs::read_to_string(file).unwrap();
            between(&html, "data-wasm-opt-params=\"", "\"").map(str::to_string)
        };
        let page = passes("index.html");
        assert!(page.as_deref().is_some_and(|p| p.contains("-Oz")));
        assert_eq!(passes("app.html"), page, "app.html");
    }

    #[test]
    fn pages_without_a_trunk_loader_are_errors() {
        assert_eq!(harden("<html></html>", &apps()), Err(HardenError::NoLoader));
        let odd = "<head><script type=\"module\">console.log(1)</script></head>";
        assert_eq!(harden(odd, &apps()), Err(HardenError::UnknownLoader));
        assert!(!HardenError::NoHead.to_string().is_empty());
    }
}
