//! Measuring the checker on labelled claims.
//!
//! A corpus line is a real claim with its sentence, date, the quantity as labelled, the
//! figures a careful fact-checker found, and the verdict they reached. [`score`] compares
//! what the checker makes of the sentence with that label; [`Summary`] adds the scores up.
//! The corpus format is described in the corpus's own README.

use std::collections::BTreeMap;

use check::{Checked, Verdict};
use extract::Assertion;
use jiff::civil::Date;
use quantity::{Direction, Kind};
use serde::{Deserialize, Serialize};

/// A labelled claim, as the corpus gives it; fields Tally does not use are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub id: String,
    /// Where it was said; sentences of one source are read together, in turn.
    #[serde(default)]
    pub source_url: Option<String>,
    pub date: Date,
    /// Who said it, as the corpus names them ("Jane Example MP (former Home Secretary)").
    #[serde(default)]
    pub speaker: Option<String>,
    pub sentence: String,
    pub claimed: Claimed,
    #[serde(default)]
    pub readings: Vec<LabelledReading>,
    pub expected_verdict: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Claimed {
    #[serde(default)]
    pub value: serde_json::Value,
    #[serde(default)]
    pub qualifier: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelledReading {
    #[serde(default)]
    pub figure: serde_json::Value,
}

/// The one error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: String },
    #[error("the corpus has no claims")]
    Empty,
}

/// Reads a corpus in JSON Lines; blank lines are skipped.
pub fn parse(jsonl: &str) -> Result<Vec<Labelled>, Error> {
    let claims: Vec<Labelled> = jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| Error::Line {
                line: i + 1,
                problem: e.to_string(),
            })
        })
        .collect::<Result<_, _>>()?;
    if claims.is_empty() {
        return Err(Error::Empty);
    }
    Ok(claims)
}

