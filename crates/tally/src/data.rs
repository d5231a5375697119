//! Loading the catalog, the tables and the events a checker needs.
//!
//! The dataset description is the data directory's own `datapackage.json` when it has one,
//! a file given with `--catalog`, or else the built-in description of the Home Office
//! tables. Tables are read in parallel, one thread per table.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use catalog::Catalog;
use check::{Checker, Source};
use store::{Table, TableSpec};

use crate::DataArgs;

const HOME_OFFICE: &str = include_str!("../../../datasets/home-office/datapackage.json");
const EVENTS: &str = include_str!("../../../datasets/events.json");

pub fn checker(args: &DataArgs) -> Result<Checker> {
    let dir = data_dir(args)?;
    let catalog = catalog(args, &dir)?;
    let events = events(args)?;
    let sources = load_tables(&catalog, &dir)?;
    Ok(Checker::new(catalog, sources, events))
}

fn data_dir(args: &DataArgs) -> Result<PathBuf> {
    let Some(dir) = &args.data else {
        bail!(
            "no data directory: pass --data DIR or set TALLY_DATA (the Home Office tables are in ../shared/data/home-office)"
        );
    };
    if !dir.is_dir() {
        bail!(
            "the data directory {} does not exist or is not a directory",
            dir.display()
        );
    }
    Ok(dir.clone())
}

fn catalog(args: &DataArgs, dir: &Path) -> Result<Catalog> {
    let own = dir.join("datapackage.json");
    let (json, origin) = match &args.catalog {
        Some(path) => (read(path)?, path.display().to_string()),
        None if own.is_file() => (read(&own)?, own.display().to_string()),
        None => (
            HOME_OFFICE.to_string(),
            "the built-in Home Office description".to_string(),
        ),
    };
    Catalog::from_json(&json)
        .with_context(|| format!("cannot use the dataset description {origin}"))
}

fn events(args: &DataArgs) -> Result<Vec<temporal::Event>> {
    let json = match &args.events {
        Some(path) => read(path)?,
        None => EVENTS.to_string(),
    };
    temporal::parse_events(&json).context("cannot use the table of events")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Reads every table of the catalog found in `dir`. Missing tables are skipped with a
/// warning; none at all is an error, and so is a table that is there but unreadable.
fn load_tables(catalog: &Catalog, dir: &Path) -> Result<Vec<Source>> {
    let wanted: Vec<(&catalog::Dataset, PathBuf)> = catalog
        .datasets
        .iter()
        .map(|d| (d, dir.join(&d.path)))
        .collect();
    let (present, missing): (Vec<_>, Vec<_>) = wanted.into_iter().partition(|(_, p)| p.is_file());
    if present.is_empty() {
        let expected: Vec<&str> = catalog.datasets.iter().map(|d| d.path.as_str()).collect();
        bail!(
            "{} holds none of the tables the catalog describes (expected {})",
            dir.display(),
            expected.join(", ")
        );
    }
    for (dataset, path) in &missing {
        eprintln_warning(&format!(
            "{} is missing; claims about {} will not be checked",
            path.display(),
            dataset.title
        ));
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = present
            .iter()
            .map(|(dataset, path)| scope.spawn(move || load_one(dataset, path)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a table loader panicked"))
            .collect()
    })
}

fn load_one(dataset: &catalog::Dataset, path: &Path) -> Result<Source> {
    let spec = TableSpec {
        name: dataset.name.clone(),
        time: dataset.time.clone(),
        dimensions: dataset
            .dimensions
            .iter()
            .map(|d| d.column.clone())
            .collect(),
        measure: dataset.measure.column.clone(),
    };
    let table = Table::open_csv(&spec, path)
        .with_context(|| format!("cannot read the table {}", path.display()))?;
    if table.is_empty() {
        bail!("the table {} has a header but no rows", path.display());
    }
    Ok(Source {
        dataset: dataset.name.clone(),
        table,
        path: path.display().to_string(),
    })
}

fn eprintln_warning(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "tally: warning: {message}");
}
