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
    /// Why the claim cannot be checked, when it cannot: then there are no readings, or only
    /// readings given for context ("the data cannot isolate returns of small-boat
    /// arrivals; all returns were ...").
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
    let words = words::words(&claim.sentence);
    let unblocked = Sentence {
        words,
        blocked: Vec::new(),
    };
    let blocked: Vec<std::ops::Range<usize>> = index
        .bound
        .iter()
        .filter(|b| matches_measure(b, claim, &unblocked))
        .flat_map(|b| {
            b.dataset
                .measure
                .unrecorded
                .words
                .find_in(&claim.sentence, &unblocked.words)
        })
        .map(|h| h.span)
        .collect();
    let sentence_words = Sentence {
        blocked,
        ..unblocked
    };
    let measured: Vec<&Bound<'_>> = index
        .bound
        .iter()
        .filter(|b| matches_measure(b, claim, &sentence_words))
        .collect();
    if measured.is_empty() {
        if let Some(context) = &claim.context {
            let mut leaning = plan(&claim.prefixed(context), index);
            for reading in &mut leaning.readings {
                reading
                    .notes
                    .push("what is counted is read from the sentence before".to_string());
            }
            if leaning.unmatched.is_none() {
                return leaning;
            }
        }
        return none("no table in the catalog counts what this sentence talks about");
    }
    let unrecordable = best_is_unrecorded(&measured, claim, &sentence_words);
    let unrecorded_here = |b: &&Bound<'_>| unrecorded(b, claim, &sentence_words).is_some();
    let candidates: Vec<&Bound<'_>> = match &unrecordable {
        Some(_) => measured.iter().copied().filter(unrecorded_here).collect(),
        None => measured
            .iter()
            .copied()
            .filter(|b| !unrecorded_here(b))
            .collect(),
    };
    if candidates.is_empty() {
        let reason = unrecorded(measured[0], claim, &sentence_words).unwrap_or_default();
        return none(&reason);
    }
    let Some(period) = &claim.period else {
        return match &claim.unresolved {
            Some(what) => none(&format!("the period (\"{what}\") could not be dated")),
            None => none("the sentence gives no period to check against"),
        };
    };
    let mut readings: Vec<Reading> = Vec::new();
    for (rank, bound) in candidates.iter().enumerate() {
        let (period, trimmed) = trim_to_data(&period.period, bound);
        let Some(window) = Window::new(&period) else {
            return none("the period ends before it starts");
        };
        let Some((arithmetic, window)) = arithmetic(claim, &window, bound.coverage) else {
            return none("the comparison period could not be worked out");
        };
        let mut found = readings_of(
            bound,
            claim,
            &sentence_words,
            index,
            &window,
            &arithmetic,
            rank,
        );
        for reading in &mut found {
            reading.notes.extend(trimmed.clone());
        }
        readings.extend(found);
    }
    if readings.is_empty() {
        return none("the share's whole and part could not be told apart");
    }
    readings.sort_by(|a, b| b.score.total_cmp(&a.score));
    readings.truncate(KEEP);
    if let Some(reason) = &unrecordable {
        for reading in &mut readings {
            reading.notes.push(format!("context only: {reason}"));
        }
    }
    Plan {
        readings,
        unmatched: unrecordable,
    }
}

fn matches_measure(bound: &Bound<'_>, claim: &Claim, sentence: &Sentence) -> bool {
    let measure = &bound.dataset.measure;
    let has = |v: &catalog::Vocabulary| !sentence.hits(v, claim).is_empty();
    let owned =
        |v: &catalog::Vocabulary| sentence.hits(v, claim).iter().any(|h| claim.owns(&h.span));
    has(&measure.words) && (measure.population.is_empty() || owned(&measure.population))
}

/// A sentence's words, and the spans of phrases naming what some table does not record:
/// measure words inside them ("asylum seekers" in "failed asylum seekers") describe what is
/// not recorded, not a measure.
#[derive(Debug)]
struct Sentence {
    words: Vec<Word>,
    blocked: Vec<std::ops::Range<usize>>,
}

impl Sentence {
    fn hits(&self, vocabulary: &catalog::Vocabulary, claim: &Claim) -> Vec<catalog::words::Hit> {
        vocabulary
            .find_in(&claim.sentence, &self.words)
            .into_iter()
            .filter(|h| {
                !self
                    .blocked
                    .iter()
                    .any(|b| b.start <= h.span.start && h.span.end <= b.end)
            })
            .collect()
    }
}

