//! What a blogger pastes, written at build time: an entry page for each
//! view of each preset (`embed/cash/`, `embed/cash/thin-margin/`, …), each
//! with its own oEmbed document (type "rich"), so a platform that reads
//! oEmbed embeds exactly what was pasted, without a server. Pure;
//! `src/bin/postbuild.rs` writes them into `dist/`.

use crate::card;
use crate::codec::embed::{embed_query, snippet, Presentation, Theme, View, BLOG_WIDTHS};
use crate::codec::encode;
use crate::csp::{between, policy};
use serde::Serialize;

use crate::export::html_attr;
use crate::model::{Input, Preset, PRESETS};

/// Width the documents suggest; the iframe itself is 100% wide.
const WIDTH: u32 = BLOG_WIDTHS.1;

/// The site's name, as oEmbed consumers show it.
const PROVIDER: &str = "Circular compute";

/// An oEmbed 1.0 document of type `rich`, as <https://oembed.com> defines it.
#[derive(Serialize)]
struct OEmbed<'a> {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    provider_name: &'static str,
    provider_url: &'a str,
    cache_age: u32,
    width: u32,
    height: u32,
    html: &'a str,
    thumbnail_url: &'a str,
    thumbnail_width: u32,
    thumbnail_height: u32,
}

/// The hashed file names trunk gave the page's assets, which the entry
/// pages share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    /// The stylesheet, `main-HASH.css`.
    pub stylesheet: String,
    /// The icon, `favicon-HASH.svg`.
    pub icon: String,
}

impl Assets {
    /// The `<link>`s of a page `up` folders below the site: the page's
    /// stylesheet, the entry pages' own (`assets/entry.css`) and the icon.
    fn links(&self, up: &str) -> String {
        format!(
            "<link rel=\"stylesheet\" href=\"{up}{}\">\n<link rel=\"stylesheet\" href=\"{up}entry.css\">\n<link rel=\"icon\" href=\"{up}{}\">\n",
            self.stylesheet, self.icon
        )
    }
}

/// One embed a blogger can paste: a view of a preset, with the inputs
/// that view shows by default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// What the embed shows.
    pub view: View,
    /// The scenario it starts from.
    pub preset: &'static Preset,
}

/// Every view an entry page can show, with its folder name and label:
/// the compact calculator, then each named view.
fn views() -> impl Iterator<Item = (View, &'static str, &'static str)> {
    std::iter::once((View::All, "calculator", View::All.label())).chain(View::NAMED)
}

impl Entry {
    /// Every entry: each view, the compact calculator first, of each preset.
    pub fn all() -> Vec<Entry> {
        views()
            .flat_map(|(view, _, _)| PRESETS.iter().map(move |preset| Entry { view, preset }))
            .collect()
    }

    /// The compact calculator as announced: what the page itself embeds as.
    pub fn calculator(preset: &'static Preset) -> Entry {
        Entry {
            view: View::All,
            preset,
        }
    }

    fn named(&self) -> (&'static str, &'static str) {
        views()
            .find(|v| v.0 == self.view)
            .map_or(("calculator", "The calculator"), |v| (v.1, v.2))
    }

    fn announced(&self) -> bool {
        self.preset.key == Preset::announced().key
    }

    /// The folder of its page under the site: `embed/cash/`, or
    /// `embed/cash/thin-margin/` for a preset other than the default.
    pub fn folder(&self) -> String {
        match self.announced() {
            true => format!("embed/{}/", self.named().0),
            false => format!("embed/{}/{}/", self.named().0, self.preset.key),
        }
    }

    /// The embed it names: the view, and the inputs a reader can move in
    /// it: the one or two that move each chart most; all of them, folded,
    /// in the compact calculator.
    pub fn presentation(&self) -> Presentation {
        let controls = match self.view {
            View::All => Input::ALL.to_vec(),
            View::Summary => vec![Input::Commitment, Input::Margin],
            View::Spend => vec![Input::Commitment, Input::Revenue],
            View::Capacity => vec![Input::CapacityCeiling, Input::CeilingYear],
            View::Cash => vec![Input::Margin, Input::MilestonePaid],
            View::Flow => vec![Input::Margin, Input::UpfrontInvestment],
            // The margin moves the chances most; its toggle holds it.
            View::Risk => vec![Input::Margin],
            View::Table | View::Compare | View::Tornado => Vec::new(),
        };
        Presentation {
            embed: true,
            view: self.view,
            controls,
            theme: Theme::Auto,
            pasted: false,
        }
    }

