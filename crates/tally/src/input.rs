//! Reading an article from a file or standard input.

use std::io::Read;

use anyhow::{Context, Result, bail};
use document::{Document, Format};

/// Articles larger than this are refused rather than read into memory.
const MAX_ARTICLE: u64 = 32 * 1024 * 1024;

pub fn read_article(source: &str) -> Result<Document> {
    read_article_as(source, Format::Auto)
}

/// Reads an article as `format`.
pub fn read_article_as(source: &str, format: Format) -> Result<Document> {
    let bytes = read_bytes(source)?;
    Document::from_bytes(&bytes, format)
        .with_context(|| format!("cannot read the article {source}"))
}

/// Reads the input as one sentence, taken as it is: no page furniture is dropped.
pub fn read_sentence(source: &str) -> Result<Document> {
    let bytes = read_bytes(source)?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("the sentence in {source} is not UTF-8 text"))?;
    let text = text.trim().to_string();
    if text.is_empty() {
        bail!("the input is empty: there is no sentence to check");
    }
    let whole = 0..text.len();
    Ok(Document {
        paragraphs: vec![whole],
        text,
        sentences: Vec::new(),
        furniture: Vec::new(),
        metadata: document::Metadata::default(),
    })
}

pub fn read_bytes(source: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if source == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_ARTICLE + 1)
            .read_to_end(&mut bytes)
            .context("reading the article from standard input")?;
    } else {
        let file = std::fs::File::open(source)
            .with_context(|| format!("cannot open the article {source}"))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            bail!("{source} is a directory, not an article");
        }
        file.take(MAX_ARTICLE + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the article {source}"))?;
    }
    if bytes.len() as u64 > MAX_ARTICLE {
        bail!(
            "the article {source} is larger than {} MiB; Tally checks articles, not archives",
            MAX_ARTICLE >> 20
        );
    }
    Ok(bytes)
}
