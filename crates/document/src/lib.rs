//! Articles as text, sentences and speakers.
//!
//! An article arrives as plain text (often scraped, with the page's furniture mixed in:
//! "Politics latest:", related-story headlines) or as HTML. This crate turns either into a
//! [`Document`]: the article's text, its paragraphs, the lines dropped as furniture (with the
//! reason), and its sentences, each attributed to a speaker where the text says who speaks
//! ("according to Rishi Sunak", "He added:", "a statement from the Home Office").
//!
//! Spans are byte ranges into [`Document::text`]. For plain text that is the input itself, so
//! a front end can mark claims in the text the user gave.
//!
//! # The pipeline
//!
//! 1. `input`: bytes to text (BOM, emptiness, NUL bytes, UTF-8) and, for [`Format::Auto`],
//!    a sniff for markup.
//! 2. `layout` (plain text) or `html` (Readability, with a visible-text fallback): paragraphs.
//! 3. `furniture`: labels, headline-like lines and boilerplate are dropped, with a reason.
//! 4. `split`: each remaining paragraph is split into sentences.
//! 5. `build`, with `words`, `attribute` and `names`: sentences are attributed in reading
//!    order.
//!
//! # How speakers are found
//!
//! Only the writer's words count: text inside quotation marks never attributes. A sentence's
//! own cue wins ("according to X", "a statement from X", "X data shows", or a speech verb
//! with its subject before or after it). Failing that, a sentence inside a quotation opened
//! earlier takes the quotation's speaker; a quotation straight after "He said:" takes that
//! speaker; a paragraph opening with a quotation mark after a quoted paragraph continues its
//! speaker, unless the quotation names another speaker when it closes, in which case the whole
//! quotation goes to that one.
//!
//! Pronouns (he, she, they) resolve to the last person named earlier in the document (a
//! capitalised name of two or more words, or a title and surname), without regard to gender
//! or number. "Mr Smith" resolves to the last full name ending in "Smith". A role ("the home
//! secretary") resolves to the last person named with it ("Home Secretary Jane Smith",
//! "Jane Smith, the home secretary"), otherwise it stays as written. A single capitalised
//! word is a person unless it is an acronym.
//!
//! A sentence is `quoted` when it starts inside a quotation, opens with a quotation mark,
//! holds a quotation of four or more words, or quotes after a cue ending in a colon; shorter
//! quotations ("has been “stepped up”") are taken for the writer's own use of words.

mod attribute;
mod build;
mod furniture;
mod html;
mod input;
mod layout;
mod names;
mod split;
mod words;

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

/// An article, read.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The article's text. For plain text input, the input unchanged; for HTML, the main text
    /// as extracted, paragraphs separated by blank lines.
    pub text: String,
    /// Byte ranges of the paragraphs (a line of plain text is a paragraph).
    pub paragraphs: Vec<Range<usize>>,
    /// The sentences of the main text, in order. Furniture lines have none.
    pub sentences: Vec<Sentence>,
    /// Lines that were dropped as page furniture, with the reason.
    pub furniture: Vec<Furniture>,
    /// What the page says about itself (HTML only; empty for plain text).
    pub metadata: Metadata,
}

/// A sentence of the main text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// Byte range in [`Document::text`], trimmed of surrounding white space.
    pub span: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Who the sentence is attributed to, if the text says.
    pub speaker: Option<Attribution>,
    /// True when the sentence is (or is inside) a direct quotation.
    pub quoted: bool,
}

/// Who said something, and how the text says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speaker as named: "Rishi Sunak", "the Home Office", "Home Office officials".
    /// A pronoun ("He added:") is resolved to the last person named before it.
    pub name: String,
    pub kind: SpeakerKind,
    /// The words that attribute: "according to", "He added:", "a statement from",
    /// "said", "told MPs".
    pub cue: String,
    /// Byte range in [`Document::text`] of the attributing phrase, cue and name together
    /// ("a statement from the Home Office", "according to Rishi Sunak"). For a sentence that
    /// inherits its speaker from an open quotation, the phrase in the sentence that opened it.
    pub span: Range<usize>,
}

/// What sort of speaker an [`Attribution`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A person: "Rishi Sunak", "Mr Sunak", "the prime minister".
    Person,
    /// An organisation: "the Home Office", "Home Office officials", "the department".
    Organisation,
    /// Data cited by the writer rather than a speaker: "according to Home Office data",
    /// "official figures show". The claim is then the writer's own.
    Source,
}

/// A line dropped as page furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furniture {
    pub span: Range<usize>,
    pub reason: FurnitureReason,
}

/// Why a line was taken for furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureReason {
    /// A section label: "Politics latest:", "Read more:", "Related:".
    Label,
    /// A headline or link text standing alone: no sentence-ending punctuation.
    Headline,
    /// Boilerplate: "Advertisement", "Share this article", "Sign up to our newsletter".
    Boilerplate,
}

/// What an HTML page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// The publication date, from `article:published_time`, JSON-LD `datePublished`,
    /// `<time datetime>` or similar, when the page gives one that parses.
    pub published: Option<Date>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
}

/// How to read the input bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    /// HTML when the input looks like markup (a doctype, `<html>`, `<body>` or block tags
    /// near the start), plain text otherwise.
    Auto,
}

/// The one error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the input is empty")]
    Empty,
    #[error("the input looks binary, not text (a NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("the input is not valid UTF-8 (at byte {offset})")]
    NotUtf8 { offset: usize },
    #[error("the input has no readable sentences: {reason}")]
    NoText { reason: String },
    #[error("the HTML could not be read: {0}")]
    Html(String),
}

impl Document {
    /// Reads an article from bytes.
    ///
    /// A UTF-8 byte order mark is skipped. Empty or white-space-only input, a NUL byte and
    /// invalid UTF-8 are errors; [`Format::Auto`] sniffs the start of the input for markup.
    pub fn from_bytes(bytes: &[u8], format: Format) -> Result<Document, Error> {
        let text = input::decode(bytes)?;
        match input::resolve(format, text) {
            Format::Html => Document::from_html(text),
            _ => Document::from_text(text),
        }
    }

    /// Reads a plain-text article.
    ///
    /// Lines are paragraphs; blank-line-separated blocks of hard-wrapped lines are joined into
    /// one paragraph. `\r\n` line ends are accepted.
    pub fn from_text(text: &str) -> Result<Document, Error> {
        input::check_not_blank(text)?;
        let paragraphs = layout::paragraphs(text);
        build::document(text.to_owned(), paragraphs, Metadata::default())
    }

    /// Reads an HTML page, keeping only its main text.
    ///
    /// The main text is found with Readability (`dom_smoothie`); when it finds no article,
    /// the visible text of the body is used, without scripts, styles, navigation, headers,
    /// footers and asides.
    pub fn from_html(html: &str) -> Result<Document, Error> {
        input::check_not_blank(html)?;
        let page = html::read(html);
        let paragraphs = layout::blank_line_paragraphs(&page.text);
        build::document(page.text, paragraphs, page.metadata)
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.span.clone()]
    }

    /// The headline: the page's title, or for plain text, a first line that stands alone
    /// without sentence punctuation, before any sentence.
    pub fn headline(&self) -> Option<&str> {
        if let Some(title) = self.metadata.title.as_deref() {
            return Some(title);
        }
        let first = self.furniture.first()?;
        let before_text = self
            .sentences
            .first()
            .is_none_or(|s| first.span.end <= s.span.start);
        (first.reason == FurnitureReason::Headline && before_text)
            .then(|| self.text[first.span.clone()].trim())
    }
}
