//! The summary of a batch run: how many articles were checked or failed, and the claims per
//! verdict and per speaker, as a table for a terminal.

use std::collections::BTreeMap;
use std::fmt::Write;

use check::Verdict;

use crate::Checks;

/// The verdicts in the order the table shows them, best first.
const VERDICTS: [Verdict; 5] = [
    Verdict::Accurate,
    Verdict::RoughlyRight,
    Verdict::Inaccurate,
    Verdict::NotCheckable,
    Verdict::PeriodNotCovered,
];

/// Counts over many articles.
#[derive(Debug, Default)]
pub struct Summary {
    pub checked: usize,
    pub failed: usize,
    /// Claims per verdict.
    pub verdicts: BTreeMap<&'static str, usize>,
    /// Claims per speaker ("the writer" when no one else is named), then per verdict.
    pub speakers: BTreeMap<String, BTreeMap<&'static str, usize>>,
}

impl Summary {
    pub fn add(&mut self, checks: &Checks) {
        self.checked += 1;
        for c in &checks.checked {
            let verdict = c.verdict.as_str();
            *self.verdicts.entry(verdict).or_default() += 1;
            let speaker = c
                .claim
                .speaker
                .as_ref()
                .filter(|s| s.kind != document::SpeakerKind::Source)
                .map_or("the writer", |s| s.name.as_str());
            let row = self.speakers.entry(speaker.to_string()).or_default();
            *row.entry(verdict).or_default() += 1;
        }
    }

    pub fn fail(&mut self) {
        self.failed += 1;
    }

    /// The table: one row per verdict, then one row per speaker with a column per verdict,
    /// speakers with the most claims first.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let claims: usize = self.verdicts.values().sum();
        let _ = writeln!(
            out,
            "{} articles: {} checked, {} failed; {claims} claims",
            self.checked + self.failed,
            self.checked,
            self.failed
        );
        if claims == 0 {
            return out;
        }
        let names: Vec<&str> = VERDICTS.iter().map(|v| v.as_str()).collect();
        let width = self
            .speakers
            .keys()
            .map(|s| s.chars().count())
            .chain([18])
            .max()
            .unwrap_or(18)
            .min(40);
        let _ = writeln!(out, "\n{:<width$} {:>6}", "verdict", "claims");
        for name in &names {
            let n = self.verdicts.get(name).copied().unwrap_or(0);
            let _ = writeln!(out, "{name:<width$} {n:>6}");
        }
        let _ = write!(out, "\n{:<width$} {:>6}", "speaker", "claims");
        for name in &names {
            let _ = write!(out, " {name:>width$}", width = name.len());
        }
        out.push('\n');
        let mut rows: Vec<(&String, usize)> = self
            .speakers
            .iter()
            .map(|(s, row)| (s, row.values().sum()))
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (speaker, total) in rows {
            let shown: String = speaker.chars().take(width).collect();
            let _ = write!(out, "{shown:<width$} {total:>6}");
            for name in &names {
                let n = self.speakers[speaker].get(name).copied().unwrap_or(0);
                let _ = write!(out, " {n:>width$}", width = name.len());
            }
            out.push('\n');
        }
        out
    }
}
