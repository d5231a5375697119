//! Finding who a sentence is attributed to, from the sentence alone.
//!
//! Works on the words outside quotations (see [`crate::words`]) and looks for four shapes:
//! "according to X", "a statement from X", "X data shows" and a speech verb with its subject
//! before it ("Jane Smith said", "He added:") or after it (", said Jane Smith"). The subject
//! is resolved against the people named so far ([`People`]). Quotations spanning sentences
//! are handled by the caller.

use std::ops::Range;

use crate::names::{self, PRONOUNS, People};
use crate::words::{Kind, Token};
use crate::{Attribution, SpeakerKind};

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "claimed",
    "claims",
    "revealed",
    "reveals",
    "admitted",
    "admits",
    "insisted",
    "insists",
    "stated",
    "states",
    "warned",
    "warns",
    "announced",
    "announces",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "argued",
    "argues",
    "explained",
    "explains",
    "confirmed",
    "confirms",
];
const SHOW_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "suggest",
    "suggests",
    "suggested",
    "reveal",
    "reveals",
    "revealed",
    "indicate",
    "indicates",
    "indicated",
];
const DATA_NOUNS: &[&str] = &[
    "data",
    "figures",
    "statistics",
    "stats",
    "estimates",
    "analysis",
    "research",
    "survey",
    "records",
    "numbers",
];
/// Heads of phrases naming an organisation or its people.
const ORG_HEADS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
    "department",
    "government",
    "ministry",
    "agency",
    "council",
    "police",
    "charity",
    "company",
    "firm",
    "campaigners",
    "insiders",
    "aides",
    "regulator",
    "watchdog",
    "operator",
    "operators",
    "union",
    "body",
    "spokespeople",
    "chamber",
];
/// Lower-case words that may stand before a head: "a senior government source".
const MODIFIERS: &[&str] = &[
    "senior",
    "government",
    "party",
    "press",
    "anonymous",
    "official",
    "unnamed",
    "another",
    "one",
    "latest",
    "new",
    "recent",
    "provisional",
    "published",
    "home",
    "foreign",
    "health",
    "prime",
    "immigration",
    "defence",
    "first",
    "chief",
    "department",
    "ministry",
    "policing",
    "security",
    "justice",
    "industry",
    "trade",
];
/// Words that may stand between a subject and its verb: "Mr Sunak also said".
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "previously",
    "later",
    "then",
    "recently",
    "reportedly",
    "repeatedly",
    "once",
    "today",
    "yesterday",
    "earlier",
    "just",
    "further",
    "publicly",
    "privately",
    "separately",
    "will",
    "would",
    "may",
    "might",
    "once",
];
const ARTICLES: &[&str] = &["the", "a", "an"];
const CONNECTORS: &[&str] = &["of", "for", "and", "on"];
const LINKS: &[&str] = &["from", "for", "at", "in", "of"];
const TOLD_OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "mps",
    "peers",
    "parliament",
    "broadcasters",
    "listeners",
    "viewers",
    "me",
    "us",
    "him",
    "her",
    "them",
    "the",
    "a",
];

/// The attribution the sentence's own words give, if any.
pub(crate) fn find(text: &str, tokens: &[Token<'_>], people: &People) -> Option<Attribution> {
    let finder = Finder {
        text,
        tokens,
        people,
    };
    (0..tokens.len()).find_map(|i| finder.at(i))
}

struct Finder<'a, 't> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    people: &'t People,
}

impl Finder<'_, '_> {
    fn at(&self, i: usize) -> Option<Attribution> {
        let t = &self.tokens[i];
        if t.is("according") && self.tokens.get(i + 1).is_some_and(|n| n.is("to")) {
            return self.according_to(i);
        }
        if t.is("statement") {
            return self.statement(i);
        }
        if t.is_any(DATA_NOUNS) && self.tokens.get(i + 1).is_some_and(|n| n.is_any(SHOW_VERBS)) {
            return self.data_shows(i);
        }
        if t.is_any(SPEECH_VERBS) && !t.is_capitalised() {
            return self.speech(i);
        }
        None
    }

