//! `tally data`: importing tables into the store, and saying what it holds.
//!
//! An import reads each table with its dataset description (the `datapackage.json` beside
//! the tables, `--catalog`, or the built-in Home Office one) and stores it as a release
//! dated `--release`, or the release the description gives. The store itself (the `store`
//! crate) makes the import all or nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use catalog::{Catalog, Dataset};
use jiff::civil::Date;
use store::{Import, Observer, Store, Stored};

use crate::data::{self, HOME_OFFICE};
use crate::{DataCommand, write_stdout};

/// Set in tests: the import stops for a while after writing this many table files, so that
/// a test can kill it part-way.
const PAUSE_AFTER: &str = "TALLY_TEST_PAUSE_AFTER";

pub fn run(command: DataCommand) -> Result<()> {
    match command {
        DataCommand::Import {
            paths,
            release,
            catalog,
            store,
        } => import(
            &paths,
            release,
            catalog.as_deref(),
            &data::store_dir(store.dir.as_deref())?,
        ),
        DataCommand::List { store } => list(&data::store_dir(store.dir.as_deref())?),
        DataCommand::Show {
            dataset,
            as_of,
            store,
        } => show(&dataset, as_of, &data::store_dir(store.dir.as_deref())?),
    }
}

fn import(
    paths: &[PathBuf],
    release: Option<Date>,
    catalog: Option<&Path>,
    dir: &Path,
) -> Result<()> {
    let (json, origin) = description(paths, catalog)?;
    let described = Catalog::from_json(&json)
        .with_context(|| format!("cannot use the dataset description {origin}"))?;
    let release = match (release, &described.release) {
        (Some(date), _) => date.to_string(),
        (None, Some(text)) => text
            .parse::<Date>()
            .map_err(|e| anyhow::anyhow!("the description {origin} gives the release `{text}`, which is not a date ({e}); pass --release YYYY-MM-DD"))?
            .to_string(),
        (None, None) => bail!("the description {origin} gives no release date; pass --release YYYY-MM-DD"),
    };
    let files = tables(paths, &described, &origin)?;
    let mut imports = Vec::new();
    for (dataset, path) in files {
        let order = described
            .datasets
            .iter()
            .position(|d| d.name == dataset.name)
            .unwrap_or(0) as u32;
        let mut description = Catalog::dataset_json(&json, &dataset.name)?
            .with_context(|| format!("{origin} does not describe {}", dataset.name))?;
        if json == HOME_OFFICE {
            description = data::mark_built_in(&description)?;
        }
        let source = std::fs::canonicalize(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        imports.push(Import {
            spec: data::spec(dataset),
            path,
            source: source.display().to_string(),
            release: release.clone(),
            order,
            description,
        });
    }
    let mut progress = Progress::new(&imports)?;
    let store = Store::import(dir, &imports, &mut progress);
    progress.bar.finish_and_clear();
    let store = store.with_context(|| format!("nothing was imported into {}", dir.display()))?;
    let mut out = String::new();
    for (name, rows) in &progress.rows {
        let _ = writeln!(
            out,
            "imported {name}: {} rows, release {release}",
            check::number::count(*rows as f64)
        );
    }
    let _ = writeln!(out, "store: {}", store.dir().display());
    write_stdout(&out)
}

/// The description's JSON and where it came from.
fn description(paths: &[PathBuf], flag: Option<&Path>) -> Result<(String, String)> {
    if let Some(path) = flag {
        return Ok((data::read(path)?, path.display().to_string()));
    }
    let first = paths
        .first()
        .map(PathBuf::as_path)
        .unwrap_or(Path::new("."));
    let dir = if first.is_dir() {
        first
    } else {
        first.parent().unwrap_or(Path::new("."))
    };
    let beside = dir.join("datapackage.json");
    if beside.is_file() {
        return Ok((data::read(&beside)?, beside.display().to_string()));
    }
    Ok((
        HOME_OFFICE.to_string(),
        "the built-in Home Office description".to_string(),
    ))
}

/// Spreadsheet formats a table may come in besides its described file.
const SHEETS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// Each file with the dataset it is: a directory stands for every described table in it.
fn tables<'c>(
    paths: &[PathBuf],
    catalog: &'c Catalog,
    origin: &str,
) -> Result<Vec<(&'c Dataset, PathBuf)>> {
    let mut found: Vec<(&Dataset, PathBuf)> = Vec::new();
    for path in paths {
        let these = if path.is_dir() {
            in_directory(path, catalog)?
        } else if path.is_file() {
            vec![(dataset_of(path, catalog, origin)?, path.clone())]
        } else {
            bail!("cannot find the table {}", path.display());
        };
        for (dataset, file) in these {
            if let Some((_, other)) = found.iter().find(|(d, _)| d.name == dataset.name) {
                bail!(
                    "{} and {} are both the table {}; import one at a time",
                    other.display(),
                    file.display(),
                    dataset.name
                );
            }
            found.push((dataset, file));
        }
    }
    Ok(found)
}

