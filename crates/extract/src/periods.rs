//! Which period a claim is about.
//!
//! A sentence may hold several time expressions: the period of the claim ("since 2018"), a
//! comparison base ("compared with 2015"), and the time the words were said ("a statement
//! last month"). The claim takes the nearest expression that is not a base or a time of
//! speaking; "in that time" takes the period of the claim before; an open period ("since
//! 2018") ends when the words were said, if the text says when.

use std::ops::Range;

use temporal::{Cue, Day, Period, TimeExpr, Value};

use crate::{ClaimPeriod, Said, State, Via};

const SPEECH: [&str; 14] = [
    "said",
    "says",
    "told",
    "statement",
    "announced",
    "speech",
    "interview",
    "wrote",
    "tweeted",
    "claimed",
    "revealed",
    "stated",
    "added",
    "insisted",
];

/// Words for the figures of a series, and words for their beginning: "since records began in
/// 2004", "since figures began to be collected in 2018", "since the data were first
/// published in 2010".
const SERIES: [&str; 5] = ["records", "figures", "data", "statistics", "counting"];
const BEGAN: [&str; 5] = ["began", "begin", "started", "start", "first"];

/// "Since records began in 2004", "since figures began to be collected in 2018": when the
/// figures began, which says which series the sentence is about and how far back a record
/// reaches, but is never the period of a claim. The words from "since" to the year, and the
/// year.
pub fn series_began(text: &str) -> Option<(Range<usize>, i32)> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<(usize, &str)> = lower
        .split_inclusive(|c: char| !c.is_ascii_alphanumeric())
        .scan(0usize, |at, piece| {
            let start = *at;
            *at += piece.len();
            let word = piece.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, (start, w))| {
        if *w != "since" {
            return None;
        }
        let after = words.get(i + 1..(i + 9).min(words.len()))?;
        let series = after.iter().position(|(_, w)| SERIES.contains(w))?;
        let began = after[series..]
            .iter()
            .position(|(_, w)| BEGAN.contains(w))?
            + series;
        after[began..].iter().find_map(|(at, w)| {
            let year = w
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))?;
            Some((*start..at + w.len(), year))
        })
    })
}

/// Words that make what follows them a record's reach: "the highest since records began".
const SUPERLATIVES: [&str; 10] = [
    "highest", "lowest", "most", "fewest", "record", "largest", "biggest", "greatest", "smallest",
    "peak",
];

/// True when a superlative comes before byte `at` of `text`.
fn superlative_before(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| {
        before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SUPERLATIVES.iter().any(|s| w.eq_ignore_ascii_case(s)))
    })
}

/// What a claim's periods came to.
#[derive(Debug, Default)]
pub(crate) struct Timing {
    pub period: Option<ClaimPeriod>,
    pub base: Option<ClaimPeriod>,
    pub unresolved: Option<String>,
    /// For a record, the first day it reaches back to ("the highest since 2004").
    pub horizon: Option<jiff::civil::Date>,
}

/// A closed period next to the attribution or a speech word: "a statement from the Home
/// Office last month", "told MPs on Tuesday", "Last week, the minister said".
pub(crate) fn time_of_speaking(
    text: &str,
    times: &[TimeExpr],
    attribution: Option<&Range<usize>>,
) -> Option<Said> {
    let lower = text.to_ascii_lowercase();
    let mut markers: Vec<Range<usize>> = SPEECH
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(i, _)| i..i + w.len()))
        .collect();
    markers.extend(attribution.cloned());
    times.iter().find_map(|t| {
        let Value::Period(period) = &t.value else {
            return None;
        };
        let adjacent = markers.iter().any(|m| gap(&lower, m, &t.span) <= 2);
        // Words are said on a day, in a week or a month: a year next to "said" is the
        // period of the claim ("in 2022, officials said").
        let short = period.days() <= 31;
        (t.cue == Cue::None && !period.open && adjacent && short).then(|| Said {
            span: t.span.clone(),
            days: Day {
                earliest: period.start.earliest,
                latest: period.end.latest,
            },
            text: text[t.span.clone()].to_string(),
        })
    })
}