/// Words naming something the table does not record ("small boat arrivals" returned): the
/// reason the table cannot check the claim.
fn unrecorded(bound: &Bound<'_>, claim: &Claim, sentence_words: &Sentence) -> Option<String> {
    let unrecorded = &bound.dataset.measure.unrecorded;
    let hit = unrecorded
        .words
        .find_in(&claim.sentence, &sentence_words.words)
        .into_iter()
        .next()?;
    Some(format!(
        "\"{}\": {}",
        &claim.sentence[hit.span], unrecorded.reason
    ))
}

/// When the claim's own words name a measure whose table does not record what the sentence
/// asks ("2,580 returns of small boat arrivals", "300 arrivals have been returned"), no other
/// table's match stands in for it: the reason it cannot be checked.
fn best_is_unrecorded(
    measured: &[&Bound<'_>],
    claim: &Claim,
    sentence_words: &Sentence,
) -> Option<String> {
    measured
        .iter()
        .filter(|b| {
            sentence_words
                .hits(&b.dataset.measure.words, claim)
                .iter()
                .any(|h| claim.owns(&h.span))
        })
        .find_map(|b| unrecorded(b, claim, sentence_words))
}

/// How specifically the sentence names the dataset's measure near the quantity: longer
/// phrases count more, and distance counts against them. Minus infinity when every match
/// lies inside words another table marks as unrecorded.
fn measure_fit(bound: &Bound<'_>, claim: &Claim, sentence_words: &Sentence) -> f64 {
    sentence_words
        .hits(&bound.dataset.measure.words, claim)
        .iter()
        .map(|hit| {
            let words = hit
                .phrase
                .split_whitespace()
                .filter(|w| !matches!(*w, "the" | "a" | "an"))
                .count();
            let gap = gap(&hit.span, &claim.span) as f64;
            2.0 * words as f64 - (gap / 30.0).min(3.0)
        })
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Bytes between two spans, either way round.
fn gap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// An open period ("since 2018") said soon after the data end is taken to the end of the
/// data: the speaker can only have meant the figures published then.
fn trim_to_data(
    period: &temporal::Period,
    bound: &Bound<'_>,
) -> (temporal::Period, Option<String>) {
    let Some((_, last)) = bound.coverage else {
        return (period.clone(), None);
    };
    let Some((_, data_end)) = crate::window::quarter_days(last) else {
        return (period.clone(), None);
    };
    let end = period.end.earliest;
    let soon_after = end > data_end && crate::window::days_between(data_end, end) <= 92;
    if !period.open || !soon_after {
        return (period.clone(), None);
    }
    let trimmed = temporal::Period {
        end: temporal::Day::exact(data_end),
        ..period.clone()
    };
    let note = format!("the data end on {data_end}, so the open period is taken to then");
    (trimmed, Some(note))
}

/// The arithmetic of the claim, and the window of the period it is about (for a change
/// stated over a range of years, the last year).
fn arithmetic(
    claim: &Claim,
    window: &Window,
    coverage: Option<(store::Quarter, store::Quarter)>,
) -> Option<(Arithmetic, Window)> {
    let comparison = || -> Option<(Window, Window)> {
        let now = &window.period;
        if let Some(base) = &claim.base {
            return Some((
                window.clone(),
                Window::new(&same_stretch(now, &base.period)?)?,
            ));
        }
        if let Some((first, last)) = split_between(claim) {
            return Some((Window::new(&last)?, Window::new(&first)?));
        }
        Some((window.clone(), Window::new(&year_before(now)?)?))
    };
    let change = |ratio: bool| -> Option<(Arithmetic, Window)> {
        let (now, base) = comparison()?;
        let arithmetic = if ratio {
            Arithmetic::Ratio { base }
        } else {
            Arithmetic::Change { base }
        };
        Some((arithmetic, now))
    };
    Some(match &claim.assertion {
        Assertion::Trend { .. } if claim.base.is_some() => change(false)?,
        Assertion::Trend { .. } => (Arithmetic::Trend, window.clone()),
        Assertion::Record { high, peak } => {
            let others = other_years(&window.period, coverage?, *peak);
            (
                Arithmetic::Record {
                    others,
                    high: *high,
                    peak: *peak,
                },
                window.clone(),
            )
        }
        Assertion::Quantity(q) => match (q.kind, q.direction) {
            (Kind::Percent | Kind::Fraction, Some(_)) => change(false)?,
            (Kind::Percent | Kind::Fraction, None) => (Arithmetic::Share, window.clone()),
            (Kind::Multiple, _) => change(true)?,
            (Kind::Count | Kind::Money, _) => (Arithmetic::Sum, window.clone()),
        },
    })
}

/// The same stretch of days in every other year the data cover: earlier years for "a
/// record", all years for "peaked in 2002".
fn other_years(
    period: &temporal::Period,
    (first, last): (store::Quarter, store::Quarter),
    peak: bool,
) -> Vec<Window> {
    let days = crate::window::days_between(period.start.earliest, period.end.latest);
    let step = (days / 366 + 1) as i32;
    let covered = |w: &Window| w.first >= first && w.last <= last;
    let mut windows = Vec::new();
    for direction in [1, -1] {
        if direction == -1 && !peak {
            break;
        }
        for k in 1.. {
            let Some(window) = shift(period, direction * k * step).and_then(|p| Window::new(&p))
            else {
                break;
            };
            if !covered(&window) {
                break;
            }
            windows.push(window);
        }
    }
    windows
}

/// "Compared to last year", said of five months: the same five months a year earlier, not
/// the whole year.
fn same_stretch(now: &temporal::Period, base: &temporal::Period) -> Option<temporal::Period> {
    let length = |p: &temporal::Period| crate::window::days_between(p.start.earliest, p.end.latest);
    let years_apart = i32::from(now.end.latest.year()) - i32::from(base.end.latest.year());
    let much_longer = length(base) as f64 > 1.5 * length(now) as f64;
    if much_longer && years_apart >= 1 && base.start.earliest < now.start.earliest {
        return shift(now, years_apart);
    }
    Some(base.clone())
}

/// "Between 2021 and 2023 ... fell by a third": a change from the first year to the last.
fn split_between(claim: &Claim) -> Option<(temporal::Period, temporal::Period)> {
    let period = claim.period.as_ref()?;
    if period.cue != Some(temporal::Cue::Between) {
        return None;
    }
    let p = &period.period;
    let (first_year, last_year) = (p.start.earliest.year(), p.end.latest.year());
    let whole_years = p.start.earliest.month() == 1
        && p.start.earliest.day() == 1
        && p.end.latest.month() == 12
        && p.end.latest.day() == 31;
    if last_year <= first_year || !whole_years {
        return None;
    }
    let year = |y: i16| -> Option<temporal::Period> {
        Some(temporal::Period {
            start: temporal::Day::exact(jiff::civil::Date::new(y, 1, 1).ok()?),
            end: temporal::Day::exact(jiff::civil::Date::new(y, 12, 31).ok()?),
            open: false,
            derivation: format!(
                "{y}, the {} year of \"{}\"",
                if y == first_year { "first" } else { "last" },
                period.text
            ),
        })
    };
    Some((year(first_year)?, year(last_year)?))
}

fn shift(period: &temporal::Period, years_back: i32) -> Option<temporal::Period> {
    let shift = |d: jiff::civil::Date| d.checked_sub(jiff::Span::new().years(years_back)).ok();
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
        derivation: format!(
            "the same stretch {years_back} year(s) earlier ({})",
            period.derivation
        ),
    })
}

