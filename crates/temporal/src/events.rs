//! Finding named events ("since the communique was agreed", "during my time as Home
//! Secretary") in the table of [`Event`]s.
//!
//! An event is matched when one of its aliases appears, as whole lower-case words, within
//! the clause after the cue. Which events exist is data, never code.

use crate::calendar::{closed, long, to_date};
use crate::parser::Parser;
use crate::spec::YearSource;
use crate::token::{Kind, tokenize};
use crate::{Date, Day, Event, Period};

/// How many words after a cue may hold the name of an event.
const WINDOW: usize = 12;

#[derive(Debug)]
pub(crate) struct Found<'e> {
    pub event: &'e Event,
    pub end: usize,
}

impl Parser<'_> {
    /// An event named in the clause starting at `i`; with `at_start`, the alias must begin
    /// within the first three words ("during my time as ...", "under the last Labour government").
    pub fn event(&self, i: usize, at_start: bool) -> Option<Found<'_>> {
        let window = self.window(i);
        let year = self.year_mentioned(&window);
        // "the 2019 election": the year picks the event, and the alias reads round it.
        let words: Vec<(&str, usize)> = window
            .iter()
            .copied()
            .filter(|(_, k)| year.is_none_or(|(_, at, end)| !(at..end).contains(k)))
            .collect();
        let mut best: Option<(Found<'_>, (bool, bool, Date))> = None;
        for event in self.ctx.events {
            let generic = self.mentions_any(&event.about).then_some(&event.generic);
            let own = own_words(event, self.ctx.speaker);
            let current = current_words(event, self.reference());
            let Some((pos, end)) = event
                .aliases
                .iter()
                .chain(generic.into_iter().flatten())
                .chain(&own)
                .chain(&current)
                .find_map(|a| find_alias(&words, a))
            else {
                continue;
            };
            if at_start && pos > 2 {
                continue;
            }
            let score = self.score(event, year.map(|(y, _, _)| y));
            let end = match year {
                Some((_, at, year_end)) if at >= end => year_end,
                _ => end,
            };
            if best.as_ref().is_none_or(|(_, s)| score > *s) {
                best = Some((Found { event, end }, score));
            }
        }
        best.map(|(found, _)| found)
    }

    /// True when the sentence has one of `words` (lower case) as a whole word.
    fn mentions_any(&self, words: &[String]) -> bool {
        self.toks.iter().any(|t| words.contains(&t.norm))
    }

    /// Words and numbers of the clause from `i`, as (normalised text, token index).
    fn window(&self, i: usize) -> Vec<(&str, usize)> {
        (i..self.toks.len())
            .take_while(|&k| !self.is_boundary(k))
            .filter(|&k| self.toks[k].kind != Kind::Punct)
            .take(WINDOW)
            .map(|k| (self.toks[k].norm.as_str(), k))
            .collect()
    }

    /// A year named in the window: (year, token index, end index).
    fn year_mentioned(&self, window: &[(&str, usize)]) -> Option<(i32, usize, usize)> {
        window.iter().find_map(|&(_, k)| {
            let ((y, source), end) = self.year_ref(k)?;
            (source != YearSource::This || self.word(k, "this").is_some()).then_some((y, k, end))
        })
    }

    /// Prefers an event in the year named, then the latest that has begun.
    fn score(&self, event: &Event, year: Option<i32>) -> (bool, bool, Date) {
        let start = event.start;
        (
            year == Some(i32::from(start.year())),
            start <= self.reference(),
            start,
        )
    }

    pub fn since_event(&self, event: &Event) -> Period {
        let r = self.reference();
        let d = format!(
            "since {} on {} until {}",
            event.name,
            long(event.start),
            long(r)
        );
        to_date(Day::exact(event.start), r, d)
    }

    pub fn during_event(&self, event: &Event) -> Period {
        match event.end {
            Some(end) => closed(
                event.start,
                end,
                format!("{}, {} to {}", event.name, long(event.start), long(end)),
            ),
            None => event.term(self.reference()),
        }
    }
}

/// How the holder of an office names their own term: "my time as home secretary", "i became
/// home secretary". Empty unless `speaker` held it.
fn own_words(event: &Event, speaker: Option<&str>) -> Vec<String> {
    match &event.office {
        Some(office) if speaker.is_some_and(|s| event.held_by(s)) => own_phrases(office),
        _ => Vec::new(),
    }
}

/// How anyone names the term under way: "this home secretary", "the current prime
/// minister". Empty unless the term had begun and not ended by `reference`.
fn current_words(event: &Event, reference: Date) -> Vec<String> {
    let under_way = event.start <= reference && event.end.is_none_or(|end| end > reference);
    match &event.office {
        Some(office) if under_way => {
            let office = office.to_lowercase();
            ["this", "the current", "the present"]
                .iter()
                .map(|lead| format!("{lead} {office}"))
                .collect()
        }
        _ => Vec::new(),
    }
}

fn own_phrases(office: &str) -> Vec<String> {
    let office = office.to_lowercase();
    [
        "my time as",
        "my tenure as",
        "my term as",
        "my years as",
        "i was",
        "i became",
        "i have been",
        "i've been",
    ]
    .iter()
    .map(|lead| format!("{lead} {office}"))
    .collect()
}

impl Parser<'_> {
    /// "My time as Home Secretary" for an office in the table that the speaker is not known to
    /// have held: what cannot be dated, and the end of the phrase.
    pub(crate) fn unheld_term(&self, i: usize) -> Option<(String, usize)> {
        let words = self.window(i);
        // Every phrase opens with "my" or "i", within the first three words.
        if !words
            .iter()
            .take(3)
            .any(|(w, _)| matches!(*w, "my" | "i" | "i've"))
        {
            return None;
        }
        let office = self.ctx.events.iter().find_map(|e| {
            let office = e.office.as_deref()?;
            own_phrases(office)
                .iter()
                .filter_map(|p| find_alias(&words, p))
                .find(|(pos, _)| *pos <= 2)
                .map(|(_, end)| (office, end))
        });
        let (office, end) = office?;
        let who = match self.ctx.speaker {
            Some(name) => format!("{name} is not known to have held it"),
            None => "who is speaking is not known".to_string(),
        };
        Some((format!("the speaker's time as {office} ({who})"), end))
    }
}

/// Where an alias occurs in the window: (position in the window, end token index).
fn find_alias(window: &[(&str, usize)], alias: &str) -> Option<(usize, usize)> {
    let words: Vec<String> = tokenize(alias)
        .into_iter()
        .filter(|t| t.kind != Kind::Punct)
        .map(|t| t.norm)
        .collect();
    if words.is_empty() || words.len() > window.len() {
        return None;
    }
    (0..=window.len() - words.len()).find_map(|p| {
        let hit = words.iter().zip(&window[p..]).all(|(w, (v, _))| w == v);
        hit.then(|| (p, window[p + words.len() - 1].1 + 1))
    })
}
