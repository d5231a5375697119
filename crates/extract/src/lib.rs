//! From sentences to claims.
//!
//! A [`Claim`] is what a sentence asserts about a number, in the text's own terms: the
//! quantity and its qualifier, who or where it is about (countries, with the role the text
//! gives them), ages, the period as dates, the comparison base, and who said it. It knows
//! nothing of tables: `query` turns claims into readings over the catalog.
//!
//! Extraction walks the document in order, because sentences lean on earlier ones: "the
//! country" names the last country mentioned, "in that time" the last period, and "He added:"
//! the last person named. Each step is a small module:
//!
//! - `entities`: countries and their roles ("Albanian migrants" is a nationality, "to
//!   Albania" a destination, "the country" a reference back);
//! - `periods`: which time expression a quantity is about, the comparison base, and the
//!   time of speaking ("a statement last month");
//! - `assertions`: the quantities worth checking and the trends stated without numbers;
//! - `hedges`: forecasts and counts of things the statistics do not count.

mod assertions;
mod entities;
mod hedges;
mod periods;

use std::ops::Range;

use countries::Gazetteer;
use document::{Attribution, Document};
use jiff::civil::Date;
pub use periods::series_began;
pub use quantity::{AgeBand, Direction, Quantity};
pub use temporal::{Day, Event, Period};

/// A claim, as the text states it.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The sentence, as written.
    pub sentence: String,
    /// The sentences before, nearest first (up to [`EARLIER`]), for claims that lean on
    /// them for what they count ("Of those, 12,000 were Albanian"; "The figure for children
    /// was 18", after a sentence that counts nothing).
    pub context: Vec<String>,
    /// The document's headline, for claims whose sentences, and the one before, do not say
    /// what they count ("Channel crossings by children double": "the figure rose to 1,449").
    pub headline: Option<String>,
    /// Byte offset of the sentence in the document's text. Every other span of a claim is
    /// relative to the sentence.
    pub offset: usize,
    /// The words asserted: the quantity ("More than 8,000") or the trend ("risen sharply").
    pub span: Range<usize>,
    /// The other claims' words in the same sentence: words nearer to one of them than to
    /// this claim are about that one.
    pub others: Vec<Range<usize>>,
    /// Where the same speaker says the same again later, in document coordinates.
    pub repeated_at: Vec<Range<usize>>,
    pub speaker: Option<Attribution>,
    /// When the words were said, where the text says ("a statement last month").
    pub said: Option<Said>,
    /// The day relative time is read against: the publication date.
    pub reference: Date,
    pub assertion: Assertion,
    pub entities: Vec<Entity>,
    pub ages: Vec<AgeBand>,
    pub period: Option<ClaimPeriod>,
    /// The period a change or comparison is measured against ("compared with 2015").
    pub base: Option<ClaimPeriod>,
    /// A period expression that could not be dated ("since the election").
    pub unresolved: Option<String>,
    /// For a record, the first day it reaches back to ("the highest since 2004").
    pub horizon: Option<jiff::civil::Date>,
    /// A reason the claim cannot be checked against counts of people, if the text gives one.
    pub hedge: Option<Hedge>,
    /// For a share said to come from a number of countries ("over half came from three
    /// countries"), that number: the share is of the largest that many.
    pub top_countries: Option<usize>,
    /// True when the speakers tell of what they themselves did ("we have removed 1,100",
    /// "I oversaw the removal of"): they count from their own records, which run up to the
    /// time of speaking, not from the statistics published by then.
    pub own_figures: bool,
    /// The length of the words put before the sentence from elsewhere ([`Claim::prefixed`]:
    /// the sentence before, or the headline, that says what is counted): they say who the
    /// people are, and never pick out the part of a share.
    pub prefix: usize,
    /// True when the claim is set against a vague past ("thousands more than in the past",
    /// "fewer than before"): the year before is its natural base, and the claim should hold
    /// against the earlier years too.
    pub against_the_past: bool,
}

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq)]
pub enum Assertion {
    /// A number: a count, a share, a change or a multiple.
    Quantity(Quantity),
    /// A direction without a number: "has risen sharply", "fell back".
    Trend { direction: Direction, strong: bool },
    /// A record: "record levels", "more than ever", "the lowest since 2004", "peaked in
    /// 2002". `high` is false for lows; `peak` is set when the text names the record's time
    /// rather than claiming the period is a record. `any_stretch` is set when the record is
    /// against every earlier stretch as long, not the same stretch of other years ("the
    /// highest of any quarter"). `rank` is the place claimed: 1 for a record, 2 for "the
    /// second highest".
    Record {
        high: bool,
        peak: bool,
        any_stretch: bool,
        rank: usize,
    },
    /// A ranking of countries: "the top five nationalities were A, B, C, D and E" (`top` is
    /// 5, `position` none), or "Albanians were the second most common nationality"
    /// (`position` 2). The countries are the claim's entities, ranked as nationalities or,
    /// with `destination` ("the most common destination for returns"), as destinations.
    Ranking {
        top: usize,
        position: Option<usize>,
        destination: bool,
    },
}