/// Words between two spans, either way round.
fn gap(text: &str, a: &Range<usize>, b: &Range<usize>) -> usize {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if second.start <= first.end {
        return 0;
    }
    text.get(first.end..second.start)
        .map_or(usize::MAX, |between| between.split_whitespace().count())
}

/// What choosing a period needs to know of the claim.
#[derive(Debug)]
pub(crate) struct Asserted<'a> {
    pub span: &'a Range<usize>,
    /// A count or share with no direction: a comparison right after it is its own period.
    pub plain: bool,
    /// A forecast: its period may run past the time of speaking.
    pub forecast: bool,
    /// A record: "since 2004" after it is how far back the record reaches, not its period.
    pub record: bool,
    /// The sentence's other quantities: a time expression beyond one of them is its period
    /// ("in 2020 the figure rose to 1,449, reaching 4,321 in 2021").
    pub others: &'a [Range<usize>],
    /// The speaker's term of office, for a claim of their own record ("I oversaw ...").
    pub own_term: Option<&'a temporal::Event>,
    /// A recent event the sentence is about, for a claim of what is going on now ("are
    /// being returned" after a returns pact): with no period stated, it counts from then.
    pub in_force: Option<&'a temporal::Event>,
    /// How far back the sentence's other records reach: no period of this claim.
    pub reaches: &'a [Range<usize>],
}

/// How far back the record at `span` reaches: the first "since ..." after it ("the highest
/// since 2019"), or a stretch of years named with "past" or "last" ("in the past ten
/// years"); but "the highest level last year" is about last year.
pub(crate) fn reach_of<'t>(
    text: &str,
    span: &Range<usize>,
    times: &[&'t TimeExpr],
) -> Option<&'t TimeExpr> {
    times.iter().copied().find(|t| {
        let past = text[t.span.clone()]
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("past") || w.eq_ignore_ascii_case("last"))
            && matches!(&t.value, Value::Period(p) if p.days() > 366);
        (t.cue == Cue::Since || past) && t.span.start >= span.end
    })
}

