//! Readers of core expressions. Each takes a token position and returns the quantity that
//! starts there, before qualifiers and directions: "60 per cent", "a third", "one in four",
//! "twice", "the majority", "thousands", "£4.7 million".

use crate::context::prefix_qualifier;
use crate::lexicon::{
    CURRENCY_SYMBOLS, CURRENCY_WORDS, DENOMINATORS, FRACTION_FOLLOWERS, TIME_UNITS, UNITS,
};
use crate::noise::{is_duration, is_year};
use crate::numeral::{self, Form, Numeral};
use crate::scan::{Core, Step};
use crate::token::Tokens;
use crate::{Direction, Kind, Qualifier};

pub(crate) fn money_prefix(t: &Tokens, i: usize) -> Option<Core> {
    let symbol =
        CURRENCY_SYMBOLS.iter().any(|s| t.sym(i, s)) || t.is_any(i, &["GBP", "USD", "EUR"]);
    if !symbol {
        return None;
    }
    let n = numeral::numeral(t, i + 1)?;
    let mut core = Core::new(i, n.end, n.value, n.precision, Kind::Money);
    core.num_start = i + 1;
    core.numeral = Some(n);
    Some(core)
}

pub(crate) fn numeral_core(t: &Tokens, i: usize) -> Option<Step> {
    let n = numeral::numeral(t, i)?;
    let mut core = Core::new(i, n.end, n.value, n.precision, Kind::Count);
    core.numeral = Some(n);
    if let Some(end) = percent_unit(t, n.end) {
        core.kind = Kind::Percent;
        core.precision = percent_precision(&n);
        core.end = end;
    } else if t.is_any(n.end, CURRENCY_WORDS) {
        core.kind = Kind::Money;
        core.end = n.end + 1;
    } else if let Some(end) = times_unit(t, n.end) {
        core.kind = Kind::Multiple;
        core.end = end;
    } else if t.word(n.end).is_some() && t.attached(n.end) {
        return Some(Step::Skip(n.end + 1));
    } else if range_to_percent(t, &n, i) {
        core.kind = Kind::Percent;
        core.precision = percent_precision(&n);
    }
    Some(Step::Found(core))
}

pub(crate) fn percent_unit(t: &Tokens, j: usize) -> Option<usize> {
    if t.sym(j, "%") || t.sym(j, "\u{FF05}") || t.is_any(j, &["percent", "pc", "pct"]) {
        return Some(j + 1);
    }
    [
        &["per", "cent"][..],
        &["per", "-", "cent"],
        &["percentage", "points"],
        &["percentage", "point"],
    ]
    .iter()
    .find_map(|p| t.seq(j, p))
}

/// "3-5%", "between 20 and 30 per cent": the first number is a percentage too.
fn range_to_percent(t: &Tokens, first: &Numeral, start: usize) -> bool {
    let j = first.end;
    let between = start > 0 && t.is(start - 1, "between") && t.is(j, "and");
    let joined = between || t.is_dash(j) || t.sym(j, "\u{2013}") || t.is(j, "to");
    joined
        && numeral::numeral(t, j + 1)
            .is_some_and(|n| n.value >= first.value && percent_unit(t, n.end).is_some())
}

fn percent_precision(n: &Numeral) -> f64 {
    match n.form {
        Form::Digits { decimals, .. } if decimals > 0 => n.precision,
        _ => 1.0,
    }
}

/// "six times", "3-fold", "3fold".
fn times_unit(t: &Tokens, j: usize) -> Option<usize> {
    if t.is(j, "times") || (t.is(j, "fold") && t.attached(j)) {
        return Some(j + 1);
    }
    (t.is_dash(j) && t.attached(j) && t.is(j + 1, "fold")).then_some(j + 2)
}

/// "one in four", "1 in 5", "four in ten", "three out of every five".
pub(crate) fn share(t: &Tokens, i: usize) -> Option<Core> {
    let a = numeral::bare(t, i)?;
    let mut j = a.end;
    j = if t.is(j, "in") {
        j + 1
    } else {
        t.seq(j, &["out", "of"])?
    };
    j += usize::from(t.is(j, "every"));
    let b = numeral::bare(t, j)?;
    let whole = |v: f64| v.fract() == 0.0;
    let ok =
        whole(a.value) && whole(b.value) && (1.0..=20.0).contains(&a.value) && b.value > a.value;
    if !ok || is_year(&b) || b.value > 1e6 || (t.word(b.end).is_some() && t.attached(b.end)) {
        return None;
    }
    if percent_unit(t, b.end).is_some() || is_duration(t, b.end) {
        return None;
    }
    Some(Core::new(
        i,
        b.end,
        a.value / b.value,
        1.0 / b.value,
        Kind::Fraction,
    ))
}

