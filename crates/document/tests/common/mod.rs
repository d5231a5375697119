//! Rendering a document as a compact listing for snapshots.

use std::fmt::Write;

use document::{Document, Error, FurnitureReason, SpeakerKind};

/// One line per sentence (`[speaker|kind|cue|span] text`, prefixed `Q` when quoted) and one
/// per furniture line (`DROP(reason) text`), in text order.
pub fn render(result: Result<Document, Error>) -> String {
    let doc = match result {
        Ok(doc) => doc,
        Err(e) => return format!("ERROR: {e}\n"),
    };
    let mut lines: Vec<(usize, String)> = Vec::new();
    for s in &doc.sentences {
        let quoted = if s.quoted { "Q " } else { "" };
        lines.push((
            s.span.start,
            format!("{quoted}{} {}", who(&doc, s), doc.sentence_text(s)),
        ));
    }
    for f in &doc.furniture {
        let line = format!("DROP({}) {}", reason(f.reason), &doc.text[f.span.clone()]);
        lines.push((f.span.start, line));
    }
    lines.sort_by_key(|(at, _)| *at);
    let mut out = metadata(&doc);
    for (_, line) in lines {
        writeln!(out, "{line}").unwrap();
    }
    out
}

fn who(doc: &Document, s: &document::Sentence) -> String {
    let Some(a) = &s.speaker else {
        return "[-]".to_owned();
    };
    let kind = match a.kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "org",
        SpeakerKind::Source => "source",
    };
    format!(
        "[{}|{kind}|{}|{}]",
        a.name,
        a.cue,
        &doc.text[a.span.clone()]
    )
}

fn reason(r: FurnitureReason) -> &'static str {
    match r {
        FurnitureReason::Label => "label",
        FurnitureReason::Headline => "headline",
        FurnitureReason::Boilerplate => "boilerplate",
    }
}

fn metadata(doc: &Document) -> String {
    let m = &doc.metadata;
    if *m == Default::default() {
        return String::new();
    }
    format!(
        "title: {:?}\npublished: {:?}\nurl: {:?}\nsite: {:?}\nbyline: {:?}\n---\n",
        m.title,
        m.published.map(|d| d.to_string()),
        m.url,
        m.site_name,
        m.byline
    )
}
