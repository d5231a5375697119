//! A reading as SQL that anyone can run in DuckDB on the source file.
//!
//! The SQL computes the same figure as [`crate::evaluate`], from the CSV file as published:
//! the same filters, the same quarters and the same day weights, so that a reader can check
//! Tally's working without Tally.

use std::fmt::Write;

use store::Quarter;

use crate::window::{Window, quarter_days};
use crate::{Arithmetic, Filter, Reading};

/// The SQL for `reading`.
pub fn sql(reading: &Reading) -> String {
    if let Arithmetic::Record { others, high, .. } = &reading.arithmetic {
        return record_sql(reading, others, *high);
    }
    if let Arithmetic::Ranking {
        column,
        top,
        position,
        ..
    } = &reading.arithmetic
    {
        return ranking_sql(reading, column, (*top).max(position.unwrap_or(0)) + 2);
    }
    if let Arithmetic::ShareOf { part } = &reading.arithmetic {
        return share_of_sql(reading, part);
    }
    if let Arithmetic::TopShare {
        column,
        countries,
        not_countries,
        top,
    } = &reading.arithmetic
    {
        return top_share_sql(reading, column, countries, not_countries, *top);
    }
    let n = ident(&reading.measure);
    let time = ident(&reading.time_column);
    let w = |window: &Window| weight(&time, window);
    let (select, window_span) = match &reading.arithmetic {
        Arithmetic::Sum => (
            sum_columns(&n, &time, &reading.window),
            span_of(&reading.window, None),
        ),
        Arithmetic::Rate { per } => {
            // The sums over the period's length in days, counted per day, week, month or
            // year.
            let units = format!("({} / {})", reading.window.days(), per.days());
            let aligned = reading.window.aligned();
            let rates = sum_exprs(&n, &time, &reading.window)
                .into_iter()
                .map(|(sum, name)| match aligned {
                    true => (format!("{sum} / {units}"), format!("per_{}", per.word())),
                    false => (format!("({sum}) / {units}"), name.to_string()),
                });
            (columns(rates), span_of(&reading.window, None))
        }
        Arithmetic::Share => {
            let part = conditions(reading.filters.iter().filter(|f| f.part));
            let weighted = format!("{n}{}", w(&reading.window));
            let select = format!(
                "  SUM({weighted}) FILTER (WHERE {part}) AS part,\n  SUM({weighted}) AS whole,\n  100 * SUM({weighted}) FILTER (WHERE {part}) / SUM({weighted}) AS share"
            );
            (select, span_of(&reading.window, None))
        }
        Arithmetic::Change { base }
        | Arithmetic::Ratio { base }
        | Arithmetic::Difference { base } => {
            let now = format!("SUM({n}{})", only(&time, &reading.window));
            let then = format!("SUM({n}{})", only(&time, base));
            let result = match reading.arithmetic {
                Arithmetic::Ratio { .. } => format!("{now} / {then} AS ratio"),
                Arithmetic::Difference { .. } => format!("{now} - {then} AS difference"),
                _ => format!("100 * ({now} - {then}) / {then} AS change"),
            };
            let select = format!("  {now} AS period,\n  {then} AS base,\n  {result}");
            (select, span_of(&reading.window, Some(base)))
        }
        Arithmetic::Trend => {
            let select = format!("  {time},\n  SUM({n}) AS total");
            (select, span_of(&reading.window, None))
        }
        Arithmetic::Record { .. }
        | Arithmetic::Ranking { .. }
        | Arithmetic::TopShare { .. }
        | Arithmetic::ShareOf { .. } => {
            unreachable!("records, rankings and shares of the top countries have their own SQL")
        }
    };
    let mut sql = String::new();
    let _ = writeln!(sql, "-- {}", reading.description.replace('\n', " "));
    let _ = writeln!(sql, "SELECT\n{select}");
    let _ = writeln!(
        sql,
        "FROM {}({})",
        reader(&reading.source),
        literal(&reading.source)
    );
    let whole = conditions(reading.filters.iter().filter(|f| !f.part));
    let _ = write!(
        sql,
        "WHERE {}",
        where_conditions(whole, window_span, &time, "  ")
    );
    if matches!(reading.arithmetic, Arithmetic::Trend) {
        let _ = write!(sql, "\nGROUP BY {time}\nORDER BY {time}");
    }
    sql.push(';');
    sql
}

/// The conditions of a WHERE clause: the filters and the span of days, joined by `AND`
/// lines indented by `indent`.
fn where_conditions(filters: String, span: String, time: &str, indent: &str) -> String {
    let wheres: Vec<String> = [filters, format!("{time} BETWEEN {span}")]
        .into_iter()
        .filter(|c| c != "TRUE")
        .collect();
    wheres.join(&format!("\n{indent}AND "))
}

/// The WHERE conditions of a reading over all its filters and its window's quarters.
fn reading_where(r: &Reading, indent: &str) -> String {
    where_conditions(
        conditions(r.filters.iter()),
        span_of(&r.window, None),
        &ident(&r.time_column),
        indent,
    )
}

