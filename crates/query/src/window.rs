//! A claim's period laid over quarters.
//!
//! The tables count by quarter; a claim's period runs from day to day, and either end may be
//! known only to within a range of days. A [`Window`] holds the quarters the period touches
//! and three sets of weights over them: the whole quarters inside the narrowest reading of
//! the period (the lower bound), every quarter the widest reading touches (the upper bound),
//! and day-weighted shares of each quarter (the estimate, with its own range when the ends
//! are fuzzy).

use jiff::civil::Date;
use store::Quarter;
use temporal::{Day, Period};

/// A period, laid over quarters.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub period: Period,
    /// The first and last quarter the widest reading of the period touches.
    pub first: Quarter,
    pub last: Quarter,
    /// One weight per quarter from `first` to `last`.
    pub lower: Vec<f64>,
    pub estimate: Vec<f64>,
    /// Day weights for the narrowest and widest readings of the period.
    pub narrow: Vec<f64>,
    pub wide: Vec<f64>,
}

impl Window {
    pub fn new(period: &Period) -> Option<Window> {
        let wide = (period.start.earliest, period.end.latest);
        let narrow = (period.start.latest, period.end.earliest);
        let mid = (midpoint(period.start), midpoint(period.end));
        if wide.0 > wide.1 {
            return None;
        }
        let first = quarter_of(wide.0)?;
        let last = quarter_of(wide.1)?;
        let quarters: Vec<Quarter> = (first.index()..=last.index())
            .map(Quarter::from_index)
            .collect();
        let weights = |(start, end): (Date, Date)| -> Vec<f64> {
            quarters
                .iter()
                .map(|&q| day_weight(q, start, end))
                .collect()
        };
        let narrow_w = weights(narrow);
        let lower = narrow_w
            .iter()
            .map(|&w| if w >= 1.0 { 1.0 } else { 0.0 })
            .collect();
        Some(Window {
            period: period.clone(),
            first,
            last,
            lower,
            estimate: weights(mid),
            narrow: narrow_w,
            wide: weights(wide),
        })
    }

    pub fn quarters(&self) -> impl Iterator<Item = Quarter> + '_ {
        (self.first.index()..=self.last.index()).map(Quarter::from_index)
    }

    /// The period's length in days, its ends counted in (at the middle of fuzzy ends).
    pub fn days(&self) -> f64 {
        let p = &self.period;
        let span = |a: Date, b: Date| days_between(a, b) as f64;
        let start_mid = span(p.start.earliest, p.start.latest) / 2.0;
        let end_mid = span(p.end.earliest, p.end.latest) / 2.0;
        span(p.start.earliest, p.end.earliest) - start_mid + end_mid + 1.0
    }

    /// True when the period is whole quarters exactly, so that bounds and estimate agree.
    pub fn aligned(&self) -> bool {
        self.lower.iter().all(|&w| w == 1.0) && self.wide.iter().all(|&w| w == 1.0)
    }

    /// True when the ends of the period are known only to within a range of days.
    pub fn fuzzy(&self) -> bool {
        self.period.start.earliest != self.period.start.latest
            || self.period.end.earliest != self.period.end.latest
    }

    /// The first and last quarter wholly inside the narrowest reading, if any.
    pub fn inner(&self) -> Option<(Quarter, Quarter)> {
        let inside: Vec<Quarter> = self
            .quarters()
            .zip(&self.lower)
            .filter(|(_, w)| **w == 1.0)
            .map(|(q, _)| q)
            .collect();
        Some((*inside.first()?, *inside.last()?))
    }
}

/// The first and last day of a quarter.
pub fn quarter_days(q: Quarter) -> Option<(Date, Date)> {
    let start = Date::new(q.year().try_into().ok()?, q.first_month() as i8, 1).ok()?;
    let next = q.next();
    let next_start = Date::new(next.year().try_into().ok()?, next.first_month() as i8, 1).ok()?;
    Some((start, next_start.yesterday().ok()?))
}

/// The quarter a day falls in.
pub fn quarter_of(date: Date) -> Option<Quarter> {
    Quarter::of_month(i32::from(date.year()), date.month() as u8)
}

fn midpoint(day: Day) -> Date {
    let span = day
        .latest
        .since(day.earliest)
        .map(|s| s.get_days())
        .unwrap_or(0);
    day.earliest
        .checked_add(jiff::Span::new().days(span / 2))
        .unwrap_or(day.earliest)
}

/// The share of quarter `q`'s days that fall within `start..=end`.
pub fn day_weight(q: Quarter, start: Date, end: Date) -> f64 {
    let Some((q_start, q_end)) = quarter_days(q) else {
        return 0.0;
    };
    let from = start.max(q_start);
    let to = end.min(q_end);
    if from > to {
        return 0.0;
    }
    let overlap = days_between(from, to) + 1;
    let total = days_between(q_start, q_end) + 1;
    if overlap == total {
        1.0
    } else {
        overlap as f64 / total as f64
    }
}

/// Whole days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    b.since(a).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn period(start: (Date, Date), end: (Date, Date)) -> Period {
        Period {
            start: Day {
                earliest: start.0,
                latest: start.1,
            },
            end: Day {
                earliest: end.0,
                latest: end.1,
            },
            open: false,
            derivation: String::new(),
        }
    }

    #[test]
    fn whole_quarters_align() {
        let d = date(2020, 10, 1);
        let w = Window::new(&period((d, d), (date(2022, 9, 30), date(2022, 9, 30)))).unwrap();
        assert_eq!(
            (w.first.to_string(), w.last.to_string()),
            ("2020Q4".into(), "2022Q3".into())
        );
        assert!(w.aligned());
        assert_eq!(
            w.inner().map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("2020Q4".into(), "2022Q3".into()))
        );
    }

    #[test]
    fn partial_quarters_weigh_by_days() {
        let start = (date(2022, 12, 13), date(2022, 12, 13));
        let end = (date(2023, 4, 1), date(2023, 4, 30));
        let w = Window::new(&period(start, end)).unwrap();
        assert_eq!(w.lower, [0.0, 1.0, 0.0]);
        assert_eq!(w.narrow, [19.0 / 92.0, 1.0, 1.0 / 91.0]);
        assert_eq!(w.wide, [19.0 / 92.0, 1.0, 30.0 / 91.0]);
        assert!(!w.aligned());
        assert!(w.fuzzy());
    }
}
