//! Turning rows of text fields into columns, whatever file they came from.
//!
//! Official tables are messy in small ways: counts written as `1.0`, quarters spelled two
//! ways, a stray blank line at the end. Each row is checked, and the first bad one is
//! reported with its line number. Rows of these tables come sorted, so each column first
//! compares a field with the one before it: most fields cost a `memcmp`, not a hash.

use rustc_hash::FxHashMap;

use crate::{Codes, Column, Error, Quarter, Table, TableSpec};

/// Where each wanted column sits in a row.
#[derive(Debug, Clone)]
pub(crate) struct Positions {
    pub time: usize,
    pub dimensions: Vec<usize>,
    pub measure: usize,
}

impl Positions {
    /// Finds the spec's columns among `headers`.
    pub fn find<'h>(
        spec: &TableSpec,
        headers: impl Iterator<Item = &'h [u8]> + Clone,
    ) -> Result<Positions, Error> {
        let find = |column: &str| {
            headers
                .clone()
                .position(|h| h == column.as_bytes())
                .ok_or_else(|| Error::MissingColumn {
                    table: spec.name.clone(),
                    column: column.to_string(),
                    found: headers
                        .clone()
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
}

/// One dimension column under construction.
#[derive(Debug, Default)]
struct Dictionary {
    codes_of: FxHashMap<Box<[u8]>, u32>,
    labels: Vec<String>,
    codes: Vec<u32>,
    last: Option<(Vec<u8>, u32)>,
}

impl Dictionary {
    fn push(&mut self, field: &[u8], column: &str) -> Result<(), String> {
        if let Some((last, code)) = &self.last
            && last.as_slice() == field
        {
            self.codes.push(*code);
            return Ok(());
        }
        let code = match self.codes_of.get(field) {
            Some(&code) => code,
            None => {
                let label = std::str::from_utf8(field)
                    .map_err(|_| format!("`{column}` is not valid UTF-8"))?;
                let code = self.labels.len() as u32;
                self.labels.push(label.to_string());
                self.codes_of.insert(field.into(), code);
                code
            }
        };
        self.codes.push(code);
        let last = self.last.get_or_insert_with(|| (Vec::new(), 0));
        last.0.clear();
        last.0.extend_from_slice(field);
        last.1 = code;
        Ok(())
    }
}

/// A table under construction, one row at a time.
#[derive(Debug)]
pub(crate) struct Builder<'s> {
    spec: &'s TableSpec,
    dictionaries: Vec<Dictionary>,
    quarters: Vec<Quarter>,
    values: Vec<f64>,
    last_time: Option<(Vec<u8>, Quarter)>,
}

impl<'s> Builder<'s> {
    pub fn new(spec: &'s TableSpec, rows_hint: usize) -> Builder<'s> {
        Builder {
            spec,
            dictionaries: spec
                .dimensions
                .iter()
                .map(|_| Dictionary {
                    codes: Vec::with_capacity(rows_hint),
                    ..Dictionary::default()
                })
                .collect(),
            quarters: Vec::with_capacity(rows_hint),
            values: Vec::with_capacity(rows_hint),
            last_time: None,
        }
    }

    /// Adds a row; `field(i)` is the row's `i`th field. On error nothing is added.
    pub fn push<'r>(
        &mut self,
        positions: &Positions,
        line: u64,
        field: impl Fn(usize) -> &'r [u8],
    ) -> Result<(), Error> {
        let spec = self.spec;
        let row_error = |problem: String| Error::Row {
            table: spec.name.clone(),
            line,
            problem,
        };
        let quarter = self.quarter(field(positions.time)).map_err(row_error)?;
        let value = count(field(positions.measure)).map_err(row_error)?;
        for (d, &position) in positions.dimensions.iter().enumerate() {
            let column = &spec.dimensions[d];
            if let Err(problem) = self.dictionaries[d].push(field(position), column) {
                for done in &mut self.dictionaries[..d] {
                    done.codes.pop();
                }
                return Err(row_error(problem));
            }
        }
        self.quarters.push(quarter);
        self.values.push(value);
        Ok(())
    }

    fn quarter(&mut self, field: &[u8]) -> Result<Quarter, String> {
        if let Some((last, quarter)) = &self.last_time
            && last.as_slice() == field
        {
            return Ok(*quarter);
        }
        let quarter = quarter(field)?;
        self.last_time = Some((field.to_vec(), quarter));
        Ok(quarter)
    }

    pub fn finish(self) -> Table {
        let dimensions = self
            .spec
            .dimensions
            .iter()
            .zip(self.dictionaries)
            .map(|(name, d)| Column {
                name: name.clone(),
                codes: Codes::narrow(d.codes, d.labels.len()),
                dictionary: d.labels,
            })
            .collect();
        Table::from_columns(
            self.spec.name.clone(),
            dimensions,
            self.quarters,
            self.values,
        )
    }
}

/// `2022-12-31` (any day in the quarter), `2022 Q4` or `2022Q4`.
pub(crate) fn quarter(field: &[u8]) -> Result<Quarter, String> {
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
            (1..=days_in_month(year, month))
                .contains(&day)
                .then(|| Quarter::of_month(year, month))
                .flatten()
        }
        _ => Quarter::parse(text),
    };
    parsed.ok_or_else(|| format!("`{text}` is not a date or a quarter"))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

/// `42`, `1.0`, `1,234`; an empty field counts as zero, as official tables leave suppressed
/// cells blank.
pub(crate) fn count(field: &[u8]) -> Result<f64, String> {
    if let Some(value) = small_integer(field) {
        return Ok(value);
    }
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

/// The common case, digits only, without going through a string.
fn small_integer(field: &[u8]) -> Option<f64> {
    if field.is_empty() || field.len() > 15 {
        return None;
    }
    let mut value: u64 = 0;
    for &b in field {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(b - b'0');
    }
    Some(value as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_quarters() {
        let counts: Vec<Result<f64, String>> = ["42", "1.0", "1,234", "", " 7 ", "lots", "inf"]
            .iter()
            .map(|f| count(f.as_bytes()))
            .collect();
        assert_eq!(
            counts,
            [
                Ok(42.0),
                Ok(1.0),
                Ok(1234.0),
                Ok(0.0),
                Ok(7.0),
                Err("`lots` is not a number".to_string()),
                Err("`inf` is not a finite number".to_string()),
            ]
        );
        let quarters: Vec<Option<String>> = [
            "2022-12-31",
            "2022 Q4",
            "2022Q1",
            "2023-02-29",
            "2024-02-29",
            "2022-13-01",
        ]
        .iter()
        .map(|f| quarter(f.as_bytes()).ok().map(|q| q.to_string()))
        .collect();
        assert_eq!(
            quarters,
            [
                Some("2022Q4".to_string()),
                Some("2022Q4".to_string()),
                Some("2022Q1".to_string()),
                None,
                Some("2024Q1".to_string()),
                None,
            ]
        );
    }
}
