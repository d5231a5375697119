//! `tally batch`: a folder and JSON Lines in, one report line per article out, in input
//! order, with bad articles reported and the rest checked.

mod common;

use std::path::{Path, PathBuf};

use common::{corpus, data_dir, stderr, stdout, tally};
use serde_json::{Value, json};

/// A folder of articles dated each way a batch can date them, and a JSON Lines file.
fn inputs() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let seed = "sunak-albania-returns-2023-05-16.txt";
    std::fs::copy(corpus().join(seed), articles.join(seed)).unwrap();
    let peru = "Some 1,200 people were returned to Peru in 2019, according to the Home Office.\n";
    std::fs::write(articles.join("peru.txt"), peru).unwrap();
    std::fs::write(articles.join("peru.date"), "2023-05-16\n").unwrap();
    std::fs::write(articles.join("undated.txt"), peru).unwrap();
    std::fs::write(articles.join("binary.txt"), b"\x00\x01\x02").unwrap();
    std::fs::write(articles.join("notes.md"), "not an article").unwrap();
    let page = "<html><head><meta property=\"article:published_time\" content=\"2023-06-01\">\
        <title>Returns</title></head><body><article>\
        <p>Some 1,200 people were returned to Peru in 2019, according to the Home Office.</p>\
        <p>Officials welcomed the figures on Tuesday in a statement.</p></article></body></html>";
    std::fs::write(articles.join("page.html"), page).unwrap();

    let text = std::fs::read_to_string(corpus().join(seed)).unwrap();
    let lines = [
        json!({"text": text, "date": "2023-05-16", "url": "https://example.org/sunak"}).to_string(),
        "not json".to_string(),
        String::new(),
        json!({"text": peru}).to_string(),
    ];
    let jsonl = dir.join("articles.jsonl");
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    (articles, jsonl)
}

fn batch(args: &[&str]) -> std::process::Output {
    let data = data_dir();
    let mut all = vec!["batch"];
    all.extend(args);
    all.extend(["--data", data.to_str().unwrap()]);
    tally(&all)
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Each line's source with its dating or the start of its error, `root` written `$DIR`.
fn outline(lines: &[Value], root: &Path) -> Vec<(String, String)> {
    let root = root.to_str().unwrap();
    lines
        .iter()
        .map(|l| {
            let source = l["source"].as_str().or(l["document"]["source"].as_str());
            let what = match l["error"].as_str() {
                Some(e) => format!("error: {}", e.replace(root, "$DIR")),
                None => format!(
                    "{} from {}, {} claims",
                    l["document"]["published"].as_str().unwrap(),
                    l["document"]["published_from"].as_str().unwrap(),
                    l["claims"].as_array().unwrap().len()
                ),
            };
            let source = source.unwrap().replace(root, "$DIR");
            (source, what.chars().take(50).collect())
        })
        .collect()
}

#[test]
fn a_folder_and_json_lines_make_one_report() {
    let (articles, jsonl) = inputs();
    let root = articles.parent().unwrap();
    let output = batch(&[
        articles.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        "--jobs",
        "2",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = lines(&stdout(&output));
    let outline = outline(&report, root);
    let expected = [
        (
            "$DIR/articles/binary.txt",
            "error: cannot read the article $DIR/articles/binar",
        ),
        (
            "$DIR/articles/page.html",
            "2023-06-01 from metadata, 1 claims",
        ),
        (
            "$DIR/articles/peru.txt",
            "2023-05-16 from sidecar, 1 claims",
        ),
        (
            "$DIR/articles/sunak-albania-returns-2023-05-16.txt",
            "2023-05-16 from file name, 4 claims",
        ),
        (
            "$DIR/articles/undated.txt",
            "error: no publication date: the article gives none",
        ),
        (
            "https://example.org/sunak",
            "2023-05-16 from input, 4 claims",
        ),
        (
            "$DIR/articles.jsonl:2",
            "error: expected a JSON object {\"text\" or \"html\", \"",
        ),
        (
            "$DIR/articles.jsonl:4",
            "error: no publication date: expected \"date\" as YYY",
        ),
    ];

    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(s, w)| (s.to_string(), w.chars().take(50).collect()))
        .collect();
    assert_eq!(outline, expected);

    let summary = stderr(&output);
    assert!(
        summary.contains("8 articles: 4 checked, 4 failed; 10 claims"),
        "{summary}"
    );
    assert!(summary.contains("Rishi Sunak"), "{summary}");
    let inaccurate = summary
        .lines()
        .find(|l| l.starts_with("inaccurate"))
        .unwrap();
    assert!(
        inaccurate.ends_with(" 4"),
        "the seed article's claim twice, and the Peru returns twice: {summary}"
    );
}

#[test]
fn the_report_file_is_the_same_whatever_the_jobs_and_a_default_date_dates_the_rest() {
    let (articles, jsonl) = inputs();
    let file = articles.parent().unwrap().join("report.jsonl");
    let one = batch(&[
        articles.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        "--jobs",
        "1",
    ]);
    let output = batch(&[
        articles.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        "--jobs",
        "3",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "the report goes to the file");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout(&one));
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let dated = batch(&[articles.to_str().unwrap(), "--date", "2023-05-16"]);
    let report = lines(&stdout(&dated));
    let undated = report
        .iter()
        .find(|l| {
            l["document"]["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("undated.txt"))
        })
        .expect("--date dates the article that gives none");
    assert_eq!(undated["document"]["published_from"], "flag");
}
