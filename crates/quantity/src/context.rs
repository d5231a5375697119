//! The words around a core: a qualifier before it ("more than", "just under") or after it
//! ("or more", "-plus"), and the direction of a change ("fell by", "an increase of",
//! "60 per cent higher").

use crate::lexicon::{
    CHANGE_NOUNS, DIRECTION_AFTER, DIRECTION_BEFORE, QUALIFIERS, SUFFIX_QUALIFIERS, lookup,
};
use crate::scan::Core;
use crate::token::Tokens;
use crate::{Direction, Kind, Qualifier};

/// The longest qualifier phrase ending just before `start`.
pub(crate) fn prefix_qualifier(t: &Tokens, start: usize) -> Option<(Qualifier, usize)> {
    let last = start.checked_sub(1)?;
    QUALIFIERS
        .iter()
        .filter(|(phrase, _)| t.is(last, phrase[phrase.len() - 1]) || t.sym(last, "."))
        .filter_map(|&(phrase, q)| t.seq_back(start, phrase).map(|s| (q, s)))
        .min_by_key(|&(_, s)| s)
}

pub(crate) fn suffix_qualifier(t: &Tokens, end: usize) -> Option<(Qualifier, usize)> {
    SUFFIX_QUALIFIERS.iter().find_map(|&(phrase, q)| {
        let touching = !phrase[0].starts_with(char::is_alphabetic);
        let e = t.seq(end, phrase)?;
        (!touching || t.attached(end)).then_some((q, e))
    })
}

/// "rose 60%", "fell sharply by 36 per cent", "an increase of 18%", "+5%".
pub(crate) fn direction_before(
    t: &Tokens,
    start: usize,
    core: &Core,
) -> Option<(Direction, usize)> {
    if core.kind == Kind::Percent
        && start == core.start
        && let Some(found) = sign_before(t, start)
    {
        return Some(found);
    }
    let j = start.checked_sub(1)?;
    if t.is(j, "of") && j > 0 {
        return lookup(CHANGE_NOUNS, t.word(j - 1)).map(|d| (d, j - 1));
    }
    let k = if t.is(j, "by") {
        verb_before_by(t, j)?
    } else {
        j
    };
    if t.is(k, "up") && k > 0 && t.is_any(k - 1, PHRASAL_UP) {
        return None;
    }
    lookup(DIRECTION_BEFORE, t.word(k)).map(|d| (d, k))
}

/// "+5%", "-3%": a sign that touches the number but not the word before.
fn sign_before(t: &Tokens, start: usize) -> Option<(Direction, usize)> {
    let s = start.checked_sub(1)?;
    if !t.attached(start) || (s > 0 && t.attached(s)) {
        return None;
    }
    let d = match t.str(s) {
        "+" => Direction::Up,
        "-" | "\u{2212}" => Direction::Down,
        _ => return None,
    };
    Some((d, s))
}

/// The direction word up to three words before "by": "fell sharply by", "were up last year by";
/// or a verb that takes an object up to eight words before: "cut the number of small boat
/// arrivals by 20,000".
fn verb_before_by(t: &Tokens, by: usize) -> Option<usize> {
    let words = || {
        (by.saturating_sub(8)..by)
            .rev()
            .take_while(|&k| t.word(k).is_some())
    };
    words()
        .take(4)
        .find(|&k| lookup(DIRECTION_BEFORE, t.word(k)).is_some())
        .or_else(|| words().find(|&k| t.is_any(k, TRANSITIVE)))
}

/// Verbs of change that take an object before "by".
const TRANSITIVE: &[&str] = &[
    "cut",
    "reduced",
    "reduce",
    "cutting",
    "reducing",
    "slashed",
    "lowered",
    "increased",
    "raised",
    "boosted",
];

/// Verbs for which "up" is not a rise: "made up 70%", "took up half".
const PHRASAL_UP: &[&str] = &[
    "make", "made", "makes", "making", "add", "adds", "added", "adding", "take", "took", "takes",
    "taking", "set", "end", "ended", "ends", "pick", "picked", "sum", "summed", "sign", "signed",
    "round", "rounded", "use", "used", "using", "open", "opened", "give", "gave", "given",
];

/// "60 per cent higher", "a 20% year-on-year rise".
pub(crate) fn direction_after(t: &Tokens, end: usize) -> Option<(Direction, usize)> {
    let skip = if t.seq(end, &["year", "-", "on", "-", "year"]).is_some() {
        5
    } else {
        usize::from(t.is_any(end, CHANGE_ADJECTIVES))
    };
    let d = lookup(DIRECTION_AFTER, t.word(end + skip))?;
    Some((d, end + skip + 1))
}

const CHANGE_ADJECTIVES: &[&str] = &[
    "annual",
    "overall",
    "net",
    "sharp",
    "steep",
    "significant",
    "further",
    "dramatic",
    "huge",
    "massive",
    "marked",
];