pub(crate) fn choose(
    text: &str,
    asserted: &Asserted<'_>,
    times: &[TimeExpr],
    said: Option<&Said>,
    state: &State,
    reference: jiff::civil::Date,
) -> Timing {
    let (quantity, plain, forecast) = (asserted.span, asserted.plain, asserted.forecast);
    let candidates: Vec<&TimeExpr> = times
        .iter()
        .filter(|t| said.is_none_or(|s| s.span != t.span))
        .collect();
    let own = own_comparison(quantity, &candidates).filter(|_| plain);
    let led = (!plain && !asserted.record)
        .then(|| led_base(text, quantity, &candidates))
        .flatten();
    let is_base = |t: &TimeExpr| {
        let compared = t.cue == Cue::Compared || matches!(t.value, Value::Relative { .. });
        (compared && own.is_none_or(|o| o.span != t.span)) || led.is_some_and(|l| l.span == t.span)
    };
    let horizon = asserted
        .record
        .then(|| reach_of(text, quantity, &candidates))
        .flatten();
    // How far back another record of the sentence reaches is no period of this claim: in
    // "1,918 deported, the highest since 2019, and 1,089 removed", 2019 is the record's.
    let is_horizon = |t: &TimeExpr| {
        horizon.is_some_and(|h| h.span == t.span) || asserted.reaches.contains(&t.span)
    };
    // "The highest since records began in 2004" says how far back the record reaches, not
    // what period is counted; "since records began in 2018, 115,000 have crossed" does.
    let series = series_began(text)
        .map(|(span, _)| span)
        .filter(|span| superlative_before(text, span.start));
    let in_series = |t: &TimeExpr| {
        series
            .as_ref()
            .is_some_and(|s| s.start <= t.span.start && t.span.end <= s.end)
    };
    let main = own.or_else(|| {
        let eligible = || {
            candidates
                .iter()
                .copied()
                .filter(|t| !is_base(t) && !is_horizon(t) && !in_series(t))
        };
        let beyond_another = |t: &&TimeExpr| {
            asserted
                .others
                .iter()
                .any(|o| between(o, quantity, &t.span))
        };
        // Beyond another number and a clause break, a time expression is that number's
        // alone: "some 500 have been returned — one of five priorities for this year".
        let cut_off = |t: &&TimeExpr| {
            t.span.start >= quantity.end
                && beyond_another(t)
                && clause_break(text, quantity, &t.span)
        };
        // A day or a week is more often when something was said or published ("data
        // published on Thursday show ... in the year to December") than what is counted:
        // it is the claim's period only when nothing else can be, and never when it names
        // when something happened ("at last week's PMQs", "Monday's figures").
        // "This year", said on 5 January, is short because the year is young, not because
        // it names a day.
        let short =
            |t: &&TimeExpr| matches!(&t.value, Value::Period(p) if p.days() < 28 && !p.open);
        let possessive = |t: &&TimeExpr| {
            let after = &text[t.span.end..];
            after.starts_with("'s") || after.starts_with("\u{2019}s")
        };
        let long = || eligible().filter(|t| !short(t));
        let any = || eligible().filter(|t| !(short(t) && possessive(t)));
        // "1,000 this year, and last year we removed 5,700": a time past a new clause that
        // leads to another claim is that claim's.
        let next_clause = |t: &&TimeExpr| {
            t.span.start >= quantity.end
                && asserted.others.iter().any(|o| o.start >= t.span.end)
                && text
                    .get(quantity.end..t.span.start)
                    .is_some_and(|b| crate::CLAUSE_BREAKS.iter().any(|c| b.contains(c)))
        };
        nearest(
            quantity,
            long().filter(|t| !beyond_another(t) && !next_clause(t)),
        )
        .or_else(|| nearest(quantity, long().filter(|t| !beyond_another(t))))
        .or_else(|| nearest(quantity, long().filter(|t| !cut_off(t))))
        .or_else(|| nearest(quantity, any().filter(|t| !beyond_another(t))))
        .or_else(|| nearest(quantity, any().filter(|t| !cut_off(t))))
    });
    if !plain
        && !asserted.record
        && main.is_none_or(|t| matches!(t.value, Value::Unresolved { .. }))
        && since_then(text)
        && let Some(before) = state
            .sentence_period
            .clone()
            .or_else(|| state.back_reference().cloned())
        && let Some(period) = latest_like(&before.period, reference)
    {
        // "Since then the number has fallen by a third", "has since doubled": from the
        // period of the sentences before to the latest stretch as long.
        return Timing {
            period: Some(period),
            base: Some(ClaimPeriod {
                via: Via::BackReference,
                span: None,
                ..before
            }),
            ..Timing::default()
        };
    }
    let mut timing = Timing {
        horizon: horizon.and_then(|h| match &h.value {
            Value::Period(p) => Some(horizon_start(&text[h.span.clone()], p)),
            _ => None,
        }),
        ..Timing::default()
    };
    match main.map(|t| (t, &t.value)) {
        Some((t, Value::Period(period))) => {
            let said_period = ending_when_said(period, said);
            let period = if forecast {
                whole_of_the_year(&said_period)
            } else {
                until(&said_period, reference)
            };
            timing.period = Some(stated(text, t, period));
        }
        Some((t, Value::BackReference)) => {
            timing.period = state
                .back_reference()
                .cloned()
                .map(|p| ClaimPeriod {
                    text: text[t.span.clone()].to_string(),
                    span: Some(t.span.clone()),
                    via: Via::BackReference,
                    ..p
                })
                .or_else(|| assumed(reference));
        }
        Some((_, Value::Unresolved { what })) => timing.unresolved = Some(what.clone()),
        Some((_, Value::Relative { .. })) => {}
        None => {
            // "In the same period last year, the figure was 12,747": a plain count whose only
            // time is a year back is of the sentence before's period, that many years back.
            // (One right after the count, "9,088 the year before", is its own: below.)
            let back = candidates.iter().find_map(|t| match t.value {
                Value::Relative { years_back } if plain && t.span.end <= quantity.start => {
                    Some((*t, years_back))
                }
                _ => None,
            });
            let moved_back = |p: ClaimPeriod| match back {
                Some((t, years_back)) => {
                    shift_years(&p.period, -years_back).map(|period| ClaimPeriod {
                        period,
                        text: text[t.span.clone()].to_string(),
                        span: Some(t.span.clone()),
                        via: Via::Relative,
                        cue: Some(t.cue),
                    })
                }
                None => Some(ClaimPeriod {
                    via: Via::Context,
                    span: None,
                    ..p
                }),
            };
            timing.period = state
                .sentence_period
                .clone()
                .and_then(moved_back)
                .or_else(|| {
                    if forecast {
                        forecast_year(reference)
                    } else {
                        asserted
                            .own_term
                            .map(|term| term_period(term, reference))
                            .or_else(|| asserted.in_force.map(|e| since_recent(e, reference)))
                            .or_else(|| assumed(reference))
                    }
                });
        }
    }
    // "Compared with 28,526 a year earlier": a relative time right after a plain count is
    // the count's own period, the main one moved back.
    let own_relative = candidates.iter().find_map(|t| match t.value {
        Value::Relative { years_back }
            if plain && t.span.start >= quantity.end && t.span.start <= quantity.end + 4 =>
        {
            Some((*t, years_back))
        }
        _ => None,
    });
    if let (Some((t, years_back)), Some(main)) = (own_relative, timing.period.as_ref())
        && let Some(shifted) = shift_years(&main.period, -years_back)
    {
        timing.period = Some(ClaimPeriod {
            period: shifted,
            text: text[t.span.clone()].to_string(),
            span: Some(t.span.clone()),
            via: Via::Relative,
            cue: Some(t.cue),
        });
        return timing;
    }
    if asserted.record
        && timing.horizon.is_none()
        && let (Some(years), Some(period)) = (years_back(text), timing.period.as_ref())
    {
        // "The highest for two decades", "a ten-year low": the years before the period's own.
        let first = i32::from(period.period.start.earliest.year()) - years + 1;
        timing.horizon = i16::try_from(first)
            .ok()
            .and_then(|y| jiff::civil::Date::new(y, 1, 1).ok());
    }
    timing.base = base(
        text,
        quantity,
        &candidates,
        timing.period.as_ref(),
        is_base,
        led,
    );
    timing
}

