//! Enumerating and ranking the readings of a claim.
//!
//! Each dataset whose measure words appear in the sentence is a candidate. Its dimensions
//! are filled from the claim: countries from the entities (in the role the text gives, or a
//! neighbouring role at a cost), categories from the catalog's words, ages from the age
//! bands, and, where the text says nothing, the dimension's usual reading and its
//! alternatives. Every choice made without words costs a little, every word of the sentence
//! a reading leaves aside costs more; the readings are ranked by what is left.

use extract::Claim;

use crate::window::Window;
use crate::{Arithmetic, Bound, Filter, Index, Reading};

mod countries;
mod dimensions;
mod measure;
mod periods;
mod shares;

use countries::countries;
use dimensions::dimension_options;
use measure::{
    Sentence, best_is_unrecorded, matches_measure, measure_fit, named_in_whole, other_groups,
    other_populations, owned_unrecorded, part_table, records_unrecorded, series_begun, unrecorded,
};
use periods::arithmetic;
pub(crate) use periods::other_years;
use shares::{known_whole, mark_parts, usual_whole};

/// The readings of a claim, most natural first, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub readings: Vec<Reading>,
    /// Why the claim cannot be checked, when it cannot: then there are no readings, or only
    /// readings given for context ("the data cannot isolate returns of small-boat
    /// arrivals; all returns were ...").
    pub unmatched: Option<String>,
    /// For a share whose part no table records, the whole it is a share of, where a table
    /// counts it: "2% of all small boat arrivals" cannot be checked, but the arrivals can be
    /// counted, for context.
    pub whole: Option<Reading>,
}

/// How many readings of a claim are kept.
const KEEP: usize = 8;

