//! Words outside quotation marks.
//!
//! Attribution lives in the writer's words, not the speaker's: in `“The minister said no,” she
//! said` only the last two words attribute. This module walks a sentence once, tracking
//! quotation marks, and yields the words and punctuation outside quotations (each quoted
//! stretch becomes one [`Kind::Quote`] token) along with what it saw of the quotations.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct,
    Quote,
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub kind: Kind,
}

impl Token<'_> {
    pub(crate) fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(word)
    }

    pub(crate) fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    pub(crate) fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.starts_with(char::is_uppercase)
    }
}

/// What one pass over a sentence found.
#[derive(Debug, Default)]
pub(crate) struct Scan<'a> {
    pub tokens: Vec<Token<'a>>,
    /// A double quotation is open at the end of the sentence.
    pub open_at_end: bool,
    /// The sentence's first character opens a quotation.
    pub starts_with_quote: bool,
    /// A quotation open at the start, or opened here, was closed in this sentence.
    pub closes: bool,
    /// Words in the longest quoted stretch.
    pub longest_quote: usize,
}

struct Walker<'a> {
    text: &'a str,
    scan: Scan<'a>,
    double: bool,
    single: bool,
    word_start: Option<usize>,
    quoted_words: usize,
}

/// Scans `text[span]`, which starts inside a quotation when `open`.
pub(crate) fn scan(text: &str, span: Range<usize>, open: bool) -> Scan<'_> {
    let mut w = Walker {
        text,
        scan: Scan::default(),
        double: open,
        single: false,
        word_start: None,
        quoted_words: 0,
    };
    if open {
        w.push(span.start..span.start, Kind::Quote);
    }
    let body = &text[span.clone()];
    w.scan.starts_with_quote = body.starts_with(['“', '"', '«']);
    let mut prev = ' ';
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map_or(' ', |p| p.1);
        w.step(span.start + i, c, prev, next);
        prev = c;
    }
    w.end_word(span.end);
    w.finish()
}

impl<'a> Walker<'a> {
    fn quoted(&self) -> bool {
        self.double || self.single
    }

    fn step(&mut self, at: usize, c: char, prev: char, next: char) {
        let in_word = c.is_alphanumeric()
            || (self.word_start.is_some() && "'’-.&".contains(c) && next.is_alphanumeric());
        if in_word {
            if self.word_start.is_none() {
                self.word_start = Some(at);
            }
            return;
        }
        self.end_word(at);
        match c {
            '“' | '«' => self.open_double(at..at + c.len_utf8()),
            '”' | '»' => self.close_double(),
            '"' if self.double => self.close_double(),
            '"' => self.open_double(at..at + 1),
            '‘' if !self.quoted() && !prev.is_alphanumeric() => self.open_single(at),
            '’' if self.single && !next.is_alphanumeric() => self.single = false,
            ',' | ':' | ';' if !self.quoted() => self.push(at..at + 1, Kind::Punct),
            _ => {}
        }
    }

    fn open_double(&mut self, mark: Range<usize>) {
        if !self.double && !self.single {
            self.push(mark, Kind::Quote);
        }
        self.double = true;
        self.quoted_words = 0;
    }

    fn open_single(&mut self, at: usize) {
        self.push(at..at + '‘'.len_utf8(), Kind::Quote);
        self.single = true;
    }

    fn close_double(&mut self) {
        self.double = false;
        self.scan.closes = true;
        self.scan.longest_quote = self.scan.longest_quote.max(self.quoted_words);
    }

    fn end_word(&mut self, at: usize) {
        let Some(start) = self.word_start.take() else {
            return;
        };
        if self.double {
            self.quoted_words += 1;
        } else if !self.single {
            self.push(start..at, Kind::Word);
        }
    }

    fn push(&mut self, range: Range<usize>, kind: Kind) {
        let range = range.start..range.end.min(self.text.len());
        let text = self.text.get(range.clone()).unwrap_or("");
        self.scan.tokens.push(Token { text, range, kind });
    }

    fn finish(mut self) -> Scan<'a> {
        if self.double {
            self.scan.longest_quote = self.scan.longest_quote.max(self.quoted_words);
        }
        self.scan.open_at_end = self.double;
        self.scan
    }
}
