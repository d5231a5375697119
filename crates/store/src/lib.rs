//! Statistical tables held as columns, the on-disk store of their releases, and the sums
//! that readings are made of.
//!
//! A table here is long and tidy: one row per combination of dimension values per quarter,
//! with one count. Dimension columns are dictionary-encoded (codes into a list of labels,
//! as narrow as the dictionary allows), the quarter is an integer, and the count a float,
//! so that a sum over a filter and a range of quarters is a tight loop over plain arrays.
//!
//! Tables come in from CSV ([`Table::read_csv`]) or spreadsheets ([`Table::open_sheet`]),
//! and are kept in a [`Store`]: a directory of immutable table files, one per release of a
//! dataset, named by a manifest that is replaced atomically (FORMAT.md gives the grammar).
//! Sums go through [`cube`]: per set of filtered dimensions, per-quarter totals are
//! aggregated once and cached, so that many readings over the same dimensions cost a few
//! lookups each.
//!
//! This crate knows nothing of claims, catalogs or words: its caller says which columns are
//! the time, the dimensions and the measure, and what the description of a dataset is.

mod codes;
mod csv_reader;
pub mod cube;
mod format;
mod ingest;
mod quarter;
mod sheet;
mod store_dir;

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

pub use codes::Codes;
pub use quarter::Quarter;
pub use store_dir::{Import, Observer, Release, Silent, Store, Stored};

/// Which columns of a file are what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    pub name: String,
    /// The column holding the period: an ISO date within the quarter (`2022-12-31`) or a
    /// quarter (`2022 Q4`).
    pub time: String,
    pub dimensions: Vec<String>,
    pub measure: String,
}

/// A table, column by column.
#[derive(Debug)]
pub struct Table {
    pub name: String,
    pub dimensions: Vec<Column>,
    pub quarters: Vec<Quarter>,
    pub values: Vec<f64>,
    /// The first and last quarters, worked out on first use: a table is not changed once
    /// built.
    coverage: std::sync::OnceLock<Option<(Quarter, Quarter)>>,
    /// Per column, each label's code, built on first use.
    labels: std::sync::OnceLock<Vec<rustc_hash::FxHashMap<String, u32>>>,
    cubes: cube::Cache,
}

/// A dictionary-encoded column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// The distinct labels, in order of first appearance.
    pub dictionary: Vec<String>,
    /// One code per row, an index into `dictionary`.
    pub codes: Codes,
}

/// Rows whose dimension values are among the given codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub conditions: Vec<Condition>,
}

/// One dimension's allowed codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// Index into [`Table::dimensions`].
    pub column: usize,
    pub codes: Vec<u32>,
}

/// The one error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{table}: {source}")]
    Io {
        table: String,
        source: std::io::Error,
    },
    #[error("{table}: the file is empty")]
    Empty { table: String },
    #[error("{table}: no column `{column}` (the header has: {found})")]
    MissingColumn {
        table: String,
        column: String,
        found: String,
    },
    #[error("{table}, line {line}: {problem}")]
    Row {
        table: String,
        line: u64,
        problem: String,
    },
    #[error("{table}: the file is not CSV: {problem}")]
    Csv { table: String, problem: String },
    #[error("{table}: cannot read the spreadsheet: {problem}")]
    Sheet { table: String, problem: String },
    #[error("{table}: the file has a header but no rows")]
    NoRows { table: String },
    #[error("the store at {}: {problem}", path.display())]
    Store { path: PathBuf, problem: String },
    #[error("the store file {}: {problem}", path.display())]
    Format { path: PathBuf, problem: String },
}

impl Error {
    /// True when the error is about the store itself rather than one table's source file.
    pub fn is_store(&self) -> bool {
        matches!(self, Error::Store { .. } | Error::Format { .. })
    }
}

impl Clone for Table {
    fn clone(&self) -> Table {
        Table::from_columns(
            self.name.clone(),
            self.dimensions.clone(),
            self.quarters.clone(),
            self.values.clone(),
        )
    }
}