/// The claims said in one place on one day, as positions in `labels`, in corpus order: a
/// checker reads them in turn, as it would read the article they come from, so that a
/// sentence may lean on the one before ("the country", "in that time"). Claims without a
/// source each stand alone.
pub fn sources(labels: &[Labelled]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut seen: BTreeMap<(&str, Date), usize> = BTreeMap::new();
    for (i, label) in labels.iter().enumerate() {
        match label.source_url.as_deref() {
            Some(url) => match seen.get(&(url, label.date)) {
                Some(&g) => groups[g].push(i),
                None => {
                    seen.insert((url, label.date), groups.len());
                    groups.push(vec![i]);
                }
            },
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// The headline a publisher wrote into a page's address, in title case: the last segment of
/// the path with its extension, trailing numeric id and hyphens taken off
/// ("/2021/07/13/channel-crossings-double-in-a-year/" gives "Channel Crossings Double in a
/// Year"). `None` when the segment is not words, or fewer than three of them (an id, a
/// section name).
pub fn headline_of_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let (_, path) = path.split_once('/')?;
    let segment = path.split('/').rev().find(|s| !s.is_empty())?;
    let segment = segment
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && ext.chars().all(|c| c.is_ascii_alphabetic()))
        .map_or(segment, |(stem, _)| stem);
    let mut words: Vec<&str> = segment.split(['-', '_', '+']).collect();
    while words.last().is_some_and(|w| is_id(w)) {
        words.pop();
    }
    let wordy = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .count();
    let plain = words
        .iter()
        .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric()));
    (plain && wordy >= 3).then(|| {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| title_case(w, i == 0))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A word of an address that is an article's id, not a word of its headline: five digits or
/// more, with at most a letter or two ("084900716", "b1042439").
fn is_id(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    digits >= 5 && letters <= 2 && digits + letters == word.len()
}

/// A word of a headline in title case: "albanians" is "Albanians", as the headline would
/// print it, so that names read as names; short function words stay lower case.
fn title_case(word: &str, first: bool) -> String {
    const SMALL: [&str; 12] = [
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to",
    ];
    if !first && SMALL.contains(&word) {
        return word.to_string();
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// How the checker did on one labelled claim.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: String,
    pub expected: String,
    pub actual: String,
    /// The labelled value and the value of the claim the checker matched to it.
    pub labelled_value: Option<f64>,
    pub found_value: Option<f64>,
    pub detected: bool,
    /// The figure of the reading the verdict rests on.
    pub figure: Option<f64>,
    pub labelled_figures: Vec<f64>,
    /// Whether the figure is within 0.5% of a labelled figure (or the label's rounding), or
    /// a labelled figure lies in the figure's day-weighted range for a period with fuzzy
    /// ends; `None` when the label has no numeric figure.
    pub figure_agrees: Option<bool>,
    pub explanation: String,
}

/// Scores the checker's claims for one labelled sentence.
pub fn score(label: &Labelled, checked: &[Checked]) -> Outcome {
    let labelled_value = label.claimed.value.as_f64();
    let found = pick(label, checked);
    let chosen = found.or_else(|| checked.first());
    let figure = chosen.and_then(decisive_figure);
    let range = chosen.and_then(decisive_range);
    let labelled_figures = numeric_figures(label);
    let figure_agrees = (!labelled_figures.is_empty()).then(|| {
        figure.is_some_and(|f| agrees_with_any(f, &label.readings))
            || range.is_some_and(|r| labelled_figures.iter().any(|l| within(*l, r)))
    });
    Outcome {
        id: label.id.clone(),
        expected: label.expected_verdict.clone(),
        actual: chosen
            .map_or(Verdict::NotCheckable, |c| c.verdict)
            .as_str()
            .to_string(),
        labelled_value,
        found_value: found.and_then(claim_value),
        detected: found.is_some(),
        figure,
        labelled_figures,
        figure_agrees,
        explanation: chosen.map_or_else(
            || "no claim found in the sentence".to_string(),
            |c| c.explanation.clone(),
        ),
    }
}

/// The checked claim that matches the labelled quantity: the same value (a fraction read as
/// a percentage, a fall as a negative change), or for a labelled trend, a trend.
fn pick<'a>(label: &Labelled, checked: &'a [Checked]) -> Option<&'a Checked> {
    match label.claimed.value.as_f64() {
        Some(value) => checked
            .iter()
            .find(|c| claim_value(c).is_some_and(|v| same_value(v, value))),
        None => checked.iter().find(|c| {
            matches!(
                c.claim.assertion,
                Assertion::Trend { .. } | Assertion::Record { .. } | Assertion::Ranking { .. }
            )
        }),
    }
}

fn claim_value(checked: &Checked) -> Option<f64> {
    if let Assertion::Record { peak: true, .. } = checked.claim.assertion {
        let period = checked.claim.period.as_ref()?;
        return Some(f64::from(period.period.start.earliest.year()));
    }
    let q = checked.claim.quantity()?;
    let value = if q.kind == Kind::Fraction {
        q.value * 100.0
    } else {
        q.value
    };
    Some(if q.direction == Some(Direction::Down) {
        -value.abs()
    } else {
        value
    })
}

fn same_value(found: f64, labelled: f64) -> bool {
    (found - labelled).abs() <= 0.005 * labelled.abs().max(1.0)
        || (found.abs() - labelled.abs()).abs() < 1e-9
}

/// The figure of the reading the verdict rests on or, where the data cannot settle the claim,
/// the first figure given for context.
fn decisive_figure(checked: &Checked) -> Option<f64> {
    let figure = |i: usize| {
        checked
            .readings
            .get(i)
            .map(|j| j.figure.value)
            .filter(|v| v.is_finite())
    };
    let context = || checked.context.first().map(|a| a.value);
    match checked.decisive {
        Some(i) => figure(i).or_else(context),
        // Readings given only for context come after the figures chosen for it.
        None => context().or_else(|| figure(0)),
    }
}

