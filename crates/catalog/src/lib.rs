//! The catalog: what each statistical table counts, and the words people use for it.
//!
//! A table is described by a Frictionless Data Package (`datapackage.json`, with a Table
//! Schema per resource). Tally reads the standard parts (name, path, title, fields) and its
//! own custom properties under the key `"tally"`: which column holds the time, which hold
//! nationality or destination, which are categories, and the vocabulary ("returned",
//! "deported", "crossed the Channel") that ties a sentence to a measure or a category value.
//!
//! The vocabulary is data, not code: a new dataset needs a description, never a new rule.
//! Matching words to text lives in [`words`].

mod package;
pub mod words;

use std::collections::HashMap;

pub use words::{Phrase, Vocabulary};

/// A set of datasets described by one or more data packages.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub datasets: Vec<Dataset>,
    /// ISO 3166-1 alpha-3 code of the country the statistics are about (`GBR`): mentions of
    /// it ("the UK") are the setting, not a filter.
    pub spatial: Option<String>,
    /// The release the descriptions say the tables come from (`2024-02-29`), as written.
    pub release: Option<String>,
}

/// One statistical table.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The table's name, which is also the stem of its file: `returns`.
    pub name: String,
    /// The file, relative to the data directory: `returns.csv`.
    pub path: String,
    pub title: String,
    pub description: String,
    /// The column holding the quarter.
    pub time: String,
    pub measure: Measure,
    pub dimensions: Vec<Dimension>,
    /// How soon after a quarter ends its figures can be out (`"tally":
    /// {"published_after_days": 50}`), for a table that comes out in regular releases: a
    /// claim that states no period, or says "so far this year", speaks of the figures out
    /// when it was made.
    pub published_after_days: Option<u32>,
    /// For a table whose running total is also published every day (small-boat arrivals),
    /// how many days behind that total may be (`"tally": {"published_daily_within_days":
    /// 3}`: a day, or three over a weekend). A claim that states no period speaks of the
    /// running total, and one that runs to the day it was made ("so far this year") may
    /// rest on the total of any of those last few days.
    pub published_daily_within_days: Option<u32>,
}

/// What a table counts.
#[derive(Debug, Clone)]
pub struct Measure {
    /// The column holding the count.
    pub column: String,
    /// What is counted, for a reader: "returns of people from the UK".
    pub counts: String,
    /// The unit: "people", "applications".
    pub unit: String,
    /// Words for the thing counted: "returned", "deported", "arrivals".
    pub words: Vocabulary,
    /// Words that must also appear, for tables of a narrower population ("foreign national
    /// offenders"). Empty for tables of everyone.
    pub population: Vocabulary,
    /// What the table does not record, though people ask it of the same measure.
    pub unrecorded: Unrecorded,
}

/// Words for something a table does not record ("small boat arrivals" among returns), and
/// the reason to give.
#[derive(Debug, Clone, Default)]
pub struct Unrecorded {
    pub words: Vocabulary,
    /// "the returns tables do not record how people arrived".
    pub reason: String,
}

/// A column that rows are broken down by.
#[derive(Debug, Clone)]
pub struct Dimension {
    pub column: String,
    pub role: Role,
    /// Values that words or ages can select, in the description's order.
    pub values: Vec<Value>,
    /// Named groups of values ("EU nationals").
    pub groups: Vec<Group>,
    /// Ways to read the dimension when the text names none of its values, most natural
    /// first. Empty means: no filter.
    pub readings: Vec<Group>,
}

/// The part a dimension plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Citizenship of the people counted; values are country labels.
    Nationality,
    /// The country people were sent to; values are country labels.
    Destination,
    /// A region grouping of nationalities.
    Region,
    /// A region grouping of destinations.
    DestinationRegion,
    /// Any other breakdown: return type, method of entry, sex, age.
    Category,
}

impl Role {
    /// True for dimensions whose values are countries.
    pub fn holds_countries(self) -> bool {
        matches!(self, Role::Nationality | Role::Destination)
    }
}

/// A value of a category dimension.
#[derive(Debug, Clone)]
pub struct Value {
    /// The value as a reader sees it: `Home country`.
    pub name: String,
    /// The labels that stand for it in the file (`Home country`, `Home Country`).
    pub labels: Vec<String>,
    pub words: Vocabulary,
    /// The words among `words` that people also use loosely, for more than the value
    /// (`"loose_words"`: "deported" for enforced returns, said of returns in general):
    /// where they name the value, the dimension's usual reading stays a fair, if less
    /// natural, alternative. A value named by its own term ("enforced returns") has none.
    pub loose: Vocabulary,
    /// The ages the value covers, both ends inclusive, for age bands.
    pub age: Option<(u32, Option<u32>)>,
    /// True for "Unknown", "Not currently recorded" and stand-ins such as "Total (pre-2009)".
    pub unknown: bool,
}

/// A named set of values: a group ("EU nationals") or a reading of a dimension
/// ("enforced and voluntary returns").
#[derive(Debug, Clone)]
pub struct Group {
    pub label: String,
    /// The values, by [`Value::name`] or, for country and region columns, by label. `None`
    /// means every value: no filter.
    pub values: Option<Vec<String>>,
    pub words: Vocabulary,
    /// True for the reading used when the text says nothing of this dimension.
    pub default: bool,
}

impl Group {
    /// True when the group is every value, so that no filter is needed.
    pub fn is_all(&self) -> bool {
        self.values.is_none()
    }
}

/// The one error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the dataset description is not valid JSON: {0}")]
    Json(String),
    #[error("dataset `{dataset}`: {problem}")]
    Dataset { dataset: String, problem: String },
}

impl Catalog {
    /// Reads a data package description (`datapackage.json`).
    pub fn from_json(json: &str) -> Result<Catalog, Error> {
        package::read(json)
    }

    /// The description of one dataset: the data package `json` with only the resource
    /// called `name` left in it, for storing beside that dataset's table. `None` when the
    /// package has no such resource.
    pub fn dataset_json(json: &str, name: &str) -> Result<Option<String>, Error> {
        package::only_resource(json, name)
    }

    /// Adds the datasets of another catalog.
    pub fn merge(&mut self, other: Catalog) {
        self.datasets.extend(other.datasets);
        self.spatial = self.spatial.take().or(other.spatial);
        self.release = self.release.take().or(other.release);
    }

    pub fn dataset(&self, name: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.name == name)
    }
}

impl Dataset {
    pub fn dimension(&self, column: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.column == column)
    }

    /// The dimension that plays `role`, if any.
    pub fn dimension_for(&self, role: Role) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.role == role)
    }
}

impl Dimension {
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.name == name)
    }

    /// The default reading, when the description gives one.
    pub fn default_reading(&self) -> Option<&Group> {
        self.readings.iter().find(|r| r.default)
    }

    /// The file labels of the values named, in order, each value's variants together.
    pub fn labels_of<'a>(&'a self, names: &'a [String]) -> Vec<&'a str> {
        let by_name: HashMap<&str, &Value> =
            self.values.iter().map(|v| (v.name.as_str(), v)).collect();
        names
            .iter()
            .flat_map(|name| match by_name.get(name.as_str()) {
                Some(value) => value.labels.iter().map(String::as_str).collect(),
                None => vec![name.as_str()],
            })
            .collect()
    }
}