    fn slice(&self, tokens: Range<usize>) -> &str {
        let first = &self.tokens[tokens.start];
        let last = &self.tokens[tokens.end - 1];
        &self.text[first.range.start..last.range.end]
    }

    fn span(&self, tokens: Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].range.start..self.tokens[tokens.end - 1].range.end
    }

    fn make(
        &self,
        (name, kind): (String, SpeakerKind),
        cue: String,
        all: Range<usize>,
    ) -> Attribution {
        Attribution {
            name: squash(&name),
            kind,
            cue: squash(&cue),
            span: self.span(all),
        }
    }

    fn according_to(&self, i: usize) -> Option<Attribution> {
        let phrase = self.phrase_after(i + 2).unwrap_or(i + 2..i + 2);
        let data_end = phrase.end + usize::from(self.is_data(phrase.end));
        if data_end == i + 2 {
            return None;
        }
        let who = if data_end > phrase.end {
            (
                self.source_name(phrase.start..data_end),
                SpeakerKind::Source,
            )
        } else {
            self.speaker(phrase.clone())?
        };
        let cue = self.slice(i..i + 2).to_owned();
        Some(self.make(who, cue, i..data_end))
    }

    fn statement(&self, i: usize) -> Option<Attribution> {
        let link = self.tokens.get(i + 1)?;
        if !link.is_any(&["from", "by"]) {
            return None;
        }
        let phrase = self.phrase_after(i + 2)?;
        let start = if i > 0 && self.tokens[i - 1].is_any(ARTICLES) {
            i - 1
        } else {
            i
        };
        let who = self.speaker(phrase.clone())?;
        Some(self.make(who, self.slice(start..i + 2).to_owned(), start..phrase.end))
    }

    fn data_shows(&self, i: usize) -> Option<Attribution> {
        let mut start = i;
        while start > 0 && self.is_modifier(start - 1) {
            start -= 1;
        }
        let name = self.source_name(start..i + 1);
        let who = (name, SpeakerKind::Source);
        Some(self.make(who, self.tokens[i + 1].text.to_owned(), start..i + 2))
    }

    fn speech(&self, v: usize) -> Option<Attribution> {
        let cue_end = self.cue_end(v);
        let cue = self.slice(v..cue_end).to_owned();
        if let Some(subject) = self.phrase_before(v).or_else(|| self.apposed_subject(v)) {
            let who = self.speaker(subject.clone())?;
            return Some(self.make(who, cue, subject.start..cue_end));
        }
        let after_quote = v > 0 && matches!(self.tokens[v - 1].kind, Kind::Punct | Kind::Quote);
        if !after_quote {
            return None;
        }
        let subject = self
            .phrase_after(cue_end)
            .filter(|p| self.has_head(p.clone()))?;
        let who = self.speaker(subject.clone())?;
        Some(self.make(who, cue, v..subject.end))
    }

    /// The subject of "Jane Smith, who leads the study, said" or "Jane Smith, the minister,
    /// said": the phrase before the comma that opens the aside ending at `v`.
    fn apposed_subject(&self, v: usize) -> Option<Range<usize>> {
        let is_comma = |i: usize| self.tokens[i].kind == Kind::Punct && self.tokens[i].text == ",";
        if v < 2 || !is_comma(v - 1) {
            return None;
        }
        let open = (0..v - 1).rev().take(12).find(|&i| is_comma(i))?;
        let named = &self.tokens[open + 1..v - 1];
        if !named.is_empty()
            && named
                .iter()
                .all(|t| names::is_name_word(t) || names::is_title(t))
        {
            return Some(open + 1..v - 1);
        }
        let aside = self.tokens.get(open + 1)?;
        let is_aside = aside.is_any(&["who", "whose", "which", "the", "a"]);
        let subject = self.phrase_before(open).filter(|_| is_aside)?;
        (subject.len() > 1 || !self.tokens[subject.start].is_any(PRONOUNS)).then_some(subject)
    }

    /// Where the cue of the verb at `v` ends: past a colon, or past the object of "told".
    fn cue_end(&self, v: usize) -> usize {
        let next = self.tokens.get(v + 1);
        if next.is_some_and(|n| n.kind == Kind::Punct && n.text == ":") {
            return v + 2;
        }
        if !self.tokens[v].is_any(&["told", "tells"]) {
            return v + 1;
        }
        let mut end = v + 1;
        while end < v + 4 && self.tokens.get(end).is_some_and(|t| is_told_object(t)) {
            end += 1;
        }
        if end > v + 1 && self.tokens[end - 1].is_any(ARTICLES) {
            end -= 1;
        }
        end
    }

    fn is_data(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_any(DATA_NOUNS))
    }

    fn is_modifier(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        names::is_name_word(t) || t.is_any(MODIFIERS)
    }

    /// "Official figures", "Home Office data": a data source named without articles or "new".
    fn source_name(&self, tokens: Range<usize>) -> String {
        let mut start = tokens.start;
        while start + 1 < tokens.end && self.tokens[start].is_any(&["the", "new"]) {
            start += 1;
        }
        let name = self.slice(start..tokens.end);
        if self.tokens[start].is_any(MODIFIERS) {
            return lower_first(name);
        }
        name.to_owned()
    }

    /// The subject phrase ending just before the verb at `v`, skipping "also", "has" etc.
    fn phrase_before(&self, v: usize) -> Option<Range<usize>> {
        let mut end = v;
        while end > 0 && v - end < 3 && self.tokens[end - 1].is_any(BETWEEN) {
            end -= 1;
        }
        let last = self.tokens.get(end.checked_sub(1)?)?;
        if last.is_any(PRONOUNS) {
            return Some(end - 1..end);
        }
        let start = self.extend_back(end);
        (start < end).then_some(start..end)
    }

    /// Walks back over a noun phrase ending at `end`: names, heads, modifiers, an article,
    /// and "a source from the department" links.
    fn extend_back(&self, end: usize) -> usize {
        let mut start = end;
        while start > 0 {
            let t = &self.tokens[start - 1];
            let word = names::is_name_word(t) || names::is_title(t) || t.is_any(ORG_HEADS);
            if word || self.role_word(t) || t.is_any(MODIFIERS) || self.connects(start - 1) {
                start -= 1;
            } else if t.is_any(ARTICLES) && start < end {
                start -= 1;
                if !self.linked_before(start) {
                    break;
                }
                start -= 1;
            } else {
                break;
            }
        }
        if start < end && !self.has_head(start..end) {
            return end;
        }
        start
    }

    /// Whether `tokens[at - 1]` is a link word ("from") after a head ("a source from").
    fn linked_before(&self, at: usize) -> bool {
        at >= 2 && self.tokens[at - 1].is_any(LINKS) && self.tokens[at - 2].is_any(ORG_HEADS)
    }

    fn role_word(&self, t: &Token<'_>) -> bool {
        names::ROLES.iter().any(|r| r.split(' ').any(|p| t.is(p)))
    }

    /// Whether a phrase can name a speaker: a name, a head noun or a role.
    fn has_head(&self, phrase: Range<usize>) -> bool {
        let tokens = &self.tokens[phrase.clone()];
        tokens
            .iter()
            .any(|t| t.is_any(ORG_HEADS) || names::is_name_word(t))
            || names::role_ending(self.tokens, phrase.end).is_some()
    }

    /// The speaker phrase starting at `at`: an optional article, then names, modifiers and
    /// heads, then perhaps "for the Home Office".
    fn phrase_after(&self, at: usize) -> Option<Range<usize>> {
        let mut end = at;
        if self.tokens.get(end).is_some_and(|t| t.is_any(ARTICLES)) {
            end += 1;
        }
        let body = end;
        while self.tokens.get(end).is_some_and(|t| self.phrase_word(t)) || self.connects(end) {
            end += 1;
        }
        if end == body {
            return None;
        }
        let linked = self.tokens[end - 1].is_any(ORG_HEADS)
            && self.tokens.get(end).is_some_and(|t| t.is_any(LINKS));
        if let Some(more) = self.phrase_after(end + 1).filter(|_| linked) {
            end = more.end;
        }
        Some(at..end)
    }

    /// Whether `tokens[i]` joins two capitalised words of one name: "Office for National".
    fn connects(&self, i: usize) -> bool {
        i > 0
            && self.tokens.get(i).is_some_and(|t| t.is_any(CONNECTORS))
            && names::is_name_word(&self.tokens[i - 1])
            && self.tokens.get(i + 1).is_some_and(names::is_name_word)
    }

    fn phrase_word(&self, t: &Token<'_>) -> bool {
        names::is_name_word(t)
            || names::is_title(t)
            || t.is_any(ORG_HEADS)
            || t.is_any(MODIFIERS)
            || self.role_word(t)
            || t.is_any(PRONOUNS)
    }

    /// Who a subject phrase names, and what sort of speaker that is.
    fn speaker(&self, phrase: Range<usize>) -> Option<(String, SpeakerKind)> {
        let tokens = &self.tokens[phrase.clone()];
        let written = self.slice(phrase.clone());
        if tokens.len() == 1 && tokens[0].is_any(PRONOUNS) {
            let name = self
                .people
                .last()
                .map_or_else(|| lower_first(written), str::to_owned);
            return Some((name, SpeakerKind::Person));
        }
        let has_article = tokens[0].is_any(ARTICLES);
        let words = if has_article { &tokens[1..] } else { tokens };
        if words.is_empty() {
            return None;
        }
        if words
            .iter()
            .any(|t| t.is_any(ORG_HEADS) || names::is_org_word(t))
        {
            return Some((lower_first(written), SpeakerKind::Organisation));
        }
        if let Some(role) = names::role_ending(self.tokens, phrase.end) {
            let name = self
                .people
                .by_role(&role)
                .map_or_else(|| lower_first(written), str::to_owned);
            return Some((name, SpeakerKind::Person));
        }
        if has_article {
            return Some((lower_first(written), SpeakerKind::Organisation));
        }
        let after_role = words
            .iter()
            .rposition(|t| self.role_word(t))
            .map_or(0, |p| p + 1);
        let names = words
            .get(after_role..)
            .filter(|n| !n.is_empty())
            .unwrap_or(words);
        Some(self.named(names))
    }

    /// A speaker named by capitalised words alone.
    fn named(&self, words: &[Token<'_>]) -> (String, SpeakerKind) {
        if let Some(name) = self.people.person_name(self.text, words) {
            return (name, SpeakerKind::Person);
        }
        let word = words[0].text;
        if let Some(full) = self.people.by_surname(word) {
            return (full.to_owned(), SpeakerKind::Person);
        }
        let acronym = word.len() > 1 && word.chars().all(|c| c.is_uppercase() || c.is_numeric());
        let kind = if acronym {
            SpeakerKind::Organisation
        } else {
            SpeakerKind::Person
        };
        (word.to_owned(), kind)
    }
}

fn is_told_object(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && !t.is("that") && (t.is_capitalised() || t.is_any(TOLD_OBJECTS))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "The Home Office" as "the Home Office" and "Official figures" as "official figures",
/// leaving names ("Home Office officials") alone.
fn lower_first(s: &str) -> String {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    let lower = first.to_lowercase();
    let next_is_name = words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w));
    let lowerable = ARTICLES.contains(&lower.as_str())
        || PRONOUNS.contains(&lower.as_str())
        || (!next_is_name
            && (MODIFIERS.contains(&lower.as_str())
                || ORG_HEADS.contains(&lower.as_str())
                || names::ROLES.iter().any(|r| r.starts_with(&lower))));
    if lowerable {
        return format!("{lower}{}", &s[first.len()..]);
    }
    s.to_owned()
}
