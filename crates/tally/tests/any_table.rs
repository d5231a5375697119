//! Nothing is specific to the Home Office tables: a made-up table with its own description
//! is checked the same way.

mod common;

use std::path::PathBuf;

use common::{stdout, tally};

fn ferries() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferries")
}

fn check(sentence: &str, date: &str) -> serde_json::Value {
    let dir = std::env::temp_dir().join(format!("tally-ferries-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join(format!("{}.txt", sentence.len()));
    std::fs::write(&article, format!("{sentence}\n")).unwrap();
    let data = ferries();
    let output = tally(&[
        "check",
        article.to_str().unwrap(),
        "--date",
        date,
        "--data",
        data.to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn verdict_and_figure(report: &serde_json::Value) -> (String, f64) {
    let claim = &report["claims"][0];
    let decisive = claim["decisive_reading"].as_u64().unwrap() as usize - 1;
    (
        claim["verdict"].as_str().unwrap().to_string(),
        claim["readings"][decisive]["figure"]["value"]
            .as_f64()
            .unwrap(),
    )
}

#[test]
fn the_directory_description_is_used() {
    let report = check(
        "About 2,000 passengers sailed from Dover in the first quarter of 2023.",
        "2023-08-01",
    );
    assert_eq!(report["data"]["datasets"][0]["name"], "ferries");
    assert_eq!(
        verdict_and_figure(&report),
        ("accurate".to_string(), 2050.0)
    );
}

#[test]
fn category_words_and_day_weights_work_on_any_table() {
    let report = check(
        "More than 3,000 passengers arrived at Holyhead in 2023.",
        "2023-08-01",
    );
    assert_eq!(
        verdict_and_figure(&report),
        ("inaccurate".to_string(), 1100.0),
        "inbound at Holyhead, to the end of the data (June) since the claim was made soon after"
    );
}
