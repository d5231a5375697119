//! Whole-process figures for the README: `tally check` on the seed article with the store
//! already imported (and, beside it, with `--data`, reading CSV on every run), and the
//! resident memory of a process with all the shared tables open.
//!
//! `cargo bench -p tally`. The data directory is `TALLY_DATA` or
//! `../shared/data/home-office` beside the checkout. Peak memory comes from
//! `/usr/bin/time -f %M` when it is installed.

#![allow(
    clippy::print_stdout,
    reason = "a bench binary reports on standard output"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 40;

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let data = std::env::var_os("TALLY_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("data/home-office"));
    let article = shared.join("corpus/sunak-albania-returns-2023-05-16.txt");
    if !data.join("returns.csv").is_file() || !article.is_file() {
        println!("no shared data: set TALLY_DATA or put ../shared beside the checkout");
        return;
    }
    let store = std::env::temp_dir().join(format!("tally-bench-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&store);
    let import_time = time(&["data", "import", s(&data), "--store", s(&store)]);
    println!(
        "tally data import of every shared table: {:.1} ms",
        ms(import_time)
    );

    let check = ["check", s(&article), "--date", "2023-05-16"];
    let from_store = [&check[..], &["--store", s(&store)]].concat();
    let from_csv = [&check[..], &["--data", s(&data)]].concat();
    let (median, min) = runs(&from_store);
    println!(
        "tally check, seed article, from the store: median {:.1} ms, best {:.1} ms ({RUNS} runs)",
        ms(median),
        ms(min)
    );
    let (median, min) = runs(&from_csv);
    println!(
        "tally check, seed article, --data (CSV):   median {:.1} ms, best {:.1} ms ({RUNS} runs)",
        ms(median),
        ms(min)
    );

    let csv_bytes: u64 = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum();
    println!(
        "the shared tables' CSV files: {:.1} MB",
        csv_bytes as f64 / 1e6
    );
    for (what, args) in [
        (
            "tally data list (all tables open)",
            vec!["data", "list", "--store", s(&store)],
        ),
        ("tally check from the store", from_store.clone()),
    ] {
        match peak_kb(&args) {
            Some(kb) => println!(
                "peak resident memory, {what}: {:.1} MB ({:.0}% of the CSV size)",
                kb as f64 / 1e3,
                kb as f64 * 1e3 / csv_bytes as f64 * 100.0
            ),
            None => println!("peak resident memory: /usr/bin/time is not installed"),
        }
    }
    let _ = std::fs::remove_dir_all(&store);
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 paths")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time(args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("tally runs");
    assert!(status.success(), "tally {args:?} failed");
    start.elapsed()
}

/// Median and best of `RUNS` runs, after two to warm the page cache.
fn runs(args: &[&str]) -> (Duration, Duration) {
    time(args);
    time(args);
    let mut times: Vec<Duration> = (0..RUNS).map(|_| time(args)).collect();
    times.sort();
    (times[RUNS / 2], times[0])
}

/// Peak resident set of a run, in kB.
fn peak_kb(args: &[&str]) -> Option<u64> {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", env!("CARGO_BIN_EXE_tally")])
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stderr);
    text.lines().last()?.trim().parse().ok()
}
