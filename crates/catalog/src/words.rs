//! Words and phrases, matched against text by their stems.
//!
//! The catalog's vocabulary says "returned", the text says "returns" or "have been
//! returning"; "crossed the Channel" should find "crossing the English Channel". Words are
//! compared by a light stem (lower case, common English endings dropped), articles in the
//! text are skipped, and one other word may stand between two words of a phrase.

use std::ops::Range;

/// A phrase of one or more words, kept as written and as stems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub text: String,
    stems: Vec<String>,
}

/// A list of phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    pub phrases: Vec<Phrase>,
}

/// Where a phrase of a vocabulary matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the text searched, first word to last.
    pub span: Range<usize>,
    /// The phrase, as the vocabulary writes it.
    pub phrase: String,
}

/// A word of a text with its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    pub stem: String,
}

impl Phrase {
    pub fn new(text: &str) -> Phrase {
        let stems = words(text).into_iter().map(|w| w.stem).collect();
        Phrase {
            text: text.to_string(),
            stems,
        }
    }

    /// Number of words, the measure of how specific a match is.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Where this phrase starts matching at `words[at]`: the index past its last word.
    fn match_at(&self, words: &[Word], at: usize) -> Option<usize> {
        let mut i = at;
        for (n, stem) in self.stems.iter().enumerate() {
            let found = if n == 0 {
                (words.get(i)?.stem == *stem).then_some(i)
            } else {
                (i..words.len().min(i + 2)).find(|&j| words[j].stem == *stem)
            };
            i = found? + 1;
        }
        Some(i)
    }
}

impl Vocabulary {
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Vocabulary {
        let phrases = phrases
            .iter()
            .map(|p| Phrase::new(p.as_ref()))
            .filter(|p| !p.is_empty())
            .collect();
        Vocabulary { phrases }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every match of every phrase in `text`, longest first at each position, not
    /// overlapping, in order of position.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in(text, &words(text))
    }

    /// As [`Vocabulary::find`], over words already split by [`words`].
    pub fn find_in(&self, text: &str, words: &[Word]) -> Vec<Hit> {
        let _ = text;
        let mut hits = Vec::new();
        let mut at = 0;
        while at < words.len() {
            match self.longest_at(words, at) {
                Some((end, phrase)) => {
                    hits.push(Hit {
                        span: words[at].span.start..words[end - 1].span.end,
                        phrase: phrase.text.clone(),
                    });
                    at = end;
                }
                None => at += 1,
            }
        }
        hits
    }

    fn longest_at(&self, words: &[Word], at: usize) -> Option<(usize, &Phrase)> {
        self.phrases
            .iter()
            .filter_map(|p| p.match_at(words, at).map(|end| (end, p)))
            .max_by_key(|(_, p)| p.len())
    }
}

/// Splits text into words, dropping articles, with their stems.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut out, text, s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_word(out: &mut Vec<Word>, text: &str, span: Range<usize>) {
    let raw = text[span.clone()].trim_matches(['\'', '’', '-']);
    if raw.is_empty() {
        return;
    }
    let lower = raw.to_lowercase();
    if matches!(lower.as_str(), "the" | "a" | "an") {
        return;
    }
    out.push(Word {
        span,
        stem: stem(&lower),
    });
}

/// A light English stem: "returns", "returned", "returning" and "returnees" give "return";
/// "arrivals" and "arrived" give "arriv"; "crossing" gives "cross".
pub fn stem(word: &str) -> String {
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    const ENDINGS: [&str; 10] = [
        "ations", "ation", "ings", "ing", "als", "al", "ees", "ed", "es", "s",
    ];
    let mut stem = word;
    for ending in ENDINGS {
        if let Some(rest) = word.strip_suffix(ending) {
            let keeps_double_s = ending == "s" && rest.ends_with('s');
            if rest.chars().count() >= 3 && !keeps_double_s {
                stem = rest;
                break;
            }
        }
    }
    let stem = if stem.chars().count() > 3 {
        stem.strip_suffix('e').unwrap_or(stem)
    } else {
        stem
    };
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_agree_across_forms() {
        let groups = [
            vec!["return", "returns", "returned", "returning", "returnees"],
            vec!["arrive", "arrived", "arrival", "arrivals", "arriving"],
            vec!["cross", "crossed", "crossing", "crossings", "crosses"],
            vec!["deport", "deported", "deportation", "deportations"],
            vec!["boat", "boats"],
            vec!["remove", "removed", "removal", "removals"],
        ];
        for group in groups {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{group:?} → {stems:?}"
            );
        }
    }

    #[test]
    fn finds_phrases_with_a_gap_and_articles() {
        let vocabulary = Vocabulary::new(&["crossed the Channel", "small boats", "returned"]);
        let text = "Some 500 people were crossing the English Channel in small boats.";
        let hits: Vec<&str> = vocabulary
            .find(text)
            .iter()
            .map(|h| &text[h.span.clone()])
            .collect();
        assert_eq!(hits, ["crossing the English Channel", "small boats"]);
    }

    #[test]
    fn longest_phrase_wins() {
        let vocabulary = Vocabulary::new(&["asylum", "asylum claims"]);
        let hits = vocabulary.find("new asylum claims rose");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].phrase, "asylum claims");
    }
}
