//! Countries as text names them and as official tables label them.
//!
//! A claim says "Albanians", "Albanian migrants" or "returned to Albania"; a table's rows say
//! `Albania`, `Bahamas, The` or `Myanmar (Burma)`. Both sides meet on the ISO 3166-1 alpha-3
//! code. Names and demonyms come from a maintained country table (the `keshvar` crate); the
//! project's own `overrides.json` adds what that table lacks and the labels official tables
//! spell their own way. This crate knows nothing of claims or of any particular table.

use std::collections::HashMap;
use std::ops::Range;

use keshvar::CountryIterator;
use serde::Deserialize;

/// An ISO 3166-1 alpha-3 code, such as `ALB`.
pub type Code = String;

/// How a mention names its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Albania", "the UK".
    Name,
    /// "Albanian", "Albanians", "British".
    Demonym,
}

/// A country named in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text searched.
    pub span: Range<usize>,
    pub code: Code,
    pub form: Form,
}

/// Names, demonyms and labels of every country, indexed for lookup.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    phrases: HashMap<String, (Code, Form)>,
    labels: HashMap<String, Code>,
    names: HashMap<Code, String>,
    longest: usize,
}

#[derive(Deserialize)]
struct Overrides {
    countries: Vec<ExtraCountry>,
    names: HashMap<String, Code>,
    demonyms: HashMap<String, Option<Code>>,
    labels: HashMap<String, Code>,
}

#[derive(Deserialize)]
struct ExtraCountry {
    code: Code,
    name: String,
    demonym: String,
    names: Vec<String>,
    demonyms: Vec<String>,
}

const OVERRIDES: &str = include_str!("../overrides.json");

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

impl Gazetteer {
    /// The gazetteer of the country table plus the project's overrides.
    pub fn new() -> Gazetteer {
        let overrides: Overrides =
            serde_json::from_str(OVERRIDES).expect("overrides.json is checked by a unit test");
        let mut gazetteer = Gazetteer {
            phrases: HashMap::new(),
            labels: HashMap::new(),
            names: HashMap::new(),
            longest: 1,
        };
        for country in CountryIterator::new() {
            gazetteer.add_keshvar(&country);
        }
        gazetteer.add_overrides(overrides);
        gazetteer
    }

    fn add_keshvar(&mut self, country: &keshvar::Country) {
        let code = country.alpha3().to_string();
        let short = strip_parenthetical(country.iso_short_name());
        let common = country
            .unofficial_name_list()
            .iter()
            .copied()
            .find(|name| name.is_ascii() && !name.contains('('))
            .unwrap_or(short);
        self.names
            .insert(code.clone(), english_name(short, common).to_string());
        self.add_name(short, &code);
        for name in country.unofficial_name_list() {
            if name.is_ascii() && !name.contains(['(', ',']) {
                self.add_name(name, &code);
            }
        }
        if let Some(demonym) = country.maybe_nationality() {
            self.add_demonym(demonym, &code);
        }
    }

    fn add_overrides(&mut self, overrides: Overrides) {
        for extra in overrides.countries {
            self.names.insert(extra.code.clone(), extra.name.clone());
            self.add_name(&extra.name, &extra.code);
            self.add_demonym(&extra.demonym, &extra.code);
            for name in &extra.names {
                self.add_name(name, &extra.code);
            }
            for demonym in &extra.demonyms {
                self.add_phrase(demonym, &extra.code, Form::Demonym);
            }
        }
        for (name, code) in overrides.names {
            self.add_name(&name, &code);
        }
        for (demonym, code) in overrides.demonyms {
            match code {
                Some(code) => self.add_phrase(&demonym, &code, Form::Demonym),
                None => {
                    self.phrases.remove(&demonym);
                }
            }
        }
        for (label, code) in overrides.labels {
            self.labels.insert(fold(&label), code);
        }
    }

    fn add_name(&mut self, name: &str, code: &str) {
        self.add_phrase(name, code, Form::Name);
        self.labels
            .entry(fold(name))
            .or_insert_with(|| code.to_string());
    }

    fn add_demonym(&mut self, demonym: &str, code: &str) {
        self.add_phrase(demonym, code, Form::Demonym);
        self.add_phrase(&plural(demonym), code, Form::Demonym);
    }

    fn add_phrase(&mut self, phrase: &str, code: &str, form: Form) {
        let words = phrase.split_whitespace().count();
        self.longest = self.longest.max(words);
        self.phrases
            .entry(phrase.to_string())
            .or_insert_with(|| (code.to_string(), form));
    }

