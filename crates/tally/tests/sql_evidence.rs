//! The evidence holds: the SQL of every reading, run as-is in DuckDB on the source file,
//! gives the figure Tally reports, within 1e-6 relative.
//!
//! Covers every reading of the seed article, checked from the store after an import (so the
//! stored source path is what the SQL names), and every reading of a sample of the corpus
//! covering every kind of arithmetic, each sentence checked on its own with its date as
//! `tally eval` does. DuckDB comes from
//! PyPI (`python3 -m pip install duckdb`, which `.ci/run` does); `tests/support/run_sql.py`
//! runs the statements.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use common::{corpus, data_dir, stdout, tally};
use serde_json::Value;

/// Every how-many-th claim of the corpus has all its readings run in DuckDB (which reads the
/// CSV file afresh for each statement, so all of them would take the better part of a
/// minute), and the first few readings of each kind of arithmetic of any claim, so that the
/// sample covers sums, shares, changes, ratios, trends, records and rankings.
const SAMPLE_EVERY: usize = 6;
const EACH_KIND: usize = 4;

#[test]
fn seed_article_sql_gives_the_reported_figures() {
    let store = std::env::temp_dir().join(format!("tally-sql-evidence-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&store);
    let data = data_dir();
    let store_arg = store.to_str().unwrap();
    let imported = tally(&[
        "data",
        "import",
        data.to_str().unwrap(),
        "--store",
        store_arg,
    ]);
    assert!(imported.status.success(), "{}", common::stderr(&imported));
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let output = tally(&[
        "check",
        article.to_str().unwrap(),
        "--date",
        "2023-05-16",
        "--store",
        store_arg,
        "--json",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let readings = readings(&report);
    assert!(readings.len() >= 8, "{} readings", readings.len());
    for (_, sql, _) in &readings {
        assert!(sql.contains(data.canonicalize().unwrap().to_str().unwrap()));
    }
    assert_all_agree(&readings);
    let _ = std::fs::remove_dir_all(&store);
}

#[test]
fn corpus_sample_sql_gives_the_reported_figures() {
    let labelled =
        eval::parse(&std::fs::read_to_string(corpus().join("claims-dev.jsonl")).unwrap()).unwrap();
    let mut sample = Vec::new();
    let mut per_kind: HashMap<String, usize> = HashMap::new();
    let dir = std::env::temp_dir().join(format!("tally-sql-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, label) in labelled.iter().enumerate() {
        let path = dir.join(format!("{}.txt", label.id));
        let report = check_sentence(&path, &label.sentence, &label.date.to_string());
        for (name, sql, figure, kind) in readings_with_kind(&report) {
            let seen = per_kind.entry(kind).or_default();
            if i % SAMPLE_EVERY == 0 || *seen < EACH_KIND {
                *seen += 1;
                sample.push((format!("{} {name}", label.id), sql, figure));
            }
        }
    }
    assert!(
        sample.len() >= 20,
        "{} readings in the sample",
        sample.len()
    );
    assert!(per_kind.len() >= 6, "arithmetic covered: {per_kind:?}");
    assert_all_agree(&sample);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn excluded_countries_sql_gives_the_reported_figures() {
    // "Non-Moldovan" keeps every nationality but one: the SQL says NOT IN.
    let dir = std::env::temp_dir().join(format!("tally-sql-not-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = check_sentence(
        &dir.join("0.txt"),
        "Some 13,000 non-Moldovan nationals were returned in 2022.",
        "2023-06-01",
    );
    let readings: Vec<(String, String, Value)> = readings_with_kind(&report)
        .into_iter()
        .map(|(name, sql, figure, _)| (name, sql, figure))
        .collect();
    assert!(
        readings
            .iter()
            .any(|(_, sql, _)| sql.contains("other than Moldova") && sql.contains("NOT IN")),
        "{readings:?}"
    );
    assert_all_agree(&readings);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn joined_groups_sql_gives_the_reported_figures() {
    // "Women and children" keeps a row that is either: the SQL says OR, and the counts and
    // the shares it gives are Tally's.
    let dir = std::env::temp_dir().join(format!("tally-sql-or-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut sample = Vec::new();
    for (i, sentence) in [
        "Around 7,000 women and children crossed the Channel in small boats in 2023.",
        "Children and women made up about a quarter of small boat arrivals in 2022.",
        "Some 1,400 women and children entered detention in 2023.",
    ]
    .into_iter()
    .enumerate()
    {
        let report = check_sentence(&dir.join(format!("{i}.txt")), sentence, "2024-06-01");
        for (name, sql, figure, _) in readings_with_kind(&report) {
            sample.push((format!("{sentence} {name}"), sql, figure));
        }
    }
    assert!(
        sample
            .iter()
            .filter(|(_, sql, _)| sql.contains(" OR \"Age Group\" IN ('17 and under')"))
            .count()
            >= 3,
        "{sample:?}"
    );
    assert_all_agree(&sample);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rates_sql_gives_the_reported_figures() {
    // A rate over whole quarters, and one over a period that cuts quarters.
    let sentences = [
        (
            "In 2022 about 880 people a week arrived on small boats.",
            "2023-06-01",
        ),
        (
            "Since 13 December 2022 some 10 Albanians a day have been returned.",
            "2023-05-16",
        ),
    ];
    let dir = std::env::temp_dir().join(format!("tally-sql-rates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut sample = Vec::new();
    for (i, (sentence, date)) in sentences.into_iter().enumerate() {
        let report = check_sentence(&dir.join(format!("{i}.txt")), sentence, date);
        for (name, sql, figure, kind) in readings_with_kind(&report) {
            assert_eq!(kind, "rate", "{sentence}: {name}");
            sample.push((format!("{sentence} {name}"), sql, figure));
        }
    }
    assert!(sample.len() >= 2);
    assert_all_agree(&sample);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The JSON report of `tally check --sentence` on `sentence`, written to `path`, said on
/// `date`, over the shared tables.
fn check_sentence(path: &std::path::Path, sentence: &str, date: &str) -> Value {
    std::fs::write(path, sentence).unwrap();
    let data = data_dir();
    let output = tally(&[
        "check",
        path.to_str().unwrap(),
        "--date",
        date,
        "--data",
        data.to_str().unwrap(),
        "--sentence",
        "--json",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

/// Each reading of a report with the name of its arithmetic (`sum`, `share`, `ranking`...).
fn readings_with_kind(report: &Value) -> Vec<(String, String, Value, String)> {
    let kinds = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["readings"].as_array().unwrap())
        .map(|r| r["arithmetic"].as_str().unwrap_or("").to_string());
    readings(report)
        .into_iter()
        .zip(kinds)
        .map(|((name, sql, figure), kind)| (name, sql, figure, kind))
        .collect()
}

/// Each reading of a report: a name for messages, its SQL and its figure.
fn readings(report: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (c, claim) in report["claims"].as_array().unwrap().iter().enumerate() {
        for (r, reading) in claim["readings"].as_array().unwrap().iter().enumerate() {
            out.push((
                format!("claim {} reading {}", c + 1, r + 1),
                reading["sql"].as_str().unwrap().to_string(),
                reading["figure"].clone(),
            ));
        }
    }
    out
}

fn assert_all_agree(readings: &[(String, String, Value)]) {
    let statements: Vec<&str> = readings.iter().map(|(_, sql, _)| sql.as_str()).collect();
    let results = duckdb(&statements);
    let mut failures = Vec::new();
    for ((name, sql, figure), result) in readings.iter().zip(&results) {
        if let Err(problem) = agree(result, figure) {
            failures.push(format!("{name}: {problem}\n{sql}\nfigure: {figure}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} readings disagree with DuckDB:\n\n{}",
        failures.len(),
        readings.len(),
        failures.join("\n\n")
    );
}

/// Runs the statements in DuckDB through `tests/support/run_sql.py`.
fn duckdb(statements: &[&str]) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/run_sql.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs (the SQL cross-check needs python3 with duckdb: python3 -m pip install duckdb)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(statements).unwrap().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the SQL cross-check needs DuckDB for Python (python3 -m pip install duckdb): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(results.len(), statements.len());
    results
}

/// Checks one DuckDB result against the figure of the JSON report.
fn agree(result: &Value, figure: &Value) -> Result<(), String> {
    if let Some(error) = result.get("error") {
        return Err(format!("DuckDB failed: {error}"));
    }
    let columns: Vec<&str> = result["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let rows = result["rows"].as_array().unwrap();
    match columns.as_slice() {
        ["stretch", "total"] => return agree_record(rows, figure),
        [_, "total"] if rows.iter().all(|r| r[0].as_str().is_some_and(is_date)) => {
            return agree_trend(rows, figure);
        }
        [_, "total"] => return agree_ranking(rows, figure),
        _ => {}
    }
    let [row] = rows.as_slice() else {
        return Err(format!("{} rows, expected one", rows.len()));
    };
    if figure["coverage"] == "none" {
        // No quarter of the period is in the table: Tally gives no figure, and the SQL
        // finds nothing to sum.
        let values = row.as_array().map_or(&[][..], Vec::as_slice);
        return match values
            .iter()
            .all(|v| v.is_null() || v.as_f64() == Some(0.0))
        {
            true => Ok(()),
            false => Err(format!("the period is not covered, but DuckDB gives {row}")),
        };
    }
    for (i, column) in columns.iter().enumerate() {
        let expected = match *column {
            "total" | "estimate" | "share" | "change" | "ratio" | "difference" => &figure["value"],
            "per_day" | "per_week" | "per_month" | "per_year" => &figure["value"],
            "lower" => &figure["lower"],
            "upper" => &figure["upper"],
            "estimate_narrow" => &figure["estimate_range"][0],
            "estimate_wide" => &figure["estimate_range"][1],
            "part" | "whole" | "period" | "base" => &figure["parts"][*column],
            other => return Err(format!("unexpected column {other}")),
        };
        let is_sum = !matches!(*column, "share" | "change" | "ratio" | "difference");
        close(&row[i], expected, is_sum).map_err(|e| format!("{column}: {e}"))?;
    }
    Ok(())
}

/// A trend's rows (quarter end date, total) against the figure's quarters.
fn agree_trend(rows: &[Value], figure: &Value) -> Result<(), String> {
    for quarter in figure["by_quarter"].as_array().unwrap() {
        let name = quarter["quarter"].as_str().unwrap();
        let found = rows
            .iter()
            .find(|row| quarter_of(row[0].as_str().unwrap_or("")) == name)
            .map_or(Value::Null, |row| row[1].clone());
        close(&found, &quarter["value"], true).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// A record's stretches (`2022Q1-2022Q4`, total) against the figure's totals, each given
/// at the stretch's first quarter.
fn agree_record(rows: &[Value], figure: &Value) -> Result<(), String> {
    for stretch in figure["by_quarter"].as_array().unwrap() {
        let name = stretch["quarter"].as_str().unwrap();
        let found = rows
            .iter()
            .find(|row| {
                row[0]
                    .as_str()
                    .is_some_and(|s| s.starts_with(&format!("{name}-")))
            })
            .map_or(Value::Null, |row| row[1].clone());
        close(&found, &stretch["value"], true).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// A ranking's rows (label, total), highest first, against the figure's ranked totals.
fn agree_ranking(rows: &[Value], figure: &Value) -> Result<(), String> {
    let ranked: Vec<&Value> = figure["parts"].as_object().unwrap().values().collect();
    let mut ours: Vec<f64> = ranked.iter().filter_map(|v| v.as_f64()).collect();
    ours.sort_by(|a, b| b.total_cmp(a));
    let theirs: Vec<Value> = rows.iter().map(|r| r[1].clone()).collect();
    if ours.len() != theirs.len() {
        return Err(format!(
            "{} ranked in DuckDB, {} in Tally",
            theirs.len(),
            ours.len()
        ));
    }
    for (i, (sql, tally)) in theirs.iter().zip(&ours).enumerate() {
        close(sql, &Value::from(*tally), true).map_err(|e| format!("rank {}: {e}", i + 1))?;
    }
    Ok(())
}

fn is_date(text: &str) -> bool {
    text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-'
}

/// `2022-12-31` → `2022Q4`.
fn quarter_of(date: &str) -> String {
    let year = date.get(..4).unwrap_or("");
    let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    format!("{year}Q{}", month.div_ceil(3))
}

/// Equal within 1e-6 relative. A sum over no rows is NULL in SQL and 0 in Tally; a ratio
/// over nothing is NULL in SQL and not a number (null in JSON) in Tally.
fn close(sql: &Value, ours: &Value, is_sum: bool) -> Result<(), String> {
    let sql = match (sql.as_f64(), is_sum) {
        (Some(v), _) => Some(v),
        (None, true) => Some(0.0),
        (None, false) => None,
    };
    let ours = ours.as_f64().filter(|v| v.is_finite());
    match (sql, ours) {
        (None, None) => Ok(()),
        (Some(a), Some(b)) if (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9) => Ok(()),
        (a, b) => Err(format!("DuckDB gives {a:?}, Tally {b:?}")),
    }
}
