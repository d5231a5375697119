//! The quantities worth checking in a sentence, and trends stated without a number.
//!
//! A sentence's numbers include years, ages and sums of money; only counts, shares, changes
//! and multiples make claims. A sentence with no such number may still claim a direction
//! ("the number of arrivals has risen sharply"), which is checkable too.

use std::ops::Range;

use quantity::{AgeBand, Direction, Kind};
use temporal::TimeExpr;

use crate::Assertion;

pub(crate) fn find(
    text: &str,
    times: &[TimeExpr],
    ages: &[AgeBand],
) -> Vec<(Range<usize>, Assertion)> {
    // "down from 24,000 in 2019" is one time expression with the count inside it; only
    // the other expressions' words are time and nothing else.
    let taken = |span: &Range<usize>| {
        times
            .iter()
            .any(|t| t.cue != temporal::Cue::Compared && overlaps(&t.span, span))
            || ages.iter().any(|a| overlaps(&a.span, span))
    };
    let mut found: Vec<quantity::Quantity> = quantity::find(text)
        .into_iter()
        .filter(|q| q.kind != Kind::Money && !taken(&q.number_span))
        .collect();
    restatements(text, &mut found);
    own_tallies(text, &mut found);
    fractions_of_a_level(text, &mut found);
    rates_said_apart(text, &mut found);
    // "citizens of ten countries" counts countries, not people.
    if let Some((span, _)) = countries_counted(text) {
        found.retain(|q| !overlaps(&q.number_span, &span));
    }
    let quantities: Vec<(Range<usize>, Assertion)> = found
        .into_iter()
        .map(|q| (q.span.clone(), Assertion::Quantity(q)))
        .collect();
    let mut found = quantities;
    if let Some((span, ranking)) = ranking(text) {
        found.retain(|(q, _)| !overlaps(q, &span));
        found.push((span, ranking));
        found.sort_by_key(|(s, _)| s.start);
        return found;
    }
    if let Some((span, record)) = record(text) {
        // "Record levels of returns ..., record levels of deportations": each is a claim.
        let lower = text.to_ascii_lowercase();
        let word = lower[span.clone()].to_string();
        let again: Vec<Range<usize>> = find_words(&lower, &word)
            .filter(|s| s.start >= span.end)
            .collect();
        let quantities: Vec<Range<usize>> = found.iter().map(|(q, _)| q.clone()).collect();
        for span in std::iter::once(span).chain(again) {
            let apart = quantities
                .iter()
                .all(|q| q.end + 20 < span.start || span.end + 20 < q.start);
            // "Reached 24,587 in 2023, the highest since 2004": a record put after a count
            // by a comma is a claim of its own, about the same thing.
            let after_a_count = quantities
                .iter()
                .filter(|q| q.end <= span.start)
                .max_by_key(|q| q.end)
                .and_then(|q| text.get(q.end..span.start))
                .is_some_and(|between| {
                    between
                        .rsplit_once(", ")
                        .is_some_and(|(_, tail)| tail.split_whitespace().count() <= 2)
                });
            if apart || after_a_count {
                found.push((span, record.clone()));
            }
        }
        found.sort_by_key(|(s, _)| s.start);
    }
    if found.is_empty() {
        found.extend(trend(text).or_else(|| comparative(text, times)));
    }
    found
}

/// "Fewer people crossed in 2023 than in 2022": a comparison with no number, read as a
/// trend from the period after "than" to the claim's own.
fn comparative(text: &str, times: &[TimeExpr]) -> Option<(Range<usize>, Assertion)> {
    let lower = text.to_ascii_lowercase();
    let people = ["people", "migrants", "asylum seekers", "refugees"];
    if !SUBJECTS
        .iter()
        .chain(&people)
        .any(|w| find_word(&lower, w).is_some())
    {
        return None;
    }
    // "Has already overtaken the total for the whole of 2020": more than the base.
    let overtaken = times
        .iter()
        .filter(|t| t.cue == temporal::Cue::Compared)
        .find_map(|t| {
            let before = lower[..t.span.start].trim_end();
            let verb = before.rsplit(' ').next()?;
            // "Have not yet overtaken": no more than the base.
            let negated = before[..before.len() - verb.len()]
                .split_whitespace()
                .rev()
                .take(3)
                .any(|w| matches!(w, "not" | "never" | "yet") || w.ends_with("n't"));
            temporal::OVERTAKE
                .contains(&verb)
                .then(|| (before.len() - verb.len()..before.len(), negated))
        });
    if let Some((span, negated)) = overtaken {
        return Some((
            span,
            Assertion::Trend {
                direction: if negated {
                    Direction::Down
                } else {
                    Direction::Up
                },
                strong: false,
            },
        ));
    }
    let than = times
        .iter()
        .filter(|t| t.cue == temporal::Cue::Compared)
        .find(|t| lower[t.span.clone()].starts_with("than"))?;
    let words = [
        ("more", Direction::Up),
        ("higher", Direction::Up),
        ("greater", Direction::Up),
        ("fewer", Direction::Down),
        ("less", Direction::Down),
        ("lower", Direction::Down),
        ("smaller", Direction::Down),
    ];
    let (span, direction) = words
        .iter()
        .filter_map(|(w, d)| find_word(&lower, w).map(|s| (s, *d)))
        .filter(|(s, _)| s.end <= than.span.start)
        .min_by_key(|(s, _)| s.start)?;
    Some((
        span,
        Assertion::Trend {
            direction,
            strong: false,
        },
    ))
}

