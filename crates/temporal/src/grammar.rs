//! The cue words that govern a time expression ("since", "between ... and", "up to",
//! "compared with", "in") and the scan over the text that tries them at every word.
//!
//! A cue decides what its expression means as much as the words after it do: "2020" is a
//! year, "since 2020" runs to the reference date, "up to 12 September" starts on 1 January,
//! and a unit without a year takes one from its partner in "July to September 2022".

use crate::calendar::{long, long_day, to_date, ymd};
use crate::parser::Parser;
use crate::spec::{Missing, Spec, Unit};
use crate::units::longest;
use crate::{Cue, Day, Period, TimeExpr, Value, words};

/// What a rule found: the value and its cue.
#[derive(Debug)]
pub(crate) struct Found {
    pub cue: Cue,
    pub value: Value,
}

/// What follows a cue: a calendar unit (year maybe missing), or a finished value.
#[derive(Debug)]
pub(crate) enum Core {
    Spec(Spec),
    Value(Value, Option<Cue>),
}

const PLAIN_CUES: [&str; 11] = [
    "in",
    "during",
    "over",
    "for",
    "throughout",
    "across",
    "within",
    "of",
    "at",
    "under",
    "from",
];

const COUNTED: [&str; 20] = [
    "people",
    "cases",
    "migrants",
    "men",
    "women",
    "children",
    "refugees",
    "persons",
    "applications",
    "arrivals",
    "crossings",
    "boats",
    "returns",
    "deaths",
    "individuals",
    "households",
    "jobs",
    "homes",
    "per",
    "times",
];

pub(crate) fn find(parser: &Parser<'_>) -> Vec<TimeExpr> {
    let mut found = Vec::new();
    let mut last_end = None;
    let mut i = 0;
    while i < parser.toks.len() {
        match parser.expr(i, last_end).filter(|(_, end)| *end > i) {
            Some((f, end)) => {
                found.push(parser.time_expr(i, end, f));
                last_end = Some(end);
                i = end;
            }
            None => i = parser.impossible(i).unwrap_or(i + 1),
        }
    }
    found
}

