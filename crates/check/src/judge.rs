//! The verdict policy.
//!
//! A claim allows a set of values: "more than 8,000" allows everything above 8,000; "about
//! 45,000" what rounds to 45,000, widened for "about"; "2,148" little more than itself. A
//! figure is an estimate within bounds. Each reading gets a [`Fit`]: consistent when the
//! estimate (all of it, for a fuzzy period) lies in the claim's set, close when it misses by
//! a little, inconsistent otherwise. The verdict rests on the most natural reading: see
//! DESIGN.md for the questions and answers behind each number here.

use extract::{Assertion, Claim, Hedge};
use quantity::{Direction, Kind, Qualifier, Quantity};
use query::{Arithmetic, Coverage, Figure, Plan, Reading};

use crate::Judged;

/// The five verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    Accurate,
    RoughlyRight,
    Inaccurate,
    NotCheckable,
    PeriodNotCovered,
}

impl Verdict {
    /// The verdict as the corpus and the JSON report spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accurate => "accurate",
            Verdict::RoughlyRight => "roughly_right",
            Verdict::Inaccurate => "inaccurate",
            Verdict::NotCheckable => "not_checkable",
            Verdict::PeriodNotCovered => "period_not_covered",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        [
            Verdict::Accurate,
            Verdict::RoughlyRight,
            Verdict::Inaccurate,
            Verdict::NotCheckable,
            Verdict::PeriodNotCovered,
        ]
        .into_iter()
        .find(|v| v.as_str() == text)
    }
}

/// How a claim fares under one reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// The figure lies in the claim's set. `by_estimate` is set when the bounds straddle the
    /// claim and the day-weighted estimate decides.
    Consistent { by_estimate: bool },
    /// The day-weighted estimate misses, but the claim lies between the bounds and within
    /// what the partly covered quarters allow if they were not evenly spread (`UNEVEN`).
    Plausible,
    /// Out by a little: `gap` is how far the figure lies below (negative) or above
    /// (positive) the claim, as a share of the claimed value, or in percentage points when
    /// `points` is set.
    Close { gap: f64, points: bool },
    /// Out by more than a little.
    Inconsistent { gap: f64, points: bool },
    /// The table does not reach the period.
    NotCovered,
    /// The data give no number (a share of nothing, a change from zero).
    NoFigure,
}

impl Fit {
    pub fn is_consistent(self) -> bool {
        matches!(self, Fit::Consistent { .. } | Fit::Plausible)
    }
}

/// How much a claim may miss and still be close: the claimed value within 15% of the
/// figure for counts, ratios and trends; 3 points for percentages and changes.
const CLOSE_RELATIVE: f64 = 0.15;
const CLOSE_POINTS: f64 = 3.0;
/// Exact counts within 2% of the figure are taken as the same figure, since later releases
/// revise counts by that much; 5% for figures of the table's last year, which are
/// provisional and revised most (voluntary returns are verified months later).
pub(crate) const REVISION: f64 = 0.02;
const PROVISIONAL_REVISION: f64 = 0.05;
/// A count quoted before its period's figures were published can only be a preliminary
/// count (management information, an ad hoc release), which the published figures revise
/// by more: it is held to what "about" allows.
pub(crate) const PRELIMINARY_REVISION: f64 = ABOUT_RELATIVE;
/// "About" allows 10% either way for counts and multiples, 1 point for percentages.
const ABOUT_RELATIVE: f64 = 0.10;
const ABOUT_POINTS: f64 = 1.0;
/// How far the day-weighted share of a partly covered quarter may be out, since returns and
/// arrivals are not spread evenly over a quarter.
const UNEVEN: f64 = 0.25;
/// A trend said to be sharp needs a change of at least half.
const SHARP: f64 = 50.0;

/// Judges the claim under one reading.
pub fn fit(claim: &Claim, reading: &Reading, figure: &Figure) -> Fit {
    if figure.coverage != Coverage::Full {
        return Fit::NotCovered;
    }
    if !figure.value.is_finite() {
        return Fit::NoFigure;
    }
    match &claim.assertion {
        Assertion::Trend { direction, strong } => trend_fit(*direction, *strong, figure),
        Assertion::Record { peak: true, .. } => peak_fit(reading, figure),
        Assertion::Record { rank, .. } => record_fit(figure, *rank),
        Assertion::Ranking { top, position, .. } => ranking_fit(claim, *top, *position, figure),
        Assertion::Quantity(q) => quantity_fit(q, reading, figure),
    }
}