/// "Fell by around a third (36%)": a percentage in brackets right after a change restates
/// it, and takes its direction.
fn restatements(text: &str, quantities: &mut [quantity::Quantity]) {
    for i in 1..quantities.len() {
        let (before, after) = quantities.split_at_mut(i);
        let (previous, this) = (&before[i - 1], &mut after[0]);
        let between = text.get(previous.span.end..this.span.start).unwrap_or("");
        let bracketed = between.trim() == "(";
        let is_share = matches!(this.kind, Kind::Percent | Kind::Fraction);
        if bracketed && is_share && this.direction.is_none() && previous.direction.is_some() {
            this.direction = previous.direction;
        }
    }
}

/// Words that make a count a rate when they stand apart from it in its clause: "80 people
/// crossed every day", "every month in 2023, around 1,600 were returned".
const RATE_WORDS: [(&str, quantity::Per); 13] = [
    ("every day", quantity::Per::Day),
    ("each day", quantity::Per::Day),
    ("per day", quantity::Per::Day),
    ("a day", quantity::Per::Day),
    ("every week", quantity::Per::Week),
    ("each week", quantity::Per::Week),
    ("per week", quantity::Per::Week),
    ("a week", quantity::Per::Week),
    ("every month", quantity::Per::Month),
    ("each month", quantity::Per::Month),
    ("per month", quantity::Per::Month),
    ("a month", quantity::Per::Month),
    ("every year", quantity::Per::Year),
];

/// "In 2023 an average of 80 people crossed the Channel every day": a count whose clause
/// says "every day" (or week, month, year) apart from the number is a rate. The clause runs
/// from the last break (a comma, a semicolon, another number) before the count to the next
/// after it. "In a day", "on a single day" make a count of one day, not a rate.
fn rates_said_apart(text: &str, quantities: &mut [quantity::Quantity]) {
    let lower = text.to_ascii_lowercase();
    let spans: Vec<Range<usize>> = quantities.iter().map(|q| q.span.clone()).collect();
    for q in quantities.iter_mut() {
        let plain = q.kind == Kind::Count && q.per.is_none() && q.direction.is_none();
        if !plain {
            continue;
        }
        let before_break = spans
            .iter()
            .filter(|s| s.end <= q.span.start)
            .map(|s| s.end)
            .chain(lower[..q.span.start].rfind([',', ';']).map(|i| i + 1))
            .max()
            .unwrap_or(0);
        let after_break = spans
            .iter()
            .filter(|s| s.start >= q.span.end)
            .map(|s| s.start)
            .chain(lower[q.span.end..].find([',', ';']).map(|i| q.span.end + i))
            .min()
            .unwrap_or(lower.len());
        let clause = &lower[before_break..after_break];
        // "Every month in 2023, around 1,600 ...": a sentence that opens with the rate.
        let first_count = spans.iter().all(|s| s.start >= q.span.start);
        let opening = RATE_WORDS
            .iter()
            .filter(|(w, _)| w.starts_with("every") || w.starts_with("each"))
            .find(|(w, _)| first_count && lower.trim_start().starts_with(w))
            .map(|(_, per)| *per);
        let found = opening.or_else(|| {
            RATE_WORDS.iter().find_map(|(words, per)| {
                let at = find_word(clause, words)?;
                let lead = clause[..at.start].trim_end();
                let one_day = ["in", "on", "single", "one"]
                    .iter()
                    .any(|w| lead.ends_with(w) && !lead.ends_with("average"));
                (!one_day).then_some(*per)
            })
        });
        if let Some(per) = found {
            q.per = Some(per);
        }
    }
}

