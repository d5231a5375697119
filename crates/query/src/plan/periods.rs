//! The arithmetic of a claim and the periods it compares: a change against the year
//! before, the first and last year of a range, the same stretch in other years.

use extract::{Assertion, Claim};
use quantity::Kind;

use crate::Arithmetic;
use crate::window::Window;

/// The arithmetic of the claim, and the window of the period it is about (for a change
/// stated over a range of years, the last year).
pub(super) fn arithmetic(
    claim: &Claim,
    window: &Window,
    bound: &crate::Bound<'_>,
    home: Option<&str>,
) -> Option<(Arithmetic, Window)> {
    let coverage = bound.coverage;
    let comparison = || -> Option<(Window, Window)> {
        let now = &window.period;
        if let Some(base) = &claim.base {
            return Some((
                window.clone(),
                Window::new(&same_stretch(now, &base.period, whole_base(claim, base))?)?,
            ));
        }
        if let Some((first, last)) = split_between(claim) {
            return Some((Window::new(&last)?, Window::new(&first)?));
        }
        if let Some((first, last)) = split_since(claim, now) {
            return Some((Window::new(&last)?, Window::new(&first)?));
        }
        Some((window.clone(), Window::new(&year_before(now)?)?))
    };
    let change = |ratio: bool| -> Option<(Arithmetic, Window)> {
        let (now, base) = comparison()?;
        let arithmetic = if ratio {
            Arithmetic::Ratio { base }
        } else {
            Arithmetic::Change { base }
        };
        Some((arithmetic, now))
    };
    Some(match &claim.assertion {
        Assertion::Trend { .. }
            if claim.base.is_some()
                || within_a_year(claim)
                || split_between(claim).is_some()
                || split_since(claim, &window.period).is_some() =>
        {
            change(false)?
        }
        Assertion::Trend { .. } => (Arithmetic::Trend, window.clone()),
        Assertion::Record {
            high,
            peak,
            any_stretch,
            rank,
        } => {
            // "The third highest on record" places the period among all the years the data
            // hold, later ones too; a record is against the years before it.
            let others = if *any_stretch && window.aligned() {
                earlier_runs(window, coverage?, claim.horizon)
            } else {
                other_years(&window.period, coverage?, *peak || *rank > 1, claim.horizon)
            };
            (
                Arithmetic::Record {
                    others,
                    high: *high,
                    peak: *peak,
                    short_of: coverage.and_then(|(first, _)| {
                        let reach = crate::window::quarter_of(claim.horizon?)?;
                        (reach < first).then_some(first)
                    }),
                },
                window.clone(),
            )
        }
        Assertion::Ranking {
            top,
            position,
            destination,
        } => {
            let role = if *destination {
                catalog::Role::Destination
            } else {
                catalog::Role::Nationality
            };
            let column = bound.column_for(role)?.to_string();
            let mut named: Vec<String> = Vec::new();
            for e in claim
                .entities
                .iter()
                .filter(|e| Some(e.code.as_str()) != home)
            {
                if !named.contains(&e.code) {
                    named.push(e.code.clone());
                }
            }
            if named.is_empty() {
                return None;
            }
            let countries = bound.countries_of(&column);
            let arithmetic = Arithmetic::Ranking {
                column,
                countries,
                named,
                top: *top,
                position: *position,
            };
            (arithmetic, window.clone())
        }
        Assertion::Quantity(q) if claim.top_countries.is_some() && q.direction.is_none() => {
            let column = bound.column_for(catalog::Role::Nationality)?.to_string();
            let arithmetic = Arithmetic::TopShare {
                countries: bound.countries_of(&column),
                not_countries: bound.not_countries_of(&column),
                column,
                top: claim.top_countries?,
            };
            (arithmetic, window.clone())
        }
        Assertion::Quantity(q) => match (q.kind, q.direction, q.per) {
            (Kind::Percent | Kind::Fraction, Some(_), _) => change(false)?,
            (Kind::Percent | Kind::Fraction, None, _) => (Arithmetic::Share, window.clone()),
            (Kind::Multiple, _, _) => change(true)?,
            (Kind::Count, Some(_), _) => {
                let (now, base) = comparison()?;
                (Arithmetic::Difference { base }, now)
            }
            (Kind::Count, None, Some(per)) => (Arithmetic::Rate { per }, window.clone()),
            (Kind::Count | Kind::Money, _, _) => (Arithmetic::Sum, window.clone()),
        },
    })
}

