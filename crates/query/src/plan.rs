//! Enumerating and ranking the readings of a claim.
//!
//! Each dataset whose measure words appear in the sentence is a candidate. Its dimensions
//! are filled from the claim: countries from the entities (in the role the text gives, or a
//! neighbouring role at a cost), categories from the catalog's words, ages from the age
//! bands, and, where the text says nothing, the dimension's usual reading and its
//! alternatives. Every choice made without words costs a little, every word of the sentence
//! a reading leaves aside costs more; the readings are ranked by what is left.

use catalog::words::{self, Word};
use catalog::{Dimension, Role as DimensionRole};
use extract::{Assertion, Claim, Role as EntityRole};
use quantity::Kind;

use crate::window::Window;
use crate::{Arithmetic, Bound, Filter, Index, Reading, Why};

/// The readings of a claim, most natural first, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub readings: Vec<Reading>,
    /// Why no reading was possible, when none was.
    pub unmatched: Option<String>,
}

/// How many readings of a claim are kept.
const KEEP: usize = 8;

/// Plans the readings of `claim`.
pub fn plan(claim: &Claim, index: &Index<'_>) -> Plan {
    let none = |why: &str| Plan {
        readings: Vec::new(),
        unmatched: Some(why.to_string()),
    };
    let sentence_words = words::words(&claim.sentence);
    let candidates: Vec<&Bound<'_>> = index
        .bound
        .iter()
        .filter(|b| matches_measure(b, claim, &sentence_words))
        .collect();
    if candidates.is_empty() {
        return none("no table in the catalog counts what this sentence talks about");
    }
    let Some(period) = &claim.period else {
        return match &claim.unresolved {
            Some(what) => none(&format!("the period (\"{what}\") could not be dated")),
            None => none("the sentence gives no period to check against"),
        };
    };
    let Some(window) = Window::new(&period.period) else {
        return none("the period ends before it starts");
    };
    let Some(arithmetic) = arithmetic(claim, &window) else {
        return none("the comparison period could not be worked out");
    };
    let mut readings: Vec<Reading> = candidates
        .iter()
        .enumerate()
        .flat_map(|(rank, bound)| {
            readings_of(
                bound,
                claim,
                &sentence_words,
                index,
                &window,
                &arithmetic,
                rank,
            )
        })
        .collect();
    if readings.is_empty() {
        return none("the share's whole and part could not be told apart");
    }
    readings.sort_by(|a, b| b.score.total_cmp(&a.score));
    readings.truncate(KEEP);
    Plan {
        readings,
        unmatched: None,
    }
}

fn matches_measure(bound: &Bound<'_>, claim: &Claim, sentence_words: &[Word]) -> bool {
    let measure = &bound.dataset.measure;
    let has = |v: &catalog::Vocabulary| !v.find_in(&claim.sentence, sentence_words).is_empty();
    has(&measure.words) && (measure.population.is_empty() || has(&measure.population))
}

fn arithmetic(claim: &Claim, window: &Window) -> Option<Arithmetic> {
    let base = || -> Option<Window> {
        match &claim.base {
            Some(base) => Window::new(&base.period),
            None => Window::new(&year_before(&window.period)?),
        }
    };
    Some(match &claim.assertion {
        Assertion::Trend { .. } => Arithmetic::Trend,
        Assertion::Quantity(q) => match (q.kind, q.direction) {
            (Kind::Percent | Kind::Fraction, Some(_)) => Arithmetic::Change { base: base()? },
            (Kind::Percent | Kind::Fraction, None) => Arithmetic::Share,
            (Kind::Multiple, _) => Arithmetic::Ratio { base: base()? },
            (Kind::Count | Kind::Money, _) => Arithmetic::Sum,
        },
    })
}

