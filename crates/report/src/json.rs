//! The JSON report: wire types, kept apart from the domain types so that the schema changes
//! only on purpose. [`SCHEMA_VERSION`] goes up with every change a reader would notice.

use std::collections::BTreeMap;
use std::ops::Range;

use check::{Checked, Fit, Judged};
use extract::{Assertion, ClaimPeriod, Via};
use query::{Arithmetic, Coverage, Why};
use serde::Serialize;

use crate::{DataInfo, DocumentInfo};

/// The version of the report's JSON schema.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub tally_version: &'a str,
    pub document: &'a DocumentInfo,
    pub data: &'a DataInfo,
    pub summary: Summary,
    pub claims: Vec<ClaimJson>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub claims: usize,
    pub verdicts: BTreeMap<&'static str, usize>,
}

#[derive(Debug, Serialize)]
pub struct ClaimJson {
    pub id: usize,
    pub sentence: String,
    pub sentence_span: [usize; 2],
    /// The asserted words, in document coordinates.
    pub span: [usize; 2],
    pub text: String,
    pub repeated_at: Vec<[usize; 2]>,
    pub speaker: Option<SpeakerJson>,
    pub said: Option<SaidJson>,
    pub quantity: Option<QuantityJson>,
    pub trend: Option<TrendJson>,
    pub record: Option<RecordJson>,
    pub entities: Vec<EntityJson>,
    pub period: Option<PeriodJson>,
    pub base_period: Option<PeriodJson>,
    pub verdict: &'static str,
    pub explanation: String,
    pub decisive_reading: Option<usize>,
    pub readings: Vec<ReadingJson>,
    /// Figures the explanation gives that the verdict does not rest on (the base of a change
    /// beyond the data, the change a count implies against it).
    pub context: Vec<AsideJson>,
}

#[derive(Debug, Serialize)]
pub struct AsideJson {
    pub what: String,
    pub value: f64,
}

#[derive(Debug, Serialize)]
pub struct SpeakerJson {
    pub name: String,
    pub kind: document::SpeakerKind,
    pub cue: String,
}

#[derive(Debug, Serialize)]
pub struct SaidJson {
    pub text: String,
    pub earliest: String,
    pub latest: String,
}

#[derive(Debug, Serialize)]
pub struct QuantityJson {
    pub value: f64,
    pub kind: quantity::Kind,
    pub qualifier: quantity::Qualifier,
    pub precision: f64,
    pub vague: bool,
    pub direction: Option<quantity::Direction>,
    /// For a rate ("120 a day"): what it is counted per.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<quantity::Per>,
}

#[derive(Debug, Serialize)]
pub struct TrendJson {
    pub direction: quantity::Direction,
    pub strong: bool,
}

#[derive(Debug, Serialize)]
pub struct RecordJson {
    pub high: bool,
    pub peak: bool,
    /// Against every earlier stretch as long ("of any quarter"), not the same stretch of
    /// other years.
    pub any_stretch: bool,
    /// The place claimed: 1 for a record, 2 for "the second highest".
    pub rank: usize,
}

#[derive(Debug, Serialize)]
pub struct EntityJson {
    pub text: String,
    pub code: String,
    pub role: &'static str,
    pub explicit: bool,
}