/// "Fell back in 2023", "rose last year": a trend stated of a closed period of a year or
/// less is a change on the same period a year earlier, not a drift from its first quarter
/// to its last. A trend since a year ("has fallen since 2015") is, like a change, that year
/// against the latest twelve months; over another open period it is the drift. The year so
/// far ("have fallen this year", said in December) is a closed period cut short: it too is
/// set against the same stretch of the year before.
fn within_a_year(claim: &Claim) -> bool {
    claim.period.as_ref().is_some_and(|p| {
        let days = p.period.days();
        let start = p.period.start.earliest;
        // "Risen every quarter so far this year" is the drift from quarter to quarter.
        let step_by_step = || {
            let lower = claim.sentence.to_ascii_lowercase();
            ["every quarter", "each quarter", "every month", "each month"]
                .iter()
                .any(|w| lower.contains(w))
        };
        let year_so_far = p.period.open
            && start.month() == 1
            && start.day() == 1
            && p.period.end.latest.year() == start.year()
            && !step_by_step();
        (!p.period.open || year_so_far)
            && p.cue != Some(temporal::Cue::Since)
            && p.via != extract::Via::Assumed
            && days <= 366
    })
}

/// The same stretch of days in every other year the data cover: earlier years for "a
/// record", all years for "peaked in 2002".
pub(crate) fn other_years(
    period: &temporal::Period,
    (first, last): (store::Quarter, store::Quarter),
    peak: bool,
    horizon: Option<jiff::civil::Date>,
) -> Vec<Window> {
    let days = period.days();
    let step = (days / 366 + 1) as i32;
    let reach = horizon.map_or(first, |h| {
        first.max(crate::window::quarter_of(h).unwrap_or(first))
    });
    let covered = |w: &Window| w.first >= reach && w.last <= last;
    let mut windows = Vec::new();
    for direction in [1, -1] {
        if direction == -1 && !peak {
            break;
        }
        for k in 1.. {
            let Some(window) = shift(period, direction * k * step).and_then(|p| Window::new(&p))
            else {
                break;
            };
            if !covered(&window) {
                break;
            }
            windows.push(window);
        }
    }
    windows
}

/// "The highest of any quarter": every earlier run of as many whole quarters as the period,
/// back to the horizon or the start of the data.
fn earlier_runs(
    window: &Window,
    (first, _): (store::Quarter, store::Quarter),
    horizon: Option<jiff::civil::Date>,
) -> Vec<Window> {
    let reach = horizon.map_or(first, |h| {
        first.max(crate::window::quarter_of(h).unwrap_or(first))
    });
    let length = window.last.index() - window.first.index();
    (reach.index()..window.first.index())
        .filter_map(|start| {
            let (from, _) = crate::window::quarter_days(store::Quarter::from_index(start))?;
            let (_, to) = crate::window::quarter_days(store::Quarter::from_index(start + length))?;
            let period = temporal::Period {
                start: temporal::Day::exact(from),
                end: temporal::Day::exact(to),
                open: false,
                derivation: format!("{from} to {to}"),
            };
            Window::new(&period)
        })
        .filter(|w| w.last < window.first)
        .rev()
        .collect()
}

/// The base's words, and the few after them ("last year's total"), say it is whole.
fn whole_base(claim: &Claim, base: &extract::ClaimPeriod) -> bool {
    let after = base
        .span
        .as_ref()
        .and_then(|s| claim.sentence.get(s.end..))
        .map_or("", |rest| rest.get(..rest.len().min(12)).unwrap_or(rest));
    whole_said(&base.text) || whole_said(after)
}

