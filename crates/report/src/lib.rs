//! Checked claims, rendered for people and for programs.
//!
//! [`Checks`] is one document checked, with what every report needs; the command line, the
//! batch runner and the HTTP server all build one and render it.
//! [`text`] writes the human-readable report a fact-checker reads in a terminal: each claim
//! with its speaker, period, verdict and the reading the verdict rests on, with its SQL.
//! [`json`] builds the versioned JSON report from wire types kept apart from the domain
//! types, so that the schema changes only on purpose. [`claimreview`] writes schema.org
//! ClaimReview JSON-LD, as fact-checkers publish for search engines.

pub mod article;
pub mod claimreview;
pub mod json;
pub mod summary;
pub mod text;

use check::{Checked, Checker};
use document::{Document, Metadata};
use jiff::civil::Date;
use serde::Serialize;

/// One document checked: the claims with their verdicts and what the reports say about the
/// document and the data.
#[derive(Debug)]
pub struct Checks {
    pub document: DocumentInfo,
    pub data: DataInfo,
    pub checked: Vec<Checked>,
    /// What the page says about itself, for ClaimReview's authors and appearances. A front
    /// end that knows the article's URL sets `metadata.url`.
    pub metadata: Metadata,
}

impl Checks {
    /// Checks `document`, read from `source` and published on `published` (which came from
    /// `published_from`: `flag`, `metadata`, ...).
    pub fn run(
        checker: &Checker,
        document: &Document,
        source: &str,
        published: Date,
        published_from: &str,
    ) -> Checks {
        Checks {
            checked: checker.check(document, published),
            document: DocumentInfo::new(source, document, published, published_from),
            data: DataInfo::new(checker),
            metadata: document.metadata.clone(),
        }
    }

    /// The JSON report.
    pub fn json(&self) -> json::Report<'_> {
        json::report(&self.document, &self.data, &self.checked)
    }

    /// The report for a terminal.
    pub fn text(&self) -> String {
        text::render(&self.document, &self.checked)
    }

    /// One ClaimReview per claim.
    pub fn claimreview(&self) -> Vec<claimreview::ClaimReview> {
        claimreview::reviews(self)
    }
}

/// The reference date for relative time, and where it came from: the date given (`given`,
/// named `given_from`) wins over the page's own metadata (`metadata`).
pub fn reference_date(
    given: Option<Date>,
    given_from: &'static str,
    document: &Document,
) -> Option<(Date, &'static str)> {
    match (given, document.metadata.published) {
        (Some(date), _) => Some((date, given_from)),
        (None, Some(date)) => Some((date, "metadata")),
        (None, None) => None,
    }
}

/// What the report says about the document checked.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// Where it came from: a path, `-` for standard input, or a URL.
    pub source: String,
    pub title: Option<String>,
    /// The reference date for relative time.
    pub published: String,
    /// Where the date came from: `flag`, `metadata` or `corpus`.
    pub published_from: String,
    pub sentences: usize,
    /// Lines dropped as page furniture.
    pub furniture: Vec<FurnitureJson>,
    /// The text every span points into: the input itself for plain text, the extracted main
    /// text for HTML.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FurnitureJson {
    pub text: String,
    pub reason: document::FurnitureReason,
    pub span: [usize; 2],
}

/// What the report says about the data used.
#[derive(Debug, Clone, Serialize)]
pub struct DataInfo {
    /// The release of the tables, as their description gives it.
    pub release: Option<String>,
    pub datasets: Vec<DatasetInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetInfo {
    pub name: String,
    pub title: String,
    pub source: String,
    pub rows: usize,
    pub first_quarter: Option<String>,
    pub last_quarter: Option<String>,
    /// The release of this table in the store, when it comes from the store.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
}

impl DocumentInfo {
    /// Describes a document read from `source`.
    pub fn new(
        source: &str,
        document: &document::Document,
        published: jiff::civil::Date,
        published_from: &str,
    ) -> DocumentInfo {
        DocumentInfo {
            source: source.to_string(),
            title: document.metadata.title.clone(),
            published: published.to_string(),
            published_from: published_from.to_string(),
            sentences: document.sentences.len(),
            furniture: document
                .furniture
                .iter()
                .map(|f| FurnitureJson {
                    text: document.text[f.span.clone()].to_string(),
                    reason: f.reason,
                    span: [f.span.start, f.span.end],
                })
                .collect(),
            text: document.text.clone(),
        }
    }
}

impl DataInfo {
    /// Describes the data a checker holds.
    pub fn new(checker: &check::Checker) -> DataInfo {
        let datasets = checker
            .sources()
            .iter()
            .map(|s| {
                let coverage = s.table.coverage();
                DatasetInfo {
                    name: s.dataset.clone(),
                    title: checker
                        .catalog()
                        .dataset(&s.dataset)
                        .map_or(String::new(), |d| d.title.clone()),
                    source: s.path.clone(),
                    rows: s.table.len(),
                    first_quarter: coverage.as_ref().map(|c| c.start().to_string()),
                    last_quarter: coverage.as_ref().map(|c| c.end().to_string()),
                    release: s.release.clone(),
                }
            })
            .collect();
        DataInfo {
            release: checker.catalog().release.clone(),
            datasets,
        }
    }
}
