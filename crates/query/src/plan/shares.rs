//! Shares: which filters pick out the part and which bound the whole.

use extract::Claim;

use super::measure::Sentence;

use crate::{Arithmetic, Bound, Filter, Reading, Why};

/// For a share of people by sex or age, the same share among those whose sex or age is
/// recorded: a fact-checker would consider leaving the unrecorded out of the whole.
pub(super) fn known_whole(bound: &Bound<'_>, reading: &Reading) -> Option<Reading> {
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
            excluded: false,
            joined: false,
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

/// For a share whose part is a value of a dimension with a usual reading ("went
/// voluntarily" of returns), the same share of the usual whole (enforced and voluntary
/// returns), which is how a fact-checker reads "two-thirds of those returned": the reading
/// given comes first, the whole of every value after it.
pub(super) fn usual_whole(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
    reading: &Reading,
) -> Option<Reading> {
    if !matches!(reading.arithmetic, Arithmetic::Share) {
        return None;
    }
    let whole = whole_phrase(claim);
    // "28% of all returns": the whole's own words name another reading than the usual one.
    let worded_otherwise = |dimension: &catalog::Dimension| {
        dimension.readings.iter().filter(|r| !r.default).any(|r| {
            r.words
                .find_in(&claim.sentence, &sentence_words.words)
                .iter()
                .any(|h| whole.start <= h.span.start && h.span.end <= whole.end)
        })
    };
    let mut variant = reading.clone();
    let mut wholes = Vec::new();
    for part in reading.filters.iter().filter(|f| f.part) {
        let dimension = bound.dataset.dimension(&part.column)?;
        let Some(usual) = dimension.default_reading() else {
            continue;
        };
        if worded_otherwise(dimension) {
            continue;
        }
        let Some(values) = &usual.values else {
            continue;
        };
        let labels: Vec<String> = dimension
            .labels_of(values)
            .into_iter()
            .map(String::from)
            .collect();
        let inside = part.values.iter().all(|v| labels.contains(v));
        let bounded = reading
            .filters
            .iter()
            .any(|f| !f.part && f.column == part.column);
        if !inside || bounded || labels.len() <= part.values.len() {
            continue;
        }
        variant.filters.push(Filter {
            column: part.column.clone(),
            values: labels,
            why: Why::Default(usual.label.clone()),
            part: false,
            evidence: None,
            excluded: false,
            joined: false,
        });
        wholes.push(usual.label.clone());
    }
    if wholes.is_empty() {
        return None;
    }
    variant.score += 1.0;
    variant.description = format!("{}, of {}", reading.description, wholes.join(" and "));
    variant.notes.push(format!(
        "the whole is the usual count: {}",
        wholes.join(" and ")
    ));
    Some(variant)
}

/// For a share, the filters whose words stand outside the phrase that names the whole
/// ("95 per cent [of Albanian arrivals] were men") pick out the part; the rest bound the
/// whole. Returns false when nothing picks out a part.
pub(super) fn mark_parts(claim: &Claim, filters: &mut [Filter]) -> bool {
    let whole = whole_phrase(claim);
    let whole_words = claim
        .sentence
        .get(whole.clone())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let pronoun = whole.start > claim.span.start
        && ["of them", "of those", "of these", "of whom"].contains(&whole_words.as_str());
    for filter in filters.iter_mut() {
        // "Enforced returns of offenders made up 61% of all enforced returns": words the
        // whole repeats bound the whole, and pick out no part.
        let repeated = matches!(&filter.why, crate::Why::Words(w)
            if crate::plan::contains_words(&whole_words, &w.to_ascii_lowercase()));
        // Words leaned on from the sentence before say who "those" are: the whole; so do the
        // words before a share of "them" in the same sentence.
        let antecedent = |e: &std::ops::Range<usize>| pronoun && e.end <= claim.span.start;
        filter.part = !repeated
            && filter.evidence.as_ref().is_some_and(|e| {
                e.start >= claim.prefix
                    && !antecedent(e)
                    && !(whole.contains(&e.start) && e.end <= whole.end)
            });
    }
    filters.iter().any(|f| f.part)
}

/// "More than 4,000 children crossed the Channel last year, one in seven of all arrivals": a
/// filter that keeps just the dimension's usual count (small-boat arrivals) frames the whole
/// as well as the part, unless the whole's own words name another reading of it ("of all
/// irregular arrivals"). Returns whether any part is left.
pub(super) fn unmark_usual_counts(
    bound: &crate::Bound<'_>,
    claim: &Claim,
    filters: &mut [Filter],
) -> bool {
    let whole = whole_phrase(claim);
    let whole_words = claim.sentence.get(whole).unwrap_or_default();
    let words = catalog::words::words(whole_words);
    for filter in filters.iter_mut().filter(|f| f.part && !f.excluded) {
        let Some(dimension) = bound
            .dataset
            .dimensions
            .iter()
            .find(|d| d.column == filter.column)
        else {
            continue;
        };
        let Some(usual) = dimension.default_reading() else {
            continue;
        };
        let usual_labels = usual
            .values
            .as_ref()
            .map(|v| dimension.labels_of(v))
            .unwrap_or_default();
        let mut values: Vec<&str> = filter.values.iter().map(String::as_str).collect();
        let mut usual_labels = usual_labels;
        values.sort_unstable();
        usual_labels.sort_unstable();
        let whole_names_another = dimension
            .readings
            .iter()
            .chain(&dimension.groups)
            .any(|g| !g.words.find_in(whole_words, &words).is_empty());
        if values == usual_labels && !whole_names_another {
            filter.part = false;
        }
    }
    filters.iter().any(|f| f.part)
}

pub(super) const PREDICATES: [&str; 26] = [
    " claimed ",
    " left ",
    " departed ",
    " chose ",
    " opted ",
    " went ",
    " applied ",
    " sought ",
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
pub(super) fn whole_phrase(claim: &Claim) -> std::ops::Range<usize> {
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
    // "One in seven of them children": the whole is "them", the people just counted, and
    // what follows is the part.
    let lower_after = after.to_ascii_lowercase();
    // But "of those entering detention", "of those who crossed" name the whole in full.
    let named_after = |p: &str| {
        let next = lower_after[p.len()..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        lower_after[p.len()..].starts_with(' ')
            && (next.ends_with("ing")
                || (next.ends_with("ed") && next.len() > 4)
                || [
                    "who", "that", "which", "in", "at", "from", "on", "aged", "held", "sent",
                ]
                .contains(&next))
    };
    if let Some(pronoun) = ["of them", "of those", "of these", "of whom"]
        .iter()
        .find(|p| lower_after.starts_with(*p) && !named_after(p))
    {
        let from = start + (rest.len() - after.len());
        return from..from + pronoun.len();
    }
    if after.starts_with("of ") {
        return start..to_predicate(start + (rest.len() - after.len()) + 3);
    }
    let before = &text[..claim.span.start];
    // "Most Albanian applicants in 2022 (83%) were adult men": a share in brackets after the
    // words naming the whole, from the sentence's start, and the part after the verb.
    if before.trim_end().ends_with('(') && rest.trim_start().starts_with(')') {
        let open = before.trim_end().len() - 1;
        let from = before[..open].rfind(" of ").map_or(0, |of| of + 1);
        let between = &before[from..open];
        if !PREDICATES.iter().any(|p| *p != "," && between.contains(p)) {
            return from..open;
        }
    }
    // "Of those, 95 per cent": also after words leaned on from the sentence before.
    let lower_before = before.to_ascii_lowercase();
    if let Some(of) = lower_before
        .rfind(" of ")
        .map(|of| {
            of + usize::from(lower_before[of + 1..].starts_with("of ") && of + 1 == claim.prefix)
        })
        .or_else(|| lower_before.starts_with("of ").then_some(0))
    {
        let between = &before[of..];
        if !PREDICATES.iter().any(|p| *p != "," && between.contains(p)) {
            return of..claim.span.start;
        }
    }
    start..to_predicate(start)
}
