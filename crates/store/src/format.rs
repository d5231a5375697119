//! The table file: one release of one table, columns one after another.
//!
//! FORMAT.md gives the grammar. Encoding and decoding are plain byte slicing with
//! little-endian integers; a checksum over the whole file catches truncation and stray
//! writes, so that a damaged file is reported rather than read as wrong figures.

use std::path::Path;

use crate::{Codes, Column, Error, Quarter, Stored, Table};

pub(crate) const MAGIC: &[u8; 8] = b"TALLYTBL";
pub(crate) const VERSION: u32 = 1;

/// The file's bytes.
pub(crate) fn encode(stored: &Stored) -> Vec<u8> {
    let table = &stored.table;
    let mut out = Vec::with_capacity(table.len() * 16 + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    let meta = [
        ("name", table.name.as_str()),
        ("release", stored.release.as_str()),
        ("source", stored.source.as_str()),
        ("time", stored.time.as_str()),
        ("measure", stored.measure.as_str()),
        ("order", &stored.order.to_string()),
        ("description", stored.description.as_str()),
    ];
    put_u32(&mut out, meta.len() as u32);
    for (key, value) in meta {
        put_str(&mut out, key);
        put_str(&mut out, value);
    }
    out.extend_from_slice(&(table.len() as u64).to_le_bytes());
    put_u32(&mut out, table.dimensions.len() as u32);
    for column in &table.dimensions {
        put_str(&mut out, &column.name);
        put_u32(&mut out, column.dictionary.len() as u32);
        for label in &column.dictionary {
            put_str(&mut out, label);
        }
        out.push(column.codes.width() as u8);
        out.extend_from_slice(&column.codes.to_le_bytes());
    }
    for quarter in &table.quarters {
        out.extend_from_slice(&quarter.index().to_le_bytes());
    }
    for value in &table.values {
        out.extend_from_slice(&value.to_le_bytes());
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads a file's bytes back; `path` is for messages.
pub(crate) fn decode(bytes: &[u8], path: &Path) -> Result<Stored, Error> {
    let bad = |problem: String| Error::Format {
        path: path.to_path_buf(),
        problem,
    };
    if bytes.len() < 20 || &bytes[..8] != MAGIC {
        return Err(bad("not a Tally table file".to_string()));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if version != VERSION {
        return Err(bad(format!(
            "format version {version}, but this Tally reads version {VERSION}; re-import the table"
        )));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let expected = u64::from_le_bytes(tail.try_into().expect("8 bytes"));
    if checksum(body) != expected {
        return Err(bad(
            "the checksum does not match: the file is damaged or was cut short".to_string(),
        ));
    }
    let mut input = Input {
        bytes: body,
        at: 12,
    };
    read_body(&mut input).ok_or_else(|| bad("the file ends early or is malformed".to_string()))
}

fn read_body(input: &mut Input<'_>) -> Option<Stored> {
    let mut meta = std::collections::HashMap::new();
    for _ in 0..input.u32()? {
        let key = input.str()?;
        let value = input.str()?;
        meta.insert(key, value);
    }
    let rows = usize::try_from(input.u64()?).ok()?;
    let mut dimensions = Vec::new();
    for _ in 0..input.u32()? {
        let name = input.str()?;
        let labels = input.u32()? as usize;
        let dictionary = (0..labels)
            .map(|_| input.str())
            .collect::<Option<Vec<_>>>()?;
        let width = usize::from(input.take(1)?[0]);
        let codes = Codes::from_le_bytes(width, input.take(rows.checked_mul(width)?)?)?;
        if codes.max().is_some_and(|m| m as usize >= labels) {
            return None;
        }
        dimensions.push(Column {
            name,
            dictionary,
            codes,
        });
    }
    let quarters = input
        .take(rows.checked_mul(4)?)?
        .chunks_exact(4)
        .map(|b| Quarter::from_index(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        .collect();
    let values = input
        .take(rows.checked_mul(8)?)?
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
        .collect();
    if input.at != input.bytes.len() {
        return None;
    }
    let mut field = |key: &str| meta.remove(key);
    let name = field("name")?;
    Some(Stored {
        release: field("release")?,
        source: field("source")?,
        time: field("time")?,
        measure: field("measure")?,
        order: field("order")?.parse().ok()?,
        description: field("description")?,
        table: Table::from_columns(name, dimensions, quarters, values),
    })
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }
}

fn put_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, text: &str) {
    put_u32(out, text.len() as u32);
    out.extend_from_slice(text.as_bytes());
}

/// A 64-bit checksum, eight bytes at a time (FORMAT.md gives the definition).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        hash = (hash ^ word).wrapping_mul(K).rotate_left(29);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    (hash ^ u64::from_le_bytes(last)).wrapping_mul(K)
}