/// A time of speaking.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub span: Range<usize>,
    /// The earliest and latest day it can have been.
    pub days: Day,
    pub text: String,
}

/// A country the claim is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Where it is named in the sentence.
    pub span: Range<usize>,
    /// ISO 3166-1 alpha-3.
    pub code: String,
    pub role: Role,
    /// How the text names it: "Albanian", "to Albania", "the country (Albania)",
    /// "nationals (of Albania)".
    pub via: String,
    /// False when the country is inferred ("the country", "nationals") rather than named.
    pub explicit: bool,
    /// True for every country but this one: "non-Albanian", "other than Albania".
    pub excluded: bool,
}

/// The role the text gives a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The people's citizenship: "Albanians", "Albanian nationals", "from Albania".
    Nationality,
    /// Where people were sent: "to Albania", "returned to the country".
    Destination,
    /// A country named with no role the text makes clear.
    Unspecified,
}

/// A period, with how the claim came by it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimPeriod {
    pub period: Period,
    /// The words, as written: "since the end of last year", "in that time".
    pub text: String,
    /// Where the words are, relative to the sentence; `None` when inherited.
    pub span: Option<Range<usize>>,
    pub via: Via,
    /// The words that govern the expression ("since", "between"), when stated.
    pub cue: Option<temporal::Cue>,
}

/// How a claim came by its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Stated in the sentence.
    Stated,
    /// A reference back ("in that time") to the period of an earlier claim.
    BackReference,
    /// Not stated: taken from the sentence before, in the same paragraph.
    Context,
    /// Stated relative to the claim's other period ("the previous year").
    Relative,
    /// Not stated anywhere: taken as the last full calendar year before the claim was made.
    Assumed,
    /// Not stated, in a claim of the speaker's own record ("I oversaw ..."): their term of
    /// office.
    Term,
    /// Not stated, in a claim of what is going on now, soon after an event it is about
    /// ("thousands are being returned", months after a returns pact): since the event.
    Event,
}

/// Why a claim cannot be checked against counts of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hedge {
    /// A prediction: "could reach", "is likely to", "will".
    Forecast { words: String },
    /// The number counts things, not people: "boats", "vessels".
    NotPeople { words: String },
    /// The number counts something the statistics do not: "three priorities", "two
    /// ministers", "four detention centres".
    OtherCount { words: String },
    /// The number counts one day or one week within the period, not the period: "more than
    /// 1,000 in a single day in August".
    OneDay { words: String },
    /// The number is of why people came or what they mean to do, which no table records:
    /// "half of them come to work in the black economy".
    Motive { words: String },
}

/// What extraction needs besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The publication date, the reference for relative time.
    pub published: Date,
    pub events: &'a [Event],
    pub gazetteer: &'a Gazetteer,
    /// The country the statistics are about (`GBR`): "the UK" is the setting, and "the
    /// country" never refers back to it.
    pub home: Option<&'a str>,
    /// Who speaks where the text does not say: the speaker of a transcript, or of a sentence
    /// given on its own. "My time as Home Secretary" is theirs.
    pub speaker: Option<&'a str>,
}

