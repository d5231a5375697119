//! An article as programs send it: the body of the server's `POST /api/check` and a line of
//! `tally batch`'s JSON Lines input, `{"text" or "html", "date", "url", "speaker"}`.
//!
//! Reading one checks everything a person can get wrong, with a message that says what was
//! expected and what was found: both `text` and `html`, neither, an empty article, a date
//! that is not a day of the calendar, no date at all where the page gives none either.

use check::Checker;
use document::{Document, Format};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Checks, reference_date};

/// An article sent as JSON.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleJson {
    /// The article as plain text.
    pub text: Option<String>,
    /// The article as an HTML page; only its main text is checked.
    pub html: Option<String>,
    /// The publication date, `YYYY-MM-DD`: the reference for "last year". Optional for HTML
    /// pages whose metadata gives one.
    pub date: Option<String>,
    /// Where the article was published; reported as its source.
    pub url: Option<String>,
    /// Whose words the text is where it does not say (a speech, a transcript): "my time as
    /// Home Secretary" and "I oversaw ..." then read as that person's term of office.
    pub speaker: Option<String>,
}

/// An error as the server and the batch report write it: `{"error": "..."}`, with the
/// article's source in batch reports.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub error: String,
}

/// What can be wrong with an article sent as JSON.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("expected the article as either \"text\" or \"html\", found both")]
    Both,
    #[error(
        "expected the article as \"text\" (plain text) or \"html\" (a saved page), found neither"
    )]
    Neither,
    #[error("expected \"date\" as YYYY-MM-DD, found `{found}` ({reason})")]
    Date { found: String, reason: String },
    #[error(
        "no publication date: expected \"date\" as YYYY-MM-DD (the reference for \"last year\"), and the article gives none"
    )]
    NoDate,
    #[error("cannot read the article: {0}")]
    Document(#[from] document::Error),
}

impl ArticleJson {
    /// Reads and checks the article. `source` names it when it has no URL; `date_from` says
    /// where a date given in the JSON came from, for the report (`request`, `input`). The
    /// reference date is the one given, else the page's metadata, else `default` (a date
    /// with where it came from).
    pub fn check(
        &self,
        checker: &Checker,
        source: &str,
        date_from: &'static str,
        default: Option<(Date, &'static str)>,
    ) -> Result<Checks, ArticleError> {
        let given = self.date()?;
        let mut document = self.document()?;
        if let Some(name) = self.speaker.as_deref() {
            given_speaker(&mut document, name);
        }
        let (published, from) = reference_date(given, date_from, &document)
            .or(default)
            .ok_or(ArticleError::NoDate)?;
        let source = self.url.as_deref().unwrap_or(source);
        let mut checks = Checks::run(checker, &document, source, published, from);
        if let Some(url) = &self.url {
            checks.metadata.url = Some(url.clone());
        }
        Ok(checks)
    }

    /// The date given, if any.
    pub fn date(&self) -> Result<Option<Date>, ArticleError> {
        let Some(text) = &self.date else {
            return Ok(None);
        };
        text.trim()
            .parse::<Date>()
            .map(Some)
            .map_err(|e| ArticleError::Date {
                found: text.clone(),
                reason: e.to_string(),
            })
    }

    /// The article, read.
    pub fn document(&self) -> Result<Document, ArticleError> {
        let document = match (&self.text, &self.html) {
            (Some(_), Some(_)) => return Err(ArticleError::Both),
            (None, None) => return Err(ArticleError::Neither),
            (Some(text), None) => Document::from_bytes(text.as_bytes(), Format::Text)?,
            (None, Some(html)) => Document::from_bytes(html.as_bytes(), Format::Html)?,
        };
        Ok(document)
    }
}

/// Gives each sentence that names no speaker of its own the caller's `name`; a blank name
/// gives none.
pub fn given_speaker(document: &mut Document, name: &str) {
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    for s in document
        .sentences
        .iter_mut()
        .filter(|s| s.speaker.is_none())
    {
        s.speaker = Some(check::given_speaker(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: Option<&str>, html: Option<&str>, date: Option<&str>) -> ArticleJson {
        ArticleJson {
            text: text.map(str::to_string),
            html: html.map(str::to_string),
            date: date.map(str::to_string),
            url: None,
            speaker: None,
        }
    }

    fn error(a: &ArticleJson) -> String {
        match a.date().and_then(|_| a.document()) {
            Ok(_) => "no error".to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn bad_articles_say_what_was_expected() {
        let both = article(Some("a"), Some("<p>a</p>"), None);
        assert!(error(&both).contains("found both"));
        assert!(error(&article(None, None, None)).contains("found neither"));
        assert!(error(&article(Some("  "), None, None)).contains("the input is empty"));
        let impossible = article(Some("Text."), None, Some("2023-02-30"));
        assert!(error(&impossible).contains("found `2023-02-30`"));
        let fine = article(Some("Text."), None, Some("2023-05-16"));
        assert_eq!(error(&fine), "no error");
    }
}
