//! Reading the first worksheet of a spreadsheet (XLSX, XLS, ODS) into columns.
//!
//! Cells are turned into the text a CSV export would hold (dates as ISO dates, whole
//! numbers without a decimal point) and go through the same row checks as CSV, so that a
//! table reads the same whichever format it was published in.

use std::path::Path;

use calamine::{Data, Reader};

use crate::ingest::{Builder, Positions};
use crate::{Error, Table, TableSpec};

pub(crate) fn open(spec: &TableSpec, path: &Path) -> Result<Table, Error> {
    let problem = |problem: String| Error::Sheet {
        table: spec.name.clone(),
        problem,
    };
    std::fs::metadata(path).map_err(|source| Error::Io {
        table: spec.name.clone(),
        source,
    })?;
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(source) => Error::Io {
            table: spec.name.clone(),
            source,
        },
        other => problem(other.to_string()),
    })?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| problem("the workbook has no worksheet".to_string()))?
        .map_err(|e| problem(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as u64);
    let mut rows = range.rows().enumerate();
    let header: Vec<Vec<u8>> = match rows.next() {
        Some((_, cells)) => cells.iter().map(|c| text(c).into_bytes()).collect(),
        None => {
            return Err(Error::Empty {
                table: spec.name.clone(),
            });
        }
    };
    if header.iter().all(|h| h.is_empty()) {
        return Err(Error::Empty {
            table: spec.name.clone(),
        });
    }
    let positions = Positions::find(spec, header.iter().map(Vec::as_slice))?;
    let mut builder = Builder::new(spec, range.height());
    for (i, cells) in rows {
        let line = first_row + i as u64 + 1;
        if cells.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let fields: Vec<Vec<u8>> = cells
            .iter()
            .map(|c| cell_text(c).map(String::into_bytes))
            .collect::<Result<_, _>>()
            .map_err(|problem| Error::Row {
                table: spec.name.clone(),
                line,
                problem,
            })?;
        builder.push(&positions, line, |i| {
            fields.get(i).map_or(&[][..], Vec::as_slice)
        })?;
    }
    Ok(builder.finish())
}

fn cell_text(cell: &Data) -> Result<String, String> {
    match cell {
        Data::Error(e) => Err(format!("a cell holds the error {e}")),
        other => Ok(text(other)),
    }
}

/// A cell as a CSV export would write it.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}
