//! Which tables a sentence is about: measure words near the claim, narrower populations,
//! and what a table does not record.

use catalog::words::Word;
use extract::Claim;

use super::{Draft, gap};
use crate::{Bound, Index};

pub(super) fn matches_measure(bound: &Bound<'_>, claim: &Claim, sentence: &Sentence) -> bool {
    let measure = &bound.dataset.measure;
    // A measure word inside another table's longer phrase names that table's measure,
    // unless this table has words of its own for the longer phrase ("asylum" in
    // "not asylum seekers", a value of whether small-boat arrivals claimed asylum).
    let name = bound.dataset.name.as_str();
    let has = |v: &catalog::Vocabulary| {
        sentence
            .hits(v, claim)
            .iter()
            .any(|h| !sentence.shadowed_but_for(&h.span, Some(name)))
    };
    let owned =
        |v: &catalog::Vocabulary| sentence.hits(v, claim).iter().any(|h| claim.owns(&h.span));
    // A table whose own population the claim names ("enforced returns of foreign national
    // offenders") is about it even where its measure word lies in another table's phrase.
    if !measure.population.is_empty() && owned(&measure.population) {
        return !sentence.hits(&measure.words, claim).is_empty();
    }
    has(&measure.words) && measure.population.is_empty()
}

/// Every vocabulary of a dataset: its measure and population words, and the words of its
/// values, groups and readings.
fn vocabularies(dataset: &catalog::Dataset) -> impl Iterator<Item = &catalog::Vocabulary> {
    let measure = [&dataset.measure.words, &dataset.measure.population];
    let dimensions = dataset.dimensions.iter().flat_map(|d| {
        d.values
            .iter()
            .map(|v| &v.words)
            .chain(d.groups.iter().chain(&d.readings).map(|g| &g.words))
    });
    measure.into_iter().chain(dimensions)
}

/// A sentence's words, and the spans of phrases naming what some table does not record:
/// measure words inside them ("asylum seekers" in "failed asylum seekers") describe what is
/// not recorded, not a measure; nor do words inside the claim's time expressions ("since
/// Labour came to power").
#[derive(Debug)]
pub(super) struct Sentence {
    pub(super) words: Vec<Word>,
    pub(super) blocked: Vec<std::ops::Range<usize>>,
    /// Every table's phrases in the sentence, by dataset name: a measure word inside a
    /// longer phrase of another table ("entering" in "entering detention", "entry" in
    /// "refused entry at port") names that table's measure only.
    pub(super) phrases: Vec<(String, std::ops::Range<usize>)>,
}

impl Sentence {
    pub(super) fn new(claim: &Claim, index: &Index<'_>) -> Sentence {
        let blocked: Vec<std::ops::Range<usize>> = [&claim.period, &claim.base]
            .into_iter()
            .flatten()
            .filter_map(|p| p.span.clone())
            .collect();
        let mut sentence = Sentence {
            words: catalog::words::words(&claim.sentence),
            blocked,
            phrases: Vec::new(),
        };
        let phrases = index
            .bound
            .iter()
            .flat_map(|b| {
                let sentence = &sentence;
                vocabularies(b.dataset)
                    .flat_map(move |v| sentence.hits(v, claim))
                    .map(move |h| (b.dataset.name.clone(), h.span))
            })
            .collect();
        sentence.phrases = phrases;
        sentence
    }
}

impl Sentence {
    /// True when the words at `span`, a vocabulary's own longest match, lie inside a
    /// longer phrase of some table's: "EU countries" in "deported to EU countries" is a
    /// destination, not the nationalities "EU countries" names elsewhere.
    pub(super) fn shadowed(&self, span: &std::ops::Range<usize>) -> bool {
        self.shadowed_but_for(span, None)
    }

    /// [`Sentence::shadowed`], unless the table named `own` has words of its own for the
    /// longer phrase.
    fn shadowed_but_for(&self, span: &std::ops::Range<usize>, own: Option<&str>) -> bool {
        let covers = |outer: &std::ops::Range<usize>, inner: &std::ops::Range<usize>| {
            outer.start <= inner.start && inner.end <= outer.end
        };
        self.phrases.iter().any(|(_, m)| {
            covers(m, span)
                && m.len() > span.len()
                && !own.is_some_and(|own| {
                    self.phrases
                        .iter()
                        .any(|(table, o)| table == own && covers(o, m))
                })
        })
    }