/// The same period a year earlier, the usual base of a change stated without one.
fn year_before(period: &temporal::Period) -> Option<temporal::Period> {
    shift(period, 1)
}

/// A reading under construction: filters, score and notes so far.
#[derive(Debug, Clone)]
struct Draft {
    filters: Vec<Filter>,
    score: f64,
    /// Set when a choice goes against the text's words rather than filling a silence.
    strained: bool,
    notes: Vec<String>,
    described: Vec<String>,
}

fn readings_of(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
    index: &Index<'_>,
    window: &Window,
    arithmetic: &Arithmetic,
    rank: usize,
) -> Vec<Reading> {
    let mut draft = Draft {
        filters: Vec::new(),
        score: 100.0 - rank as f64 * 0.1 + measure_fit(bound, claim, sentence_words),
        notes: Vec::new(),
        described: Vec::new(),
        strained: false,
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
        .flat_map(|r| {
            let known = known_whole(bound, &r);
            std::iter::once(r).chain(known)
        })
        .collect()
}

/// For a share of people by sex or age, the same share among those whose sex or age is
/// recorded: a fact-checker would consider leaving the unrecorded out of the whole.
fn known_whole(bound: &Bound<'_>, reading: &Reading) -> Option<Reading> {
    if !matches!(reading.arithmetic, Arithmetic::Share) {
        return None;
    }
    let mut variant = reading.clone();
    let mut left_out = Vec::new();
    for part in reading.filters.iter().filter(|f| f.part) {
        let dimension = bound.dataset.dimension(&part.column)?;
        let unknown: Vec<&str> = dimension
            .values
            .iter()
            .filter(|v| v.unknown)
            .flat_map(|v| v.labels.iter().map(String::as_str))
            .collect();
        if unknown.is_empty() || dimension.role != catalog::Role::Category {
            continue;
        }
        let known: Vec<String> = dimension
            .values
            .iter()
            .filter(|v| !v.unknown)
            .flat_map(|v| v.labels.clone())
            .collect();
        variant.filters.push(Filter {
            column: part.column.clone(),
            values: known,
            why: Why::Alternative(format!("{} recorded", part.column.to_lowercase())),
            part: false,
            evidence: None,
        });
        left_out.push(part.column.to_lowercase());
    }
    if left_out.is_empty() {
        return None;
    }
    variant.score -= 2.0;
    variant.description = format!(
        "{}, among those whose {} is recorded",
        reading.description,
        left_out.join(" and ")
    );
    variant.notes.push(format!(
        "leaves people whose {} is not recorded out of the whole",
        left_out.join(" and ")
    ));
    Some(variant)
}

/// Words that pick out another dataset's narrower population ("foreign national
/// offenders") are left aside by this one.
fn other_populations(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
    index: &Index<'_>,
    draft: &mut Draft,
) {
    let ours = &bound.dataset.measure.population;
    let same_measure = |other: &&Bound<'_>| matches_measure(other, claim, sentence_words);
    for other in index.bound.iter().filter(same_measure) {
        let theirs = &other.dataset.measure.population;
        if theirs == ours || theirs.is_empty() {
            continue;
        }
        if let Some(hit) = theirs
            .find_in(&claim.sentence, &sentence_words.words)
            .first()
            && ours
                .find_in(&claim.sentence, &sentence_words.words)
                .is_empty()
        {
            draft.score -= 30.0;
            draft.strained = true;
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
    let nearest = nearest_per_role(claim, &codes, is_share(claim));
    for code in nearest {
        country(bound, claim, code, draft);
    }
}

/// When a sentence names several countries, each quantity is about the one nearest to it;
/// for a share, the nearest outside the phrase that names the whole ("of arrivals from
/// France, about 60% were Albanian" is about Albanians).
fn nearest_per_role<'c>(claim: &Claim, codes: &[&'c str], share: bool) -> Vec<&'c str> {
    if codes.len() <= 1 {
        return codes.to_vec();
    }
    let whole = if share { whole_phrase(claim) } else { 0..0 };
    let outside = |code: &str| {
        claim
            .entities
            .iter()
            .any(|e| e.code == code && !whole.contains(&e.span.start))
    };
    let distance = |code: &str| {
        claim
            .entities
            .iter()
            .filter(|e| e.code == code)
            .map(|e| gap(&e.span, &claim.span))
            .min()
            .unwrap_or(usize::MAX)
    };
    let preferred: Vec<&'c str> = codes.iter().copied().filter(|c| outside(c)).collect();
    let pool = if preferred.is_empty() {
        codes.to_vec()
    } else {
        preferred
    };
    pool.into_iter()
        .min_by_key(|c| distance(c))
        .into_iter()
        .collect()
}

