//! What the data say under a reading.
//!
//! Every reading comes down to sums of the measure per quarter over a filter; the window's
//! weights turn those into a lower bound (whole quarters inside the period), an upper bound
//! (every quarter the period touches) and a day-weighted estimate. Shares, changes, ratios
//! and trends are built from such sums.

use store::{Condition, Filter as StoreFilter, Quarter, Table};

use crate::window::Window;
use crate::{Arithmetic, Filter, Reading};

/// The figure a reading gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The day-weighted estimate, in the claim's terms: a count, a percentage, a percentage
    /// change, a multiple, or (for a trend) the percentage change from the first quarter to
    /// the last.
    pub value: f64,
    /// The lowest and highest the figure can be, given how the period meets quarters.
    pub lower: f64,
    pub upper: f64,
    /// The estimate under the narrowest and the widest reading of a fuzzy period.
    pub range: (f64, f64),
    /// True when the period is whole quarters, so that the figure is exact.
    pub aligned: bool,
    /// The sums a share, change or ratio is made of, by name ("part", "whole", "period",
    /// "base", "first quarter", "last quarter").
    pub parts: Vec<(String, f64)>,
    /// The filtered total of each quarter of the period.
    pub series: Vec<(Quarter, f64)>,
    pub coverage: Coverage,
}

/// How much of a reading's quarters the table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Full,
    /// Only the quarters from `first` to `last` are in the table.
    Partial {
        first: Quarter,
        last: Quarter,
    },
    /// None of them are.
    None,
}

/// Computes the figure of `reading` over `table`.
pub fn evaluate(reading: &Reading, table: &Table) -> Figure {
    evaluate_with(reading, table, None)
}

/// Computes the figure of `reading` over `table`, with `part_table` the table of the part
/// of a share counted in another table ([`Arithmetic::ShareOf`]); without it, such a share
/// has no figure.
pub fn evaluate_with(reading: &Reading, table: &Table, part_table: Option<&Table>) -> Figure {
    let all = store_filter(table, &reading.filters, |_| true);
    let series = sums(table, &all, &reading.window);
    let mut coverage = coverage(table, &reading.window, reading_base(reading));
    if let (Arithmetic::ShareOf { .. }, Some(part_table)) = (&reading.arithmetic, part_table) {
        let part = self::coverage(part_table, &reading.window, None);
        if part != Coverage::Full {
            coverage = part;
        }
    }
    let quarters: Vec<(Quarter, f64)> = reading
        .window
        .quarters()
        .zip(series.iter().copied())
        .collect();
    let keeps_own_series = matches!(
        reading.arithmetic,
        Arithmetic::Record { .. } | Arithmetic::Ranking { .. } | Arithmetic::TopShare { .. }
    );
    let mut figure = match &reading.arithmetic {
        Arithmetic::Sum => sum_figure(&reading.window, &series),
        Arithmetic::Rate { per } => rate_figure(&reading.window, &series, *per),
        Arithmetic::Share => {
            let whole = store_filter(table, &reading.filters, |f| !f.part);
            share_figure(
                &reading.window,
                &series,
                &sums(table, &whole, &reading.window),
            )
        }
        Arithmetic::Change { base } => compare(
            &reading.window,
            &series,
            base,
            &sums(table, &all, base),
            percent_change,
        ),
        Arithmetic::Difference { base } => compare(
            &reading.window,
            &series,
            base,
            &sums(table, &all, base),
            |a, b| a - b,
        ),
        Arithmetic::Ratio { base } => compare(
            &reading.window,
            &series,
            base,
            &sums(table, &all, base),
            |a, b| a / b,
        ),
        Arithmetic::Trend => trend_figure(&reading.window, &series),
        Arithmetic::Ranking {
            column,
            countries,
            named,
            top,
            position,
        } => {
            let ranked =
                rank_countries(table, &reading.filters, column, countries, &reading.window);
            ranking_figure(&reading.window, &ranked, named, *top, *position)
        }
        Arithmetic::ShareOf { part } => {
            let part_series = part_table.map_or_else(
                || vec![f64::NAN; series.len()],
                |t| {
                    sums(
                        t,
                        &store_filter(t, &part.filters, |_| true),
                        &reading.window,
                    )
                },
            );
            share_figure(&reading.window, &part_series, &series)
        }
        Arithmetic::TopShare {
            column,
            countries,
            top,
            ..
        } => {
            let ranked =
                rank_countries(table, &reading.filters, column, countries, &reading.window);
            let whole = sums_of(&reading.window, &series).estimate;
            top_share_figure(&reading.window, &ranked, *top, whole)
        }
        Arithmetic::Record {
            others, high, peak, ..
        } => {
            let totals: Vec<(Quarter, f64)> = others
                .iter()
                .map(|w| (w.first, sums_of(w, &sums(table, &all, w)).estimate))
                .collect();
            let mut figure = record_figure(&reading.window, &series, &totals, *high);
            if *peak {
                figure.value = peak_year(&reading.window, &figure, &totals, *high);
            }
            figure
        }
    };
    if !keeps_own_series {
        figure.series = quarters;
    }
    if coverage == Coverage::None {
        // Nothing of the period is in the table: no figure, rather than a sum of nothing.
        figure.value = f64::NAN;
        figure.lower = f64::NAN;
        figure.upper = f64::NAN;
        figure.range = (f64::NAN, f64::NAN);
    }
    figure.coverage = coverage;
    figure
}