/// "The whole of last year", "all of 2020", "the entire year", "last year's total": a base
/// said to be whole is not cut to the same stretch.
fn whole_said(text: &str) -> bool {
    let lower = text.to_ascii_lowercase().replace('’', "'");
    [
        "whole",
        "all of",
        "entire",
        "full year",
        "'s total",
        "the total for",
        "the total of",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// "Compared to last year", said of five months: the same five months a year earlier, not
/// the whole year; a base said to be `whole` stays whole.
pub(super) fn same_stretch(
    now: &temporal::Period,
    base: &temporal::Period,
    whole: bool,
) -> Option<temporal::Period> {
    if whole {
        return Some(base.clone());
    }
    let length = temporal::Period::days;
    let years_apart = i32::from(now.end.latest.year()) - i32::from(base.end.latest.year());
    // "This year compared with last year", said in November: the year so far against the
    // same stretch of last year, however little of this year is left.
    let much_longer = length(base) as f64 > 1.5 * length(now) as f64
        || (now.open && length(base) > length(now) + 7);
    if much_longer && years_apart >= 1 && base.start.earliest < now.start.earliest {
        // The latest same stretch that lies within the base: "compared to the last Labour
        // government" (to May 2010), for the twelve months to September, is the twelve months
        // to September 2009, not to September 2010.
        let within = (years_apart..years_apart + 2)
            .filter_map(|years| shift(now, years))
            .find(|p| p.end.latest <= base.end.latest);
        return within.or_else(|| shift(now, years_apart));
    }
    // "The same point last year" is the period itself a year back, fuzzy ends and all.
    let shifted = shift(now, years_apart)?;
    let same_days =
        shifted.start.earliest == base.start.earliest && shifted.end.latest == base.end.latest;
    if years_apart >= 1 && same_days {
        return Some(shifted);
    }
    Some(base.clone())
}

/// "Between 2021 and 2023 ... fell by a third", "have doubled over the last decade": a
/// change over whole calendar years is from the first year to the last, not the years'
/// total against the same span a year earlier.
pub(super) fn split_between(claim: &Claim) -> Option<(temporal::Period, temporal::Period)> {
    let period = claim.period.as_ref()?;
    if period.period.open {
        return None;
    }
    let p = &period.period;
    let (first_year, last_year) = (p.start.earliest.year(), p.end.latest.year());
    let whole_years = p.start.earliest.month() == 1
        && p.start.earliest.day() == 1
        && p.end.latest.month() == 12
        && p.end.latest.day() == 31;
    if last_year <= first_year || !whole_years {
        return None;
    }
    let year = |y: i16| {
        let which = if y == first_year { "first" } else { "last" };
        calendar_year(y, format!("{y}, the {which} year of \"{}\"", period.text))
    };
    Some((year(first_year)?, year(last_year)?))
}

/// "Has doubled since 2021": the year named against the twelve months to the end of the
/// period (`now`, the claim's period after trimming to the data), not the span since then
/// against the same span a year earlier, which would overlap it.
pub(super) fn split_since(
    claim: &Claim,
    now: &temporal::Period,
) -> Option<(temporal::Period, temporal::Period)> {
    let period = claim.period.as_ref()?;
    if period.cue != Some(temporal::Cue::Since) || !period.period.open {
        return None;
    }
    let start = period.period.start.earliest;
    let named: i16 = period.text.split_whitespace().last()?.parse().ok()?;
    if named != start.year() || start.month() != 1 || start.day() != 1 {
        return None;
    }
    let end = now.end.latest;
    let base = calendar_year(
        named,
        format!("{named}, the year \"{}\" names", period.text),
    )?;
    let from = end
        .checked_sub(jiff::Span::new().years(1))
        .ok()?
        .tomorrow()
        .ok()?;
    if from <= base.end.latest {
        return None;
    }
    let last = temporal::Period {
        start: temporal::Day::exact(from),
        end: temporal::Day::exact(end),
        open: false,
        derivation: format!("the twelve months to {end}"),
    };
    Some((base, last))
}

/// The calendar year `y`, as a closed period.
fn calendar_year(y: i16, derivation: String) -> Option<temporal::Period> {
    Some(temporal::Period {
        start: temporal::Day::exact(jiff::civil::Date::new(y, 1, 1).ok()?),
        end: temporal::Day::exact(jiff::civil::Date::new(y, 12, 31).ok()?),
        open: false,
        derivation,
    })
}

pub(super) fn shift(period: &temporal::Period, years_back: i32) -> Option<temporal::Period> {
    let derivation = format!(
        "the same stretch {years_back} year(s) earlier ({})",
        period.derivation
    );
    period.years_earlier(years_back, derivation)
}

/// The same period a year earlier, the usual base of a change stated without one.
pub(super) fn year_before(period: &temporal::Period) -> Option<temporal::Period> {
    shift(period, 1)
}
