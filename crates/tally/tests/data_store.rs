//! `tally data` and checks from the store, end to end: imports, releases and `--as-of`, a
//! kill part-way through an import, and bad input.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{corpus, data_dir, stderr, stdout, tally};
use serde_json::Value;

/// A fresh directory for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tally-data-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ok(args: &[&str]) -> String {
    let output = tally(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

/// Runs a command that must fail with exit code 1 and a message, never a panic.
fn fails(args: &[&str]) -> String {
    let output = tally(args);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {message}");
    assert!(!message.contains("panicked"), "{message}");
    message
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The seed article, checked from a store, as JSON.
fn seed_report(store: &Path, as_of: Option<&str>) -> Value {
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let mut args = vec![
        "check",
        path(&article),
        "--date",
        "2023-05-16",
        "--store",
        path(store),
        "--json",
    ];
    if let Some(day) = as_of {
        args.extend(["--as-of", day]);
    }
    serde_json::from_str(&ok(&args)).unwrap()
}

fn dataset<'r>(report: &'r Value, name: &str) -> &'r Value {
    report["data"]["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap()
}

/// `returns.csv` as it stood two releases back: only the rows up to 2022.
fn older_returns(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(data_dir().join("returns.csv")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("2023-")).collect();
    let older = dir.join("returns.csv");
    std::fs::write(&older, kept.join("\n") + "\n").unwrap();
    older
}

#[test]
fn releases_and_as_of() {
    let dir = temp_dir("releases");
    let store = dir.join("store");
    let older = older_returns(&dir);
    let data = data_dir();
    let imported = ok(&[
        "data",
        "import",
        path(&older),
        "--release",
        "2023-02-23",
        "--catalog",
        path(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../datasets/home-office/datapackage.json"),
        ),
        "--store",
        path(&store),
    ]);
    assert!(
        imported.contains("imported returns: 230,404 rows"),
        "{imported}"
    );
    ok(&["data", "import", path(&data), "--store", path(&store)]);

    let list = ok(&["data", "list", "--store", path(&store)]);
    assert!(list.contains("releases 2023-02-23, 2024-02-29"), "{list}");
    assert_eq!(list.matches(" rows, ").count(), 8, "{list}");
    let show = ok(&["data", "show", "returns", "--store", path(&store)]);
    for expected in [
        "returns: Returns from the UK, by nationality",
        "release     2024-02-29 (of 2023-02-23, 2024-02-29)",
        "`Number of returns`",
        "2004Q1 to 2023Q4 (80 quarters)",
        "`Return type group`, category, 3 values:",
        "Enforced return, Refused entry at port and subsequently departed, Voluntary return",
    ] {
        assert!(show.contains(expected), "{expected} in\n{show}");
    }
    let then = ok(&[
        "data",
        "show",
        "returns",
        "--as-of",
        "2023-05-16",
        "--store",
        path(&store),
    ]);
    assert!(then.contains("2004Q1 to 2022Q4"), "{then}");

    let latest = seed_report(&store, None);
    assert_eq!(dataset(&latest, "returns")["release"], "2024-02-29");
    let at_the_time = seed_report(&store, Some("2023-05-16"));
    let returns = dataset(&at_the_time, "returns");
    assert_eq!(returns["release"], "2023-02-23");
    assert_eq!(returns["last_quarter"], "2022Q4");
    assert_eq!(
        returns["source"].as_str(),
        Some(path(&older.canonicalize().unwrap()))
    );
    assert!(
        at_the_time["data"]["datasets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["name"] == "returns"),
        "only returns had a release public then"
    );
    let message = fails(&[
        "check",
        path(&corpus().join("sunak-albania-returns-2023-05-16.txt")),
        "--date",
        "2023-05-16",
        "--store",
        path(&store),
        "--as-of",
        "2020-01-01",
    ]);
    assert!(message.contains("was public on 2020-01-01"), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn store_and_csv_give_the_same_claims() {
    let store = temp_dir("same-claims");
    ok(&["data", "import", path(&data_dir()), "--store", path(&store)]);
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let from_csv: Value = serde_json::from_str(&ok(&[
        "check",
        path(&article),
        "--date",
        "2023-05-16",
        "--data",
        path(&data_dir()),
        "--json",
    ]))
    .unwrap();
    let from_store = seed_report(&store, None);
    let canonical = data_dir().canonicalize().unwrap();
    let claims =
        |report: &Value, dir: &Path| report["claims"].to_string().replace(path(dir), "$DATA");
    assert_eq!(
        claims(&from_store, &canonical),
        claims(&from_csv, &data_dir())
    );
    let _ = std::fs::remove_dir_all(&store);
}

/// An import killed after writing its first table file leaves the store as it was: the
/// previous release is intact and the half-done one is nowhere to be seen.
#[test]
fn a_killed_import_leaves_the_previous_store_intact() {
    let dir = temp_dir("killed");
    let store = dir.join("store");
    let data = data_dir();
    let small = [
        data.join("returns_offenders_by_destination.csv"),
        data.join("returns_offenders_by_nationality.csv"),
    ];
    ok(&[
        "data",
        "import",
        path(&small[0]),
        "--release",
        "2023-05-25",
        "--store",
        path(&store),
    ]);
    let before = ok(&["data", "list", "--store", path(&store)]);

    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["data", "import", path(&small[0]), path(&small[1])])
        .args(["--release", "2024-02-29", "--store", path(&store)])
        .env("TALLY_TEST_PAUSE_AFTER", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let started = Instant::now();
    let paused = lines.any(|line| line.is_ok_and(|l| l.contains("paused after writing")));
    assert!(paused, "the import never paused");
    assert!(started.elapsed() < Duration::from_secs(60));
    let tables = std::fs::read_dir(store.join("tables")).unwrap().count();
    assert_eq!(tables, 2, "the new table file is written, not yet named");
    child.kill().unwrap();
    child.wait().unwrap();

    let after = ok(&["data", "list", "--store", path(&store)]);
    assert_eq!(after, before);
    assert!(after.contains("releases 2023-05-25"), "{after}");
    assert!(
        !after.contains("returns_offenders_by_nationality"),
        "{after}"
    );
    ok(&[
        "data",
        "show",
        "returns_offenders_by_destination",
        "--store",
        path(&store),
    ]);

    ok(&[
        "data",
        "import",
        path(&small[0]),
        path(&small[1]),
        "--release",
        "2024-02-29",
        "--store",
        path(&store),
    ]);
    let list = ok(&["data", "list", "--store", path(&store)]);
    assert!(list.contains("releases 2023-05-25, 2024-02-29"), "{list}");
    let tables = std::fs::read_dir(store.join("tables")).unwrap().count();
    assert_eq!(tables, 3, "the next import clears what the killed one left");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_imports_give_clear_errors_and_change_nothing() {
    let dir = temp_dir("bad-imports");
    let store = dir.join("store");
    let write = |name: &str, text: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let empty = write("returns.csv", b"");
    let ragged_dir = dir.join("ragged");
    std::fs::create_dir_all(&ragged_dir).unwrap();
    let ragged = ragged_dir.join("returns.csv");
    std::fs::write(&ragged, "Date,Year,Quarter,Nationality,Region,Return type group,Return type,Age,Sex,Return destination group,Number of returns\n2022-03-31,2022,1,Albania\n").unwrap();
    let bad_date_dir = dir.join("bad-date");
    std::fs::create_dir_all(&bad_date_dir).unwrap();
    let bad_date = bad_date_dir.join("returns.csv");
    std::fs::write(&bad_date, "Date,Year,Quarter,Nationality,Region,Return type group,Return type,Age,Sex,Return destination group,Number of returns\n2023-02-30,2023,1,Albania,Europe Other,Enforced return,Enforced removals,18-29,Male,Home country,3\n").unwrap();
    let sheet = write("returns.xlsx", b"not a spreadsheet");
    let stranger = write("stranger.csv", b"a,b\n1,2\n");
    let s = path(&store);
    let missing = dir.join("missing.csv");
    let small = data_dir().join("returns_offenders_by_destination.csv");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![path(&missing)], "cannot find the table"),
        (vec![path(&empty)], "returns: the file is empty"),
        (
            vec![path(&ragged)],
            "line 2: 4 fields where the header has 11",
        ),
        (
            vec![path(&bad_date)],
            "line 2: `2023-02-30` is not a date or a quarter",
        ),
        (vec![path(&sheet)], "returns: cannot read the spreadsheet"),
        (vec![path(&stranger)], "is not a table that"),
        (vec![path(&small), path(&empty)], "the file is empty"),
    ];
    for (paths, expected) in cases {
        let mut args = vec!["data", "import"];
        args.extend(paths);
        args.extend(["--store", s]);
        let message = fails(&args);
        assert!(message.contains(expected), "{expected} in {message}");
        let list = ok(&["data", "list", "--store", s]);
        assert!(list.contains("empty"), "nothing imported: {list}");
    }
    let output = tally(&[
        "data",
        "import",
        path(&data_dir()),
        "--release",
        "2023-02-30",
        "--store",
        s,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected a date as YYYY-MM-DD"));
    let message = fails(&["data", "show", "returns", "--store", s]);
    assert!(message.contains("no dataset `returns`"), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn checks_without_data_or_store_say_what_to_do() {
    let store = temp_dir("no-store");
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let message = fails(&[
        "check",
        path(&article),
        "--date",
        "2023-05-16",
        "--store",
        path(&store),
    ]);
    assert!(message.contains("tally data import"), "{message}");
    let message = fails(&[
        "check",
        path(&article),
        "--date",
        "2023-05-16",
        "--data",
        path(&data_dir()),
        "--as-of",
        "2023-05-16",
    ]);
    assert!(
        message.contains("--as-of picks a release from the store"),
        "{message}"
    );
    std::fs::write(store.join("manifest"), "tally-store 7\n").unwrap();
    let message = fails(&[
        "check",
        path(&article),
        "--date",
        "2023-05-16",
        "--store",
        path(&store),
    ]);
    assert!(message.contains("re-import"), "{message}");
    let _ = std::fs::remove_dir_all(&store);
}

/// A description given at import stays as stored; one imported as the built-in description
/// (as by an older Tally) gives way to the built-in description of the Tally that runs.
#[test]
fn stored_descriptions_and_the_built_in_one() {
    let dir = temp_dir("descriptions");
    let builtin = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../datasets/home-office/datapackage.json"),
    )
    .unwrap();
    let custom = builtin.replace(
        "\"Returns from the UK, by nationality\"",
        "\"Returns, as described by us\"",
    );
    assert_ne!(custom, builtin);
    let older = custom.replacen(
        "\"tally\": {",
        "\"tally\": {\"description_origin\": \"built-in\",",
        1,
    );
    assert_ne!(older, custom);
    let small = data_dir().join("returns_offenders_by_destination.csv");
    let returns = data_dir().join("returns.csv");
    for (name, package, title) in [
        ("custom", custom, "returns: Returns, as described by us"),
        (
            "older",
            older,
            "returns: Returns from the UK, by nationality",
        ),
    ] {
        let package_path = dir.join(format!("{name}.json"));
        std::fs::write(&package_path, package).unwrap();
        let store = dir.join(name);
        ok(&[
            "data",
            "import",
            path(&returns),
            path(&small),
            "--catalog",
            path(&package_path),
            "--store",
            path(&store),
        ]);
        let show = ok(&["data", "show", "returns", "--store", path(&store)]);
        assert!(show.starts_with(title), "{name}: {show}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Spreadsheets import like CSV: a workbook named after its dataset is that dataset's table.
#[test]
fn spreadsheets_import_as_their_dataset() {
    let dir = temp_dir("sheets");
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../store/tests/fixtures");
    let package = r#"{
      "tally": {"release": "2023-01-01"},
      "resources": [{
        "name": "toy", "path": "toy.csv", "title": "Toys",
        "schema": {"fields": [
          {"name": "Date", "tally": {"role": "time"}},
          {"name": "Colour", "tally": {"role": "category"}},
          {"name": "Size", "tally": {"role": "category"}},
          {"name": "N", "tally": {"role": "measure"}}
        ]},
        "tally": {"counts": "toys", "unit": "toys"}
      }]
    }"#;
    std::fs::write(dir.join("datapackage.json"), package).unwrap();
    let store = dir.join("store");
    for (file, release) in [("toy.xlsx", "2023-01-01"), ("toy.ods", "2024-01-01")] {
        std::fs::copy(fixtures.join(file), dir.join(file)).unwrap();
        let sheet = dir.join(file);
        let mut args = vec!["data", "import", path(&sheet), "--store", path(&store)];
        if release != "2023-01-01" {
            args.extend(["--release", release]);
        }
        let imported = ok(&args);
        assert!(imported.contains("imported toy: 6 rows"), "{imported}");
    }
    let show = ok(&["data", "show", "toy", "--store", path(&store)]);
    for expected in [
        "toy: Toys",
        "release     2024-01-01 (of 2023-01-01, 2024-01-01)",
        "2022Q1 to 2023Q1 (5 quarters)",
        "`Colour`, category, 2 values:",
    ] {
        assert!(show.contains(expected), "{expected} in\n{show}");
    }
    assert!(show.contains("toy.ods"), "{show}");
    let _ = std::fs::remove_dir_all(&dir);
}
