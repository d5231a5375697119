//! Verdicts, and the facade that front ends call.
//!
//! [`Checker`] holds what checking needs (the catalog, its tables, the country table and the
//! table of events) and takes a document or a single sentence to [`Checked`] claims: each
//! claim with its readings, their figures and SQL, a [`Verdict`] and one plain sentence
//! saying why. The verdict policy lives in [`judge`]; DESIGN.md sets it out as questions
//! and answers.

mod explain;
pub mod judge;
pub mod number;

use catalog::Catalog;
use countries::Gazetteer;
use document::Document;
use extract::{Claim, Event};
use jiff::civil::Date;
use query::{Figure, Index, Plan, Reading};
use store::Table;

pub use extract::{Line, given_speaker};
pub use judge::{Fit, Verdict};

/// A claim, judged.
#[derive(Debug, Clone)]
pub struct Checked {
    pub claim: Claim,
    pub verdict: Verdict,
    /// One plain sentence saying why.
    pub explanation: String,
    /// The readings considered, most natural first.
    pub readings: Vec<Judged>,
    /// The reading the verdict rests on, as an index into `readings`.
    pub decisive: Option<usize>,
    /// Figures the explanation gives that the verdict does not rest on, for a claim the data
    /// cannot settle: the base of a change whose own period they do not reach, and the change
    /// a count said with it implies against that base; the whole of a share whose part no
    /// table records, and the share a count said with it makes of that whole.
    pub context: Vec<Aside>,
}

/// A figure given for context, with what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    /// "enforced and voluntary returns, in 2023Q3".
    pub what: String,
    pub value: f64,
}

/// A reading with its figure, its SQL and how the claim fares under it.
#[derive(Debug, Clone)]
pub struct Judged {
    pub reading: Reading,
    pub figure: Figure,
    pub sql: String,
    pub fit: Fit,
}

/// A dataset's table, loaded, with the path its SQL should read.
#[derive(Debug)]
pub struct Source {
    pub dataset: String,
    pub table: Table,
    pub path: String,
    /// The release the table is, when it comes from the store (`YYYY-MM-DD`).
    pub release: Option<String>,
}

/// Everything checking needs, loaded once.
#[derive(Debug)]
pub struct Checker {
    catalog: Catalog,
    sources: Vec<Source>,
    gazetteer: Gazetteer,
    events: Vec<Event>,
}