/// Words after a fraction that make it a level set against an earlier one: "half what they
/// were in 2019", "a third of the level in 2015".
const OF_A_LEVEL: [&str; 6] = [
    "what ",
    "of what ",
    "the level ",
    "of the level ",
    "the number ",
    "of the number ",
];

/// "Enforced returns in 2022 were about half what they were in 2019": a fraction of an
/// earlier level is a multiple of it (0.5 times), not a share of a whole.
fn fractions_of_a_level(text: &str, quantities: &mut [quantity::Quantity]) {
    let lower = text.to_ascii_lowercase();
    for q in quantities.iter_mut() {
        let fraction = matches!(q.kind, Kind::Fraction | Kind::Percent) && q.direction.is_none();
        let Some(after) = lower.get(q.span.end..) else {
            continue;
        };
        let after = after.trim_start();
        // "Half the 2002 peak", "a third of the 2015 level".
        let the_year = the_year_next(after.strip_prefix("of ").unwrap_or(after));
        if !fraction || !(OF_A_LEVEL.iter().any(|l| after.starts_with(l)) || the_year) {
            continue;
        }
        if q.kind == Kind::Percent {
            q.value /= 100.0;
            q.precision /= 100.0;
        }
        q.kind = Kind::Multiple;
    }
}

/// Adverbs that may stand between "have" and the verb of a tally: "we've now returned".
const TALLY_ADVERBS: [&str; 5] = ["now", "already", "so", "far", "successfully"];

/// "We have removed 1,100 this year", "we've now returned 1,800": a speaker's own tally of
/// what they have done, a plain number right after the verb, is a count reached so far,
/// and claims at least that many. A figure that turns out higher does not make it wrong.
fn own_tallies(text: &str, quantities: &mut [quantity::Quantity]) {
    for q in quantities.iter_mut() {
        let plain = q.qualifier == quantity::Qualifier::Exact
            && !q.vague
            && q.direction.is_none()
            && q.per.is_none()
            // "Just 300", "only 300": said as few, not as a tally.
            && q.span.start == q.number_span.start;
        if plain && own_tally(text, q) {
            q.qualifier = quantity::Qualifier::AtLeast;
        }
    }
}

/// True when a count follows right after "we" or "I" (and "have") and a verb of doing: "we
/// have removed 1,100", "we've now returned 1,800", "last year we removed 5,700".
pub(crate) fn own_tally(text: &str, q: &quantity::Quantity) -> bool {
    if q.kind != Kind::Count {
        return false;
    }
    let Some(before) = text.get(..q.span.start) else {
        return false;
    };
    let lower = before.to_ascii_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = lower
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    let Some((verb, rest)) = words.split_first() else {
        return false;
    };
    let done = verb.len() > 4 && verb.ends_with("ed");
    let mut rest = rest.iter().skip_while(|w| TALLY_ADVERBS.contains(w));
    // "We have removed", "we've returned", and the plain past, "we removed".
    let ours = match rest.next() {
        Some(&"we've" | &"i've" | &"we" | &"i") => true,
        Some(&"have") => matches!(rest.next(), Some(&"we" | &"i")),
        _ => false,
    };
    done && ours
}