    /// The share query of its scenario (without `?`; empty as announced).
    fn scenario_query(&self) -> String {
        encode(&self.preset.scenario(), self.preset)
    }

    /// The full page's query for its scenario, with its `?`, or nothing.
    fn page_query(&self) -> String {
        match self.scenario_query() {
            q if q.is_empty() => q,
            q => format!("?{q}"),
        }
    }

    /// The embed's query, without `?`.
    pub fn query(&self) -> String {
        self.query_as(&self.presentation())
    }

    /// Its scenario's embed query, shown as `shown` says.
    fn query_as(&self, shown: &Presentation) -> String {
        embed_query(&self.scenario_query(), shown)
    }

    /// The iframe height that shows it whole from 375 to 720 px.
    pub fn height(&self) -> u32 {
        self.presentation().declared_height()
    }

    /// The height its embed needs in a blog's column.
    pub fn blog_height(&self) -> u32 {
        self.presentation().blog_height()
    }

    /// Its title: the view and the scenario.
    pub fn title(&self) -> String {
        format!(
            "{}, {} — {PROVIDER}",
            self.named().1,
            self.preset.title.to_lowercase()
        )
    }

    /// One paragraph on what it shows.
    pub fn description(&self) -> String {
        format!(
            "{} from {PROVIDER}, the calculator that takes apart the Anthropic–AWS deal, with every default cited. Scenario “{}”: {}",
            self.named().1,
            self.preset.title,
            self.preset.story
        )
    }

    /// Its oEmbed document. `site` is the deployed folder's absolute URL,
    /// ending in `/` (or `./` for a build without one).
    pub fn document(&self, site: &str) -> String {
        self.document_for(site, &self.presentation())
    }

    /// The oEmbed document the page's own address names (the site's
    /// `oembed.json`): every address of the page finds it, a reader's
    /// scenario link too, so its embed says first that it shows this
    /// preset's scenario and how to embed one's own (`pasted=1`).
    pub fn page_document(&self, site: &str) -> String {
        self.document_for(site, &self.page_presentation())
    }

    /// What the page's own addresses embed: this, saying first that it
    /// shows this preset's scenario (`pasted=1`).
    fn page_presentation(&self) -> Presentation {
        Presentation {
            pasted: true,
            ..self.presentation()
        }
    }

