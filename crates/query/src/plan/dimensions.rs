//! Category dimensions: values named by words or ages, or the dimension's usual reading
//! and its alternatives.

use catalog::Dimension;
use extract::Claim;
use quantity::Kind;

use super::measure::Sentence;
use super::{Draft, gap};
use crate::{Filter, Why};

/// One way to fill a dimension.
#[derive(Debug, Clone)]
pub(super) struct DimensionOption {
    filter: Option<Filter>,
    cost: f64,
    strains: bool,
    note: Option<String>,
    describe: Option<String>,
}

impl DimensionOption {
    pub(super) fn apply(&self, mut draft: Draft) -> Draft {
        draft.score -= self.cost;
        draft.strained |= self.strains;
        draft.filters.extend(self.filter.clone());
        draft.notes.extend(self.note.clone());
        if self.filter.as_ref().is_some_and(|f| f.joined) {
            draft.joined.extend(self.describe.clone());
        } else {
            draft.described.extend(self.describe.clone());
        }
        draft
    }

    pub(super) fn none() -> DimensionOption {
        DimensionOption {
            filter: None,
            cost: 0.0,
            strains: false,
            note: None,
            describe: None,
        }
    }
}

pub(super) fn dimension_options(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<DimensionOption> {
    if dimension.role.holds_countries() {
        return vec![DimensionOption::none()];
    }
    let (included, named): (Vec<_>, Vec<_>) = named_values(dimension, claim, sentence_words)
        .into_iter()
        .partition(|(_, h)| included(&claim.sentence, &h.span));
    if named.is_empty()
        && let Some((_, hit)) = included.first()
    {
        // "41,000 claimed asylum, including dependants", "8,900 were returned, including
        // those refused entry at port": what is included narrows nothing.
        return vec![DimensionOption {
            describe: Some(format!("including {}", &claim.sentence[hit.span.clone()])),
            ..DimensionOption::none()
        }];
    }
    if let Some((option, in_whole)) = worded_group(dimension, claim, sentence_words) {
        // "28% of all returns were voluntary": a group that the whole's words name, with
        // no values of its own, leaves the whole unnarrowed, and the named value is the part.
        let unnarrowed = option.filter.is_none();
        if !(in_whole && unnarrowed && !named.is_empty()) {
            return vec![option];
        }
        return vec![named_option(claim, dimension, &named)];
    }
    if !named.is_empty() {
        let mut options = vec![named_option(claim, dimension, &named)];
        // "Deported" is said loosely of returns in general; "enforced returns" is not.
        let loosely = named.iter().any(|(v, h)| {
            v.loose
                .find_in(&claim.sentence, &sentence_words.words)
                .iter()
                .any(|l| l.span == h.span)
        });
        if let Some(default) = dimension.default_reading().filter(|_| loosely) {
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
    let ages = age_values(dimension, claim);
    if !ages.is_empty() {
        return ages;
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

/// True when the words at `span` follow "including" ("including dependants", "including
/// those refused entry at port"): they are part of what is counted, not all of it.
fn included(sentence: &str, span: &std::ops::Range<usize>) -> bool {
    let before = sentence.get(..span.start).unwrap_or("").to_lowercase();
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .skip_while(|w| matches!(*w, "those" | "people" | "the" | "their" | "any" | "all"));
    words.next() == Some("including")
}

/// The hits of a vocabulary that are about this claim.
pub(super) fn owned_hits(
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

/// A group or reading whose own words appear ("EU citizens", "all routes"), and whether
/// they lie in the phrase naming a share's whole.
pub(super) fn worded_group(
    dimension: &Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Option<(DimensionOption, bool)> {
    let (group, hit) = dimension
        .groups
        .iter()
        .chain(&dimension.readings)
        .find_map(|g| {
            Some((
                g,
                owned_hits(&g.words, claim, sentence_words)
                    .into_iter()
                    .find(|h| !sentence_words.shadowed(&h.span))?,
            ))
        })?;
    let words = claim.sentence[hit.span.clone()].to_string();
    let whole = super::shares::whole_phrase(claim);
    let in_whole = super::countries::is_share(claim)
        && whole.start <= hit.span.start
        && hit.span.end <= whole.end;
    let option = DimensionOption {
        filter: group.values.as_ref().map(|values| Filter {
            column: dimension.column.clone(),
            values: labels(dimension, values),
            why: Why::Words(words.clone()),
            part: false,
            evidence: Some(hit.span.clone()),
            excluded: false,
            joined: false,
        }),
        cost: 0.0,
        strains: false,
        note: None,
        describe: Some(group.label.clone()),
    };
    Some((option, in_whole))
}

/// The values of a dimension the claim's words name, with the words.
pub(super) fn named_values<'d>(
    dimension: &'d Dimension,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<(&'d catalog::Value, catalog::words::Hit)> {
    // "Voluntary returns were the highest since 2017, while enforced returns were the
    // highest since 2019": values the claim's own clause names replace the sentence's
    // subject's.
    let first = claim
        .others
        .iter()
        .map(|o| o.start)
        .chain(std::iter::once(claim.span.start))
        .min()
        .unwrap_or(0);
    let in_subject = |h: &catalog::words::Hit| h.span.end <= first && claim.span.start > first;
    let named: Vec<(&catalog::Value, catalog::words::Hit)> = dimension
        .values
        .iter()
        .filter_map(|v| {
            let hits = owned_hits(&v.words, claim, sentence_words);
            let own = hits.iter().find(|h| !in_subject(h)).cloned();
            Some((v, own.or_else(|| hits.into_iter().next())?))
        })
        .collect();
    // "not asylum seekers" names one value; the "asylum seekers" inside it does not name
    // another.
    let inside = |h: &catalog::words::Hit, other: &catalog::words::Hit| {
        other.span.start <= h.span.start && h.span.end <= other.span.end && other.span != h.span
    };
    let named: Vec<(&catalog::Value, catalog::words::Hit)> = named
        .iter()
        .filter(|(_, h)| !named.iter().any(|(_, o)| inside(h, o)))
        .cloned()
        .collect();
    if named.iter().any(|(_, h)| !in_subject(h)) {
        named.into_iter().filter(|(_, h)| !in_subject(h)).collect()
    } else {
        named
    }
}

pub(super) fn named_option(
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
            values: labels(dimension, &names),
            why: Why::Words(words.join(", ")),
            part: false,
            evidence: Some(first..last),
            excluded: false,
            joined: false,
        }),
        cost: 0.0,
        strains: false,
        note: None,
        describe: Some(lower_words(&names.join(" or "))),
    }
}

pub(super) fn reading_option(
    dimension: &Dimension,
    reading: &catalog::Group,
    cost: f64,
    usual: bool,
) -> DimensionOption {
    let filter = reading.values.as_ref().map(|values| Filter {
        column: dimension.column.clone(),
        values: labels(dimension, values),
        why: if usual {
            Why::Default(reading.label.clone())
        } else {
            Why::Alternative(reading.label.clone())
        },
        part: false,
        evidence: None,
        excluded: false,
        joined: false,
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
///
/// "Men" and "women" in a count are read as adults first, the way a fact-checker reads
/// "10,000 men"; counting boys and girls too is offered as another reading.
pub(super) fn age_values(dimension: &Dimension, claim: &Claim) -> Vec<DimensionOption> {
    // In a share, "men" and "women" split the whole by sex, as the tables' own summaries
    // write "men" for males; in a count they are grown-ups.
    let share = claim
        .quantity()
        .is_some_and(|q| matches!(q.kind, Kind::Percent | Kind::Fraction));
    let Some(band) = age_bands(claim)
        .into_iter()
        .find(|band| !(band.implied && share))
    else {
        return Vec::new();
    };
    let bands = |keep: &dyn Fn(u32, u32) -> bool| -> Vec<(String, u32, u32)> {
        dimension
            .values
            .iter()
            .filter(|v| !v.unknown)
            .filter_map(|v| {
                let (lo, hi) = v.age?;
                let hi = hi.unwrap_or(u32::MAX);
                keep(lo, hi).then(|| (v.name.clone(), lo, hi))
            })
            .collect()
    };
    // The table's bands inside the stated range, and those it touches: where the range cuts
    // a band ("aged 18 to 30" against bands of 18 to 24 and 25 to 39), the truth lies
    // between the two, and the one nearer the stated range is read first.
    let inside =
        bands(&|lo, hi| lo >= band.min.saturating_sub(1) && hi <= band.max.saturating_add(1));
    // Touching by more than the year either way a range's ends are loosely put.
    let touching = bands(&|lo, hi| lo < band.max && hi > band.min);
    let words = claim.sentence[band.span.clone()].to_string();
    let option = |found: &[(String, u32, u32)], cost: f64, note: Option<String>| {
        let values: Vec<String> = found.iter().map(|(name, _, _)| name.clone()).collect();
        DimensionOption {
            filter: Some(Filter {
                column: dimension.column.clone(),
                values: labels(dimension, &values),
                why: Why::Age(words.clone()),
                part: false,
                evidence: Some(band.span.clone()),
                excluded: false,
                joined: false,
            }),
            cost,
            strains: false,
            note,
            describe: Some(format!("aged {}", values.join(", "))),
        }
    };
    let span_of = |found: &[(String, u32, u32)]| {
        let lo = found.iter().map(|b| b.1).min().unwrap_or(0);
        let hi = found.iter().map(|b| b.2).max().unwrap_or(0);
        (lo, hi)
    };
    let stray = |(lo, hi): (u32, u32)| {
        let max = band.max.min(120);
        lo.abs_diff(band.min) + hi.min(120).abs_diff(max)
    };
    let mut options = match (inside.is_empty(), touching.len() > inside.len()) {
        (true, false) => return Vec::new(),
        (false, false) => vec![option(&inside, 0.0, None)],
        (true, true) => vec![DimensionOption {
            strains: true,
            ..option(
                &touching,
                0.0,
                Some(format!(
                    "the table's age bands are wider than \"{words}\": read as the bands it falls in"
                )),
            )
        }],
        (false, true) => {
            let note = |which: &str| {
                Some(format!(
                    "the table's age bands do not match \"{words}\": read as the bands {which} it"
                ))
            };
            let narrow = option(&inside, 0.0, note("inside"));
            let wide = option(&touching, 0.0, note("around"));
            let other = |o: DimensionOption| DimensionOption {
                cost: 1.0,
                strains: true,
                ..o
            };
            if stray(span_of(&inside)) <= stray(span_of(&touching)) {
                vec![narrow, other(wide)]
            } else {
                vec![wide, other(narrow)]
            }
        }
    };
    if band.implied {
        options.push(DimensionOption {
            filter: None,
            cost: 2.0,
            strains: false,
            note: Some(format!(
                "reads \"{words}\" as people of all ages, boys and girls too"
            )),
            describe: Some("all ages".to_string()),
        });
    }
    options
}

/// Two groups the text joins with "and", each on its own column: "women and children" is
/// the women of every age and the children of both sexes, which filters on both columns at
/// once would narrow to girls alone.
#[derive(Debug, Clone)]
pub(super) struct Union {
    pub(super) words: String,
    /// Where each group's word is.
    pub(super) groups: [std::ops::Range<usize>; 2],
}

/// "Women and children", "children and women": a group of one sex joined to a group of one
/// age.
pub(super) fn union_of_groups(claim: &Claim) -> Option<Union> {
    const SEXED: [&str; 6] = ["women", "woman", "men", "man", "females", "males"];
    let lower = claim.sentence.to_ascii_lowercase();
    if !lower.contains(" and ") {
        return None;
    }
    for sexed in SEXED {
        for young in CHILDREN {
            for (first, second) in [(sexed, young), (young, sexed)] {
                let phrase = format!("{first} and {second}");
                let Some(at) = lower.find(&phrase) else {
                    continue;
                };
                let span = at..at + phrase.len();
                let bounded = lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && lower[span.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                if bounded && claim.owns(&span) {
                    let second_at = span.end - second.len();
                    return Some(Union {
                        words: claim.sentence[span.clone()].to_string(),
                        groups: [at..at + first.len(), second_at..span.end],
                    });
                }
            }
        }
    }
    None
}

/// Marks the filters of the joined groups in a dimension's options, so that a row is kept
/// when it is in either group.
pub(super) fn join(options: Vec<DimensionOption>, union: &Union) -> Vec<DimensionOption> {
    options
        .into_iter()
        .map(|mut option| {
            if let Some(filter) = option.filter.as_mut() {
                filter.joined = filter.evidence.as_ref().is_some_and(|e| {
                    union
                        .groups
                        .iter()
                        .any(|g| g.start < e.end && e.start < g.end)
                });
            }
            option
        })
        .collect()
}

pub(super) const CHILDREN: [&str; 6] =
    ["children", "child", "minors", "under-18s", "boys", "girls"];
pub(super) const ADULTS: [&str; 4] = ["adults", "adult", "grown-ups", "aged 18 and over"];
/// Words for people of one sex that imply, without saying, that they are grown up.
pub(super) const GROWN: [&str; 4] = ["men", "women", "man", "woman"];

/// An age band the claim's words give.
#[derive(Debug, Clone)]
pub(super) struct AgeBand {
    pub(super) min: u32,
    pub(super) max: u32,
    pub(super) span: std::ops::Range<usize>,
    /// Implied by a word such as "men" rather than stated.
    pub(super) implied: bool,
}

/// Age bands the claim's words give, nearest first; a stated band before an implied one.
pub(super) fn age_bands(claim: &Claim) -> Vec<AgeBand> {
    let lower = claim.sentence.to_ascii_lowercase();
    let mut bands: Vec<AgeBand> = claim
        .ages
        .iter()
        .map(|a| AgeBand {
            min: a.min.unwrap_or(0),
            max: a.max.unwrap_or(u32::MAX),
            span: a.span.clone(),
            implied: false,
        })
        .collect();
    let words: [(&[&str], u32, u32, bool); 3] = [
        (&CHILDREN, 0, 17, false),
        (&ADULTS, 18, u32::MAX, false),
        (&GROWN, 18, u32::MAX, true),
    ];
    for (list, min, max, implied) in words {
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
                    bands.push(AgeBand {
                        min,
                        max,
                        span: at..end,
                        implied,
                    });
                }
            }
        }
    }
    bands.retain(|band| claim.owns(&band.span));
    bands.sort_by_key(|band| (band.implied, gap(&band.span, &claim.span)));
    bands
}

/// The file labels of the named values, each value's variants together.
fn labels(dimension: &Dimension, names: &[String]) -> Vec<String> {
    dimension
        .labels_of(names)
        .into_iter()
        .map(String::from)
        .collect()
}

/// A label in lower case, but for acronyms: "Recorded detections in the UK" reads
/// "recorded detections in the UK".
fn lower_words(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            if w.len() > 1
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