/// The same period a year earlier, the usual base of a change stated without one.
fn year_before(period: &temporal::Period) -> Option<temporal::Period> {
    let shift = |d: jiff::civil::Date| d.checked_sub(jiff::Span::new().years(1)).ok();
    let day = |d: temporal::Day| {
        Some(temporal::Day {
            earliest: shift(d.earliest)?,
            latest: shift(d.latest)?,
        })
    };
    Some(temporal::Period {
        start: day(period.start)?,
        end: day(period.end)?,
        open: false,
        derivation: format!("the same period a year earlier ({})", period.derivation),
    })
}

/// A reading under construction: filters, score and notes so far.
#[derive(Debug, Clone)]
struct Draft {
    filters: Vec<Filter>,
    score: f64,
    notes: Vec<String>,
    described: Vec<String>,
}

fn readings_of(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &[Word],
    index: &Index<'_>,
    window: &Window,
    arithmetic: &Arithmetic,
    rank: usize,
) -> Vec<Reading> {
    let mut draft = Draft {
        filters: Vec::new(),
        score: 100.0 - rank as f64 * 0.1,
        notes: Vec::new(),
        described: Vec::new(),
    };
    other_populations(bound, claim, sentence_words, index, &mut draft);
    countries(bound, claim, index, &mut draft);
    let mut drafts = vec![draft];
    for dimension in &bound.dataset.dimensions {
        let options = dimension_options(dimension, claim, sentence_words);
        drafts = drafts
            .into_iter()
            .flat_map(|d| options.iter().map(move |o| o.apply(d.clone())))
            .collect();
    }
    drafts
        .into_iter()
        .filter_map(|d| finish(bound, claim, window, arithmetic, d))
        .collect()
}

/// Words that pick out another dataset's narrower population ("foreign national
/// offenders") are left aside by this one.
fn other_populations(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &[Word],
    index: &Index<'_>,
    draft: &mut Draft,
) {
    let ours = &bound.dataset.measure.population;
    for other in &index.bound {
        let theirs = &other.dataset.measure.population;
        if theirs == ours || theirs.is_empty() {
            continue;
        }
        if let Some(hit) = theirs.find_in(&claim.sentence, sentence_words).first()
            && ours.find_in(&claim.sentence, sentence_words).is_empty()
        {
            draft.score -= 30.0;
            draft.notes.push(format!(
                "leaves aside \"{}\"",
                &claim.sentence[hit.span.clone()]
            ));
            return;
        }
    }
}

fn countries(bound: &Bound<'_>, claim: &Claim, index: &Index<'_>, draft: &mut Draft) {
    let home = index.catalog.spatial.as_deref();
    let mut codes: Vec<&str> = Vec::new();
    for e in claim
        .entities
        .iter()
        .filter(|e| Some(e.code.as_str()) != home)
    {
        if !codes.contains(&e.code.as_str()) {
            codes.push(&e.code);
        }
    }
    let nearest = nearest_per_role(claim, &codes);
    for code in nearest {
        country(bound, claim, code, draft);
    }
}

/// When a sentence names several countries, each quantity is about the one nearest to it.
fn nearest_per_role<'c>(claim: &Claim, codes: &[&'c str]) -> Vec<&'c str> {
    if codes.len() <= 1 {
        return codes.to_vec();
    }
    let distance = |code: &str| {
        claim
            .entities
            .iter()
            .filter(|e| e.code == code)
            .map(|e| e.span.start.abs_diff(claim.span.start))
            .min()
            .unwrap_or(usize::MAX)
    };
    codes
        .iter()
        .copied()
        .min_by_key(|c| distance(c))
        .into_iter()
        .collect()
}

