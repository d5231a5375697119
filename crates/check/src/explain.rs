//! One plain sentence for each verdict.
//!
//! A journalist reads the sentence before anything else, so it says what was claimed, what
//! the data give under the reading the verdict rests on, and, where it matters, how the
//! period meets the quarters or which other reading was considered.

use extract::{Claim, Hedge};
use query::{Arithmetic, Figure, Plan, Reading, Window};

use crate::judge::{Outcome, Reason};
use crate::number;
use crate::{Judged, unmatched};

pub(crate) fn sentence(
    claim: &Claim,
    plan: &Plan,
    readings: &[Judged],
    outcome: &Outcome,
) -> String {
    let said = format!("\"{}\"", claim.words());
    let decisive = outcome.decisive.and_then(|i| readings.get(i));
    match (&outcome.reason, decisive) {
        (Reason::Hedged(Hedge::Forecast { words }), _) => {
            let outcome = readings
                .first()
                .filter(|j| {
                    j.figure.coverage == query::Coverage::Full && j.figure.value.is_finite()
                })
                .map(|j| format!(" For reference, the outcome: {}.", working(j)))
                .unwrap_or_default();
            format!(
                "Not checkable: {said} is a forecast (\"{words}\"), which recorded figures cannot confirm or refute.{outcome}"
            )
        }
        (Reason::Hedged(Hedge::NotPeople { words }), _) => {
            format!("Not checkable: {said} counts {words}, and the tables count people.")
        }
        (Reason::Hedged(Hedge::Motive { words }), _) => {
            format!(
                "Not checkable: {said} is about why people come (\"{words}\"), which the statistics do not record."
            )
        }
        (Reason::Hedged(Hedge::OneDay { words }), _) => {
            format!("Not checkable: {said} is a count of {words}, and the tables count by quarter.")
        }
        (Reason::Hedged(Hedge::OtherCount { words }), _) => {
            format!(
                "Not checkable: {said} counts {words}, which are not what the statistics count."
            )
        }
        (Reason::NoReading, _) => format!("Not checkable: {}.", unmatched(plan)),
        (Reason::NoFigure, _) => {
            format!("Not checkable: the data give no figure for {said} under any reading.")
        }
        (Reason::NotCovered, Some(j)) => not_covered(claim, &said, j),
        (Reason::Natural, Some(j)) => {
            let how = match j.fit {
                crate::Fit::Consistent { by_estimate: true } => {
                    "; the quarters alone cannot settle it, but the day-weighted estimate does"
                }
                _ => "",
            };
            if j.fit == crate::Fit::Plausible {
                return format!(
                    "{said} fits as far as the quarters can tell: {}; the claim lies between the bounds, and the estimate assumes the partly covered quarters are evenly spread, which returns and arrivals seldom are.",
                    working(j)
                );
            }
            format!(
                "{said} is borne out: {}{how}{}.",
                working(j),
                provisional_gap(claim, j)
            )
        }
        (Reason::OtherReading, Some(j)) => {
            let usual = &readings[0];
            format!(
                "{said} is borne out if the text means {}; the usual reading, {}",
                working(j),
                working(usual)
            ) + "."
        }
        (Reason::Estimated, Some(j)) => format!(
            "{said} is about right, but only a day-weighted estimate can be set against an exact figure: {}.",
            working(j)
        ),
        (Reason::LessNatural, Some(j)) => {
            let usual = &readings[0];
            format!(
                "{said} holds only for {}; the usual reading, {}",
                working(j),
                working(usual)
            ) + "."
        }
        (Reason::Close, Some(j)) => format!(
            "{said} is close but not exact: {}; the gap may reflect rounding or later revisions of the official figures.",
            working(j)
        ),
        (Reason::Far, Some(j)) => format!(
            "{said} is not borne out: {}{}.",
            working(j),
            widest(claim, readings)
        ),
        _ => format!("{said}: no verdict could be reached."),
    }
}

