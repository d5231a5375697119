//! Age bands: "aged 18 to 39", "under-18s", "18 and over", "in their 20s".
//!
//! Ages look like counts ("over 40") but say who is counted, not how many, so [`crate::find`]
//! runs this first and skips every number inside a band. "Over 40" with no sign of age
//! ("over 40 people") stays a count.

use crate::AgeBand;
use crate::numeral::{self, Form};
use crate::token::Tokens;

const MAX_AGE: u64 = 120;

/// Words for people that make "under 18" or "over 40" after them an age.
const PEOPLE: &[&str] = &[
    "children",
    "child",
    "people",
    "persons",
    "adults",
    "men",
    "women",
    "boys",
    "girls",
    "those",
    "anyone",
    "everyone",
    "pupils",
    "students",
    "migrants",
    "males",
    "females",
    "individuals",
    "minors",
    "teenagers",
    "teens",
    "youngsters",
    "kids",
    "residents",
    "applicants",
    "workers",
    "population",
    "voters",
    "patients",
    "refugees",
];

/// A band as token positions: lowest age, highest age, end (exclusive).
type Band = (Option<u32>, Option<u32>, usize);

pub(crate) fn find(t: &Tokens) -> Vec<AgeBand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match band_at(t, i) {
            Some((min, max, end)) => {
                out.push(AgeBand {
                    span: t.span(i, end),
                    min,
                    max,
                });
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn band_at(t: &Tokens, i: usize) -> Option<Band> {
    let starts = t.is_num(i)
        || t.is_any(
            i,
            &[
                "aged", "ages", "age", "in", "under", "over", "below", "above",
            ],
        )
        || numeral::small_word(t, i).is_some();
    if !starts {
        return None;
    }
    aged(t, i)
        .or_else(|| decade(t, i))
        .or_else(|| under_over(t, i))
        .or_else(|| year_olds(t, i))
        .or_else(|| and_over(t, i))
}

/// An age written as a bare integer or in words: "18", "eighteen".
fn age(t: &Tokens, i: usize) -> Option<(u32, usize)> {
    let n = numeral::digits(t, i).filter(|n| n.plain_int().is_some());
    let n = n.or_else(|| numeral::words(t, i).filter(|n| n.form == Form::Words))?;
    let v = n.value as u64;
    (v <= MAX_AGE).then_some((v as u32, n.end))
}

/// "aged 18 to 39", "aged between 18 and 30", "aged under 18", "between the ages of 18 and 30".
fn aged(t: &Tokens, i: usize) -> Option<Band> {
    if !t.is_any(i, &["aged", "ages", "age"]) {
        return None;
    }
    let mut j = i + 1 + usize::from(t.is(i + 1, "of"));
    j += usize::from(t.is_any(j, &["between", "from"]));
    if let Some(band) = bound(t, j) {
        return Some(band);
    }
    let (lo, end) = age(t, j)?;
    Some(tail(t, lo, end))
}

/// "under 18", "over 40": a one-sided band. "Over 40" starts at 41, but "the over-65s"
/// follows usage and starts at 65.
fn bound(t: &Tokens, j: usize) -> Option<Band> {
    let under = t.is_any(j, &["under", "below"]);
    if !under && !t.is_any(j, &["over", "above"]) {
        return None;
    }
    let dash = usize::from(t.is_dash(j + 1) && t.attached(j + 1));
    let (n, end) = age(t, j + 1 + dash)?;
    let plural = usize::from(t.is(end, "s") && t.attached(end));
    let end = year_old_suffix(t, end + plural).unwrap_or(end + plural);
    let min = if plural == 1 { n } else { n + 1 };
    Some(if under {
        (None, n.checked_sub(1), end)
    } else {
        (Some(min), None, end)
    })
}

/// After the first age: "to 39", "and over", "or under", "+", "-year-olds".
fn tail(t: &Tokens, lo: u32, end: usize) -> Band {
    let (min, max, end) = range_end(t, lo, end);
    (min, max, year_old_suffix(t, end).unwrap_or(end))
}

fn range_end(t: &Tokens, lo: u32, end: usize) -> Band {
    let joined = t.is_any(end, &["to", "and"]) || t.is_dash(end) || t.sym(end, "\u{2013}");
    if joined && let Some((hi, e)) = age(t, end + 1).filter(|&(hi, _)| hi >= lo) {
        return (Some(lo), Some(hi), e);
    }
    if t.is_any(end, &["and", "or"]) {
        if t.is_any(end + 1, &["over", "above", "older", "upwards"]) {
            return (Some(lo), None, end + 2);
        }
        if t.is_any(end + 1, &["under", "below", "younger"]) {
            return (None, Some(lo), end + 2);
        }
    }
    if t.sym(end, "+") && t.attached(end) {
        return (Some(lo), None, end + 1);
    }
    (Some(lo), Some(lo), end)
}

/// "-year-olds", " years old", "-year-old", " years of age".
fn year_old_suffix(t: &Tokens, j: usize) -> Option<usize> {
    let j = j + usize::from(t.is_dash(j));
    if !t.is_any(j, &["year", "years"]) {
        return None;
    }
    let k = j + 1 + usize::from(t.is_dash(j + 1));
    if t.is_any(k, &["old", "olds"]) {
        return Some(k + 1);
    }
    t.seq(j + 1, &["of", "age"])
}

/// "in their 20s", "in her early thirties", "in their mid-30s".
fn decade(t: &Tokens, i: usize) -> Option<Band> {
    if !t.is(i, "in") || !t.is_any(i + 1, &["their", "his", "her", "my", "your", "our"]) {
        return None;
    }
    let mut j = i + 2;
    if t.is_any(j, &["early", "mid", "late"]) {
        j += 1 + usize::from(t.is_dash(j + 1));
    }
    if let Some(w) = t.word(j) {
        let (lo, hi) = decade_word(&w.to_ascii_lowercase())?;
        return Some((Some(lo), Some(hi), j + 1));
    }
    let (n, end) = age(t, j)?;
    let apostrophe = usize::from(t.sym(end, "'") || t.sym(end, "\u{2019}"));
    let s = end + apostrophe;
    let ok = n % 10 == 0 && (10..=90).contains(&n) && t.is(s, "s") && t.attached(s);
    ok.then_some((Some(n), Some(n + 9), s + 1))
}

fn decade_word(w: &str) -> Option<(u32, u32)> {
    const WORDS: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    if w == "teens" {
        return Some((13, 19));
    }
    let k = WORDS.iter().position(|d| *d == w)? as u32;
    Some((20 + 10 * k, 29 + 10 * k))
}

/// "under 18", "under-18s", "over 40", "women over 18": ages, unless a noun follows
/// ("over 40 people").
fn under_over(t: &Tokens, i: usize) -> Option<Band> {
    let band = bound(t, i)?;
    let n_end = band.2;
    let hyphen = t.is_dash(i + 1) && t.attached(i + 1);
    let marked = hyphen || t.is(n_end - 1, "s") || t.is_any(n_end - 1, &["old", "olds", "age"]);
    let people = i > 0 && t.is_any(i - 1, PEOPLE);
    let bare = t.is_break(n_end) || t.is_any(n_end, &["who", "living", "and", "or"]);
    let unit = t.sym(n_end, "%") || t.is_any(n_end, &["per", "percent", "pc", "times"]);
    ((marked || people || bare) && !unit).then_some(band)
}

/// "17-year-old", "18- to 24-year-olds", "18-24 year olds".
fn year_olds(t: &Tokens, i: usize) -> Option<Band> {
    let (lo, mut end) = age(t, i)?;
    if t.is_dash(end) && t.is(end + 1, "to") {
        end += 1;
    }
    let (min, max, end) = range_end(t, lo, end);
    let end = year_old_suffix(t, end)?;
    Some((min, max, end))
}

/// "18 and over", "17 or under", "65+".
fn and_over(t: &Tokens, i: usize) -> Option<Band> {
    let (lo, end) = age(t, i)?;
    let band = range_end(t, lo, end);
    let one_sided = band.0.is_none() || band.1.is_none();
    (one_sided && band.2 > end && !t.is_num(band.2) && !t.sym(end, "+")).then_some(band)
}