fn country(bound: &Bound<'_>, claim: &Claim, code: &str, draft: &mut Draft) {
    let entities: Vec<_> = claim.entities.iter().filter(|e| e.code == code).collect();
    let explicit = entities.iter().any(|e| e.explicit);
    let says = |role: EntityRole| entities.iter().find(|e| e.role == role);
    let nationality = bound.column_for(DimensionRole::Nationality);
    let destination = bound.column_for(DimensionRole::Destination);
    let held: Vec<(&str, EntityRole)> = [
        (nationality, EntityRole::Nationality),
        (destination, EntityRole::Destination),
    ]
    .into_iter()
    .filter_map(|(column, role)| Some((column?, role)))
    .filter(|(_, role)| says(*role).is_some())
    .collect();
    let name = entities.first().map_or(code.to_string(), |e| e.via.clone());
    if !held.is_empty() {
        for (column, role) in &held {
            let via = says(*role).map_or(name.clone(), |e| e.via.clone());
            add_country(bound, column, code, &via, role_word(*role), draft);
        }
        for e in entities.iter().filter(|e| {
            e.role != EntityRole::Unspecified && !held.iter().any(|(_, r)| *r == e.role)
        }) {
            draft.score -= 1.0;
            draft.notes.push(format!(
                "the table has no {} column, so \"{}\" is read only as a {}",
                role_word(e.role),
                e.via,
                role_word(held[0].1)
            ));
        }
        return;
    }
    let substitute = match (nationality, destination) {
        (Some(column), _) => Some((column, EntityRole::Nationality)),
        (None, Some(column)) => Some((column, EntityRole::Destination)),
        (None, None) => None,
    };
    match substitute {
        Some((column, role)) => {
            let stated = entities.iter().find(|e| e.role != EntityRole::Unspecified);
            match stated {
                Some(e) => {
                    draft.score -= 3.0;
                    draft.notes.push(format!(
                        "reads \"{}\" ({}) as a {}",
                        e.via,
                        role_word(e.role),
                        role_word(role)
                    ));
                }
                None => {
                    draft.score -= if role == EntityRole::Nationality {
                        0.5
                    } else {
                        1.0
                    }
                }
            }
            add_country(bound, column, code, &name, role_word(role), draft);
        }
        None => {
            draft.score -= if explicit { 25.0 } else { 10.0 };
            draft.notes.push(format!(
                "the table cannot tell countries apart, so \"{name}\" is left aside"
            ));
        }
    }
}

fn add_country(
    bound: &Bound<'_>,
    column: &str,
    code: &str,
    via: &str,
    role: &str,
    draft: &mut Draft,
) {
    match bound.country_labels(column, code) {
        Some(labels) => {
            draft
                .described
                .push(format!("{role} {}", labels.join(" or ")));
            draft.filters.push(Filter {
                column: column.to_string(),
                values: labels.to_vec(),
                why: Why::Country(via.to_string()),
                part: false,
            });
        }
        None => {
            draft.score -= 50.0;
            draft
                .notes
                .push(format!("the table has no rows for \"{via}\" in {column}"));
        }
    }
}

fn role_word(role: EntityRole) -> &'static str {
    match role {
        EntityRole::Nationality => "nationality",
        EntityRole::Destination => "destination",
        EntityRole::Unspecified => "country",
    }
}

/// One way to fill a dimension.
#[derive(Debug, Clone)]
struct DimensionOption {
    filter: Option<Filter>,
    cost: f64,
    note: Option<String>,
    describe: Option<String>,
}

impl DimensionOption {
    fn apply(&self, mut draft: Draft) -> Draft {
        draft.score -= self.cost;
        draft.filters.extend(self.filter.clone());
        draft.notes.extend(self.note.clone());
        draft.described.extend(self.describe.clone());
        draft
    }

    fn none() -> DimensionOption {
        DimensionOption {
            filter: None,
            cost: 0.0,
            note: None,
            describe: None,
        }
    }
}