    fn document_for(&self, site: &str, shown: &Presentation) -> String {
        let height = shown.declared_height();
        let title = self.title();
        // A sandboxing consumer (WordPress) keeps the iframe and the link in
        // the blockquote, which it shows until the embed reports its height;
        // others keep embed.js too, which sizes the iframe.
        let page = html_attr(&format!("{site}{}", self.page_query()));
        let html = format!(
            "<blockquote><a href=\"{page}\">{}</a></blockquote>{}",
            html_attr(&title),
            snippet(site, &self.query_as(shown), &title, height)
        );
        let thumbnail = format!("{site}{}", card::path(self.preset));
        let doc = OEmbed {
            version: "1.0",
            kind: "rich",
            title: &title,
            provider_name: PROVIDER,
            provider_url: site,
            cache_age: 86400,
            width: WIDTH,
            // What the frame needs at the document's width, as the spec
            // asks (iframely sizes its frame from it); the iframe in `html`
            // keeps the height that shows it whole on a phone too.
            height: shown.blog_height(),
            html: &html,
            thumbnail_url: &thumbnail,
            thumbnail_width: card::WIDTH,
            thumbnail_height: card::HEIGHT,
        };
        // Only strings and numbers: writing it cannot fail.
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Its entry page: what it is, the address to paste, a live preview,
    /// and links to its other views and scenarios. `site` is the deployed
    /// folder's absolute URL, or `None` (then no discovery link, which
    /// would only be a broken one).
    pub fn page(&self, site: Option<&str>, assets: &Assets) -> String {
        let up = "../".repeat(self.folder().matches('/').count());
        let title = html_attr(&self.title());
        let description = html_attr(&self.description());
        let head_links = match site {
            Some(site) => format!(
                "<link rel=\"canonical\" href=\"{site}{folder}\">\n{link}\n<meta property=\"og:url\" content=\"{site}{folder}\">\n",
                link = discovery_link(Some(site), &self.folder(), &title),
                site = html_attr(site),
                folder = self.folder()
            ),
            None => String::new(),
        };
        let address = match site {
            Some(site) => format!(
                "<code class=\"paste\">{}{}</code>",
                html_attr(site),
                self.folder()
            ),
            None => "this page's address".to_string(),
        };
        // Its siblings: by view (the same scenario) or by scenario.
        let others = |by_view: bool| {
            Entry::all()
                .iter()
                .filter(|e| match by_view {
                    true => e.preset == self.preset,
                    false => e.view == self.view,
                })
                .map(|e| {
                    let current = if e == self {
                        " aria-current=\"page\""
                    } else {
                        ""
                    };
                    let label = if by_view { e.named().1 } else { e.preset.title };
                    format!(
                        "<li><a href=\"{up}{}\"{current}>{label}</a></li>",
                        e.folder()
                    )
                })
                .collect::<String>()
        };
        let body = format!(
            "<h1>{title}</h1>\n<p>{description}</p>\n<p>To embed it, paste {address} on a line of its own in a WordPress post, or anywhere that reads oEmbed links. For other blogs, the <a href=\"{up}{page_query}\">calculator</a>’s Embed button gives the HTML to paste.</p>\n<h2>Preview</h2>\n<iframe class=\"entry-preview\" src=\"{up}?{query}\" title=\"{title}\" width=\"100%\" height=\"{height}\"></iframe>\n<nav aria-label=\"Other embeds\">\n<h2>Other views of this scenario</h2>\n<ul>{views}</ul>\n<h2>This view of other scenarios</h2>\n<ul>{presets}</ul>\n</nav>\n</main>\n<script src=\"{up}embed.js\" async></script>\n",
            page_query = html_attr(&self.page_query()),
            query = html_attr(&self.query()),
            height = self.height(),
            views = others(true),
            presets = others(false),
        );
        let image = Preview {
            root: site.unwrap_or(&up).to_string(),
            preset: self.preset,
            player: Preview::player(site, self),
        };
        static_page(
            &title,
            &description,
            &image,
            &format!("{head_links}{}", assets.links(&up)),
            &body,
        )
    }
}

/// The picture a shared link previews with: its address (absolute when
/// the site is known) and its words for readers who cannot see it; and,
/// where the site's address is known, the live embed a card may show
/// instead (`twitter:player`: Mastodon and Discourse read it): its
/// address and height.
struct Preview {
    /// The site's root, absolute or relative to the page: the card and
    /// the touch icon are under it.
    root: String,
    /// The preset whose card it is.
    preset: &'static Preset,
    player: Option<(String, u32)>,
}

impl Preview {
    /// The live embed of `entry` as a card's player, where the site's
    /// address is known (a player must be absolute).
    fn player(site: Option<&str>, entry: &Entry) -> Option<(String, u32)> {
        Preview::player_of(site, entry, &entry.presentation())
    }

    /// The live embed of the page's own addresses (any scenario link
    /// among them), as its oEmbed document has it.
    fn page_player(site: Option<&str>, entry: &Entry) -> Option<(String, u32)> {
        Preview::player_of(site, entry, &entry.page_presentation())
    }

