//! Reading a tidy CSV file into columns.

use std::io::Read;
use std::path::Path;

use crate::ingest::{Builder, Positions};
use crate::{Error, Table, TableSpec};

/// Reads a CSV file, calling `progress` with the bytes read so far now and then.
pub(crate) fn open(
    spec: &TableSpec,
    path: &Path,
    progress: &mut dyn FnMut(u64),
) -> Result<Table, Error> {
    let io = |source| Error::Io {
        table: spec.name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    // About 120 bytes a row in the Home Office tables; a hint, not a limit.
    let rows_hint = (size / 120) as usize;
    read_sized(spec, file, rows_hint, progress)
}

pub(crate) fn read<R: Read>(
    spec: &TableSpec,
    reader: R,
    progress: &mut dyn FnMut(u64),
) -> Result<Table, Error> {
    read_sized(spec, reader, 0, progress)
}

fn read_sized<R: Read>(
    spec: &TableSpec,
    reader: R,
    rows_hint: usize,
    progress: &mut dyn FnMut(u64),
) -> Result<Table, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .buffer_capacity(1 << 20)
        .from_reader(reader);
    let headers = csv.byte_headers().map_err(|e| csv_error(spec, e))?.clone();
    if headers.is_empty() || headers.iter().all(|h| h.is_empty()) {
        return Err(Error::Empty {
            table: spec.name.clone(),
        });
    }
    let positions = Positions::find(spec, headers.iter())?;
    let mut builder = Builder::new(spec, rows_hint);
    let mut record = csv::ByteRecord::new();
    let mut rows: u64 = 0;
    while csv
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(spec, e))?
    {
        if record.iter().all(|field| field.is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        builder.push(&positions, line, |i| &record[i])?;
        rows += 1;
        if rows.is_multiple_of(16_384) {
            progress(record.position().map_or(0, |p| p.byte()));
        }
    }
    Ok(builder.finish())
}

fn csv_error(spec: &TableSpec, error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(source) => Error::Io {
            table: spec.name.clone(),
            source,
        },
        csv::ErrorKind::Utf8 { pos, .. } | csv::ErrorKind::Deserialize { pos, .. }
            if pos.is_some() =>
        {
            Error::Csv {
                table: spec.name.clone(),
                problem: format!(
                    "line {}: not valid text",
                    pos.as_ref().map_or(0, |p| p.line())
                ),
            }
        }
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => Error::Csv {
            table: spec.name.clone(),
            problem: format!(
                "line {}: {len} fields where the header has {expected_len}",
                pos.as_ref().map_or(0, |p| p.line())
            ),
        },
        kind => Error::Csv {
            table: spec.name.clone(),
            problem: format!("{kind:?}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Condition, Filter, Quarter};

    fn spec() -> TableSpec {
        TableSpec {
            name: "toy".into(),
            time: "Date".into(),
            dimensions: vec!["Colour".into(), "Size".into()],
            measure: "N".into(),
        }
    }

    #[test]
    fn reads_and_sums() {
        let csv = "Date,Colour,Size,N\n2022-03-31,red,big,1\n2022-06-30,red,small,2.0\n2022-06-30,blue,big,4\n\n2022 Q3,red,big,8\n";
        let table = Table::read_csv(&spec(), csv.as_bytes()).unwrap();
        assert_eq!(table.len(), 4);
        let red = table.codes(0, &["red"]);
        let filter = Filter {
            conditions: vec![Condition {
                column: 0,
                codes: red,
            }],
        };
        let q1 = Quarter::new(2022, 1).unwrap();
        let q4 = Quarter::new(2022, 4).unwrap();
        assert_eq!(table.sum_by_quarter(&filter, q1..=q4), [1.0, 2.0, 8.0, 0.0]);
        assert_eq!(
            table.scan_by_quarter(&filter, q1..=q4),
            [1.0, 2.0, 8.0, 0.0]
        );
        assert_eq!(table.sum_by_quarter(&Filter::default(), q1..=q1), [1.0]);
        assert_eq!(table.sum(&filter, q1..=q4), 11.0);
    }

    #[test]
    fn reports_bad_rows_with_line_numbers() {
        let cases = [
            (
                "Date,Colour,Size,N\n2022-03-31,red,big,1\n2022-02-30x,red,big,1\n",
                "toy, line 3: `2022-02-30x` is not a date or a quarter",
            ),
            (
                "Date,Colour,Size,N\n2022-03-31,red,big,1\n2023-02-29,red,big,1\n",
                "toy, line 3: `2023-02-29` is not a date or a quarter",
            ),
            (
                "Date,Colour,Size,N\n2022-03-31,red,big,lots\n",
                "toy, line 2: `lots` is not a number",
            ),
            (
                "Date,Colour,Size,N\n2022-03-31,red,big\n",
                "toy: the file is not CSV: line 2: 3 fields where the header has 4",
            ),
        ];
        for (csv, expected) in cases {
            let error = Table::read_csv(&spec(), csv.as_bytes()).unwrap_err();
            assert_eq!(error.to_string(), expected, "{csv}");
        }
        let latin1 = b"Date,Colour,Size,N\n2022-03-31,r\xe9d,big,1\n";
        let error = Table::read_csv(&spec(), &latin1[..]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "toy, line 2: `Colour` is not valid UTF-8"
        );
    }

    #[test]
    fn reports_missing_columns_and_empty_files() {
        let error = Table::read_csv(&spec(), "Date,Colour,N\n".as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "toy: no column `Size` (the header has: Date, Colour, N)"
        );
        let error = Table::read_csv(&spec(), "".as_bytes()).unwrap_err();
        assert_eq!(error.to_string(), "toy: the file is empty");
    }
}