/// How many years a record reaches back when the text says so: "for two decades", "in 20
/// years", "in a decade", "a ten-year low", "the highest in the past five years".
fn years_back(text: &str) -> Option<i32> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let count = |w: &str| match w {
        "a" | "one" => Some(1),
        _ => quantity::small_number(w).map(|n| n as i32),
    };
    let unit = |w: &str| match w {
        "year" | "years" => Some(1),
        "decade" | "decades" => Some(10),
        _ => None,
    };
    for (i, w) in words.iter().enumerate() {
        let Some(n) = count(w) else { continue };
        let Some(per) = words.get(i + 1).and_then(|u| unit(u)) else {
            continue;
        };
        // "For almost 20 years", "in more than a decade": the hedge is not the reach.
        let hedged = matches!(
            i.checked_sub(1).and_then(|j| words.get(j)).copied(),
            Some("almost" | "nearly" | "over" | "around" | "about")
        );
        let at = if hedged { i - 1 } else { i };
        let before = |k: usize| at.checked_sub(k).and_then(|j| words.get(j)).copied();
        // "for two decades", "in the past ten years".
        let led = matches!(before(1), Some("for" | "in"))
            || matches!(
                (before(3), before(2), before(1)),
                (Some("in" | "for"), Some("the"), Some("past" | "last"))
            );
        let adjective = matches!(
            words.get(i + 2).copied(),
            Some("low" | "high" | "lows" | "highs")
        );
        if (led || adjective) && n > 0 {
            return Some(n * per);
        }
    }
    None
}