    fn player_of(site: Option<&str>, entry: &Entry, shown: &Presentation) -> Option<(String, u32)> {
        site.map(|s| {
            (
                format!("{s}?{}", entry.query_as(shown)),
                shown.blog_height(),
            )
        })
    }
}

/// The width a card's live embed declares (`twitter:player:width`): a
/// blog column's.
pub const PLAYER_WIDTH: u32 = BLOG_WIDTHS.0;

/// The address bar's colour on phones, light and dark: the page's own
/// background (`--bg` in the stylesheet).
const THEME_COLORS: [(&str, &str); 2] = [("light", "#fbfaf7"), ("dark", "#121314")];

/// The Open Graph and Twitter-card tags of a page: `title` and
/// `description` as HTML text, and its preview card. The Twitter card
/// reads its title, description and image from the Open Graph tags; only
/// its kind and the image's alt text are its own.
fn social_tags(title: &str, description: &str, image: &Preview) -> String {
    let url = html_attr(&format!("{}{}", image.root, card::path(image.preset)));
    let alt = html_attr(&card::alt(image.preset));
    let player = image
        .player
        .as_ref()
        .map_or_else(String::new, |(src, height)| {
            format!(
                "<meta name=\"twitter:player\" content=\"{}\">\n\
             <meta name=\"twitter:player:width\" content=\"{PLAYER_WIDTH}\">\n\
             <meta name=\"twitter:player:height\" content=\"{height}\">\n",
                html_attr(src)
            )
        });
    let themes: String = THEME_COLORS
        .iter()
        .map(|(scheme, color)| {
            format!("<meta name=\"theme-color\" content=\"{color}\" media=\"(prefers-color-scheme: {scheme})\">\n")
        })
        .collect();
    let icon = format!(
        "<link rel=\"apple-touch-icon\" href=\"{}{}\">\n",
        html_attr(&image.root),
        card::ICON_PATH
    );
    format!(
        "<meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:site_name\" content=\"{PROVIDER}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:image\" content=\"{url}\">\n\
         <meta property=\"og:image:type\" content=\"image/png\">\n\
         <meta property=\"og:image:width\" content=\"{w}\">\n\
         <meta property=\"og:image:height\" content=\"{h}\">\n\
         <meta property=\"og:image:alt\" content=\"{alt}\">\n\
         <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
         <meta name=\"twitter:image:alt\" content=\"{alt}\">\n{player}{themes}{icon}",
        w = card::WIDTH,
        h = card::HEIGHT,
    )
}

/// A static page of the site: the policy, its title and description (as
/// HTML text) and their sharing tags with the preview `image`, then
/// `head`; and `body`, which starts inside `<main>` and closes it.
fn static_page(title: &str, description: &str, image: &Preview, head: &str, body: &str) -> String {
    let policy = policy(&[]);
    let social = social_tags(title, description, image);
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n<meta name=\"color-scheme\" content=\"light dark\">\n{social}{head}</head>\n<body>\n<main class=\"entry\">\n{body}</body>\n</html>\n"
    )
}

/// Sources and method as a page of its own (`sources/`): what the full
/// page fetches into itself as the reader comes near its end, and what a
/// reader without scripts follows its link to.
pub fn sources_page(site: Option<&str>, assets: &Assets) -> String {
    let title = format!("Sources and method — {PROVIDER}");
    let description = "Every input of the calculator with its default and source, the other deals, the facts and the method.";
    let back = site.unwrap_or("../");
    static_page(
        &title,
        description,
        &Preview {
            root: site.unwrap_or("../").to_string(),
            preset: Preset::announced(),
            player: None,
        },
        &assets.links("../"),
        &format!(
            "<p><a href=\"{}\">← The calculator</a></p>\n{}\n</main>",
            html_attr(back),
            crate::page_html::sources_section()
        ),
    )
}

/// The file name of a preset's document at the site's root (kept for
/// links made before the entry pages); the default preset's is `oembed.json`.
pub fn file_name(preset: &Preset) -> String {
    if preset.key == Preset::announced().key {
        "oembed.json".to_string()
    } else {
        format!("oembed-{}.json", preset.key)
    }
}

