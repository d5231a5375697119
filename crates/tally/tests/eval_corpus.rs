//! `tally eval` runs on the development corpus and reports its scores as JSON.

mod common;

use common::{corpus, data_dir, stdout, tally};

#[test]
fn eval_summary_has_the_promised_fields() {
    let corpus = corpus().join("claims-dev.jsonl");
    let output = tally(&[
        "eval",
        corpus.to_str().unwrap(),
        "--data",
        data_dir().to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(summary["claims"], 88);
    for field in ["detected", "verdict_agreement", "figure_agreement"] {
        let share = summary[field].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&share), "{field} = {share}");
    }
    assert!(summary["detected"].as_f64().unwrap() > 0.8);
}