fn in_directory<'c>(dir: &Path, catalog: &'c Catalog) -> Result<Vec<(&'c Dataset, PathBuf)>> {
    let found: Vec<(&Dataset, PathBuf)> = catalog
        .datasets
        .iter()
        .filter_map(|d| {
            let described = dir.join(&d.path);
            let sheets = SHEETS
                .iter()
                .map(|ext| dir.join(format!("{}.{ext}", d.name)));
            let file = std::iter::once(described)
                .chain(sheets)
                .find(|p| p.is_file())?;
            Some((d, file))
        })
        .collect();
    if found.is_empty() {
        let expected: Vec<&str> = catalog.datasets.iter().map(|d| d.path.as_str()).collect();
        bail!(
            "{} holds none of the tables the description names (expected {})",
            dir.display(),
            expected.join(", ")
        );
    }
    Ok(found)
}

fn dataset_of<'c>(path: &Path, catalog: &'c Catalog, origin: &str) -> Result<&'c Dataset> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    catalog
        .datasets
        .iter()
        .find(|d| {
            let described = Path::new(&d.path).file_name().and_then(|n| n.to_str());
            described == Some(name) || (d.name == stem && SHEETS.contains(&extension.as_str()))
        })
        .with_context(|| {
            let known: Vec<&str> = catalog.datasets.iter().map(|d| d.path.as_str()).collect();
            format!(
                "{} is not a table that {origin} describes (it describes {}; spreadsheets are matched by name, as returns.xlsx)",
                path.display(),
                known.join(", ")
            )
        })
}

/// A progress bar over the bytes of the files read, and the rows each table had.
struct Progress {
    bar: indicatif::ProgressBar,
    done: u64,
    current: u64,
    rows: Vec<(String, usize)>,
    written: usize,
    pause_after: Option<usize>,
}

impl Progress {
    fn new(imports: &[Import]) -> Result<Progress> {
        let total: u64 = imports
            .iter()
            .map(|i| std::fs::metadata(&i.path).map_or(0, |m| m.len()))
            .sum();
        let style = indicatif::ProgressStyle::with_template(
            "{msg:>28} [{bar:30}] {binary_bytes}/{binary_total_bytes} ({eta})",
        )?
        .progress_chars("=> ");
        let bar = indicatif::ProgressBar::new(total).with_style(style);
        let pause_after = std::env::var(PAUSE_AFTER).ok().and_then(|v| v.parse().ok());
        Ok(Progress {
            bar,
            done: 0,
            current: 0,
            rows: Vec::new(),
            written: 0,
            pause_after,
        })
    }
}

impl Observer for Progress {
    fn reading(&mut self, table: &str, done: u64, _total: u64) {
        if self.current == 0 {
            self.bar.set_message(format!("reading {table}"));
        }
        self.current = done;
        self.bar.set_position(self.done + done);
    }

    fn read(&mut self, table: &str, rows: usize) {
        self.done += self.current;
        self.current = 0;
        self.rows.push((table.to_string(), rows));
    }

    fn written(&mut self, table: &str) {
        self.written += 1;
        if self.pause_after == Some(self.written) {
            data::eprintln_warning(&format!(
                "paused after writing {table} ({} table files), as {PAUSE_AFTER} asks",
                self.written
            ));
            std::thread::sleep(Duration::from_secs(30));
        }
    }
}

