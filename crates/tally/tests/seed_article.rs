//! The seed article, end to end: four checkable claims with the verdicts a careful
//! fact-checker reaches, pinned by a snapshot of the JSON report.

mod common;

use common::{corpus, data_dir, stdout, tally};
use serde_json::Value;

fn report() -> Value {
    seed(&["--json"])
}

/// The seed article checked, written with `format`, with the data and article paths
/// replaced by `$DATA` and `$ARTICLE`.
fn seed(format: &[&str]) -> Value {
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let data = data_dir();
    let mut args = vec![
        "check",
        article.to_str().unwrap(),
        "--date",
        "2023-05-16",
        "--data",
        data.to_str().unwrap(),
    ];
    args.extend(format);
    let output = tally(&args);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let text = stdout(&output)
        .replace(data.to_str().unwrap(), "$DATA")
        .replace(article.to_str().unwrap(), "$ARTICLE");
    serde_json::from_str(&text).expect("the report is JSON")
}

#[test]
fn four_claims_with_their_verdicts() {
    let report = report();
    assert_eq!(report["schema_version"], 1);
    let claims = report["claims"].as_array().unwrap();
    let verdicts: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| (c["text"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("More than 8,000", "inaccurate"),
            ("2,148", "roughly_right"),
            ("over 1,000", "accurate"),
            ("risen sharply", "accurate"),
        ]
    );
}

#[test]
fn the_figures_behind_the_verdicts() {
    let report = report();
    let claims = report["claims"].as_array().unwrap();
    let decisive =
        |c: &Value| c["readings"][c["decisive_reading"].as_u64().unwrap() as usize - 1].clone();

    let sunak = &claims[0];
    assert_eq!(sunak["speaker"]["name"], "Rishi Sunak");
    assert_eq!(
        sunak["repeated_at"].as_array().unwrap().len(),
        1,
        "his own words later say the same"
    );
    let returns = decisive(sunak);
    assert_eq!(returns["dataset"], "returns");
    let estimate = returns["figure"]["value"].as_f64().unwrap();
    assert!(
        (1750.0..1850.0).contains(&estimate),
        "about 1,800, got {estimate}"
    );
    let widest = sunak["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["figure"]["upper"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert_eq!(
        widest, 3401.0,
        "all return types over whole quarters 2022Q4-2023Q2"
    );

    let by_destination = decisive(&claims[1]);
    assert_eq!(
        (
            by_destination["dataset"].as_str(),
            by_destination["figure"]["value"].as_f64()
        ),
        (Some("returns_by_destination"), Some(2491.0))
    );
    let by_nationality = claims[1]["readings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dataset"] == "returns")
        .unwrap()
        .clone();
    assert_eq!(by_nationality["figure"]["value"].as_f64(), Some(2777.0));

    let statement = &claims[2];
    assert_eq!(statement["speaker"]["name"], "the Home Office");
    assert_eq!(statement["said"]["earliest"], "2023-04-01");
    let range = decisive(statement)["figure"]["estimate_range"].clone();
    let (low, high) = (range[0].as_f64().unwrap(), range[1].as_f64().unwrap());
    assert!(
        (1060.0..1080.0).contains(&low) && (1540.0..1560.0).contains(&high),
        "{low} to {high}"
    );

    let trend = decisive(&claims[3]);
    assert_eq!(trend["figure"]["parts"]["first quarter"], 24.0);
    assert_eq!(trend["figure"]["parts"]["last quarter"], 9044.0);
    assert_eq!(trend["quarters"]["first"], "2020Q4");
}

#[test]
fn every_reading_has_sql_on_the_source_file() {
    let report = report();
    for claim in report["claims"].as_array().unwrap() {
        for reading in claim["readings"].as_array().unwrap() {
            let sql = reading["sql"].as_str().unwrap();
            let file = format!(
                "read_csv('$DATA/{}.csv')",
                reading["dataset"].as_str().unwrap()
            );
            assert!(sql.contains(&file), "{sql}");
        }
    }
}

#[test]
fn json_report_snapshot() {
    insta::assert_json_snapshot!(report());
}

#[test]
fn the_text_the_spans_point_into() {
    let report = report();
    let text = report["document"]["text"].as_str().unwrap();
    let article = std::fs::read_to_string(corpus().join("sunak-albania-returns-2023-05-16.txt"));
    assert_eq!(text, article.unwrap(), "plain text is reported as given");
    for claim in report["claims"].as_array().unwrap() {
        let [start, end] = [0, 1].map(|i| claim["span"][i].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], claim["text"].as_str().unwrap());
    }
}

#[test]
fn claimreview_has_one_review_per_claim() {
    let reviews = seed(&["--format", "claimreview"]);
    let reviews = reviews.as_array().unwrap();
    let ratings: Vec<(&str, Option<u64>)> = reviews
        .iter()
        .map(|r| {
            let rating = &r["reviewRating"];
            (
                rating["alternateName"].as_str().unwrap(),
                rating["ratingValue"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        ratings,
        [
            ("Inaccurate", Some(1)),
            ("Roughly right", Some(4)),
            ("Accurate", Some(5)),
            ("Accurate", Some(5)),
        ]
    );
    let sunak = &reviews[0];
    assert_eq!(sunak["@context"], "https://schema.org");
    assert_eq!(sunak["@type"], "ClaimReview");
    assert_eq!(sunak["reviewRating"]["bestRating"], 5);
    assert_eq!(sunak["reviewRating"]["worstRating"], 1);
    assert_eq!(
        sunak["itemReviewed"]["author"],
        serde_json::json!({"@type": "Person", "name": "Rishi Sunak"})
    );
    assert_eq!(sunak["itemReviewed"]["datePublished"], "2023-05-16");
    assert_eq!(
        reviews[2]["itemReviewed"]["author"]["@type"], "Organization",
        "the Home Office"
    );
    let evidence = &sunak["isBasedOn"];
    assert_eq!(evidence["identifier"], "returns");
    assert_eq!(evidence["variableMeasured"]["value"], 1800.0);
    assert!(
        evidence["measurementTechnique"]
            .as_str()
            .unwrap()
            .contains("read_csv('$DATA/returns.csv')")
    );
    assert!(
        sunak["reviewBody"]
            .as_str()
            .unwrap()
            .contains("The figure: 1,800")
    );
}