    pub(super) fn hits(
        &self,
        vocabulary: &catalog::Vocabulary,
        claim: &Claim,
    ) -> Vec<catalog::words::Hit> {
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
pub(super) fn unrecorded(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Option<String> {
    let unrecorded = &bound.dataset.measure.unrecorded;
    let hit = unrecorded
        .words
        .find_in(&claim.sentence, &sentence_words.words)
        .into_iter()
        .find(|h| claim.owns(&h.span))?;
    Some(format!(
        "\"{}\": {}",
        &claim.sentence[hit.span], unrecorded.reason
    ))
}

/// Where the claim's own words name what one of `tables` does not record.
pub(super) fn owned_unrecorded<'b, 'a: 'b>(
    tables: impl Iterator<Item = &'b Bound<'a>>,
    claim: &Claim,
    sentence_words: &Sentence,
) -> Vec<std::ops::Range<usize>> {
    tables
        .flat_map(|b| {
            b.dataset
                .measure
                .unrecorded
                .words
                .find_in(&claim.sentence, &sentence_words.words)
        })
        .map(|h| h.span)
        .filter(|span| claim.owns(span))
        .collect()
}

/// Whether `bound`, a table of a narrower population the claim names, records as a value of
/// one of its dimensions words another of the `measured` tables says it does not record:
/// "unaccompanied" children who arrived by small boat are not in the arrivals table, but are
/// a value of the small-boat asylum table. (The arrivals table, which holds "small boat" as a
/// value but counts no returns, does not stand in for returns "of small boat arrivals".)
pub(super) fn records_unrecorded(
    bound: &Bound<'_>,
    measured: &[&Bound<'_>],
    claim: &Claim,
    sentence_words: &Sentence,
) -> bool {
    let population = &bound.dataset.measure.population;
    let names_population = !population.is_empty()
        && population
            .find_in(&claim.sentence, &sentence_words.words)
            .iter()
            .any(|h| claim.owns(&h.span));
    if !names_population {
        return false;
    }
    let others = measured
        .iter()
        .copied()
        .filter(|m| m.dataset.name != bound.dataset.name);
    let unrecorded = owned_unrecorded(others, claim, sentence_words);
    !unrecorded.is_empty()
        && bound.dataset.dimensions.iter().any(|d| {
            d.values.iter().any(|v| {
                v.words
                    .find_in(&claim.sentence, &sentence_words.words)
                    .iter()
                    .any(|h| {
                        unrecorded
                            .iter()
                            .any(|u| u.start <= h.span.start && h.span.end <= u.end)
                    })
            })
        })
}

/// When the claim's own words name a measure whose table does not record what the sentence
/// asks ("2,580 returns of small boat arrivals", "300 arrivals have been returned"), no other
/// table's match stands in for it: the reason it cannot be checked.
pub(super) fn best_is_unrecorded(
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
/// phrases count more, and distance and words about another claim count against them.
/// Minus infinity when every match lies inside words another table marks as unrecorded;
/// nothing for a table no word names (one whose figures began when the sentence says).
pub(super) fn measure_fit(bound: &Bound<'_>, claim: &Claim, sentence_words: &Sentence) -> f64 {
    let measure = &bound.dataset.measure.words;
    if measure
        .find_in(&claim.sentence, &sentence_words.words)
        .is_empty()
    {
        return 0.0;
    }
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
            // Words about another claim of the sentence name its measure more than this one's.
            let elsewhere = if claim.owns(&hit.span) { 0.0 } else { 6.0 };
            2.0 * words as f64 - (gap / 30.0).min(3.0) - elsewhere
        })
        .fold(f64::NEG_INFINITY, f64::max)
}

/// "The highest number since figures began to be collected in 2018": in a sentence that
/// names no measure, the tables whose figures begin in the year it gives. Empty when it gives
/// none, or no table begins then.
pub(super) fn series_begun<'i, 'a>(claim: &Claim, index: &'i Index<'a>) -> Vec<&'i Bound<'a>> {
    let Some((_, year)) = extract::series_began(&claim.sentence) else {
        return Vec::new();
    };
    index
        .bound
        .iter()
        .filter(|b| b.coverage.is_some_and(|(first, _)| first.year() == year))
        .collect()
}

/// For a share, whether the phrase naming the whole uses the table's measure or population
/// words: "over half of asylum applications were from people arriving on small boats"
/// counts applications, whatever the part's words name.
pub(super) fn named_in_whole(bound: &Bound<'_>, claim: &Claim, sentence_words: &Sentence) -> bool {
    let whole = super::shares::whole_phrase(claim);
    let measure = &bound.dataset.measure;
    [&measure.words, &measure.population].into_iter().any(|v| {
        sentence_words
            .hits(v, claim)
            .iter()
            .any(|h| whole.start <= h.span.start && h.span.end <= whole.end)
    })
}

/// For a share, whether `span` lies outside the phrase naming the whole, in the part.
pub(super) fn names_the_part(claim: &Claim, span: &std::ops::Range<usize>) -> bool {
    let whole = super::shares::whole_phrase(claim);
    super::countries::is_share(claim)
        && claim.owns(span)
        && !(whole.start <= span.start && span.end <= whole.end)
}

/// The table of a narrower population, counting the same thing, that a share's part names
/// ("were foreign national offenders"), when this table's own population is not named.
pub(super) fn part_table<'i, 'a>(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
    index: &'i Index<'a>,
) -> Option<&'i Bound<'a>> {
    if !bound.dataset.measure.population.is_empty() {
        return None;
    }
    index.bound.iter().find(|other| {
        let theirs = &other.dataset.measure.population;
        !theirs.is_empty()
            && other.dataset.measure.unit == bound.dataset.measure.unit
            && !sentence_words
                .hits(&other.dataset.measure.words, claim)
                .is_empty()
            && theirs
                .find_in(&claim.sentence, &sentence_words.words)
                .iter()
                .any(|h| names_the_part(claim, &h.span))
    })
}

/// Words that pick out another dataset's narrower population ("foreign national
/// offenders") are left aside by this one.
pub(super) fn other_populations(
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
            if names_the_part(claim, &hit.span) {
                // "16% of all returns were foreign national offenders": a share of this
                // table's whole, whose part the other table counts.
                return;
            }
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

/// Words naming a group that another table of the same measure can pick out ("to EU
/// countries", a region of destination) and this one has no words for are left aside by it.
pub(super) fn other_groups(
    bound: &Bound<'_>,
    claim: &Claim,
    sentence_words: &Sentence,
    index: &Index<'_>,
    draft: &mut Draft,
) {
    // This table's own phrases in the sentence, found once for every table (less those
    // blocked since).
    let name = bound.dataset.name.as_str();
    let inside = |outer: &std::ops::Range<usize>, inner: &std::ops::Range<usize>| {
        outer.start <= inner.start && inner.end <= outer.end
    };
    let covered = |span: &std::ops::Range<usize>| {
        sentence_words.phrases.iter().any(|(table, o)| {
            table == name && inside(o, span) && !sentence_words.blocked.iter().any(|b| inside(b, o))
        })
    };
    let same_measure = |other: &&Bound<'_>| {
        other.dataset.name != bound.dataset.name && matches_measure(other, claim, sentence_words)
    };
    let left = index.bound.iter().filter(same_measure).find_map(|other| {
        other
            .dataset
            .dimensions
            .iter()
            .flat_map(|d| &d.groups)
            .flat_map(|g| sentence_words.hits(&g.words, claim))
            .find(|h| claim.owns(&h.span) && !sentence_words.shadowed(&h.span) && !covered(&h.span))
    });
    if let Some(hit) = left {
        draft.score -= 10.0;
        draft.strained = true;
        draft
            .notes
            .push(format!("leaves aside \"{}\"", &claim.sentence[hit.span]));
    }
}
