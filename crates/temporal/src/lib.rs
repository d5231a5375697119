//! Time expressions in running text, resolved to periods of days.
//!
//! Claims about statistics are about periods: "in 2022", "between Q4 of 2020 and Q3 of
//! 2022", "since the end of last year", "the year ending March 2022", "so far this year".
//! Most of them are relative to a reference date (when the words were said or published),
//! which is always an input here: nothing in this crate reads the clock.
//!
//! The entry point is [`find`]. It never fails: text without time expressions yields an empty
//! list, and an expression it cannot resolve ("since the election", with no such event in the
//! table of [`Event`]s) comes back as [`Value::Unresolved`] saying what was missing.
//!
//! # How expressions are read
//!
//! Text is split into tokens (`token`), and at each token the rules for cue words
//! (`grammar`, `since`, `ranges`) try to match; the longest match wins and the scan goes on
//! after it. After a cue come calendar units whose year may be missing (`units`, `spec`) or
//! phrases that are periods of their own (`phrases`), or a named event (`events`).
//!
//! # Choices
//!
//! Where English leaves the period open, this crate decides as follows.
//!
//! - "this year", "so far this year", "this year alone", "this month": from the first day to
//!   the reference date, `open`. "so far in 2021" said in 2022 is the whole of 2021.
//! - "the past three years", "the previous three years (combined)", "the last 3 years": the
//!   three whole calendar years before the reference year. But "the past year", "the last
//!   year" and "the past 12 months" are the 12 months up to the reference date, `open`; so is
//!   "the last six months" for six.
//! - "a year ago", "a year earlier", "the year before", "two years earlier": [`Value::Relative`].
//!   "five years ago" and "a decade ago" are the calendar year that many years back.
//! - "since X": from the first day of X (a fuzzy day for "the end of last year", which is
//!   December) to the reference date, `open`. "since" an event starts on the event's first
//!   day, even for an event with an end. Only "since" yields [`Value::Unresolved`], and
//!   "during my time as Home Secretary" when the speaker is not known to have held the office.
//! - "up to X", "until X", "by X": from 1 January of X's year to the end of X ("up to 12
//!   September" is year to date; "until 2020" is 2020).
//! - "the end of 2022" is December 2022 as one fuzzy day; "the start of 2022" is 1 January;
//!   "the end of June" is 30 June.
//! - "2022/23", "2022-23", "2019/2020", "FY22/23", "the financial year 2022 to 2023": the UK
//!   financial year, 1 April to 31 March. "2018-21" and "2020-2021" are calendar years.
//! - A unit without a year: the second end of a range takes the reference year and the first
//!   end takes the second's ("December to February 2023" starts in December 2022); "the third
//!   quarter", "the first nine months" and "up to 12 September" take the reference year; a
//!   lone month, day or season ("in March", "since 13 December", "over the summer") is the
//!   latest one begun by the reference date; the end of a rolling year ("the 12 months to
//!   June") is the latest one ended before it. "last June" is the latest June before the
//!   reference month.
//! - "in just six months", "in the five months since ...": about that many months to the
//!   reference date; the start is fuzzy by 15 days either side.
//! - Seasons are meteorological, northern hemisphere: spring March–May, summer June–August,
//!   autumn September–November, but begin on a fuzzy day from the first of their first month
//!   to the first of the next (summer begins with June by the Met Office's calendar, on 21
//!   June by the astronomical one, with July and the school holidays in common use). Winter,
//!   which spans two years, is not read.
//! - A bare four-digit number is a year only after a cue word, before a month or quarter, as
//!   the subject of a clause ("2022 saw"), after "the" before a noun such as "level", in a
//!   list after another year, or at the start of a sentence; and never before a counted noun
//!   ("in 2000 cases") or after a currency sign.
//! - An event is named when one of its aliases appears as whole words in the clause after the
//!   cue. Among several, the one in a year named nearby ("last year") wins, then the latest
//!   that has begun by the reference date.