/// Finds the claims of a document, in order, after its headline.
pub fn claims(document: &Document, context: &Context<'_>) -> Vec<Claim> {
    let mut state = State::default();
    if let Some(headline) = document.headline() {
        state.read_headline(headline, context);
    }
    let mut claims: Vec<Claim> = Vec::new();
    for sentence in &document.sentences {
        let text = document.sentence_text(sentence);
        let found = sentence_claims(
            text,
            sentence.span.start,
            sentence.speaker.clone(),
            context,
            &mut state,
        );
        for claim in found {
            merge_or_push(&mut claims, claim);
        }
    }
    claims
}

/// Finds the claims of one sentence on its own, said by the context's speaker if it names one.
pub fn sentence_claims_alone(text: &str, context: &Context<'_>) -> Vec<Claim> {
    let speaker = context.speaker.map(given_speaker);
    sentence_claims(text, 0, speaker, context, &mut State::default())
}

/// A speaker named by the caller rather than by the text: a person, attributed by no words
/// of it.
pub fn given_speaker(name: &str) -> Attribution {
    Attribution {
        name: name.to_string(),
        kind: document::SpeakerKind::Person,
        cue: "given".to_string(),
        span: 0..0,
    }
}

/// Finds the claims of sentences read one after another, each on its own line of text, under
/// an optional headline: the country, period and measure of one sentence carry to the next,
/// as in [`claims`]. Each line may say who spoke it. Gives one list per sentence, each with
/// spans into its own sentence.
pub fn sentences_claims_in_turn(
    lines: &[Line<'_>],
    headline: Option<&str>,
    context: &Context<'_>,
) -> Vec<Vec<Claim>> {
    let mut state = State::default();
    if let Some(headline) = headline {
        state.read_headline(headline, context);
    }
    lines
        .iter()
        .map(|line| {
            let context = Context {
                speaker: line.speaker.or(context.speaker),
                ..*context
            };
            sentence_claims(line.text, 0, None, &context, &mut state)
        })
        .collect()
}

/// A sentence read in turn, with who said it when known.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    pub speaker: Option<&'a str>,
}

/// How many sentences back a claim may lean for what it counts.
pub const EARLIER: usize = 3;

/// What earlier sentences leave for later ones.
#[derive(Debug, Default)]
struct State {
    last_country: Option<String>,
    /// The last period stated, by voice: "in that time" in the writer's own words refers to
    /// the writer's last period, not to one in a statement the writer reports.
    last_period: Vec<(Voice, ClaimPeriod)>,
    sentence_period: Option<ClaimPeriod>,
    previous_sentences: Vec<String>,
    /// The countries of the sentence before, for one that opens by referring back to what
    /// it counted ("Of those", "The figure").
    previous_entities: Vec<Entity>,
    headline: Option<String>,
    voice: Voice,
}

/// Whose words a sentence is: the writer's (including data the writer cites) or a named
/// speaker's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Voice {
    #[default]
    Writer,
    Speaker(String),
}

impl Voice {
    fn of(speaker: Option<&Attribution>) -> Voice {
        match speaker {
            Some(s) if s.kind != document::SpeakerKind::Source => Voice::Speaker(s.name.clone()),
            _ => Voice::Writer,
        }
    }
}

impl State {
    /// Reads a headline before the first sentence: it says what the text is about, and the
    /// country it names is the one "their homeland" refers back to. Its own numbers are not
    /// claims: a headline restates the text's.
    fn read_headline(&mut self, headline: &str, context: &Context<'_>) {
        let headline = headline.trim();
        if headline.is_empty() {
            return;
        }
        entities::find(headline, context, &mut self.last_country);
        self.headline = Some(headline.to_string());
    }

    /// The period "in that time" refers to: the last one in the same voice, else the last.
    fn back_reference(&self) -> Option<&ClaimPeriod> {
        let same = self
            .last_period
            .iter()
            .rev()
            .find(|(v, _)| *v == self.voice);
        same.or(self.last_period.last()).map(|(_, p)| p)
    }
}