/// The decisive figure's day-weighted estimate from the narrowest to the widest reading of a
/// period whose ends are fuzzy ("the end of last year" is any day of December); `None`
/// when the period is sharp.
fn decisive_range(checked: &Checked) -> Option<(f64, f64)> {
    let i = checked.decisive?;
    let (low, high) = checked.readings.get(i)?.figure.range;
    let (low, high) = (low.min(high), low.max(high));
    (low.is_finite() && high.is_finite() && high > low).then_some((low, high))
}

fn within(x: f64, (low, high): (f64, f64)) -> bool {
    x >= low && x <= high
}

fn numeric_figures(label: &Labelled) -> Vec<f64> {
    label
        .readings
        .iter()
        .flat_map(|r| figures_of(&r.figure))
        .filter_map(serde_json::Value::as_f64)
        .collect()
}

/// The keys of a labelled object that hold the reading's own figure; the object's other
/// numbers are its parts ("fno" and "total" of a "pct").
const HEADLINE_KEYS: [&str; 5] = ["pct", "pct_change", "ratio", "value", "max"];

/// The figures of one labelled reading, as written: a number is its own figure, and an
/// object for a ratio or change gives its headline number (`{"eu": 1902, "total": 3612,
/// "pct": 52.7}` gives 52.7). An object with none is a series of levels for a trend
/// (`{"2021": 701, "2022": 1211}`), which no one figure stands for, and names and text give
/// none: such readings are not scored.
fn figures_of(figure: &serde_json::Value) -> Vec<&serde_json::Value> {
    match figure {
        serde_json::Value::Number(_) => vec![figure],
        serde_json::Value::Object(map) => HEADLINE_KEYS
            .iter()
            .filter_map(|k| map.get(*k).filter(|v| v.is_number()))
            .collect(),
        _ => Vec::new(),
    }
}

/// Within 0.5% of a labelled figure, or within the rounding of the label as written (a
/// share labelled 2.9 allows 2.85 to 2.95).
fn agrees_with_any(figure: f64, readings: &[LabelledReading]) -> bool {
    readings
        .iter()
        .flat_map(|r| figures_of(&r.figure))
        .filter_map(|raw| raw.as_f64().map(|v| (v, raw)))
        .any(|(label, raw)| {
            let decimals = raw.to_string().split_once('.').map_or(0, |(_, d)| d.len()) as i32;
            let rounding = 0.5 * 10f64.powi(-decimals);
            (figure - label).abs() <= (0.005 * label.abs()).max(rounding)
        })
}