fn base(
    text: &str,
    quantity: &Range<usize>,
    candidates: &[&TimeExpr],
    main: Option<&ClaimPeriod>,
    is_base: impl Fn(&TimeExpr) -> bool,
    led: Option<&TimeExpr>,
) -> Option<ClaimPeriod> {
    // The time the claim's own words of comparison lead to comes first.
    let t = led.or_else(|| nearest(quantity, candidates.iter().copied().filter(|t| is_base(t))))?;
    match &t.value {
        // "Up on the same period of 2023": the claim's own stretch, in that year.
        Value::Period(period)
            if main.is_some() && text[t.span.clone()].to_ascii_lowercase().contains("same ") =>
        {
            let main = main?;
            let years_back =
                i32::from(main.period.end.latest.year()) - i32::from(period.end.latest.year());
            let shifted = shift_years(&main.period, -years_back)?;
            Some(ClaimPeriod {
                period: shifted,
                ..stated(text, t, period.clone())
            })
        }
        Value::Period(period) => Some(stated(text, t, period.clone())),
        Value::Relative { years_back } => {
            let main = main?;
            let shifted = shift_years(&main.period, -years_back)?;
            Some(ClaimPeriod {
                period: shifted,
                text: text[t.span.clone()].to_string(),
                span: Some(t.span.clone()),
                via: Via::Relative,
                cue: Some(t.cue),
            })
        }
        _ => None,
    }
}

fn stated(text: &str, t: &TimeExpr, period: Period) -> ClaimPeriod {
    ClaimPeriod {
        period,
        text: text[t.span.clone()].to_string(),
        span: Some(t.span.clone()),
        via: Via::Stated,
        cue: Some(t.cue),
    }
}

/// "Down from 24,000 in 2019": a comparison right after a plain count is that count's own
/// period (after a change, "60 per cent higher than 2021", it is the base).
fn own_comparison<'a>(
    quantity: &Range<usize>,
    candidates: &[&'a TimeExpr],
) -> Option<&'a TimeExpr> {
    candidates.iter().copied().find(|t| {
        let after = t.span.end > quantity.end && t.span.start <= quantity.end + 4;
        let inside = t.span.start <= quantity.start && t.span.end >= quantity.end;
        t.cue == Cue::Compared && matches!(t.value, Value::Period(_)) && (after || inside)
    })
}

/// "Fell by a third between 2021 and 2023 to 15,864": a count a change reaches, said right
/// after "to".
pub(crate) fn reached_by_a_change(
    text: &str,
    span: &Range<usize>,
    others: &[Range<usize>],
) -> bool {
    let before = text[..span.start].trim_end();
    let to = before.ends_with(" to") || before.ends_with(",to");
    to && others.iter().any(|o| o.end <= span.start)
}

/// A claim period of whole calendar years, cut to its last: the count a change over the
/// years reaches is the last year's. Other periods stay as they are.
pub(crate) fn last_year_of(claim: ClaimPeriod) -> ClaimPeriod {
    let p = &claim.period;
    let start = calendar_years(p)
        .filter(|(first, last)| last > first)
        .and_then(|(_, last)| jiff::civil::Date::new(last, 1, 1).ok());
    let Some(start) = start else {
        return claim;
    };
    ClaimPeriod {
        period: Period {
            start: Day::exact(start),
            derivation: format!("{}, the last year of \"{}\"", start.year(), claim.text),
            ..p.clone()
        },
        ..claim
    }
}

/// The first and last years of a period of whole calendar years, from 1 January to 31
/// December.
fn calendar_years(p: &Period) -> Option<(i16, i16)> {
    let (first, last) = (p.start.earliest, p.end.latest);
    (first.month() == 1 && first.day() == 1 && last.month() == 12 && last.day() == 31)
        .then(|| (first.year(), last.year()))
}

