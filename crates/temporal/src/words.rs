//! The English words the grammar knows: month names, counts, ordinals and cue words.
//!
//! Kept apart from the grammar so that adding a spelling ("Sept", "twelve") never means
//! touching a parsing rule.

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTH_WORDS: [(&str, i8); 23] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
];

/// A month name, given the lower-case word and whether it was capitalised. "may", "march"
/// and "mar" are ordinary words too, so they count only when capitalised.
pub(crate) fn month(word: &str, capitalised: bool) -> Option<i8> {
    if matches!(word, "may" | "march" | "mar") && !capitalised {
        return None;
    }
    if word == "dec" {
        return Some(12);
    }
    MONTH_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, m)| m)
}

pub(crate) fn is_abbreviated_month(word: &str) -> bool {
    matches!(
        word,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

pub(crate) fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?")
}

const COUNTS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// "three" → 3; "a"/"an" count as one.
pub(crate) fn count(word: &str) -> Option<u32> {
    if matches!(word, "a" | "an") {
        return Some(1);
    }
    COUNTS.iter().position(|w| *w == word).map(|i| i as u32 + 1)
}

/// "first" → 1 up to "fourth"; "final" and "last" are the last of four.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    match word {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" | "final" | "last" => Some(4),
        _ => None,
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Monday 0 to Sunday 6, for a weekday's full name.
pub(crate) fn weekday_number(word: &str) -> Option<i32> {
    WEEKDAYS
        .iter()
        .position(|d| *d == word)
        .and_then(|n| i32::try_from(n).ok())
}

/// A weekday's full or short name.
pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
        || matches!(
            word,
            "mon" | "tue" | "tues" | "wed" | "thu" | "thurs" | "fri" | "sat" | "sun"
        )
}

/// Words after which a bare year such as "2022" reads as the subject of a clause.
pub(crate) fn follows_subject_year(word: &str) -> bool {
    matches!(
        word,
        "saw"
            | "was"
            | "were"
            | "had"
            | "has"
            | "is"
            | "compared"
            | "vs"
            | "versus"
            | "figures"
            | "figure"
            | "numbers"
            | "levels"
            | "total"
            | "totals"
            | "so"
            | "alone"
            | "q1"
            | "q2"
            | "q3"
            | "q4"
    )
}

/// Nouns after which "the 2019 ..." is a year: "the 2019 level", "the 2022 total".
pub(crate) fn follows_attributive_year(word: &str) -> bool {
    matches!(
        word,
        "level"
            | "levels"
            | "figure"
            | "figures"
            | "total"
            | "totals"
            | "peak"
            | "rate"
            | "average"
            | "number"
            | "numbers"
            | "data"
            | "record"
            | "high"
            | "low"
    )
}

/// Seasons as (first month, last month), for the northern hemisphere.
pub(crate) fn season(word: &str) -> Option<(i8, i8)> {
    match word {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "autumn" => Some((9, 11)),
        _ => None,
    }
}

/// Determiners that may open a noun phrase naming an event ("since the election").
pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "my" | "our" | "his" | "her" | "their" | "its" | "this" | "that"
    )
}

/// Words that end a noun phrase naming an event.
pub(crate) fn ends_noun_phrase(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "and"
            | "but"
            | "more"
            | "fewer"
            | "than"
            | "there"
            | "in"
            | "on"
            | "at"
            | "to"
            | "by"
            | "with"
            | "for"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "about"
            | "around"
    )
}
