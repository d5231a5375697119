//! Rules for phrases that are periods in their own right rather than calendar units:
//! "this year", "last month", "so far this year", "the past three years", "the year to
//! June", "a decade ago", and the phrases that point elsewhere ("in that time", "the
//! previous year").

use crate::calendar::{add_days, closed, long, month_end, months_ending, to_date, ymd};
use crate::parser::Parser;
use crate::spec::{Missing, Spec};
use crate::units::longest;
use crate::{Cue, Day, Period, Value};

const BACK_REFERENCES: [&[&str]; 13] = [
    &["that", "time"],
    &["that", "period"],
    &["this", "period"],
    &["the", "same", "period"],
    &["the", "same", "timeframe"],
    &["that", "timeframe"],
    &["those", "years"],
    &["these", "years"],
    &["that", "year"],
    &["those", "months"],
    &["that", "quarter"],
    &["the", "same", "months"],
    &["the", "same", "quarter"],
];

const SAME: [&str; 5] = ["period", "point", "time", "quarter", "month"];

const A_YEAR_BACK: [&[&str]; 9] = [
    &["last", "year"],
    &["a", "year", "earlier"],
    &["a", "year", "ago"],
    &["a", "year", "before"],
    &["the", "previous", "year"],
    &["the", "year", "before"],
    &["of", "the", "previous", "year"],
    &["in", "the", "previous", "year"],
    &["of", "last", "year"],
];

const YEAR_BACK: [&[&str]; 8] = [
    &["the", "previous", "year"],
    &["the", "prior", "year"],
    &["the", "preceding", "year"],
    &["the", "year", "before"],
    &["a", "year", "earlier"],
    &["a", "year", "before"],
    &["a", "year", "ago"],
    &["this", "time", "last", "year"],
];