/// For an exact count further from the figure than revisions usually move it, but within
/// what a preliminary count or a provisional year's figures move: says so.
fn provisional_gap(claim: &Claim, j: &Judged) -> &'static str {
    let Some(q) = claim.quantity() else {
        return "";
    };
    if q.kind != quantity::Kind::Count
        || q.vague
        || !matches!(j.reading.arithmetic, Arithmetic::Sum)
    {
        return "";
    }
    let gap = (q.value - j.figure.value).abs();
    let beyond_rounding = q.qualifier == quantity::Qualifier::Exact && gap > q.precision / 2.0;
    if !beyond_rounding || !j.figure.aligned || gap <= crate::judge::REVISION * j.figure.value.abs()
    {
        ""
    } else if j.reading.preliminary {
        "; the figures for the period were not yet published when it was said, and the gap is within what the published figures revise a preliminary count by"
    } else if j.reading.provisional {
        "; the gap is within the revisions to be expected of the latest year's figures, which are provisional"
    } else {
        ""
    }
}

/// "enforced and voluntary returns ... from 13 December 2022 to 16 May 2023, come to about
/// 1,800".
fn working(j: &Judged) -> String {
    format!(
        "{}, {}, {}",
        j.reading.description,
        period_words(&j.reading.window),
        figure_words(&j.reading, &j.figure)
    )
}

fn not_covered(claim: &Claim, said: &str, j: &Judged) -> String {
    if let Some(base) = covered_base(claim, j) {
        return base;
    }
    // The period is in the data but the base it is set against is not.
    let base = match &j.reading.arithmetic {
        Arithmetic::Change { base }
        | Arithmetic::Difference { base }
        | Arithmetic::Ratio { base } => Some(base),
        _ => None,
    };
    if let (Some(base), query::Coverage::Partial { first, last }) = (base, j.figure.coverage) {
        let window = &j.reading.window;
        if window.first >= first && window.last <= last {
            return format!(
                "{said} is set against {}, which the data, from {first} to {last}, do not reach.",
                period_words(base)
            );
        }
    }
    let covered = match j.figure.coverage {
        query::Coverage::Partial { first, last }
            if matches!(j.reading.arithmetic, Arithmetic::Sum) && j.figure.value.is_finite() =>
        {
            format!(
                "the data cover only {first} to {last} of it, where the figures come to about {}",
                number::count(j.figure.value)
            )
        }
        query::Coverage::Partial { first, last } => {
            format!("the data cover only {first} to {last} of it")
        }
        _ => "the data do not reach it".to_string(),
    };
    let period = period_words(&j.reading.window);
    let period = period
        .strip_prefix("in ")
        .or_else(|| period.strip_prefix("from "))
        .unwrap_or(&period);
    format!("{said} speaks of {period}, and {covered}.")
}

/// For a change whose period the data do not reach but whose base they hold ("up 16% on the
/// same quarter last year"): the base, and what the change would make of it.
fn covered_base(claim: &Claim, j: &Judged) -> Option<String> {
    let (base, window) = covered_base_figure(j)?;
    let q = claim.quantity()?;
    let claimed = crate::judge::claimed_value(q, &j.reading);
    let implied = match j.reading.arithmetic {
        Arithmetic::Change { .. } => base * (1.0 + claimed / 100.0),
        _ => base * claimed,
    };
    let period = period_words(&j.reading.window);
    let period = period.strip_prefix("in ").unwrap_or(&period);
    Some(format!(
        "{said} speaks of {period}, which the data do not reach; they hold its base: {}, come to {}, so {said} would put {period} at about {}.",
        base_words(j, window),
        number::count(base),
        number::count(implied),
        said = format!("\"{}\"", claim.words()),
    ))
}

/// What a change's base counts, and when: "enforced and voluntary returns, in 2023Q3".
pub(crate) fn base_words(j: &Judged, window: &Window) -> String {
    format!("{}, {}", j.reading.description, period_words(window))
}

/// The base of a change or ratio whose base period the data cover in full while its own
/// period lies beyond them, with the base's window.
pub(crate) fn covered_base_figure(j: &Judged) -> Option<(f64, &Window)> {
    let (Arithmetic::Change { base: window } | Arithmetic::Ratio { base: window }) =
        &j.reading.arithmetic
    else {
        return None;
    };
    let query::Coverage::Partial { first, last } = j.figure.coverage else {
        return None;
    };
    let holds_base = first.index() <= window.first.index() && window.last.index() <= last.index();
    let misses_period = j.reading.window.last.index() > last.index();
    let base = j
        .figure
        .parts
        .iter()
        .find(|(name, _)| name == "base")
        .map(|(_, v)| *v)?;
    (holds_base && misses_period && base.is_finite() && base > 0.0).then_some((base, window))
}

