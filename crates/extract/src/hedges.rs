//! Claims the statistics cannot settle, as the text shows them: forecasts, numbers of
//! things rather than people, and numbers of what the statistics do not count at all
//! ("three priorities").

use std::ops::Range;

use crate::assertions::find_word;
use crate::{Assertion, Hedge};

const MODALS: [&str; 15] = [
    "expect",
    "expects",
    "could",
    "will",
    "would",
    "may",
    "might",
    "likely to",
    "expected to",
    "set to",
    "on course to",
    "on track to",
    "forecast",
    "predicted",
    "projected",
];
const THINGS: [&str; 6] = [
    "boats",
    "vessels",
    "dinghies",
    "number of boats",
    "number of vessels",
    "boat",
];

/// Nouns for what a number may count that statistics of people do not: the people who run
/// the system, the places and things it uses, the rules and plans it follows, and spans of
/// time. "Three priorities", "four new detention centres", "two ministers".
const OTHER_COUNTS: [&str; 52] = [
    "priorities",
    "pledges",
    "promises",
    "targets",
    "ministers",
    "mps",
    "officials",
    "officers",
    "staff",
    "caseworkers",
    "judges",
    "centres",
    "centers",
    "sites",
    "camps",
    "hotels",
    "barges",
    "beds",
    "flights",
    "planes",
    "ships",
    "vehicles",
    "lorries",
    "countries",
    "nations",
    "deals",
    "agreements",
    "treaties",
    "laws",
    "bills",
    "policies",
    "schemes",
    "plans",
    "measures",
    "steps",
    "points",
    "questions",
    "reports",
    "speeches",
    "visits",
    "meetings",
    "summits",
    "gangs",
    "arrests",
    "prosecutions",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "pounds",
];

/// Words that end the noun phrase after a number.
const PHRASE_ENDS: [&str; 24] = [
    "of", "in", "on", "at", "for", "to", "from", "by", "with", "the", "a", "an", "and", "or",
    "who", "which", "that", "were", "was", "have", "has", "had", "are", "is",
];

pub(crate) fn find(text: &str, span: &Range<usize>, assertion: &Assertion) -> Option<Hedge> {
    let lower = text.to_ascii_lowercase();
    forecast(&lower, span)
        .or_else(|| things(&lower, span, assertion))
        .or_else(|| other_count(&lower, span, assertion))
        .or_else(|| one_day(&lower, span, assertion))
        .or_else(|| motive(&lower, assertion))
}

/// Phrases that say why people came or what they mean to do.
const MOTIVES: [&str; 14] = [
    "come to work",
    "came to work",
    "coming to work",
    "come here to work",
    "came here to work",
    "to work illegally",
    "the black economy",
    "to claim benefits",
    "for benefits",
    "in search of work",
    "looking for work",
    "for economic reasons",
    "to join family",
    "to join relatives",
];

/// "Half of those crossing come to work in the black economy": a count or share of people by
/// why they came, which no table records.
fn motive(lower: &str, assertion: &Assertion) -> Option<Hedge> {
    if !matches!(assertion, Assertion::Quantity(_)) {
        return None;
    }
    MOTIVES
        .iter()
        .find(|m| find_word(lower, m).is_some())
        .map(|m| Hedge::Motive {
            words: m.to_string(),
        })
}

/// Phrases that make a count one day's or one week's: "in a single day", "on one day".
const ONE_DAY: [&str; 9] = [
    "in a single day",
    "on a single day",
    "in one day",
    "on one day",
    "in just one day",
    "in a day",
    "in 24 hours",
    "in a single week",
    "in one week",
];

