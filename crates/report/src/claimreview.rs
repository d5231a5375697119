//! schema.org ClaimReview, as fact-checkers publish it for search engines.
//!
//! One [`ClaimReview`] per claim, as JSON-LD. The claim reviewed is the sentence; the item
//! reviewed is a `Claim` with its author (the speaker, or the article's byline when the
//! writer speaks) and the date the article was published; the rating carries the verdict in
//! words; the evidence is the decisive reading: its figure in `reviewBody`, its table and SQL
//! in `isBasedOn`.
//!
//! # The rating scale
//!
//! `ratingValue` runs from 1 (worst) to 5 (best):
//!
//! | verdict | ratingValue | alternateName |
//! | --- | --- | --- |
//! | accurate | 5 | Accurate |
//! | roughly_right | 4 | Roughly right |
//! | inaccurate | 1 | Inaccurate |
//! | not_checkable | none | Not checkable |
//! | period_not_covered | none | Period not covered by the data |
//!
//! A roughly right claim is near the data's figure but not within the claim's own precision,
//! so it sits one step below accurate. 2 and 3 are left for verdicts Tally does not give
//! (a true figure used to mislead, say). A claim Tally could not judge gets no `ratingValue`,
//! only the words, as schema.org allows for ratings that are not on the scale.

use check::number::count as number;
use check::{Checked, Judged, Verdict};
use document::SpeakerKind;
use serde::Serialize;

use crate::Checks;

pub const BEST_RATING: u8 = 5;
pub const WORST_RATING: u8 = 1;

/// One claim's review.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimReview {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub claim_reviewed: String,
    pub item_reviewed: ClaimItem,
    pub review_rating: Rating,
    pub review_body: String,
    pub author: Agent,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_based_on: Option<DatasetRef>,
}

/// The `Claim` reviewed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimItem {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent>,
    pub date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
}

/// A `Person` or an `Organization`.
#[derive(Debug, Serialize)]
pub struct Agent {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
}

/// Where the claim appeared: the article.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Appearance {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    pub date_published: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_value: Option<u8>,
    pub best_rating: u8,
    pub worst_rating: u8,
    pub alternate_name: &'static str,
    pub rating_explanation: String,
}

/// The table the decisive figure comes from.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatasetRef {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    pub identifier: String,
    pub description: String,
    pub variable_measured: Measured,
    /// The SQL that gives the figure from the source file.
    pub measurement_technique: String,
    pub distribution: Download,
}

/// The decisive figure with its bounds.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Measured {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    pub value: f64,
    pub min_value: f64,
    pub max_value: f64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub content_url: String,
    pub encoding_format: &'static str,
}

/// The rating value and the verdict in words; see the module's table.
pub fn rating(verdict: Verdict) -> (Option<u8>, &'static str) {
    match verdict {
        Verdict::Accurate => (Some(5), "Accurate"),
        Verdict::RoughlyRight => (Some(4), "Roughly right"),
        Verdict::Inaccurate => (Some(1), "Inaccurate"),
        Verdict::NotCheckable => (None, "Not checkable"),
        Verdict::PeriodNotCovered => (None, "Period not covered by the data"),
    }
}

/// One review per claim of `checks`, in the document's order.
pub fn reviews(checks: &Checks) -> Vec<ClaimReview> {
    checks.checked.iter().map(|c| review(checks, c)).collect()
}

fn review(checks: &Checks, checked: &Checked) -> ClaimReview {
    let (rating_value, alternate_name) = rating(checked.verdict);
    let decisive = checked.decisive.and_then(|i| checked.readings.get(i));
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        claim_reviewed: checked.claim.sentence.clone(),
        item_reviewed: item(checks, checked),
        review_rating: Rating {
            kind: "Rating",
            rating_value,
            best_rating: BEST_RATING,
            worst_rating: WORST_RATING,
            alternate_name,
            rating_explanation: checked.explanation.clone(),
        },
        review_body: body(checked, decisive),
        author: Agent {
            kind: "Organization",
            name: "Tally".to_string(),
        },
        is_based_on: decisive.map(|j| dataset(checks, j)),
    }
}

fn item(checks: &Checks, checked: &Checked) -> ClaimItem {
    let published = checks.document.published.clone();
    let metadata = &checks.metadata;
    let appearance = (metadata.url.is_some() || metadata.title.is_some()).then(|| Appearance {
        kind: "CreativeWork",
        url: metadata.url.clone(),
        headline: metadata.title.clone(),
        date_published: published.clone(),
    });
    ClaimItem {
        kind: "Claim",
        author: author(checks, checked),
        date_published: published,
        appearance,
    }
}

/// The speaker; for the writer's own claims (no speaker, or data the writer cites), the
/// article's byline or, failing that, its site.
fn author(checks: &Checks, checked: &Checked) -> Option<Agent> {
    let agent = |kind: &'static str, name: &str| Agent {
        kind,
        name: name.to_string(),
    };
    match &checked.claim.speaker {
        Some(s) if s.kind == SpeakerKind::Person => Some(agent("Person", &s.name)),
        Some(s) if s.kind == SpeakerKind::Organisation => Some(agent("Organization", &s.name)),
        _ => {
            let metadata = &checks.metadata;
            let byline = metadata.byline.as_deref().map(|b| agent("Person", b));
            byline.or_else(|| {
                let site = metadata.site_name.as_deref();
                site.map(|s| agent("Organization", s))
            })
        }
    }
}

fn body(checked: &Checked, decisive: Option<&Judged>) -> String {
    let Some(j) = decisive else {
        return checked.explanation.clone();
    };
    let f = &j.figure;
    let (first, last) = (j.reading.window.first, j.reading.window.last);
    let bounds = if f.lower == f.upper {
        format!("over the whole quarters {first} to {last}")
    } else {
        let (lower, upper) = (number(f.lower), number(f.upper));
        format!("{lower} to {upper} over whole quarters {first} to {last}")
    };
    format!(
        "{} The figure: {} ({bounds}), from {}.",
        checked.explanation,
        number(f.value),
        j.reading.title
    )
}

fn dataset(checks: &Checks, j: &Judged) -> DatasetRef {
    let source = checks
        .data
        .datasets
        .iter()
        .find(|d| d.name == j.reading.dataset)
        .map_or(String::new(), |d| d.source.clone());
    DatasetRef {
        kind: "Dataset",
        name: j.reading.title.clone(),
        identifier: j.reading.dataset.clone(),
        description: j.reading.description.clone(),
        variable_measured: Measured {
            kind: "PropertyValue",
            name: j.reading.description.clone(),
            value: round(j.figure.value),
            min_value: j.figure.lower,
            max_value: j.figure.upper,
        },
        measurement_technique: j.sql.clone(),
        distribution: Download {
            kind: "DataDownload",
            content_url: source,
            encoding_format: "text/csv",
        },
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_runs_from_worst_to_best() {
        let value = |v| rating(v).0.unwrap();
        assert_eq!(value(Verdict::Inaccurate), WORST_RATING);
        assert_eq!(value(Verdict::Accurate), BEST_RATING);
        assert!(value(Verdict::RoughlyRight) > value(Verdict::Inaccurate));
        assert_eq!(rating(Verdict::NotCheckable).0, None);
    }
}
