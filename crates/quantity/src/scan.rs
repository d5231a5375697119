//! The scanner behind [`crate::find`]: walks the tokens and, at each position, asks the
//! readers for a core expression (a numeral with its unit, a fraction, a share, a multiple),
//! drops it if it is noise (a year, a date, a name), then reads the qualifier and direction
//! around it. Readers, noise and context live in sibling modules so each answers one question.

use std::ops::Range;

use crate::context::{direction_after, direction_before, prefix_qualifier, suffix_qualifier};
use crate::lexicon::CURRENCY_SYMBOLS;
use crate::noise::{is_noise, noise_chain};
use crate::numeral::{self, Numeral};
use crate::readers::{
    dozen, fraction, half, half_scale, majority, money_prefix, most_of, multiple_word, nearly_all,
    numeral_core, share, vague,
};
use crate::token::Tokens;
use crate::{Direction, Kind, Per, Qualifier, Quantity};

/// A quantity before its surroundings are read. Token indices, `end` exclusive.
#[derive(Debug, Clone)]
pub(crate) struct Core {
    /// First token, including a currency symbol.
    pub start: usize,
    pub num_start: usize,
    pub num_end: usize,
    /// Past the unit words ("per cent", "times", "pounds").
    pub end: usize,
    pub value: f64,
    pub precision: f64,
    pub kind: Kind,
    pub vague: bool,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
    /// The numeral, when the core is one.
    pub numeral: Option<Numeral>,
}

impl Core {
    pub fn new(start: usize, end: usize, value: f64, precision: f64, kind: Kind) -> Core {
        Core {
            start,
            num_start: start,
            num_end: end,
            end,
            value,
            precision,
            kind,
            vague: false,
            qualifier: None,
            direction: None,
            numeral: None,
        }
    }
}

/// What a position holds: a quantity, or tokens to skip.
pub(crate) enum Step {
    Found(Core),
    Skip(usize),
}

pub(crate) fn find(t: &Tokens, ages: &[Range<usize>]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match step(t, i) {
            Some(Step::Found(core)) => {
                i = core.end.max(i + 1);
                if let Some(q) = finish(t, core, ages) {
                    out.push(q);
                }
            }
            Some(Step::Skip(end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    out
}

fn step(t: &Tokens, i: usize) -> Option<Step> {
    if !may_start(t, i) {
        return None;
    }
    if let Some(end) = noise_chain(t, i) {
        return Some(Step::Skip(end));
    }
    let core = money_prefix(t, i)
        .or_else(|| share(t, i))
        .or_else(|| half_scale(t, i))
        .or_else(|| fraction(t, i))
        .or_else(|| half(t, i))
        .or_else(|| multiple_word(t, i))
        .or_else(|| majority(t, i))
        .or_else(|| most_of(t, i))
        .or_else(|| nearly_all(t, i))
        .or_else(|| vague(t, i))
        .or_else(|| dozen(t, i));
    match core {
        Some(c) => Some(Step::Found(c)),
        None => numeral_core(t, i),
    }
}

/// A cheap test that turns most tokens away before every reader is tried.
fn may_start(t: &Tokens, i: usize) -> bool {
    let Some(w) = t.word(i) else {
        return t.is_num(i) || CURRENCY_SYMBOLS.iter().any(|s| t.sym(i, s));
    };
    let mut buf = [0u8; 16];
    match crate::token::lowercase(w, &mut buf) {
        Some(
            "a" | "an" | "the" | "half" | "twice" | "thrice" | "doubled" | "doubling" | "tripled"
            | "trebled" | "tripling" | "trebling" | "quadrupled" | "quadrupling" | "halved"
            | "halving" | "double" | "triple" | "treble" | "quadruple" | "most" | "tens"
            | "hundreds" | "thousands" | "millions" | "billions" | "dozens" | "scores" | "several"
            | "many" | "gbp" | "usd" | "eur" | "almost" | "nearly" | "virtually" | "practically",
        ) => true,
        Some(w) => numeral::small_word_value(w).is_some() || w.ends_with("fold"),
        None => false,
    }
}

/// Adds qualifier and direction, or drops the core when it is not a quantity.
fn finish(t: &Tokens, mut core: Core, ages: &[Range<usize>]) -> Option<Quantity> {
    let prefix = prefix_qualifier(t, core.start);
    if is_noise(t, &core, prefix, ages) {
        return None;
    }
    let mut start = core.start;
    if let Some((q, s)) = prefix {
        core.qualifier = Some(q);
        start = s;
    }
    let mut end = core.end;
    if let Some((q, e)) = suffix_qualifier(t, end).filter(|_| prefix.is_none()) {
        core.qualifier = Some(q);
        end = e;
    }
    if core.direction.is_none() {
        if let Some((d, s)) = direction_before(t, start, &core) {
            core.direction = Some(d);
            start = s;
        } else if let Some((d, e)) = direction_after(t, end) {
            core.direction = Some(d);
            end = e;
        }
    }
    let mut per = None;
    if core.kind == Kind::Count
        && core.direction.is_none()
        && let Some((p, e)) = rate_after(t, end, averaged(t, start))
    {
        per = Some(p);
        end = e;
    }
    Some(Quantity {
        span: t.span(start, end),
        number_span: t.span(core.num_start, core.num_end),
        value: core.value,
        kind: core.kind,
        qualifier: core.qualifier.unwrap_or(Qualifier::Exact),
        precision: core.precision,
        vague: core.vague,
        direction: core.direction,
        per,
    })
}

/// "Averaged 50,000", "an average of 50,000": a count said to be an average.
fn averaged(t: &Tokens, start: usize) -> bool {
    start > 0 && t.is_any(start - 1, &["averaged", "averaging"])
        || t.seq_back(start, &["average", "of"]).is_some()
}

/// "A day", "per week", "every month", "each year" after a count, with up to three words
/// between ("120 people a day", "1,000 migrants every week"). "A year" counts only after an
/// average ("averaged 50,000 a year"): otherwise it is more often a time ("a year earlier").
fn rate_after(t: &Tokens, end: usize, averaged: bool) -> Option<(Per, usize)> {
    const UNITS: [(&str, Per); 4] = [
        ("day", Per::Day),
        ("week", Per::Week),
        ("month", Per::Month),
        ("year", Per::Year),
    ];
    for skip in 0..=3 {
        let at = end + skip;
        if (end..at).any(|k| t.word(k).is_none() || t.is_num(k)) {
            return None;
        }
        for lead in ["a", "per", "each", "every"] {
            for (unit, per) in UNITS {
                if lead == "a" && per == Per::Year && !averaged {
                    continue;
                }
                if let Some(e) = t.seq(at, &[lead, unit]) {
                    // "a day earlier", "a week later" are times, not rates.
                    if t.is_any(e, &["earlier", "later", "before", "after", "ago"]) {
                        return None;
                    }
                    return Some((per, e));
                }
            }
        }
        // Stop at a word that cannot sit between a count and its rate.
        if t.is_any(
            at,
            &["in", "since", "from", "to", "than", "and", "or", "of"],
        ) {
            return None;
        }
    }
    None
}