/// Under "more than" claims, the largest figure any reading gives.
fn widest(claim: &Claim, readings: &[Judged]) -> String {
    let Some(q) = claim.quantity() else {
        return String::new();
    };
    if !matches!(
        q.qualifier,
        quantity::Qualifier::MoreThan | quantity::Qualifier::AtLeast
    ) || readings.len() < 2
    {
        return String::new();
    }
    let widest = readings
        .iter()
        .filter(|j| matches!(j.reading.arithmetic, Arithmetic::Sum) && j.figure.upper.is_finite())
        .max_by(|a, b| a.figure.upper.total_cmp(&b.figure.upper));
    if let Some(w) = widest {
        return format!(
            "; even the widest reading, {} over the whole quarters {} to {}, gives only {}",
            w.reading.description,
            w.reading.window.first,
            w.reading.window.last,
            number::count(w.figure.upper)
        );
    }
    // A share: the largest any reading gives, when it is not the one already given.
    let largest = readings
        .iter()
        .filter(|j| matches!(j.reading.arithmetic, Arithmetic::Share) && j.figure.value.is_finite())
        .max_by(|a, b| a.figure.value.total_cmp(&b.figure.value));
    match largest {
        Some(w) if w.figure.value > readings[0].figure.value => format!(
            "; even the widest reading, {}, gives only {}",
            w.reading.description,
            number::percent(w.figure.value)
        ),
        _ => String::new(),
    }
}

/// A count with its sign: "+5,234", "-1,020".
fn signed_count(value: f64) -> String {
    if value > 0.0 {
        format!("+{}", number::count(value))
    } else {
        number::count(value)
    }
}

/// A period after a figure: "in 2022Q1", "in 2021Q1 to 2021Q4", "between 13 December 2022
/// and 16 May 2023".
fn during(window: &Window) -> String {
    let words = period_words(window);
    if words.starts_with("in ") {
        words
    } else if let Some(span) = words.strip_prefix("from ") {
        format!("between {}", span.replacen(" to ", " and ", 1))
    } else {
        format!("in {words}")
    }
}

pub(crate) fn period_words(window: &Window) -> String {
    let p = &window.period;
    if window.aligned() {
        return if window.first == window.last {
            format!("in {}", window.first)
        } else {
            format!("{} to {}", window.first, window.last)
        };
    }
    let end = if p.end.earliest == p.end.latest {
        number::date(p.end.earliest)
    } else {
        format!(
            "between {} and {}",
            number::date(p.end.earliest),
            number::date(p.end.latest)
        )
    };
    let start = if p.start.earliest == p.start.latest {
        number::date(p.start.earliest)
    } else {
        format!(
            "a day between {} and {}",
            number::date(p.start.earliest),
            number::date(p.start.latest)
        )
    };
    format!("from {start} to {end}")
}

