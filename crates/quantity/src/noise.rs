//! Numbers that are not quantities: years, dates, clock times, names ("rule 39",
//! "Covid-19"), durations ("six months"), pronouns ("one of the") and ages. Kept in one place
//! so that every exclusion can be read, and tested, together.

use std::ops::Range;

use crate::lexicon::{
    DIRECTION_BEFORE, IDENTIFIER_WORDS, MONTHS, PRONOUN_ONE_AFTER, PRONOUN_ONE_BEFORE, QUALIFIERS,
    STREET_WORDS, TIME_UNIT_ADJECTIVES, TIME_UNITS, WEEKDAYS, lookup,
};
use crate::numeral::{self, Form, Numeral};
use crate::scan::Core;
use crate::token::Tokens;
use crate::{Kind, Qualifier};

/// "10:30", "16.05.2023", "24/7", "2022/23", "2018-21": never quantities.
pub(crate) fn noise_chain(t: &Tokens, i: usize) -> Option<usize> {
    if !t.is_num(i) {
        return None;
    }
    let joined = |j: usize, seps: &[&str]| {
        seps.iter().any(|s| t.sym(j, s)) && t.attached(j) && t.attached(j + 1) && t.is_num(j + 1)
    };
    let mut j = i + 1;
    while joined(j, &[":", "/", "."]) {
        j += 2;
    }
    if j > i + 1 {
        return Some(j);
    }
    let year = numeral::digits(t, i).is_some_and(|n| is_year(&n));
    (year && joined(i + 1, &["-", "\u{2013}"])).then_some(i + 3)
}

pub(crate) fn is_year(n: &Numeral) -> bool {
    matches!(
        n.form,
        Form::Digits {
            grouped: false,
            decimals: 0,
            int_digits: 4
        }
    ) && (1800.0..=2100.0).contains(&n.value)
}

/// Years, dates, times, names, durations, pronouns and ages.
pub(crate) fn is_noise(
    t: &Tokens,
    core: &Core,
    prefix: Option<(Qualifier, usize)>,
    ages: &[Range<usize>],
) -> bool {
    let number = t.span(core.num_start, core.num_end);
    if ages
        .iter()
        .any(|a| a.start < number.end && number.start < a.end)
    {
        return true;
    }
    let Some(n) = core.numeral else { return false };
    if glued_before(t, core.num_start) {
        return true;
    }
    if core.kind != Kind::Count {
        return false;
    }
    if is_year(&n) {
        return !strong_qualifier(t, prefix);
    }
    if n.plain_int().is_some()
        && (is_date(t, core, &n) || is_name(t, core) || is_clock(t, core.end))
    {
        return true;
    }
    is_duration(t, core.end) || bad_hyphen(t, core.end) || is_pronoun_one(t, core)
}

/// "Q3", "G7", "Covid-19", "mid-2020", "#1".
fn glued_before(t: &Tokens, i: usize) -> bool {
    if i == 0 || !t.attached(i) {
        return false;
    }
    let prev_word = t.word(i - 1).is_some();
    let hyphenated = t.is_dash(i - 1) && i >= 2 && t.attached(i - 1) && t.word(i - 2).is_some();
    prev_word || hyphenated || t.sym(i - 1, "#")
}

fn strong_qualifier(t: &Tokens, prefix: Option<(Qualifier, usize)>) -> bool {
    prefix.is_some_and(|(_, s)| {
        t.is_any(s, &["nearly", "almost", "some", "just", "only"])
            || (s..s + 3).any(|k| t.is_any(k, &["than", "least"]))
    })
}

fn is_month(t: &Tokens, i: usize) -> bool {
    t.is_capitalized(i) && t.word(i).is_some_and(|w| MONTHS.contains(&w))
}

/// "16 May", "May 16", "Monday, September 12".
fn is_date(t: &Tokens, core: &Core, n: &Numeral) -> bool {
    if !(1.0..=31.0).contains(&n.value) {
        return false;
    }
    let before = core.start > 0 && is_month(t, core.start - 1);
    let of = usize::from(t.is(core.end, "of"));
    before || is_month(t, core.end + of)
}

/// "rule 39", "Article 8", "No. 10", "Channel 4", "10 Downing Street".
fn is_name(t: &Tokens, core: &Core) -> bool {
    let s = core.start;
    let dot = usize::from(s > 0 && t.sym(s - 1, "."));
    let before = s.checked_sub(1 + dot);
    let named = before.is_some_and(|b| {
        t.is_any(b, IDENTIFIER_WORDS)
            || t.is_capitalized(b) && (t.is(b, "no") || t.is(b, "number"))
            || proper_name_before(t, b)
    });
    let street = t.is_capitalized(core.end)
        && (t.is_any(core.end, STREET_WORDS) || t.is_any(core.end + 1, STREET_WORDS));
    named || street
}

/// A capitalized word in mid-sentence right before a number: "Windows 10", "Apollo 11".
fn proper_name_before(t: &Tokens, b: usize) -> bool {
    let mid_sentence = b > 0 && t.word(b - 1).is_some();
    mid_sentence
        && t.is_capitalized(b)
        && !t.is_any(b, MONTHS)
        && !t.is_any(b, WEEKDAYS)
        && !QUALIFIERS.iter().any(|(p, _)| t.is(b, p[p.len() - 1]))
        && lookup(DIRECTION_BEFORE, t.word(b)).is_none()
}

/// "10am", "3 pm", "10 a.m.", "six o'clock".
fn is_clock(t: &Tokens, end: usize) -> bool {
    t.is_any(end, &["am", "pm", "GMT", "BST", "UTC"])
        || (t.is_any(end, &["a", "p"]) && t.sym(end + 1, ".") && t.is(end + 2, "m"))
        || t.is(end, "o") && t.is(end + 2, "clock")
}

/// "six months", "12 months to June", "five-year", "three consecutive years".
pub(crate) fn is_duration(t: &Tokens, end: usize) -> bool {
    let dash = usize::from(t.is_dash(end) && t.attached(end));
    let adjective = usize::from(t.is_any(end, TIME_UNIT_ADJECTIVES));
    // "3,100 last year", "400 next month": a count, then when.
    let when = t.is_any(end, &["last", "past", "previous", "next"])
        && t.word(end + 1).is_some_and(|w| !w.ends_with('s'));
    t.is_any(end + dash, TIME_UNITS) || (!when && t.is_any(end + adjective, TIME_UNITS))
}

/// "two-child", "10-point", "one-off": a number inside a compound word.
fn bad_hyphen(t: &Tokens, end: usize) -> bool {
    t.is_dash(end)
        && t.attached(end)
        && t.attached(end + 1)
        && t.word(end + 1).is_some()
        && !t.is_any(end + 1, &["plus", "odd", "strong"])
}

/// "one of the", "the only one", "no one".
fn is_pronoun_one(t: &Tokens, core: &Core) -> bool {
    if !(t.is(core.start, "one") && core.end == core.start + 1) {
        return false;
    }
    let before = core.start > 0 && t.is_any(core.start - 1, PRONOUN_ONE_BEFORE);
    before || t.is_any(core.end, PRONOUN_ONE_AFTER) || t.is_break(core.end)
}
