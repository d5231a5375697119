//! `tally batch`: many articles checked in parallel, one JSON Lines report.
//!
//! Each input is a folder (every `.txt`, `.html` and `.htm` file directly inside it, in name
//! order), an article file, or JSON Lines (`.jsonl`, `.ndjson`, or `-` for standard input) with
//! one `{"text" or "html", "date", "url", "speaker"}` object per line. `--speaker` names whose
//! words the articles are where they do not say, unless a line names its own.
//!
//! The reference date of an article file is, first found:
//! 1. a sidecar file beside it with the same stem and the extension `.date`
//!    (`speech.date` for `speech.html`), holding `YYYY-MM-DD`;
//! 2. the page's own metadata (HTML);
//! 3. a date ending the file name (`sunak-albania-returns-2023-05-16.txt`);
//! 4. `--date`.
//!
//! For a line of JSON Lines: its `date`, the page's metadata, then `--date`.
//!
//! The report has one line per article, in input order: the JSON report, or
//! `{"source": ..., "error": ...}` for an article that could not be checked, which does not
//! stop the others. With `--output` the report is written to a temporary file beside the
//! target and renamed over it when complete, so it is never seen half-written. A progress bar
//! and, at the end, a summary table go to standard error.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, Result};
use check::Checker;
use document::Format;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil::Date;
use report::Checks;
use report::article::{ArticleJson, ErrorJson};
use report::summary::Summary;

use crate::{DataArgs, data, input};

/// What `tally batch` was asked to do.
#[derive(Debug)]
pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub date: Option<Date>,
    pub jobs: usize,
    pub output: Option<PathBuf>,
    /// Whose words the articles are where they do not say.
    pub speaker: Option<String>,
}

/// One article to check.
#[derive(Debug)]
enum Job {
    File(PathBuf),
    Line {
        source: String,
        text: String,
    },
    /// An input that could not be read; reported as an error line.
    Broken {
        source: String,
        error: String,
    },
}

/// What checking one article gave: its report line, and the checks for the summary.
#[derive(Debug)]
struct Outcome {
    line: String,
    checks: Option<Checks>,
}

pub fn run(options: &Options, data: &DataArgs) -> Result<()> {
    if let Some(path) = &options.output {
        check_writable(path)?;
    }
    let checker = data::checker(data)?;
    let jobs = jobs(&options.inputs);
    let bar = progress(jobs.len() as u64);
    let mut summary = Summary::default();
    let mut lines = vec![String::new(); jobs.len()];
    for (i, outcome) in check_all(&checker, &jobs, options, &bar) {
        match &outcome.checks {
            Some(checks) => summary.add(checks),
            None => summary.fail(),
        }
        lines[i] = outcome.line;
    }
    bar.finish_and_clear();
    let mut report = lines.join("\n");
    if !report.is_empty() {
        report.push('\n');
    }
    write_report(&report, options.output.as_deref())?;
    let _ = write!(std::io::stderr(), "{}", summary.render());
    Ok(())
}

fn progress(len: u64) -> ProgressBar {
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles ({eta} left) {msg}",
    );
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

/// Checks every job on `options.jobs` threads; yields each outcome with its job's index, in
/// the order they finish.
fn check_all(
    checker: &Checker,
    jobs: &[Job],
    options: &Options,
    bar: &ProgressBar,
) -> Vec<(usize, Outcome)> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let outcome = guarded(checker, job, options);
                    if sender.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        receiver.iter().inspect(|_| bar.inc(1)).collect::<Vec<_>>()
    })
}

/// Checks one job; a panic (a bug) becomes that article's error rather than the batch's end.
fn guarded(checker: &Checker, job: &Job, options: &Options) -> Outcome {
    let run = std::panic::AssertUnwindSafe(|| check_one(checker, job, options));
    std::panic::catch_unwind(run).unwrap_or_else(|_| {
        failure(
            source(job),
            "Tally failed on this article (a bug: please report it)".to_string(),
        )
    })
}

fn check_one(checker: &Checker, job: &Job, options: &Options) -> Outcome {
    let checked = match job {
        Job::File(path) => check_file(checker, path, options),
        Job::Line { source, text } => check_line(checker, source, text, options),
        Job::Broken { error, .. } => Err(anyhow::anyhow!("{error}")),
    };
    match checked {
        Ok(checks) => match serde_json::to_string(&checks.json()) {
            Ok(line) => Outcome {
                line,
                checks: Some(checks),
            },
            Err(e) => failure(source(job), e.to_string()),
        },
        Err(e) => failure(source(job), format!("{e:#}")),
    }
}

fn failure(source: String, error: String) -> Outcome {
    let json = ErrorJson {
        source: Some(source),
        error,
    };
    Outcome {
        line: serde_json::to_string(&json).unwrap_or_else(|_| "{\"error\":\"\"}".to_string()),
        checks: None,
    }
}

fn source(job: &Job) -> String {
    match job {
        Job::File(path) => path.display().to_string(),
        Job::Line { source, .. } | Job::Broken { source, .. } => source.clone(),
    }
}