fn trend_fit(direction: Direction, strong: bool, figure: &Figure) -> Fit {
    let change = figure.value;
    let signed = if direction == Direction::Up {
        change
    } else {
        -change
    };
    // A sharp fall is the mirror of a sharp rise: what undoes a rise of half is a fall of a
    // third.
    let needed = match (strong, direction) {
        (false, _) => 0.0,
        (true, Direction::Up) => SHARP,
        (true, Direction::Down) => 100.0 - 100.0 / (1.0 + SHARP / 100.0),
    };
    if signed > needed {
        Fit::Consistent { by_estimate: false }
    } else if signed > 0.0 {
        Fit::Close {
            gap: signed - needed,
            points: true,
        }
    } else {
        Fit::Inconsistent {
            gap: signed,
            points: true,
        }
    }
}

/// A list of the top countries fits when every country named is in the top; a position
/// fits when it is the country's rank. One out is close.
fn ranking_fit(claim: &Claim, top: usize, position: Option<usize>, figure: &Figure) -> Fit {
    let wanted = match position {
        Some(p) => p as f64,
        None => claim
            .entities
            .iter()
            .map(|e| &e.code)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            .min(top) as f64,
    };
    let gap = figure.value - wanted;
    if gap == 0.0 {
        Fit::Consistent { by_estimate: false }
    } else if gap.abs() <= 1.0 {
        Fit::Close { gap, points: true }
    } else {
        Fit::Inconsistent { gap, points: true }
    }
}

/// "Peaked in 2002" fits when the record year is the one named.
fn peak_fit(reading: &Reading, figure: &Figure) -> Fit {
    let named = f64::from(reading.window.first.year());
    if figure.value == named {
        Fit::Consistent { by_estimate: false }
    } else {
        Fit::Inconsistent {
            gap: figure.value - named,
            points: true,
        }
    }
}

/// A record fits when the period ranks first; it is close when within 5% of the best. A
/// place claimed ("the second highest") fits only when it is the period's place.
fn record_fit(figure: &Figure, rank: usize) -> Fit {
    // "The second highest": the place claimed, or not.
    if rank > 1 {
        let gap = figure.value - rank as f64;
        return if gap == 0.0 {
            Fit::Consistent { by_estimate: false }
        } else {
            Fit::Inconsistent { gap, points: true }
        };
    }
    let part = |name: &str| {
        figure
            .parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    };
    if figure.value == 1.0 {
        return Fit::Consistent { by_estimate: false };
    }
    let (Some(total), Some(best)) = (part("period"), part("best of the others")) else {
        return Fit::NoFigure;
    };
    let gap = if best == 0.0 {
        f64::INFINITY
    } else {
        (total - best) / best
    };
    if gap.abs() <= 0.05 {
        Fit::Close { gap, points: false }
    } else {
        Fit::Inconsistent { gap, points: false }
    }
}

/// The claim's value in the figure's terms: a fraction becomes a percentage, a fall a
/// negative change.
pub(crate) fn claimed_value(q: &Quantity, reading: &Reading) -> f64 {
    let value = match q.kind {
        Kind::Fraction => q.value * 100.0,
        _ => q.value,
    };
    match (&reading.arithmetic, q.direction) {
        (Arithmetic::Change { .. } | Arithmetic::Difference { .. }, Some(Direction::Down)) => {
            -value.abs()
        }
        _ => value,
    }
}

fn in_points(reading: &Reading) -> bool {
    matches!(
        reading.arithmetic,
        Arithmetic::Share
            | Arithmetic::ShareOf { .. }
            | Arithmetic::TopShare { .. }
            | Arithmetic::Change { .. }
    )
}

