//! An HTML page: the main text is checked, navigation and scripts are not, and the page's
//! own metadata gives the publication date.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{data_dir, stdout, tally};

const PAGE: &str = r#"<!doctype html>
<html><head>
<title>Channel crossings: the figures</title>
<meta property="article:published_time" content="2023-02-20T08:00:00Z">
<script>var tracking = "5,000 visitors";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/x">Ministers promise 90,000 new homes</a></nav>
<article>
<h1>Channel crossings: the figures</h1>
<p>Official statistics published this month give the latest picture.</p>
<p>Some 45,000 people crossed the Channel in small boats last year, according to the Home Office.</p>
<p>Of those, about 12,000 were Albanian nationals, the figures show, a sharp rise on the year before.</p>
<p>Ministers said the numbers would be brought down, though they gave no timetable for doing so.</p>
</article>
<aside><h3>Related</h3><a href="/y">Ferry operator reports 3,000 extra passengers</a></aside>
<footer>Copyright 2023 Example News</footer>
</body></html>"#;

fn check_page(extra: &[&str]) -> serde_json::Value {
    let data = data_dir();
    let mut args = vec!["check", "-", "--data", data.to_str().unwrap(), "--json"];
    args.extend(extra);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PAGE.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", common::stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn the_page_gives_its_date_and_only_the_article_is_checked() {
    let report = check_page(&[]);
    assert_eq!(report["document"]["published"], "2023-02-20");
    assert_eq!(report["document"]["published_from"], "metadata");
    let texts: Vec<&str> = common::claim_texts(&report, "text");
    assert_eq!(
        texts,
        ["Some 45,000", "about 12,000"],
        "navigation, scripts and related links are not checked"
    );
    let verdicts: Vec<&str> = common::claim_texts(&report, "verdict");
    assert_eq!(
        verdicts,
        ["accurate", "accurate"],
        "the second leans on the first for what it counts"
    );
}

#[test]
fn the_date_flag_wins_over_the_page() {
    let report = check_page(&["--date", "2024-02-20"]);
    assert_eq!(report["document"]["published"], "2024-02-20");
    assert_eq!(report["document"]["published_from"], "flag");
}

#[test]
fn text_output_names_the_verdicts() {
    let data = data_dir();
    let path = std::env::temp_dir().join(format!("tally-text-{}.txt", std::process::id()));
    std::fs::write(&path, "Politics latest:\nSome 45,000 people crossed the Channel in small boats in 2022, officials said.\n").unwrap();
    let output = tally(&[
        "check",
        path.to_str().unwrap(),
        "--date",
        "2023-03-01",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("[1] ACCURATE"), "{text}");
    assert!(text.contains("1 lines dropped as page furniture"), "{text}");
    assert!(
        text.contains("SELECT"),
        "the decisive reading's SQL is shown: {text}"
    );
}