impl PartialEq for Table {
    fn eq(&self, other: &Table) -> bool {
        self.name == other.name
            && self.dimensions == other.dimensions
            && self.quarters == other.quarters
            && self.values.len() == other.values.len()
            && self
                .values
                .iter()
                .zip(&other.values)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

impl Table {
    /// A table from its columns; every column must have one entry per row.
    pub fn from_columns(
        name: String,
        dimensions: Vec<Column>,
        quarters: Vec<Quarter>,
        values: Vec<f64>,
    ) -> Table {
        debug_assert!(dimensions.iter().all(|d| d.codes.len() == values.len()));
        debug_assert_eq!(quarters.len(), values.len());
        Table {
            name,
            dimensions,
            quarters,
            values,
            coverage: std::sync::OnceLock::new(),
            labels: std::sync::OnceLock::new(),
            cubes: cube::Cache::default(),
        }
    }

    /// Reads a table from CSV with a header row.
    pub fn read_csv<R: std::io::Read>(spec: &TableSpec, reader: R) -> Result<Table, Error> {
        csv_reader::read(spec, reader, &mut |_| {})
    }

    /// Reads a table from a CSV file.
    pub fn open_csv(spec: &TableSpec, path: &Path) -> Result<Table, Error> {
        csv_reader::open(spec, path, &mut |_| {})
    }

    /// Reads a table from the first worksheet of an XLSX, XLS or ODS file whose first row is
    /// the header.
    pub fn open_sheet(spec: &TableSpec, path: &Path) -> Result<Table, Error> {
        sheet::open(spec, path)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The first and last quarters with rows.
    pub fn coverage(&self) -> Option<RangeInclusive<Quarter>> {
        let (first, last) = (*self.coverage.get_or_init(|| {
            let first = self.quarters.iter().min()?;
            let last = self.quarters.iter().max()?;
            Some((*first, *last))
        }))?;
        Some(first..=last)
    }

    /// Index of the dimension column called `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.dimensions.iter().position(|c| c.name == name)
    }

    /// Codes of the labels that occur in a column; labels that never occur are left out.
    pub fn codes(&self, column: usize, labels: &[&str]) -> Vec<u32> {
        labels
            .iter()
            .filter_map(|label| self.code(column, label))
            .collect()
    }

    /// The code of `label` in a column, if it occurs there.
    pub fn code(&self, column: usize, label: &str) -> Option<u32> {
        let maps = self.labels.get_or_init(|| {
            self.dimensions
                .iter()
                .map(|c| {
                    c.dictionary
                        .iter()
                        .enumerate()
                        .map(|(code, label)| (label.clone(), code as u32))
                        .collect()
                })
                .collect()
        });
        maps.get(column)?.get(label).copied()
    }

    /// Sums the measure over the rows that pass `filter`, one sum per quarter of `quarters`.
    ///
    /// The sums come from the cube of the filter's dimensions, built on first use and kept,
    /// so that later filters on the same dimensions cost a few lookups.
    pub fn sum_by_quarter(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> Vec<f64> {
        match self.cube(filter) {
            Some(cube) => cube.series(filter, quarters),
            None => self.scan_by_quarter(filter, quarters),
        }
    }

    /// Sums the measure over the rows that pass `filter` and the whole of `quarters`.
    pub fn sum(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> f64 {
        match self.cube(filter) {
            Some(cube) => cube.total(filter, quarters),
            None => self.scan_by_quarter(filter, quarters).iter().sum(),
        }
    }

    /// The cube for a filter's dimensions; `None` when it names a column the table lacks
    /// or is past what a cube key holds.
    fn cube(&self, filter: &Filter) -> Option<std::sync::Arc<cube::Cube>> {
        let key = cube::key_of(filter, self.dimensions.len())?;
        Some(self.cubes.get(self, key))
    }

    /// The same as [`Table::sum_by_quarter`], by a scan of every row: the reference the
    /// cubes are tested against.
    pub fn scan_by_quarter(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> Vec<f64> {
        let (first, last) = (*quarters.start(), *quarters.end());
        let width = (last.index() - first.index() + 1).max(0) as usize;
        let mut sums = vec![0.0; width];
        if filter
            .conditions
            .iter()
            .any(|c| c.column >= self.dimensions.len())
        {
            return sums;
        }
        let masks: Vec<(&Codes, Vec<bool>)> = filter
            .conditions
            .iter()
            .map(|c| (&self.dimensions[c.column].codes, self.mask(c)))
            .collect();
        for (row, quarter) in self.quarters.iter().enumerate() {
            if *quarter < first || *quarter > last {
                continue;
            }
            if masks
                .iter()
                .all(|(codes, allowed)| allowed[codes.get(row) as usize])
            {
                sums[(quarter.index() - first.index()) as usize] += self.values[row];
            }
        }
        sums
    }

    fn mask(&self, condition: &Condition) -> Vec<bool> {
        cube::mask(
            self.dimensions[condition.column].dictionary.len(),
            &condition.codes,
        )
    }
}