mod calendar;
mod events;
mod grammar;
mod parser;
mod phrases;
mod ranges;
mod since;
mod spec;
mod token;
mod units;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use grammar::OVERTAKE;
pub use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a resolution is relative to.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The reference date: "last year" is the calendar year before this date's year.
    pub reference: Date,
    /// Dated events that expressions may name ("since the communique was agreed").
    pub events: &'a [Event],
    /// Who is speaking, as named ("Jane Example MP"), when known: "my time as Home
    /// Secretary" is that person's term.
    pub speaker: Option<&'a str>,
}

/// A dated event from the project's table of events (kept as data, not code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// A short name for reports: "UK-Albania joint communiqué".
    pub name: String,
    /// Lower-case phrases that name the event in text: "communique", "communiqué",
    /// "deal with albania", "rishi sunak has been in power", "sunak became prime minister".
    pub aliases: Vec<String>,
    /// The day it happened, or began.
    pub start: Date,
    /// The day it ended, for spans such as a government's term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Phrases that name the event only in a sentence that also names what it is about:
    /// "the deal" is the UK-Albania communiqué in a sentence about Albania.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generic: Vec<String>,
    /// Lower-case words, any of which makes the `generic` phrases name the event: "albania",
    /// "albanians".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    /// Lower-case words for what the event changed ("returned", "removals", "flights"): a
    /// claim that states no period, speaks of what is going on now ("are returning", "have
    /// been removed"), names what the event is `about` and uses one of these words is read
    /// as counting since the event, while it is recent ([`in_force`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<String>,
    /// For a term of office, who held it ("Jane Example") and the office ("Home
    /// Secretary"). In the holder's own words, "my time as Home Secretary" and "since I became
    /// Home Secretary" name the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
}

impl Event {
    /// True when `speaker` ("Jane Example MP (former Home Secretary)", "Ms Example") names
    /// the holder of this term: every word of the holder's name, or a title and the surname.
    pub fn held_by(&self, speaker: &str) -> bool {
        let Some(holder) = &self.holder else {
            return false;
        };
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let (holder, speaker) = (words(holder), words(speaker));
        let whole = !holder.is_empty() && holder.iter().all(|w| speaker.contains(w));
        let titled = match (holder.last(), speaker.as_slice()) {
            (Some(surname), [title, name]) => TITLES.contains(&title.as_str()) && name == surname,
            _ => false,
        };
        whole || titled
    }

    /// The term as a period: closed when it has ended by `reference`, else up to it.
    pub fn term(&self, reference: Date) -> Period {
        let name = &self.name;
        match self.end.filter(|end| *end <= reference) {
            Some(end) => calendar::closed(
                self.start,
                end,
                format!(
                    "{name}, {} to {}",
                    calendar::long(self.start),
                    calendar::long(end)
                ),
            ),
            None => calendar::to_date(
                Day::exact(self.start),
                reference,
                format!(
                    "{name} from {} until the reference date {}",
                    calendar::long(self.start),
                    calendar::long(reference)
                ),
            ),
        }
    }
}

/// Titles a speaker may be named by with their surname alone ("Ms Example").
const TITLES: [&str; 8] = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord"];

/// The term of office `speaker` held most recently as of `reference` (the latest to begin by
/// then), for a claim about their own record that states no period ("I oversaw ...").
pub fn term_of<'e>(events: &'e [Event], speaker: &str, reference: Date) -> Option<&'e Event> {
    events
        .iter()
        .filter(|e| e.office.is_some() && e.start <= reference && e.held_by(speaker))
        .max_by_key(|e| e.start)
}

/// How long after it began an event is still what a claim about "now" is measured from.
pub const IN_FORCE_DAYS: i32 = 365;

/// The event that a claim stating no period, about what is going on now, counts from: one
/// that began at most [`IN_FORCE_DAYS`] before `reference` and has not ended, whose `about`
/// and `concerns` words both appear among `words` (lower case). "Thousands of Examplelanders
/// are being returned", said four months after a returns pact with Exampleland, counts since
/// the pact. The latest such event wins.
pub fn in_force<'e>(events: &'e [Event], words: &[String], reference: Date) -> Option<&'e Event> {
    let has = |list: &[String]| list.iter().any(|w| words.contains(w));
    events
        .iter()
        .filter(|e| {
            e.start <= reference
                && (e.start.until(reference).ok())
                    .is_some_and(|span| span.get_days() <= IN_FORCE_DAYS)
                && e.end.is_none_or(|end| end > reference)
                && has(&e.about)
                && has(&e.concerns)
        })
        .max_by_key(|e| e.start)
}

