//! Splits text into words, numbers and punctuation with byte spans.
//!
//! The grammar works on tokens rather than characters so that it can ignore spacing
//! (non-breaking spaces, runs of blanks) and typography (curly quotes, en dashes), and
//! compare words in lower case with accents folded.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// A run of digits; `plain` when it has no thousands or decimal separator.
    Number {
        value: Option<u64>,
        plain: bool,
    },
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Lower-cased and accent-folded for words; the normalised character for punctuation.
    pub norm: String,
    pub span: Range<usize>,
    /// No whitespace between this token and the one before ("Q4", "FY2022/23", "12th").
    pub glued: bool,
}

impl Token<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut glued = false;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            glued = false;
            continue;
        }
        let (kind, end) = if c.is_alphabetic() {
            (Kind::Word, take_while(text, start, char::is_alphabetic))
        } else if c.is_ascii_digit() {
            number(text, start)
        } else {
            (Kind::Punct, start + c.len_utf8())
        };
        while chars.peek().is_some_and(|&(i, _)| i < end) {
            chars.next();
        }
        tokens.push(token(text, kind, start..end, glued));
        glued = true;
    }
    tokens
}

fn token(text: &str, kind: Kind, span: Range<usize>, glued: bool) -> Token<'_> {
    let raw = &text[span.clone()];
    let norm = match kind {
        Kind::Word => raw.chars().flat_map(char::to_lowercase).map(fold).collect(),
        Kind::Number { .. } => raw.to_string(),
        Kind::Punct => raw.chars().map(normalise_punct).collect(),
    };
    Token {
        kind,
        text: raw,
        norm,
        span,
        glued,
    }
}

fn take_while(text: &str, start: usize, keep: impl Fn(char) -> bool) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| start + i)
}

/// Digits, with "," before exactly three digits and "." before a digit as separators.
fn number(text: &str, start: usize) -> (Kind, usize) {
    let bytes = text.as_bytes();
    let digits_from = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut end = start + digits_from(start);
    let mut plain = true;
    loop {
        let sep = bytes.get(end).copied();
        let run = if end + 1 < bytes.len() {
            digits_from(end + 1)
        } else {
            0
        };
        let ok = match sep {
            Some(b',') => run == 3,
            Some(b'.') => run > 0,
            _ => false,
        };
        if !ok {
            break;
        }
        plain = false;
        end += 1 + run;
    }
    let raw = &text[start..end];
    let value = if plain { raw.parse().ok() } else { None };
    (Kind::Number { value, plain }, end)
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

fn normalise_punct(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        _ => c,
    }
}
