//! Tokens: words, digit runs and single symbols, each with its byte span.
//!
//! Every later stage looks at text through [`Tokens`], so none of them slices the input
//! themselves: spans come from `char_indices` and are always char boundaries. A digit run
//! keeps its thousands separators ("45,774", "8 000" with a thin space) and one decimal part.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// Whitespace comes before this token.
    pub gap: bool,
}

/// The tokens of one text, with helpers that read them by index; any index may be out of range.
#[derive(Debug)]
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        Tokens {
            text,
            toks: tokenize(text),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        (self.kind(i) == Some(TokKind::Word)).then(|| self.str(i))
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// The token is the word `w`, ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|s| s.eq_ignore_ascii_case(w))
    }

    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|s| words.iter().any(|w| s.eq_ignore_ascii_case(w)))
    }

    pub fn sym(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(TokKind::Sym) && self.str(i) == s
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.sym(i, "-") || self.sym(i, "\u{2010}") || self.sym(i, "\u{2011}")
    }

    /// The token exists and touches the one before it.
    pub fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Punctuation (not `-`, `%`, currency) or nothing at all.
    pub fn is_break(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(TokKind::Sym) => matches!(
                self.str(i),
                "." | "," | ";" | ":" | ")" | "(" | "!" | "?" | "]" | "[" | "\u{2013}" | "\u{2014}"
            ),
            _ => false,
        }
    }

    /// Matches `phrase` (words, or symbols such as ".") starting at `i`; returns the end.
    pub fn seq(&self, i: usize, phrase: &[&str]) -> Option<usize> {
        let ok = phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.is_part(i + k, p));
        ok.then_some(i + phrase.len())
    }

    /// Matches `phrase` ending just before `end`; returns its start.
    pub fn seq_back(&self, end: usize, phrase: &[&str]) -> Option<usize> {
        let start = end.checked_sub(phrase.len())?;
        self.seq(start, phrase).map(|_| start)
    }

    fn is_part(&self, i: usize, p: &str) -> bool {
        if p.starts_with(char::is_alphanumeric) {
            self.is(i, p)
        } else {
            self.sym(i, p)
        }
    }

    /// Byte range covering tokens `from..to` (`to` exclusive, at least one token).
    pub fn span(&self, from: usize, to: usize) -> Range<usize> {
        let last = to.max(from + 1) - 1;
        self.toks[from].start..self.toks[last].end
    }
}

/// The ASCII-lowercase form of a short word, in `buf`.
pub(crate) fn lowercase<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let dst = buf.get_mut(..w.len())?;
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).ok()
}

/// Spaces that may separate thousands: thin, narrow no-break, no-break and plain.
const GROUP_SPACES: [char; 4] = ['\u{2009}', '\u{202F}', '\u{00A0}', ' '];

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    let mut gap = true;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            gap = true;
            chars.next();
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (TokKind::Num, number_end(text, bytes, start))
        } else if c.is_alphabetic() {
            (TokKind::Word, word_end(text, start))
        } else {
            (TokKind::Sym, start + c.len_utf8())
        };
        while chars.peek().is_some_and(|&(k, _)| k < end) {
            chars.next();
        }
        toks.push(Token {
            kind,
            start,
            end,
            gap,
        });
        gap = false;
    }
    toks
}

fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(k, _)| start + k)
}

fn digits_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .map_or(bytes.len(), |k| from + k)
}

fn number_end(text: &str, bytes: &[u8], start: usize) -> usize {
    let mut end = digits_end(bytes, start);
    if end - start <= 3 {
        while let Some(next) = thousands_group(text, bytes, end) {
            end = next;
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_end(bytes, end + 1);
    }
    end
}

/// A separator at `at` followed by exactly three digits: returns the end of the group.
fn thousands_group(text: &str, bytes: &[u8], at: usize) -> Option<usize> {
    let sep = text[at..].chars().next()?;
    if sep != ',' && !GROUP_SPACES.contains(&sep) {
        return None;
    }
    let from = at + sep.len_utf8();
    let end = digits_end(bytes, from);
    (end - from == 3).then_some(end)
}
