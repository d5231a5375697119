//! Finding paragraphs in text.
//!
//! Scraped articles put one paragraph per line; hand-typed ones separate paragraphs with blank
//! lines and sometimes hard-wrap them. Paragraphs are byte ranges, trimmed, into the text.

use std::ops::Range;

use crate::split::ends_sentence;

/// The non-blank lines of `text`, trimmed, as byte ranges (`\r\n` accepted).
fn lines(text: &str) -> Vec<Option<Range<usize>>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push(trimmed(text, start..start + line.len()));
        start += line.len();
    }
    out
}

/// `range` shrunk to exclude surrounding white space (and a BOM); `None` when blank.
pub(crate) fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let is_space = |c: char| c.is_whitespace() || c == '\u{feff}';
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let body = slice.trim_matches(is_space);
    (!body.is_empty()).then(|| range.start + lead..range.start + lead + body.len())
}

/// Paragraphs of plain text: lines, except that blocks of hard-wrapped lines between blank
/// lines are joined.
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let has_blank = lines.iter().any(Option::is_none);
    let mut out = Vec::new();
    for block in lines.split(Option::is_none) {
        let block: Vec<Range<usize>> = block.iter().flatten().cloned().collect();
        if has_blank && is_wrapped(text, &block) {
            out.push(block[0].start..block[block.len() - 1].end);
        } else {
            out.extend(block);
        }
    }
    out
}

/// Paragraphs separated by blank lines (the shape of text extracted from HTML).
pub(crate) fn blank_line_paragraphs(text: &str) -> Vec<Range<usize>> {
    lines(text).into_iter().flatten().collect()
}

fn is_wrapped(text: &str, block: &[Range<usize>]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let inner = &block[..block.len() - 1];
    let wrapped = inner
        .iter()
        .filter(|r| r.len() >= 30 && !ends_sentence(&text[(*r).clone()]))
        .count();
    wrapped * 2 > inner.len()
}
