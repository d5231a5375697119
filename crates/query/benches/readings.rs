//! Candidate readings per second: `query::evaluate` over the returns table, one core.
//!
//! Readings are random, as a large catalog would make them: filters on one to three of the
//! table's dimensions (one or two labels each), any period from a day in 2004 to a day in
//! 2023 (so most start and end inside a quarter), as sums, changes on the year before, and
//! shares. Each evaluation gives the whole `Figure`: bounds, estimate, the narrow and wide
//! readings and the per-quarter series. `cargo bench -p query`; the data directory is
//! `TALLY_DATA` or `../shared/data/home-office` beside the checkout.

#![allow(
    clippy::print_stdout,
    reason = "a bench binary reports on standard output"
)]

use std::path::PathBuf;
use std::time::Instant;

use jiff::civil::Date;
use query::{Arithmetic, Filter, Reading, Why, Window};
use store::{Table, TableSpec};
use temporal::{Day, Period};

const READINGS: usize = 200_000;
const PASSES: usize = 6;

fn main() {
    let data = std::env::var_os("TALLY_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/home-office")
        });
    let spec = TableSpec {
        name: "returns".into(),
        time: "Date".into(),
        dimensions: [
            "Nationality",
            "Region",
            "Return type group",
            "Return type",
            "Age",
            "Sex",
            "Return destination group",
        ]
        .map(String::from)
        .to_vec(),
        measure: "Number of returns".into(),
    };
    let Ok(table) = Table::open_csv(&spec, &data.join("returns.csv")) else {
        println!("no returns.csv: set TALLY_DATA to the Home Office tables");
        return;
    };
    let readings = random_readings(&table, READINGS);
    let mut checksum = 0.0;
    let mut rates = Vec::new();
    for _ in 0..PASSES {
        let start = Instant::now();
        for reading in &readings {
            checksum += query::evaluate(reading, &table).upper;
        }
        rates.push(READINGS as f64 / start.elapsed().as_secs_f64());
    }
    println!(
        "query::evaluate over returns.csv ({} rows), one core, {READINGS} random readings, {PASSES} passes:",
        table.len()
    );
    println!(
        "  first pass (cubes built as needed)  {:>10.0} readings/s",
        rates[0]
    );
    let later = &rates[1..];
    println!(
        "  later passes, mean                  {:>10.0} readings/s",
        later.iter().sum::<f64>() / later.len() as f64
    );
    println!("  (checksum {checksum})");
}

fn random_readings(table: &Table, count: usize) -> Vec<Reading> {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    let day = |offset: usize| {
        Date::new(2004, 1, 1)
            .unwrap()
            .checked_add(jiff::Span::new().days(offset as i64))
            .unwrap()
    };
    (0..count)
        .map(|_| {
            let mut columns: Vec<usize> = Vec::new();
            while columns.len() < 1 + next(3) {
                let c = next(table.dimensions.len());
                if !columns.contains(&c) {
                    columns.push(c);
                }
            }
            let filters: Vec<Filter> = columns
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let dictionary = &table.dimensions[c].dictionary;
                    Filter {
                        column: table.dimensions[c].name.clone(),
                        values: (0..1 + next(2))
                            .map(|_| dictionary[next(dictionary.len())].clone())
                            .collect(),
                        why: Why::Words("bench".into()),
                        part: i == 0,
                        evidence: None,
                        excluded: false,
                        joined: false,
                    }
                })
                .collect();
            let (a, b) = (next(7300), next(7300));
            let period = |a: usize, b: usize| Period {
                start: Day::exact(day(a.min(b))),
                end: Day::exact(day(a.max(b))),
                open: false,
                derivation: String::new(),
            };
            let window = Window::new(&period(a, b)).unwrap();
            let arithmetic = match next(4) {
                0 => Arithmetic::Change {
                    base: Window::new(&period(a.min(b), a.min(b) + 365)).unwrap(),
                },
                1 => Arithmetic::Share,
                _ => Arithmetic::Sum,
            };
            Reading {
                dataset: "returns".into(),
                title: String::new(),
                source: String::new(),
                time_column: "Date".into(),
                measure: "Number of returns".into(),
                description: String::new(),
                filters,
                window,
                arithmetic,
                score: 0.0,
                notes: Vec::new(),
                strained: false,
                provisional: false,
                preliminary: false,
            }
        })
        .collect()
}
