//! The saved-scenarios list as stored in the browser: a small line format,
//! pure Rust, that never fails silently.
//!
//! ```text
//! circular-compute saved v1
//! My%20case=v=1&c=150
//! ```
//! Each line after the header is a percent-encoded name, `=`, and the
//! scenario's share query (see [`super::encode`]).

use std::fmt;

use super::{percent_decode, percent_encode};

const HEADER: &str = "circular-compute saved v1";
/// Names longer than this are cut.
pub const NAME_MAX: usize = 80;
/// At most this many scenarios are kept.
pub const LIST_MAX: usize = 50;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The reader's name for it.
    pub name: String,
    /// Its share query, without `?`.
    pub query: String,
}

/// Why a stored list could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListError {
    /// The text does not start with the expected header.
    UnknownFormat,
    /// A line has no `=` between name and scenario.
    BadLine(usize),
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::UnknownFormat => f.write_str(
                "The saved scenarios in this browser are in a format this page does not know.",
            ),
            ListError::BadLine(n) => write!(f, "Saved scenario {n} in this browser is damaged."),
        }
    }
}

/// Trims a name, folds its white space and cuts it to [`NAME_MAX`] characters.
pub fn clean_name(name: &str) -> String {
    let folded = name.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.chars().take(NAME_MAX).collect()
}

/// Writes the list in the stored format.
pub fn encode_list(list: &[Saved]) -> String {
    let mut out = String::from(HEADER);
    for s in list.iter().take(LIST_MAX) {
        out.push('\n');
        out.push_str(&percent_encode(&s.name));
        out.push('=');
        out.push_str(&s.query);
    }
    out
}

/// Reads a stored list; anything unexpected is an error, never a panic.
pub fn decode_list(text: &str) -> Result<Vec<Saved>, ListError> {
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(HEADER) {
        return Err(ListError::UnknownFormat);
    }
    lines
        .filter(|l| !l.trim().is_empty())
        .take(LIST_MAX)
        .enumerate()
        .map(|(i, line)| {
            let (name, query) = line.split_once('=').ok_or(ListError::BadLine(i + 1))?;
            Ok(Saved {
                name: clean_name(&percent_decode(name)),
                query: query.trim().to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let list = vec![
            Saved {
                name: "Bear case = 50% & more".into(),
                query: "v=1&m=15".into(),
            },
            Saved {
                name: "Défaut".into(),
                query: String::new(),
            },
        ];
        assert_eq!(decode_list(&encode_list(&list)), Ok(list));
        assert_eq!(decode_list(&encode_list(&[])), Ok(vec![]));
    }

    #[test]
    fn damaged_lists_are_errors() {
        assert_eq!(decode_list(""), Err(ListError::UnknownFormat));
        assert_eq!(
            decode_list("{\"json\": true}"),
            Err(ListError::UnknownFormat)
        );
        assert_eq!(
            decode_list("circular-compute saved v1\nno equals sign"),
            Err(ListError::BadLine(1))
        );
        assert!(!ListError::BadLine(3).to_string().is_empty());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  two\n words\t"), "two words");
        assert_eq!(clean_name(&"x".repeat(500)).len(), NAME_MAX);
    }
}
