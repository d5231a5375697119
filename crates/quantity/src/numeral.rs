//! Numerals: digits ("45,774", "2.5"), number words ("twenty-five", "a hundred") and scale
//! words ("2.1 million", "1.2m", "half a million").
//!
//! A numeral is only the number; whether it is a year, a percentage or a count is decided
//! by the scanner, which looks at the words around it.

use crate::lexicon::{SCALE_ABBREVS, SCALES, TENS, UNITS, lookup};
use crate::token::Tokens;

/// Longest digit string read as a number; longer ones are skipped, not rounded.
const MAX_DIGITS: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    pub value: f64,
    pub precision: f64,
    /// Token index just past the numeral.
    pub end: usize,
    pub form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits alone: "2022", "8,000", "2.5".
    Digits {
        grouped: bool,
        decimals: usize,
        int_digits: usize,
    },
    /// Number words alone: "one", "twenty-five".
    Words,
    /// Anything with a scale word: "2.1 million", "a thousand", "45k".
    Scaled,
}

impl Numeral {
    /// A bare integer written in digits without separators ("2022", "39").
    pub fn plain_int(&self) -> Option<u64> {
        match self.form {
            Form::Digits {
                grouped: false,
                decimals: 0,
                ..
            } => Some(self.value as u64),
            _ => None,
        }
    }
}

/// Reads a numeral with its scale word at `i`.
pub(crate) fn numeral(t: &Tokens, i: usize) -> Option<Numeral> {
    let base = digits(t, i).or_else(|| words(t, i))?;
    Some(with_scale(t, base))
}

/// Reads digits, or number words, without any scale word.
pub(crate) fn bare(t: &Tokens, i: usize) -> Option<Numeral> {
    digits(t, i).or_else(|| words(t, i))
}