/// The record a claim of a record sets itself against: the highest (or, for a low, the
/// lowest) total the table holds over a stretch as long as the claim's period, in quarters
/// running, under the reading's filters. A period of a year or more is a yearly level, set
/// against every four quarters running ("record levels of returns" in a minister's time).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub value: f64,
    /// The first and last quarter of the stretch that holds it.
    pub first: Quarter,
    pub last: Quarter,
}

/// The standing record for a record claim's reading, over `table` from `since` (how far back
/// the claim reaches: "the highest since 2018") or its first quarter; `None` for a reading
/// that is not of a record, or a table too short to hold one stretch.
pub fn standing_record(
    reading: &Reading,
    table: &Table,
    since: Option<Quarter>,
) -> Option<Standing> {
    let Arithmetic::Record { high, .. } = reading.arithmetic else {
        return None;
    };
    let coverage = table.coverage()?;
    let (first, last) = (*coverage.start(), *coverage.end());
    let first = since.map_or(first, |s| s.max(first));
    if first > last {
        return None;
    }
    let days = reading.window.period.days() + 1;
    let length = if days >= 365 {
        4
    } else {
        ((days as f64 / 91.3).round() as i32).max(1)
    };
    let rows = store_filter(table, &reading.filters, |_| true);
    let mut series = vec![0.0; (last.index() - first.index() + 1) as usize];
    for (sign, filter) in &rows.terms {
        for (total, part) in series
            .iter_mut()
            .zip(table.sum_by_quarter(filter, first..=last))
        {
            *total += sign * part;
        }
    }
    let stretches = series.windows(length as usize).enumerate().map(|(i, w)| {
        let start = Quarter::from_index(first.index() + i as i32);
        (start, w.iter().sum::<f64>())
    });
    let better = |a: f64, b: f64| if high { a > b } else { a < b };
    let (start, value) = stretches.reduce(|best, s| if better(s.1, best.1) { s } else { best })?;
    Some(Standing {
        value,
        first: start,
        last: Quarter::from_index(start.index() + length - 1),
    })
}

fn reading_base(reading: &Reading) -> Option<&Window> {
    match &reading.arithmetic {
        Arithmetic::Change { base }
        | Arithmetic::Ratio { base }
        | Arithmetic::Difference { base } => Some(base),
        _ => None,
    }
}

/// The rows a reading keeps, as store filters whose sums are added or taken away: one
/// filter, or for groups joined by "and" ("women and children") the inclusion–exclusion of
/// their conjunctions: women, plus children, less girls.
#[derive(Debug, Clone)]
struct Rows {
    terms: Vec<(f64, StoreFilter)>,
}

impl Rows {
    /// The same rows, narrowed further by `condition`.
    fn and(&self, condition: &Condition) -> Rows {
        let terms = self
            .terms
            .iter()
            .map(|(sign, filter)| {
                let mut filter = filter.clone();
                filter.conditions.push(condition.clone());
                (*sign, filter)
            })
            .collect();
        Rows { terms }
    }
}