/// "half a million", "half a dozen": counts.
pub(crate) fn half_scale(t: &Tokens, i: usize) -> Option<Core> {
    let n = numeral::half_scale(t, i)?;
    Some(Core::new(i, n.end, n.value, n.precision, Kind::Count))
}

/// "a third", "one quarter", "two-thirds", "three quarters of".
pub(crate) fn fraction(t: &Tokens, i: usize) -> Option<Core> {
    let num = if t.is_any(i, &["a", "an"]) {
        1
    } else {
        numeral::small_word(t, i)?
    };
    let hyphen = t.is_dash(i + 1) && t.attached(i + 1) && t.attached(i + 2);
    let at = if hyphen { i + 2 } else { i + 1 };
    let w = t.word(at)?;
    let (den, plural) = DENOMINATORS.iter().find_map(|&(one, many, d)| {
        let plural = many.eq_ignore_ascii_case(w);
        (plural || one.eq_ignore_ascii_case(w)).then_some((d, plural))
    })?;
    if num == 0 || num as u32 >= den || plural != (num > 1) || period_after(t, at + 1) {
        return None;
    }
    let quarters_ok = !(plural && den == 4) || t.is(at + 1, "of") || t.is_break(at + 1);
    if !(hyphen || quarters_ok && (fraction_context(t, i) || fraction_follower(t, at + 1))) {
        return None;
    }
    let value = num as f64 / f64::from(den);
    Some(Core::new(
        i,
        at + 1,
        value,
        1.0 / f64::from(den),
        Kind::Fraction,
    ))
}

/// "about a third", "by a quarter": only a fraction can follow a qualifier or "by".
fn fraction_context(t: &Tokens, i: usize) -> bool {
    i > 0 && (t.is_any(i - 1, &["by", "than"]) || prefix_qualifier(t, i).is_some())
}

/// "a third of", "a third said", "a third left", "down a third year-on-year": not "a third
/// country".
fn fraction_follower(t: &Tokens, j: usize) -> bool {
    let verb = t.word(j).is_some_and(|w| w.len() > 3 && w.ends_with("ed"));
    let year_on_year = t.seq(j, &["year", "-", "on", "-", "year"]).is_some()
        || t.seq(j, &["year", "on", "year"]).is_some();
    verb || year_on_year || t.is_break(j) || t.is_any(j, FRACTION_FOLLOWERS)
}

/// "of 2022", "of the year": the fraction is of a period, not of a group.
fn period_after(t: &Tokens, j: usize) -> bool {
    if !t.is(j, "of") {
        return false;
    }
    let k = j + 1 + usize::from(t.is_any(j + 1, &["the", "a", "an", "this", "that", "last"]));
    t.is_any(k, TIME_UNITS)
        || t.is_any(k, &["time", "period", "way"])
        || numeral::digits(t, k).is_some_and(|n| is_year(&n))
}

/// "half", "more than half of": not "the first half", "half an hour", "half-time".
pub(crate) fn half(t: &Tokens, i: usize) -> Option<Core> {
    if !t.is(i, "half") || i > 0 && t.is_any(i - 1, &["first", "second", "latter", "former"]) {
        return None;
    }
    let and_a_half = i >= 2 && t.is(i - 2, "and") && t.is(i - 1, "a");
    let next_is_time = t.is_any(i + 1, TIME_UNITS)
        || t.is_any(i + 1, &["a", "an", "the"]) && t.is_any(i + 2, TIME_UNITS);
    if and_a_half || next_is_time || t.is_dash(i + 1) || period_after(t, i + 1) {
        return None;
    }
    Some(Core::new(i, i + 1, 0.5, 0.5, Kind::Fraction))
}

/// "twice", "doubled", "halved", "tenfold", "double the".
pub(crate) fn multiple_word(t: &Tokens, i: usize) -> Option<Core> {
    let w = t.word(i).filter(|w| w.len() >= 5)?.to_ascii_lowercase();
    let (value, direction) = match w.as_str() {
        "twice" => (2.0, None),
        "thrice" => (3.0, None),
        "doubled" | "doubling" => (2.0, Some(Direction::Up)),
        "tripled" | "trebled" | "tripling" | "trebling" => (3.0, Some(Direction::Up)),
        "quadrupled" | "quadrupling" => (4.0, Some(Direction::Up)),
        "halved" | "halving" => (0.5, Some(Direction::Down)),
        "double" | "triple" | "treble" | "quadruple" if before_group(t, i + 1) => {
            (multiplier(&w)?, None)
        }
        _ => (fold_word(&w)?, None),
    };
    let precision = if value < 1.0 { 0.5 } else { 1.0 };
    let mut core = Core::new(i, i + 1, value, precision, Kind::Multiple);
    core.direction = direction;
    Some(core)
}