    /// The English short name of a country: "Albania", "Iran", "Vietnam".
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.get(code).map(String::as_str).unwrap_or(code)
    }

    /// The country an official table's label stands for: `Aruba (Dutch)` and `Aruba` give
    /// `ABW`; `Stateless` and `Other and unknown` give `None`.
    pub fn code_of_label(&self, label: &str) -> Option<&str> {
        let folded = fold(label);
        self.labels
            .get(&folded)
            .or_else(|| self.labels.get(&fold(strip_parenthetical(label))))
            .map(String::as_str)
    }

    /// Every country named in `text`, longest phrase first at each position, in order.
    ///
    /// Matching is case-sensitive, so that "turkey" the bird is not Turkey the country.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let words = word_spans(text);
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(text, &words[i..]) {
                Some((n, code, form)) => {
                    let span = words[i].start..words[i + n - 1].end;
                    mentions.push(Mention { span, code, form });
                    i += n;
                }
                None => i += 1,
            }
        }
        mentions
    }

    fn longest_at(&self, text: &str, words: &[Range<usize>]) -> Option<(usize, Code, Form)> {
        let max = self.longest.min(words.len());
        (1..=max).rev().find_map(|n| {
            let phrase = join_words(text, &words[..n]);
            let (code, form) = self.phrases.get(&phrase)?;
            Some((n, code.clone(), *form))
        })
    }
}

fn english_name<'a>(short: &'a str, common: &'a str) -> &'a str {
    if short.contains(',')
        || short.split_whitespace().count() > common.split_whitespace().count() + 1
    {
        common
    } else {
        short
    }
}

/// "Iran (Islamic Republic of)" → "Iran"; "Aruba (Dutch)" → "Aruba".
fn strip_parenthetical(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

fn fold(label: &str) -> String {
    label.trim().to_lowercase()
}

/// English plural of a demonym: "Albanian" → "Albanians"; "Chinese", "British", "Swiss" stay.
fn plural(demonym: &str) -> String {
    let invariant = ["ese", "sh", "ch", "ss", "Swiss"];
    if invariant.iter().any(|end| demonym.ends_with(end)) {
        demonym.to_string()
    } else {
        format!("{demonym}s")
    }
}

fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part_of_word = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.';
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(trim_word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(trim_word(text, s, text.len()));
    }
    spans.retain(|span| !span.is_empty());
    // "non-Albanian": the country is the word after the prefix.
    for span in &mut spans {
        let word = &text[span.clone()];
        if word.len() > 4
            && word
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("non-"))
        {
            span.start += 4;
        }
    }
    spans
}

/// Drops trailing full stops, apostrophes and possessive "'s" from a word: "Albania's" and
/// "Albania." both give "Albania"; "U.K." keeps its stops.
fn trim_word(text: &str, start: usize, end: usize) -> Range<usize> {
    let word = &text[start..end];
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let dotted_initials = word.len() > 2 && word.matches('.').count() >= 2;
    let word = if dotted_initials {
        word
    } else {
        word.trim_end_matches(['.', '\'', '’', '-'])
    };
    start..start + word.len()
}

fn join_words(text: &str, words: &[Range<usize>]) -> String {
    let mut phrase = String::new();
    for (i, span) in words.iter().enumerate() {
        if i > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&text[span.clone()]);
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let g = Gazetteer::new();
        g.find(text)
            .into_iter()
            .map(|m| format!("{}={}:{:?}", &text[m.span], m.code, m.form))
            .collect()
    }

    #[test]
    fn finds_names_and_demonyms() {
        assert_eq!(
            names("Iranians and Iraqis crossed; some went back to Viet Nam, others to the UK."),
            [
                "Iranians=IRN:Demonym",
                "Iraqis=IRQ:Demonym",
                "Viet Nam=VNM:Name",
                "UK=GBR:Name"
            ]
        );
        assert_eq!(
            names("Albania's deal with Kosovars"),
            ["Albania=ALB:Name", "Kosovars=XKX:Demonym"]
        );
        assert_eq!(
            names("Chinese and Swiss nationals"),
            ["Chinese=CHN:Demonym", "Swiss=CHE:Demonym"]
        );
        assert_eq!(names("a turkey dinner"), Vec::<String>::new());
        assert_eq!(
            names("South Sudanese arrivals"),
            ["South Sudanese=SSD:Demonym"]
        );
        assert_eq!(
            names("non-Moldovan and Non-Peruvian nationals, and Guinea-Bissau"),
            [
                "Moldovan=MDA:Demonym",
                "Peruvian=PER:Demonym",
                "Guinea-Bissau=GNB:Name"
            ]
        );
    }

    #[test]
    fn reads_official_labels() {
        let g = Gazetteer::new();
        let cases = [
            ("Albania", Some("ALB")),
            ("Bahamas, The", Some("BHS")),
            ("Myanmar (Burma)", Some("MMR")),
            ("Aruba (Dutch)", Some("ABW")),
            ("Iran", Some("IRN")),
            ("Congo (Democratic Republic)", Some("COD")),
            ("Czechia", Some("CZE")),
            ("Turkey", Some("TUR")),
            ("Stateless", None),
            ("Other and unknown", None),
        ];
        for (label, code) in cases {
            assert_eq!(g.code_of_label(label), code, "{label}");
        }
    }

    #[test]
    fn english_names() {
        let g = Gazetteer::new();
        assert_eq!(g.name("IRN"), "Iran");
        assert_eq!(g.name("ALB"), "Albania");
        assert_eq!(g.name("XKX"), "Kosovo");
    }
}
