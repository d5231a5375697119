//! Checking raw input before reading it.
//!
//! Front ends hand over whatever a user pasted or a crawler fetched. This module turns bytes
//! into text or a precise [`Error`], and decides whether [`Format::Auto`] input is HTML.

use crate::{Error, Format};

const BOM: &[u8] = b"\xEF\xBB\xBF";
const SNIFF_LEN: usize = 2048;
const LEADING_TAGS: &[&str] = &["<!doctype html", "<html", "<head", "<body", "<?xml"];
const BLOCK_TAGS: &[&str] = &[
    "<p>", "<p ", "<div", "<article", "<section", "<h1", "<h2", "<h3", "<ul", "<li", "<br",
    "<main", "<span", "<a ",
];

/// The input as text: BOM stripped, checked for emptiness, NUL bytes and UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &bytes[skip..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    if let Some(at) = body.iter().position(|&b| b == 0) {
        return Err(Error::Binary { offset: skip + at });
    }
    std::str::from_utf8(body).map_err(|e| Error::NotUtf8 {
        offset: skip + e.valid_up_to(),
    })
}

pub(crate) fn check_not_blank(text: &str) -> Result<(), Error> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(())
}

/// The format to read `text` as: [`Format::Auto`] becomes HTML or text.
pub(crate) fn resolve(format: Format, text: &str) -> Format {
    match format {
        Format::Auto if looks_like_html(text) => Format::Html,
        Format::Auto => Format::Text,
        other => other,
    }
}

fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(SNIFF_LEN)
        .collect::<String>()
        .to_lowercase();
    if LEADING_TAGS.iter().any(|t| head.starts_with(t)) {
        return true;
    }
    let blocks: usize = BLOCK_TAGS.iter().map(|t| head.matches(t).count()).sum();
    (head.starts_with('<') && blocks >= 2) || blocks >= 4
}
