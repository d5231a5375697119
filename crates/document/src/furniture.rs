//! Telling page furniture from the article's prose.
//!
//! Scraped text interleaves the article with section labels ("Politics latest:"), related
//! stories' headlines and boilerplate ("Advertisement"). Prose ends its lines with sentence
//! punctuation; furniture mostly does not. A line ending in a colon is a label unless it has a
//! speech verb ("He said:"), in which case it introduces the quotation that follows.

use crate::FurnitureReason;
use crate::split::ends_sentence;

const SPEECH_WORDS: &[&str] = &[
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
    "admitted",
    "insisted",
    "stated",
    "warned",
    "announced",
    "wrote",
    "tweeted",
    "argued",
    "explained",
    "confirmed",
    "statement",
    "according",
];
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "advert",
    "share this article",
    "share",
    "share this",
    "sign up to our newsletter",
    "image caption",
    "media caption",
    "image source",
    "copyright",
    "click here",
    "skip to content",
    "skip advert",
    "most read",
    "follow us",
    "subscribe",
    "play video",
    "listen to this article",
    "getty images",
    "top stories",
    "more on this story",
];
const BOILERPLATE_PREFIXES: &[&str] = &[
    "image caption",
    "media caption",
    "image source",
    "copyright ©",
    "copyright (c)",
    "©",
    "click here",
    "sign up to",
    "sign up for",
    "share this",
    "subscribe to",
    "follow us on",
    "this article is more than",
    "photograph:",
];
const LABEL_MAX_WORDS: usize = 6;

/// Why `line` is furniture, or `None` when it is prose.
pub(crate) fn classify(line: &str) -> Option<FurnitureReason> {
    let line = line.trim();
    if is_boilerplate(line) {
        return Some(FurnitureReason::Boilerplate);
    }
    if line.ends_with(':') {
        let words: Vec<&str> = words(line).collect();
        let speech = words
            .iter()
            .any(|w| SPEECH_WORDS.contains(&w.to_lowercase().as_str()));
        let label = !speech && words.len() <= LABEL_MAX_WORDS;
        return label.then_some(FurnitureReason::Label);
    }
    (!ends_sentence(line)).then_some(FurnitureReason::Headline)
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_boilerplate(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    BOILERPLATE.contains(&bare)
        || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_copyright_notice(&lower)
}

fn is_copyright_notice(lower: &str) -> bool {
    lower
        .strip_prefix("copyright ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}
