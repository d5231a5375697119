//! From claims to readings, and from readings to figures.
//!
//! A [`Reading`] is one way to put a claim to the data: a dataset, filters on its
//! dimensions, the quarters of the claim's period, and the arithmetic (a sum, a share, a
//! change, a ratio or a trend). A claim usually has several: "returned" may mean enforced
//! and voluntary returns or all returns; "to the country" a destination or a nationality.
//! Each reading carries a score (how natural it is) and notes saying which choices were
//! made without words from the text, so that the verdict can rest on the most natural
//! reading and mention the others.
//!
//! A [`Figure`] is what the data say under a reading: an estimate with lower and upper
//! bounds where the period does not line up with quarters. [`sql`] writes the same
//! computation as SQL that anyone can run in DuckDB on the source file.
//!
//! The stages: [`Index`] binds the catalog to the loaded tables; [`plan`] enumerates and
//! ranks readings; [`evaluate`] computes figures.

mod figure;
mod plan;
pub mod sql;
mod window;

use std::collections::HashMap;

use catalog::{Catalog, Dataset, Role};
use countries::Gazetteer;
pub use figure::{Coverage, Figure, Standing, evaluate, evaluate_with, standing_record};
pub use plan::{Plan, plan};
use store::{Quarter, Table};
pub use window::{Window, day_weight, quarter_days, quarter_of};

/// One way to put a claim to the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The dataset's name.
    pub dataset: String,
    /// The dataset's title.
    pub title: String,
    /// The source file, as it is given to the SQL.
    pub source: String,
    /// The time and measure columns.
    pub time_column: String,
    pub measure: String,
    /// What is counted, in words: "enforced and voluntary returns, nationality Albania".
    pub description: String,
    pub filters: Vec<Filter>,
    pub window: Window,
    pub arithmetic: Arithmetic,
    /// How natural the reading is; higher is more natural.
    pub score: f64,
    /// Choices made without words from the text, and words the reading leaves aside.
    pub notes: Vec<String>,
    /// True when the reading goes against the text's words (a destination read as a
    /// nationality, "deported" read as all returns) rather than only filling silences.
    pub strained: bool,
    /// True when the period reaches into the last year of the table's figures, which are
    /// provisional: later releases revise them most.
    pub provisional: bool,
    /// True when the period had ended when the claim was made but its figures were not yet
    /// published (a table that comes out in releases, and a period that ends too late for
    /// the release out then): the speaker can only have had preliminary counts, which the
    /// published figures revise.
    pub preliminary: bool,
}

/// Rows a reading keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub column: String,
    /// File labels.
    pub values: Vec<String>,
    /// Why the filter is there.
    pub why: Why,
    /// For a share: true when the filter picks out the part, false when it also bounds the
    /// whole.
    pub part: bool,
    /// Where in the sentence the words that chose the filter are, if words chose it.
    pub evidence: Option<std::ops::Range<usize>>,
    /// True when the filter keeps every row but those with `values` ("non-Albanian").
    pub excluded: bool,
    /// True for one of the groups the text joins with "and" on different columns ("women
    /// and children"): a row is kept when it is in any joined group (and meets every other
    /// filter).
    pub joined: bool,
}

/// Why a filter is there.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// A country the text names, in words: "Albanian", "to the country (ALB)".
    Country(String),
    /// Words of a value or group: "deported", "small boats".
    Words(String),
    /// An age the text gives: "children", "aged 18 to 39".
    Age(String),
    /// The dimension's usual reading, when the text names none of its values.
    Default(String),
    /// A less usual reading of the dimension.
    Alternative(String),
}

/// The arithmetic of a reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Arithmetic {
    /// The total over the period.
    Sum,
    /// The total over the period as an average rate: per day, week, month or year.
    Rate { per: quantity::Per },
    /// The part (all filters) as a percentage of the whole (filters not marked `part`).
    Share,
    /// Percentage change from the base period to the period.
    Change { base: Window },
    /// The period's total less the base period's: "up 5,000 on last year".
    Difference { base: Window },
    /// The period's total as a multiple of the base period's.
    Ratio { base: Window },
    /// The series over the period, first quarter to last.
    Trend,
    /// The period's total ranked among the same stretch in other years, or every earlier
    /// stretch as long for a record "of any quarter" (`others`): a
    /// record high when `high`, a low otherwise. For a `peak` ("peaked in 2002") the figure
    /// is the year of the record rather than the period's rank.
    Record {
        others: Vec<Window>,
        high: bool,
        peak: bool,
        /// The first quarter the table holds, when the claim reaches back further ("the
        /// highest since 2015" against figures that begin in 2018): the years before it go
        /// uncompared.
        short_of: Option<store::Quarter>,
    },
    /// Countries ranked by their totals in `column`: the figure is how many of the `named`
    /// codes are in the `top` (for a list), or the rank of the first named one (for a
    /// `position`).
    Ranking {
        column: String,
        countries: Vec<(String, Vec<String>)>,
        named: Vec<String>,
        top: usize,
        position: Option<usize>,
    },
    /// The part, counted in another table of a narrower population ("foreign national
    /// offenders"), as a percentage of the whole counted in this one: "16% of all people
    /// removed were foreign national offenders". `part` is a sum over that table, over the
    /// same window.
    ShareOf { part: Box<Reading> },
    /// The share of the whole taken by the `top` countries with the largest totals in
    /// `column` ("over half came from three countries").
    TopShare {
        column: String,
        countries: Vec<(String, Vec<String>)>,
        /// The column's labels that name no country: in the whole, never in the top.
        not_countries: Vec<String>,
        top: usize,
    },
}

