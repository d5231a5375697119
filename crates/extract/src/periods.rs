//! Which period a claim is about.
//!
//! A sentence may hold several time expressions: the period of the claim ("since 2018"), a
//! comparison base ("compared with 2015"), and the time the words were said ("a statement
//! last month"). The claim takes the nearest expression that is not a base or a time of
//! speaking; "in that time" takes the period of the claim before; an open period ("since
//! 2018") ends when the words were said, if the text says when.

use std::ops::Range;

use temporal::{Cue, Day, Period, TimeExpr, Value};

use crate::{ClaimPeriod, Said, State, Via};

const SPEECH: [&str; 14] = [
    "said",
    "says",
    "told",
    "statement",
    "announced",
    "speech",
    "interview",
    "wrote",
    "tweeted",
    "claimed",
    "revealed",
    "stated",
    "added",
    "insisted",
];

/// What a claim's periods came to.
#[derive(Debug, Default)]
pub(crate) struct Timing {
    pub period: Option<ClaimPeriod>,
    pub base: Option<ClaimPeriod>,
    pub unresolved: Option<String>,
}

/// A closed period next to the attribution or a speech word: "a statement from the Home
/// Office last month", "told MPs on Tuesday", "Last week, the minister said".
pub(crate) fn time_of_speaking(
    text: &str,
    times: &[TimeExpr],
    attribution: Option<&Range<usize>>,
) -> Option<Said> {
    let lower = text.to_lowercase();
    let mut markers: Vec<Range<usize>> = SPEECH
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(i, _)| i..i + w.len()))
        .collect();
    markers.extend(attribution.cloned());
    times.iter().find_map(|t| {
        let Value::Period(period) = &t.value else {
            return None;
        };
        let adjacent = markers.iter().any(|m| gap(&lower, m, &t.span) <= 2);
        (t.cue == Cue::None && !period.open && adjacent).then(|| Said {
            span: t.span.clone(),
            days: Day {
                earliest: period.start.earliest,
                latest: period.end.latest,
            },
            text: text[t.span.clone()].to_string(),
        })
    })
}

/// Words between two spans, either way round.
fn gap(text: &str, a: &Range<usize>, b: &Range<usize>) -> usize {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if second.start <= first.end {
        return 0;
    }
    text.get(first.end..second.start)
        .map_or(usize::MAX, |between| between.split_whitespace().count())
}

pub(crate) fn choose(
    text: &str,
    quantity: &Range<usize>,
    times: &[TimeExpr],
    said: Option<&Said>,
    state: &State,
) -> Timing {
    let candidates: Vec<&TimeExpr> = times
        .iter()
        .filter(|t| said.is_none_or(|s| s.span != t.span))
        .collect();
    let is_base =
        |t: &TimeExpr| t.cue == Cue::Compared || matches!(t.value, Value::Relative { .. });
    let main = nearest(quantity, candidates.iter().copied().filter(|t| !is_base(t)));
    let mut timing = Timing::default();
    match main.map(|t| (t, &t.value)) {
        Some((t, Value::Period(period))) => {
            timing.period = Some(stated(text, t, ending_when_said(period, said)));
        }
        Some((t, Value::BackReference)) => {
            timing.period = state.back_reference().cloned().map(|p| ClaimPeriod {
                text: text[t.span.clone()].to_string(),
                span: Some(t.span.clone()),
                via: Via::BackReference,
                ..p
            });
        }
        Some((_, Value::Unresolved { what })) => timing.unresolved = Some(what.clone()),
        Some((_, Value::Relative { .. })) => {}
        None => {
            timing.period = state.sentence_period.clone().map(|p| ClaimPeriod {
                via: Via::Context,
                span: None,
                ..p
            });
        }
    }
    timing.base = base(text, quantity, &candidates, timing.period.as_ref(), is_base);
    timing
}

fn base(
    text: &str,
    quantity: &Range<usize>,
    candidates: &[&TimeExpr],
    main: Option<&ClaimPeriod>,
    is_base: impl Fn(&TimeExpr) -> bool,
) -> Option<ClaimPeriod> {
    let t = nearest(quantity, candidates.iter().copied().filter(|t| is_base(t)))?;
    match &t.value {
        Value::Period(period) => Some(stated(text, t, period.clone())),
        Value::Relative { years_back } => {
            let main = main?;
            let shifted = shift_years(&main.period, -years_back)?;
            Some(ClaimPeriod {
                period: shifted,
                text: text[t.span.clone()].to_string(),
                span: Some(t.span.clone()),
                via: Via::Relative,
            })
        }
        _ => None,
    }
}

fn stated(text: &str, t: &TimeExpr, period: Period) -> ClaimPeriod {
    ClaimPeriod {
        period,
        text: text[t.span.clone()].to_string(),
        span: Some(t.span.clone()),
        via: Via::Stated,
    }
}

fn ending_when_said(period: &Period, said: Option<&Said>) -> Period {
    match said {
        Some(said) if period.open => {
            let start = period
                .derivation
                .split(" until ")
                .next()
                .unwrap_or(&period.derivation);
            Period {
                end: said.days,
                derivation: format!(
                    "{start}, until it was said (\"{}\": {} to {})",
                    said.text, said.days.earliest, said.days.latest
                ),
                ..period.clone()
            }
        }
        _ => period.clone(),
    }
}

fn nearest<'a>(
    quantity: &Range<usize>,
    times: impl Iterator<Item = &'a TimeExpr>,
) -> Option<&'a TimeExpr> {
    times.min_by_key(|t| distance(quantity, &t.span))
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn shift_years(period: &Period, years: i32) -> Option<Period> {
    let shift = |d: jiff::civil::Date| d.checked_add(jiff::Span::new().years(years)).ok();
    let day = |d: Day| {
        Some(Day {
            earliest: shift(d.earliest)?,
            latest: shift(d.latest)?,
        })
    };
    Some(Period {
        start: day(period.start)?,
        end: day(period.end)?,
        open: false,
        derivation: format!("{} moved {} year(s) earlier", period.derivation, -years),
    })
}