/// Plans the readings of `claim`.
pub fn plan(claim: &Claim, index: &Index<'_>) -> Plan {
    let none = |why: &str| Plan {
        readings: Vec::new(),
        unmatched: Some(why.to_string()),
        whole: None,
    };
    let unblocked = Sentence::new(claim, index);
    let measured_unblocked: Vec<&Bound<'_>> = index
        .bound
        .iter()
        .filter(|b| matches_measure(b, claim, &unblocked))
        .collect();
    // A table that records, as a value of its own, what another does not stands in for it
    // ("unaccompanied"), and those words are not blocked.
    let recorders: Vec<&Bound<'_>> = measured_unblocked
        .iter()
        .copied()
        .filter(|b| records_unrecorded(b, &measured_unblocked, claim, &unblocked))
        .collect();
    let sentence_words = if recorders.is_empty() {
        // Only a table this claim's own words name says what it does not record: in
        // "45,000 crossed the Channel, and returns rose", the crossing is not a return's.
        let named = measured_unblocked.iter().copied().filter(|b| {
            unblocked
                .hits(&b.dataset.measure.words, claim)
                .iter()
                .any(|h| claim.owns(&h.span))
        });
        let unrecorded_phrases = owned_unrecorded(named, claim, &unblocked);
        let mut words = unblocked;
        words.blocked.extend(unrecorded_phrases);
        words
    } else {
        unblocked
    };
    let mut measured: Vec<&Bound<'_>> = index
        .bound
        .iter()
        .filter(|b| matches_measure(b, claim, &sentence_words))
        .collect();
    // "The highest since figures began to be collected in 2018": with no measure named, the
    // tables whose figures begin then.
    let mut begun_note = None;
    if measured.is_empty() {
        measured = series_begun(claim, index);
        begun_note = measured.first().map(|_| {
            "what is counted is read from when the sentence says the figures began".to_string()
        });
    }
    if measured.is_empty() {
        // The nearest sentence before that says what is counted, then the headline.
        let before = [
            "the sentence before",
            "the sentence two before",
            "the sentence three before",
        ];
        let leans = claim
            .context
            .iter()
            .zip(before)
            .chain(claim.headline.iter().map(|h| (h, "the headline")));
        for (words, from) in leans {
            let mut under = claim.prefixed(words);
            // Leaning on a sentence before, the headline still says whose figures they are
            // ("Foreign criminals deported": "the figure for Albanians was 1,467"), but only a
            // sentence that itself names what is counted is leaned on.
            if from != "the headline" {
                let words = Sentence::new(&under, index);
                if !index
                    .bound
                    .iter()
                    .any(|b| matches_measure(b, &under, &words))
                {
                    continue;
                }
                under.headline = claim.headline.clone();
            }
            let mut leaning = plan(&under, index);
            for reading in &mut leaning.readings {
                reading
                    .notes
                    .push(format!("what is counted is read from {from}"));
            }
            if leaning.unmatched.is_none() {
                return leaning;
            }
        }
        // "Have avoided deportation", "were released from detention": words a table says
        // it does not record, around its own measure word, say why.
        if let Some(reason) = index
            .bound
            .iter()
            .find_map(|b| unrecorded(b, claim, &sentence_words))
        {
            return none(&reason);
        }
        return none("no table in the catalog counts what this sentence talks about");
    }
    if let Some(plan) = population_from_headline(claim, index, &measured) {
        return plan;
    }
    let unrecorded_here = |b: &&Bound<'_>| unrecorded(b, claim, &sentence_words).is_some();
    let recorders: Vec<&Bound<'_>> = recorders
        .into_iter()
        .filter(|b| !unrecorded_here(b))
        .collect();
    let (unrecordable, candidates) = if recorders.is_empty() {
        let unrecordable = best_is_unrecorded(&measured, claim, &sentence_words);
        let candidates: Vec<&Bound<'_>> = match &unrecordable {
            Some(_) => measured.iter().copied().filter(unrecorded_here).collect(),
            None => measured
                .iter()
                .copied()
                .filter(|b| !unrecorded_here(b))
                .collect(),
        };
        (unrecordable, candidates)
    } else {
        (None, recorders)
    };
    if candidates.is_empty() {
        let reason = unrecorded(measured[0], claim, &sentence_words).unwrap_or_default();
        return none(&reason);
    }
    // A share counts what its whole names, when the whole names a table.
    let share = countries::is_share(claim);
    let whole_tables: Vec<&Bound<'_>> = if share {
        candidates
            .iter()
            .copied()
            .filter(|b| named_in_whole(b, claim, &sentence_words))
            .collect()
    } else {
        Vec::new()
    };
    let candidates = if whole_tables.is_empty() {
        candidates
    } else {
        whole_tables
    };
    let Some(period) = &claim.period else {
        return match &claim.unresolved {
            Some(what) => none(&format!("the period (\"{what}\") could not be dated")),
            None => none("the sentence gives no period to check against"),
        };
    };
    if let Some(reason) = too_short(&period.period) {
        return none(&reason);
    }
    let mut readings: Vec<Reading> = Vec::new();
    let rolling = rolling(period);
    for (rank, bound) in candidates.iter().enumerate() {
        let (period, latest) = latest_published(claim, period, bound);
        let (period, trimmed) = trim_to_data(&period, bound, rolling);
        let trimmed = latest.or(trimmed);
        let Some(window) = Window::new(&period) else {
            return none("the period ends before it starts");
        };
        let home = index.catalog.spatial.as_deref();
        let Some((arithmetic, window)) = arithmetic(claim, &window, bound, home) else {
            if matches!(claim.assertion, extract::Assertion::Ranking { .. })
                || claim.top_countries.is_some()
            {
                continue;
            }
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
            reading.notes.extend(begun_note.clone());
        }
        readings.extend(found);
    }
    let whole = unrecordable.as_ref().filter(|_| share).and_then(|_| {
        let table = measured
            .iter()
            .copied()
            .find(|b| !unrecorded_here(b) && named_in_whole(b, claim, &sentence_words))?;
        whole_of_share(claim, period, table, &sentence_words, index)
    });
    if readings.is_empty() {
        if let Some(reason) = &unrecordable {
            return Plan {
                whole,
                ..none(reason)
            };
        }
        if let Some(union) = dimensions::union_of_groups(claim) {
            return none(&format!(
                "\"{}\" joins people of one sex with people of one age, and no table here records both",
                union.words
            ));
        }
        return match claim.assertion {
            extract::Assertion::Ranking { .. } => none("no table ranks the countries named"),
            _ if claim.top_countries.is_some() => {
                none("no table records the countries these people come from")
            }
            _ => none("the share's whole and part could not be told apart"),
        };
    }
    readings.sort_by(|a, b| b.score.total_cmp(&a.score));
    dedup_same_rows(&mut readings);
    readings.truncate(KEEP);
    if let Some(reason) = &unrecordable {
        for reading in &mut readings {
            reading.notes.push(format!("context only: {reason}"));
        }
    }
    Plan {
        readings,
        unmatched: unrecordable,
        whole,
    }
}