fn list(dir: &Path) -> Result<()> {
    let store = Store::open(dir)?;
    let mut out = format!("store: {}\n", dir.display());
    if store.is_empty() {
        out.push_str("empty: import tables with `tally data import PATH...`\n");
        return write_stdout(&out);
    }
    let latest: Vec<Stored> = store
        .datasets()
        .iter()
        .filter_map(|d| store.release(d, None))
        .map(|r| store.load(r))
        .collect::<Result<_, _>>()?;
    let catalog = data::stored_catalog(&latest)?;
    for s in &latest {
        let name = &s.table.name;
        let title = catalog.dataset(name).map_or("", |d| d.title.as_str());
        let releases: Vec<&str> = store.releases_of(name).map(|r| r.date.as_str()).collect();
        let _ = writeln!(
            out,
            "\n{name}: {title}\n  {} rows, {}; releases {}",
            check::number::count(s.table.len() as f64),
            period(s),
            releases.join(", "),
        );
        let by: Vec<String> = s
            .table
            .dimensions
            .iter()
            .map(|d| format!("{} ({})", d.name, d.dictionary.len()))
            .collect();
        let _ = writeln!(out, "  measure `{}` by {}", s.measure, by.join(", "));
    }
    out.push_str("\n`tally data show DATASET` lists a dataset's values.\n");
    write_stdout(&out)
}

fn period(stored: &Stored) -> String {
    match stored.table.coverage() {
        Some(c) => format!(
            "{} to {} ({} quarters)",
            c.start(),
            c.end(),
            c.end().index() - c.start().index() + 1
        ),
        None => "no periods".to_string(),
    }
}

fn show(name: &str, as_of: Option<Date>, dir: &Path) -> Result<()> {
    let store = Store::open(dir)?;
    if store.releases_of(name).next().is_none() {
        let held = store.datasets();
        bail!(
            "no dataset `{name}` in the store at {} ({})",
            dir.display(),
            if held.is_empty() {
                "it is empty".to_string()
            } else {
                format!("it holds {}", held.join(", "))
            }
        );
    }
    let day = as_of.map(|d| d.to_string());
    let release = store.release(name, day.as_deref()).with_context(|| {
        format!(
            "no release of {name} was public on {}",
            day.as_deref().unwrap_or("")
        )
    })?;
    let stored = store.load(release)?;
    let catalog = data::stored_catalog(std::slice::from_ref(&stored))?;
    let dataset = catalog.dataset(name);
    let table = &stored.table;
    let mut out = String::new();
    let title = dataset.map_or("", |d| d.title.as_str());
    let _ = writeln!(out, "{name}: {title}");
    let releases: Vec<&str> = store.releases_of(name).map(|r| r.date.as_str()).collect();
    let _ = writeln!(
        out,
        "  release     {} (of {})",
        stored.release,
        releases.join(", ")
    );
    let _ = writeln!(out, "  source      {}", stored.source);
    if let Some(d) = dataset {
        let _ = writeln!(
            out,
            "  measure     `{}`: {}, in {}",
            d.measure.column, d.measure.counts, d.measure.unit
        );
    }
    let _ = writeln!(
        out,
        "  rows        {}",
        check::number::count(table.len() as f64)
    );
    let _ = writeln!(out, "  periods     `{}`: {}", stored.time, period(&stored));
    let _ = writeln!(out, "  dimensions");
    for column in &table.dimensions {
        let role = dataset
            .and_then(|d| d.dimension(&column.name))
            .map_or("".to_string(), |d| format!(", {:?}", d.role).to_lowercase());
        let _ = writeln!(
            out,
            "    `{}`{role}, {} values:",
            column.name,
            column.dictionary.len()
        );
        out.push_str(&wrap(&column.dictionary, 6, 92));
    }
    write_stdout(&out)
}

/// Labels separated by commas, wrapped at `width` and indented by `indent`.
fn wrap(labels: &[String], indent: usize, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for (i, label) in labels.iter().enumerate() {
        let item = if i + 1 < labels.len() {
            format!("{label}, ")
        } else {
            label.clone()
        };
        if !line.is_empty() && indent + line.len() + item.len() > width {
            let _ = writeln!(out, "{:indent$}{}", "", line.trim_end());
            line.clear();
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{:indent$}{}", "", line);
    }
    out
}
