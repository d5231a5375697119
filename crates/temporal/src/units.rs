//! Rules for calendar units: years, year ranges, financial years, quarters, halves, months,
//! days, seasons, and the start or end of a year or month.
//!
//! Each rule yields a [`Spec`]; none of them decides a missing year, which is left to the
//! phrase the unit stands in.

use crate::calendar::month_end;
use crate::parser::{Parser, YEARS};
use crate::spec::{MonthsName, Spec, Unit, YearSource};
use crate::words;

type Year = Option<(i32, YearSource)>;

/// The alternative that reaches furthest; the first of equals.
pub(crate) fn longest<T>(
    candidates: impl IntoIterator<Item = Option<(T, usize)>>,
) -> Option<(T, usize)> {
    candidates
        .into_iter()
        .flatten()
        .fold(None, |best: Option<(T, usize)>, (t, end)| match best {
            Some((_, e)) if e >= end => best,
            _ => Some((t, end)),
        })
}

impl Parser<'_> {
    /// Any calendar unit. Without `cued`, a month needs a year ("March 2023", not "March").
    pub fn spec(&self, i: usize, cued: bool) -> Option<(Spec, usize)> {
        longest([
            self.financial_year(i),
            self.year_range(i),
            self.iso_date(i),
            self.named_year(i),
            self.quarter(i),
            self.half(i),
            self.first_months(i),
            self.month_spec(i, cued),
            self.day_spec(i),
            self.season(i, cued),
            self.start_or_end(i),
        ])
    }

    /// "2022/23", "2022-23", "FY2022/23", "FY22/23", "the financial year 2022 to 2023".
    fn financial_year(&self, i: usize) -> Option<(Spec, usize)> {
        let j = self.opt(i, "the");
        let named = self.either(j, &[&["financial", "year"], &["fiscal", "year"], &["fy"]]);
        let j = named.unwrap_or(i);
        let (first, k) = self.year(j).or_else(|| {
            let (n, k) = self
                .number(j)
                .filter(|_| named.is_some() && self.digits(j) == 2)?;
            Some((2000 + i32::try_from(n).ok()?, k))
        })?;
        let sep = self.norm(k)?;
        let (second, end) = self.number(k + 1)?;
        let consecutive = match self.digits(k + 1) {
            2 => second == u64::try_from((first + 1) % 100).ok()?,
            4 => second == u64::try_from(first + 1).ok()? && (sep == "/" || named.is_some()),
            _ => false,
        };
        let sep_ok = matches!(sep, "/" | "-") || (sep == "to" && named.is_some());
        (consecutive && sep_ok && !self.date_continues(end)).then_some((
            Spec::new(Unit::FinancialYear, Some((first, YearSource::Named))),
            end,
        ))
    }

    /// "2018-21", "2018–2021": whole calendar years.
    fn year_range(&self, i: usize) -> Option<(Spec, usize)> {
        let (first, j) = self.year(i)?;
        self.word(j, "-")?;
        let (n, end) = self.number(j + 1)?;
        let n = i32::try_from(n).ok()?;
        let last = match self.digits(j + 1) {
            2 if n != (first + 1) % 100 => first - first % 100 + n,
            4 => n,
            _ => return None,
        };
        let ok = last > first && YEARS.contains(&last) && !self.date_continues(end);
        ok.then_some((
            Spec::new(Unit::Years { last }, Some((first, YearSource::Named))),
            end,
        ))
    }

    fn date_continues(&self, i: usize) -> bool {
        matches!(self.norm(i), Some("-" | "/")) && self.number(i + 1).is_some()
    }

    /// "2022-09-12".
    fn iso_date(&self, i: usize) -> Option<(Spec, usize)> {
        let (year, j) = self.year(i)?;
        let (month, k) = self.word(j, "-").and_then(|k| self.number(k))?;
        let (day, end) = self.word(k, "-").and_then(|k| self.number(k))?;
        let glued = (j..end).all(|t| self.glued(t));
        let unit = Unit::Day {
            month: i8::try_from(month).ok()?,
            day: i8::try_from(day).ok()?,
        };
        glued.then_some((Spec::new(unit, Some((year, YearSource::Named))), end))
    }

    /// "2022", "the year 2022", "calendar year 2022", "the pre-pandemic year of 2019".
    fn named_year(&self, i: usize) -> Option<(Spec, usize)> {
        let whole = |y: i32| Spec::new(Unit::Year, Some((y, YearSource::Named)));
        if let Some((y, j)) = self.year(i) {
            return Some((whole(y), j));
        }
        let j = self.opt(i, "the");
        let describes = |k: usize| {
            let w = self.norm(k).unwrap_or_default();
            (self.is_word(k) && w != "year" && !words::ends_noun_phrase(w)) || w == "-"
        };
        let k = if j > i {
            (j..j + 4).find(|&k| !describes(k))?
        } else {
            self.opt(j, "calendar")
        };
        let j = self.opt(self.word(k, "year")?, "of");
        let (y, end) = self.year(j)?;
        Some((whole(y), end))
    }

    /// "Q4 2020", "Q4 of 2020", "2020 Q4", "the fourth quarter of last year", "the third quarter".
    fn quarter(&self, i: usize) -> Option<(Spec, usize)> {
        let quarter = |q: u32, year: Year| {
            let first = i8::try_from(q * 3 - 2).ok()?;
            Some(Spec::new(
                Unit::Months {
                    first,
                    last: first + 2,
                    name: MonthsName::Quarter(q),
                },
                year,
            ))
        };
        if let Some((y, j)) = self.year(i) {
            let (q, end) = self.q_number(j, "q")?;
            return Some((quarter(q, Some((y, YearSource::Named)))?, end));
        }
        let (q, j) = self.q_number(i, "q").or_else(|| {
            let j = self.word(i, "the")?;
            let q = words::ordinal(self.norm(j)?)?;
            Some((q, self.word(j + 1, "quarter")?))
        })?;
        let (year, end) = self.year_after(j);
        let vague = year.is_none() && self.word(j - 2, "last").is_some();
        Some((quarter(q, year)?, end)).filter(|_| !vague)
    }

    /// "Q4" or "H1": a letter glued to a small number.
    fn q_number(&self, i: usize, letter: &str) -> Option<(u32, usize)> {
        self.word(i, letter)?;
        let (n, end) = self.number(i + 1).filter(|_| self.glued(i + 1))?;
        let max = if letter == "q" { 4 } else { 2 };
        (1..=max).contains(&n).then_some((n as u32, end))
    }

    /// An optional year after a unit: "of 2020", ", 2020", "2020", "of last year".
    fn year_after(&self, j: usize) -> (Year, usize) {
        let k = if matches!(self.norm(j), Some("of" | ",")) {
            j + 1
        } else {
            j
        };
        match self.year_ref(k) {
            Some((year, end)) if k > j || self.norm(j) != Some("the") => (Some(year), end),
            _ => (None, j),
        }
    }

    /// "H1 2023", "the first half of 2023", "the second half of last year".
    fn half(&self, i: usize) -> Option<(Spec, usize)> {
        let (h, j) = self.q_number(i, "h").or_else(|| {
            let j = self.word(i, "the")?;
            let h = words::ordinal(self.norm(j)?).filter(|h| *h <= 2)?;
            Some((h, self.word(j + 1, "half")?))
        })?;
        let (year, end) = self.year_after(j);
        let first = if h == 1 { 1 } else { 7 };
        let unit = Unit::Months {
            first,
            last: first + 5,
            name: MonthsName::Half(h),
        };
        Some((Spec::new(unit, year), end))
    }

    /// "the first nine months (of 2022)", "the last three months of 2022".
    fn first_months(&self, i: usize) -> Option<(Spec, usize)> {
        let j = self.word(i, "the")?;
        let from_start = match self.norm(j)? {
            "first" => true,
            "last" | "final" => false,
            _ => return None,
        };
        let (n, k) = self.count(j + 1).filter(|(n, _)| (1..=12).contains(n))?;
        let k = self.either(k, &[&["months"], &["month"]])?;
        let (year, end) = self.year_after(k);
        let n8 = i8::try_from(n).ok()?;
        let (first, last, name) = if from_start {
            (1, n8, MonthsName::First(n))
        } else {
            (13 - n8, 12, MonthsName::Last(n))
        };
        (from_start || year.is_some())
            .then_some((Spec::new(Unit::Months { first, last, name }, year), end))
    }

    /// "March 2023", "June of last year", "last June", and, when cued, "March".
    pub fn month_spec(&self, i: usize, cued: bool) -> Option<(Spec, usize)> {
        let single = |m: i8, year: Year| {
            Spec::new(
                Unit::Months {
                    first: m,
                    last: m,
                    name: MonthsName::Month,
                },
                year,
            )
        };
        if let Some((m, end)) = self.word(i, "last").and_then(|j| self.month(j)) {
            let this = self.ref_year();
            let year = if m < self.reference().month() {
                this
            } else {
                this - 1
            };
            return Some((single(m, Some((year, YearSource::Inferred))), end));
        }
        let (m, j) = self.month(i)?;
        match self.year_after(j) {
            (Some(year), end) => Some((single(m, Some(year)), end)),
            (None, _) => cued.then_some((single(m, None), j)),
        }
    }

    /// "12 September 2022", "September 12", "Monday, September 12", "the 3rd of May".
    fn day_spec(&self, i: usize) -> Option<(Spec, usize)> {
        let mut j = i;
        if words::is_weekday(self.norm(j)?) {
            j = self.opt(j + 1, ",");
        }
        let j = self.opt(j, "the");
        let ((month, day), k) = self
            .day_number(j)
            .and_then(|(d, k)| self.month(self.opt(k, "of")).map(|(m, k)| ((m, d), k)))
            .or_else(|| {
                self.month(j)
                    .and_then(|(m, k)| self.day_number(k).map(|(d, k)| ((m, d), k)))
            })?;
        let (year, end) = match self.year(self.opt(k, ",")) {
            Some((y, end)) => (Some((y, YearSource::Named)), end),
            None => (None, k),
        };
        Some((Spec::new(Unit::Day { month, day }, year), end))
    }

    /// "the summer", "this summer", "last summer", "summer 2022"; bare "summer" when cued.
    fn season(&self, i: usize, cued: bool) -> Option<(Spec, usize)> {
        let det = self
            .norm(i)
            .filter(|w| matches!(*w, "the" | "this" | "last"));
        let j = if det.is_some() { i + 1 } else { i };
        let (first, last) = words::season(self.norm(j)?)?;
        let name = MonthsName::Season(if first == 6 {
            "summer"
        } else if first == 3 {
            "spring"
        } else {
            "autumn"
        });
        let unit = Unit::Months { first, last, name };
        let this = self.ref_year();
        let (year, end) = match det {
            Some("this") => (Some((this, YearSource::This)), j + 1),
            Some("last") => {
                let ended = month_end(this, last).is_some_and(|d| d < self.reference());
                (
                    Some((if ended { this } else { this - 1 }, YearSource::Inferred)),
                    j + 1,
                )
            }
            _ => self.year_after(j + 1),
        };
        (det.is_some() || year.is_some() || cued).then_some((Spec::new(unit, year), end))
    }

    /// "the start of the year", "the end of last year", "the end of June", "the beginning of 2020".
    fn start_or_end(&self, i: usize) -> Option<(Spec, usize)> {
        let j = self.opt(i, "the");
        let start = match self.norm(j)? {
            "start" | "beginning" => true,
            "end" => false,
            _ => return None,
        };
        let k = self.word(j + 1, "of")?;
        if let Some((year, end)) = self.year_ref(k) {
            let unit = if start {
                Unit::StartOfYear
            } else {
                Unit::EndOfYear
            };
            return Some((Spec::new(unit, Some(year)), end));
        }
        // "The start of last month", "the end of this month".
        let r = self.reference();
        let this_month = [
            (&["last", "month"][..], -1),
            (&["this", "month"][..], 0),
            (&["the", "month"][..], 0),
        ]
        .iter()
        .find_map(|(words, back)| Some((*back, self.words(k, words)?)));
        if let Some((back, end)) = this_month {
            let first = crate::calendar::add_months(r.first_of_month(), back)?;
            let unit = if start {
                Unit::StartOfMonth(first.month())
            } else {
                Unit::EndOfMonth(first.month())
            };
            let year = (i32::from(first.year()), YearSource::Inferred);
            return Some((Spec::new(unit, Some(year)), end));
        }
        let (m, k) = self.month(k)?;
        let (year, end) = self.year_after(k);
        let unit = if start {
            Unit::StartOfMonth(m)
        } else {
            Unit::EndOfMonth(m)
        };
        Some((Spec::new(unit, year), end))
    }
}
