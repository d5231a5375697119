//! Property tests: no input makes the reader panic, and every span it returns is usable.

use document::{Document, Format};
use proptest::prelude::*;

fn check_spans(doc: &Document) {
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= doc.text.len()
            && doc.text.is_char_boundary(r.start)
            && doc.text.is_char_boundary(r.end)
    };
    assert!(doc.paragraphs.iter().all(ok));
    assert!(doc.furniture.iter().all(|f| ok(&f.span)));
    for s in &doc.sentences {
        assert!(ok(&s.span));
        assert!(s.paragraph < doc.paragraphs.len());
        if let Some(a) = &s.speaker {
            assert!(ok(&a.span));
        }
    }
}

fn prose() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Jane Smith",
        "said",
        "He",
        "she added:",
        "according to",
        "the Home Office",
        "data",
        "shows",
        "Mr",
        "Dr.",
        "U.K.",
        "2.1",
        "million",
        "…",
        "...",
        ".",
        ". ",
        "! ",
        "? ",
        ",",
        ":",
        "\u{201c}",
        "\u{201d}",
        "\u{2018}",
        "\u{2019}",
        "\"",
        "'",
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "é",
        "🎉",
        "\u{feff}",
        "told MPs",
        "a statement from",
        "officials",
        "<p>",
        "</p>",
        "<div>",
        "<html>",
        "<script>",
        "Advertisement",
        "Read more:",
        "(",
        ")",
        "J.",
        "K.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_prose(input in prose()) {
        if let Ok(doc) = Document::from_text(&input) {
            check_spans(&doc);
        }
        if let Ok(doc) = Document::from_bytes(input.as_bytes(), Format::Auto) {
            check_spans(&doc);
        }
    }

    #[test]
    fn never_panics_on_any_string(input in any::<String>()) {
        if let Ok(doc) = Document::from_text(&input) {
            check_spans(&doc);
        }
    }

    #[test]
    fn never_panics_on_bytes(input in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(doc) = Document::from_bytes(&input, Format::Auto) {
            check_spans(&doc);
        }
    }
}

#[test]
fn one_megabyte_line() {
    let line = "word ".repeat(200_000) + "end.";
    let doc = Document::from_text(&line).unwrap();
    check_spans(&doc);
    let headline = "word ".repeat(200_000);
    assert!(Document::from_text(&headline).is_err());
}

#[test]
fn one_megabyte_html() {
    let html = format!(
        "<html><body><p>{}end.</p></body></html>",
        "word \u{201c}".repeat(100_000)
    );
    if let Ok(doc) = Document::from_html(&html) {
        check_spans(&doc);
    }
}
