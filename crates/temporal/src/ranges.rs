//! Ranges: "between 2018 and June 2022", "from May to September 2022", "July to
//! September 2022", "from 2015 onwards".
//!
//! A range runs from the start of its first end to the end of its second; a first end
//! without a year borrows the year of the second ("December to February 2023").

use crate::calendar::long_day;
use crate::grammar::{Core, Found};
use crate::parser::Parser;
use crate::spec::{Missing, Spec, Unit, YearSource};
use crate::{Cue, Period, Value};

impl Parser<'_> {
    /// "between 2018 and June 2022", "from May to September 2022", "from 2020 onwards",
    /// "in the three months from July to September".
    pub(crate) fn between(&self, i: usize) -> Option<(Found, usize)> {
        let j = self.months_prefix(i).unwrap_or(i);
        let (k, and) = match self.norm(j)? {
            "between" => (j + 1, &[&["and"][..]][..]),
            "from" => (
                j + 1,
                &[&["to"][..], &["until"], &["till"], &["through"], &["-"]][..],
            ),
            _ => return None,
        };
        if let Some(found) = self.onwards(k) {
            return Some(found);
        }
        let (a, m) = self.endpoint(k)?;
        let n = self.either(m, and)?;
        let (b, end) = self.endpoint(n)?;
        let p = self.join(a, (k, m), b, (n, end))?;
        Some((
            Found {
                cue: Cue::Between,
                value: Value::Period(p),
            },
            end,
        ))
    }

    /// "in the three months" before "from July to September".
    fn months_prefix(&self, i: usize) -> Option<usize> {
        let j = self
            .norm(i)
            .filter(|w| matches!(*w, "in" | "over" | "during"))
            .map_or(i, |_| i + 1);
        let (_, k) = self.count(self.word(j, "the")?)?;
        let k = self.either(k, &[&["months"], &["month"]])?;
        matches!(self.norm(k), Some("from" | "between")).then_some(k)
    }

    fn onwards(&self, k: usize) -> Option<(Found, usize)> {
        let (core, m) = self.core(k, true)?;
        let end = self.either(m, &[&["onwards"], &["onward"]])?;
        let p = self.since_period(self.period(core, Missing::Begun)?.start, k, m);
        Some((
            Found {
                cue: Cue::Since,
                value: Value::Period(p),
            },
            end,
        ))
    }

    /// From the start of `a` to the end of `b`; a missing year in `a` is taken from `b`.
    pub(crate) fn join(
        &self,
        a: Core,
        a_at: (usize, usize),
        b: Core,
        b_at: (usize, usize),
    ) -> Option<Period> {
        let b = self.period(b, Missing::ReferenceYear)?;
        let a = match a {
            Core::Spec(spec) if !spec.has_year() => self.partner_year(spec, &b)?,
            core => self.period(core, Missing::ReferenceYear)?,
        };
        let d = format!(
            "{} (start of \"{}\") to {} (end of \"{}\")",
            long_day(a.start),
            self.text_of(a_at.0, a_at.1),
            long_day(b.end),
            self.text_of(b_at.0, b_at.1)
        );
        (a.start.earliest <= b.end.latest).then_some(Period {
            start: a.start,
            end: b.end,
            open: b.open,
            derivation: d,
        })
    }

    fn partner_year(&self, spec: Spec, b: &Period) -> Option<Period> {
        let year = i32::from(b.end.latest.year());
        let pin = |y| Spec {
            year: Some((y, YearSource::Inferred)),
            ..spec
        };
        let same = pin(year).resolve(self.reference(), Missing::ReferenceYear)?;
        if same.start.earliest <= b.start.earliest {
            Some(same)
        } else {
            pin(year - 1).resolve(self.reference(), Missing::ReferenceYear)
        }
    }

    /// "July to September 2022", "Jan – Sept 2017", "Q4 2020 to Q3 2022", "2016 to last year".
    pub(crate) fn month_range(&self, i: usize, cued: bool) -> Option<(Period, usize)> {
        let (a, m) = self.spec(i, true)?;
        let n = self.either(m, &[&["to"], &["-"], &["through"], &["until"], &["till"]])?;
        let (b, end) = self.endpoint(n)?;
        let months = |s: &Spec| matches!(s.unit, Unit::Months { .. } | Unit::Day { .. });
        let b_ok = match &b {
            Core::Spec(s) => months(s) || s.has_year(),
            Core::Value(Value::Period(_), _) => a.has_year(),
            Core::Value(..) => false,
        };
        let a_ok = a.has_year()
            || (months(&a) && (cued || self.spec(i, false).is_some() || self.month(i).is_some()));
        if !(a_ok && b_ok) {
            return None;
        }
        Some((self.join(Core::Spec(a), (i, m), b, (n, end))?, end))
    }
}
