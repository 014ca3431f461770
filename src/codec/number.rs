//! Reading numbers that people type or paste, and that links carry.

use std::fmt;

/// Why a piece of text is not a usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but spaces.
    Empty,
    /// Not a number at all.
    NotANumber,
    /// A number too large to hold, or NaN or infinity.
    NotFinite,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::Empty => "Type a number.",
            NumberError::NotANumber => "That is not a number.",
            NumberError::NotFinite => "That number is too large to use.",
        })
    }
}

/// Folds full-width digits and signs, and the minus sign, into ASCII.
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '－' | '−' => '-',
        '＋' => '+',
        'ｅ' | 'Ｅ' => 'e',
        _ => c,
    }
}

/// Parses a decimal number such as `12`, `-0.5`, `1e3` or `１２`.
/// Words like `NaN` and `inf` are refused, and so are numbers too large to hold.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let folded: String = text.trim().chars().map(fold).collect();
    if folded.is_empty() {
        return Err(NumberError::Empty);
    }
    let plain = folded
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !plain || !folded.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    match folded.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v + 0.0),
        Ok(_) => Err(NumberError::NotFinite),
        Err(_) => Err(NumberError::NotANumber),
    }
}
