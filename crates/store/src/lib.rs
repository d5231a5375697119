//! Statistical tables held as columns, and the sums that readings are made of.
//!
//! A table here is long and tidy: one row per combination of dimension values per quarter,
//! with one count. Dimension columns are dictionary-encoded (`u32` codes into a list of
//! labels), the quarter is an integer, and the count a float, so that a sum over a filter and
//! a range of quarters is a tight loop over plain arrays.
//!
//! This crate knows nothing of claims, catalogs or words: its caller says which columns are
//! the time, the dimensions and the measure.

mod csv_reader;
mod quarter;

use std::ops::RangeInclusive;

pub use quarter::Quarter;

/// Which columns of a file are what.
#[derive(Debug, Clone)]
pub struct TableSpec {
    pub name: String,
    /// The column holding the period: an ISO date within the quarter (`2022-12-31`) or a
    /// quarter (`2022 Q4`).
    pub time: String,
    pub dimensions: Vec<String>,
    pub measure: String,
}

/// A table, column by column.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub dimensions: Vec<Column>,
    pub quarters: Vec<Quarter>,
    pub values: Vec<f64>,
}

/// A dictionary-encoded column.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// The distinct labels, in order of first appearance.
    pub dictionary: Vec<String>,
    /// One code per row, an index into `dictionary`.
    pub codes: Vec<u32>,
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
}

impl Table {
    /// Reads a table from CSV with a header row.
    pub fn read_csv<R: std::io::Read>(spec: &TableSpec, reader: R) -> Result<Table, Error> {
        csv_reader::read(spec, reader)
    }

    /// Reads a table from a CSV file.
    pub fn open_csv(spec: &TableSpec, path: &std::path::Path) -> Result<Table, Error> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            table: spec.name.clone(),
            source,
        })?;
        csv_reader::read(spec, std::io::BufReader::with_capacity(1 << 20, file))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The first and last quarters with rows.
    pub fn coverage(&self) -> Option<RangeInclusive<Quarter>> {
        let first = self.quarters.iter().min()?;
        let last = self.quarters.iter().max()?;
        Some(*first..=*last)
    }

    /// Index of the dimension column called `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.dimensions.iter().position(|c| c.name == name)
    }

    /// Codes of the labels that occur in a column; labels that never occur are left out.
    pub fn codes(&self, column: usize, labels: &[&str]) -> Vec<u32> {
        let dictionary = &self.dimensions[column].dictionary;
        labels
            .iter()
            .filter_map(|label| dictionary.iter().position(|l| l == label))
            .map(|i| i as u32)
            .collect()
    }

    /// Sums the measure over the rows that pass `filter`, one sum per quarter of `quarters`.
    pub fn sum_by_quarter(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> Vec<f64> {
        let (first, last) = (*quarters.start(), *quarters.end());
        let width = (last.index() - first.index() + 1).max(0) as usize;
        let mut sums = vec![0.0; width];
        let masks: Vec<(&[u32], Vec<bool>)> = filter
            .conditions
            .iter()
            .map(|c| (self.dimensions[c.column].codes.as_slice(), self.mask(c)))
            .collect();
        for (row, quarter) in self.quarters.iter().enumerate() {
            if *quarter < first || *quarter > last {
                continue;
            }
            if masks
                .iter()
                .all(|(codes, allowed)| allowed[codes[row] as usize])
            {
                sums[(quarter.index() - first.index()) as usize] += self.values[row];
            }
        }
        sums
    }

    fn mask(&self, condition: &Condition) -> Vec<bool> {
        let mut allowed = vec![false; self.dimensions[condition.column].dictionary.len()];
        for &code in &condition.codes {
            if let Some(slot) = allowed.get_mut(code as usize) {
                *slot = true;
            }
        }
        allowed
    }
}
