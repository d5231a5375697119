//! "since ...": from the start of a unit, a period or a named event up to the reference
//! date, or, when the thing named cannot be dated, an unresolved value saying what it was.
//!
//! "since" is the cue most often followed by something that is not a date ("since the
//! election", "since I launched the plan"), so it alone reports what it could not resolve.

use crate::calendar::{long, long_day, to_date, ymd};
use crate::grammar::{Core, Found};
use crate::parser::Parser;
use crate::spec::Missing;
use crate::token::Kind;
use crate::{Cue, Day, Period, Value, words};

impl Parser<'_> {
    /// "since 2020", "since the end of last year", "since the communique was agreed".
    pub(crate) fn since(&self, i: usize) -> Option<(Found, usize)> {
        let j = self.either(i, &[&["ever", "since"], &["since"]])?;
        let since = |value, end| {
            Some((
                Found {
                    cue: Cue::Since,
                    value,
                },
                end,
            ))
        };
        if let Some(k) = self.words(j, &["records", "began"]) {
            return match self.word(k, "in").and_then(|k| self.year(k)) {
                Some((y, end)) => since(
                    Value::Period(self.since_period(self.year_start(y)?, j, end)),
                    end,
                ),
                None => since(
                    Value::Unresolved {
                        what: "records began".into(),
                    },
                    k,
                ),
            };
        }
        if let Some(found) = self.event(j, false) {
            return since(
                Value::Period(self.since_event(found.event)),
                self.verb_after(found.end).unwrap_or(found.end),
            );
        }
        if let Some((what, end)) = self.unheld_term(j) {
            return since(Value::Unresolved { what }, end);
        }
        if let Some((core, end)) = self.core(j, true) {
            let value = match core {
                Core::Value(v @ (Value::BackReference | Value::Relative { .. }), _) => v,
                core => Value::Period(self.since_period(
                    self.period(core, Missing::Begun)?.start,
                    j,
                    end,
                )),
            };
            return since(value, end);
        }
        let end = self.unnamed(j)?;
        since(
            Value::Unresolved {
                what: self.text_of(j, end).to_string(),
            },
            end,
        )
    }

    fn year_start(&self, year: i32) -> Option<Day> {
        Some(Day::exact(ymd(year, 1, 1)?))
    }

    pub(crate) fn since_period(&self, start: Day, from: usize, to: usize) -> Period {
        let r = self.reference();
        let d = format!(
            "{} (\"{}\") until {}",
            long_day(start),
            self.text_of(from, to),
            long(r)
        );
        to_date(start, r, d)
    }

    /// Something named after "since" that is not in the table of events: "the election",
    /// "the plan was launched", "Brexit", "then".
    fn unnamed(&self, j: usize) -> Option<usize> {
        if self.word(j, "then").is_some() {
            return Some(j + 1);
        }
        let tok = self.toks.get(j)?;
        let proper = tok.kind == Kind::Word && tok.is_capitalised() && tok.norm != "i";
        let mut k = if words::is_determiner(&tok.norm) {
            j + 1
        } else if proper {
            j
        } else {
            return None;
        };
        let first = k;
        while k < first + 6
            && self.is_word(k)
            && !words::ends_noun_phrase(self.norm(k)?)
            && !is_past(self.norm(k)?)
            && !self.is_boundary(k)
        {
            k += 1;
        }
        if k > first { self.verb_after(k) } else { None }
    }

    /// The end of "was launched", "has been in power", "began" after a named thing, or
    /// `None` when the verb shows "since" means "because" ("since the price was lower").
    pub(crate) fn verb_after(&self, k: usize) -> Option<usize> {
        let perfect = [&["has", "been"][..], &["had", "been"], &["have", "been"]];
        if let Some(v) = self.either(k, &perfect).filter(|&v| self.is_word(v)) {
            let place = matches!(self.norm(v), Some("in" | "at")) && self.is_word(v + 1);
            return Some(if place { v + 2 } else { v + 1 });
        }
        if let Some(v) = self.either(k, &[&["was"], &["were"], &["is"], &["are"]]) {
            return self.norm(v).filter(|w| is_participle(w)).map(|_| v + 1);
        }
        match self.norm(k) {
            Some(w) if is_past(w) => Some(k + 1),
            _ => Some(k),
        }
    }
}

fn is_past(word: &str) -> bool {
    word.ends_with("ed") || matches!(word, "began" | "came" | "took" | "won")
}

fn is_participle(word: &str) -> bool {
    word.ends_with("ed")
        || word.ends_with("en")
        || matches!(
            word,
            "made"
                | "held"
                | "won"
                | "set"
                | "built"
                | "begun"
                | "put"
                | "struck"
                | "done"
                | "brought"
        )
}