impl Checker {
    pub fn new(catalog: Catalog, sources: Vec<Source>, events: Vec<Event>) -> Checker {
        Checker {
            catalog,
            sources,
            gazetteer: Gazetteer::new(),
            events,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Checks every claim of a document published on `published`.
    pub fn check(&self, document: &Document, published: Date) -> Vec<Checked> {
        let claims = extract::claims(document, &self.context(published, None));
        self.judge_all(claims)
    }

    /// Checks one sentence on its own.
    pub fn check_sentence(&self, sentence: &str, published: Date) -> Vec<Checked> {
        self.check_sentence_by(sentence, published, None)
    }

    /// Checks one sentence on its own, said by `speaker` when known: "my time as Home
    /// Secretary" is then that person's term.
    pub fn check_sentence_by(
        &self,
        sentence: &str,
        published: Date,
        speaker: Option<&str>,
    ) -> Vec<Checked> {
        let claims = extract::sentence_claims_alone(sentence, &self.context(published, speaker));
        self.judge_all(claims)
    }

    /// Checks sentences read in turn, as from one source under an optional headline: each
    /// may lean on the ones before ("the country", "in that time"), and on the headline for
    /// what it counts. Gives the checked claims of each sentence.
    pub fn check_sentences_in_turn(
        &self,
        lines: &[extract::Line<'_>],
        headline: Option<&str>,
        published: Date,
    ) -> Vec<Vec<Checked>> {
        let index = self.index();
        extract::sentences_claims_in_turn(lines, headline, &self.context(published, None))
            .into_iter()
            .map(|claims| self.judge_with(claims, &index))
            .collect()
    }

    fn context<'a>(&'a self, published: Date, speaker: Option<&'a str>) -> extract::Context<'a> {
        extract::Context {
            published,
            events: &self.events,
            gazetteer: &self.gazetteer,
            home: self.catalog.spatial.as_deref(),
            speaker,
        }
    }

    fn index(&self) -> Index<'_> {
        Index::new(&self.catalog, &self.gazetteer, |name| {
            let source = self.sources.iter().find(|s| s.dataset == name)?;
            Some((&source.table, source.path.clone()))
        })
    }

    fn judge_all(&self, claims: Vec<Claim>) -> Vec<Checked> {
        self.judge_with(claims, &self.index())
    }

    /// Judges the claims of one text: each on its own, then those said together.
    fn judge_with(&self, claims: Vec<Claim>, index: &Index<'_>) -> Vec<Checked> {
        let mut checked: Vec<Checked> = claims
            .into_iter()
            .map(|claim| self.judge_one(claim, index))
            .collect();
        judge_pairs(&mut checked);
        note_implied_changes(&mut checked);
        note_shares_of_wholes(&mut checked);
        checked
    }

    fn judge_one(&self, claim: Claim, index: &Index<'_>) -> Checked {
        let plan = query::plan(&claim, index);
        let readings: Vec<Judged> = plan
            .readings
            .iter()
            .filter_map(|reading| {
                let table = &index.get(&reading.dataset)?.table;
                let part_table = match &reading.arithmetic {
                    query::Arithmetic::ShareOf { part } => Some(index.get(&part.dataset)?.table),
                    _ => None,
                };
                let figure = query::evaluate_with(reading, table, part_table);
                let fit = judge::fit(&claim, reading, &figure);
                Some(Judged {
                    sql: query::sql::sql(reading),
                    reading: reading.clone(),
                    figure,
                    fit,
                })
            })
            .collect();
        let outcome = judge::verdict(&claim, &plan, &readings);
        let explanation = explain::sentence(&claim, &plan, &readings, &outcome);
        let context = outcome
            .decisive
            .filter(|_| outcome.verdict == Verdict::PeriodNotCovered)
            .and_then(|d| readings.get(d))
            .and_then(|j| {
                let (base, window) = explain::covered_base_figure(j)?;
                Some(vec![Aside {
                    what: explain::base_words(j, window),
                    value: base,
                }])
            })
            .unwrap_or_default();
        let mut checked = Checked {
            claim,
            verdict: outcome.verdict,
            explanation,
            readings,
            decisive: outcome.decisive,
            context,
        };
        if checked.verdict == Verdict::NotCheckable {
            note_whole(&mut checked, &plan, index);
        }
        if checked.verdict == Verdict::PeriodNotCovered {
            note_standing_record(&mut checked, index);
        }
        if checked.claim.against_the_past && checked.verdict == Verdict::Accurate {
            test_against_the_past(&mut checked, index);
        }
        checked
    }
}

/// "Record levels of returns", said of a time the data do not reach: the record it would have
/// to beat, the highest (or lowest) the data hold over a stretch as long, is given for
/// context.
fn note_standing_record(checked: &mut Checked, index: &Index<'_>) {
    let Some(judged) = checked.decisive.and_then(|d| checked.readings.get(d)) else {
        return;
    };
    let Some(bound) = index.get(&judged.reading.dataset) else {
        return;
    };
    let since = checked.claim.horizon.and_then(query::quarter_of);
    let Some(standing) = query::standing_record(&judged.reading, bound.table, since) else {
        return;
    };
    let highest = !matches!(
        judged.reading.arithmetic,
        query::Arithmetic::Record { high: false, .. }
    );
    let stretch = if standing.first == standing.last {
        standing.first.to_string()
    } else {
        format!("{} to {}", standing.first, standing.last)
    };
    let what = format!(
        "the {} the data hold: {}, {stretch}",
        if highest { "highest" } else { "lowest" },
        judged.reading.description
    );
    checked.explanation.push_str(&format!(
        " The record to compare it with is the {}: {}.",
        what.trim_start_matches("the "),
        number::count(standing.value)
    ));
    checked.context.push(Aside {
        what,
        value: standing.value,
    });
}

/// "Thousands more this year than we have in the past": the year before is the natural base,
/// but a vague past reaches further back. Where the claim fails against the same stretch of
/// an earlier year, it is right only of the recent past: roughly right, naming that year.
fn test_against_the_past(checked: &mut Checked, index: &Index<'_>) {
    let Some(judged) = checked.decisive.and_then(|d| checked.readings.get(d)) else {
        return;
    };
    let base = match &judged.reading.arithmetic {
        query::Arithmetic::Change { base }
        | query::Arithmetic::Difference { base }
        | query::Arithmetic::Ratio { base } => base,
        _ => return,
    };
    let Some(bound) = index.get(&judged.reading.dataset) else {
        return;
    };
    let rising = match (&checked.claim.assertion, checked.claim.quantity()) {
        (_, Some(q)) => q.direction != Some(quantity::Direction::Down),
        (extract::Assertion::Trend { direction, .. }, None) => {
            *direction != quantity::Direction::Down
        }
        _ => return,
    };
    let failing = query::earlier_years(&judged.reading.window, bound)
        .into_iter()
        .filter(|w| w.period != base.period)
        .filter_map(|w| {
            let arithmetic = match &judged.reading.arithmetic {
                query::Arithmetic::Change { .. } => query::Arithmetic::Change { base: w.clone() },
                query::Arithmetic::Difference { .. } => {
                    query::Arithmetic::Difference { base: w.clone() }
                }
                _ => query::Arithmetic::Ratio { base: w.clone() },
            };
            let reading = query::Reading {
                arithmetic,
                ..judged.reading.clone()
            };
            let figure = query::evaluate(&reading, bound.table);
            let fit = judge::fit(&checked.claim, &reading, &figure);
            (!fit.is_consistent() && figure.value.is_finite()).then_some((w, figure))
        })
        .min_by(|(_, a), (_, b)| {
            let order = a.value.total_cmp(&b.value);
            if rising { order } else { order.reverse() }
        });
    let Some((window, figure)) = failing else {
        return;
    };
    let base_value = figure
        .parts
        .iter()
        .find(|(n, _)| n == "base")
        .map(|(_, v)| *v);
    let against = match base_value {
        Some(v) => format!("{} ({})", explain::period_words(&window), number::count(v)),
        None => explain::period_words(&window),
    };
    checked.verdict = Verdict::RoughlyRight;
    checked.explanation.push_str(&format!(
        " But \"the past\" reaches further back than the year before, and against {against} it does not hold: it is right of the recent past only."
    ));
}

/// How the context figure of a share's whole begins its `what`.
const WHOLE: &str = "the whole: ";

/// "2% of all small boat arrivals", where no table records the part: the whole, which a
/// table counts, is given for context, with the count the share would make of it.
fn note_whole(checked: &mut Checked, plan: &Plan, index: &Index<'_>) {
    let Some(reading) = &plan.whole else { return };
    let Some(bound) = index.get(&reading.dataset) else {
        return;
    };
    let figure = query::evaluate(reading, bound.table);
    if !figure.value.is_finite() || figure.coverage != query::Coverage::Full {
        return;
    }
    let what = format!(
        "{}, {}",
        reading.description,
        explain::period_words(&reading.window)
    );
    let mut note = format!(
        " The data hold the whole it is a share of: {what}, come to {}",
        number::count(figure.value)
    );
    if let Some(share) = checked.claim.quantity() {
        let percent = judge::claimed_value(share, reading);
        note.push_str(&format!(
            "; {} of it is {}",
            number::percent(percent),
            number::count(percent / 100.0 * figure.value)
        ));
    }
    note.push('.');
    checked.explanation.push_str(&note);
    checked.context.push(Aside {
        what: format!("{WHOLE}{what}"),
        value: figure.value,
    });
}

fn severity(v: Verdict) -> Option<u8> {
    match v {
        Verdict::Accurate => Some(0),
        Verdict::RoughlyRight => Some(1),
        Verdict::Inaccurate => Some(2),
        Verdict::NotCheckable | Verdict::PeriodNotCovered => None,
    }
}

/// "Fell by 11% to 12,193, compared with 13,690": a change stated with both of its figures,
/// which give that change, is as right as the figures are: where the data differ, it is the
/// figures that were revised.
fn judge_stated_changes(checked: &mut [Checked]) {
    for i in 0..checked.len().saturating_sub(2) {
        let [change, now, then] = &checked[i..i + 3] else {
            continue;
        };
        let (Some(c), Some(n), Some(t)) = (
            change.claim.quantity(),
            now.claim.quantity(),
            then.claim.quantity(),
        ) else {
            continue;
        };
        let text = &change.claim.sentence;
        let one_sentence = [&now.claim, &then.claim]
            .iter()
            .all(|x| x.offset == change.claim.offset && x.sentence == *text);
        let counts = n.kind == quantity::Kind::Count && t.kind == quantity::Kind::Count;
        let ordered = change.claim.span.end <= now.claim.span.start
            && now.claim.span.end <= then.claim.span.start;
        if !(one_sentence && counts && ordered && c.kind == quantity::Kind::Percent) {
            continue;
        }
        let between = text[now.claim.span.end..then.claim.span.start].to_ascii_lowercase();
        let against = ["compared with", "compared to", "from", "against"]
            .iter()
            .any(|w| between.contains(w));
        let stated = if c.direction == Some(quantity::Direction::Down) {
            -c.value.abs()
        } else {
            c.value
        };
        let implied = (n.value / t.value - 1.0) * 100.0;
        if !against || !implied.is_finite() || (implied - stated).abs() > c.precision.max(1.0) {
            continue;
        }
        let (Some(sc), Some(sn), Some(st)) = (
            severity(change.verdict),
            severity(now.verdict),
            severity(then.verdict),
        ) else {
            continue;
        };
        let (figures, verdict) = if sn >= st {
            (sn, now.verdict)
        } else {
            (st, then.verdict)
        };
        if figures >= sc {
            continue;
        }
        let working = change
            .explanation
            .split_once(": ")
            .map_or(change.explanation.as_str(), |(_, w)| w)
            .trim_end_matches('.');
        let explanation = format!(
            "\"{}\" follows from the two figures stated ({} and {}), so it is as right as they are, {}; the data now give: {working}.",
            change.claim.words(),
            now.claim.words(),
            then.claim.words(),
            verdict.as_str().replace('_', " ")
        );
        checked[i].verdict = verdict;
        checked[i].explanation = explanation;
    }
}

/// "Jumped by 48% to 7,190": a change and the figure it reaches, said together, stand or
/// fall together. Each takes the worse of the two verdicts, and says why.
fn judge_pairs(checked: &mut [Checked]) {
    judge_stated_changes(checked);
    for j in 1..checked.len() {
        let i = j - 1;
        let (a, b) = (&checked[i].claim, &checked[j].claim);
        let same_sentence = a.offset == b.offset && a.sentence == b.sentence;
        let (Some(change), Some(count)) = (a.quantity(), b.quantity()) else {
            continue;
        };
        let paired = same_sentence
            && change.direction.is_some()
            && matches!(
                change.kind,
                quantity::Kind::Percent | quantity::Kind::Multiple
            )
            && count.kind == quantity::Kind::Count
            && count.direction.is_none()
            && a.span.end <= b.span.start
            && leads_to(&a.sentence[a.span.end..b.span.start]);
        if !paired {
            continue;
        }
        let (Some(sa), Some(sb)) = (severity(checked[i].verdict), severity(checked[j].verdict))
        else {
            continue;
        };
        let (worse, better) = if sa > sb {
            (i, j)
        } else if sb > sa {
            (j, i)
        } else {
            continue;
        };
        let verdict = checked[worse].verdict;
        let note = format!(
            " It is said together with \"{}\", which is {}: the change and the figure it reaches stand or fall together.",
            checked[worse].claim.words(),
            verdict.as_str().replace('_', " ")
        );
        checked[better].verdict = verdict;
        checked[better].explanation.push_str(&note);
    }
}

/// The words between a change and the figure it reaches: "to", "in 2022, to", ", to".
fn leads_to(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.last() == Some(&"to") && words.len() <= 4
}

/// Whether two claims are of the same sentence.
fn said_together(a: &Checked, b: &Checked) -> bool {
    a.claim.offset == b.claim.offset && a.claim.sentence == b.claim.sentence
}

/// "8,308 returns in the quarter, a 16% increase on the same quarter last year", where the
/// data reach the base but not the quarter: the count, set against that base, gives the
/// change it implies, to set beside the one stated.
fn note_implied_changes(checked: &mut [Checked]) {
    for j in 1..checked.len() {
        let i = j - 1;
        let (a, b) = (&checked[i], &checked[j]);
        let same_sentence = said_together(a, b);
        let (Some(count), Some(change)) = (a.claim.quantity(), b.claim.quantity()) else {
            continue;
        };
        let plain_count = count.kind == quantity::Kind::Count && count.direction.is_none();
        let both_beyond =
            a.verdict == Verdict::PeriodNotCovered && b.verdict == Verdict::PeriodNotCovered;
        if !(same_sentence && plain_count && change.direction.is_some() && both_beyond) {
            continue;
        }
        let Some(judged) = b.decisive.and_then(|d| b.readings.get(d)) else {
            continue;
        };
        if !matches!(judged.reading.arithmetic, query::Arithmetic::Change { .. }) {
            continue;
        }
        let Some((base, window)) = explain::covered_base_figure(judged) else {
            continue;
        };
        let implied = 100.0 * (count.value - base) / base;
        let aside = [
            Aside {
                what: format!("the change from the base to \"{}\"", a.claim.words()),
                value: implied,
            },
            Aside {
                what: explain::base_words(judged, window),
                value: base,
            },
        ];
        let note = format!(
            " The data hold the base of the change said with it: {}, come to {}; set against that, \"{}\" would be a change of {}, where the text says \"{}\".",
            explain::base_words(judged, window),
            number::count(base),
            a.claim.words(),
            number::change(implied),
            b.claim.words()
        );
        checked[i].explanation.push_str(&note);
        checked[i].context.extend(aside);
    }
}

/// "2,580 returns of small boat arrivals, 2% of all arrivals", where the data hold the whole
/// of the share but not its part: the count, set against that whole, gives the share it
/// implies, to set beside the one stated.
fn note_shares_of_wholes(checked: &mut [Checked]) {
    for j in 1..checked.len() {
        let i = j - 1;
        let (a, b) = (&checked[i], &checked[j]);
        let same_sentence = said_together(a, b);
        let both_unsettled =
            a.verdict == Verdict::NotCheckable && b.verdict == Verdict::NotCheckable;
        let Some(count) = a.claim.quantity() else {
            continue;
        };
        let plain_count = count.kind == quantity::Kind::Count && count.direction.is_none();
        let whole = b
            .context
            .iter()
            .find(|c| c.what.starts_with(WHOLE))
            .cloned();
        let (true, true, true, Some(whole)) = (same_sentence, both_unsettled, plain_count, whole)
        else {
            continue;
        };
        let share = 100.0 * count.value / whole.value;
        let words = a.claim.words().to_string();
        let note = format!(
            " The data hold the whole of the share said with it, {}: {}; \"{}\" would be {} of it.",
            whole.what.trim_start_matches(WHOLE),
            number::count(whole.value),
            words,
            number::percent(share)
        );
        checked[i].explanation.push_str(&note);
        checked[i].context.push(whole);
        checked[i].context.push(Aside {
            what: format!("\"{words}\" as a share of the whole"),
            value: share,
        });
    }
}

/// Why a plan had no readings, for explanations.
pub(crate) fn unmatched(plan: &Plan) -> &str {
    plan.unmatched
        .as_deref()
        .unwrap_or("no reading of the data fits the sentence")
}
