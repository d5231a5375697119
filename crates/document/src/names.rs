//! Who has been named so far.
//!
//! Attribution often points back: "He added:", "Mr Sunak said", "the prime minister
//! claimed". [`People`] remembers, in reading order, the people named in the writer's words
//! (capitalised names of two or more words, or a title and surname) and the roles they were
//! named with ("Prime Minister Rishi Sunak", "Rishi Sunak, the prime minister"), so that later
//! pronouns, titles and roles resolve to a full name. Words inside quotations are not read.

use crate::words::{Kind, Token};

pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
];
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Role nouns naming a person, longest first.
pub(crate) const ROLES: &[&str] = &[
    "prime minister",
    "home secretary",
    "foreign secretary",
    "health secretary",
    "first minister",
    "chief executive",
    "chancellor",
    "minister",
    "secretary",
    "president",
    "mayor",
    "leader",
    "director",
    "economist",
    "analyst",
    "councillor",
    "commissioner",
    "chairman",
    "chair",
];
/// Capitalised words that make a name an organisation's.
const ORG_WORDS: &[&str] = &[
    "office",
    "department",
    "ministry",
    "council",
    "force",
    "observatory",
    "agency",
    "commission",
    "committee",
    "government",
    "party",
    "bank",
    "service",
    "university",
    "institute",
    "police",
    "union",
    "foundation",
    "trust",
    "court",
    "parliament",
    "authority",
    "board",
    "group",
    "association",
    "centre",
    "center",
    "treasury",
    "cabinet",
    "bureau",
    "organisation",
    "organization",
    "society",
    "fund",
    "corporation",
    "company",
    "network",
    "coalition",
    "alliance",
    "unit",
    "statistics",
    "college",
    "school",
    "hospital",
    "charity",
    "forum",
    "executive",
    "assembly",
    "senate",
    "congress",
    "nations",
    "news",
    "times",
    "post",
    "rights",
    "bill",
    "act",
    "europe",
    "ltd",
    "plc",
    "inc",
];
/// Capitalised words that do not start or belong to a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "according",
    "official",
    "new",
    "perhaps",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "as",
    "for",
    "from",
    "by",
    "with",
    "so",
    "yet",
    "however",
    "meanwhile",
    "last",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "speaking",
    "asked",
    "figures",
    "data",
];

pub(crate) fn is_title(token: &Token<'_>) -> bool {
    token.is_any(TITLES)
}

pub(crate) fn is_name_word(token: &Token<'_>) -> bool {
    token.is_capitalised() && !token.is_any(NOT_NAMES)
}

/// An organisation's word ("Office", "Council") or an acronym ("UK", "ONS").
pub(crate) fn is_org_word(token: &Token<'_>) -> bool {
    let acronym = token.text.chars().count() > 1 && token.text.chars().all(|c| c.is_uppercase());
    token.is_any(ORG_WORDS)
        || (token.kind == Kind::Word && acronym && !token.is_any(&["MP", "MSP", "KC", "QC"]))
}