fn check_file(checker: &Checker, path: &Path, options: &Options) -> Result<Checks> {
    let name = path.display().to_string();
    let format = match extension(path).as_str() {
        "html" | "htm" => Format::Html,
        _ => Format::Text,
    };
    let mut document = input::read_article_as(&name, format)?;
    if let Some(name) = &options.speaker {
        report::article::given_speaker(&mut document, name);
    }
    let published = match sidecar_date(path)? {
        Some(date) => Some((date, "sidecar")),
        None => document
            .metadata
            .published
            .map(|d| (d, "metadata"))
            .or(name_date(path).map(|d| (d, "file name")))
            .or(options.date.map(|d| (d, "flag"))),
    };
    let Some((published, from)) = published else {
        anyhow::bail!(
            "no publication date: the article gives none; add {} holding YYYY-MM-DD, end the file name with the date, or pass --date",
            path.with_extension("date").display()
        );
    };
    Ok(Checks::run(checker, &document, &name, published, from))
}

fn check_line(checker: &Checker, source: &str, text: &str, options: &Options) -> Result<Checks> {
    let mut article: ArticleJson = serde_json::from_str(text).with_context(|| {
        "expected a JSON object {\"text\" or \"html\", \"date\", \"url\", \"speaker\"}".to_string()
    })?;
    if article.speaker.is_none() {
        article.speaker.clone_from(&options.speaker);
    }
    let default = options.date.map(|d| (d, "flag"));
    Ok(article.check(checker, source, "input", default)?)
}

/// The date in `STEM.date` beside `path`, if there is such a file.
fn sidecar_date(path: &Path) -> Result<Option<Date>> {
    let sidecar = path.with_extension("date");
    if !sidecar.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&sidecar)
        .with_context(|| format!("cannot read {}", sidecar.display()))?;
    let date = text.trim().parse::<Date>().with_context(|| {
        format!(
            "expected a date as YYYY-MM-DD in {}, found `{}`",
            sidecar.display(),
            text.trim()
        )
    })?;
    Ok(Some(date))
}

/// A date ending the file's stem: `...-2023-05-16.txt`.
fn name_date(path: &Path) -> Option<Date> {
    let stem = path.file_stem()?.to_str()?;
    let start = stem.char_indices().rev().nth(9)?.0;
    stem[start..].parse().ok()
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_article(path: &Path) -> bool {
    matches!(extension(path).as_str(), "txt" | "html" | "htm")
}

fn is_json_lines(path: &Path) -> bool {
    path == Path::new("-") || matches!(extension(path).as_str(), "jsonl" | "ndjson")
}

/// Every article of every input, in order.
fn jobs(inputs: &[PathBuf]) -> Vec<Job> {
    inputs.iter().flat_map(|input| input_jobs(input)).collect()
}

fn input_jobs(input: &Path) -> Vec<Job> {
    let broken = |error: String| {
        vec![Job::Broken {
            source: input.display().to_string(),
            error,
        }]
    };
    if is_json_lines(input) {
        return json_lines(input).unwrap_or_else(|e| broken(format!("{e:#}")));
    }
    if input.is_dir() {
        return folder(input).unwrap_or_else(|e| broken(format!("{e:#}")));
    }
    if !input.exists() {
        return broken(format!("{} does not exist", input.display()));
    }
    if !is_article(input) {
        return broken(format!(
            "expected a folder, an article (.txt, .html, .htm) or JSON Lines (.jsonl, .ndjson), found {}",
            input.display()
        ));
    }
    vec![Job::File(input.to_path_buf())]
}

fn folder(dir: &Path) -> Result<Vec<Job>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_article(p))
        .collect();
    paths.sort();
    Ok(paths.into_iter().map(Job::File).collect())
}

fn json_lines(path: &Path) -> Result<Vec<Job>> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut jobs = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let source = format!("{name}:{}", i + 1);
        match line {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => jobs.push(Job::Line { source, text }),
            Err(e) => {
                jobs.push(Job::Broken {
                    source,
                    error: format!("cannot read the line: {e}"),
                });
                break;
            }
        }
    }
    Ok(jobs)
}

/// Fails early, before any checking, when the report could not be written where asked.
fn check_writable(path: &Path) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        anyhow::bail!(
            "cannot write the report {}: the folder {} does not exist",
            path.display(),
            parent.display()
        );
    }
    if path.is_dir() {
        anyhow::bail!("cannot write the report {}: it is a folder", path.display());
    }
    Ok(())
}

/// Writes the report to `output`, whole or not at all, or to standard output.
fn write_report(report: &str, output: Option<&Path>) -> Result<()> {
    let Some(path) = output else {
        return crate::write_stdout(report);
    };
    let name = path
        .file_name()
        .with_context(|| format!("--output {} names no file", path.display()))?;
    let temp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::write(&temp, report).and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write the report {}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_the_end_of_file_names() {
        let date = |name: &str| name_date(Path::new(name)).map(|d| d.to_string());
        assert_eq!(
            date("corpus/sunak-albania-returns-2023-05-16.txt").as_deref(),
            Some("2023-05-16")
        );
        assert_eq!(date("2023-05-16.html").as_deref(), Some("2023-05-16"));
        assert_eq!(date("speech.txt"), None);
        assert_eq!(date("speech-2023-02-30.txt"), None);
        assert_eq!(date("é.txt"), None);
    }
}