fn dimension_options(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &[Word],
) -> Vec<DimensionOption> {
    if dimension.role.holds_countries() {
        return vec![DimensionOption::none()];
    }
    if let Some(option) = worded_group(dimension, claim, sentence_words) {
        return vec![option];
    }
    let named = named_values(dimension, claim, sentence_words);
    if !named.is_empty() {
        let mut options = vec![named_option(dimension, &named)];
        if let Some(default) = dimension.default_reading() {
            let mut usual = reading_option(dimension, default, 3.0, true);
            usual.note = Some(format!(
                "reads {} as {}, the usual count, not only what the text names",
                dimension.column, default.label
            ));
            options.push(usual);
        }
        return options;
    }
    if let Some(ages) = age_values(dimension, claim) {
        return vec![ages];
    }
    if dimension.readings.is_empty() {
        return vec![DimensionOption::none()];
    }
    let mut readings: Vec<&catalog::Group> = dimension.readings.iter().collect();
    readings.sort_by_key(|r| !r.default);
    readings
        .iter()
        .enumerate()
        .map(|(i, r)| reading_option(dimension, r, 2.0 * i as f64, i == 0))
        .collect()
}

/// A group or reading whose own words appear ("EU citizens", "all routes").
fn worded_group(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &[Word],
) -> Option<DimensionOption> {
    let group = dimension
        .groups
        .iter()
        .chain(&dimension.readings)
        .find(|g| !g.words.find_in(&claim.sentence, sentence_words).is_empty())?;
    let hit = group
        .words
        .find_in(&claim.sentence, sentence_words)
        .remove(0);
    let words = claim.sentence[hit.span].to_string();
    Some(DimensionOption {
        filter: group.values.as_ref().map(|values| Filter {
            column: dimension.column.clone(),
            values: dimension
                .labels_of(values)
                .into_iter()
                .map(String::from)
                .collect(),
            why: Why::Words(words.clone()),
            part: false,
        }),
        cost: 0.0,
        note: None,
        describe: Some(group.label.clone()),
    })
}

fn named_values<'d>(
    dimension: &'d Dimension,
    claim: &Claim,
    sentence_words: &[Word],
) -> Vec<(&'d catalog::Value, String)> {
    dimension
        .values
        .iter()
        .filter_map(|v| {
            let hit = v
                .words
                .find_in(&claim.sentence, sentence_words)
                .into_iter()
                .next()?;
            Some((v, claim.sentence[hit.span].to_string()))
        })
        .collect()
}

fn named_option(dimension: &Dimension, named: &[(&catalog::Value, String)]) -> DimensionOption {
    let names: Vec<String> = named.iter().map(|(v, _)| v.name.clone()).collect();
    let words: Vec<&str> = named.iter().map(|(_, w)| w.as_str()).collect();
    DimensionOption {
        filter: Some(Filter {
            column: dimension.column.clone(),
            values: dimension
                .labels_of(&names)
                .into_iter()
                .map(String::from)
                .collect(),
            why: Why::Words(words.join(", ")),
            part: false,
        }),
        cost: 0.0,
        note: None,
        describe: Some(names.join(" or ").to_lowercase()),
    }
}

fn reading_option(
    dimension: &Dimension,
    reading: &catalog::Group,
    cost: f64,
    usual: bool,
) -> DimensionOption {
    let filter = reading.values.as_ref().map(|values| Filter {
        column: dimension.column.clone(),
        values: dimension
            .labels_of(values)
            .into_iter()
            .map(String::from)
            .collect(),
        why: if usual {
            Why::Default(reading.label.clone())
        } else {
            Why::Alternative(reading.label.clone())
        },
        part: false,
    });
    DimensionOption {
        filter,
        cost,
        note: (!usual).then(|| format!("a less usual reading: {}", reading.label)),
        describe: Some(reading.label.clone()),
    }
}