/// A period cannot run past the time of speaking: "in 2021", said in September 2021, is
/// 2021 so far.
fn until(period: &Period, reference: jiff::civil::Date) -> Period {
    if period.end.earliest <= reference || period.start.latest > reference {
        return period.clone();
    }
    Period {
        end: Day::exact(reference),
        open: true,
        derivation: format!(
            "{}, up to when it was said ({reference})",
            period.derivation
        ),
        ..period.clone()
    }
}

/// Words after "than" that set a claim against a vague past.
const PAST: [&str; 6] = [
    "in the past",
    "before",
    "previously",
    "in previous years",
    "in earlier years",
    "in years gone by",
];

/// "Thousands more this year than we have in the past", "fewer than before": a comparison
/// with a past that names no time, after the claim at `span`.
pub(crate) fn against_the_past(text: &str, span: &Range<usize>) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(after) = lower.get(span.end..) else {
        return false;
    };
    let Some(than) = after.find("than ") else {
        return false;
    };
    let rest = &after[than + 5..];
    // Up to four words ("we have", "there were") may stand between "than" and the past.
    let words: Vec<&str> = rest.split_whitespace().take(8).collect();
    (0..=4.min(words.len())).any(|skip| {
        let tail = words[skip..]
            .join(" ")
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        // The past must end the clause: "in the past decade", "before the pandemic" name a
        // time.
        PAST.iter().any(|p| {
            tail.starts_with(p)
                && tail[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() && !c.is_whitespace())
        })
    })
}

/// "I oversaw", "I have removed", "I deported": the speaker speaks of their own record, in
/// the past tense.
pub(crate) fn own_record(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let past = |w: &str| is_past(&w.to_lowercase());
    words.iter().enumerate().any(|(i, w)| {
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        match *w {
            "I" if matches!(next(1), "have" | "had") => past(next(2)),
            "I" => past(next(1)),
            "I've" | "I’ve" | "I'd" | "I’d" => past(next(1)),
            _ => false,
        }
    })
}

/// A past tense, in lower case: "removed", "oversaw"; not "needed".
fn is_past(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4 && !PRESENT_IN_ED.contains(&w)) || IRREGULAR_PAST.contains(&w)
}

/// Words of five letters or more that end in "-ed" but tell of no record: present tenses,
/// and "needed".
const PRESENT_IN_ED: [&str; 5] = ["needed", "proceed", "succeed", "exceed", "embed"];

/// Past participles that are not past tenses ("have fallen", "has risen").
const PARTICIPLES: [&str; 10] = [
    "been", "fallen", "risen", "grown", "flown", "gone", "come", "seen", "taken", "driven",
];

/// Past tenses that do not end in "-ed".
const IRREGULAR_PAST: [&str; 13] = [
    "oversaw", "led", "ran", "took", "brought", "cut", "sent", "got", "made", "saw", "kept",
    "drove", "put",
];

/// The speaker's own term of office, as the period of a claim about their record.
fn term_period(term: &temporal::Event, reference: jiff::civil::Date) -> ClaimPeriod {
    from_event(
        term,
        reference,
        "the speaker speaks of their own record".to_string(),
        Via::Term,
    )
}

/// A claim of what is going on now, stating no period, soon after an event it is about:
/// since the event.
fn since_recent(event: &temporal::Event, reference: jiff::civil::Date) -> ClaimPeriod {
    let why = format!(
        "the claim is of what is going on now, soon after {}",
        event.name
    );
    from_event(event, reference, why, Via::Event)
}

/// The time of `event` up to `reference`, as the period of a claim that states none, for the
/// reason `why`.
fn from_event(
    event: &temporal::Event,
    reference: jiff::civil::Date,
    why: String,
    via: Via,
) -> ClaimPeriod {
    let period = event.term(reference);
    ClaimPeriod {
        period: Period {
            derivation: format!("no period is stated, and {why}: {}", period.derivation),
            ..period
        },
        text: String::new(),
        span: None,
        via,
        cue: None,
    }
}

