//! `--speaker`: a transcript's words are the named person's, so "I oversaw ..." and "my time
//! as Home Secretary" read as their term of office.

mod common;

use common::{data_dir, stderr, stdout, tally};

fn check_transcript(text: &str, speaker: Option<&str>) -> serde_json::Value {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("speaker");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "{}.txt",
        speaker.unwrap_or("nobody").replace(' ', "-")
    ));
    std::fs::write(&path, text).unwrap();
    let data = data_dir();
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--date",
        "2024-02-07",
        "--json",
    ];
    if let Some(name) = speaker {
        args.extend(["--speaker", name]);
    }
    let output = tally(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

const SPEECH: &str = "Thank you, Madam Deputy Speaker. I oversaw the return of around 10,000 foreign criminals. The job is not finished.";

#[test]
fn a_transcript_is_the_speakers_own_record() {
    let report = check_transcript(SPEECH, Some("Priti Patel"));
    let claim = &report["claims"][0];
    assert_eq!(claim["speaker"]["name"], "Priti Patel");
    assert_eq!(claim["period"]["via"], "term");
    assert_eq!(claim["period"]["start"]["earliest"], "2019-07-24");
    assert_eq!(claim["period"]["end"]["latest"], "2022-09-06");
    assert_eq!(claim["verdict"], "accurate");
    let figure = claim["readings"][0]["figure"]["value"].as_f64().unwrap();
    assert!((figure - 9926.1).abs() < 1.0, "{figure}");
}

#[test]
fn without_a_speaker_the_record_is_the_latest_year() {
    let report = check_transcript(SPEECH, None);
    let claim = &report["claims"][0];
    assert_eq!(claim["speaker"], serde_json::Value::Null);
    assert_eq!(claim["period"]["via"], "assumed");
    assert_eq!(claim["period"]["start"]["earliest"], "2023-01-01");
}

#[test]
fn batch_lines_and_the_flag_name_the_speaker() {
    // The flag names the speaker of lines that name none; a line's own comes first.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("speaker-batch");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("speeches.jsonl");
    let lines = [
        serde_json::json!({"text": SPEECH, "date": "2024-02-07"}),
        serde_json::json!({"text": SPEECH, "date": "2024-02-07", "speaker": "A. N. Other"}),
    ];
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&input, text.join("\n")).unwrap();
    let data = data_dir();
    let output = tally(&[
        "batch",
        input.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--speaker",
        "Priti Patel",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let reports: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    let first = &reports[0]["claims"][0];
    assert_eq!(first["speaker"]["name"], "Priti Patel");
    assert_eq!(first["period"]["via"], "term");
    let second = &reports[1]["claims"][0];
    assert_eq!(second["speaker"]["name"], "A. N. Other");
    assert_eq!(second["period"]["via"], "assumed");
}
