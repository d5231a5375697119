//! What the end-to-end tests share: where the data and corpus are, and running the binary.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The Home Office tables: `TALLY_DATA`, or `../shared/data/home-office` beside the
/// checkout. Fails loudly when neither is there, since these tests check real figures.
pub fn data_dir() -> PathBuf {
    let dir = std::env::var_os("TALLY_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared().join("data/home-office"));
    assert!(
        dir.join("returns.csv").is_file(),
        "the Home Office tables are not at {}: put the shared folder beside the checkout \
         (../shared/data/home-office) or set TALLY_DATA to the directory that holds returns.csv",
        dir.display()
    );
    dir
}

/// The shared folder beside the checkout.
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The corpus folder; fails loudly when it is missing.
pub fn corpus() -> PathBuf {
    let dir = std::env::var_os("TALLY_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared().join("corpus"));
    assert!(
        dir.join("claims-dev.jsonl").is_file(),
        "the corpus is not at {}: put the shared folder beside the checkout or set TALLY_CORPUS",
        dir.display()
    );
    dir
}

pub fn tally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .env_remove("TALLY_DATA")
        .output()
        .expect("the tally binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `tally serve` on a free loopback port, stopped when dropped.
#[derive(Debug)]
pub struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub url: String,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[])
    }

    /// The server with extra flags (`--timeout 1`).
    pub fn start_with(flags: &[&str]) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
            .args(["serve", "--addr", "127.0.0.1:0", "--data"])
            .arg(data_dir())
            .args(flags)
            .env_remove("TALLY_DATA")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("tally serve starts");
        let stderr = child.stderr.take().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(stderr)
            .read_line(&mut line)
            .expect("tally serve says where it listens");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in `{line}`"))
            .trim_end_matches('/')
            .to_string();
        Server { child, url }
    }

    /// The `host:port` the server listens on.
    pub fn addr(&self) -> &str {
        self.url.trim_start_matches("http://")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One field of every claim of a JSON report, as text: `claim_texts(&report, "verdict")`.
pub fn claim_texts<'a>(report: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    report["claims"]
        .as_array()
        .expect("the report has claims")
        .iter()
        .map(|c| c[field].as_str().expect("the field is text"))
        .collect()
}