fn store_filter(table: &Table, filters: &[Filter], keep: impl Fn(&Filter) -> bool) -> Rows {
    let condition = |f: &Filter| match table.column(&f.column) {
        Some(column) => {
            let named: Vec<u32> = f
                .values
                .iter()
                .filter_map(|label| table.code(column, label))
                .collect();
            let codes = if f.excluded {
                let all = table.dimensions[column].dictionary.len() as u32;
                (0..all).filter(|c| !named.contains(c)).collect()
            } else {
                named
            };
            Condition { column, codes }
        }
        None => Condition {
            column: 0,
            codes: Vec::new(),
        },
    };
    let kept = || filters.iter().filter(|f| keep(f));
    let joined: Vec<Condition> = kept().filter(|f| f.joined).map(condition).collect();
    let base: Vec<Condition> = kept().filter(|f| !f.joined).map(condition).collect();
    if joined.is_empty() {
        return Rows {
            terms: vec![(1.0, StoreFilter { conditions: base })],
        };
    }
    // Every non-empty subset of the joined groups, added when it has an odd number of them
    // and taken away when even.
    let terms = (1u32..1 << joined.len().min(8))
        .map(|subset| {
            let mut conditions = base.clone();
            conditions.extend(
                joined
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| subset & (1 << i) != 0)
                    .map(|(_, c)| c.clone()),
            );
            let sign = if subset.count_ones() % 2 == 1 {
                1.0
            } else {
                -1.0
            };
            (
                sign,
                StoreFilter {
                    conditions: one_per_column(conditions),
                },
            )
        })
        .collect();
    Rows { terms }
}

/// Conditions on the same column as one, keeping the codes all of them allow: a store
/// filter constrains each column once.
fn one_per_column(conditions: Vec<Condition>) -> Vec<Condition> {
    let mut merged: Vec<Condition> = Vec::with_capacity(conditions.len());
    for c in conditions {
        match merged.iter_mut().find(|m| m.column == c.column) {
            Some(m) => m.codes.retain(|code| c.codes.contains(code)),
            None => merged.push(c),
        }
    }
    merged
}

fn sums(table: &Table, rows: &Rows, window: &Window) -> Vec<f64> {
    let mut total = vec![0.0; window.quarters().count()];
    for (sign, filter) in &rows.terms {
        let part = table.sum_by_quarter(filter, window.first..=window.last);
        for (t, p) in total.iter_mut().zip(part) {
            *t += sign * p;
        }
    }
    total
}

fn dot(values: &[f64], weights: &[f64]) -> f64 {
    values.iter().zip(weights).map(|(v, w)| v * w).sum()
}

/// The three sums of one series under a window: lower, estimate, upper, and the estimate's
/// narrow and wide readings.
#[derive(Debug, Clone, Copy)]
struct Sums {
    lower: f64,
    estimate: f64,
    upper: f64,
    narrow: f64,
    wide: f64,
}

fn sums_of(window: &Window, series: &[f64]) -> Sums {
    Sums {
        lower: dot(series, &window.lower),
        estimate: dot(series, &window.estimate),
        upper: series.iter().sum(),
        narrow: dot(series, &window.narrow),
        wide: dot(series, &window.wide),
    }
}

fn empty_figure(
    value: f64,
    lower: f64,
    upper: f64,
    range: (f64, f64),
    aligned: bool,
    parts: Vec<(String, f64)>,
) -> Figure {
    Figure {
        value,
        lower,
        upper,
        range,
        aligned,
        parts,
        series: Vec::new(),
        coverage: Coverage::Full,
    }
}

fn sum_figure(window: &Window, series: &[f64]) -> Figure {
    let s = sums_of(window, series);
    empty_figure(
        s.estimate,
        s.lower,
        s.upper,
        (s.narrow, s.wide),
        window.aligned(),
        Vec::new(),
    )
}

/// The total as an average per day, week, month or year of the period: the bounds are the
/// bounds of the total over the period's own length.
fn rate_figure(window: &Window, series: &[f64], per: quantity::Per) -> Figure {
    let units = window.days() / per.days();
    let s = sums_of(window, series);
    let rate = |total: f64| if units > 0.0 { total / units } else { f64::NAN };
    empty_figure(
        rate(s.estimate),
        rate(s.lower),
        rate(s.upper),
        (rate(s.narrow), rate(s.wide)),
        window.aligned(),
        vec![
            ("total".to_string(), s.estimate),
            (format!("{}s", per.word()), units),
        ],
    )
}

fn share_figure(window: &Window, part: &[f64], whole: &[f64]) -> Figure {
    let p = sums_of(window, part);
    let w = sums_of(window, whole);
    let pct = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b * 100.0 };
    let estimate = pct(p.estimate, w.estimate);
    let candidates = [pct(p.lower, w.lower), pct(p.upper, w.upper), estimate];
    let finite: Vec<f64> = candidates.into_iter().filter(|v| v.is_finite()).collect();
    let lower = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let upper = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let parts = vec![
        ("part".to_string(), p.estimate),
        ("whole".to_string(), w.estimate),
    ];
    empty_figure(
        estimate,
        lower,
        upper,
        (pct(p.narrow, w.narrow), pct(p.wide, w.wide)),
        window.aligned(),
        parts,
    )
}