/// The `embed/` page: every entry, by view, for a blogger to choose from;
/// pasted itself, it embeds the compact calculator.
pub fn index_page(site: Option<&str>, assets: &Assets) -> String {
    let first = Entry::calculator(Preset::announced());
    let head_links = format!("{}\n", discovery_link(site, "", PROVIDER));
    let sections: String = views()
        .map(|(view, _, label)| {
            let links: String = Entry::all()
                .iter()
                .filter(|e| e.view == view)
                .map(|e| {
                    format!(
                        "<li><a href=\"../{}\">{}</a></li>",
                        e.folder(),
                        e.preset.title
                    )
                })
                .collect();
            format!("<h2>{label}</h2>\n<ul>{links}</ul>\n")
        })
        .collect();
    let body = format!(
        "<h1>Embed the calculator in a blog post</h1>\n<p>Each page below is one view of one scenario, with a live preview. Paste its address on a line of its own in a WordPress post, or anywhere that reads oEmbed links, and the post shows that view. For other blogs, or a scenario of your own, the <a href=\"../\">calculator</a>’s Embed button gives the HTML to paste.</p>\n{sections}</main>\n"
    );
    let image = Preview {
        root: site.unwrap_or("../").to_string(),
        preset: first.preset,
        player: Preview::page_player(site, &first),
    };
    static_page(
        &format!("Embeds — {PROVIDER}"),
        &html_attr(&first.description()),
        &image,
        &format!("{head_links}{}", assets.links("../")),
        &body,
    )
}

/// Every file to write: `(path under the site, contents)`: the root's
/// documents, the `embed/` page, and each entry's page and document.
pub fn files(site: Option<&str>, assets: &Assets) -> Vec<(String, String)> {
    let base = site.unwrap_or("./");
    let roots = PRESETS
        .iter()
        .map(|p| (file_name(p), Entry::calculator(p).page_document(base)));
    let entries = Entry::all().into_iter().flat_map(|e| {
        [
            (format!("{}index.html", e.folder()), e.page(site, assets)),
            (format!("{}oembed.json", e.folder()), e.document(base)),
        ]
    });
    let index = ("embed/index.html".to_string(), index_page(site, assets));
    let sources = (
        format!("{}index.html", crate::page_html::SOURCES_PATH),
        sources_page(site, assets),
    );
    roots.chain([index, sources]).chain(entries).collect()
}

/// The oEmbed discovery `<link>` of the document `{site}{folder}oembed.json`,
/// titled `title` (HTML text): absolute, because consumers such as
/// WordPress use the `href` as written; without a site, nothing.
fn discovery_link(site: Option<&str>, folder: &str, title: &str) -> String {
    site.map_or_else(String::new, |site| {
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{folder}oembed.json\" title=\"{title}\">",
            html_attr(site)
        )
    })
}

/// Why the discovery link could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscoveryError {
    /// The page has neither a `<link>` of type `application/json+oembed`
    /// nor a `</head>` to add one before.
    NoPlace,
    /// The page has no `<title>` or no `<meta name="description">` for
    /// its link preview to say.
    NoTitle,
}

impl std::fmt::Display for DiscoveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DiscoveryError::NoPlace => {
                "index.html has no oEmbed <link> and no </head> to add one before"
            }
            DiscoveryError::NoTitle => {
                "index.html has no <title> or no <meta name=\"description\"> for its link preview"
            }
        })
    }
}

/// Writes the page's oEmbed discovery link: absolute, on `site` (an
/// absolute URL ending in `/`), because consumers such as WordPress use the
/// `href` as written; or, without a site, none, since a relative link
/// would only be a broken one. An existing link is replaced, so a build
/// can be given its site again.
pub fn discovery(html: &str, site: Option<&str>) -> Result<String, DiscoveryError> {
    let link = discovery_link(site, "", PROVIDER);
    let existing = html.find("json+oembed").and_then(|at| {
        let start = html[..at].rfind("<link")?;
        Some((start, at + html[at..].find('>')? + 1))
    });
    let (start, end) = match existing {
        Some(span) => span,
        None => {
            let head = html.find("</head>").ok_or(DiscoveryError::NoPlace)?;
            (head, head)
        }
    };
    Ok(format!("{}{link}{}", &html[..start], &html[end..]))
}