fn is_share(claim: &Claim) -> bool {
    claim
        .quantity()
        .is_some_and(|q| matches!(q.kind, Kind::Percent | Kind::Fraction) && q.direction.is_none())
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
            let entity = says(*role);
            let via = entity.map_or(name.clone(), |e| e.via.clone());
            let evidence = entity.map(|e| e.span.clone());
            add_country(
                bound,
                column,
                code,
                (&via, evidence),
                role_word(*role),
                draft,
            );
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
                    draft.strained = true;
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
            let evidence = entities.first().map(|e| e.span.clone());
            add_country(
                bound,
                column,
                code,
                (&name, evidence),
                role_word(role),
                draft,
            );
        }
        None => {
            draft.score -= if explicit { 25.0 } else { 10.0 };
            draft.strained = true;
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
    (via, evidence): (&str, Option<std::ops::Range<usize>>),
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
                evidence,
            });
        }
        None => {
            draft.score -= 50.0;
            draft.strained = true;
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
    strains: bool,
    note: Option<String>,
    describe: Option<String>,
}

impl DimensionOption {
    fn apply(&self, mut draft: Draft) -> Draft {
        draft.score -= self.cost;
        draft.strained |= self.strains;
        draft.filters.extend(self.filter.clone());
        draft.notes.extend(self.note.clone());
        draft.described.extend(self.describe.clone());
        draft
    }

