//! The store's benchmarks, side by side with DuckDB where the issue names it as the peer.
//!
//! `cargo bench -p store` imports `returns.csv` into a fresh store several times, times
//! DuckDB's `CREATE TABLE t AS SELECT * FROM read_csv(...)` on the same file in the same run
//! (through its Python package), and evaluates random readings over the table. The data
//! directory is `TALLY_DATA` or `../shared/data/home-office` beside the checkout.

#![allow(
    clippy::print_stdout,
    reason = "a bench binary reports on standard output"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use store::{Condition, Filter, Import, Quarter, Silent, Store, Table, TableSpec};

const RUNS: usize = 5;

fn main() {
    let data = std::env::var_os("TALLY_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/home-office")
        });
    let csv = data.join("returns.csv");
    if !csv.is_file() {
        println!(
            "no {}: set TALLY_DATA to the Home Office tables",
            csv.display()
        );
        return;
    }
    let ours = import(&csv);
    let duckdb = duckdb(&csv);
    println!("import returns.csv ({} runs, best):", RUNS);
    println!("  tally store  {:>8.1} ms", ms(ours));
    match duckdb {
        Some(d) => println!(
            "  duckdb       {:>8.1} ms   (tally / duckdb = {:.2})",
            ms(d),
            ours.as_secs_f64() / d.as_secs_f64()
        ),
        None => println!("  duckdb       not available (python3 -m pip install duckdb)"),
    }
    readings(&csv);
}

fn spec() -> TableSpec {
    TableSpec {
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
    }
}

fn import(csv: &std::path::Path) -> Duration {
    let dir = std::env::temp_dir().join(format!("tally-bench-store-{}", std::process::id()));
    let import = Import {
        spec: spec(),
        path: csv.to_path_buf(),
        source: csv.display().to_string(),
        release: "2024-02-29".into(),
        order: 0,
        description: "{}".into(),
    };
    let best = (0..RUNS)
        .map(|_| {
            let _ = std::fs::remove_dir_all(&dir);
            let start = Instant::now();
            Store::import(&dir, std::slice::from_ref(&import), &mut Silent).expect("import");
            start.elapsed()
        })
        .min()
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    best
}

fn duckdb(csv: &std::path::Path) -> Option<Duration> {
    let script = format!(
        "import duckdb, time\nbest = 1e9\nfor _ in range({RUNS}):\n    c = duckdb.connect()\n    t = time.perf_counter()\n    c.execute(\"CREATE TABLE t AS SELECT * FROM read_csv('{}')\")\n    best = min(best, time.perf_counter() - t)\n    c.close()\nprint(best)\n",
        csv.display()
    );
    let output = std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
        .ok()?;
    let seconds: f64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs_f64(seconds))
}

/// Random readings: filters on one to three dimensions, one to three values each, and a
/// quarter range anywhere in the table's coverage.
fn readings(csv: &std::path::Path) {
    let table = Table::open_csv(&spec(), csv).expect("returns.csv reads");
    let coverage = table.coverage().expect("rows");
    let (first, last) = (coverage.start().index(), coverage.end().index());
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    let count = 2_000_000;
    let readings: Vec<(Filter, Quarter, Quarter)> = (0..count)
        .map(|_| {
            let mut dims: Vec<usize> = Vec::new();
            while dims.len() < 1 + next(3) {
                let d = next(table.dimensions.len());
                if !dims.contains(&d) {
                    dims.push(d);
                }
            }
            let conditions = dims
                .into_iter()
                .map(|column| {
                    let size = table.dimensions[column].dictionary.len();
                    Condition {
                        column,
                        codes: (0..1 + next(3)).map(|_| next(size) as u32).collect(),
                    }
                })
                .collect();
            let a = first + next((last - first + 1) as usize) as i32;
            let b = first + next((last - first + 1) as usize) as i32;
            (
                Filter { conditions },
                Quarter::from_index(a.min(b)),
                Quarter::from_index(a.max(b)),
            )
        })
        .collect();
    let mut checksum = 0.0;
    let start = Instant::now();
    for (filter, from, to) in &readings {
        checksum += table
            .sum_by_quarter(filter, *from..=*to)
            .iter()
            .sum::<f64>();
    }
    let cold = start.elapsed();
    let start = Instant::now();
    for (filter, from, to) in &readings {
        checksum += table
            .sum_by_quarter(filter, *from..=*to)
            .iter()
            .sum::<f64>();
    }
    let warm = start.elapsed();
    let scan_sample = 200;
    let start = Instant::now();
    for (filter, from, to) in readings.iter().take(scan_sample) {
        checksum += table
            .scan_by_quarter(filter, *from..=*to)
            .iter()
            .sum::<f64>();
    }
    let scan = start.elapsed();
    let fresh = Table::open_csv(&spec(), csv).expect("returns.csv reads");
    let columns = fresh.dimensions.len();
    let start = Instant::now();
    let mut built = 0;
    for set in 1u32..(1 << columns) {
        if set.count_ones() <= 3 {
            let conditions = (0..columns)
                .filter(|c| set & (1 << c) != 0)
                .map(|column| Condition {
                    column,
                    codes: vec![0],
                })
                .collect();
            let q = coverage.start();
            checksum += fresh.sum(&Filter { conditions }, *q..=*q);
            built += 1;
        }
    }
    let build = start.elapsed();
    println!(
        "readings over returns.csv ({} rows), one core:",
        table.len()
    );
    println!(
        "  building the cubes of all {built} sets of 1 to 3 dimensions: {:.1} ms ({:.2} ms each)",
        ms(build),
        ms(build) / f64::from(built)
    );
    println!(
        "  {count} readings, cubes built as needed   {:>12.0} readings/s",
        count as f64 / cold.as_secs_f64()
    );
    println!(
        "  {count} readings, cubes already built     {:>12.0} readings/s",
        count as f64 / warm.as_secs_f64()
    );
    println!(
        "  a scan of every row per reading          {:>12.0} readings/s",
        scan_sample as f64 / scan.as_secs_f64()
    );
    println!("  (checksum {checksum})");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
