//! Splitting paragraphs into sentences.
//!
//! A hand-written splitter, because news prose is full of full stops that end nothing:
//! titles ("Mr Sunak"), initials ("J. K. Rowling"), decimals ("2.1 million"), abbreviations
//! ("e.g.", "U.K.") and ellipses. A sentence ends at `.`, `!`, `?` or `…`, plus any closing
//! quotes and brackets, when white space and then something that can start a sentence follow.

use std::ops::Range;

use crate::layout::trimmed;

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»'];
const OPENERS: &[char] = &['“', '‘', '"', '\'', '(', '[', '«'];
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "gov",
    "rev", "hon", "e.g", "i.e", "u.k", "u.s", "vs", "cf", "approx", "inc", "ltd", "co", "corp",
    "jr", "sr",
];
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "p", "pp", "vol", "art", "para",
];

/// True when `line` ends like a sentence: terminal punctuation, then perhaps closing marks.
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(CLOSERS)
        .ends_with(TERMINATORS)
}

/// The sentences of the paragraph `para` of `text`, as trimmed byte ranges.
pub(crate) fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[para.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for end in boundaries(body) {
        out.extend(trimmed(text, para.start + start..para.start + end));
        start = end;
    }
    out.extend(trimmed(text, para.start + start..para.end));
    out
}

/// Byte offsets in `body` just past each sentence end (before the following white space).
fn boundaries(body: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !TERMINATORS.contains(&chars[i].1) {
            i += 1;
            continue;
        }
        let first = i;
        while i < chars.len() && TERMINATORS.contains(&chars[i].1) {
            i += 1;
        }
        while i < chars.len() && CLOSERS.contains(&chars[i].1) {
            i += 1;
        }
        if is_boundary(body, &chars, first, i) {
            out.push(chars.get(i).map_or(body.len(), |c| c.0));
        }
    }
    out
}

/// Whether the terminator run `chars[first..end]` (with its closers) ends a sentence.
fn is_boundary(body: &str, chars: &[(usize, char)], first: usize, end: usize) -> bool {
    let Some(&(_, after)) = chars.get(end) else {
        return false;
    };
    if !after.is_whitespace() {
        return false;
    }
    let Some(next) = chars[end..]
        .iter()
        .map(|c| c.1)
        .find(|c| !c.is_whitespace())
    else {
        return false;
    };
    if !can_start_sentence(next) {
        return false;
    }
    let single_dot = chars[first].1 == '.' && chars.get(first + 1).is_none_or(|c| c.1 != '.');
    !(single_dot && is_abbreviation(&body[..chars[first].0], next))
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || OPENERS.contains(&c) || c == '—' || c == '-'
}

/// Whether the word before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str, next: char) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    initial
        || NEVER_FINAL.contains(&lower.as_str())
        || (next.is_numeric() && BEFORE_NUMBER.contains(&lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            split("Mr Smith met Dr. Jones at 2.1 p.m. today. It went well."),
            ["Mr Smith met Dr. Jones at 2.1 p.m. today.", "It went well."]
        );
        assert_eq!(
            split("See No. 10 now. Then go."),
            ["See No. 10 now.", "Then go."]
        );
        assert_eq!(
            split("J. K. Rowling wrote. Yes."),
            ["J. K. Rowling wrote.", "Yes."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            split("He said “we act.” Then left… And more... yes."),
            ["He said “we act.”", "Then left…", "And more... yes."]
        );
    }
}
