//! Calendar units ("Q4", "the first half", "March", "12 September") whose year may still
//! be missing, and their resolution to periods.
//!
//! The year is often left out ("July to September 2022", "the third quarter", "up to 12
//! September"), and which year is meant depends on where the unit stands, so the grammar
//! parses a [`Spec`] first and resolves it once it knows the surroundings.

use crate::calendar::{long, month_end, ymd};
use crate::words::month_name;
use crate::{Date, Day, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    /// "2018-21": from the spec's year to `last`.
    Years {
        last: i32,
    },
    /// UK financial year, 1 April to 31 March of the next year.
    FinancialYear,
    Months {
        first: i8,
        last: i8,
        name: MonthsName,
    },
    Day {
        month: i8,
        day: i8,
    },
    StartOfYear,
    /// December, since "the end of the year" is not one day.
    EndOfYear,
    StartOfMonth(i8),
    EndOfMonth(i8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthsName {
    Month,
    Quarter(u32),
    Half(u32),
    First(u32),
    Last(u32),
    Season(&'static str),
}

/// How the year of a spec was known, for the derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSource {
    Named,
    This,
    Last,
    BeforeLast,
    Next,
    Inferred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spec {
    pub unit: Unit,
    pub year: Option<(i32, YearSource)>,
}

/// Which year to take when a spec names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Missing {
    /// The reference year: "the third quarter", "up to 12 September".
    ReferenceYear,
    /// The latest that has begun by the reference date: "since January", "in March".
    Begun,
    /// The latest that has ended before the reference date: "the year to June".
    Ended,
}

impl Spec {
    pub fn new(unit: Unit, year: Option<(i32, YearSource)>) -> Spec {
        Spec { unit, year }
    }

    pub fn has_year(&self) -> bool {
        self.year.is_some()
    }

    /// Whether, without a year, this unit should be the latest one already begun: a day,
    /// a month, a season, a quarter or half, the first or last months of a year. Said in
    /// March, "in the final quarter" is last year's, not one still to come.
    pub fn prefers_begun(&self) -> bool {
        matches!(self.unit, Unit::Day { .. } | Unit::Months { .. })
    }

    pub fn resolve(&self, reference: Date, missing: Missing) -> Option<Period> {
        if let Some((year, source)) = self.year {
            return self.period(year, source, reference);
        }
        let this = i32::from(reference.year());
        let current = self.period(this, YearSource::Inferred, reference)?;
        let fits = match missing {
            Missing::ReferenceYear => true,
            Missing::Begun => current.start.earliest <= reference,
            Missing::Ended => current.end.latest < reference,
        };
        if fits {
            Some(current)
        } else {
            self.period(this - 1, YearSource::Last, reference)
        }
    }

    fn period(&self, year: i32, source: YearSource, reference: Date) -> Option<Period> {
        let (start, end) = self.bounds(year)?;
        let derivation = format!("{}{}", self.describe(year), note(source, reference));
        Some(Period {
            start,
            end,
            open: false,
            derivation,
        })
    }

    fn bounds(&self, year: i32) -> Option<(Day, Day)> {
        let exact = |a: Date, b: Date| Some((Day::exact(a), Day::exact(b)));
        match self.unit {
            Unit::Year => exact(ymd(year, 1, 1)?, ymd(year, 12, 31)?),
            Unit::Years { last } => exact(ymd(year, 1, 1)?, ymd(last, 12, 31)?),
            Unit::FinancialYear => exact(ymd(year, 4, 1)?, ymd(year.checked_add(1)?, 3, 31)?),
            // A season begins on the first of its first month by the Met Office's calendar,
            // later by the astronomical one (21 June) and, in common use, with the next
            // month (summer with July and the school holidays): any day of that month.
            Unit::Months {
                first,
                last,
                name: MonthsName::Season(_),
            } => Some((
                Day {
                    earliest: ymd(year, first, 1)?,
                    latest: ymd(year, first + 1, 1)?,
                },
                Day::exact(month_end(year, last)?),
            )),
            Unit::Months { first, last, .. } => exact(ymd(year, first, 1)?, month_end(year, last)?),
            Unit::Day { month, day } => exact(ymd(year, month, day)?, ymd(year, month, day)?),
            Unit::StartOfYear => exact(ymd(year, 1, 1)?, ymd(year, 1, 1)?),
            Unit::StartOfMonth(m) => exact(ymd(year, m, 1)?, ymd(year, m, 1)?),
            Unit::EndOfMonth(m) => exact(month_end(year, m)?, month_end(year, m)?),
            Unit::EndOfYear => {
                let december = Day {
                    earliest: ymd(year, 12, 1)?,
                    latest: ymd(year, 12, 31)?,
                };
                Some((december, december))
            }
        }
    }

    fn describe(&self, year: i32) -> String {
        match self.unit {
            Unit::Year => format!("the calendar year {year}"),
            Unit::Years { last } => format!("the calendar years {year} to {last}"),
            Unit::FinancialYear => {
                format!("the financial year 1 April {year} to 31 March {}", year + 1)
            }
            Unit::Months { first, last, name } => describe_months(first, last, name, year),
            Unit::Day { month, day } => format!("{day} {} {year}", month_name(month)),
            Unit::StartOfYear => format!("the start of {year}"),
            Unit::EndOfYear => format!("the end of {year} (December)"),
            Unit::StartOfMonth(m) => format!("the start of {} {year}", month_name(m)),
            Unit::EndOfMonth(m) => format!("the end of {} {year}", month_name(m)),
        }
    }
}

fn describe_months(first: i8, last: i8, name: MonthsName, year: i32) -> String {
    let (from, to) = (month_name(first), month_name(last));
    match name {
        MonthsName::Month => format!("{from} {year}"),
        MonthsName::Quarter(q) => format!("Q{q} {year} ({from} to {to})"),
        MonthsName::Half(h) => format!("H{h} {year} ({from} to {to})"),
        MonthsName::First(n) => format!("the first {n} months of {year} ({from} to {to})"),
        MonthsName::Last(n) => format!("the last {n} months of {year} ({from} to {to})"),
        MonthsName::Season(s) => format!(
            "the {s} of {year} (from a day between 1 {from} and 1 {} to the end of {to})",
            month_name(first + 1)
        ),
    }
}

fn note(source: YearSource, reference: Date) -> String {
    let relation = match source {
        YearSource::Named => return String::new(),
        YearSource::This => "the year of",
        YearSource::Last => "the year before",
        YearSource::BeforeLast => "two years before",
        YearSource::Next => "the year after",
        YearSource::Inferred => "the year taken from",
    };
    format!(", {relation} the reference date {}", long(reference))
}
