//! Verdicts, and the facade that front ends call.
//!
//! [`Checker`] holds what checking needs (the catalog, its tables, the country table and the
//! table of events) and takes a document or a single sentence to [`Checked`] claims: each
//! claim with its readings, their figures and SQL, a [`Verdict`] and one plain sentence
//! saying why. The verdict policy lives in [`judge`]; DESIGN.md sets it out as questions
//! and answers.

mod explain;
pub mod judge;
pub mod number;

use catalog::Catalog;
use countries::Gazetteer;
use document::Document;
use extract::{Claim, Event};
use jiff::civil::Date;
use query::{Figure, Index, Plan, Reading};
use store::Table;

pub use judge::{Fit, Verdict};

/// A claim, judged.
#[derive(Debug, Clone)]
pub struct Checked {
    pub claim: Claim,
    pub verdict: Verdict,
    /// One plain sentence saying why.
    pub explanation: String,
    /// The readings considered, most natural first.
    pub readings: Vec<Judged>,
    /// The reading the verdict rests on, as an index into `readings`.
    pub decisive: Option<usize>,
}

/// A reading with its figure, its SQL and how the claim fares under it.
#[derive(Debug, Clone)]
pub struct Judged {
    pub reading: Reading,
    pub figure: Figure,
    pub sql: String,
    pub fit: Fit,
}

/// A dataset's table, loaded, with the path its SQL should read.
#[derive(Debug)]
pub struct Source {
    pub dataset: String,
    pub table: Table,
    pub path: String,
    /// The release the table is, when it comes from the store (`YYYY-MM-DD`).
    pub release: Option<String>,
}

/// Everything checking needs, loaded once.
#[derive(Debug)]
pub struct Checker {
    catalog: Catalog,
    sources: Vec<Source>,
    gazetteer: Gazetteer,
    events: Vec<Event>,
}

impl Checker {
    pub fn new(catalog: Catalog, sources: Vec<Source>, events: Vec<Event>) -> Checker {
        Checker {
            catalog,
            sources,
            gazetteer: Gazetteer::new(),
            events,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Checks every claim of a document published on `published`.
    pub fn check(&self, document: &Document, published: Date) -> Vec<Checked> {
        let claims = extract::claims(document, &self.context(published));
        self.judge_all(claims)
    }

    /// Checks one sentence on its own.
    pub fn check_sentence(&self, sentence: &str, published: Date) -> Vec<Checked> {
        let claims = extract::sentence_claims_alone(sentence, &self.context(published));
        self.judge_all(claims)
    }

    /// Checks sentences read in turn, as from one source: each may lean on the ones before
    /// ("the country", "in that time"). Gives the checked claims of each sentence.
    pub fn check_sentences_in_turn(
        &self,
        sentences: &[&str],
        published: Date,
    ) -> Vec<Vec<Checked>> {
        extract::sentences_claims_in_turn(sentences, &self.context(published))
            .into_iter()
            .map(|claims| self.judge_all(claims))
            .collect()
    }

    fn context(&self, published: Date) -> extract::Context<'_> {
        extract::Context {
            published,
            events: &self.events,
            gazetteer: &self.gazetteer,
            home: self.catalog.spatial.as_deref(),
        }
    }

    fn judge_all(&self, claims: Vec<Claim>) -> Vec<Checked> {
        let index = Index::new(&self.catalog, &self.gazetteer, |name| {
            let source = self.sources.iter().find(|s| s.dataset == name)?;
            Some((&source.table, source.path.clone()))
        });
        claims
            .into_iter()
            .map(|claim| self.judge_one(claim, &index))
            .collect()
    }

    fn judge_one(&self, claim: Claim, index: &Index<'_>) -> Checked {
        let plan = query::plan(&claim, index);
        let readings: Vec<Judged> = plan
            .readings
            .iter()
            .filter_map(|reading| {
                let table = &index.get(&reading.dataset)?.table;
                let part_table = match &reading.arithmetic {
                    query::Arithmetic::ShareOf { part } => Some(index.get(&part.dataset)?.table),
                    _ => None,
                };
                let figure = query::evaluate_with(reading, table, part_table);
                let fit = judge::fit(&claim, reading, &figure);
                Some(Judged {
                    sql: query::sql::sql(reading),
                    reading: reading.clone(),
                    figure,
                    fit,
                })
            })
            .collect();
        let outcome = judge::verdict(&claim, &plan, &readings);
        let explanation = explain::sentence(&claim, &plan, &readings, &outcome);
        Checked {
            claim,
            verdict: outcome.verdict,
            explanation,
            readings,
            decisive: outcome.decisive,
        }
    }
}

/// Why a plan had no readings, for explanations.
pub(crate) fn unmatched(plan: &Plan) -> &str {
    plan.unmatched
        .as_deref()
        .unwrap_or("no reading of the data fits the sentence")
}