    fn none() -> DimensionOption {
        DimensionOption {
            filter: None,
            cost: 0.0,
            strains: false,
            note: None,
            describe: None,
        }
    }
}

fn dimension_options(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<DimensionOption> {
    if dimension.role.holds_countries() {
        return vec![DimensionOption::none()];
    }
    if let Some(option) = worded_group(dimension, claim, sentence_words) {
        return vec![option];
    }
    let named = named_values(dimension, claim, sentence_words);
    if !named.is_empty() {
        let mut options = vec![named_option(claim, dimension, &named)];
        if let Some(default) = dimension.default_reading() {
            let mut usual = reading_option(dimension, default, 3.0, true);
            usual.strains = true;
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

/// The hits of a vocabulary that are about this claim.
fn owned_hits(
    vocabulary: &catalog::Vocabulary,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<catalog::words::Hit> {
    vocabulary
        .find_in(&claim.sentence, &sentence_words.words)
        .into_iter()
        .filter(|h| claim.owns(&h.span))
        .collect()
}

/// A group or reading whose own words appear ("EU citizens", "all routes").
fn worded_group(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Option<DimensionOption> {
    let (group, hit) = dimension
        .groups
        .iter()
        .chain(&dimension.readings)
        .find_map(|g| {
            Some((
                g,
                owned_hits(&g.words, claim, sentence_words)
                    .into_iter()
                    .next()?,
            ))
        })?;
    let words = claim.sentence[hit.span.clone()].to_string();
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
            evidence: Some(hit.span.clone()),
        }),
        cost: 0.0,
        strains: false,
        note: None,
        describe: Some(group.label.clone()),
    })
}

/// The values of a dimension the claim's words name, with the words.
fn named_values<'d>(
    dimension: &'d Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<(&'d catalog::Value, catalog::words::Hit)> {
    let named: Vec<(&catalog::Value, catalog::words::Hit)> = dimension
        .values
        .iter()
        .filter_map(|v| {
            Some((
                v,
                owned_hits(&v.words, claim, sentence_words)
                    .into_iter()
                    .next()?,
            ))
        })
        .collect();
    // "not asylum seekers" names one value; the "asylum seekers" inside it does not name
    // another.
    let inside = |h: &catalog::words::Hit, other: &catalog::words::Hit| {
        other.span.start <= h.span.start && h.span.end <= other.span.end && other.span != h.span
    };
    named
        .iter()
        .filter(|(_, h)| !named.iter().any(|(_, o)| inside(h, o)))
        .cloned()
        .collect()
}

fn named_option(
    claim: &Claim,
    dimension: &Dimension,
    named: &[(&catalog::Value, catalog::words::Hit)],
) -> DimensionOption {
    let names: Vec<String> = named.iter().map(|(v, _)| v.name.clone()).collect();
    let words: Vec<&str> = named
        .iter()
        .map(|(_, h)| &claim.sentence[h.span.clone()])
        .collect();
    let first = named.iter().map(|(_, h)| h.span.start).min().unwrap_or(0);
    let last = named.iter().map(|(_, h)| h.span.end).max().unwrap_or(0);
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
            evidence: Some(first..last),
        }),
        cost: 0.0,
        strains: false,
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
        evidence: None,
    });
    DimensionOption {
        filter,
        cost,
        strains: false,
        note: (!usual).then(|| format!("a less usual reading: {}", reading.label)),
        describe: Some(reading.label.clone()),
    }
}

