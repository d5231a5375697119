//! `tally`: checks the numbers in an article against official statistics.
//!
//! The binary parses flags, reads files and the environment, and glues the library crates
//! together; everything else lives below it. See ARCHITECTURE.md for the map.

mod batch;
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
        /// What to write: the report for a terminal, the JSON report, or schema.org
        /// ClaimReview JSON-LD (one per claim).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Writes the JSON report: short for `--format json`.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Reads the input as one sentence on its own, with nothing before it to lean on
        #[arg(long)]
        sentence: bool,
        /// Whose words the text is where it does not say (a speech, a transcript, a quote):
        /// "my time as Home Secretary" and "I oversaw ..." then read as that person's term
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
    },
    /// Imports tables into the store, or says what the store holds.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
    /// Checks many articles and writes one JSON Lines report, a line per article.
    ///
    /// INPUT is a folder (each .txt, .html, .htm file in it), an article file, or JSON Lines
    /// (.jsonl, .ndjson, `-` for stdin) of {"text" or "html", "date", "url", "speaker"}. An article's
    /// date comes from a sidecar STEM.date file, the page's metadata, a date ending the file
    /// name, or else --date.
    Batch {
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// The date for articles that give none (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Articles checked at once; by default one per core.
        #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Writes the report to FILE (complete or not at all) instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Whose words the articles are where they do not say; a JSON line's own "speaker"
        /// comes first
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Serves the web page (paste an article, see its claims marked) and the HTTP API.
    Serve {
        /// The address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The longest a request may take, in seconds.
        #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
        timeout: std::time::Duration,
        /// The largest request body accepted, in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
        max_body: usize,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Runs the checker on a labelled corpus (JSON Lines) and scores it.
    Eval {
        corpus: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        /// Writes the summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// Writes, instead of the scores, the claims checked in the labelled sentence with
        /// this id, as in the JSON report: the working behind one line of the table.
        #[arg(long, value_name = "ID", conflicts_with = "json")]
        show: Option<String>,
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

/// The forms of `tally check`'s report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Claimreview,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .map_err(|e| format!("expected a date as YYYY-MM-DD, found `{text}` ({e})"))
}

fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    let seconds = text.parse::<f64>().ok();
    match seconds.and_then(|s| std::time::Duration::try_from_secs_f64(s).ok()) {
        Some(duration) if !duration.is_zero() => Ok(duration),
        _ => Err(format!(
            "expected a positive number of seconds, found `{text}`"
        )),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            article,
            date,
            data,
            format,
            json,
            sentence,
            speaker,
        } => check(
            &article,
            date,
            &data,
            if json { Format::Json } else { format },
            sentence,
            speaker.as_deref(),
        ),
        Command::Batch {
            inputs,
            date,
            jobs,
            output,
            speaker,
            data,
        } => {
            let jobs = jobs.map_or_else(cores, usize::from);
            let options = batch::Options {
                inputs,
                date,
                jobs,
                output,
                speaker,
            };
            batch::run(&options, &data)
        }
        Command::Serve {
            addr,
            timeout,
            max_body,
            data,
        } => {
            let config = server::Config {
                body_limit: max_body,
                timeout,
                checks: cores(),
            };
            serve(addr, config, &data)
        }
        Command::Eval {
            corpus,
            data,
            json,
            show,
        } => eval_cmd::run(&corpus, &data, json, show.as_deref()),
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
    format: Format,
    sentence: bool,
    speaker: Option<&str>,
) -> Result<()> {
    let mut document = if sentence {
        input::read_sentence(article)?
    } else {
        input::read_article(article)?
    };
    if let Some(name) = speaker {
        report::article::given_speaker(&mut document, name);
    }
    let Some((published, from)) = report::reference_date(date, "flag", &document) else {
        anyhow::bail!(
            "no publication date: the article gives none, so pass --date YYYY-MM-DD (the reference for \"last year\")"
        );
    };
    let checker = data::checker(data)?;
    let checks = if sentence {
        report::Checks {
            checked: checker.check_sentence_by(&document.text, published, speaker),
            document: report::DocumentInfo::new(article, &document, published, from),
            data: report::DataInfo::new(&checker),
            metadata: document.metadata.clone(),
        }
    } else {
        report::Checks::run(&checker, &document, article, published, from)
    };
    let output = match format {
        Format::Text => checks.text(),
        Format::Json => pretty(&checks.json())?,
        Format::Claimreview => pretty(&checks.claimreview())?,
    };
    write_stdout(&output)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn serve(addr: std::net::SocketAddr, config: server::Config, data: &DataArgs) -> Result<()> {
    let checker = data::checker(data)?;
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener
        .local_addr()
        .context("cannot read the address listened on")?;
    let _ = writeln!(
        std::io::stderr(),
        "tally: serving http://{local}/ (Ctrl-C to stop)"
    );
    let router = server::router(checker, config);
    server::run(listener, router).context("the server stopped")
}

fn pretty(value: &impl serde::Serialize) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .context("writing to standard output")?;
    stdout.flush().context("writing to standard output")
}