impl Parser<'_> {
    /// A phrase that is a period, a relative base or a back-reference.
    pub fn phrase(&self, i: usize, cued: bool) -> Option<((Value, Option<Cue>), usize)> {
        let period = |p: Option<(Period, usize)>| p.map(|(p, e)| ((Value::Period(p), None), e));
        let value = |v: Option<(Value, usize)>| v.map(|(v, e)| ((v, None), e));
        longest([
            period(self.this_or_last(i)),
            period(self.so_far(i)),
            period(self.past(i)),
            period(self.years_ago(i)),
            period(self.weekday(i, cued)),
            self.rolling_year(i)
                .map(|((p, c), e)| ((Value::Period(p), Some(c)), e)),
            period(self.years_to(i)),
            value(self.relative(i)),
            value(self.back_reference(i).filter(|_| cued)),
        ])
    }

    fn back_reference(&self, i: usize) -> Option<(Value, usize)> {
        let end = self.either(i, &BACK_REFERENCES)?;
        Some((Value::BackReference, end))
    }

    /// "the previous year", "a year earlier", "the same period last year", "two years earlier".
    fn relative(&self, i: usize) -> Option<(Value, usize)> {
        let one = |end| Some((Value::Relative { years_back: 1 }, end));
        if let Some(end) = self.either(i, &YEAR_BACK) {
            return one(end).filter(|_| self.word(end, "last").is_none());
        }
        // "Up a quarter on the previous twelve months": the year before the claim's own.
        if let Some(j) = self
            .word(i, "the")
            .and_then(|j| self.either(j, &[&["previous"], &["preceding"], &["prior"]]))
            && let Some((12, k)) = self.count(j)
            && let Some(end) = self.word(k, "months")
        {
            return one(end);
        }
        if let Some(j) = self.words(i, &["the", "same"]) {
            let k = SAME
                .iter()
                .find_map(|w| self.word(j, w).map(|k| self.opt(k, "s")))?;
            // "The same period of 2022": that year, which a base cuts to the same stretch.
            if let Some((year, end)) = self
                .either(k, &[&["of"], &["in"]])
                .and_then(|y| self.year(y))
            {
                let period = closed(
                    ymd(year, 1, 1)?,
                    ymd(year, 12, 31)?,
                    format!("{year}, of which the same stretch"),
                );
                return Some((Value::Period(period), end));
            }
            return one(self.either(k, &A_YEAR_BACK)?);
        }
        let (n, j) = self.count(i).filter(|(n, _)| *n <= 50)?;
        let end = self.either(j, &[&["years", "earlier"], &["years", "before"]])?;
        Some((
            Value::Relative {
                years_back: i32::try_from(n).ok()?,
            },
            end,
        ))
    }

    /// "this year", "last year", "the year before last", "this month", "last month".
    fn this_or_last(&self, i: usize) -> Option<(Period, usize)> {
        if !matches!(self.norm(i)?, "this" | "last" | "the") {
            return None;
        }
        let r = self.reference();
        let this = self.ref_year();
        let at = long(r);
        if let Some(end) = self.words(i, &["this", "year"]) {
            let d = format!("1 January {this} to the reference date {at}");
            return Some((to_date(Day::exact(ymd(this, 1, 1)?), r, d), end));
        }
        if let Some(end) = self.words(i, &["last", "year"]) {
            let d = format!("the calendar year before the reference date {at}");
            return Some((whole_year(this - 1, d)?, end));
        }
        if let Some(end) = self.words(i, &["the", "year", "before", "last"]) {
            let d = format!("the calendar year two years before the reference date {at}");
            return Some((whole_year(this - 2, d)?, end));
        }
        let monday = || add_days(r, -i32::from(r.weekday().to_monday_zero_offset()));
        if let Some(end) = self.words(i, &["this", "week"]) {
            let monday = monday()?;
            let d = format!("Monday {} to the reference date {at}", long(monday));
            return Some((to_date(Day::exact(monday), r, d), end));
        }
        if let Some(end) = self.words(i, &["last", "week"]) {
            let monday = monday()?;
            let (start, sunday) = (add_days(monday, -7)?, add_days(monday, -1)?);
            let d = format!(
                "Monday {} to Sunday {}, the week before the reference date {at}",
                long(start),
                long(sunday)
            );
            return Some((closed(start, sunday, d), end));
        }
        if let Some(end) = self.words(i, &["this", "month"]) {
            let d = format!("the start of the month to the reference date {at}");
            return Some((to_date(Day::exact(r.first_of_month()), r, d), end));
        }
        let end = self.words(i, &["last", "month"])?;
        let last = add_days(r.first_of_month(), -1)?;
        let d = format!("the calendar month before the reference date {at}");
        Some((closed(last.first_of_month(), last, d), end))
    }

    /// "On Monday", "last Tuesday", "yesterday": the latest such day up to the reference date
    /// (before it, for "last" and "yesterday"). A bare weekday counts only after a cue ("on").
    fn weekday(&self, i: usize, cued: bool) -> Option<(Period, usize)> {
        let first = self.norm(i)?;
        if !(first == "yesterday"
            || first == "last"
            || crate::words::weekday_number(first).is_some())
        {
            return None;
        }
        let r = self.reference();
        let at = long(r);
        if let Some(end) = self.word(i, "yesterday") {
            let day = add_days(r, -1)?;
            return Some((
                closed(
                    day,
                    day,
                    format!("{}, the day before the reference date {at}", long(day)),
                ),
                end,
            ));
        }
        let (last, j) = match self.word(i, "last") {
            Some(j) => (true, j),
            None => (false, i),
        };
        let target = crate::words::weekday_number(self.norm(j)?)?;
        if !(last || cued) {
            return None;
        }
        let today = i32::from(r.weekday().to_monday_zero_offset());
        let mut back = (today - target).rem_euclid(7);
        if last && back == 0 {
            back = 7;
        }
        let day = add_days(r, -back)?;
        let name = self.text_of(j, j + 1);
        Some((
            closed(
                day,
                day,
                if last {
                    format!("{}, the {name} before the reference date {at}", long(day))
                } else {
                    format!(
                        "{}, the latest {name} by the reference date {at}",
                        long(day)
                    )
                },
            ),
            j + 1,
        ))
    }

    /// "a decade ago", "five years ago": the calendar year that many years back.
    fn years_ago(&self, i: usize) -> Option<(Period, usize)> {
        let (n, end) = self
            .words(i, &["a", "decade", "ago"])
            .map(|e| (10, e))
            .or_else(|| {
                let (n, j) = self.count(i).filter(|(n, _)| (2..=50).contains(n))?;
                Some((n, self.words(j, &["years", "ago"])?))
            })?;
        let d = format!(
            "the calendar year {n} years before the reference date {}",
            long(self.reference())
        );
        Some((
            whole_year(self.ref_year() - i32::try_from(n).ok()?, d)?,
            end,
        ))
    }

    /// "so far this year", "this year alone", "so far in 2021", "2021 so far", "the year to date".
    fn so_far(&self, i: usize) -> Option<(Period, usize)> {
        let this = self.ref_year();
        let (year, end) = if let Some(j) = self.either(i, &[&["so", "far", "in"], &["so", "far"]]) {
            self.year_ref(j)?
        } else if let Some(end) = self.either(
            i,
            &[&["the", "year", "to", "date"], &["year", "to", "date"]],
        ) {
            ((this, crate::spec::YearSource::This), end)
        } else {
            let (year, j) = self.year_ref(i)?;
            (
                year,
                self.either(j, &[&["so", "far"], &["alone"], &["to", "date"]])?,
            )
        };
        Some((self.year_to_date(year.0)?, end))
    }

    /// A year up to the reference date if it is the reference year, else the whole year.
    fn year_to_date(&self, year: i32) -> Option<Period> {
        let r = self.reference();
        let this = self.ref_year();
        if year < this {
            return whole_year(year, format!("the calendar year {year}"));
        }
        let d = format!("1 January {this} to the reference date {}", long(r));
        if year > this {
            return None;
        }
        Some(to_date(Day::exact(ymd(this, 1, 1)?), r, d))
    }

    /// "the past three years" (whole calendar years), "the past year", "the last 12 months".
    fn past(&self, i: usize) -> Option<(Period, usize)> {
        let the = self.word(i, "the");
        let j = the.unwrap_or(i);
        let word = self
            .norm(j)
            .filter(|w| matches!(*w, "past" | "last" | "previous" | "preceding"))?;
        let (n, k) = match self.count(j + 1) {
            Some((n, k)) => (Some(n), k),
            None => (None, j + 1),
        };
        let (unit, end) = [
            ("years", 12),
            ("year", 12),
            ("months", 1),
            ("month", 1),
            ("decade", 120),
        ]
        .iter()
        .find_map(|(w, months)| Some((*months, self.word(k, w)?)))?;
        let end = self
            .either(end, &[&["combined"], &["together"]])
            .unwrap_or(end);
        match (n, unit) {
            (None, 12) if the.is_some() && word != "previous" && word != "preceding" => {
                self.rolling(12, end)
            }
            // "The previous 12 months" is the year before another period: a relative base.
            (Some(12), 1) if the.is_some() && word != "past" && word != "last" => None,
            (Some(n), 12) => self.whole_years(i32::try_from(n).ok()?, end),
            (None, 120) => self.whole_years(10, end),
            (n, 1) => self.rolling(i32::try_from(n.unwrap_or(1)).ok()?, end),
            _ => None,
        }
    }

    fn whole_years(&self, n: i32, end: usize) -> Option<(Period, usize)> {
        let this = self.ref_year();
        let d = format!(
            "the {n} calendar years before the reference date {}",
            long(self.reference())
        );
        Some((closed(ymd(this - n, 1, 1)?, ymd(this - 1, 12, 31)?, d), end))
    }

    /// The `months` months up to the reference date.
    pub fn rolling(&self, months: i32, end: usize) -> Option<(Period, usize)> {
        let r = self.reference();
        let d = format!("the {months} months up to the reference date {}", long(r));
        Some((to_date(Day::exact(months_ending(r, months)?), r, d), end))
    }

    /// "the ten years to 2019", "the five years up to 2023": that many calendar years, the
    /// last of them the year named.
    fn years_to(&self, i: usize) -> Option<(Period, usize)> {
        let j = self.opt(i, "the");
        let j = self.either(j, &[&["past"], &["last"]]).unwrap_or(j);
        let (n, k) = self.count(j)?;
        let n = i32::try_from(n).ok().filter(|n| (2..=50).contains(n))?;
        let k = self.word(k, "years")?;
        let k = self.either(k, &[&["to"], &["up", "to"], &["until"], &["ending"]])?;
        let (last, end) = self.year(k)?;
        let d = format!("the {n} calendar years {} to {last}", last - n + 1);
        Some((closed(ymd(last - n + 1, 1, 1)?, ymd(last, 12, 31)?, d), end))
    }

    /// "the year ending March 2022", "the year to last June", "the 12 months to June", "the
    /// three months to September 2023", "the year to the end of June".
    fn rolling_year(&self, i: usize) -> Option<((Period, Cue), usize)> {
        let j = self.opt(i, "the");
        let j = self.either(j, &[&["past"], &["last"]]).unwrap_or(j);
        let (months, j) = match self.word(j, "year") {
            Some(k) => (12, k),
            None => {
                let (n, k) = self.count(j)?;
                let k = self.either(k, &[&["months"], &["month"]])?;
                (i32::try_from(n).ok().filter(|n| (1..=36).contains(n))?, k)
            }
        };
        let (cue, k) = [
            ("ending", Cue::None),
            ("ended", Cue::None),
            ("to", Cue::Until),
            ("through", Cue::Until),
        ]
        .iter()
        .find_map(|(w, cue)| Some((*cue, self.word(j, w)?)))
        .or_else(|| Some((Cue::Until, self.words(j, &["up", "to"])?)))?;
        // "The three months to the end of June": the end of the month is its last day.
        let k = self.words(k, &["the", "end", "of"]).unwrap_or(k);
        let (spec, end) = longest([
            self.month_spec(k, true),
            self.spec(k, false).filter(|(s, _)| s.is_day()),
        ])?;
        let last = spec.resolve(self.reference(), Missing::Ended)?.end.latest;
        let d = format!("the {months} months ending {}", long(last));
        Some(((closed(months_ending(last, months)?, last, d), cue), end))
    }
}

fn whole_year(year: i32, derivation: String) -> Option<Period> {
    Some(closed(ymd(year, 1, 1)?, month_end(year, 12)?, derivation))
}

impl Spec {
    pub fn is_day(&self) -> bool {
        matches!(self.unit, crate::spec::Unit::Day { .. })
    }
}
