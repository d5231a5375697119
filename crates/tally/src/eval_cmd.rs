//! `tally eval`: the checker on a labelled corpus.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use eval::{Outcome, Summary};

use crate::{DataArgs, data, write_stdout};

pub fn run(corpus: &Path, args: &DataArgs, json: bool, show: Option<&str>) -> Result<()> {
    let text = std::fs::read_to_string(corpus)
        .with_context(|| format!("cannot read the corpus {}", corpus.display()))?;
    let labelled = eval::parse(&text)
        .with_context(|| format!("cannot read the corpus {}", corpus.display()))?;
    let shown = match show {
        Some(id) => Some(
            labelled
                .iter()
                .position(|l| l.id == id)
                .with_context(|| format!("the corpus has no claim with the id {id:?}"))?,
        ),
        None => None,
    };
    let checker = data::checker(args)?;
    let mut checked: Vec<Vec<check::Checked>> = vec![Vec::new(); labelled.len()];
    for group in eval::sources(&labelled) {
        let sentences: Vec<check::Line<'_>> = group
            .iter()
            .map(|&i| check::Line {
                text: &labelled[i].sentence,
                speaker: labelled[i].speaker.as_deref(),
            })
            .collect();
        let first = &labelled[group[0]];
        let headline = first.source_url.as_deref().and_then(eval::headline_of_url);
        for (&i, claims) in group.iter().zip(checker.check_sentences_in_turn(
            &sentences,
            headline.as_deref(),
            first.date,
        )) {
            checked[i] = claims;
        }
    }
    if let Some(i) = shown {
        let claims: Vec<report::json::ClaimJson> = checked[i]
            .iter()
            .enumerate()
            .map(|(n, c)| report::json::claim(n + 1, c))
            .collect();
        let outcome = eval::score(&labelled[i], &checked[i]);
        let shown = serde_json::json!({ "outcome": outcome, "claims": claims });
        return write_stdout(&(serde_json::to_string_pretty(&shown)? + "\n"));
    }
    let outcomes: Vec<Outcome> = labelled
        .iter()
        .zip(&checked)
        .map(|(label, claims)| eval::score(label, claims))
        .collect();
    let summary = Summary::new(&outcomes);
    let output = if json {
        serde_json::to_string_pretty(&summary)? + "\n"
    } else {
        render(&outcomes, &summary)
    };
    write_stdout(&output)
}

fn render(outcomes: &[Outcome], summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:<19} {:<19} {:>12} {:>12}  figure",
        "claim", "expected", "actual", "value", "found"
    );
    for o in outcomes {
        let mark = if o.expected == o.actual { " " } else { "✗" };
        let value = o.labelled_value.map_or("-".to_string(), |v| format!("{v}"));
        let found = o.found_value.map_or("-".to_string(), |v| format!("{v}"));
        let figure = match (o.figure, o.figure_agrees) {
            (Some(f), Some(true)) => format!("{f:.1} ✓"),
            (Some(f), Some(false)) => format!("{f:.1} ✗ (labelled {})", list(&o.labelled_figures)),
            (Some(f), None) => format!("{f:.1}"),
            (None, _) => "-".to_string(),
        };
        let _ = writeln!(
            out,
            "{:<10} {:<19} {mark}{:<18} {value:>12} {found:>12}  {figure}",
            o.id, o.expected, o.actual
        );
    }
    let _ = writeln!(
        out,
        "\n{} claims: detected {:.1}%, verdicts agree {:.1}%, figures agree {:.1}% (of {} with labelled figures)",
        summary.claims,
        summary.detected * 100.0,
        summary.verdict_agreement * 100.0,
        summary.figure_agreement * 100.0,
        summary.figure_claims
    );
    let _ = writeln!(out, "\nexpected → actual");
    for (expected, row) in &summary.confusion {
        let cells: Vec<String> = row.iter().map(|(a, n)| format!("{a} {n}")).collect();
        let _ = writeln!(out, "  {expected:<19} {}", cells.join(", "));
    }
    out
}

fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
