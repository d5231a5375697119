//! Data-driven tests: each fixture article is read and its listing snapshotted.

mod common;

use document::{Document, Format};

fn read(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(full).unwrap()
}

macro_rules! fixture {
    ($name:ident, $path:literal) => {
        #[test]
        fn $name() {
            let doc = Document::from_bytes(&read($path), Format::Auto);
            insta::assert_snapshot!(stringify!($name), common::render(doc));
        }
    };
}

fixture!(text_scraped_policing, "text/scraped_policing.txt");
fixture!(text_multi_paragraph_quote, "text/multi_paragraph_quote.txt");
fixture!(text_wrapped, "text/wrapped.txt");
fixture!(text_abbreviations, "text/abbreviations.txt");
fixture!(text_sources, "text/sources.txt");
fixture!(text_organisations, "text/organisations.txt");
fixture!(text_roles, "text/roles.txt");
fixture!(text_verbs, "text/verbs.txt");
fixture!(text_pronouns, "text/pronouns.txt");
fixture!(text_colon_quote, "text/colon_quote.txt");
fixture!(text_boilerplate, "text/boilerplate.txt");
fixture!(text_unclosed_quote, "text/unclosed_quote.txt");
fixture!(text_crlf, "text/crlf.txt");
fixture!(text_plain_writer, "text/plain_writer.txt");
fixture!(text_inverted, "text/inverted.txt");
fixture!(html_article, "html/article.html");
fixture!(html_short_page, "html/short_page.html");
fixture!(html_json_ld, "html/json_ld.html");
fixture!(html_time_tag, "html/time_tag.html");
fixture!(html_nav_only, "html/nav_only.html");
fixture!(html_malformed, "html/malformed.html");
fixture!(html_fragment, "html/fragment.html");

#[test]
fn plain_text_spans_index_the_input() {
    let input = std::str::from_utf8(&read("text/scraped_policing.txt"))
        .unwrap()
        .to_owned();
    let doc = Document::from_text(&input).unwrap();
    assert_eq!(doc.text, input);
    let first = &doc.sentences[0];
    assert_eq!(&input[first.span.clone()], doc.sentence_text(first));
}