impl Parser<'_> {
    fn time_expr(&self, start: usize, end: usize, f: Found) -> TimeExpr {
        let span = self.toks[start].span.start..self.toks[end - 1].span.end;
        TimeExpr {
            span,
            cue: f.cue,
            value: f.value,
        }
    }

    fn expr(&self, i: usize, last_end: Option<usize>) -> Option<(Found, usize)> {
        longest([
            self.since(i),
            self.between(i),
            self.until(i),
            self.compared(i),
            self.base_after_quantity(i),
            self.in_months(i),
            self.plain(i),
            self.bare(i, last_end),
        ])
    }

    pub(crate) fn core(&self, i: usize, cued: bool) -> Option<(Core, usize)> {
        longest([
            self.spec(i, cued).map(|(s, e)| (Core::Spec(s), e)),
            self.phrase(i, cued)
                .map(|((v, c), e)| (Core::Value(v, c), e)),
            self.whole_of(i, cued),
            self.month_range(i, cued)
                .map(|(p, e)| (Core::Value(Value::Period(p), None), e)),
        ])
    }

    /// "the whole of last year", "all of 2022": the same as what follows.
    fn whole_of(&self, i: usize, cued: bool) -> Option<(Core, usize)> {
        let j = self.either(i, &[&["the", "whole", "of"], &["all", "of"]])?;
        self.core(j, cued)
    }

    /// One end of a range: a unit or a period, not itself a range.
    pub(crate) fn endpoint(&self, i: usize) -> Option<(Core, usize)> {
        longest([
            self.spec(i, true).map(|(s, e)| (Core::Spec(s), e)),
            self.phrase(i, true)
                .map(|((v, c), e)| (Core::Value(v, c), e)),
        ])
    }

    /// A calendar unit that reads as a date but is not one ("31 February 2023"): its end.
    fn impossible(&self, i: usize) -> Option<usize> {
        let (spec, end) = self.spec(i, false)?;
        spec.resolve(self.reference(), Missing::ReferenceYear)
            .is_none()
            .then_some(end)
    }

    /// A core resolved on its own, with the cue it carries ("the year to June": until).
    pub(crate) fn standalone(&self, core: Core) -> Option<(Value, Option<Cue>)> {
        match core {
            Core::Spec(spec) => {
                let missing = if spec.prefers_begun() {
                    Missing::Begun
                } else {
                    Missing::ReferenceYear
                };
                Some((
                    Value::Period(spec.resolve(self.reference(), missing)?),
                    None,
                ))
            }
            Core::Value(v, cue) => Some((v, cue)),
        }
    }

    /// A core that is a period, or is resolved to one with `missing`.
    pub(crate) fn period(&self, core: Core, missing: Missing) -> Option<Period> {
        match core {
            Core::Spec(spec) => spec.resolve(self.reference(), missing),
            Core::Value(Value::Period(p), _) => Some(p),
            Core::Value(..) => None,
        }
    }

    /// A cued core with nothing more to it: "in 2022", "over the summer", "2022 saw".
    fn plain(&self, i: usize) -> Option<(Found, usize)> {
        if let Some(term) = self.thanks_to(i) {
            return Some(term);
        }
        let word = self.norm(i).filter(|w| PLAIN_CUES.contains(w))?;
        if let Some((core, end)) = self
            .core(i + 1, true)
            .filter(|(c, e)| self.counts_nothing(c, i + 1, *e))
        {
            let (value, cue) = self.standalone(core)?;
            return Some((
                Found {
                    cue: cue.unwrap_or(Cue::None),
                    value,
                },
                end,
            ));
        }
        if !matches!(word, "during" | "under" | "throughout" | "in") {
            return None;
        }
        // "In my time as Home Secretary", but not "in the election".
        let Some(found) = self
            .event(i + 1, true)
            .filter(|f| word != "in" || f.event.office.is_some())
        else {
            let (what, end) = self.unheld_term(i + 1)?;
            return Some((
                Found {
                    cue: Cue::None,
                    value: Value::Unresolved { what },
                },
                end,
            ));
        };
        Some(self.during(&found))
    }

    /// "Thanks to this Home Secretary": what was done during the term of the office holder
    /// named, as "under" would say.
    fn thanks_to(&self, i: usize) -> Option<(Found, usize)> {
        let j = self.words(i, &["thanks", "to"])?;
        let found = self.event(j, true).filter(|f| f.event.office.is_some())?;
        Some(self.during(&found))
    }

    /// The time an event found lasted, and where its name ends.
    fn during(&self, found: &crate::events::Found<'_>) -> (Found, usize) {
        let value = Value::Period(self.during_event(found.event));
        (
            Found {
                cue: Cue::None,
                value,
            },
            found.end,
        )
    }

    /// A plain year followed by a counted noun is a count: "in 2000 cases".
    pub(crate) fn counts_nothing(&self, core: &Core, i: usize, end: usize) -> bool {
        let plain_year = matches!(core, Core::Spec(s) if s.unit == Unit::Year) && end == i + 1;
        let counted = self
            .norm(end)
            .is_some_and(|w| COUNTED.contains(&w) || w == "%");
        let money = i
            .checked_sub(1)
            .and_then(|k| self.norm(k))
            .is_some_and(|w| matches!(w, "£" | "$" | "€"));
        !(plain_year && (counted || money))
    }

    /// A core with no cue. A lone year needs support from its place in the sentence.
    fn bare(&self, i: usize, last_end: Option<usize>) -> Option<(Found, usize)> {
        let (core, end) = self.core(i, false)?;
        let lone_year = matches!(&core, Core::Spec(s) if s.unit == Unit::Year) && end == i + 1;
        if lone_year && !self.year_stands_alone(i, last_end) {
            return None;
        }
        if !self.counts_nothing(&core, i, end) {
            return None;
        }
        let (value, cue) = self.standalone(core)?;
        Some((
            Found {
                cue: cue.unwrap_or(Cue::None),
                value,
            },
            end,
        ))
    }

    /// "2022 saw", "2016 compared with", "In 2019, 2020 and 2021", a year opening a sentence.
    fn year_stands_alone(&self, i: usize, last_end: Option<usize>) -> bool {
        let in_range = self
            .number(i)
            .is_some_and(|(y, _)| (1990..=2100).contains(&y));
        let after_number = i
            .checked_sub(1)
            .is_some_and(|k| self.any_number(k).is_some());
        let after_word = i.checked_sub(1).is_some_and(|k| self.is_word(k));
        let starts = i == 0
            || self
                .norm(i - 1)
                .is_some_and(|w| matches!(w, "." | "!" | "?" | ";" | ":" | "(" | "\"" | "'" | "["));
        let subject = self.norm(i + 1).is_some_and(words::follows_subject_year);
        let attributive = i
            .checked_sub(1)
            .is_some_and(|k| self.word(k, "the").is_some())
            && self
                .norm(i + 1)
                .is_some_and(words::follows_attributive_year);
        let listed = last_end.is_some_and(|k| {
            k < i && (k..i).all(|t| matches!(self.norm(t), Some("," | "and" | "or" | "&")))
        });
        in_range && !after_number && (starts || listed || attributive || subject && !after_word)
    }

    /// "up to 12 September", "up to and including Monday, September 12", "by the end of June".
    fn until(&self, i: usize) -> Option<(Found, usize)> {
        let cues: [&[&str]; 6] = [
            &["up", "to", "and", "including"],
            &["up", "to"],
            &["up", "until"],
            &["until"],
            &["till"],
            &["by"],
        ];
        let j = self.either(i, &cues)?;
        let (core, end) = self.core(j, true)?;
        let p = self.period(core, Missing::ReferenceYear)?;
        let start = ymd(i32::from(p.end.latest.year()), 1, 1)?;
        let d = format!(
            "1 January {} up to {} (\"{}\")",
            start.year(),
            long_day(p.end),
            self.text_of(j, end)
        );
        let p = Period {
            start: Day::exact(start),
            end: p.end,
            open: false,
            derivation: d,
        };
        Some((
            Found {
                cue: Cue::Until,
                value: Value::Period(p),
            },
            end,
        ))
    }

    /// "compared with 2015", "than in 2019", "up 40 per cent on 2019", "versus last year".
    fn compared(&self, i: usize) -> Option<(Found, usize)> {
        let cues: [&[&str]; 15] = [
            &["compared", "with"],
            &["compared", "to"],
            &["in", "comparison", "with"],
            &["in", "comparison", "to"],
            &["than", "in"],
            &["than", "for"],
            &["than", "during"],
            &["than", "under"],
            &["than", "at"],
            &["than"],
            &["versus"],
            &["vs", "."],
            &["vs"],
            &["against"],
            &["on"],
        ];
        // "Has overtaken the total for the whole of 2020", "surpassed last year's": what is
        // overtaken is the base.
        let overtaking = i > 0 && self.norm(i - 1).is_some_and(|w| OVERTAKE.contains(&w));
        let j = match self.either(i, &cues) {
            Some(j) => j,
            // "Exceeded 8,000 in 2019": a time after a preposition is when, not what.
            None if overtaking => match self.either(i, &TOTAL_FOR) {
                Some(j) => j,
                None if self.norm(i).is_some_and(|w| PREPOSITIONS.contains(&w)) => return None,
                None => i,
            },
            None => return None,
        };
        if let Some((core, end)) = self
            .core(j, true)
            .filter(|(c, e)| self.counts_nothing(c, j, *e))
        {
            let day = match &core {
                Core::Spec(s) => s.is_day(),
                Core::Value(Value::Period(p), _) => p.start == p.end,
                Core::Value(..) => false,
            };
            let on = self.word(i, "on").is_some();
            if on && matches!(&core, Core::Value(Value::BackReference, _)) {
                return None;
            }
            let (value, _) = self.standalone(core)?;
            let cue = if on && day { Cue::None } else { Cue::Compared };
            return Some((Found { cue, value }, end));
        }
        // "Than before the pandemic": the last full calendar year before it began.
        if let Some(k) = self.word(j, "before")
            && let Some(found) = self.event(k, true)
        {
            let year = i32::from(found.event.start.year()) - 1;
            let period = crate::calendar::closed(
                crate::calendar::ymd(year, 1, 1)?,
                crate::calendar::ymd(year, 12, 31)?,
                format!(
                    "{year}, the last full year before {} ({})",
                    found.event.name,
                    crate::calendar::long(found.event.start)
                ),
            );
            return Some((
                Found {
                    cue: Cue::Compared,
                    value: Value::Period(period),
                },
                found.end,
            ));
        }
        let found = self
            .event(j, true)
            .filter(|_| self.word(i, "on").is_none())?;
        Some((
            Found {
                cue: Cue::Compared,
                value: Value::Period(self.during_event(found.event)),
            },
            found.end,
        ))
    }

    /// "from 24,000 in 2019": a comparison base after the quantity it had.
    fn base_after_quantity(&self, i: usize) -> Option<(Found, usize)> {
        let j = self.any_number(self.word(i, "from")?)?;
        let k = (j..j + 4).find(|&k| self.word(k, "in").is_some())?;
        let filler = (j..k).all(|t| {
            self.is_word(t) || matches!(self.norm(t), Some("%")) || self.any_number(t).is_some()
        });
        let (core, end) = self.core(k + 1, true).filter(|_| filler)?;
        let (value, _) = self.standalone(core)?;
        matches!(value, Value::Period(_)).then_some((
            Found {
                cue: Cue::Compared,
                value,
            },
            end,
        ))
    }

    /// "in just six months", "in the five months since": about that many months to date.
    fn in_months(&self, i: usize) -> Option<(Found, usize)> {
        let cue = self
            .norm(i)
            .filter(|w| matches!(*w, "in" | "over" | "within"))
            .is_some();
        let j = if cue { i + 1 } else { i };
        let the = self.word(j, "the");
        let j = the.unwrap_or(j);
        let just = self.either(j, &[&["just"], &["only"]]);
        let (n, k) = self.count(just.unwrap_or(j))?;
        let k = self.either(k, &[&["months"], &["month"]])?;
        let since = self.word(k, "since");
        let ok = since.is_some() && the.is_some() || just.is_some() || (cue && the.is_some());
        let end = since.unwrap_or(k);
        let value = Value::Period(self.about_months(i32::try_from(n).ok()?)?);
        ok.then_some((
            Found {
                cue: Cue::None,
                value,
            },
            end,
        ))
    }

    /// About `n` months up to the reference date; the start is known to within 15 days.
    fn about_months(&self, n: i32) -> Option<Period> {
        let r = self.reference();
        let start = crate::calendar::add_months(r, -n)?;
        let day = Day {
            earliest: crate::calendar::add_days(start, -15)?,
            latest: crate::calendar::add_days(start, 15)?,
        };
        let d = format!(
            "about {n} months (give or take 15 days) up to the reference date {}",
            long(r)
        );
        Some(to_date(day, r, d))
    }
}

/// Verbs whose object is a base: "has overtaken the total for 2020".
pub const OVERTAKE: [&str; 7] = [
    "overtaken",
    "overtook",
    "surpassed",
    "exceeded",
    "outstripped",
    "eclipsed",
    "beaten",
];

const PREPOSITIONS: [&str; 7] = ["in", "on", "at", "during", "by", "over", "since"];

/// What is overtaken: "the total for", "the number in".
const TOTAL_FOR: [&[&str]; 8] = [
    &["the", "total", "for"],
    &["the", "total", "of"],
    &["the", "total", "in"],
    &["the", "number", "for"],
    &["the", "number", "in"],
    &["the", "figure", "for"],
    &["the", "level", "of"],
    &["the", "level", "in"],
];