/// True when `text` (lower case) opens with "the" and a year: "the 2002 peak".
pub(crate) fn the_year_next(text: &str) -> bool {
    text.strip_prefix("the ").is_some_and(|r| {
        r.split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
    })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

const RISE: [&str; 21] = [
    "to rise",
    "to increase",
    "to grow",
    "were up",
    "was up",
    "are up",
    "is up",
    "risen",
    "rose",
    "rising",
    "increased",
    "grown",
    "grew",
    "soared",
    "surged",
    "climbed",
    "jumped",
    "gone up",
    "went up",
    "increasing",
    "rocketed",
];
const FALL: [&str; 21] = [
    "to fall",
    "to drop",
    "to decrease",
    "to decline",
    "were down",
    "was down",
    "are down",
    "is down",
    "fallen",
    "fell",
    "falling",
    "dropped",
    "declined",
    "decreased",
    "plummeted",
    "slumped",
    "gone down",
    "went down",
    "decreasing",
    "dropping",
    "shrunk",
];
const STRONG: [&str; 7] = [
    "sharply",
    "significantly",
    "dramatically",
    "steeply",
    "rapidly",
    "soared",
    "surged",
];
const SUBJECTS: [&str; 18] = [
    "detections",
    "detentions",
    "departures",
    "refusals",
    "number",
    "numbers",
    "figure",
    "figures",
    "total",
    "level",
    "levels",
    "arrivals",
    "crossings",
    "returns",
    "removals",
    "deportations",
    "applications",
    "claims",
];

/// "The number of arrivals has risen sharply": a direction, and whether it is said to be
/// strong. Needs a statistical subject, so that "prices rose" is not a claim about people.
fn trend(text: &str) -> Option<(Range<usize>, Assertion)> {
    let lower = text.to_ascii_lowercase();
    let has_word = |word: &str| find_word(&lower, word).is_some();
    if !SUBJECTS.iter().any(|w| has_word(w)) {
        return None;
    }
    let (span, direction) = RISE
        .iter()
        .filter_map(|w| find_word(&lower, w).map(|s| (s, Direction::Up)))
        .chain(
            FALL.iter()
                .filter_map(|w| find_word(&lower, w).map(|s| (s, Direction::Down))),
        )
        .min_by_key(|(s, _)| s.start)?;
    // "Likely to rise": the claim is the verb; "to" belongs with what leads to it.
    let span = match lower.get(span.clone()) {
        Some(w) if w.starts_with("to ") => span.start + 3..span.end,
        _ => span,
    };
    let strong_at = STRONG
        .iter()
        .filter_map(|w| find_word(&lower, w))
        .min_by_key(|s| s.start);
    let span = match &strong_at {
        Some(s) if s.start >= span.end && s.start - span.end <= 2 => span.start..s.end,
        _ => span,
    };
    Some((
        span,
        Assertion::Trend {
            direction,
            strong: strong_at.is_some(),
        },
    ))
}

const HIGHS: [&str; 15] = [
    "record levels",
    "record level",
    "record number",
    "record high",
    "a record",
    "highest",
    "than ever",
    "than in any other year",
    "than in any year",
    "than any other year",
    "than any year",
    "all-time high",
    "year high",
    "decade high",
    "peaked",
];
const LOWS: [&str; 6] = [
    "record low",
    "lowest",
    "fewest",
    "all-time low",
    "year low",
    "decade low",
];

/// Words that set a record against every earlier quarter, not the same quarter of other
/// years: "the highest of any quarter on record", "the largest quarterly total".
const ANY_STRETCH: [&str; 5] = [
    "any quarter",
    "any other quarter",
    "quarterly total",
    "quarterly figure",
    "in a single quarter",
];

/// "Record levels of returns", "more people than ever", "more than in any year since 2015",
/// "the lowest since 2004", "peaked in 2002". Needs a statistical subject or measure-like noun nearby, as trends do.
fn record(text: &str) -> Option<(Range<usize>, Assertion)> {
    let lower = text.to_ascii_lowercase();
    let found = |words: &[&'static str], high: bool| {
        words
            .iter()
            .filter_map(|w| find_word(&lower, w).map(|s| (s, high, *w)))
            .min_by_key(|(s, _, _)| s.start)
    };
    let lows = found(&LOWS, false);
    let (span, high, word) = lows.or_else(|| found(&HIGHS, true))?;
    let fewer_than_ever = word.starts_with("than ")
        && ["fewer", "less", "lower"]
            .iter()
            .any(|w| find_word(&lower[..span.start], w).is_some());
    let high = high && !fewer_than_ever;
    // "a five-year low": the span takes in the number of years.
    let mut span = span;
    if word.starts_with("year ") || word.starts_with("decade ") {
        let before = &lower[..span.start];
        let stem = before.trim_end_matches(['-', ' ']);
        if stem.len() < before.len() {
            let start = stem
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + 1);
            span = start..span.end;
        }
    }
    // "The second highest": the place claimed, and the span takes in the ordinal.
    let before = lower[..span.start].trim_end();
    let ordinal = ORDINALS
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, o)| before.ends_with(o.trim_end()))
        .filter(|(_, o)| {
            let o = o.trim_end();
            before[..before.len() - o.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        });
    let rank = match ordinal {
        Some((i, o)) if word == "highest" || word == "lowest" => {
            span = before.len() - o.trim_end().len()..span.end;
            i + 1
        }
        _ => 1,
    };
    Some((
        span,
        Assertion::Record {
            high,
            peak: word == "peaked",
            any_stretch: ANY_STRETCH.iter().any(|w| lower.contains(w)),
            rank,
        },
    ))
}