/// Age words of the sentence, as bands, matched to the dimension's age values.
fn age_values(dimension: &Dimension, claim: &Claim) -> Option<DimensionOption> {
    let bands = age_bands(claim);
    let (min, max, words) = bands.first()?.clone();
    let values: Vec<String> = dimension
        .values
        .iter()
        .filter(|v| !v.unknown)
        .filter_map(|v| {
            let (lo, hi) = v.age?;
            let inside = lo >= min && hi.unwrap_or(u32::MAX) <= max;
            inside.then(|| v.name.clone())
        })
        .collect();
    if values.is_empty() {
        return None;
    }
    Some(DimensionOption {
        filter: Some(Filter {
            column: dimension.column.clone(),
            values: dimension
                .labels_of(&values)
                .into_iter()
                .map(String::from)
                .collect(),
            why: Why::Age(words.clone()),
            part: false,
        }),
        cost: 0.0,
        note: None,
        describe: Some(format!("aged {}", values.join(", "))),
    })
}

const CHILDREN: [&str; 6] = ["children", "child", "minors", "under-18s", "boys", "girls"];
const ADULTS: [&str; 3] = ["adults", "adult", "grown-ups"];

fn age_bands(claim: &Claim) -> Vec<(u32, u32, String)> {
    let lower = claim.sentence.to_lowercase();
    let mut bands: Vec<(u32, u32, String)> = claim
        .ages
        .iter()
        .map(|a| {
            (
                a.min.unwrap_or(0),
                a.max.unwrap_or(u32::MAX),
                claim.sentence[a.span.clone()].to_string(),
            )
        })
        .collect();
    let word_in = |w: &&&str| {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|t| t == **w)
    };
    if let Some(w) = CHILDREN.iter().find(word_in) {
        bands.push((0, 17, w.to_string()));
    }
    if let Some(w) = ADULTS.iter().find(word_in) {
        bands.push((18, u32::MAX, w.to_string()));
    }
    bands
}

fn finish(
    bound: &Bound<'_>,
    claim: &Claim,
    window: &Window,
    arithmetic: &Arithmetic,
    mut draft: Draft,
) -> Option<Reading> {
    if matches!(arithmetic, Arithmetic::Share) && !mark_parts(claim, &mut draft.filters) {
        return None;
    }
    let counts = &bound.dataset.measure.counts;
    let description = if draft.described.is_empty() {
        counts.clone()
    } else {
        format!("{counts}: {}", draft.described.join(", "))
    };
    Some(Reading {
        dataset: bound.dataset.name.clone(),
        title: bound.dataset.title.clone(),
        source: bound.source.clone(),
        time_column: bound.dataset.time.clone(),
        measure: bound.dataset.measure.column.clone(),
        description,
        filters: draft.filters,
        window: window.clone(),
        arithmetic: arithmetic.clone(),
        score: draft.score,
        notes: draft.notes,
    })
}

/// For a share, the filters whose words stand outside the phrase after the quantity ("95
/// per cent [of Albanian arrivals] were men") pick out the part; the rest bound the whole.
/// Returns false when nothing picks out a part.
fn mark_parts(claim: &Claim, filters: &mut [Filter]) -> bool {
    let whole = whole_phrase(claim);
    let lower = claim.sentence.to_lowercase();
    for filter in filters.iter_mut() {
        let words = match &filter.why {
            Why::Country(w) | Why::Words(w) | Why::Age(w) => w,
            Why::Default(_) | Why::Alternative(_) => continue,
        };
        let word = words.split(" (").next().unwrap_or(words).to_lowercase();
        let positions: Vec<usize> = lower.match_indices(&word).map(|(i, _)| i).collect();
        filter.part = !positions.is_empty() && positions.iter().all(|p| !whole.contains(p));
    }
    filters.iter().any(|f| f.part)
}

/// The phrase that names the whole of a share: from the quantity to the next verb or comma.
fn whole_phrase(claim: &Claim) -> std::ops::Range<usize> {
    const STOPS: [&str; 12] = [
        " were ",
        " was ",
        " are ",
        " is ",
        " had ",
        " have ",
        " came ",
        ",",
        " made ",
        " make ",
        " constituted ",
        " comprised ",
    ];
    let start = claim.span.end;
    let rest = &claim.sentence[start..];
    let end = STOPS
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    start..start + end
}
