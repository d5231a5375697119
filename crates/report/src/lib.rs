//! Checked claims, rendered for people and for programs.
//!
//! [`text`] writes the human-readable report a fact-checker reads in a terminal: each claim
//! with its speaker, period, verdict and the reading the verdict rests on, with its SQL.
//! [`json`] builds the versioned JSON report from wire types kept apart from the domain
//! types, so that the schema changes only on purpose.

pub mod json;
pub mod text;

use serde::Serialize;

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