/// The catalog's datasets, each bound to its loaded table.
#[derive(Debug)]
pub struct Index<'a> {
    pub catalog: &'a Catalog,
    pub bound: Vec<Bound<'a>>,
}

/// A dataset with its table and the country labels of its country columns.
#[derive(Debug)]
pub struct Bound<'a> {
    pub dataset: &'a Dataset,
    pub table: &'a Table,
    /// The source file, as SQL should name it.
    pub source: String,
    /// For each country column: country code → file labels.
    countries: HashMap<String, HashMap<String, Vec<String>>>,
    /// For each country column, its labels that name no country ("Stateless", "Unknown").
    not_countries: HashMap<String, Vec<String>>,
    /// First and last quarter with data.
    pub coverage: Option<(Quarter, Quarter)>,
}

impl<'a> Index<'a> {
    /// Binds each dataset of `catalog` to its table; `tables` yields the table and the source
    /// path of a dataset by name. Datasets without a table are left out.
    pub fn new(
        catalog: &'a Catalog,
        gazetteer: &Gazetteer,
        tables: impl Fn(&str) -> Option<(&'a Table, String)>,
    ) -> Index<'a> {
        let bound = catalog
            .datasets
            .iter()
            .filter_map(|dataset| {
                let (table, source) = tables(&dataset.name)?;
                Some(Bound::new(dataset, table, source, gazetteer))
            })
            .collect();
        Index { catalog, bound }
    }

    pub fn get(&self, dataset: &str) -> Option<&Bound<'a>> {
        self.bound.iter().find(|b| b.dataset.name == dataset)
    }
}

/// The same stretch as `window` in every earlier year the table covers, latest first: the
/// past that "more than in the past" is set against.
pub fn earlier_years(window: &Window, bound: &Bound<'_>) -> Vec<Window> {
    bound.coverage.map_or_else(Vec::new, |coverage| {
        plan::other_years(&window.period, coverage, false, None)
    })
}

impl<'a> Bound<'a> {
    fn new(dataset: &'a Dataset, table: &'a Table, source: String, gazetteer: &Gazetteer) -> Self {
        let mut countries = HashMap::new();
        let mut not_countries = HashMap::new();
        for d in dataset
            .dimensions
            .iter()
            .filter(|d| d.role.holds_countries())
        {
            let Some(column) = table.column(&d.column) else {
                continue;
            };
            let mut by_code: HashMap<String, Vec<String>> = HashMap::new();
            let mut others = Vec::new();
            for label in &table.dimensions[column].dictionary {
                match gazetteer.code_of_label(label) {
                    Some(code) => by_code
                        .entry(code.to_string())
                        .or_default()
                        .push(label.clone()),
                    None => others.push(label.clone()),
                }
            }
            others.sort();
            countries.insert(d.column.clone(), by_code);
            not_countries.insert(d.column.clone(), others);
        }
        let coverage = table.coverage().map(|r| (*r.start(), *r.end()));
        Bound {
            dataset,
            table,
            source,
            countries,
            not_countries,
            coverage,
        }
    }

    /// Every country of a country column with its file labels, by code.
    pub fn countries_of(&self, column: &str) -> Vec<(String, Vec<String>)> {
        let mut all: Vec<(String, Vec<String>)> = self
            .countries
            .get(column)
            .map(|m| m.iter().map(|(c, l)| (c.clone(), l.clone())).collect())
            .unwrap_or_default();
        all.sort();
        all
    }

    /// The file labels for a country in a country column.
    pub fn country_labels(&self, column: &str, code: &str) -> Option<&[String]> {
        self.countries.get(column)?.get(code).map(Vec::as_slice)
    }

    /// The labels of a country column that name no country, sorted.
    pub fn not_countries_of(&self, column: &str) -> Vec<String> {
        self.not_countries.get(column).cloned().unwrap_or_default()
    }

    /// The column that plays a role, if the dataset has one.
    pub fn column_for(&self, role: Role) -> Option<&str> {
        self.dataset.dimension_for(role).map(|d| d.column.as_str())
    }
}
