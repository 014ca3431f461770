//! The goal-seek question in a link (`seek=INPUT,FIGURE,TARGET`, issue
//! #34): "the margin Amazon needs" is `seek=m,investor-net-cash,0`. Pure;
//! a question that cannot be read is left out with a notice, and the rest
//! of the link keeps its meaning.

use std::fmt;

use crate::model::{Input, OutputSpec, HEADLINE};

/// The query key of the question.
pub const SEEK_KEY: &str = "seek";

/// What it would take: the value of `input` at which `figure` reaches
/// `target`, the other inputs as they are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seek {
    /// The input moved.
    pub input: Input,
    /// The test id of the figure aimed at.
    pub figure: &'static str,
    /// The figure's target, in its unit.
    pub target: f64,
}

impl Default for Seek {
    /// The question most readers ask: the margin at which the investor's
    /// cash breaks even.
    fn default() -> Self {
        Seek {
            input: Input::Margin,
            figure: HEADLINE,
            target: 0.0,
        }
    }
}

/// Why a question could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeekError {
    /// Not three parts separated by commas.
    Shape,
    /// No input has this key.
    Input(String),
    /// No figure has this id.
    Figure(String),
    /// The target is not a finite number.
    Target(String),
}

impl fmt::Display for SeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeekError::Shape => write!(f, "it should read input,figure,target"),
            SeekError::Input(k) => write!(f, "no input is called “{k}”"),
            SeekError::Figure(k) => write!(f, "no figure is called “{k}”"),
            SeekError::Target(t) => write!(f, "the target “{t}” is not a number"),
        }
    }
}

impl Seek {
    /// The question as the link writes it: `m,investor-net-cash,0`.
    pub fn encode(&self) -> String {
        format!("{},{},{}", self.input.spec().key, self.figure, self.target)
    }

    /// Reads a question as a link writes it.
    pub fn decode(text: &str) -> Result<Seek, SeekError> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        let [input, figure, target] = parts[..] else {
            return Err(SeekError::Shape);
        };
        let input = Input::from_key(input).ok_or_else(|| SeekError::Input(input.into()))?;
        let figure = OutputSpec::by_id(figure)
            .ok_or_else(|| SeekError::Figure(figure.into()))?
            .id;
        let target = target
            .parse::<f64>()
            .ok()
            .filter(|t| t.is_finite())
            .ok_or_else(|| SeekError::Target(target.into()))?;
        Ok(Seek {
            input,
            figure,
            target,
        })
    }

    /// The figure aimed at.
    pub fn spec(&self) -> &'static OutputSpec {
        OutputSpec::by_id(self.figure).unwrap_or_else(crate::model::headline)
    }
}

/// `query` with the question added (and the version, where the query was
/// empty), or as it is without one.
pub fn with_seek(query: String, seek: Option<&Seek>) -> String {
    match seek {
        None => query,
        Some(s) if query.is_empty() => format!("v={}&{SEEK_KEY}={}", super::VERSION, s.encode()),
        Some(s) => format!("{query}&{SEEK_KEY}={}", s.encode()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::decode;

    #[test]
    fn a_question_round_trips_and_a_bad_one_says_why() {
        let s = Seek::decode("m,investor-net-cash,0").expect("reads");
        assert_eq!(s, Seek::default());
        assert_eq!(Seek::decode(&s.encode()), Ok(s));
        let other = Seek::decode(" c , payback-year , 2031.5 ").expect("reads");
        assert_eq!(
            (other.input, other.figure, other.target),
            (Input::Commitment, "payback-year", 2031.5)
        );
        assert_eq!(Seek::decode("m,0"), Err(SeekError::Shape));
        assert_eq!(
            Seek::decode("zz,investor-net-cash,0"),
            Err(SeekError::Input("zz".into()))
        );
        assert_eq!(
            Seek::decode("m,moon,0"),
            Err(SeekError::Figure("moon".into()))
        );
        assert_eq!(
            Seek::decode("m,investor-net-cash,NaN"),
            Err(SeekError::Target("NaN".into()))
        );
        assert!(SeekError::Shape.to_string().contains("input,figure,target"));
    }

    #[test]
    fn a_link_carries_its_question_and_an_old_link_has_none() {
        let d = decode("v=1&c=150&seek=m,investor-net-cash,5");
        assert_eq!(d.asked.seek.map(|s| s.target), Some(5.0));
        assert_eq!(d.scenario.get(Input::Commitment), 150.0);
        assert!(d.notices.is_empty());
        assert_eq!(decode("v=1&c=150").asked.seek, None);
        let bad = decode("v=1&c=150&seek=m,moon,0");
        assert_eq!(bad.asked.seek, None);
        assert_eq!(bad.scenario.get(Input::Commitment), 150.0);
        assert_eq!(bad.notices.len(), 1);
        assert!(bad.notices[0]
            .to_string()
            .contains("no figure is called “moon”"));
        assert_eq!(
            with_seek(String::new(), Some(&Seek::default())),
            "v=1&seek=m,investor-net-cash,0"
        );
        assert_eq!(with_seek("v=1&c=2".into(), None), "v=1&c=2");
    }
}