/// The values a quantity allows, as `(low, high)`, before any tolerance for closeness. For a
/// fall (`falling`, the value negative) "more than 12%" means below -12.
fn allowed(q: &Quantity, value: f64, points: bool, falling: bool, revision: f64) -> (f64, f64) {
    let magnitude = value.abs();
    let (exact, about) = if points {
        let rounding = (q.precision / 2.0).max(ABOUT_POINTS);
        (rounding, rounding)
    } else {
        let rounding = (q.precision / 2.0).min(0.05 * magnitude);
        (
            rounding.max(revision * magnitude),
            (ABOUT_RELATIVE * magnitude).max(rounding),
        )
    };
    let (up, down) = ((value, f64::INFINITY), (f64::NEG_INFINITY, value));
    // "Thousands" is 2,000 up to the next word's reach ("tens of thousands"): from the
    // smallest the word allows to five times it.
    if q.vague && matches!(q.qualifier, Qualifier::Exact | Qualifier::About) {
        let (a, b) = (value, 5.0 * value);
        return (a.min(b), a.max(b));
    }
    let (near_below, near_above) = ((value - about, value), (value, value + about));
    match (q.qualifier, falling) {
        (Qualifier::Exact, _) => (value - exact, value + exact),
        (Qualifier::About, _) => (value - about, value + about),
        (Qualifier::MoreThan | Qualifier::AtLeast, false) => up,
        (Qualifier::MoreThan | Qualifier::AtLeast, true) => down,
        (Qualifier::LessThan | Qualifier::AtMost, false) => down,
        (Qualifier::LessThan | Qualifier::AtMost, true) => up,
        (Qualifier::Nearly, false) | (Qualifier::JustOver, true) => near_below,
        (Qualifier::JustOver, false) | (Qualifier::Nearly, true) => near_above,
    }
}

fn quantity_fit(q: &Quantity, reading: &Reading, figure: &Figure) -> Fit {
    let points = in_points(reading);
    let value = claimed_value(q, reading);
    let revision = if reading.preliminary {
        PRELIMINARY_REVISION
    } else if reading.provisional {
        PROVISIONAL_REVISION
    } else {
        REVISION
    };
    // "More than halved" is a fall of more than half: a multiple below a half.
    let falling = value < 0.0 || (q.kind == Kind::Multiple && q.direction == Some(Direction::Down));
    let (low, high) = allowed(q, value, points, falling, revision);
    let (est_low, est_high) = estimate_span(figure);
    let inside = |x: f64| x >= low && x <= high;
    if inside(est_low) && inside(est_high) {
        let bounds_inside = inside(figure.lower) && inside(figure.upper);
        return Fit::Consistent {
            by_estimate: !bounds_inside,
        };
    }
    if uneven_spread_allows(reading, figure, (low, high)) {
        return Fit::Plausible;
    }
    let nearest = if est_high < low { est_high } else { est_low };
    let claimed = value;
    if points {
        let gap = nearest - value;
        return if gap.abs() <= CLOSE_POINTS {
            Fit::Close { gap, points }
        } else {
            Fit::Inconsistent { gap, points }
        };
    }
    let gap = if claimed == 0.0 {
        f64::INFINITY
    } else {
        (nearest - claimed) / claimed.abs()
    };
    let off = if nearest == 0.0 {
        f64::INFINITY
    } else {
        (claimed - nearest).abs() / nearest.abs()
    };
    if off <= CLOSE_RELATIVE {
        Fit::Close { gap, points }
    } else {
        Fit::Inconsistent { gap, points }
    }
}

/// Whether a count the day-weighted estimate misses is still within what the quarters allow
/// once the partly covered quarters are not taken to be spread evenly: their share may be
/// a quarter out either way (`UNEVEN`), and the claim must also lie between the bounds.
fn uneven_spread_allows(reading: &Reading, figure: &Figure, (low, high): (f64, f64)) -> bool {
    if !matches!(reading.arithmetic, Arithmetic::Sum) || figure.aligned {
        return false;
    }
    let (est_low, est_high) = estimate_span(figure);
    let spread = UNEVEN * (figure.value - figure.lower).max(0.0);
    let meets = |a: f64, b: f64| a <= high && b >= low;
    meets(est_low - spread, est_high + spread) && meets(figure.lower, figure.upper)
}