/// "We have removed 1,100 this year", under the headline "Foreign criminals deported": a
/// count that names nothing it counts, in a sentence that names no narrower population, is
/// of the population the headline names, when a table the sentence's measure words match
/// counts it. `None` leaves the claim to its own words.
fn population_from_headline(
    claim: &Claim,
    index: &Index<'_>,
    measured: &[&Bound<'_>],
) -> Option<Plan> {
    let headline = claim.headline.as_deref()?;
    let narrower = |b: &Bound<'_>| !b.dataset.measure.population.is_empty();
    if measured.is_empty() || measured.iter().any(|b| narrower(b)) || !counts_nothing_named(claim) {
        return None;
    }
    // Cheaply first: does the headline name anyone's narrower population at all?
    let headline_words = catalog::words::words(headline);
    let names_population = index.bound.iter().any(|b| {
        narrower(b)
            && !b
                .dataset
                .measure
                .population
                .find_in(headline, &headline_words)
                .is_empty()
    });
    if !names_population {
        return None;
    }
    let own = Sentence::new(claim, index);
    let under = claim.prefixed(headline);
    let words = Sentence::new(&under, index);
    // The sentence's own words name what the narrower table counts ("removed"); the
    // headline names whom.
    let named = index.bound.iter().any(|b| {
        narrower(b)
            && !own.hits(&b.dataset.measure.words, claim).is_empty()
            && matches_measure(b, &under, &words)
    });
    if !named {
        return None;
    }
    let mut leaning = plan(&under, index);
    if leaning.unmatched.is_some() || leaning.readings.is_empty() {
        return None;
    }
    for reading in &mut leaning.readings {
        reading
            .notes
            .push("who is counted is read from the headline".to_string());
    }
    Some(leaning)
}

/// Words right after a number that do not name what it counts: "1,100 this year", "1,100
/// were removed", "removed 1,100." (A noun after the number names it: "1,100 people".)
const NOT_A_NOUN: [&str; 40] = [
    "of",
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "by",
    "with",
    "the",
    "a",
    "an",
    "and",
    "or",
    "who",
    "which",
    "that",
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "this",
    "last",
    "so",
    "since",
    "during",
    "over",
    "under",
    "between",
    "until",
    "each",
    "every",
    "per",
    "now",
    "already",
    "altogether",
    "overall",
];

/// True for a count followed by no noun of its own: "removed 1,100 this year".
pub(super) fn counts_nothing_named(claim: &Claim) -> bool {
    let Some(q) = claim.quantity() else {
        return false;
    };
    if q.kind != quantity::Kind::Count {
        return false;
    }
    let after = claim.sentence.get(claim.span.end..).unwrap_or_default();
    let Some(word) = after.split_whitespace().next() else {
        return true;
    };
    // A comma, full stop or quotation mark right after the number ends the phrase there.
    if !word.starts_with(|c: char| c.is_alphanumeric()) {
        return true;
    }
    let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    bare.len() < word.len() || NOT_A_NOUN.contains(&bare.to_ascii_lowercase().as_str())
}

/// The whole of a share, counted in `bound`: the claim's most natural count there. `None`
/// when words of the part pick rows of this table too.
fn whole_of_share(
    claim: &Claim,
    period: &extract::ClaimPeriod,
    bound: &Bound<'_>,
    sentence_words: &Sentence,
    index: &Index<'_>,
) -> Option<Reading> {
    let rolling = rolling(period);
    let (period, _) = latest_published(claim, period, bound);
    let (period, _) = trim_to_data(&period, bound, rolling);
    let window = Window::new(&period)?;
    let whole = readings_of(
        bound,
        claim,
        sentence_words,
        index,
        &window,
        &Arithmetic::Sum,
        0,
    )
    .into_iter()
    .max_by(|a, b| a.score.total_cmp(&b.score))?;
    // Words of the part that the whole repeats ("3,000 small boat arrivals were returned,
    // 2.6% of all small boat arrivals") pick the whole's rows too.
    let lower = claim.sentence.to_ascii_lowercase();
    let whole_words = lower.get(shares::whole_phrase(claim)).unwrap_or_default();
    let picks_part = |f: &Filter| {
        f.evidence.as_ref().is_some_and(|e| {
            measure::names_the_part(claim, e)
                && lower
                    .get(e.clone())
                    .is_none_or(|w| !whole_words.contains(w))
        })
    };
    (!whole.filters.iter().any(picks_part)).then_some(whole)
}

/// Periods shorter than this many days are not read from quarterly tables: a day-weighted
/// share of a quarter says nothing about one day or week.
const SHORTEST_DAYS: i64 = 28;

/// Why a period is too short to read from quarters, if it is: "on Monday", "last week".
fn too_short(period: &temporal::Period) -> Option<String> {
    let days = period.days() + 1;
    (days < SHORTEST_DAYS).then(|| {
        let span = if days == 1 {
            "one day".to_string()
        } else {
            format!("{days} days")
        };
        format!(
            "the tables count by quarter, and cannot show {span} ({})",
            period.derivation
        )
    })
}

/// Drops a reading that keeps the same rows of the same table with the same arithmetic as a
/// more natural one: a value named in the text ("small boats") and a table's default reading
/// of the same value are one reading, not two.
fn dedup_same_rows(readings: &mut Vec<Reading>) {
    let key = |r: &Reading| {
        let mut filters: Vec<(String, Vec<String>, bool)> = r
            .filters
            .iter()
            .map(|f| {
                let mut values = f.values.clone();
                values.sort();
                (f.column.clone(), values, f.part)
            })
            .collect();
        filters.sort();
        (r.dataset.clone(), filters)
    };
    let mut seen = Vec::with_capacity(readings.len());
    readings.retain(|r| {
        let k = (key(r), r.window.clone(), r.arithmetic.clone());
        let new = !seen.contains(&k);
        if new {
            seen.push(k);
        }
        new
    });
}

/// True when `words` occur in `text` as whole words (both lower case).
pub(crate) fn contains_words(text: &str, words: &str) -> bool {
    let bytes = text.as_bytes();
    !words.is_empty()
        && text.match_indices(words).any(|(i, _)| {
            let end = i + words.len();
            (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && (end == bytes.len() || !bytes[end].is_ascii_alphanumeric())
        })
}

/// Bytes between two spans, either way round.
fn gap(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// "In the last 12 months", "over the past six months": a stretch of fixed length running up
/// to the day said (not "since ..." or the year so far), which keeps its length when it is
/// moved back to the end of the data.
fn rolling(period: &extract::ClaimPeriod) -> bool {
    let p = &period.period;
    let from_new_year = p.start.earliest.month() == 1 && p.start.earliest.day() == 1;
    p.open && period.cue != Some(temporal::Cue::Since) && !from_new_year
}

/// An open period ("since 2018") said soon after the data end is taken to the end of the
/// data: the speaker can only have meant the figures published then. A `rolling` one keeps
/// its length.
fn trim_to_data(
    period: &temporal::Period,
    bound: &Bound<'_>,
    rolling: bool,
) -> (temporal::Period, Option<String>) {
    let Some((_, last)) = bound.coverage else {
        return (period.clone(), None);
    };
    let Some((_, data_end)) = crate::window::quarter_days(last) else {
        return (period.clone(), None);
    };
    let end = period.end.earliest;
    let soon_after = end > data_end && crate::window::days_between(data_end, end) <= 92;
    // A period that begins after the data end is beyond them, not to be cut to nothing.
    if !period.open || !soon_after || period.start.latest > data_end {
        return (period.clone(), None);
    }
    let (start, note) = if rolling {
        // The same number of whole months, ending with the data: "the last 12 months", said
        // in March 2024, are 2023 when the data end in December.
        let months =
            (crate::window::days_between(period.start.latest, end) as f64 / 30.4375).round();
        let new_start = data_end
            .tomorrow()
            .ok()
            .and_then(|d| d.checked_sub(jiff::Span::new().months(months as i64)).ok())
            .unwrap_or(period.start.latest);
        let back =
            jiff::Span::new().days(crate::window::days_between(new_start, period.start.latest));
        let moved = |d: jiff::civil::Date| d.checked_sub(back).unwrap_or(d);
        let start = temporal::Day {
            earliest: moved(period.start.earliest),
            latest: moved(period.start.latest),
        };
        let note = format!(
            "the data end on {data_end}, so the stretch is taken as the same length up to then"
        );
        (start, note)
    } else {
        let note = format!("the data end on {data_end}, so the open period is taken to then");
        (period.start, note)
    };
    let trimmed = temporal::Period {
        start,
        end: temporal::Day::exact(data_end),
        ..period.clone()
    };
    (trimmed, Some(note))
}

/// For a table that comes out in regular releases, the figures a claim can have used. A
/// claim that states no period speaks of the latest figures: the last calendar year if its
/// figures were out when the claim was made, or else the latest twelve months then published
/// (in January 2023, the year to September 2022). "So far this year" runs to the end of the
/// latest quarter then published (in November 2021, to September).
fn latest_published(
    claim: &Claim,
    period: &extract::ClaimPeriod,
    bound: &Bound<'_>,
) -> (temporal::Period, Option<String>) {
    let unchanged = (period.period.clone(), None);
    if let Some(within) = bound.dataset.published_daily_within_days {
        return published_daily(claim, period, within).unwrap_or(unchanged);
    }
    let Some(lag) = bound.dataset.published_after_days else {
        return unchanged;
    };
    let out_by = |quarter_end: jiff::civil::Date| {
        quarter_end
            .checked_add(jiff::Span::new().days(i64::from(lag)))
            .is_ok_and(|d| d <= claim.reference)
    };
    if period.via != extract::Via::Assumed {
        return year_to_date(claim, period, &out_by)
            .or_else(|| published_nearly_all(claim, period, &out_by))
            .unwrap_or(unchanged);
    }
    let year_end = period.period.end.latest;
    if out_by(year_end) {
        return unchanged;
    }
    let Some(year_last) = crate::window::quarter_of(year_end) else {
        return unchanged;
    };
    // The year's last quarter is not out: the latest that is, looking back a year at most.
    let before = store::Quarter::from_index(year_last.index() - 1);
    let Some(last) = latest_out(before, 4, out_by) else {
        return unchanged;
    };
    let Some(first) = last
        .checked_sub(jiff::Span::new().years(1))
        .ok()
        .and_then(|d| d.tomorrow().ok())
    else {
        return unchanged;
    };
    let latest = temporal::Period {
        start: temporal::Day::exact(first),
        end: temporal::Day::exact(last),
        open: false,
        derivation: format!(
            "no period is stated, and the figures for {} were not yet out on {}, so the latest year of figures then published: the 12 months to {last}",
            year_end.year(),
            claim.reference
        ),
    };
    let note = format!(
        "the figures for {} came out after the claim, so it is read against the 12 months to {last}",
        year_end.year()
    );
    (latest, Some(note))
}

/// The fewest quarters of the year that make the year so far the latest figures of a table
/// published daily: with one quarter in, people still quote the last full year.
const YEAR_SO_FAR_QUARTERS: i32 = 2;

/// For a table whose running total is published every day (small-boat arrivals). A claim
/// that states no period speaks of the figures as they stand: the year so far, in the whole
/// quarters the table holds, once half the year is in; before that, the last calendar year
/// (the period as assumed). A period that runs to the day the claim was made ("so far this
/// year", "since 2018") rests on the running total of that day or one of the `within` days
/// before, which is how far behind the daily figures run: its end is any of those days.
/// `None` leaves the period as it is.
fn published_daily(
    claim: &Claim,
    period: &extract::ClaimPeriod,
    within: u32,
) -> Option<(temporal::Period, Option<String>)> {
    let p = &period.period;
    let reference = claim.reference;
    if period.via == extract::Via::Assumed {
        // A forecast's assumed period is the year it was made in, still to come.
        if p.end.latest >= reference {
            return None;
        }
        let year = reference.year();
        let first = jiff::civil::Date::new(year, 1, 1).ok()?;
        let ended = (1..=4)
            .filter_map(|q| store::Quarter::new(i32::from(year), q))
            .filter_map(crate::window::quarter_days)
            .map(|(_, end)| end)
            .filter(|end| *end < reference)
            .collect::<Vec<_>>();
        if (ended.len() as i32) < YEAR_SO_FAR_QUARTERS {
            return None;
        }
        let last = *ended.last()?;
        let so_far = temporal::Period {
            start: temporal::Day::exact(first),
            end: temporal::Day::exact(last),
            open: false,
            derivation: format!(
                "no period is stated, so the latest figures on {reference}: {year} so far, to the end of its latest whole quarter ({last})"
            ),
        };
        let note = format!(
            "no period is stated: the figures as they stood when it was said, {year} to {last}"
        );
        return Some((so_far, Some(note)));
    }
    let to_date = p.open && p.end.earliest == reference && p.end.latest == reference;
    if !to_date || within == 0 {
        return None;
    }
    let earliest = reference
        .checked_sub(jiff::Span::new().days(i64::from(within)))
        .ok()?
        .max(p.start.latest);
    let fuzzy = temporal::Period {
        end: temporal::Day {
            earliest,
            latest: reference,
        },
        derivation: format!(
            "{}, by the daily figures, which run up to {within} days behind",
            p.derivation
        ),
        ..p.clone()
    };
    Some((fuzzy, None))
}

/// "So far this year", up to the end of the latest quarter published by the reference date;
/// `None` when the period is not the year so far, no quarter of it is out, or the speakers
/// count what they did themselves ("we have removed 1,100 this year").
fn year_to_date(
    claim: &Claim,
    period: &extract::ClaimPeriod,
    out_by: &impl Fn(jiff::civil::Date) -> bool,
) -> Option<(temporal::Period, Option<String>)> {
    let p = &period.period;
    let year = claim.reference.year();
    let so_far = p.open
        && p.start.earliest == jiff::civil::Date::new(year, 1, 1).ok()?
        && p.end.earliest >= claim.reference;
    // Speakers telling of what they did count from their own records, up to the day.
    if !so_far || claim.own_figures {
        return None;
    }
    let last = latest_out(store::Quarter::new(i32::from(year), 3)?, 3, out_by)?;
    let note = format!(
        "the figures published by {} ran to {last}, so \"{}\" is read to then",
        claim.reference, period.text
    );
    Some((as_far_as_published(p, last), Some(note)))
}

/// `period`, read to `last`, the end of the figures published when the claim was made.
fn as_far_as_published(period: &temporal::Period, last: jiff::civil::Date) -> temporal::Period {
    temporal::Period {
        end: temporal::Day::exact(last),
        open: false,
        derivation: format!(
            "{}, as far as the figures then published ran ({last})",
            period.derivation
        ),
        ..period.clone()
    }
}

/// The share of a running period that the figures published by then may leave out and still
/// stand for all of it.
const UNPUBLISHED_TAIL: f64 = 0.1;

/// "Only 408 have been returned since 2020", said in December 2023: a running total over a
/// long period, whose figures then published covered all but its last weeks (to September
/// 2023, under a tenth of it), is quoted from those figures, and is read to their end.
/// `None` when the period does not run to the day said, the speakers count what they did
/// themselves, or the published figures leave out more.
fn published_nearly_all(
    claim: &Claim,
    period: &extract::ClaimPeriod,
    out_by: &impl Fn(jiff::civil::Date) -> bool,
) -> Option<(temporal::Period, Option<String>)> {
    let p = &period.period;
    let to_date = p.open && p.end.earliest >= claim.reference;
    if !to_date || claim.own_figures {
        return None;
    }
    let now = crate::window::quarter_of(claim.reference)?;
    let last = latest_out(now, 4, out_by)?;
    let whole = crate::window::days_between(p.start.latest, claim.reference);
    let tail = crate::window::days_between(last, claim.reference);
    if last <= p.start.latest || tail as f64 > UNPUBLISHED_TAIL * whole as f64 {
        return None;
    }
    let note = format!(
        "the figures published by {} ran to {last}, all but the last {tail} days of \"{}\", so it is read to then",
        claim.reference, period.text
    );
    Some((as_far_as_published(p, last), Some(note)))
}

/// The last day of the latest of `count` quarters up to `from` whose figures are out.
fn latest_out(
    from: store::Quarter,
    count: i32,
    out_by: impl Fn(jiff::civil::Date) -> bool,
) -> Option<jiff::civil::Date> {
    (0..count)
        .map(|back| store::Quarter::from_index(from.index() - back))
        .filter_map(|q| crate::window::quarter_days(q).map(|(_, end)| end))
        .find(|end| out_by(*end))
}

/// Whether the period had ended when the claim was made but its figures were still to be
/// published: its last quarter came out later than the claim, by the table's release delay.
/// (A period running up to the claim is read day by day, with bounds of its own.)
fn preliminary(bound: &Bound<'_>, claim: &Claim, window: &Window) -> bool {
    let Some(lag) = bound.dataset.published_after_days else {
        return false;
    };
    if window.period.open || window.period.end.latest >= claim.reference {
        return false;
    }
    crate::window::quarter_days(window.last).is_some_and(|(_, end)| {
        end.checked_add(jiff::Span::new().days(i64::from(lag)))
            .is_ok_and(|out| out > claim.reference)
    })
}

/// The last quarters of a table whose figures are provisional.
const PROVISIONAL_QUARTERS: i32 = 4;

/// A reading under construction: filters, score and notes so far.
#[derive(Debug, Clone)]
struct Draft {
    filters: Vec<Filter>,
    score: f64,
    /// Set when a choice goes against the text's words rather than filling a silence.
    strained: bool,
    notes: Vec<String>,
    described: Vec<String>,
    /// The descriptions of groups joined by "and" ("women and children"), any of which
    /// keeps a row.
    joined: Vec<String>,
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
        joined: Vec::new(),
        strained: false,
    };
    other_populations(bound, claim, sentence_words, index, &mut draft);
    other_groups(bound, claim, sentence_words, index, &mut draft);
    countries(bound, claim, index, &mut draft);
    let mut drafts = vec![draft];
    let union = dimensions::union_of_groups(claim);
    for dimension in &bound.dataset.dimensions {
        let mut options = dimension_options(dimension, claim, sentence_words);
        if let Some(union) = &union {
            options = dimensions::join(options, union);
        }
        drafts = drafts
            .into_iter()
            .flat_map(|d| options.iter().map(move |o| o.apply(d.clone())))
            .collect();
    }
    drafts
        .into_iter()
        // Both groups or neither: a table that records only one of them cannot count either.
        .filter(|d| union.is_none() || d.filters.iter().filter(|f| f.joined).count() == 2)
        .map(|mut d| {
            if !d.joined.is_empty() {
                let joined = d.joined.join(" or ");
                d.described.push(joined);
            }
            d
        })
        .filter_map(|d| finish(bound, claim, window, arithmetic, d, index, sentence_words))
        .flat_map(|r| {
            let usual = usual_whole(bound, claim, sentence_words, &r);
            let known = known_whole(bound, &r);
            usual.into_iter().chain(std::iter::once(r)).chain(known)
        })
        .collect()
}

fn finish(
    bound: &Bound<'_>,
    claim: &Claim,
    window: &Window,
    arithmetic: &Arithmetic,
    mut draft: Draft,
    index: &Index<'_>,
    sentence_words: &Sentence,
) -> Option<Reading> {
    let provisional = |b: &Bound<'_>| {
        b.coverage
            .is_some_and(|(_, last)| window.last.index() > last.index() - PROVISIONAL_QUARTERS)
    };
    let mut arithmetic = arithmetic.clone();
    if matches!(arithmetic, Arithmetic::Share)
        && !(mark_parts(claim, &mut draft.filters)
            && shares::unmark_usual_counts(bound, claim, &mut draft.filters))
    {
        // "16% of all people removed were foreign national offenders": the part is counted
        // in the table of that population, under the filters it can hold.
        let other = part_table(bound, claim, sentence_words, index)?;
        let filters: Vec<Filter> = draft
            .filters
            .iter()
            .filter(|f| other.table.column(&f.column).is_some())
            .cloned()
            .collect();
        let part = Reading {
            dataset: other.dataset.name.clone(),
            title: other.dataset.title.clone(),
            source: other.source.clone(),
            time_column: other.dataset.time.clone(),
            measure: other.dataset.measure.column.clone(),
            description: other.dataset.measure.counts.clone(),
            filters,
            window: window.clone(),
            arithmetic: Arithmetic::Sum,
            score: draft.score,
            notes: Vec::new(),
            strained: false,
            provisional: provisional(other),
            preliminary: false,
        };
        arithmetic = Arithmetic::ShareOf {
            part: Box::new(part),
        };
    }
    let counts = &bound.dataset.measure.counts;
    let mut description = if draft.described.is_empty() {
        counts.clone()
    } else {
        format!("{counts}: {}", draft.described.join(", "))
    };
    if let Arithmetic::ShareOf { part } = &arithmetic {
        description = format!("{} as a share of {description}", part.description);
    }
    Some(Reading {
        dataset: bound.dataset.name.clone(),
        title: bound.dataset.title.clone(),
        source: bound.source.clone(),
        time_column: bound.dataset.time.clone(),
        measure: bound.dataset.measure.column.clone(),
        description,
        filters: draft.filters,
        window: window.clone(),
        arithmetic,
        score: draft.score,
        notes: draft.notes,
        strained: draft.strained,
        provisional: provisional(bound),
        preliminary: preliminary(bound, claim, window),
    })
}