#[derive(Debug, Serialize)]
pub struct PeriodJson {
    pub text: String,
    pub start: temporal::Day,
    pub end: temporal::Day,
    pub open: bool,
    pub derivation: String,
    pub via: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ReadingJson {
    pub rank: usize,
    pub dataset: String,
    pub title: String,
    pub description: String,
    /// `sum`, `rate`, `share`, `change`, `difference`, `ratio`, `trend`, `record`,
    /// `ranking`, `top_share` or `share_of`.
    pub arithmetic: &'static str,
    pub filters: Vec<FilterJson>,
    pub quarters: QuartersJson,
    pub base_quarters: Option<QuartersJson>,
    pub figure: FigureJson,
    pub fit: FitJson,
    pub score: f64,
    /// True when the reading goes against the text's words rather than filling silences.
    pub strained: bool,
    /// The period reaches into the table's provisional last year.
    pub provisional: bool,
    /// The period's figures were not yet published when the claim was made.
    pub preliminary: bool,
    pub notes: Vec<String>,
    pub sql: String,
}

#[derive(Debug, Serialize)]
pub struct FilterJson {
    pub column: String,
    pub values: Vec<String>,
    pub why: String,
    pub part: bool,
    /// Present, and true, when the filter keeps every row but those with `values`
    /// ("non-Albanian"); the SQL says `NOT IN`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
    /// Present, and true, on each of the groups the text joins with "and" ("women and
    /// children"): a row is kept when it is in any of them; the SQL says `OR`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub joined: bool,
}

#[derive(Debug, Serialize)]
pub struct QuartersJson {
    pub first: String,
    pub last: String,
    /// The whole quarters inside the period, which give the lower bound.
    pub inside: Option<[String; 2]>,
    pub aligned: bool,
}

#[derive(Debug, Serialize)]
pub struct FigureJson {
    pub value: f64,
    pub lower: f64,
    pub upper: f64,
    pub estimate_range: [f64; 2],
    pub exact: bool,
    pub parts: BTreeMap<String, f64>,
    pub by_quarter: Vec<QuarterValue>,
    pub coverage: String,
}

#[derive(Debug, Serialize)]
pub struct QuarterValue {
    pub quarter: String,
    pub value: f64,
}

#[derive(Debug, Serialize)]
pub struct FitJson {
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_estimate: Option<bool>,
}

pub fn report<'a>(
    document: &'a DocumentInfo,
    data: &'a DataInfo,
    checked: &[Checked],
) -> Report<'a> {
    let mut verdicts = BTreeMap::new();
    for c in checked {
        *verdicts.entry(c.verdict.as_str()).or_insert(0) += 1;
    }
    Report {
        schema_version: SCHEMA_VERSION,
        tally_version: env!("CARGO_PKG_VERSION"),
        document,
        data,
        summary: Summary {
            claims: checked.len(),
            verdicts,
        },
        claims: checked
            .iter()
            .enumerate()
            .map(|(i, c)| claim(i + 1, c))
            .collect(),
    }
}

fn pair(range: &Range<usize>) -> [usize; 2] {
    [range.start, range.end]
}

pub fn claim(id: usize, checked: &Checked) -> ClaimJson {
    let c = &checked.claim;
    let offset = c.offset;
    let shift = |r: &Range<usize>| [r.start + offset, r.end + offset];
    ClaimJson {
        id,
        sentence: c.sentence.clone(),
        sentence_span: [offset, offset + c.sentence.len()],
        span: shift(&c.span),
        text: c.words().to_string(),
        repeated_at: c.repeated_at.iter().map(pair).collect(),
        speaker: c.speaker.as_ref().map(|s| SpeakerJson {
            name: s.name.clone(),
            kind: s.kind,
            cue: s.cue.clone(),
        }),
        said: c.said.as_ref().map(|s| SaidJson {
            text: s.text.clone(),
            earliest: s.days.earliest.to_string(),
            latest: s.days.latest.to_string(),
        }),
        quantity: c.quantity().map(|q| QuantityJson {
            value: q.value,
            kind: q.kind,
            qualifier: q.qualifier,
            precision: q.precision,
            vague: q.vague,
            direction: q.direction,
            per: q.per,
        }),
        trend: match c.assertion {
            Assertion::Trend { direction, strong } => Some(TrendJson { direction, strong }),
            Assertion::Quantity(_) | Assertion::Record { .. } | Assertion::Ranking { .. } => None,
        },
        record: match c.assertion {
            Assertion::Record {
                high,
                peak,
                any_stretch,
                rank,
            } => Some(RecordJson {
                high,
                peak,
                any_stretch,
                rank,
            }),
            _ => None,
        },
        entities: c
            .entities
            .iter()
            .map(|e| EntityJson {
                text: e.via.clone(),
                code: e.code.clone(),
                role: role(e.role),
                explicit: e.explicit,
            })
            .collect(),
        period: c.period.as_ref().map(period),
        base_period: c.base.as_ref().map(period),
        verdict: checked.verdict.as_str(),
        explanation: checked.explanation.clone(),
        decisive_reading: checked.decisive.map(|i| i + 1),
        readings: checked
            .readings
            .iter()
            .enumerate()
            .map(|(i, j)| reading(i + 1, j))
            .collect(),
        context: checked
            .context
            .iter()
            .map(|a| AsideJson {
                what: a.what.clone(),
                value: a.value,
            })
            .collect(),
    }
}