pub(crate) fn figure_words(reading: &Reading, figure: &Figure) -> String {
    match &reading.arithmetic {
        Arithmetic::Sum if figure.aligned => format!("come to {}", number::count(figure.value)),
        Arithmetic::Sum => {
            let estimate = if (figure.range.0 - figure.range.1).abs() >= 1.0 {
                format!(
                    "about {} to {}",
                    number::count(figure.range.0),
                    number::count(figure.range.1)
                )
            } else {
                format!("about {}", number::count(figure.value))
            };
            format!(
                "come to {estimate} (day-weighted; whole quarters give {} to {})",
                number::count(figure.lower),
                number::count(figure.upper)
            )
        }
        Arithmetic::Rate { per } => {
            let total = part(figure, "total");
            let about = if figure.aligned { "" } else { "about " };
            let rate = figure.value;
            let rate = if rate.abs() < 10.0 {
                format!("{rate:.1}")
            } else {
                number::count(rate)
            };
            format!(
                "come to {about}{}, or {about}{rate} a {}",
                number::count(total),
                per.word()
            )
        }
        Arithmetic::Share => {
            let (part, whole) = (part(figure, "part"), part(figure, "whole"));
            format!(
                "make up {} ({} of {})",
                number::percent(figure.value),
                number::count(part),
                number::count(whole)
            )
        }
        Arithmetic::ShareOf { part: of } => {
            format!(
                "make up {} ({} {} [{}] of {})",
                number::percent(figure.value),
                number::count(part(figure, "part")),
                of.description,
                of.dataset,
                number::count(part(figure, "whole"))
            )
        }
        Arithmetic::TopShare { top, .. } => {
            let leaders: Vec<String> = figure
                .parts
                .iter()
                .skip(2)
                .map(|(code, total)| format!("{code} {}", number::count(*total)))
                .collect();
            format!(
                "make up {} for the {top} largest countries ({}: {} of {})",
                number::percent(figure.value),
                leaders.join(", "),
                number::count(part(figure, "part")),
                number::count(part(figure, "whole"))
            )
        }
        Arithmetic::Change { base } => format!(
            "changed by {} (from {} {} to {})",
            number::change(figure.value),
            number::count(part(figure, "base")),
            during(base),
            number::count(part(figure, "period"))
        ),
        Arithmetic::Difference { base } => format!(
            "changed by {} (from {} {} to {})",
            signed_count(figure.value),
            number::count(part(figure, "base")),
            during(base),
            number::count(part(figure, "period"))
        ),
        Arithmetic::Ratio { base } => format!(
            "are {} the {} {}",
            number::times(figure.value),
            number::count(part(figure, "base")),
            during(base)
        ),
        Arithmetic::Ranking { top, position, .. } => {
            let leaders: Vec<String> = figure
                .parts
                .iter()
                .take((*top).max(position.unwrap_or(0)))
                .map(|(code, total)| format!("{code} {}", number::count(*total)))
                .collect();
            match position {
                Some(_) => format!(
                    "rank the country named {}; the leaders are {}",
                    ordinal(figure.value),
                    leaders.join(", ")
                ),
                None => format!(
                    "have {} of the countries named in the top {top}: {}",
                    number::count(figure.value),
                    leaders.join(", ")
                ),
            }
        }
        Arithmetic::Record {
            others,
            high,
            peak: true,
            ..
        } => {
            let word = if *high { "highest" } else { "lowest" };
            format!(
                "have their {word} stretch in {} among the {} years compared",
                number::count(figure.value).replace(',', ""),
                others.len() + 1
            )
        }
        Arithmetic::Record {
            others,
            high,
            short_of,
            ..
        } => {
            let best = part(figure, "best of the others");
            let short = short_of.map_or(String::new(), |first| {
                format!("; the figures begin in {first}, so the years the claim reaches back to before then cannot be compared")
            });
            let word = if *high { "highest" } else { "lowest" };
            // Runs that start in other months of the year are every earlier stretch as long.
            let month = reading.window.first.first_month();
            let against = if others.iter().any(|w| w.first.first_month() != month) {
                "every earlier stretch as long"
            } else {
                "the same stretch in other years"
            };
            format!(
                "come to {}, which ranks {} of {} against {against} (the {word} of the others: {}){short}",
                number::count(part(figure, "period")),
                number::count(figure.value),
                others.len() + 1,
                number::count(best)
            )
        }
        Arithmetic::Trend => match touched(reading, figure) {
            Some((first, last)) => format!(
                "went from {} in {first} to {} in {last}",
                number::count(part(figure, "first quarter")),
                number::count(part(figure, "last quarter")),
            ),
            None => "show no series".to_string(),
        },
    }
}

fn ordinal(rank: f64) -> String {
    if !rank.is_finite() {
        return "nowhere".to_string();
    }
    let n = rank as u64;
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The first and last quarters the period touches, which a trend compares.
fn touched(reading: &Reading, figure: &Figure) -> Option<(store::Quarter, store::Quarter)> {
    let mut quarters = figure
        .series
        .iter()
        .zip(&reading.window.estimate)
        .filter(|(_, w)| **w > 0.0)
        .map(|((q, _), _)| *q);
    let first = quarters.next()?;
    Some((first, quarters.next_back().unwrap_or(first)))
}

fn part(figure: &Figure, name: &str) -> f64 {
    figure
        .parts
        .iter()
        .find(|(n, _)| n == name)
        .map_or(f64::NAN, |(_, v)| *v)
}
