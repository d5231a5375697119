//! Reading a tidy CSV file into columns.
//!
//! Official CSV files are messy in small ways: counts written as `1.0`, quarters spelled two
//! ways, a stray blank line at the end. Each row is checked, and the first bad one is
//! reported with its line number.

use std::collections::HashMap;

use crate::{Column, Error, Quarter, Table, TableSpec};

struct Positions {
    time: usize,
    dimensions: Vec<usize>,
    measure: usize,
}

pub(crate) fn read<R: std::io::Read>(spec: &TableSpec, reader: R) -> Result<Table, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = csv.byte_headers().map_err(|e| csv_error(spec, e))?.clone();
    if headers.is_empty() || headers.iter().all(|h| h.is_empty()) {
        return Err(Error::Empty {
            table: spec.name.clone(),
        });
    }
    let positions = positions(spec, &headers)?;
    let mut table = Table {
        name: spec.name.clone(),
        dimensions: spec
            .dimensions
            .iter()
            .map(|name| Column {
                name: name.clone(),
                dictionary: Vec::new(),
                codes: Vec::new(),
            })
            .collect(),
        quarters: Vec::new(),
        values: Vec::new(),
    };
    let mut dictionaries: Vec<HashMap<Vec<u8>, u32>> = vec![HashMap::new(); spec.dimensions.len()];
    let mut record = csv::ByteRecord::new();
    while csv
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(spec, e))?
    {
        let line = record.position().map_or(0, |p| p.line());
        let row_error = |problem: String| Error::Row {
            table: spec.name.clone(),
            line,
            problem,
        };
        if record.iter().all(|field| field.is_empty()) {
            continue;
        }
        table
            .quarters
            .push(quarter(&record[positions.time]).map_err(&row_error)?);
        table
            .values
            .push(count(&record[positions.measure]).map_err(&row_error)?);
        for (d, &position) in positions.dimensions.iter().enumerate() {
            let code = encode(
                &mut dictionaries[d],
                &mut table.dimensions[d],
                &record[position],
            )
            .map_err(&row_error)?;
            table.dimensions[d].codes.push(code);
        }
    }
    Ok(table)
}

fn positions(spec: &TableSpec, headers: &csv::ByteRecord) -> Result<Positions, Error> {
    let find = |column: &str| {
        headers
            .iter()
            .position(|h| h == column.as_bytes())
            .ok_or_else(|| Error::MissingColumn {
                table: spec.name.clone(),
                column: column.to_string(),
                found: headers
                    .iter()
                    .map(String::from_utf8_lossy)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    };
    Ok(Positions {
        time: find(&spec.time)?,
        dimensions: spec
            .dimensions
            .iter()
            .map(|d| find(d))
            .collect::<Result<_, _>>()?,
        measure: find(&spec.measure)?,
    })
}

fn encode(
    map: &mut HashMap<Vec<u8>, u32>,
    column: &mut Column,
    field: &[u8],
) -> Result<u32, String> {
    if let Some(&code) = map.get(field) {
        return Ok(code);
    }
    let label =
        std::str::from_utf8(field).map_err(|_| format!("`{}` is not valid UTF-8", column.name))?;
    let code = column.dictionary.len() as u32;
    column.dictionary.push(label.to_string());
    map.insert(field.to_vec(), code);
    Ok(code)
}

/// `2022-12-31` (any day in the quarter), `2022 Q4` or `2022Q4`.
fn quarter(field: &[u8]) -> Result<Quarter, String> {
    let text = std::str::from_utf8(field).unwrap_or("");
    let parsed = match text.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
            if [*y0, *y1, *y2, *y3, *m0, *m1, *d0, *d1]
                .iter()
                .all(u8::is_ascii_digit) =>
        {
            let year: i32 = text[..4].parse().unwrap_or(0);
            let month: u8 = text[5..7].parse().unwrap_or(0);
            let day: u8 = text[8..10].parse().unwrap_or(0);
            (1..=31)
                .contains(&day)
                .then(|| Quarter::of_month(year, month))
                .flatten()
        }
        _ => Quarter::parse(text),
    };
    parsed.ok_or_else(|| format!("`{text}` is not a date or a quarter"))
}

/// `42`, `1.0`, `1,234`; an empty field counts as zero, as official tables leave suppressed
/// cells blank.
fn count(field: &[u8]) -> Result<f64, String> {
    let text = std::str::from_utf8(field).unwrap_or("").trim();
    if text.is_empty() {
        return Ok(0.0);
    }
    let value: f64 = text
        .replace(',', "")
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("`{text}` is not a finite number"))
    }
}

fn csv_error(spec: &TableSpec, error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(source) => Error::Io {
            table: spec.name.clone(),
            source,
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
    use crate::{Condition, Filter};

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
        assert_eq!(table.sum_by_quarter(&Filter::default(), q1..=q1), [1.0]);
    }

    #[test]
    fn reports_bad_rows_with_line_numbers() {
        let bad_date = "Date,Colour,Size,N\n2022-03-31,red,big,1\n2022-02-30x,red,big,1\n";
        let error = Table::read_csv(&spec(), bad_date.as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "toy, line 3: `2022-02-30x` is not a date or a quarter"
        );
        let bad_count = "Date,Colour,Size,N\n2022-03-31,red,big,lots\n";
        let error = Table::read_csv(&spec(), bad_count.as_bytes()).unwrap_err();
        assert_eq!(error.to_string(), "toy, line 2: `lots` is not a number");
        let ragged = "Date,Colour,Size,N\n2022-03-31,red,big\n";
        let error = Table::read_csv(&spec(), ragged.as_bytes()).unwrap_err();
        assert!(
            error.to_string().starts_with("toy: the file is not CSV"),
            "{error}"
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