/// Writes the page's link-preview tags (Open Graph and Twitter card) with
/// the default scenario's card, from the page's own title and description:
/// an absolute image address on `site`, else one relative to the page.
/// Tags written before are replaced, so a build can be given its site again.
pub fn social(html: &str, site: Option<&str>) -> Result<String, DiscoveryError> {
    let title = between(html, "<title>", "</title>").ok_or(DiscoveryError::NoTitle)?;
    let description = description(html).ok_or(DiscoveryError::NoTitle)?;
    let announced = Preset::announced();
    let image = Preview {
        root: site.unwrap_or("").to_string(),
        preset: announced,
        player: Preview::page_player(site, &Entry::calculator(announced)),
    };
    let url = site.map_or_else(String::new, |s| {
        format!("<meta property=\"og:url\" content=\"{}\">\n", html_attr(s))
    });
    let tags = format!("{}{url}", social_tags(title, description, &image));
    let mut kept = html.to_string();
    for written in [
        "<meta property=\"og:",
        "<meta name=\"twitter:",
        "<meta name=\"theme-color\"",
        "<link rel=\"apple-touch-icon\"",
    ] {
        while let Some(start) = kept.find(written) {
            let end = kept[start..]
                .find('>')
                .map_or(kept.len(), |e| start + e + 1);
            let end = end + usize::from(kept[end..].starts_with('\n'));
            kept.replace_range(start..end, "");
        }
    }
    let head = kept.find("</head>").ok_or(DiscoveryError::NoPlace)?;
    Ok(format!("{}{tags}{}", &kept[..head], &kept[head..]))
}

