//! Checked calendar arithmetic and the wording of dates in derivations.
//!
//! Every function returns `Option` so that impossible dates ("31 February", a year past
//! jiff's range) make an expression drop out instead of panicking.

use jiff::ToSpan;

use crate::words::month_name;
use crate::{Date, Day, Period};

pub(crate) fn ymd(year: i32, month: i8, day: i8) -> Option<Date> {
    Date::new(i16::try_from(year).ok()?, month, day).ok()
}

pub(crate) fn month_end(year: i32, month: i8) -> Option<Date> {
    Some(ymd(year, month, 1)?.last_of_month())
}

pub(crate) fn add_days(date: Date, days: i32) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

/// The same day `months` months later (or earlier), clamped to the end of a short month.
pub(crate) fn add_months(date: Date, months: i32) -> Option<Date> {
    let index = i32::from(date.year()) * 12 + i32::from(date.month()) - 1 + months;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as i8);
    let last = month_end(year, month)?;
    ymd(year, month, date.day().min(last.day()))
}

/// The first day of the `months` months ending on `end`, both ends inclusive: for a month's
/// last day, the first day of a month ("the six months to 30 June" start on 1 January, not 31 December).
pub(crate) fn months_ending(end: Date, months: i32) -> Option<Date> {
    if end.day() == end.days_in_month() {
        let first = Date::new(end.year(), end.month(), 1).ok()?;
        return add_months(first, 1 - months);
    }
    add_days(add_months(end, -months)?, 1)
}

pub(crate) fn long(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

pub(crate) fn long_day(day: Day) -> String {
    if day.earliest == day.latest {
        long(day.earliest)
    } else {
        format!("{} to {}", long(day.earliest), long(day.latest))
    }
}

pub(crate) fn closed(start: Date, end: Date, derivation: String) -> Period {
    Period {
        start: Day::exact(start),
        end: Day::exact(end),
        open: false,
        derivation,
    }
}

/// From `start` to the reference date, which is where an open period ends.
pub(crate) fn to_date(start: Day, reference: Date, derivation: String) -> Period {
    Period {
        start,
        end: Day::exact(reference),
        open: true,
        derivation,
    }
}