fn before_group(t: &Tokens, j: usize) -> bool {
    t.is_any(
        j,
        &[
            "the", "that", "this", "what", "its", "their", "his", "her", "our", "those",
        ],
    )
}

fn multiplier(w: &str) -> Option<f64> {
    ["double", "triple", "quadruple"]
        .iter()
        .position(|m| *m == w)
        .map(|k| k as f64 + 2.0)
        .or((w == "treble").then_some(3.0))
}

/// "threefold", "tenfold".
fn fold_word(w: &str) -> Option<f64> {
    let head = w.strip_suffix("fold")?;
    let k = UNITS.iter().position(|u| *u == head)?;
    (k >= 2).then_some(k as f64)
}

/// "the majority", "the vast majority", "a minority".
pub(crate) fn majority(t: &Tokens, i: usize) -> Option<Core> {
    if !t.is_any(i, &["the", "a", "an"]) {
        return None;
    }
    let big = t.is_any(
        i + 1,
        &["vast", "overwhelming", "great", "large", "substantial"],
    );
    let small = t.is_any(
        i + 1,
        &["clear", "slim", "narrow", "small", "tiny", "slight"],
    );
    let at = i + 1 + usize::from(big || small);
    let noun_after = [
        "government",
        "stake",
        "shareholder",
        "owner",
        "ownership",
        "party",
        "vote",
        "verdict",
        "leader",
        "rule",
        "decision",
        "view",
        "holding",
        "interest",
    ];
    if t.is_any(at + 1, &noun_after) {
        return None;
    }
    let (value, qualifier) = if t.is(at, "majority") {
        (if big { 0.75 } else { 0.5 }, Qualifier::MoreThan)
    } else if t.is(at, "minority") {
        (0.5, Qualifier::LessThan)
    } else {
        return None;
    };
    let mut core = Core::new(i, at + 1, value, 0.0, Kind::Fraction);
    core.vague = big;
    core.qualifier = Some(qualifier);
    Some(core)
}

/// "most of them", "most of the migrants", "most people", "most arrivals": not "most of the
/// time", "the most", "at most", "most recently".
pub(crate) fn most_of(t: &Tokens, i: usize) -> Option<Core> {
    const PEOPLE: [&str; 11] = [
        "people",
        "migrants",
        "arrivals",
        "asylum",
        "applicants",
        "applications",
        "returns",
        "refugees",
        "detainees",
        "those",
        "claims",
    ];
    let followed = t.is(i + 1, "of") || t.is_any(i + 1, &PEOPLE);
    if !t.is(i, "most") || !followed || i > 0 && t.is_any(i - 1, &["the", "at"]) {
        return None;
    }
    if period_after(t, i + 1) {
        return None;
    }
    let mut core = Core::new(i, i + 1, 0.5, 0.0, Kind::Fraction);
    core.qualifier = Some(Qualifier::MoreThan);
    Some(core)
}

/// "almost all of them", "nearly all were men", "virtually all arrivals": at least nine in
/// ten, said loosely; not "almost all the time".
pub(crate) fn nearly_all(t: &Tokens, i: usize) -> Option<Core> {
    if !t.is_any(i, &["almost", "nearly", "virtually", "practically"]) || !t.is(i + 1, "all") {
        return None;
    }
    // Not "almost all the time", "nearly all day".
    let not_people = [
        "time", "times", "day", "days", "week", "year", "along", "over", "round", "around",
        "right", "the",
    ];
    if t.word(i + 2).is_none() || t.is_any(i + 2, &not_people) || period_after(t, i + 2) {
        return None;
    }
    let mut core = Core::new(i, i + 2, 0.9, 0.0, Kind::Fraction);
    core.qualifier = Some(Qualifier::MoreThan);
    core.vague = true;
    Some(core)
}

pub(crate) fn vague(t: &Tokens, i: usize) -> Option<Core> {
    let n = numeral::vague(t, i)?;
    let mut core = Core::new(i, n.end, n.value, n.precision, Kind::Count);
    core.vague = true;
    Some(core)
}

pub(crate) fn dozen(t: &Tokens, i: usize) -> Option<Core> {
    let n = numeral::dozen(t, i)?;
    Some(Core::new(i, n.end, n.value, n.precision, Kind::Count))
}