fn percent_change(now: f64, then: f64) -> f64 {
    (now - then) / then * 100.0
}

fn compare(
    window: &Window,
    series: &[f64],
    base: &Window,
    base_series: &[f64],
    f: impl Fn(f64, f64) -> f64,
) -> Figure {
    let now = sums_of(window, series);
    let then = sums_of(base, base_series);
    let guarded = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { f(a, b) };
    let estimate = guarded(now.estimate, then.estimate);
    let extremes = [
        guarded(now.lower, then.upper),
        guarded(now.upper, then.lower),
        estimate,
    ];
    let finite: Vec<f64> = extremes.into_iter().filter(|v| v.is_finite()).collect();
    let lower = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let upper = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let parts = vec![
        ("period".to_string(), now.estimate),
        ("base".to_string(), then.estimate),
    ];
    let range = (
        guarded(now.narrow, then.narrow),
        guarded(now.wide, then.wide),
    );
    empty_figure(
        estimate,
        lower,
        upper,
        range,
        window.aligned() && base.aligned(),
        parts,
    )
}

fn trend_figure(window: &Window, series: &[f64]) -> Figure {
    let touched: Vec<f64> = series
        .iter()
        .zip(&window.estimate)
        .filter(|(_, w)| **w > 0.0)
        .map(|(v, _)| *v)
        .collect();
    let first = touched.first().copied().unwrap_or(0.0);
    let last = touched.last().copied().unwrap_or(0.0);
    let change = if first == 0.0 {
        f64::NAN
    } else {
        percent_change(last, first)
    };
    let parts = vec![
        ("first quarter".to_string(), first),
        ("last quarter".to_string(), last),
    ];
    empty_figure(change, change, change, (change, change), true, parts)
}

/// The period's rank among the other years (1 is the record), and the best of the others.
fn record_figure(window: &Window, series: &[f64], others: &[(Quarter, f64)], high: bool) -> Figure {
    let total = sums_of(window, series).estimate;
    let better = |other: f64| if high { other > total } else { other < total };
    let rank = 1 + others.iter().filter(|(_, v)| better(*v)).count();
    let best = others
        .iter()
        .map(|(_, v)| *v)
        .reduce(|a, b| if high { a.max(b) } else { a.min(b) });
    let value = if others.is_empty() {
        f64::NAN
    } else {
        rank as f64
    };
    let mut parts = vec![
        ("period".to_string(), total),
        ("years compared".to_string(), others.len() as f64),
    ];
    parts.extend(best.map(|b| ("best of the others".to_string(), b)));
    let mut figure = empty_figure(value, value, value, (value, value), window.aligned(), parts);
    figure.series = others.to_vec();
    figure
}