/// Reads a table of events from JSON: `[{"name": ..., "aliases": [...], "start": "2022-12-13"}]`.
pub fn parse_events(json: &str) -> Result<Vec<Event>, Error> {
    serde_json::from_str(json).map_err(|e| Error::Events(e.to_string()))
}

/// The one error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the table of events is not valid: {0}")]
    Events(String),
}

/// A day known only to within a range of days, both ends inclusive.
///
/// "16 May 2023" is exact (`earliest == latest`); "the end of last year" said in 2023 is
/// 1 to 31 December 2022; "last month" said on 16 May 2023, used as the time of a statement,
/// is 1 to 30 April 2023.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Day {
    pub earliest: Date,
    pub latest: Date,
}

impl Day {
    /// A day known exactly.
    pub fn exact(date: Date) -> Day {
        Day {
            earliest: date,
            latest: date,
        }
    }
}

impl Period {
    /// Whole days from the earliest start to the latest end: 0 for one day, 364 for a
    /// calendar year.
    pub fn days(&self) -> i64 {
        self.end
            .latest
            .since(self.start.earliest)
            .map_or(0, |s| i64::from(s.get_days()))
    }

    /// The same stretch of days `years` years earlier (later, for a negative count), closed,
    /// with the derivation given; `None` past the ends of the calendar.
    pub fn years_earlier(&self, years: i32, derivation: String) -> Option<Period> {
        let shift = |d: Date| d.checked_sub(jiff::Span::new().years(years)).ok();
        let day = |d: Day| {
            Some(Day {
                earliest: shift(d.earliest)?,
                latest: shift(d.latest)?,
            })
        };
        Some(Period {
            start: day(self.start)?,
            end: day(self.end)?,
            open: false,
            derivation,
        })
    }
}

/// A period of days, both ends inclusive, each end possibly fuzzy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Day,
    pub end: Day,
    /// True when the period runs up to the time of speaking ("since 2018", "so far this
    /// year", "this year alone"): `end` is then the reference date, and a caller that knows
    /// a better time of speaking may replace it.
    pub open: bool,
    /// How the period was worked out, in one plain phrase for a reader:
    /// "December 2022 (the end of the year before 16 May 2023) to 16 May 2023".
    pub derivation: String,
}

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Byte range of the whole expression, cue words included ("since the end of last year",
    /// "between Q4 of 2020 and Q3 of 2022", "compared with 2015").
    pub span: Range<usize>,
    /// The word or words that govern the expression.
    pub cue: Cue,
    pub value: Value,
}

/// The words that govern a time expression, which tell its role in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// No cue word, or "in", "during", "over", "for", "of".
    None,
    /// "since", "since the start of", "from ... onwards".
    Since,
    /// "between X and Y", "from X to Y".
    Between,
    /// "up to", "until", "to" (as in "the 12 months to June").
    Until,
    /// A comparison base: "compared with", "compared to", "than", "than in", "on" (as in
    /// "up 40 per cent on 2019"), "versus", "vs", "against", "from" (as in "down from 24,000
    /// in 2019").
    Compared,
}

/// What a time expression means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Value {
    /// A resolved period.
    Period(Period),
    /// A reference back to a period named earlier: "in that time", "over the same period",
    /// "during this period", "in those years".
    BackReference,
    /// A period given relative to another one named nearby: "the previous year", "the year
    /// before", "a year earlier", "the same period last year" (`years_back: 1`).
    Relative { years_back: i32 },
    /// An expression that names something this crate cannot date: "since the election" when
    /// the table of events has no election; `what` is "the election".
    Unresolved { what: String },
}

/// Finds every time expression in `text`, in order of position, resolved against `context`.
pub fn find(text: &str, context: &Context<'_>) -> Vec<TimeExpr> {
    grammar::find(&parser::Parser::new(text, context))
}