/// Age words of the sentence, as bands, matched to the dimension's age values.
fn age_values(dimension: &Dimension, claim: &Claim) -> Option<DimensionOption> {
    let (min, max, span) = age_bands(claim).into_iter().next()?;
    let values: Vec<String> = dimension
        .values
        .iter()
        .filter(|v| !v.unknown)
        .filter_map(|v| {
            let (lo, hi) = v.age?;
            let inside =
                lo >= min.saturating_sub(1) && hi.unwrap_or(u32::MAX) <= max.saturating_add(1);
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
            why: Why::Age(claim.sentence[span.clone()].to_string()),
            part: false,
            evidence: Some(span),
        }),
        cost: 0.0,
        strains: false,
        note: None,
        describe: Some(format!("aged {}", values.join(", "))),
    })
}

const CHILDREN: [&str; 6] = ["children", "child", "minors", "under-18s", "boys", "girls"];
const ADULTS: [&str; 4] = ["adults", "adult", "grown-ups", "aged 18 and over"];

/// Age bands the claim's words give, as `(min, max, span)`, nearest first.
fn age_bands(claim: &Claim) -> Vec<(u32, u32, std::ops::Range<usize>)> {
    let lower = claim.sentence.to_lowercase();
    let mut bands: Vec<(u32, u32, std::ops::Range<usize>)> = claim
        .ages
        .iter()
        .map(|a| {
            (
                a.min.unwrap_or(0),
                a.max.unwrap_or(u32::MAX),
                a.span.clone(),
            )
        })
        .collect();
    let words: [(&[&str], u32, u32); 2] = [(&CHILDREN, 0, 17), (&ADULTS, 18, u32::MAX)];
    for (list, min, max) in words {
        for word in list {
            for (at, _) in lower.match_indices(word) {
                let end = at + word.len();
                let bounded = |i: usize| {
                    lower[i..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
                };
                let starts = at == 0
                    || !lower[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                if starts && bounded(end) {
                    bands.push((min, max, at..end));
                }
            }
        }
    }
    bands.retain(|(_, _, span)| claim.owns(span));
    bands.sort_by_key(|(_, _, span)| gap(span, &claim.span));
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
        strained: draft.strained,
    })
}

/// For a share, the filters whose words stand outside the phrase that names the whole
/// ("95 per cent [of Albanian arrivals] were men") pick out the part; the rest bound the
/// whole. Returns false when nothing picks out a part.
fn mark_parts(claim: &Claim, filters: &mut [Filter]) -> bool {
    let whole = whole_phrase(claim);
    for filter in filters.iter_mut() {
        filter.part = filter
            .evidence
            .as_ref()
            .is_some_and(|e| !(whole.contains(&e.start) && e.end <= whole.end));
    }
    filters.iter().any(|f| f.part)
}

const PREDICATES: [&str; 18] = [
    " were ",
    " was ",
    " are ",
    " is ",
    " being ",
    " had ",
    " have ",
    " came ",
    ",",
    ";",
    " made ",
    " make ",
    " constituted ",
    " comprised ",
    " represented ",
    " accounted ",
    " arrived ",
    " – ",
];

/// The phrase that names the whole of a share: "of ..." right after the quantity, or an
/// "of ..." that leads up to it ("of 8,500 arrivals, 87% were men"), or else the words from
/// the quantity to the next verb.
fn whole_phrase(claim: &Claim) -> std::ops::Range<usize> {
    let text = &claim.sentence;
    let start = claim.span.end;
    let rest = &text[start..];
    let to_predicate = |from: usize| {
        let rest = &text[from..];
        from + PREDICATES
            .iter()
            .filter_map(|s| rest.find(s))
            .min()
            .unwrap_or(rest.len())
    };
    let after = rest.trim_start_matches([' ', ')']);
    if after.starts_with("of ") {
        return start..to_predicate(start + (rest.len() - after.len()) + 3);
    }
    let before = &text[..claim.span.start];
    if let Some(of) = before
        .rfind(" of ")
        .or_else(|| before.starts_with("Of ").then_some(0))
    {
        let between = &before[of..];
        if !PREDICATES.iter().any(|p| *p != "," && between.contains(p)) {
            return of..claim.span.start;
        }
    }
    start..to_predicate(start)
}
