//! The token cursor that the grammar rules share, and the small pieces every rule uses:
//! words, counts, years, month names.
//!
//! Rules are plain functions from a token index to `Option<(T, next index)>`, in the
//! style of parser combinators, so each reads like the phrase it matches.

use crate::spec::YearSource;
use crate::token::{Kind, Token, tokenize};
use crate::{Context, Date, words};

#[derive(Debug)]
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    pub ctx: &'a Context<'a>,
}

/// The first year a named year ("in 1979") may be, and the last.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, ctx: &'a Context<'a>) -> Parser<'a> {
        Parser {
            text,
            toks: tokenize(text),
            ctx,
        }
    }

    pub fn reference(&self) -> Date {
        self.ctx.reference
    }

    pub fn ref_year(&self) -> i32 {
        i32::from(self.ctx.reference.year())
    }

    pub fn norm(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| t.norm.as_str())
    }

    pub fn word(&self, i: usize, word: &str) -> Option<usize> {
        (self.norm(i)? == word).then_some(i + 1)
    }

    /// Several words (or punctuation marks) in a row.
    pub fn words(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().try_fold(i, |j, w| self.word(j, w))
    }

    /// The first of several alternatives that matches.
    pub fn either(&self, i: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases.iter().find_map(|p| self.words(i, p))
    }

    pub fn opt(&self, i: usize, word: &str) -> usize {
        self.word(i, word).unwrap_or(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    pub fn number(&self, i: usize) -> Option<(u64, usize)> {
        match self.toks.get(i)?.kind {
            Kind::Number {
                value: Some(v),
                plain: true,
            } => Some((v, i + 1)),
            _ => None,
        }
    }

    pub fn any_number(&self, i: usize) -> Option<usize> {
        matches!(self.toks.get(i)?.kind, Kind::Number { .. }).then_some(i + 1)
    }

    pub fn digits(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.text.len())
    }

    /// "six", "6", "twelve": a small count.
    pub fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, j)) = self.number(i) {
            return (1..=120).contains(&n).then_some((n as u32, j));
        }
        Some((words::count(self.norm(i)?)?, i + 1))
    }

    /// A four-digit year in [`YEARS`].
    pub fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (n, j) = self.number(i)?;
        let year = i32::try_from(n).ok()?;
        (self.digits(i) == 4 && YEARS.contains(&year)).then_some((year, j))
    }

    /// "2022", "this year", "last year", "the year before last", "next year", "the year".
    pub fn year_ref(&self, i: usize) -> Option<((i32, YearSource), usize)> {
        if let Some((y, j)) = self.year(i) {
            return Some(((y, YearSource::Named), j));
        }
        let this = self.ref_year();
        let relative = [
            (
                &["the", "year", "before", "last"][..],
                this - 2,
                YearSource::BeforeLast,
            ),
            (&["this", "year"], this, YearSource::This),
            (&["last", "year"], this - 1, YearSource::Last),
            (&["next", "year"], this + 1, YearSource::Next),
            (&["the", "year"], this, YearSource::This),
        ];
        relative
            .iter()
            .find_map(|(words, y, src)| Some(((*y, *src), self.words(i, words)?)))
    }

    /// A month name, with the full stop of an abbreviation ("Sept.").
    pub fn month(&self, i: usize) -> Option<(i8, usize)> {
        let tok = self.toks.get(i)?;
        let month = words::month(&tok.norm, tok.is_capitalised())?;
        let dot = words::is_abbreviated_month(&tok.norm) && self.glued(i + 1);
        let j = if dot { self.opt(i + 1, ".") } else { i + 1 };
        Some((month, j))
    }

    /// A day of the month: "12", "12th", "1st".
    pub fn day_number(&self, i: usize) -> Option<(i8, usize)> {
        let (n, j) = self.number(i)?;
        let day = i8::try_from(n).ok().filter(|d| (1..=31).contains(d))?;
        let suffix = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| self.norm(j) == Some(s));
        Some((day, if suffix && self.glued(j) { j + 1 } else { j }))
    }

    pub fn text_of(&self, from: usize, to: usize) -> &'a str {
        match (
            self.toks.get(from),
            to.checked_sub(1).and_then(|k| self.toks.get(k)),
        ) {
            (Some(a), Some(b)) if a.span.start <= b.span.end => {
                &self.text[a.span.start..b.span.end]
            }
            _ => "",
        }
    }

    /// Punctuation that ends a clause.
    pub fn is_boundary(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_none_or(|t| t.kind == Kind::Punct && !matches!(t.norm.as_str(), "-" | "'" | "&"))
    }
}