/// Each country's day-weighted total, largest first.
fn ranking_sql(reading: &Reading, column: &str, limit: usize) -> String {
    let n = ident(&reading.measure);
    let time = ident(&reading.time_column);
    let weighted = format!("{n}{}", weight(&time, &reading.window));
    let wheres = reading_where(reading, "  ");
    format!(
        "-- {}\nSELECT {col}, SUM({weighted}) AS total\nFROM {}({})\nWHERE {}\nGROUP BY {col}\nORDER BY total DESC\nLIMIT {limit};",
        reading.description.replace('\n', " "),
        reader(&reading.source),
        literal(&reading.source),
        wheres,
        col = ident(column),
    )
}

/// The part's day-weighted total from its own table against the whole's from this one.
fn share_of_sql(reading: &Reading, part: &Reading) -> String {
    let total = |r: &Reading, name: &str| {
        let time = ident(&r.time_column);
        let wheres = reading_where(r, "    ");
        format!(
            "  SELECT SUM({}{}) AS {name}\n  FROM {}({})\n  WHERE {}",
            ident(&r.measure),
            weight(&time, &r.window),
            reader(&r.source),
            literal(&r.source),
            wheres
        )
    };
    format!(
        "-- {}\nSELECT\n  p.part,\n  w.whole,\n  100 * p.part / w.whole AS share\nFROM (\n{}\n) AS p, (\n{}\n) AS w;",
        reading.description.replace('\n', " "),
        total(part, "part"),
        total(reading, "whole"),
    )
}

/// The day-weighted totals of the `top` countries against the whole. A country written
/// under several labels counts once; labels that are not countries ("Stateless") are in
/// the whole but never in the top.
fn top_share_sql(
    reading: &Reading,
    column: &str,
    countries: &[(String, Vec<String>)],
    not_countries: &[String],
    top: usize,
) -> String {
    let n = ident(&reading.measure);
    let time = ident(&reading.time_column);
    let col = ident(column);
    let weighted = format!("{n}{}", weight(&time, &reading.window));
    let wheres = reading_where(reading, "  ");
    let merged: Vec<String> = countries
        .iter()
        .filter(|(_, labels)| labels.len() > 1)
        .map(|(_, labels)| {
            let list: Vec<String> = labels.iter().map(|l| literal(l)).collect();
            format!(
                "WHEN {col} IN ({}) THEN {}",
                list.join(", "),
                literal(&labels[0])
            )
        })
        .collect();
    let country = if merged.is_empty() {
        col.clone()
    } else {
        format!("CASE {} ELSE {col} END", merged.join(" "))
    };
    let others: Vec<String> = not_countries.iter().map(|l| literal(l)).collect();
    let is_country = if others.is_empty() {
        "TRUE".to_string()
    } else {
        format!("{col} NOT IN ({})", others.join(", "))
    };
    format!(
        "-- {}\nWITH totals AS (\n  SELECT {country} AS country, {is_country} AS is_country, SUM({weighted}) AS total\n  FROM {}({})\n  WHERE {}\n  GROUP BY ALL\n), top AS (\n  SELECT total FROM totals WHERE is_country ORDER BY total DESC LIMIT {top}\n)\nSELECT\n  (SELECT SUM(total) FROM top) AS part,\n  (SELECT SUM(total) FROM totals) AS whole,\n  100 * (SELECT SUM(total) FROM top) / (SELECT SUM(total) FROM totals) AS share;",
        reading.description.replace('\n', " "),
        reader(&reading.source),
        literal(&reading.source),
        wheres,
    )
}

/// Each stretch's day-weighted total, highest first (lowest first for a low).
fn record_sql(reading: &Reading, others: &[Window], high: bool) -> String {
    let n = ident(&reading.measure);
    let time = ident(&reading.time_column);
    let windows: Vec<&Window> = std::iter::once(&reading.window).chain(others).collect();
    let mut labels = Vec::new();
    let mut weights = Vec::new();
    for w in &windows {
        for (q, weight) in w.quarters().zip(&w.estimate) {
            let when = format!("WHEN {time} BETWEEN {}", days(q, q));
            labels.push(format!("{when} THEN '{}-{}'", w.first, w.last));
            weights.push(format!("{when} THEN {}", fraction(q, *weight)));
        }
    }
    let first = windows
        .iter()
        .map(|w| w.first)
        .min()
        .unwrap_or(reading.window.first);
    let last = windows
        .iter()
        .map(|w| w.last)
        .max()
        .unwrap_or(reading.window.last);
    let wheres = where_conditions(
        conditions(reading.filters.iter()),
        days(first, last),
        &time,
        "    ",
    );
    format!(
        "-- {}\nSELECT stretch, SUM(n * w) AS total\nFROM (\n  SELECT {n} AS n,\n    CASE {} END AS stretch,\n    CASE {} ELSE 0 END AS w\n  FROM {}({})\n  WHERE {}\n)\nGROUP BY stretch\nORDER BY total {};",
        reading.description.replace('\n', " "),
        labels.join(" "),
        weights.join(" "),
        reader(&reading.source),
        literal(&reading.source),
        wheres,
        if high { "DESC" } else { "ASC" }
    )
}

