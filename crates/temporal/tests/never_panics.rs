//! Property test: any text and any reference date, however odd, yields expressions whose
//! spans are in bounds, on character boundaries and in order, and never a panic.

use proptest::prelude::*;
use temporal::{Context, Date, find};

fn words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "since",
        "the",
        "end",
        "of",
        "last",
        "year",
        "between",
        "and",
        "Q4",
        "2020",
        "2022/23",
        "-",
        "–",
        "to",
        "June",
        "March",
        "12",
        "31",
        "February",
        "first",
        "half",
        "months",
        "in",
        "up",
        "until",
        "by",
        "from",
        "compared",
        "with",
        "than",
        "on",
        "99999999999999999999",
        "2018-21",
        "FY",
        ",",
        "\u{a0}",
        "’",
        "“",
        "summer",
        "this",
        "so",
        "far",
        "ago",
        "decade",
        "H1",
        "Sept",
        ".",
    ]);
    prop::collection::vec(pieces, 0..16).prop_map(|v| v.join(" "))
}

fn check(text: &str, reference: Date) {
    let context = Context {
        reference,
        events: &[],
        speaker: None,
    };
    let mut last = 0;
    for expr in find(text, &context) {
        assert!(expr.span.start <= expr.span.end && expr.span.end <= text.len());
        assert!(text.is_char_boundary(expr.span.start) && text.is_char_boundary(expr.span.end));
        assert!(expr.span.start >= last, "expressions come in order");
        last = expr.span.end;
    }
}

fn date() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid day"))
}

proptest! {
    #[test]
    fn any_unicode(text in "\\PC{0,60}", reference in date()) {
        check(&text, reference);
    }

    #[test]
    fn time_words(text in words(), reference in date()) {
        check(&text, reference);
    }
}