const ORDINALS: [&str; 10] = [
    "", "second ", "third ", "fourth ", "fifth ", "sixth ", "seventh ", "eighth ", "ninth ",
    "tenth ",
];
const SUPERLATIVES: [&str; 4] = ["most common", "largest", "biggest", "top"];
const RANKED: [&str; 12] = [
    "destination",
    "destinations",
    "destination country",
    "country of return",
    "nationality",
    "nationalities",
    "country of origin",
    "group",
    "nationality group",
    "national group",
    "single nationality",
    "source country",
];
const NUMBERS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
const GROUPS: [&str; 7] = [
    "destinations",
    "countries",
    "nationalities",
    "nationality",
    "countries of origin",
    "country",
    "origins",
];

/// "The top five nationalities were ...", "the second most common nationality", "the top
/// nationality".
fn ranking(text: &str) -> Option<(Range<usize>, Assertion)> {
    let lower = text.to_ascii_lowercase();
    // "The second most common nationality", "the largest group", "the third biggest
    // country of origin".
    let ranked =
        SUPERLATIVES.iter().any(|s| lower.contains(s)) && RANKED.iter().any(|n| lower.contains(n));
    for (i, ordinal) in ORDINALS.iter().enumerate().rev().filter(|_| ranked) {
        for superlative in SUPERLATIVES {
            for noun in RANKED {
                let phrase = format!("the {ordinal}{superlative} {noun}");
                if let Some(span) = find_word(&lower, &phrase) {
                    return Some((
                        span,
                        Assertion::Ranking {
                            top: i + 1,
                            position: Some(i + 1),
                            destination: noun.starts_with("destination")
                                || noun.ends_with("return"),
                        },
                    ));
                }
            }
        }
    }
    for (n, number) in NUMBERS.iter().enumerate().skip(1) {
        for group in GROUPS {
            // "The top five nationalities", "the five most common countries of origin".
            let phrases = [
                format!("top {number} {group}"),
                format!("{number} most common {group}"),
                format!("{number} largest {group}"),
                format!("{number} biggest {group}"),
            ];
            if let Some(span) = phrases.iter().find_map(|p| find_word(&lower, p)) {
                return Some((
                    span,
                    Assertion::Ranking {
                        top: n + 1,
                        position: None,
                        destination: group.starts_with("destination"),
                    },
                ));
            }
        }
    }
    None
}

/// How many countries a share is said to come from: "citizens of ten countries", "over half
/// came from three countries", "five nationalities made up 60%". Gives the words and the
/// number. A ranking ("the top five nationalities were ...") is not one.
pub(crate) fn countries_counted(text: &str) -> Option<(Range<usize>, usize)> {
    const BETWEEN: [&str; 5] = ["main", "largest", "biggest", "different", "top"];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    for (i, &(at, word)) in words.iter().enumerate() {
        let word = word.to_ascii_lowercase();
        if word != "countries" && word != "nationalities" {
            continue;
        }
        let Some(mut j) = i.checked_sub(1) else {
            continue;
        };
        if BETWEEN.contains(&words[j].1.to_ascii_lowercase().as_str()) {
            let Some(k) = j.checked_sub(1) else {
                continue;
            };
            j = k;
        }
        let Some(n) = quantity::small_number(words[j].1).filter(|n| (2..=30).contains(n)) else {
            continue;
        };
        let top = j > 0 && words[j - 1].1.eq_ignore_ascii_case("top");
        if !top {
            return Some((words[j].0..at + word.len(), n as usize));
        }
    }
    None
}

/// Byte range of `word` in `lower` where it stands as a whole word.
pub(crate) fn find_word(lower: &str, word: &str) -> Option<Range<usize>> {
    find_words(lower, word).next()
}

/// Every place `word` occurs in `lower` as whole words.
fn find_words<'t>(lower: &'t str, word: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    let bytes = lower.as_bytes();
    lower
        .match_indices(word)
        .map(|(i, _)| i..i + word.len())
        .filter(|span| {
            let before = span.start == 0 || !bytes[span.start - 1].is_ascii_alphanumeric();
            let after = span.end == bytes.len() || !bytes[span.end].is_ascii_alphanumeric();
            before && after
        })
}