pub(crate) fn digits(t: &Tokens, i: usize) -> Option<Numeral> {
    if !t.is_num(i) {
        return None;
    }
    let raw = t.str(i);
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (int, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    if int.len() > MAX_DIGITS || frac.len() > MAX_DIGITS {
        return None;
    }
    let value: f64 = clean.parse().ok()?;
    let precision = if frac.is_empty() {
        integer_precision(value)
    } else {
        10f64.powi(-(frac.len() as i32))
    };
    let form = Form::Digits {
        grouped: raw.len() > clean.len(),
        decimals: frac.len(),
        int_digits: int.len(),
    };
    Some(Numeral {
        value,
        precision,
        end: i + 1,
        form,
    })
}

/// The unit of the last non-zero digit: 1000 for 8000, 1 for 2148 (and for 0).
pub(crate) fn integer_precision(value: f64) -> f64 {
    let mut p = 1.0;
    while value >= p * 10.0 && (value / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

fn unit_value(w: Option<&str>) -> Option<u64> {
    let w = w?;
    UNITS
        .iter()
        .position(|u| u.eq_ignore_ascii_case(w))
        .map(|k| k as u64)
}

fn tens_value(w: Option<&str>) -> Option<u64> {
    let w = w?;
    TENS.iter()
        .position(|u| u.eq_ignore_ascii_case(w))
        .map(|k| 20 + 10 * k as u64)
}

pub(crate) fn small_word(t: &Tokens, i: usize) -> Option<u64> {
    let mut buf = [0u8; 16];
    small_word_value(crate::token::lowercase(t.word(i)?, &mut buf)?)
}

/// "one" to "nineteen" and "twenty" to "ninety", given in lowercase.
pub(crate) fn small_word_value(w: &str) -> Option<u64> {
    let unit = UNITS.iter().position(|u| *u == w).map(|k| k as u64);
    unit.or_else(|| {
        TENS.iter()
            .position(|u| *u == w)
            .map(|k| 20 + 10 * k as u64)
    })
}

/// "twenty", "twenty-five", "ninety nine": a value below 100 and the index after it.
fn below_hundred(t: &Tokens, i: usize) -> Option<(u64, usize)> {
    if let Some(u) = unit_value(t.word(i)) {
        return Some((u, i + 1));
    }
    let tens = tens_value(t.word(i))?;
    let hyphen = t.is_dash(i + 1) && t.attached(i + 1) && t.attached(i + 2);
    let at = if hyphen { i + 2 } else { i + 1 };
    match unit_value(t.word(at)) {
        Some(u) if (1..10).contains(&u) => Some((tens + u, at + 1)),
        _ => Some((tens, i + 1)),
    }
}

/// "two hundred and fifty", "a hundred": a value below 1000.
fn below_thousand(t: &Tokens, i: usize) -> Option<(u64, usize)> {
    let (head, mut j) = if t.is_any(i, &["a", "an"]) && t.is(i + 1, "hundred") {
        (1, i + 1)
    } else {
        below_hundred(t, i)?
    };
    if !t.is(j, "hundred") || head == 0 || head > 9 {
        return Some((head, j));
    }
    j += 1;
    let and = usize::from(t.is(j, "and"));
    match below_hundred(t, j + and) {
        Some((rest, end)) if rest > 0 => Some((head * 100 + rest, end)),
        _ => Some((head * 100, j)),
    }
}

/// Number words with "thousand", "million" and "billion" ("twenty-five thousand",
/// "a million", "two million three hundred thousand").
pub(crate) fn words(t: &Tokens, i: usize) -> Option<Numeral> {
    let mut total: u64 = 0;
    let mut j = i;
    let mut last_scale = u64::MAX;
    let mut scaled = false;
    loop {
        let part = if t.is_any(j, &["a", "an"]) && big_scale(t, j + 1).is_some() {
            Some((1, j + 1))
        } else {
            below_thousand(t, j)
        };
        let Some((value, end)) = part else { break };
        let scale = big_scale(t, end).filter(|&s| s < last_scale && value > 0);
        match scale {
            Some(s) => {
                total = total.saturating_add(value.saturating_mul(s));
                last_scale = s;
                scaled = true;
                j = end + 1;
                if !(t.is(j, "and") || small_word(t, j).is_some() || t.is_any(j, &["a", "an"])) {
                    break;
                }
                j += usize::from(t.is(j, "and"));
            }
            None => {
                total = total.saturating_add(value);
                j = end;
                break;
            }
        }
    }
    if j == i || (t.is_any(i, &["a", "an"]) && !scaled && !t.is(i + 1, "hundred")) {
        return None;
    }
    let end = trim_and(t, i, j);
    let value = total as f64;
    let precision = if value < 20.0 {
        1.0
    } else {
        integer_precision(value)
    };
    let form = if scaled || t.is(end - 1, "hundred") {
        Form::Scaled
    } else {
        Form::Words
    };
    Some(Numeral {
        value,
        precision,
        end,
        form,
    })
}

fn trim_and(t: &Tokens, i: usize, mut j: usize) -> usize {
    while j > i + 1 && (t.is(j - 1, "and") || t.is_any(j - 1, &["a", "an"])) {
        j -= 1;
    }
    j
}

fn big_scale(t: &Tokens, i: usize) -> Option<u64> {
    let scale = lookup(SCALES, t.word(i)).filter(|&s| s >= 1e3)?;
    Some(scale as u64)
}

/// Adds a scale after digits ("2.1 million", "1.2m", "3 bn", "two and a half million").
fn with_scale(t: &Tokens, base: Numeral) -> Numeral {
    let half = t.seq(base.end, &["and", "a", "half"]);
    let at = half.unwrap_or(base.end);
    let Some((scale, end)) = scale_at(t, at, base.form) else {
        return base;
    };
    let mantissa = base.value + if half.is_some() { 0.5 } else { 0.0 };
    let unit = if half.is_some() { 0.5 } else { base.precision };
    Numeral {
        value: mantissa * scale,
        precision: unit * scale,
        end,
        form: Form::Scaled,
    }
}

fn scale_at(t: &Tokens, i: usize, form: Form) -> Option<(f64, usize)> {
    if let Some(s) = lookup(SCALES, t.word(i)) {
        let words_already_scaled = form == Form::Scaled;
        return (!words_already_scaled).then_some((s, i + 1));
    }
    if !matches!(form, Form::Digits { .. }) {
        return None;
    }
    let w = t.word(i)?;
    let &(_, s, must_touch) = SCALE_ABBREVS
        .iter()
        .find(|(a, _, _)| a.eq_ignore_ascii_case(w))?;
    let ends_word = t.word(i + 1).is_none() || !t.attached(i + 1);
    (ends_word && (t.attached(i) || !must_touch)).then_some((s, i + 1))
}

/// "half a million", "half a dozen": a count with its end.
pub(crate) fn half_scale(t: &Tokens, i: usize) -> Option<Numeral> {
    let end = t.seq(i, &["half", "a"])?;
    let scale = match t.word(end)?.to_ascii_lowercase().as_str() {
        "dozen" => {
            return Some(Numeral {
                value: 6.0,
                precision: 1.0,
                end: end + 1,
                form: Form::Scaled,
            });
        }
        w => lookup(SCALES, Some(w))?,
    };
    Some(Numeral {
        value: 0.5 * scale,
        precision: 0.1 * scale,
        end: end + 1,
        form: Form::Scaled,
    })
}

/// "a dozen", "two dozen".
pub(crate) fn dozen(t: &Tokens, i: usize) -> Option<Numeral> {
    let (n, at) = if t.is(i, "a") {
        (1, i + 1)
    } else {
        (small_word(t, i)?, i + 1)
    };
    if !t.is(at, "dozen") || n == 0 {
        return None;
    }
    let value = 12.0 * n as f64;
    Some(Numeral {
        value,
        precision: 1.0,
        end: at + 1,
        form: Form::Scaled,
    })
}

/// "thousands", "tens of thousands", "dozens", "several hundred", "a few thousand".
pub(crate) fn vague(t: &Tokens, i: usize) -> Option<Numeral> {
    let (value, precision, end) = vague_plural(t, i).or_else(|| vague_several(t, i))?;
    Some(Numeral {
        value,
        precision,
        end,
        form: Form::Scaled,
    })
}

fn plural_scale(t: &Tokens, i: usize) -> Option<f64> {
    const PLURALS: &[(&str, f64)] = &[
        ("hundreds", 1e2),
        ("thousands", 1e3),
        ("millions", 1e6),
        ("billions", 1e9),
    ];
    lookup(PLURALS, t.word(i))
}

fn vague_plural(t: &Tokens, i: usize) -> Option<(f64, f64, usize)> {
    if t.is(i, "tens") || t.is(i, "hundreds") {
        let head = if t.is(i, "tens") { 10.0 } else { 100.0 };
        if let Some(s) = t
            .seq(i + 1, &["of"])
            .and_then(|j| plural_scale(t, j).map(|s| (s, j + 1)))
        {
            return Some((2.0 * head * s.0, head * s.0, s.1));
        }
    }
    if t.is(i, "dozens") {
        return Some((24.0, 12.0, i + 1));
    }
    if t.is(i, "scores") && t.is(i + 1, "of") {
        return Some((40.0, 20.0, i + 1));
    }
    let s = plural_scale(t, i)?;
    Some((2.0 * s, s, i + 1))
}

fn vague_several(t: &Tokens, i: usize) -> Option<(f64, f64, usize)> {
    let at = if t.seq(i, &["a", "few"]).is_some() {
        i + 2
    } else if t.is_any(i, &["several", "many"]) {
        i + 1
    } else {
        return None;
    };
    let s = lookup(SCALES, t.word(at)).or_else(|| plural_scale(t, at))?;
    Some((2.0 * s, s, at + 1))
}
