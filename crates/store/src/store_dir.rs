//! The store directory: releases of tables, named by a manifest replaced atomically.
//!
//! Table files are immutable and written under a temporary name, then renamed; the
//! manifest that names them is written the same way, last. Until the manifest's rename,
//! readers see the store as it was; after it, all of an import at once. A crash or a kill
//! at any point leaves the previous store intact, with at worst some unnamed files that the
//! next import clears away.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Table, TableSpec, csv_reader, format, sheet};

const MANIFEST: &str = "manifest";
const HEADER: &str = "tally-store 1";
const TABLES: &str = "tables";

/// A store of table releases.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    releases: Vec<Release>,
}

/// One release of one dataset's table, as the manifest names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub dataset: String,
    /// The publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The table file, relative to the store's `tables` folder.
    pub file: String,
}

/// A table as stored, with what the store keeps beside its columns.
#[derive(Debug, Clone)]
pub struct Stored {
    pub table: Table,
    /// The publication date of the release, `YYYY-MM-DD`.
    pub release: String,
    /// The file the table was imported from, as SQL should name it.
    pub source: String,
    /// The time and measure columns.
    pub time: String,
    pub measure: String,
    /// Where the dataset stands in its description, so that lists keep the publisher's
    /// order.
    pub order: u32,
    /// The dataset's description, as given at import (Tally's is a data package holding
    /// this one dataset); opaque to the store.
    pub description: String,
}

/// One table to import.
#[derive(Debug, Clone)]
pub struct Import {
    pub spec: TableSpec,
    /// The file to read: CSV, or XLSX, XLS or ODS.
    pub path: PathBuf,
    /// How SQL should name the source file.
    pub source: String,
    pub release: String,
    pub order: u32,
    pub description: String,
}

/// Hears how an import is going.
pub trait Observer {
    /// `done` of `total` bytes of `table`'s file are read.
    fn reading(&mut self, _table: &str, _done: u64, _total: u64) {}
    /// `table` is read, with `rows` rows.
    fn read(&mut self, _table: &str, _rows: usize) {}
    /// `table`'s file is written and renamed into place, not yet named by the manifest.
    fn written(&mut self, _table: &str) {}
}

/// An observer that hears nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Observer for Silent {}

impl Store {
    /// Opens the store in `dir`; a directory without a manifest is an empty store.
    pub fn open(dir: &Path) -> Result<Store, Error> {
        let manifest = dir.join(MANIFEST);
        let text = match std::fs::read_to_string(&manifest) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(store_error(dir, format!("cannot read the manifest: {e}"))),
        };
        let releases = if text.is_empty() {
            Vec::new()
        } else {
            parse_manifest(&text).map_err(|problem| store_error(dir, problem))?
        };
        Ok(Store {
            dir: dir.to_path_buf(),
            releases,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every release, by dataset, then date.
    pub fn releases(&self) -> &[Release] {
        &self.releases
    }

    pub fn is_empty(&self) -> bool {
        self.releases.is_empty()
    }

    /// The datasets with at least one release, in name order.
    pub fn datasets(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.releases.iter().map(|r| r.dataset.as_str()).collect();
        names.dedup();
        names
    }

    /// The releases of `dataset`, oldest first.
    pub fn releases_of<'s>(&'s self, dataset: &str) -> impl Iterator<Item = &'s Release> {
        let dataset = dataset.to_string();
        self.releases.iter().filter(move |r| r.dataset == dataset)
    }

    /// The latest release of `dataset` published on or before `as_of` (`YYYY-MM-DD`), or
    /// the latest of all.
    pub fn release(&self, dataset: &str, as_of: Option<&str>) -> Option<&Release> {
        self.releases_of(dataset)
            .filter(|r| as_of.is_none_or(|day| r.date.as_str() <= day))
            .last()
    }

    /// Reads a release's table file.
    pub fn load(&self, release: &Release) -> Result<Stored, Error> {
        let path = self.dir.join(TABLES).join(&release.file);
        let bytes = std::fs::read(&path).map_err(|e| Error::Format {
            path: path.clone(),
            problem: format!("cannot read it: {e}"),
        })?;
        let stored = format::decode(&bytes, &path)?;
        if stored.table.name != release.dataset || stored.release != release.date {
            return Err(Error::Format {
                path,
                problem: format!(
                    "holds {} of {}, but the manifest says {} of {}",
                    stored.table.name, stored.release, release.dataset, release.date
                ),
            });
        }
        Ok(stored)
    }

    /// Imports tables as new releases, all or nothing, and returns the store as it is
    /// after. A release of a dataset with the same date as one already there replaces it.
    pub fn import(
        dir: &Path,
        imports: &[Import],
        observer: &mut dyn Observer,
    ) -> Result<Store, Error> {
        for import in imports {
            check_names(import).map_err(|problem| store_error(dir, problem))?;
        }
        let tables = dir.join(TABLES);
        std::fs::create_dir_all(&tables)
            .map_err(|e| store_error(dir, format!("cannot create {}: {e}", tables.display())))?;
        let before = Store::open(dir)?;
        let mut written: Vec<Release> = Vec::new();
        for import in imports {
            match write_table(dir, import, observer) {
                Ok(release) => written.push(release),
                Err(error) => {
                    let kept: Vec<&str> = before.releases.iter().map(|r| r.file.as_str()).collect();
                    for release in &written {
                        if !kept.contains(&release.file.as_str()) {
                            let _ = std::fs::remove_file(tables.join(&release.file));
                        }
                    }
                    return Err(error);
                }
            }
        }
        let mut releases: Vec<Release> = before
            .releases
            .into_iter()
            .filter(|r| {
                !written
                    .iter()
                    .any(|w| w.dataset == r.dataset && w.date == r.date)
            })
            .collect();
        releases.extend(written);
        releases.sort_by(|a, b| (&a.dataset, &a.date).cmp(&(&b.dataset, &b.date)));
        releases.dedup_by(|a, b| a.dataset == b.dataset && a.date == b.date);
        write_atomically(dir, MANIFEST, manifest_text(&releases).as_bytes())?;
        let store = Store {
            dir: dir.to_path_buf(),
            releases,
        };
        store.clear_unnamed();
        Ok(store)
    }

