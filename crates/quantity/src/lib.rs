//! Quantities in running text.
//!
//! A fact-checker reads "more than 8,000", "nearly twice", "a third", "60 per cent" and
//! "fell by a quarter" as numbers with a qualifier and a precision. This crate finds such
//! expressions in a sentence and returns them as [`Quantity`] values, each with the byte span
//! it came from. It knows nothing of what is counted or of any table: that is `extract`'s job.
//!
//! The entry point is [`find`]. It never fails: text without quantities yields an empty list.
//!
//! # Readings worth knowing
//!
//! - Precision of an integer counts trailing zeros as rounding ("8,000" → 1000, "2920" → 10);
//!   number words below twenty are exact ("ten" → 1). Percentages written as integers have
//!   precision 1 ("60%" → 1, not 10); with decimals, the last decimal ("2.5%" → 0.1).
//! - "half a million" is a count of 500,000 with precision 100,000, as if "0.5 million".
//! - "the majority" and "most of" (only when followed by "of", and not "of the time") are
//!   fractions of 0.5 with [`Qualifier::MoreThan`] and precision 0. "The vast majority" (also
//!   "overwhelming", "great", "large") is 0.75, vague, more than. "A minority" is 0.5, less than.
//! - Fractions and shares carry precision 1/denominator ("a third" → 1/3, "four in ten" → 0.1).
//! - "8,000 or more" is [`Qualifier::AtLeast`]; "8,000-plus" and "8,000+" are
//!   [`Qualifier::MoreThan`]; "40-odd" and "50 or so" are [`Qualifier::About`].
//! - A direction is read from a verb or adverb before the number ("rose 60%", "fell sharply by
//!   a third", "up 40 per cent"), from "an increase of", from a word after it ("60 per cent
//!   higher", "31% fewer", "a 300 per cent increase") or from a sign ("+5%"). These words are
//!   part of [`Quantity::span`]; "fell to 900" gives no direction, since 900 is a level.
//! - A bare four-digit integer from 1800 to 2100 is a year unless a qualifier such as "more
//!   than", "at least" or "nearly" comes before it, so "around 2000 people" is missed.
//! - "one" is a count only when it is not a pronoun: "one person" yes; "one of the", "the
//!   only one", "no one" no.
//! - A number followed by a time unit ("six months", "almost 2 decades", "a 12-month pilot")
//!   is a duration and is skipped; so are numbers in compounds such as "two-child" or "one-off".

use std::ops::Range;

use serde::Serialize;

mod ages;
mod context;
mod lexicon;
mod noise;
mod numeral;
mod readers;
mod scan;
mod token;

#[cfg(test)]
mod tests;

/// A quantity as written in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Byte range of the whole expression, qualifier and unit words included
    /// ("more than 8,000", "60 per cent", "a third", "down 36%").
    pub span: Range<usize>,
    /// Byte range of the number itself ("8,000", "60", "a third", "twice").
    pub number_span: Range<usize>,
    /// The value: 8000.0 for "8,000"; 60.0 for "60 per cent"; 0.25 for "a quarter" or
    /// "one in four"; 2.0 for "twice" or "doubled"; 2_100_000.0 for "2.1 million".
    pub value: f64,
    /// What sort of number it is.
    pub kind: Kind,
    /// The qualifier written before (or after) the number.
    pub qualifier: Qualifier,
    /// The unit of the last significant digit as written: 1000.0 for "8,000", 1.0 for
    /// "2,148", 100_000.0 for "2.1 million", 1.0 for "36%", 0.1 for "2.5%". For fractions
    /// and multiples written in words it is the value's own granularity (0.0 when unknown).
    pub precision: f64,
    /// Set for vague magnitudes: "thousands" (value 2000.0), "hundreds" (200.0),
    /// "dozens" (24.0), "tens of thousands" (20_000.0). The value is the smallest the word allows.
    pub vague: bool,
    /// For changes: the direction the text gives ("up 40 per cent", "fell 25%",
    /// "a 300 per cent increase", "doubled", "halved", "down by a quarter").
    pub direction: Option<Direction>,
    /// For a count given as a rate: "120 a day", "1,000 people a week", "40,000 every year".
    pub per: Option<Per>,
}