/// "Are returning", "is rising", "have been removed", "who've arrived": the sentence speaks
/// of what is going on, or has gone on up to now (the present progressive or perfect).
pub(crate) fn ongoing(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let past = |w: &str| is_past(w) || PARTICIPLES.contains(&w);
    words.iter().enumerate().any(|(i, w)| {
        let next = |k: usize| words.get(i + k).map_or("", String::as_str);
        // One adverb may come between: "are now returning", "have already been removed".
        let (a, b) = (next(1), next(2));
        match w.as_str() {
            "is" | "are" | "we're" | "they're" => {
                (a.ends_with("ing") && a.len() > 4) || (b.ends_with("ing") && b.len() > 4)
            }
            "have" | "has" | "we've" | "they've" | "who've" => past(a) || past(b),
            _ => false,
        }
    })
}

/// With no period stated, the claim is taken to be about the last full calendar year.
fn assumed(reference: jiff::civil::Date) -> Option<ClaimPeriod> {
    let year = reference.year() - 1;
    whole_year_assumed(
        year,
        format!("no period is stated, so the last full calendar year before {reference} ({year})"),
    )
}

/// A forecast with no period stated ("at this rate it could reach 30,000") is about the
/// calendar year it was made in.
/// "Could top 60,000 this year": a forecast's "this year" is the whole of it, not the year
/// so far.
fn whole_of_the_year(period: &Period) -> Period {
    let start = period.start.earliest;
    let whole = period.open
        && start.month() == 1
        && start.day() == 1
        && period.start.latest == start
        && period.end.latest.year() == start.year();
    match jiff::civil::Date::new(start.year(), 12, 31) {
        Ok(end) if whole => Period {
            end: Day::exact(end),
            open: false,
            derivation: format!("the whole of {} (a forecast)", start.year()),
            ..period.clone()
        },
        _ => period.clone(),
    }
}

fn forecast_year(reference: jiff::civil::Date) -> Option<ClaimPeriod> {
    let year = reference.year();
    whole_year_assumed(
        year,
        format!(
            "no period is stated, so the forecast is taken to be about the year it was made in ({year})"
        ),
    )
}

fn whole_year_assumed(year: i16, derivation: String) -> Option<ClaimPeriod> {
    Some(ClaimPeriod {
        period: Period {
            start: Day::exact(jiff::civil::Date::new(year, 1, 1).ok()?),
            end: Day::exact(jiff::civil::Date::new(year, 12, 31).ok()?),
            open: false,
            derivation,
        },
        text: String::new(),
        span: None,
        via: Via::Assumed,
        cue: None,
    })
}

fn ending_when_said(period: &Period, said: Option<&Said>) -> Period {
    // "Since taking office in July, the Home Office said": a month that the period begins in
    // is when it began, not when the words were said.
    let after_start = |said: &Said| {
        period
            .start
            .latest
            .checked_add(jiff::Span::new().days(28))
            .is_ok_and(|d| said.days.earliest > d)
    };
    match said {
        Some(said) if period.open && after_start(said) => {
            let start = period
                .derivation
                .split(" until ")
                .next()
                .unwrap_or(&period.derivation);
            Period {
                end: said.days,
                derivation: format!(
                    "{start}, until it was said (\"{}\": {} to {})",
                    said.text, said.days.earliest, said.days.latest
                ),
                ..period.clone()
            }
        }
        _ => period.clone(),
    }
}

fn nearest<'a>(
    quantity: &Range<usize>,
    times: impl Iterator<Item = &'a TimeExpr>,
) -> Option<&'a TimeExpr> {
    times.min_by_key(|t| distance(quantity, &t.span))
}