fn sentence_claims(
    text: &str,
    offset: usize,
    speaker: Option<Attribution>,
    context: &Context<'_>,
    state: &mut State,
) -> Vec<Claim> {
    state.voice = Voice::of(speaker.as_ref());
    let local_speaker = speaker.map(|mut s| {
        s.span = s.span.start.saturating_sub(offset)..s.span.end.saturating_sub(offset);
        s
    });
    let who = local_speaker
        .as_ref()
        .filter(|s| s.kind == document::SpeakerKind::Person)
        .map(|s| s.name.as_str())
        .or(context.speaker);
    let times = temporal::find(
        text,
        &temporal::Context {
            reference: context.published,
            events: context.events,
            speaker: who,
        },
    );
    // "I oversaw the removal of 12,000": a claim of the speaker's own record, stating no
    // period, is about their latest term of office.
    let own_record = periods::own_record(text);
    let own_term = who
        .filter(|_| own_record)
        .and_then(|name| temporal::term_of(context.events, name, context.published));
    // "Thousands are being returned", months after a returns pact: since the pact.
    let in_force = periods::ongoing(text)
        .then(|| {
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            temporal::in_force(context.events, &words, context.published)
        })
        .flatten();
    let said = periods::time_of_speaking(text, &times, local_speaker.as_ref().map(|s| &s.span));
    let ages = quantity::find_ages(text);
    let assertions = assertions::find(text, &times, &ages);
    let mut entities = entities::find(text, context, &mut state.last_country);
    entities::carry_over(text, &state.previous_entities, &mut entities);
    let countries_counted = assertions::countries_counted(text).map(|(_, n)| n);
    let mut out = Vec::new();
    let spans: Vec<Range<usize>> = assertions
        .iter()
        .filter(|(_, a)| matches!(a, Assertion::Quantity(_)))
        .map(|(s, _)| s.clone())
        .collect();
    // "Record levels of returns ..., record levels of deportations": each record's words run
    // up to the next; a count's words are not cut short by a record.
    let records: Vec<Range<usize>> = assertions
        .iter()
        .filter(|(_, a)| matches!(a, Assertion::Record { .. }))
        .map(|(s, _)| s.clone())
        .collect();
    let reference = said.as_ref().map_or(context.published, |s| s.days.latest);
    let all_times: Vec<&temporal::TimeExpr> = times.iter().collect();
    let reaches: Vec<Range<usize>> = records
        .iter()
        .filter_map(|r| periods::reach_of(text, r, &all_times))
        .map(|t| t.span.clone())
        .collect();
    for (span, assertion) in assertions {
        let plain = matches!(&assertion, Assertion::Quantity(q) if q.direction.is_none() && q.kind != quantity::Kind::Multiple);
        let hedge = hedges::find(text, &span, &assertion);
        let forecast = matches!(hedge, Some(Hedge::Forecast { .. }));
        let record = matches!(assertion, Assertion::Record { .. });
        let top_countries = countries_counted
            .filter(|_| matches!(&assertion, Assertion::Quantity(q) if q.is_share()));
        let mut others: Vec<Range<usize>> = spans.iter().filter(|s| **s != span).cloned().collect();
        if record {
            others.extend(records.iter().filter(|s| **s != span).cloned());
            others.sort_by_key(|s| s.start);
        }
        let asserted = periods::Asserted {
            record,
            span: &span,
            plain,
            forecast,
            others: &others,
            own_term,
            in_force,
            reaches: &reaches,
        };
        let mut timing = periods::choose(text, &asserted, &times, said.as_ref(), state, reference);
        if plain && periods::reached_by_a_change(text, &span, &others) {
            timing.period = timing.period.map(periods::last_year_of);
        }
        let against_the_past = periods::against_the_past(text, &span);
        let own_figures = own_record
            || matches!(&assertion, Assertion::Quantity(q) if assertions::own_tally(text, q));
        out.push(Claim {
            others,
            sentence: text.to_string(),
            context: state.previous_sentences.clone(),
            headline: state.headline.clone(),
            offset,
            hedge,
            span,
            repeated_at: Vec::new(),
            speaker: local_speaker.clone(),
            said: said.clone(),
            reference: context.published,
            assertion,
            entities: entities.clone(),
            ages: ages.clone(),
            period: timing.period,
            base: timing.base,
            unresolved: timing.unresolved,
            horizon: timing.horizon,
            top_countries,
            own_figures,
            against_the_past,
            prefix: 0,
        });
    }
    state.previous_entities = entities.clone();
    state.previous_sentences.insert(0, text.to_string());
    state.previous_sentences.truncate(EARLIER);
    state.sentence_period = out.iter().find_map(|c| {
        c.period
            .clone()
            .filter(|p| !matches!(p.via, Via::Assumed | Via::Term | Via::Event))
    });
    if let Some(period) = out
        .iter()
        .find_map(|c| c.period.as_ref().filter(|p| p.via == Via::Stated))
    {
        state
            .last_period
            .push((state.voice.clone(), period.clone()));
    }
    out
}