    /// Removes table files the manifest does not name: left by a crash, or replaced.
    fn clear_unnamed(&self) {
        let Ok(entries) = std::fs::read_dir(self.dir.join(TABLES)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let named = self.releases.iter().any(|r| *r.file == *name);
            if !named {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(".tmp-") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Reads one import's table and writes its file; returns the release that names it.
fn write_table(dir: &Path, import: &Import, observer: &mut dyn Observer) -> Result<Release, Error> {
    let name = import.spec.name.as_str();
    let table = read_table(import, observer)?;
    if table.is_empty() {
        return Err(Error::NoRows {
            table: name.to_string(),
        });
    }
    observer.read(name, table.len());
    let stored = Stored {
        table,
        release: import.release.clone(),
        source: import.source.clone(),
        time: import.spec.time.clone(),
        measure: import.spec.measure.clone(),
        order: import.order,
        description: import.description.clone(),
    };
    let bytes = format::encode(&stored);
    let file = format!(
        "{name}@{}.{:016x}.tbl",
        import.release,
        format::checksum(&bytes)
    );
    write_atomically(dir, &format!("{TABLES}/{file}"), &bytes)?;
    observer.written(name);
    Ok(Release {
        dataset: name.to_string(),
        date: import.release.clone(),
        file,
    })
}

fn read_table(import: &Import, observer: &mut dyn Observer) -> Result<Table, Error> {
    let extension = import
        .path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => sheet::open(&import.spec, &import.path),
        _ => {
            let total = std::fs::metadata(&import.path).map_or(0, |m| m.len());
            let name = import.spec.name.as_str();
            let mut progress = |done: u64| observer.reading(name, done, total);
            let table = csv_reader::open(&import.spec, &import.path, &mut progress)?;
            observer.reading(name, total, total);
            Ok(table)
        }
    }
}

/// Writes `bytes` to `dir/name` by way of a temporary file in `dir`, synced, then renamed.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), Error> {
    let target = dir.join(name);
    let temp = dir.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        name.replace('/', "_")
    ));
    let fail = |what: &str, e: std::io::Error| {
        let _ = std::fs::remove_file(&temp);
        store_error(dir, format!("cannot {what} {}: {e}", target.display()))
    };
    let mut file = std::fs::File::create(&temp).map_err(|e| fail("create", e))?;
    file.write_all(bytes).map_err(|e| fail("write", e))?;
    file.sync_all().map_err(|e| fail("sync", e))?;
    drop(file);
    std::fs::rename(&temp, &target).map_err(|e| fail("rename into place", e))?;
    if let Some(parent) = target.parent()
        && let Ok(handle) = std::fs::File::open(parent)
    {
        let _ = handle.sync_all();
    }
    Ok(())
}

fn check_names(import: &Import) -> Result<(), String> {
    let name = &import.spec.name;
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && !s.starts_with('.')
    };
    if !plain(name) {
        return Err(format!(
            "the dataset name `{name}` is not a plain name (letters, digits, `_`, `-`, `.`)"
        ));
    }
    if !is_date(&import.release) {
        return Err(format!(
            "the release `{}` is not a date as YYYY-MM-DD",
            import.release
        ));
    }
    Ok(())
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn manifest_text(releases: &[Release]) -> String {
    let mut text = format!("{HEADER}\n");
    for r in releases {
        text.push_str(&format!("{}\t{}\t{}\n", r.dataset, r.date, r.file));
    }
    text
}

fn parse_manifest(text: &str) -> Result<Vec<Release>, String> {
    let mut lines = text.lines();
    match lines.next() {
        Some(HEADER) => {}
        Some(other) if other.starts_with("tally-store ") => {
            return Err(format!(
                "the manifest is `{other}`, but this Tally reads `{HEADER}`; re-import the tables"
            ));
        }
        _ => return Err("the manifest does not start with `tally-store`".to_string()),
    }
    lines
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                [dataset, date, file] if is_date(date) && !file.contains('/') => Ok(Release {
                    dataset: dataset.to_string(),
                    date: date.to_string(),
                    file: file.to_string(),
                }),
                _ => Err(format!(
                    "line {} of the manifest is not `dataset<TAB>YYYY-MM-DD<TAB>file`",
                    i + 2
                )),
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|mut releases| {
            releases.sort_by(|a, b| (&a.dataset, &a.date).cmp(&(&b.dataset, &b.date)));
            releases
        })
}

fn store_error(dir: &Path, problem: String) -> Error {
    Error::Store {
        path: dir.to_path_buf(),
        problem,
    }
}