/// The `content` of the page's `<meta name="description">`, quoted or (as
/// a minifier leaves it) not.
fn description(html: &str) -> Option<&str> {
    let at = html
        .find("name=\"description\"")
        .or_else(|| html.find("name=description"))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let value = &tag[tag.find("content=")? + "content=".len()..];
    match value.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next(),
        None => value.split([' ', '/']).next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode;
    use crate::codec::embed::presentation;

    const SITE: &str = "https://example.org/d/";

    /// The entry of `view` for the preset `key`.
    fn entry(view: View, key: &str) -> Entry {
        let preset = Preset::by_key(key).expect("a preset");
        Entry { view, preset }
    }

    fn assets() -> Assets {
        Assets {
            stylesheet: "main-1.css".into(),
            icon: "favicon-2.svg".into(),
        }
    }

    #[test]
    fn every_view_of_every_preset_has_its_own_folder() {
        let entries = Entry::all();
        assert_eq!(entries.len(), (View::NAMED.len() + 1) * PRESETS.len());
        let mut folders: Vec<String> = entries.iter().map(Entry::folder).collect();
        folders.sort();
        folders.dedup();
        assert_eq!(
            folders.len(),
            entries.len(),
            "no two entries share a folder"
        );
        let cash = Entry {
            view: View::Cash,
            preset: Preset::by_key("thin-margin").unwrap(),
        };
        assert_eq!(cash.folder(), "embed/cash/thin-margin/");
        assert_eq!(
            cash.query(),
            "v=1&p=thin-margin&embed=1&view=cash&controls=m,ap"
        );
        let compact = Entry::calculator(Preset::announced());
        assert_eq!(
            (compact.folder().as_str(), compact.query().as_str()),
            ("embed/calculator/", "embed=1")
        );
    }

    #[test]
    fn an_entry_reads_back_as_the_embed_it_names() {
        for entry in Entry::all() {
            let (shown, notices) = presentation(&decode(&entry.query()));
            assert!(notices.is_empty(), "{}", entry.query());
            assert!(shown.embed);
            assert_eq!(shown.view, entry.view);
            assert_eq!(shown, entry.presentation(), "{}", entry.query());
            assert!(entry.height() >= 200, "{}", entry.query());
        }
    }

    #[test]
    fn pages_link_their_own_document_only_with_a_site() {
        let entry = entry(View::Spend, "confirmed");
        let page = entry.page(Some(SITE), &assets());
        assert!(page.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/d/embed/spend/confirmed/oembed.json\""));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"../../../main-1.css\">"));
        assert!(page.contains(
            "src=\"../../../?v=1&amp;p=confirmed&amp;embed=1&amp;view=spend&amp;controls=c,r\""
        ));
        assert!(page.contains("<script src=\"../../../embed.js\""));
        assert!(page.contains("aria-current=\"page\""));
        let local = entry.page(None, &assets());
        assert!(!local.contains("oembed"), "no broken discovery link");
        assert!(!index_page(None, &assets()).contains("oembed"));
    }

    // serde_json is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_document_is_valid_json_with_absolute_links() {
        let files = files(Some(SITE), &assets());
        let docs: Vec<_> = files.iter().filter(|f| f.0.ends_with(".json")).collect();
        assert_eq!(docs.len(), PRESETS.len() + Entry::all().len());
        for (name, body) in docs {
            let doc: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(doc["type"], "rich", "{name}");
            assert_eq!(doc["version"], "1.0", "{name}");
            let html = doc["html"].as_str().unwrap();
            assert!(
                html.starts_with("<blockquote><a href=\"https://example.org/d/"),
                "{html}"
            );
            assert!(
                html.contains("<iframe src=\"https://example.org/d/?"),
                "{html}"
            );
            // The iframe shows it whole on a phone; the document declares
            // what a blog's column needs, which is no more.
            let iframe: u64 = between(html, "height=\"", "\"").unwrap().parse().unwrap();
            let height = doc["height"].as_u64().unwrap();
            assert!(
                (200..=iframe).contains(&height),
                "{name}: {height} of {iframe}"
            );
        }
        let root = &files.iter().find(|f| f.0 == "oembed.json").unwrap().1;
        let compact = &files
            .iter()
            .find(|f| f.0 == "embed/calculator/oembed.json")
            .unwrap()
            .1;
        // The page's own document is the compact calculator's, which says
        // first what it shows, as any address of the page finds it.
        let compact_entry = Entry::calculator(Preset::announced());
        let pasted = Presentation {
            pasted: true,
            ..compact_entry.presentation()
        };
        assert_eq!(
            root.replace("?embed=1&amp;pasted=1", "?embed=1"),
            compact
                .replace(
                    &format!("height=\\\"{}", compact_entry.height()),
                    &format!("height=\\\"{}", pasted.declared_height())
                )
                .replace(
                    &format!("\"height\": {}", compact_entry.blog_height()),
                    &format!("\"height\": {}", pasted.blog_height())
                )
        );
        assert!(root.contains("?embed=1&amp;pasted=1"));
        assert!(!compact.contains("pasted"));
    }

    #[test]
    fn the_page_previews_with_its_card_and_its_own_words() {
        let trunk = "<head><title>Circular compute: the deal</title>\n<meta name=\"description\" content=\"Move the sliders.\">\n</head><body>";
        let minified = "<meta charset=utf-8><title>Circular compute: the deal</title><meta content=\"Move the sliders.\" name=description></head><body>";
        for page in [trunk, minified] {
            let with = social(page, Some(SITE)).unwrap();
            for tag in [
                "<meta property=\"og:title\" content=\"Circular compute: the deal\">",
                "<meta property=\"og:description\" content=\"Move the sliders.\">",
                "<meta property=\"og:image\" content=\"https://example.org/d/og/announced.png\">",
                "<meta property=\"og:image:width\" content=\"1200\">",
                "<meta property=\"og:image:height\" content=\"630\">",
                "<meta property=\"og:url\" content=\"https://example.org/d/\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
                "<meta name=\"twitter:image:alt\" content=\"For every $1 Amazon puts in",
            ] {
                assert!(with.contains(tag), "{tag} in {with}");
            }
            assert!(with
                .contains("<meta property=\"og:image:alt\" content=\"For every $1 Amazon puts in"));
            assert!(with.contains("</head><body>"));
            // Given its site again, or none, it says each tag once.
            let again = social(&with, None).unwrap();
            assert_eq!(again.matches("og:title").count(), 1, "{again}");
            assert!(again.contains("<meta property=\"og:image\" content=\"og/announced.png\">"));
            assert!(!again.contains("og:url") && !again.contains("example.org"));
            assert_eq!(social(&again, Some(SITE)).unwrap(), with);
        }
        assert_eq!(social("<head></head>", None), Err(DiscoveryError::NoTitle));
    }

    #[test]
    fn entry_pages_and_documents_carry_their_presets_card() {
        let entry = entry(View::Cash, "thin-margin");
        let page = entry.page(Some(SITE), &assets());
        assert!(page.contains(
            "<meta property=\"og:image\" content=\"https://example.org/d/og/thin-margin.png\">"
        ));
        let local = entry.page(None, &assets());
        assert!(
            local.contains("<meta property=\"og:image\" content=\"../../../og/thin-margin.png\">")
        );
        let doc: serde_json::Value = serde_json::from_str(&entry.document(SITE)).unwrap();
        assert_eq!(
            doc["thumbnail_url"],
            "https://example.org/d/og/thin-margin.png"
        );
        assert_eq!(
            (
                doc["thumbnail_width"].as_u64(),
                doc["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
        let index = index_page(Some(SITE), &assets());
        assert!(index.contains("content=\"https://example.org/d/og/announced.png\""));
    }

    #[test]
    fn a_card_may_show_the_live_embed_and_the_sites_colours_and_icon() {
        let entry = entry(View::Risk, "thin-margin");
        let page = entry.page(Some(SITE), &assets());
        let src = html_attr(&format!("{SITE}?{}", entry.query()));
        assert!(
            src.contains("view=risk") && src.contains("p=thin-margin"),
            "{src}"
        );
        for tag in [
            format!("<meta name=\"twitter:player\" content=\"{src}\">"),
            format!("<meta name=\"twitter:player:width\" content=\"{PLAYER_WIDTH}\">"),
            format!("<meta name=\"twitter:player:height\" content=\"{}\">", entry.blog_height()),
            "<meta name=\"theme-color\" content=\"#fbfaf7\" media=\"(prefers-color-scheme: light)\">".to_string(),
            "<meta name=\"theme-color\" content=\"#121314\" media=\"(prefers-color-scheme: dark)\">".to_string(),
            "<link rel=\"apple-touch-icon\" href=\"https://example.org/d/apple-touch-icon.png\">".to_string(),
        ] {
            assert!(page.contains(&tag), "{tag}");
        }
        // Without the site's address, no player (it must be absolute); the
        // icon is relative.
        let local = entry.page(None, &assets());
        assert!(!local.contains("twitter:player"));
        assert!(local
            .contains("<link rel=\"apple-touch-icon\" href=\"../../../apple-touch-icon.png\">"));
        // The page's own: the compact calculator with its note (any of the
        // page's addresses, a scenario link too, shows it), once however
        // often run.
        let with = social(
            "<title>T</title><meta name=\"description\" content=\"D\"></head>",
            Some(SITE),
        )
        .unwrap();
        let again = social(&with, Some(SITE)).unwrap();
        assert_eq!(again, with);
        assert_eq!(again.matches("twitter:player\"").count(), 1);
        assert!(again.contains(&format!(
            "<meta name=\"twitter:player\" content=\"{}\">",
            html_attr(&format!(
                "{SITE}?{}&pasted=1",
                Entry::calculator(Preset::announced()).query()
            ))
        )));
        assert_eq!(again.matches("theme-color").count(), 2);
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
        let added = discovery(
            "<head><title>x</title></head>",
            Some("https://example.org/d/"),
        )
        .unwrap();
        assert!(
            added.ends_with("oembed.json\" title=\"Circular compute\"></head>"),
            "{added}"
        );
        assert_eq!(discovery("<head></head>", None).unwrap(), "<head></head>");
        assert_eq!(discovery("<p>", None), Err(DiscoveryError::NoPlace));
    }
}