/// The stretch of time a rate is counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Day,
    Week,
    Month,
    Year,
}

impl Per {
    /// Its length in days, on average.
    pub fn days(self) -> f64 {
        match self {
            Per::Day => 1.0,
            Per::Week => 7.0,
            Per::Month => 365.25 / 12.0,
            Per::Year => 365.25,
        }
    }

    /// "day", "week", "month", "year".
    pub fn word(self) -> &'static str {
        match self {
            Per::Day => "day",
            Per::Week => "week",
            Per::Month => "month",
            Per::Year => "year",
        }
    }
}

impl Quantity {
    /// A percentage or fraction with no direction: a share ("45% were Albanian"), not a
    /// change ("up 45%").
    pub fn is_share(&self) -> bool {
        matches!(self.kind, Kind::Percent | Kind::Fraction) && self.direction.is_none()
    }
}

/// What sort of number a [`Quantity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A count of things: "8,000", "2.1 million", "thousands".
    Count,
    /// A percentage: "60 per cent", "36%", "60pc". The value is in percent (60.0).
    Percent,
    /// A fraction written as such: "a third", "half", "one in four", "two-thirds",
    /// "three-quarters", "the vast majority" (0.75, vague), "the majority" (0.5, more than).
    Fraction,
    /// A multiple: "twice", "six times", "doubled", "tripled", "halved" (0.5).
    Multiple,
    /// Money: "£4.7 million", "$100". Found so that it is not taken for a count.
    Money,
}

/// The qualifier a quantity is stated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier, or "exactly", "just" (as in "just 888"), "only".
    Exact,
    /// "about", "around", "some", "roughly", "approximately", "an estimated", "circa", "c.".
    About,
    /// "more than", "over", "above", "in excess of", "upwards of".
    MoreThan,
    /// "at least", "no fewer than", "no less than", "a minimum of".
    AtLeast,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "up to", "at most", "no more than", "a maximum of".
    AtMost,
    /// "nearly", "almost", "just under", "close to", "approaching", "getting on for".
    Nearly,
    /// "just over", "a little over", "slightly more than".
    JustOver,
}

/// Direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// Finds every quantity in `text`, in order of position.
///
/// Years ("2022", "in 2019"), quarters ("Q3"), days of the month ("16 May"), clock times,
/// ordinals ("first", "2nd"), and identifiers ("rule 39", "Article 8", "Covid-19") are not
/// quantities and are skipped. Age bands ("aged 18 to 39", "under 18", "over-40s") are not
/// quantities either: see [`find_ages`].
pub fn find(text: &str) -> Vec<Quantity> {
    let tokens = token::Tokens::new(text);
    let ages: Vec<Range<usize>> = ages::find(&tokens).into_iter().map(|a| a.span).collect();
    scan::find(&tokens, &ages)
}

/// An age band named in the text: "aged 18 to 39", "under 18", "over 40", "under-18s",
/// "18 and over", "children" is not one (no number).
///
/// "Over 40" is strict (min 41), but the plural noun "the over-65s" follows usage (min 65).
/// "Under 18" and "over 40" with no sign of age ("over 40 people", "under 18 per cent") are
/// not bands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeBand {
    pub span: Range<usize>,
    /// Lowest age included, if bounded below.
    pub min: Option<u32>,
    /// Highest age included, if bounded above ("under 18" has max 17).
    pub max: Option<u32>,
}

/// A whole number below a hundred written as a word or in digits: "twelve" → 12,
/// "forty" → 40, "12" → 12.
pub fn small_number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n < 100).then_some(n);
    }
    let word = word.to_ascii_lowercase();
    let unit = lexicon::UNITS.iter().position(|u| *u == word);
    let ten = lexicon::TENS.iter().position(|t| *t == word);
    unit.map(|u| u as u32).or(ten.map(|t| (t as u32 + 2) * 10))
}

/// Finds the age bands in `text`, in order of position.
pub fn find_ages(text: &str) -> Vec<AgeBand> {
    ages::find(&token::Tokens::new(text))
}
