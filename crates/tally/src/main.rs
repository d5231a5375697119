//! `tally`: checks the numbers in an article against official statistics.
//!
//! The binary parses flags, reads files and the environment, and glues the library crates
//! together; everything else lives below it. See ARCHITECTURE.md for the map.

mod data;
mod data_cmd;
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
        /// Reads the input as one sentence on its own, as `tally eval` reads a corpus line.
        #[arg(long)]
        sentence: bool,
    },
    /// Imports tables into the store, or says what the store holds.
    Data {
        #[command(subcommand)]
        command: DataCommand,
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

/// The `tally data` commands.
#[derive(Debug, Subcommand)]
enum DataCommand {
    /// Imports tables (CSV, XLSX or ODS; a directory means every table in it that the
    /// description names) as a release of their datasets.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The day the tables were published (YYYY-MM-DD); by default the release the
        /// description gives.
        #[arg(long, value_parser = parse_date)]
        release: Option<Date>,
        /// Dataset description (datapackage.json); by default the one beside the tables, or
        /// the built-in description of the Home Office tables.
        #[arg(long, value_name = "FILE")]
        catalog: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Lists the datasets in the store with their releases.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Shows a dataset: its measure, dimensions and their values, periods and releases.
    Show {
        dataset: String,
        /// Shows the release that was public on this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<Date>,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// Where the store is.
#[derive(Debug, clap::Args)]
struct StoreArgs {
    /// The store directory; by default `tally` in the user's data directory.
    #[arg(long = "store", env = "TALLY_STORE", value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Where the statistics come from.
#[derive(Debug, clap::Args)]
struct DataArgs {
    /// Directory of the statistical tables (CSV), read on each run; without it, the tables
    /// come from the store.
    #[arg(long, env = "TALLY_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// The store directory; by default `tally` in the user's data directory.
    #[arg(long, env = "TALLY_STORE", value_name = "DIR")]
    store: Option<PathBuf>,
    /// Checks against the releases that were public on this day (YYYY-MM-DD), rather than
    /// the latest.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<Date>,
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
            sentence,
        } => check(&article, date, &data, json, sentence),
        Command::Eval { corpus, data, json } => eval_cmd::run(&corpus, &data, json),
        Command::Data { command } => data_cmd::run(command),
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

fn check(
    article: &str,
    date: Option<Date>,
    data: &DataArgs,
    json: bool,
    sentence: bool,
) -> Result<()> {
    let document = if sentence {
        input::read_sentence(article)?
    } else {
        input::read_article(article)?
    };
    let (published, from) = match (date, document.metadata.published) {
        (Some(date), _) => (date, "flag"),
        (None, Some(date)) => (date, "metadata"),
        (None, None) => anyhow::bail!(
            "no publication date: the article gives none, so pass --date YYYY-MM-DD (the reference for \"last year\")"
        ),
    };
    let checker = data::checker(data)?;
    let checked = if sentence {
        checker.check_sentence(&document.text, published)
    } else {
        checker.check(&document, published)
    };
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