fn role(role: extract::Role) -> &'static str {
    match role {
        extract::Role::Nationality => "nationality",
        extract::Role::Destination => "destination",
        extract::Role::Unspecified => "unspecified",
    }
}

fn period(p: &ClaimPeriod) -> PeriodJson {
    PeriodJson {
        text: p.text.clone(),
        start: p.period.start,
        end: p.period.end,
        open: p.period.open,
        derivation: p.period.derivation.clone(),
        via: match p.via {
            Via::Stated => "stated",
            Via::BackReference => "back_reference",
            Via::Context => "context",
            Via::Relative => "relative",
            Via::Assumed => "assumed",
            Via::Term => "term",
            Via::Event => "event",
        },
    }
}

fn reading(rank: usize, j: &Judged) -> ReadingJson {
    let r = &j.reading;
    let f = &j.figure;
    ReadingJson {
        rank,
        dataset: r.dataset.clone(),
        title: r.title.clone(),
        description: r.description.clone(),
        arithmetic: match r.arithmetic {
            Arithmetic::Sum => "sum",
            Arithmetic::Rate { .. } => "rate",
            Arithmetic::Share => "share",
            Arithmetic::Change { .. } => "change",
            Arithmetic::Difference { .. } => "difference",
            Arithmetic::Ratio { .. } => "ratio",
            Arithmetic::Trend => "trend",
            Arithmetic::Record { .. } => "record",
            Arithmetic::Ranking { .. } => "ranking",
            Arithmetic::TopShare { .. } => "top_share",
            Arithmetic::ShareOf { .. } => "share_of",
        },
        filters: r.filters.iter().map(filter).collect(),
        quarters: quarters(&r.window),
        base_quarters: match &r.arithmetic {
            Arithmetic::Change { base }
            | Arithmetic::Ratio { base }
            | Arithmetic::Difference { base } => Some(quarters(base)),
            _ => None,
        },
        figure: FigureJson {
            value: f.value,
            lower: f.lower,
            upper: f.upper,
            estimate_range: [f.range.0, f.range.1],
            exact: f.aligned,
            parts: f.parts.iter().cloned().collect(),
            by_quarter: f
                .series
                .iter()
                .map(|(q, v)| QuarterValue {
                    quarter: q.to_string(),
                    value: *v,
                })
                .collect(),
            coverage: match f.coverage {
                Coverage::Full => "full".to_string(),
                Coverage::Partial { first, last } => format!("partial: {first} to {last}"),
                Coverage::None => "none".to_string(),
            },
        },
        fit: fit(j.fit),
        score: (r.score * 10.0).round() / 10.0,
        strained: r.strained,
        provisional: r.provisional,
        preliminary: r.preliminary,
        notes: r.notes.clone(),
        sql: j.sql.clone(),
    }
}

fn filter(f: &query::Filter) -> FilterJson {
    let why = match &f.why {
        Why::Country(w) => format!("country named: {w}"),
        Why::Words(w) => format!("words: {w}"),
        Why::Age(w) => format!("age: {w}"),
        Why::Default(w) => format!("usual reading: {w}"),
        Why::Alternative(w) => format!("less usual reading: {w}"),
    };
    FilterJson {
        column: f.column.clone(),
        values: f.values.clone(),
        why,
        part: f.part,
        excluded: f.excluded,
        joined: f.joined,
    }
}

fn quarters(w: &query::Window) -> QuartersJson {
    QuartersJson {
        first: w.first.to_string(),
        last: w.last.to_string(),
        inside: w.inner().map(|(a, b)| [a.to_string(), b.to_string()]),
        aligned: w.aligned(),
    }
}

fn fit(fit: Fit) -> FitJson {
    let (kind, gap, by_estimate) = match fit {
        Fit::Consistent { by_estimate } => ("consistent", None, Some(by_estimate)),
        Fit::Plausible => ("plausible", None, None),
        Fit::Close { gap, .. } => ("close", Some(gap), None),
        Fit::Inconsistent { gap, .. } => ("inconsistent", Some(gap), None),
        Fit::NotCovered => ("not_covered", None, None),
        Fit::NoFigure => ("no_figure", None, None),
    };
    FitJson {
        kind,
        gap: gap.map(|g| (g * 10_000.0).round() / 10_000.0),
        by_estimate,
    }
}
