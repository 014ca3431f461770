//! Finishes a trunk release build in place (`make dist` runs it):
//! moves the inline loader to a file and adds the Content-Security-Policy,
//! writes the masthead, the Sources and method panel, the footer and the
//! link-preview tags into the page, then writes the embed entry pages, their
//! oEmbed documents and the link-preview cards (`og/*.png`).
//! `cargo run --bin postbuild -- dist [SITE_URL]`.

#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use circular_compute::csp::{Apps, Bundle};
#[cfg(not(target_arch = "wasm32"))]
use circular_compute::oembed::Assets;

/// A build-time tool: nothing to do in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), site) = (args.next(), args.next().unwrap_or_default()) else {
        eprintln!("usage: postbuild DIR [SITE_URL]");
        return ExitCode::FAILURE;
    };
    match run(Path::new(&dir), &site) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("postbuild: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(dir: &Path, site: &str) -> Result<(), String> {
    let index = dir.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if html.contains("Content-Security-Policy") {
        println!("postbuild: {} is already hardened", index.display());
    } else {
        let names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        let bundle = |bin: &str| {
            Bundle::find(bin, names.iter().map(String::as_str)).ok_or_else(|| {
                format!(
                    "{}: no {bin}-*.js from trunk (make dist builds it from app.html beside index.html)",
                    dir.display()
                )
            })
        };
        let apps = Apps {
            embed: bundle("embed")?,
            detail: bundle("detail")?,
            flow: bundle("flow")?,
            risk: bundle("risk")?,
            more: bundle("more")?,
            study: worker(dir, "study")?,
        };
        let hard = circular_compute::csp::harden(&html, &apps).map_err(|e| e.to_string())?;
        let loader = dir.join(&hard.loader_name);
        std::fs::write(&loader, &hard.loader).map_err(|e| format!("{}: {e}", loader.display()))?;
        println!(
            "postbuild: loader moved to {}, Content-Security-Policy added",
            hard.loader_name
        );
        html = hard.html;
    }

    let site = if site.is_empty() {
        eprintln!(
            "postbuild: SITE_URL is not set, so the page carries no oEmbed discovery link \
             and the oEmbed documents point at ./ — set SITE_URL=https://your.host/path/ \
             when building for deployment."
        );
        "./".to_string()
    } else if site.ends_with('/') {
        site.to_string()
    } else {
        format!("{site}/")
    };
    let absolute = (site != "./").then_some(site.as_str());
    html = circular_compute::oembed::discovery(&html, absolute).map_err(|e| e.to_string())?;
    html = circular_compute::oembed::social(&html, absolute).map_err(|e| e.to_string())?;
    html = circular_compute::page_html::with_static_parts(&html).map_err(|e| e.to_string())?;
    std::fs::write(&index, &html).map_err(|e| format!("{}: {e}", index.display()))?;

    let assets = Assets {
        stylesheet: asset(dir, "main-", ".css")?,
        icon: asset(dir, "favicon-", ".svg")?,
    };
    let files = circular_compute::oembed::files(absolute, &assets);
    for (name, body) in &files {
        let path = dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "postbuild: wrote {} embed pages and oEmbed documents for {site}",
        files.len()
    );
    for preset in circular_compute::model::PRESETS {
        let name = circular_compute::card::path(preset);
        let png = circular_compute::card::png(&circular_compute::card::svg(preset))
            .map_err(|e| format!("{name}: {e}"))?;
        let path = dir.join(&name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let icon = circular_compute::card::icon_png().map_err(|e| format!("touch icon: {e}"))?;
    let path = dir.join(circular_compute::card::ICON_PATH);
    std::fs::write(&path, icon).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "postbuild: wrote the link-preview cards og/*.png ({}×{}) and the touch icon",
        circular_compute::card::WIDTH,
        circular_compute::card::HEIGHT
    );
    Ok(())
}

/// Names the worker trunk built for binary `bin` by its content and
/// writes its loader (`csp::worker_files`); the loader's file name.
#[cfg(not(target_arch = "wasm32"))]
fn worker(dir: &Path, bin: &str) -> Result<String, String> {
    let wasm_path = dir.join(format!("{bin}_bg.wasm"));
    let wasm = std::fs::read(&wasm_path).map_err(|e| {
        format!(
            "{}: {e} (trunk builds it from index.html's worker link)",
            wasm_path.display()
        )
    })?;
    let [glue, bg, (loader, shim)] = circular_compute::csp::worker_files(bin, &wasm);
    for (from, to) in [glue, bg] {
        std::fs::rename(dir.join(&from), dir.join(&to))
            .map_err(|e| format!("{from} → {to}: {e}"))?;
    }
    std::fs::write(dir.join(&loader), shim).map_err(|e| format!("{loader}: {e}"))?;
    println!("postbuild: the study worker is {loader}");
    Ok(loader)
}

/// The file name trunk gave an asset: `{stem}HASH{ext}`.
#[cfg(not(target_arch = "wasm32"))]
fn asset(dir: &Path, stem: &str, ext: &str) -> Result<String, String> {
    std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with(stem) && name.ends_with(ext))
        .ok_or_else(|| format!("{}: no {stem}*{ext} from trunk", dir.display()))
}