/// A claim the same speaker already made (same quantity) is folded into the first.
fn merge_or_push(claims: &mut Vec<Claim>, claim: Claim) {
    let same = claims.iter_mut().find(|c| {
        c.speaker.as_ref().map(|s| &s.name) == claim.speaker.as_ref().map(|s| &s.name)
            && claim.speaker.is_some()
            && same_assertion(&c.assertion, &claim.assertion)
    });
    match same {
        Some(first) => {
            let span = claim.offset + claim.span.start..claim.offset + claim.span.end;
            first.repeated_at.push(span);
        }
        None => claims.push(claim),
    }
}

fn same_assertion(a: &Assertion, b: &Assertion) -> bool {
    match (a, b) {
        (Assertion::Quantity(a), Assertion::Quantity(b)) => {
            a.value == b.value && a.kind == b.kind && a.direction == b.direction
        }
        _ => false,
    }
}

/// Words that open a new clause of a sentence, after which words are about the claim that
/// follows rather than the one before.
pub(crate) const CLAUSE_BREAKS: [&str; 7] = [
    ", and ",
    ", but ",
    ", while ",
    ", whereas ",
    "; ",
    ", yet ",
    ", with ",
];

impl Claim {
    /// The words asserted.
    pub fn words(&self) -> &str {
        &self.sentence[self.span.clone()]
    }