/// The lowest and highest estimate under the readings of a fuzzy period.
fn estimate_span(figure: &Figure) -> (f64, f64) {
    let values = [figure.value, figure.range.0, figure.range.1];
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let low = finite.clone().fold(f64::INFINITY, f64::min);
    let high = finite.fold(f64::NEG_INFINITY, f64::max);
    (low, high)
}

/// What the verdict came to, and the reading it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub verdict: Verdict,
    pub decisive: Option<usize>,
    pub reason: Reason,
}

/// The path the policy took.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Hedged(Hedge),
    NoReading,
    NotCovered,
    /// The most natural reading fits.
    Natural,
    /// Another reading of something the text leaves open fits.
    OtherReading,
    /// Only a reading that goes against the text's words fits.
    LessNatural,
    /// An exact figure that only a day-weighted estimate matches.
    Estimated,
    /// The nearest reading is close.
    Close,
    /// No reading comes close.
    Far,
    /// No reading gives a number.
    NoFigure,
}

/// Readings scoring this far below the most natural one are too strained to rescue a claim.
const STRAINED: f64 = 10.0;

/// The verdict over all readings of a claim.
pub fn verdict(claim: &Claim, plan: &Plan, readings: &[Judged]) -> Outcome {
    let outcome = |verdict, decisive, reason| Outcome {
        verdict,
        decisive,
        reason,
    };
    if let Some(hedge) = &claim.hedge {
        return outcome(Verdict::NotCheckable, None, Reason::Hedged(hedge.clone()));
    }
    if readings.is_empty() || plan.readings.is_empty() || plan.unmatched.is_some() {
        return outcome(Verdict::NotCheckable, None, Reason::NoReading);
    }
    if readings[0].fit == Fit::NotCovered {
        return outcome(Verdict::PeriodNotCovered, Some(0), Reason::NotCovered);
    }
    let best = readings[0].reading.score;
    let plausible = |j: &Judged| best - j.reading.score <= STRAINED;
    let fits = |j: &Judged| j.fit.is_consistent() && plausible(j);
    let first_fit = readings.iter().position(|j| fits(j) && !j.reading.strained);
    if natural_is_close(&readings[0]) && first_fit != Some(0) {
        return outcome(Verdict::RoughlyRight, Some(0), Reason::Close);
    }
    if let Some(i) = first_fit {
        if exact_but_estimated(claim, &readings[i]) {
            return outcome(Verdict::RoughlyRight, Some(i), Reason::Estimated);
        }
        let reason = if i == 0 {
            Reason::Natural
        } else {
            Reason::OtherReading
        };
        return outcome(Verdict::Accurate, Some(i), reason);
    }
    if let Some(i) = readings.iter().position(fits) {
        return outcome(Verdict::RoughlyRight, Some(i), Reason::LessNatural);
    }
    let close = readings
        .iter()
        .enumerate()
        .filter(|(_, j)| plausible(j))
        .filter_map(|(i, j)| match j.fit {
            Fit::Close { gap, .. } => Some((i, gap.abs())),
            _ => None,
        })
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((i, _)) = close {
        return outcome(Verdict::RoughlyRight, Some(i), Reason::Close);
    }
    if readings
        .iter()
        .all(|j| matches!(j.fit, Fit::NoFigure | Fit::NotCovered))
    {
        return outcome(Verdict::NotCheckable, None, Reason::NoFigure);
    }
    outcome(Verdict::Inaccurate, Some(0), Reason::Far)
}

/// The most natural reading being close settles it: another definition that happens to fit
/// exactly does not make a nearly right claim accurate.
fn natural_is_close(judged: &Judged) -> bool {
    matches!(judged.fit, Fit::Close { .. })
}

/// An exact count ("28,561") that only a day-weighted estimate matches cannot be confirmed
/// to the unit: the quarters say it is about right, no more.
fn exact_but_estimated(claim: &Claim, judged: &Judged) -> bool {
    let exact = claim.quantity().is_some_and(|q| {
        q.kind == quantity::Kind::Count && q.qualifier == Qualifier::Exact && q.precision <= 1.0
    });
    exact
        && matches!(
            judged.fit,
            Fit::Consistent { by_estimate: true } | Fit::Plausible
        )
}