/// The scores over a corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub claims: usize,
    /// Share of claims for which a quantity matching the labelled one was found.
    pub detected: f64,
    /// Share of claims whose verdict equals the expected one.
    pub verdict_agreement: f64,
    /// Among claims whose labelled readings carry a number, the share whose chosen figure
    /// agrees with one of them (see [`Outcome::figure_agrees`]).
    pub figure_agreement: f64,
    pub figure_claims: usize,
    /// Expected verdict → actual verdict → count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Summary {
    pub fn new(outcomes: &[Outcome]) -> Summary {
        let n = outcomes.len().max(1) as f64;
        let share = |count: usize, of: f64| {
            if of == 0.0 {
                0.0
            } else {
                round(count as f64 / of)
            }
        };
        let with_figures: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| o.figure_agrees.is_some())
            .collect();
        let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for o in outcomes {
            *confusion
                .entry(o.expected.clone())
                .or_default()
                .entry(o.actual.clone())
                .or_default() += 1;
        }
        Summary {
            claims: outcomes.len(),
            detected: share(outcomes.iter().filter(|o| o.detected).count(), n),
            verdict_agreement: share(
                outcomes.iter().filter(|o| o.expected == o.actual).count(),
                n,
            ),
            figure_agreement: share(
                with_figures
                    .iter()
                    .filter(|o| o.figure_agrees == Some(true))
                    .count(),
                with_figures.len() as f64,
            ),
            figure_claims: with_figures.len(),
            confusion,
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_reports_bad_ones() {
        let good = r#"{"id":"x-1","date":"2024-01-02","sentence":"S.","claimed":{"value":5,"qualifier":"exact"},"readings":[{"figure":5.0}],"expected_verdict":"accurate"}"#;
        assert_eq!(parse(&format!("{good}\n\n{good}\n")).unwrap().len(), 2);
        let error = parse(&format!("{good}\n{{nope\n")).unwrap_err().to_string();
        assert!(error.starts_with("line 2:"), "{error}");
        assert!(matches!(parse("\n"), Err(Error::Empty)));
    }

    #[test]
    fn sentences_of_one_source_and_day_are_read_together() {
        let line = |id: &str, url: Option<&str>, date: &str| {
            let url = url.map_or("null".to_string(), |u| format!("\"{u}\""));
            format!(
                r#"{{"id":"{id}","source_url":{url},"date":"{date}","sentence":"S.","claimed":{{"value":1}},"expected_verdict":"accurate"}}"#
            )
        };
        let corpus = [
            line("a", Some("u1"), "2024-01-02"),
            line("b", Some("u2"), "2024-01-02"),
            line("c", Some("u1"), "2024-01-02"),
            line("d", None, "2024-01-02"),
            line("e", Some("u1"), "2024-01-03"),
            line("f", None, "2024-01-02"),
        ]
        .join("\n");
        let labels = parse(&corpus).unwrap();
        assert_eq!(
            sources(&labels),
            vec![vec![0, 2], vec![1], vec![3], vec![4], vec![5]]
        );
    }

    #[test]
    fn headlines_are_read_from_addresses_made_of_words() {
        assert_eq!(
            headline_of_url("https://example.org/news/2021/05/01/boat-crossings-double-this-year/")
                .as_deref(),
            Some("Boat Crossings Double This Year")
        );
        assert_eq!(
            headline_of_url("https://example.org/story/returns-to-kosovo-rise-084900716.html")
                .as_deref(),
            Some("Returns to Kosovo Rise")
        );
        assert_eq!(
            headline_of_url(
                "https://example.org/news/politics/ferry-strike-ends-early-b2203344.html"
            )
            .as_deref(),
            Some("Ferry Strike Ends Early")
        );
        assert_eq!(
            headline_of_url("https://example.org/press-release/726"),
            None
        );
        assert_eq!(
            headline_of_url("https://example.org/news/uk-67708047"),
            None
        );
        assert_eq!(headline_of_url("https://example.org/"), None);
        assert_eq!(
            headline_of_url("https://example.org/wg/news.nsf/articles/returns+up+sharply?open")
                .as_deref(),
            Some("Returns Up Sharply")
        );
    }

    #[test]
    fn figures_agree_within_rounding_of_the_label() {
        let readings = |v: serde_json::Value| vec![LabelledReading { figure: v }];
        assert!(agrees_with_any(2.93, &readings(serde_json::json!(2.9))));
        assert!(!agrees_with_any(3.0, &readings(serde_json::json!(2.9))));
        assert!(agrees_with_any(1824.0, &readings(serde_json::json!(1820))));
        assert!(!agrees_with_any(1840.0, &readings(serde_json::json!(1820))));
    }

    #[test]
    fn objects_give_their_headline_figure() {
        let readings = |v: serde_json::Value| vec![LabelledReading { figure: v }];
        let ratio = serde_json::json!({"part": 30.0, "total": 200.0, "pct": 15.0});
        assert!(agrees_with_any(15.04, &readings(ratio.clone())));
        assert!(!agrees_with_any(200.0, &readings(ratio)));
        let series = serde_json::json!({"2019": 700.0, "2020": 950.0});
        assert!(!agrees_with_any(950.0, &readings(series)));
        assert!(!agrees_with_any(
            3.0,
            &readings(serde_json::json!(["A", "B", "C"]))
        ));
        assert!(!agrees_with_any(
            2019.0,
            &readings(serde_json::json!("2019 (45,000)"))
        ));
    }
}
