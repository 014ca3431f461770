//! Writes the oEmbed documents into a folder (normally `dist/`):
//! `cargo run --bin oembed -- dist https://example.org/tools/deal/`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), site) = (args.next(), args.next().unwrap_or_default()) else {
        eprintln!("usage: oembed DIR [SITE_URL]");
        return ExitCode::FAILURE;
    };
    let site = if site.is_empty() {
        eprintln!(
            "oembed: SITE_URL is not set, so the oEmbed documents point at ./ — \
             set SITE_URL=https://your.host/path/ when building for deployment."
        );
        "./".to_string()
    } else if site.ends_with('/') {
        site
    } else {
        format!("{site}/")
    };
    for (name, body) in circular_compute::oembed::documents(&site) {
        let path = Path::new(&dir).join(&name);
        if let Err(e) = std::fs::write(&path, body) {
            eprintln!("oembed: could not write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "oembed: wrote {} documents into {dir} for {site}",
        circular_compute::model::PRESETS.len()
    );
    ExitCode::SUCCESS
}
