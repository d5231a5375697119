//! The report for a terminal.
//!
//! Each claim gets a short block: the sentence, who said it, what is claimed over which
//! period, the verdict with its one-sentence explanation, then the readings considered, the
//! decisive one marked and followed by its SQL.

use std::fmt::Write;

use check::{Checked, Fit};
use extract::Assertion;

use crate::DocumentInfo;

/// Renders the report.
pub fn render(document: &DocumentInfo, checked: &[Checked]) -> String {
    let mut out = String::new();
    let title = document.title.as_deref().unwrap_or(&document.source);
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "published {} ({}), {} sentences, {} claims, {} lines dropped as page furniture\n",
        document.published,
        document.published_from,
        document.sentences,
        checked.len(),
        document.furniture.len()
    );
    for (i, c) in checked.iter().enumerate() {
        claim(&mut out, i + 1, c);
    }
    let _ = writeln!(out, "{}", summary(checked));
    out
}

fn claim(out: &mut String, id: usize, checked: &Checked) {
    let c = &checked.claim;
    let _ = writeln!(
        out,
        "[{id}] {}",
        checked.verdict.as_str().replace('_', " ").to_uppercase()
    );
    let _ = writeln!(out, "    {}", c.sentence);
    let who = c.speaker.as_ref().map_or("the writer".to_string(), |s| {
        format!("{} ({})", s.name, s.cue.to_lowercase())
    });
    let _ = writeln!(out, "    said by  {who}");
    let _ = writeln!(
        out,
        "    claims   \"{}\" ({})",
        c.words(),
        kind_words(&c.assertion)
    );
    if !c.repeated_at.is_empty() {
        let times = c.repeated_at.len();
        let _ = writeln!(
            out,
            "    repeated {times} more time{} in the text",
            if times == 1 { "" } else { "s" }
        );
    }
    if let Some(p) = &c.period {
        let quoted = if p.text.is_empty() {
            String::new()
        } else if p.via == extract::Via::Context {
            format!("from the sentence before (\"{}\"): ", p.text)
        } else {
            format!("\"{}\": ", p.text)
        };
        let _ = writeln!(out, "    period   {quoted}{}", p.period.derivation);
    }
    if !c.entities.is_empty() {
        let about: Vec<String> = c
            .entities
            .iter()
            .map(|e| format!("{} → {} ({})", e.via, e.code, role_word(e.role)))
            .collect();
        let _ = writeln!(out, "    about    {}", about.join("; "));
    }
    let _ = writeln!(out, "    verdict  {}", checked.explanation);
    for (i, j) in checked.readings.iter().enumerate() {
        let mark = if checked.decisive == Some(i) {
            "*"
        } else {
            " "
        };
        let _ = writeln!(
            out,
            "   {mark}{}. {} [{}] {}",
            i + 1,
            j.reading.description,
            j.reading.dataset,
            fit_word(j.fit)
        );
        if checked.decisive == Some(i) {
            for line in j.sql.lines() {
                let _ = writeln!(out, "         {line}");
            }
        }
    }
    let _ = writeln!(out);
}

/// "count, more than", "share, about", "trend", "record".
fn kind_words(assertion: &Assertion) -> String {
    match assertion {
        Assertion::Quantity(q) => {
            let kind = match q.kind {
                quantity::Kind::Count => "count",
                quantity::Kind::Percent => "percentage",
                quantity::Kind::Fraction => "fraction",
                quantity::Kind::Multiple => "multiple",
                quantity::Kind::Money => "money",
            };
            let qualifier = match q.qualifier {
                quantity::Qualifier::Exact => "exact",
                quantity::Qualifier::About => "about",
                quantity::Qualifier::MoreThan => "more than",
                quantity::Qualifier::AtLeast => "at least",
                quantity::Qualifier::LessThan => "less than",
                quantity::Qualifier::AtMost => "at most",
                quantity::Qualifier::Nearly => "nearly",
                quantity::Qualifier::JustOver => "just over",
            };
            let direction = match q.direction {
                Some(quantity::Direction::Up) => ", a rise",
                Some(quantity::Direction::Down) => ", a fall",
                None => "",
            };
            format!("{kind}, {qualifier}{direction}")
        }
        Assertion::Trend { .. } => "trend".to_string(),
        Assertion::Record { high: true, .. } => "record high".to_string(),
        Assertion::Record { .. } => "record low".to_string(),
        Assertion::Ranking {
            position: Some(p), ..
        } => format!("ranking, position {p}"),
        Assertion::Ranking { top, .. } => format!("ranking, top {top}"),
    }
}

fn role_word(role: extract::Role) -> &'static str {
    match role {
        extract::Role::Nationality => "nationality",
        extract::Role::Destination => "destination",
        extract::Role::Unspecified => "country",
    }
}

fn fit_word(fit: Fit) -> String {
    match fit {
        Fit::Consistent { by_estimate: true } => "fits (by the day-weighted estimate)".to_string(),
        Fit::Consistent { .. } => "fits".to_string(),
        Fit::Plausible => "fits if the partly covered quarters were unevenly spread".to_string(),
        Fit::Close { gap, points } => format!("close ({})", gap_words(gap, points)),
        Fit::Inconsistent { gap, points } => format!("does not fit ({})", gap_words(gap, points)),
        Fit::NotCovered => "period not covered".to_string(),
        Fit::NoFigure => "no figure".to_string(),
    }
}

/// "the claim is 14% above the figure", "3.1 points below".
fn gap_words(gap: f64, points: bool) -> String {
    let side = if gap > 0.0 { "above" } else { "below" };
    if points {
        format!("the figure is {:.1} points {side} the claim", gap.abs())
    } else {
        format!("the figure is {:.0}% {side} the claim", gap.abs() * 100.0)
    }
}

fn summary(checked: &[Checked]) -> String {
    let mut counts = std::collections::BTreeMap::new();
    for c in checked {
        *counts.entry(c.verdict.as_str()).or_insert(0) += 1;
    }
    let parts: Vec<String> = counts.iter().map(|(v, n)| format!("{n} {v}")).collect();
    format!("{} claims: {}", checked.len(), parts.join(", "))
}