/// "More than 1,000 crossed in a single day in August": the count is of one day (or
/// week), which quarterly tables cannot show, whatever the period around it.
fn one_day(lower: &str, span: &Range<usize>, assertion: &Assertion) -> Option<Hedge> {
    let Assertion::Quantity(q) = assertion else {
        return None;
    };
    if q.kind != quantity::Kind::Count || q.per.is_some() {
        return None;
    }
    let after = lower.get(span.end..)?;
    let cut = (0..=after.len().min(60))
        .rev()
        .find(|i| after.is_char_boundary(*i))
        .unwrap_or(0);
    let near = &after[..cut];
    ONE_DAY
        .iter()
        .find(|p| {
            near.match_indices(*p).any(|(i, _)| {
                near[i + p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .map(|p| Hedge::OneDay {
            words: p
                .trim_start_matches("in ")
                .trim_start_matches("on ")
                .to_string(),
        })
}

/// A count of something statistics of people do not count: the noun it qualifies, within
/// the few words up to a preposition or verb, is one of [`OTHER_COUNTS`]: "five key
/// priorities", "four new detention centres".
fn other_count(lower: &str, span: &Range<usize>, assertion: &Assertion) -> Option<Hedge> {
    let Assertion::Quantity(q) = assertion else {
        return None;
    };
    if q.kind != quantity::Kind::Count {
        return None;
    }
    for w in lower[span.end..].split_whitespace().take(3) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if PHRASE_ENDS.contains(&bare) {
            break;
        }
        if OTHER_COUNTS.contains(&bare) {
            return Some(Hedge::OtherCount {
                words: bare.to_string(),
            });
        }
        // A comma or full stop after a word ends the phrase there.
        if bare.len() < w.len() && !w.ends_with('-') {
            break;
        }
    }
    None
}

/// Words that make the whole clause a projection: "at this rate, 50,000 will have crossed".
const PROJECTIONS: [&str; 4] = [
    "at this rate",
    "at the current rate",
    "on current trends",
    "if current trends continue",
];

/// A modal verb in the few words before the quantity, a projection before it in the
/// sentence, or a future perfect ("will have crossed") right after it.
fn forecast(lower: &str, span: &Range<usize>) -> Option<Hedge> {
    if let Some(p) = PROJECTIONS
        .iter()
        .find(|p| find_word(&lower[..span.start], p).is_some())
    {
        return Some(Hedge::Forecast {
            words: p.to_string(),
        });
    }
    let after: Vec<&str> = lower[span.end..].split_whitespace().take(5).collect();
    if after.windows(2).any(|w| w == ["will", "have"]) {
        return Some(Hedge::Forecast {
            words: "will have".to_string(),
        });
    }
    forecast_before(lower, span)
}

fn forecast_before(lower: &str, span: &Range<usize>) -> Option<Hedge> {
    let window_start = word_start_before(lower, span.start, 6);
    let window = &lower[window_start..span.start];
    // "Could exceed 65,000 this year, after 45,756 last year": a modal before another
    // number (not a year) is that number's.
    let after_number = window
        .split_inclusive(char::is_whitespace)
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w.trim()))
        })
        .filter(|(_, w)| {
            let digits = w.chars().filter(char::is_ascii_digit).count();
            let year = digits == 4 && w.len() == 4;
            digits > 0 && !year
        })
        .map(|(start, w)| start + w.len())
        .last()
        .unwrap_or(0);
    let window = &window[after_number..];
    MODALS
        .iter()
        .find(|m| find_word(window, m).is_some())
        .map(|m| Hedge::Forecast {
            words: m.to_string(),
        })
}

/// "602 boats", "a 46 per cent decrease in the number of vessels".
fn things(lower: &str, span: &Range<usize>, assertion: &Assertion) -> Option<Hedge> {
    if !matches!(assertion, Assertion::Quantity(_)) {
        return None;
    }
    let after = &lower[span.end..];
    let next_words: String = after
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let first = next_words.split_whitespace().next().unwrap_or("");
    let counted_thing = THINGS
        .iter()
        .any(|t| first.trim_matches(|c: char| !c.is_alphanumeric()) == *t);
    // "the number of boats fell by a third", "a 46 per cent decrease in the number of
    // vessels": the number of things near the quantity, on either side.
    let before = &lower[word_start_before(lower, span.start, 8)..span.start];
    let number_of_things = ["number of vessels", "number of boats", "number of dinghies"]
        .iter()
        .find(|t| next_words.contains(*t) || before.contains(*t));
    if counted_thing {
        return Some(Hedge::NotPeople {
            words: first.to_string(),
        });
    }
    number_of_things.map(|t| Hedge::NotPeople {
        words: format!("the {t}"),
    })
}

fn word_start_before(text: &str, end: usize, words: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return i + 1;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}