/// "38 per cent more than the 2,790 deported in 2021", "more than double the number in
/// 2019": after a change or a multiple, the words that name what it is set against lead to
/// the base's time.
fn led_base<'a>(
    text: &str,
    quantity: &Range<usize>,
    candidates: &[&'a TimeExpr],
) -> Option<&'a TimeExpr> {
    const LEADS: [&str; 13] = [
        "of the level",
        "of the number",
        "of the total",
        "than",
        "the number",
        "the level",
        "the total",
        "the figure",
        "that of",
        "those of",
        "the numbers",
        "what",
        "of what",
    ];
    let after = text.get(quantity.end..)?;
    let rest = after.trim_start().to_ascii_lowercase();
    // "Less than half the 2002 peak": "the" and a year lead to the base as well.
    if !LEADS.iter().any(|l| rest.starts_with(l)) && !crate::assertions::the_year_next(&rest) {
        return None;
    }
    let t = candidates
        .iter()
        .copied()
        .filter(|t| t.span.start >= quantity.end && matches!(t.value, Value::Period(_)))
        .min_by_key(|t| t.span.start)?;
    let between = text.get(quantity.end..t.span.start)?;
    let cut = between.contains(", ")
        || between.contains([';', '—'])
        || between.split_whitespace().count() > 8;
    (!cut).then_some(t)
}

/// Where a record's comparison begins. "The highest since 2019" is the highest of the years
/// after 2019, which may itself have been higher; "since records began in 2004" counts 2004.
fn horizon_start(words: &str, since: &Period) -> jiff::civil::Date {
    let start = since.start.earliest;
    let began = ["began", "begun", "started", "start", "records", "first"]
        .iter()
        .any(|w| words.to_ascii_lowercase().contains(w));
    let bare_year = words
        .split_whitespace()
        .last()
        .and_then(|w| {
            w.trim_matches(|c: char| !c.is_ascii_digit())
                .parse::<i16>()
                .ok()
        })
        .is_some_and(|y| y == start.year() && start.month() == 1 && start.day() == 1);
    if bare_year && !began {
        jiff::civil::Date::new(start.year() + 1, 1, 1).unwrap_or(start)
    } else {
        start
    }
}

/// True when a dash or semicolon stands between `a` and `b`.
fn clause_break(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    text.get(first.end..second.start).is_some_and(|between| {
        between.contains(['—', ';']) || between.contains(" – ") || between.contains(" - ")
    })
}

/// True when `middle` lies wholly between `a` and `b`.
fn between(middle: &Range<usize>, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    middle.start >= first.end && middle.end <= second.start
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// "Since then", "has since": a change from a period named before.
fn since_then(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .any(|w| matches!(w, ["since", "then"] | ["has" | "have" | "had", "since"]))
}

/// The latest stretch as long as `period`, whole years after it, that ended before
/// `reference`: after 2022, said in February 2024, 2023 (as the last full year, whose
/// figures the checker moves back to what was out by then).
fn latest_like(period: &Period, reference: jiff::civil::Date) -> Option<ClaimPeriod> {
    let end = period.end.latest;
    // As many whole years on as fit before the reference date.
    let mut years = i32::from(reference.year()) - i32::from(end.year());
    while years > 0
        && end
            .checked_add(jiff::Span::new().years(years))
            .is_ok_and(|moved| moved >= reference)
    {
        years -= 1;
    }
    if years <= 0 {
        return None;
    }
    if let Some((first, last)) = calendar_years(period).filter(|(first, last)| first == last) {
        let year = last + i16::try_from(years).ok()?;
        return whole_year_assumed(year, format!("the latest full year after {first}: {year}"));
    }
    let shifted = period.years_earlier(
        -years,
        format!(
            "{}, {years} year(s) later: the latest stretch as long",
            period.derivation
        ),
    )?;
    Some(ClaimPeriod {
        period: shifted,
        text: String::new(),
        span: None,
        via: Via::Relative,
        cue: None,
    })
}

fn shift_years(period: &Period, years: i32) -> Option<Period> {
    let derivation = format!("{} moved {} year(s) earlier", period.derivation, -years);
    period.years_earlier(-years, derivation)
}
