//! `tally`: checks the numbers in an article against official statistics.
//!
//! The binary parses flags, reads files and the environment, and glues the library crates
//! together; everything else lives below it. See ARCHITECTURE.md for the map.

mod data;
mod eval_cmd;
mod input;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use jiff::civil::Date;

/// Checks the numbers in an article against official statistics, and shows its working.
#[derive(Debug, Parser)]
#[command(name = "tally", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks every numerical claim of an article (plain text or HTML; `-` for stdin).
    Check {
        article: String,
        /// Publication date (YYYY-MM-DD), the reference for "last year"; taken from the
        /// page's metadata when not given.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[command(flatten)]
        data: DataArgs,
        /// Writes the JSON report instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Runs the checker on a labelled corpus (JSON Lines) and scores it.
    Eval {
        corpus: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        /// Writes the summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Where the statistics come from.
#[derive(Debug, clap::Args)]
struct DataArgs {
    /// Directory of the statistical tables (CSV).
    #[arg(long, env = "TALLY_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// Dataset description (datapackage.json); by default the directory's own, or the
    /// built-in description of the Home Office tables.
    #[arg(long, value_name = "FILE")]
    catalog: Option<PathBuf>,
    /// Table of dated events (JSON); by default the built-in one.
    #[arg(long, value_name = "FILE")]
    events: Option<PathBuf>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date as YYYY-MM-DD, found `{text}` ({e})"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            article,
            date,
            data,
            json,
        } => check(&article, date, &data, json),
        Command::Eval { corpus, data, json } => eval_cmd::run(&corpus, &data, json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "tally: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn check(article: &str, date: Option<Date>, data: &DataArgs, json: bool) -> Result<()> {
    let document = input::read_article(article)?;
    let (published, from) = match (date, document.metadata.published) {
        (Some(date), _) => (date, "flag"),
        (None, Some(date)) => (date, "metadata"),
        (None, None) => anyhow::bail!(
            "no publication date: the article gives none, so pass --date YYYY-MM-DD (the reference for \"last year\")"
        ),
    };
    let checker = data::checker(data)?;
    let checked = checker.check(&document, published);
    let info = report::DocumentInfo::new(article, &document, published, from);
    let output = if json {
        let data_info = report::DataInfo::new(&checker);
        let mut text =
            serde_json::to_string_pretty(&report::json::report(&info, &data_info, &checked))?;
        text.push('\n');
        text
    } else {
        report::text::render(&info, &checked)
    };
    write_stdout(&output)
}

fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .context("writing to standard output")?;
    stdout.flush().context("writing to standard output")
}