/// Each country's day-weighted total under the reading's filters, largest first.
fn rank_countries(
    table: &Table,
    filters: &[Filter],
    column: &str,
    countries: &[(String, Vec<String>)],
    window: &Window,
) -> Vec<(String, f64)> {
    let base = store_filter(table, filters, |_| true);
    let Some(index) = table.column(column) else {
        return Vec::new();
    };
    let mut ranked: Vec<(String, f64)> = countries
        .iter()
        .map(|(code, labels)| {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let rows = base.and(&Condition {
                column: index,
                codes: table.codes(index, &labels),
            });
            (
                code.clone(),
                sums_of(window, &sums(table, &rows, window)).estimate,
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

/// How many of the named countries are in the top, or the rank of the one named; the top
/// countries and their totals are the parts.
fn ranking_figure(
    window: &Window,
    ranked: &[(String, f64)],
    named: &[String],
    top: usize,
    position: Option<usize>,
) -> Figure {
    let rank_of = |code: &str| ranked.iter().position(|(c, _)| c == code).map(|i| i + 1);
    let value = match position {
        Some(_) => named
            .first()
            .and_then(|c| rank_of(c))
            .map_or(f64::NAN, |r| r as f64),
        None => named
            .iter()
            .filter(|c| rank_of(c).is_some_and(|r| r <= top))
            .count() as f64,
    };
    let parts = ranked
        .iter()
        .take(top.max(position.unwrap_or(0)) + 2)
        .cloned()
        .collect();
    empty_figure(value, value, value, (value, value), window.aligned(), parts)
}

/// The `top` countries' share of the whole, in percent; the parts are the top countries'
/// total ("part"), the whole, and each of the top countries.
fn top_share_figure(window: &Window, ranked: &[(String, f64)], top: usize, whole: f64) -> Figure {
    let leaders = &ranked[..top.min(ranked.len())];
    let part: f64 = leaders.iter().map(|(_, v)| v).sum();
    let value = if whole == 0.0 || leaders.len() < top {
        f64::NAN
    } else {
        100.0 * part / whole
    };
    let parts = [("part".to_string(), part), ("whole".to_string(), whole)]
        .into_iter()
        .chain(leaders.iter().cloned())
        .collect();
    empty_figure(value, value, value, (value, value), window.aligned(), parts)
}

/// The year in which the record stretch starts, the period's own included.
fn peak_year(window: &Window, figure: &Figure, others: &[(Quarter, f64)], high: bool) -> f64 {
    if figure.value == 1.0 {
        return f64::from(window.first.year());
    }
    let best = others.iter().copied().reduce(|a, b| {
        let better = if high { b.1 > a.1 } else { b.1 < a.1 };
        if better { b } else { a }
    });
    best.map_or(f64::NAN, |(q, _)| f64::from(q.year()))
}

fn coverage(table: &Table, window: &Window, base: Option<&Window>) -> Coverage {
    let Some(data) = table.coverage() else {
        return Coverage::None;
    };
    let (data_first, data_last) = (*data.start(), *data.end());
    let first = base.map_or(window.first, |b| b.first.min(window.first));
    let last = base.map_or(window.last, |b| b.last.max(window.last));
    if first >= data_first && last <= data_last {
        return Coverage::Full;
    }
    let covered_first = first.max(data_first);
    let covered_last = last.min(data_last);
    if covered_first > covered_last {
        Coverage::None
    } else {
        Coverage::Partial {
            first: covered_first,
            last: covered_last,
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use store::TableSpec;
    use temporal::{Day, Period};

    use super::*;
    use crate::Why;

    fn table() -> Table {
        let csv = "Date,Sex,Age,N\n\
                   2022-03-31,Female,child,1\n\
                   2022-03-31,Female,adult,10\n\
                   2022-03-31,Male,child,100\n\
                   2022-03-31,Male,adult,1000\n\
                   2022-03-31,Unknown,child,10000\n";
        let spec = TableSpec {
            name: "t".into(),
            time: "Date".into(),
            dimensions: vec!["Sex".into(), "Age".into()],
            measure: "N".into(),
        };
        Table::read_csv(&spec, csv.as_bytes()).unwrap()
    }

    fn filter(column: &str, value: &str, joined: bool) -> Filter {
        Filter {
            column: column.into(),
            values: vec![value.into()],
            why: Why::Words(value.into()),
            part: true,
            evidence: None,
            excluded: false,
            joined,
        }
    }

    fn reading(filters: Vec<Filter>, arithmetic: Arithmetic) -> Reading {
        let period = Period {
            start: Day::exact(date(2022, 1, 1)),
            end: Day::exact(date(2022, 3, 31)),
            open: false,
            derivation: String::new(),
        };
        Reading {
            dataset: "t".into(),
            title: "t".into(),
            source: "t.csv".into(),
            time_column: "Date".into(),
            measure: "N".into(),
            description: String::new(),
            filters,
            window: Window::new(&period).unwrap(),
            arithmetic,
            score: 0.0,
            notes: Vec::new(),
            strained: false,
            provisional: false,
            preliminary: false,
        }
    }

    #[test]
    fn joined_groups_keep_rows_in_either() {
        let table = table();
        let women_and_children =
            || vec![filter("Sex", "Female", true), filter("Age", "child", true)];
        // Women (11) and children (10,101), the girl counted once.
        let sum = evaluate(&reading(women_and_children(), Arithmetic::Sum), &table);
        assert_eq!(sum.value, 10_111.0);
        // As a share of everyone: 10,111 of 11,111.
        let share = evaluate(&reading(women_and_children(), Arithmetic::Share), &table);
        assert_eq!(share.parts[0], ("part".to_string(), 10_111.0));
        assert!((share.value - 100.0 * 10_111.0 / 11_111.0).abs() < 1e-9);
        // Not joined, the same filters keep the girl alone.
        let both = vec![
            filter("Sex", "Female", false),
            filter("Age", "child", false),
        ];
        assert_eq!(evaluate(&reading(both, Arithmetic::Sum), &table).value, 1.0);
    }
}