fn sum_columns(n: &str, time: &str, window: &Window) -> String {
    columns(sum_exprs(n, time, window))
}

/// The sums of a window, each with its column name: the total for whole quarters; else the
/// lower bound, estimate and upper bound, and the estimates of a fuzzy period's narrowest
/// and widest readings.
fn sum_exprs(n: &str, time: &str, window: &Window) -> Vec<(String, &'static str)> {
    if window.aligned() {
        return vec![(format!("SUM({n})"), "total")];
    }
    let lower = match window.inner() {
        Some((first, last)) => format!(
            "COALESCE(SUM({n}) FILTER (WHERE {time} BETWEEN {}), 0)",
            days(first, last)
        ),
        None => "0".to_string(),
    };
    let weighted = |weights: &[f64]| format!("SUM({n}{})", weighted_case(time, window, weights));
    let mut sums = vec![
        (lower, "lower"),
        (weighted(&window.estimate), "estimate"),
        (format!("SUM({n})"), "upper"),
    ];
    if window.fuzzy() {
        sums.push((weighted(&window.narrow), "estimate_narrow"));
        sums.push((weighted(&window.wide), "estimate_wide"));
    }
    sums
}

/// Select-list lines: "  EXPR AS name", one per column.
fn columns<N: std::fmt::Display>(exprs: impl IntoIterator<Item = (String, N)>) -> String {
    exprs
        .into_iter()
        .map(|(expr, name)| format!("  {expr} AS {name}"))
        .collect::<Vec<_>>()
        .join(",\n")
}

/// ` * CASE ... END` giving each quarter its day weight, or nothing for whole quarters.
fn weight(time: &str, window: &Window) -> String {
    if window.aligned() {
        String::new()
    } else {
        weighted_case(time, window, &window.estimate)
    }
}

fn weighted_case(time: &str, window: &Window, weights: &[f64]) -> String {
    let arms: Vec<String> = window
        .quarters()
        .zip(weights)
        .filter(|(_, w)| **w != 1.0)
        .map(|(q, w)| {
            format!(
                "WHEN {time} BETWEEN {} THEN {}",
                days(q, q),
                fraction(q, *w)
            )
        })
        .collect();
    if arms.is_empty() {
        return String::new();
    }
    format!(" * CASE {} ELSE 1 END", arms.join(" "))
}

/// ` * CASE WHEN <in window> THEN <weight> ... ELSE 0 END`: the window's own rows, weighted.
fn only(time: &str, window: &Window) -> String {
    let arms: Vec<String> = window
        .quarters()
        .zip(&window.estimate)
        .map(|(q, w)| {
            format!(
                "WHEN {time} BETWEEN {} THEN {}",
                days(q, q),
                fraction(q, *w)
            )
        })
        .collect();
    format!(" * CASE {} ELSE 0 END", arms.join(" "))
}

/// A weight as the fraction of days it is, so that DuckDB computes the same double.
fn fraction(q: Quarter, weight: f64) -> String {
    if weight == 1.0 {
        return "1".to_string();
    }
    if weight == 0.0 {
        return "0".to_string();
    }
    let total = quarter_days(q).map_or(0, |(a, b)| crate::window::days_between(a, b) + 1);
    let overlap = (weight * total as f64).round() as i64;
    format!("{overlap}::DOUBLE / {total}")
}

fn span_of(window: &Window, base: Option<&Window>) -> String {
    let first = base.map_or(window.first, |b| b.first.min(window.first));
    let last = base.map_or(window.last, |b| b.last.max(window.last));
    days(first, last)
}

fn days(first: Quarter, last: Quarter) -> String {
    let start = quarter_days(first)
        .map(|d| d.0.to_string())
        .unwrap_or_default();
    let end = quarter_days(last)
        .map(|d| d.1.to_string())
        .unwrap_or_default();
    format!("DATE '{start}' AND DATE '{end}'")
}

/// The filters as conditions joined by `AND`; groups joined by "and" in the text ("women
/// and children") are one condition, their own joined by `OR`.
fn conditions<'a>(filters: impl Iterator<Item = &'a Filter>) -> String {
    let condition = |f: &Filter| {
        let values: Vec<String> = f.values.iter().map(|v| literal(v)).collect();
        let not = if f.excluded { "NOT " } else { "" };
        format!("{} {not}IN ({})", ident(&f.column), values.join(", "))
    };
    let (joined, others): (Vec<&Filter>, Vec<&Filter>) = filters.partition(|f| f.joined);
    let mut parts: Vec<String> = others.into_iter().map(condition).collect();
    if !joined.is_empty() {
        let joined: Vec<String> = joined.into_iter().map(condition).collect();
        parts.push(format!("({})", joined.join(" OR ")));
    }
    if parts.is_empty() {
        "TRUE".to_string()
    } else {
        parts.join("\n  AND ")
    }
}

/// The DuckDB table function that reads the source: `read_xlsx` (the excel extension) for
/// a workbook, `read_csv` otherwise.
fn reader(source: &str) -> &'static str {
    if source.to_ascii_lowercase().ends_with(".xlsx") {
        "read_xlsx"
    } else {
        "read_csv"
    }
}

fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}