/// The role (lower case) spelled by `tokens[at..]`, and how many tokens it takes.
pub(crate) fn role_at(tokens: &[Token<'_>], at: usize) -> Option<(String, usize)> {
    ROLES.iter().find_map(|role| {
        let parts: Vec<&str> = role.split(' ').collect();
        let here = tokens.get(at..at + parts.len())?;
        let hit = here.iter().zip(&parts).all(|(t, p)| t.is(p));
        hit.then(|| (role.to_string(), parts.len()))
    })
}

/// The role (lower case) ending just before `tokens[end]`.
pub(crate) fn role_ending(tokens: &[Token<'_>], end: usize) -> Option<String> {
    ROLES.iter().find_map(|role| {
        let n = role.split(' ').count();
        let start = end.checked_sub(n)?;
        role_at(tokens, start)
            .filter(|(r, len)| r == role && *len == n)
            .map(|(r, _)| r)
    })
}

#[derive(Debug, Default)]
pub(crate) struct People {
    full_names: Vec<String>,
    last: Option<String>,
    roles: Vec<(String, String)>,
}

impl People {
    /// The person a pronoun refers to: the last one named.
    pub(crate) fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }

    /// "Mr Sunak" as the full name seen earlier ("Rishi Sunak"), or as written.
    pub(crate) fn by_surname(&self, surname: &str) -> Option<&str> {
        self.full_names
            .iter()
            .rev()
            .find(|n| n.rsplit(' ').next() == Some(surname))
            .map(String::as_str)
    }

    pub(crate) fn by_role(&self, role: &str) -> Option<&str> {
        self.roles
            .iter()
            .rev()
            .find(|(r, _)| r == role)
            .map(|(_, n)| n.as_str())
    }

    /// Records that `name` (a resolved full name, or a title and surname) was mentioned.
    pub(crate) fn mention(&mut self, name: &str) {
        let plain = name.split(' ').count() >= 2
            && !TITLES.contains(&name.split(' ').next().unwrap_or("").to_lowercase().as_str());
        if plain && !self.full_names.iter().any(|n| n == name) {
            self.full_names.push(name.to_owned());
        }
        self.last = Some(name.to_owned());
    }

    /// Records that a person was named by role alone ("the Home Secretary"): a pronoun
    /// after it refers to them, but the role is no name to look surnames up in.
    pub(crate) fn mention_role(&mut self, role: &str) {
        if !PRONOUNS.contains(&role) {
            self.last = Some(role.to_owned());
        }
    }

    /// Reads the names (and roles) in a sentence's words outside quotations.
    pub(crate) fn observe(&mut self, text: &str, tokens: &[Token<'_>]) {
        let mut i = 0;
        while i < tokens.len() {
            let run = name_run(tokens, i);
            if run.is_empty() {
                i += 1;
                continue;
            }
            self.observe_run(text, tokens, run.clone());
            i = run.end;
        }
    }

    fn observe_run(&mut self, text: &str, tokens: &[Token<'_>], run: std::ops::Range<usize>) {
        let (role, start) = match role_at(tokens, run.start) {
            Some((role, len)) => (Some(role), run.start + len),
            None => (role_before(tokens, run.start), run.start),
        };
        let names = &tokens[start..run.end];
        if names.is_empty() || names.iter().any(is_org_word) {
            return;
        }
        let Some(name) = self.person_name(text, names) else {
            return;
        };
        self.mention(&name);
        if let Some(role) = role.or_else(|| role_after(tokens, run.end)) {
            self.roles.push((role, name));
        }
    }

    /// The full name for capitalised words naming a person, if they do.
    pub(crate) fn person_name(&self, text: &str, names: &[Token<'_>]) -> Option<String> {
        let last = names.last()?;
        if is_title(&names[0]) && names.len() >= 3 {
            return Some(text[names[1].range.start..last.range.end].to_owned());
        }
        if is_title(&names[0]) && names.len() >= 2 {
            let written = &text[names[0].range.start..last.range.end];
            return Some(self.by_surname(last.text).unwrap_or(written).to_owned());
        }
        (names.len() >= 2).then(|| text[names[0].range.start..last.range.end].to_owned())
    }
}

/// Token indices of the capitalised run starting at `at` (empty if none).
fn name_run(tokens: &[Token<'_>], at: usize) -> std::ops::Range<usize> {
    let mut end = at;
    while end < tokens.len() && (is_name_word(&tokens[end]) || is_title(&tokens[end])) {
        end += 1;
    }
    at..end
}

/// "the prime minister, Rishi Sunak" or "Home Secretary Jane Doe": the role before a name.
fn role_before(tokens: &[Token<'_>], start: usize) -> Option<String> {
    let end = if start > 0 && tokens[start - 1].text == "," {
        start - 1
    } else {
        start
    };
    role_ending(tokens, end)
}

/// "Rishi Sunak, the prime minister": the role after a name.
fn role_after(tokens: &[Token<'_>], end: usize) -> Option<String> {
    let comma = tokens
        .get(end)
        .is_some_and(|t| t.kind == Kind::Punct && t.text == ",");
    let the = tokens.get(end + 1).is_some_and(|t| t.is("the"));
    if !(comma && the) {
        return None;
    }
    role_at(tokens, end + 2).map(|(r, _)| r)
}
