//! Loading the catalog, the tables and the events a checker needs.
//!
//! The tables come from the data directory given with `--data` (read from CSV on each run),
//! or else from the store (`--store`, `TALLY_STORE`, or the user's data directory), where
//! `tally data import` put them: the latest release of each dataset, or the one public on
//! the `--as-of` day. With `--data`, the dataset description is the directory's own
//! `datapackage.json` when it has one, a file given with `--catalog`, or else the built-in
//! description of the Home Office tables; from the store, it is the description stored with
//! each table. Tables are read in parallel, one thread per table.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use catalog::Catalog;
use check::{Checker, Source};
use store::{Store, Stored, Table, TableSpec};

use crate::DataArgs;

pub const HOME_OFFICE: &str = include_str!("../../../datasets/home-office/datapackage.json");
const EVENTS: &str = include_str!("../../../datasets/events.json");

pub fn checker(args: &DataArgs) -> Result<Checker> {
    let events = events(args)?;
    if args.data.is_none() {
        let (catalog, sources) = from_store(args)?;
        return Ok(Checker::new(catalog, sources, events));
    }
    if args.as_of.is_some() {
        bail!("--as-of picks a release from the store, so it cannot be used with --data");
    }
    let dir = data_dir(args)?;
    let catalog = catalog(args, &dir)?;
    let sources = load_tables(&catalog, &dir)?;
    Ok(Checker::new(catalog, sources, events))
}

/// The store directory: `--store`, `TALLY_STORE`, or `tally` in the user's data directory.
pub fn store_dir(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy()
        .context("cannot find the user's data directory; pass --store DIR or set TALLY_STORE")?;
    Ok(base.data_dir().join("tally"))
}

/// The catalog and tables of the store: for each dataset, the latest release, or the latest
/// public on the `--as-of` day.
fn from_store(args: &DataArgs) -> Result<(Catalog, Vec<Source>)> {
    let dir = store_dir(args.store.as_deref())?;
    let store = Store::open(&dir)?;
    if store.is_empty() {
        bail!(
            "no data: pass --data DIR (the Home Office tables are in ../shared/data/home-office), \
             or import the tables once with `tally data import DIR` (the store at {} is empty)",
            dir.display()
        );
    }
    let as_of = args.as_of.map(|d| d.to_string());
    let mut chosen = Vec::new();
    for dataset in store.datasets() {
        match store.release(dataset, as_of.as_deref()) {
            Some(release) => chosen.push(release.clone()),
            None => eprintln_warning(&format!(
                "no release of {dataset} was public on {}; claims about it will not be checked",
                as_of.as_deref().unwrap_or("that day")
            )),
        }
    }
    if chosen.is_empty() {
        bail!(
            "no release in the store at {} was public on {}",
            dir.display(),
            as_of.as_deref().unwrap_or("that day")
        );
    }
    let mut stored: Vec<Stored> = std::thread::scope(|scope| {
        let handles: Vec<_> = chosen
            .iter()
            .map(|release| scope.spawn(|| store.load(release)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a table loader panicked"))
            .collect::<Result<_, _>>()
    })?;
    stored.sort_by(|a, b| (a.order, &a.table.name).cmp(&(b.order, &b.table.name)));
    let catalog = match &args.catalog {
        Some(path) => {
            let json = read(path)?;
            Catalog::from_json(&json)
                .with_context(|| format!("cannot use the dataset description {}", path.display()))?
        }
        None => stored_catalog(&stored)?,
    };
    let sources = stored
        .into_iter()
        .map(|s| Source {
            dataset: s.table.name.clone(),
            path: s.source,
            release: Some(s.release),
            table: s.table,
        })
        .collect();
    Ok((catalog, sources))
}

/// Where a stored description says it is the built-in one.
const ORIGIN: &str = "description_origin";
const BUILT_IN: &str = "built-in";

/// Marks a dataset's description as the built-in one. Checks then use the built-in
/// description of the Tally that runs them, so that its vocabulary follows the program
/// rather than staying as it was on the day of the import; a description given with
/// `--catalog` or beside the tables stays as stored.
pub fn mark_built_in(description: &str) -> Result<String> {
    let mut package: serde_json::Value = serde_json::from_str(description)?;
    let Some(object) = package.as_object_mut() else {
        bail!("the built-in description is not a JSON object");
    };
    let tally = object
        .entry("tally")
        .or_insert_with(|| serde_json::json!({}));
    if let Some(tally) = tally.as_object_mut() {
        tally.insert(ORIGIN.to_string(), BUILT_IN.into());
    }
    Ok(package.to_string())
}

/// The description to use for a stored table: the current built-in one when it was
/// imported with the built-in one and the built-in one still describes it, else its own.
fn current_description(stored: &Stored) -> String {
    let built_in = serde_json::from_str::<serde_json::Value>(&stored.description)
        .is_ok_and(|p| p["tally"][ORIGIN] == BUILT_IN);
    let current = built_in
        .then(|| {
            Catalog::dataset_json(HOME_OFFICE, &stored.table.name)
                .ok()
                .flatten()
        })
        .flatten();
    current.unwrap_or_else(|| stored.description.clone())
}

/// The catalog made of the descriptions stored with each table, in the order of the
/// descriptions they came from; its release is the latest of the tables'.
pub fn stored_catalog(stored: &[Stored]) -> Result<Catalog> {
    let mut ordered: Vec<&Stored> = stored.iter().collect();
    ordered.sort_by(|a, b| (a.order, &a.table.name).cmp(&(b.order, &b.table.name)));
    let mut catalog = Catalog::default();
    for s in ordered {
        let one = Catalog::from_json(&current_description(s)).with_context(|| {
            format!(
                "the description stored with {} ({}) is not usable",
                s.table.name, s.release
            )
        })?;
        catalog.merge(one);
    }
    catalog.release = stored.iter().map(|s| s.release.clone()).max();
    Ok(catalog)
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

pub fn read(path: &Path) -> Result<String> {
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

/// Which columns of a dataset's file are what.
pub fn spec(dataset: &catalog::Dataset) -> TableSpec {
    TableSpec {
        name: dataset.name.clone(),
        time: dataset.time.clone(),
        dimensions: dataset
            .dimensions
            .iter()
            .map(|d| d.column.clone())
            .collect(),
        measure: dataset.measure.column.clone(),
    }
}

fn load_one(dataset: &catalog::Dataset, path: &Path) -> Result<Source> {
    let table = Table::open_csv(&spec(dataset), path)
        .with_context(|| format!("cannot read the table {}", path.display()))?;
    if table.is_empty() {
        bail!("the table {} has a header but no rows", path.display());
    }
    Ok(Source {
        dataset: dataset.name.clone(),
        table,
        path: path.display().to_string(),
        release: None,
    })
}

pub fn eprintln_warning(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "tally: warning: {message}");
}