    /// The quantity, for claims that state one.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.assertion {
            Assertion::Quantity(q) => Some(q),
            Assertion::Trend { .. } | Assertion::Record { .. } | Assertion::Ranking { .. } => None,
        }
    }

    /// The claim as if its sentence began with `prefix` and a space: every span moves along.
    pub fn prefixed(&self, prefix: &str) -> Claim {
        let by = prefix.len() + 1;
        let shift = |r: &Range<usize>| r.start + by..r.end + by;
        let period = |p: &ClaimPeriod| ClaimPeriod {
            span: p.span.as_ref().map(shift),
            ..p.clone()
        };
        Claim {
            sentence: format!("{prefix} {}", self.sentence),
            context: Vec::new(),
            prefix: by + self.prefix,
            headline: None,
            span: shift(&self.span),
            others: self.others.iter().map(shift).collect(),
            said: self.said.as_ref().map(|s| Said {
                span: shift(&s.span),
                ..s.clone()
            }),
            entities: self
                .entities
                .iter()
                .map(|e| Entity {
                    span: shift(&e.span),
                    ..e.clone()
                })
                .collect(),
            ages: self
                .ages
                .iter()
                .map(|a| AgeBand {
                    span: shift(&a.span),
                    ..a.clone()
                })
                .collect(),
            period: self.period.as_ref().map(period),
            base: self.base.as_ref().map(period),
            speaker: self.speaker.clone(),
            ..self.clone()
        }
    }

    /// The claim's span in document coordinates.
    pub fn document_span(&self) -> Range<usize> {
        self.offset + self.span.start..self.offset + self.span.end
    }

    /// True when words at `span` are about this claim rather than another in the same
    /// sentence: words before every claim are the sentence's subject and belong to all;
    /// words after a claim belong to it, up to the next claim.
    pub fn owns(&self, span: &Range<usize>) -> bool {
        let first = self
            .others
            .iter()
            .map(|o| o.start)
            .min()
            .unwrap_or(usize::MAX)
            .min(self.span.start);
        if span.end <= first {
            return true;
        }
        if self.span.start > first && self.in_frame(first, span) {
            return true;
        }
        let claims = || self.others.iter().chain(std::iter::once(&self.span));
        let mut owner = claims()
            .filter(|o| o.start <= span.start)
            .max_by_key(|o| o.start);
        // Past a new clause ("45,000 crossed, and returns rose by 20%"), words lead up to
        // the next claim rather than trail the last.
        if let Some(before) = owner {
            let next = claims()
                .filter(|o| o.start >= span.end)
                .min_by_key(|o| o.start);
            let opens_clause = self
                .sentence
                .get(before.end..span.start)
                .is_some_and(|between| CLAUSE_BREAKS.iter().any(|b| between.contains(b)));
            if next.is_some() && opens_clause {
                owner = next;
            }
        }
        owner == Some(&self.span) || owner.is_some_and(|o| self.restates(o) || self.restated_by(o))
    }

    /// True when `span` lies in the phrase that opens the sentence with a whole, "Of the
    /// 45,000 people who crossed the Channel in 2022, 40,000 claimed asylum": the whole's
    /// words (from the first claim, at `first`, to the comma) say who the later claims
    /// count, as the words before every claim do.
    fn in_frame(&self, first: usize, span: &Range<usize>) -> bool {
        let opening = self
            .sentence
            .get(..first)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        let framed = [
            "of the",
            "of",
            "of all",
            "of these",
            "of those",
            "out of",
            "out of the",
        ]
        .contains(&opening.as_str());
        let comma = self
            .sentence
            .get(first..)
            .and_then(|rest| rest.find(", "))
            .map(|i| first + i);
        framed && comma.is_some_and(|c| span.start >= first && span.end <= c && self.span.start > c)
    }

    /// True when this claim restates the claim at `before`, put after it by a comma: a
    /// change ("8,308 enforced returns in the quarter, a 16% increase on the year before" is
    /// a change of enforced returns), a share ("10,700 went home voluntarily, 28% of all
    /// returns"), the same count at another time (", down from 100 in 2019") or an "or"
    /// ("5,365, or 22% of all returns").
    fn restates(&self, before: &Range<usize>) -> bool {
        // ", double the 2021 figure": a multiple is a change too.
        let change_or_share = matches!(&self.assertion, Assertion::Quantity(q)
            if q.direction.is_some() || q.is_share() || q.kind == quantity::Kind::Multiple);
        // "Reached 24,587 in 2023, the highest since 2004": a record of the same count.
        let record = matches!(self.assertion, Assertion::Record { .. });
        match appended(&self.sentence, &self.others, before, &self.span) {
            Some(Appended::Or | Appended::Compared) => true,
            Some(Appended::Plain) => change_or_share || record,
            None => false,
        }
    }

    /// True when the claim at `after` restates this one with an "or" ("5,365, or 22% of all
    /// returns"): the words after it are about this claim too.
    fn restated_by(&self, after: &Range<usize>) -> bool {
        appended(&self.sentence, &self.others, &self.span, after) == Some(Appended::Or)
    }
}

/// How one claim is put after another by a comma.
#[derive(Debug, PartialEq, Eq)]
enum Appended {
    /// ", a 16% increase", ", up 20%".
    Plain,
    /// ", or 22%".
    Or,
    /// ", down from 100", ", compared with 2,790": the same count at another time.
    Compared,
}

/// How the claim at `second` is put right after the claim at `first`, with at most two
/// words after a comma and no conjunction that opens a clause of its own; `None` when it is
/// not, or another claim stands between them.
fn appended(
    sentence: &str,
    others: &[Range<usize>],
    first: &Range<usize>,
    second: &Range<usize>,
) -> Option<Appended> {
    let between_them = others
        .iter()
        .any(|o| o.start >= first.end && o.end <= second.start && o != first);
    if between_them || first.end > second.start {
        return None;
    }
    let (_, tail) = sentence.get(first.end..second.start)?.rsplit_once(", ")?;
    let words: Vec<&str> = tail.split_whitespace().collect();
    let compared = [
        &["down", "from"][..],
        &["up", "from"],
        &["from"],
        &["compared", "with"],
        &["compared", "to"],
        &["against"],
    ];
    if compared.iter().any(|c| words == *c) {
        return Some(Appended::Compared);
    }
    match words.first().copied() {
        _ if words.len() > 2 => None,
        Some("or") => Some(Appended::Or),
        Some("and" | "but" | "while" | "yet") => None,
        _ => Some(Appended::Plain),
    }
}

#[cfg(test)]
mod tests;
