//! The store end to end on small fixtures: formats, releases, atomic imports, damaged
//! files, the committed compatibility fixture, and cubes against row scans.

use std::path::{Path, PathBuf};

use store::{Condition, Filter, Import, Quarter, Silent, Store, Table, TableSpec};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn spec() -> TableSpec {
    TableSpec {
        name: "toy".into(),
        time: "Date".into(),
        dimensions: vec!["Colour".into(), "Size".into()],
        measure: "N".into(),
    }
}

fn import(file: &str, release: &str) -> Import {
    let path = fixtures().join(file);
    Import {
        spec: spec(),
        source: path.display().to_string(),
        path,
        release: release.into(),
        order: 0,
        description: format!("{{\"release\": \"{release}\"}}"),
    }
}

/// A fresh, empty directory for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tally-store-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Each quarter's total, `2022Q1 1` and so on: what a table says, in a line per quarter.
fn totals(table: &Table) -> String {
    let coverage = table.coverage().unwrap();
    let sums = table.sum_by_quarter(&Filter::default(), coverage.clone());
    let mut q = *coverage.start();
    let mut lines = Vec::new();
    for sum in sums {
        lines.push(format!("{q} {sum}"));
        q = q.next();
    }
    lines.join(", ")
}

#[test]
fn csv_xlsx_and_ods_read_the_same() {
    let csv = Table::open_csv(&spec(), &fixtures().join("toy.csv")).unwrap();
    assert_eq!(
        totals(&csv),
        "2022Q1 3, 2022Q2 4, 2022Q3 8, 2022Q4 16, 2023Q1 32"
    );
    for sheet in ["toy.xlsx", "toy.ods"] {
        let table = Table::open_sheet(&spec(), &fixtures().join(sheet)).unwrap();
        assert_eq!(table, csv, "{sheet}");
    }
}

#[test]
fn bad_files_give_clear_errors() {
    let cases = [
        ("missing.csv", "toy: No such file or directory (os error 2)"),
        ("header_only.csv", "toy: the file has a header but no rows"),
        ("broken.xlsx", "toy: cannot read the spreadsheet"),
        ("missing.ods", "toy: No such file or directory (os error 2)"),
    ];
    for (file, expected) in cases {
        let dir = temp_dir("bad-files");
        let error = Store::import(&dir, &[import(file, "2024-01-01")], &mut Silent).unwrap_err();
        assert!(error.to_string().starts_with(expected), "{file}: {error}");
        assert!(Store::open(&dir).unwrap().is_empty(), "{file}");
    }
    let dir = temp_dir("bad-dates");
    let error = Store::import(&dir, &[import("toy.csv", "2024-1-1")], &mut Silent).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("the release `2024-1-1` is not a date as YYYY-MM-DD"),
        "{error}"
    );
}

#[test]
fn releases_accumulate_and_as_of_picks_the_one_then_public() {
    let dir = temp_dir("releases");
    Store::import(&dir, &[import("toy.csv", "2023-05-25")], &mut Silent).unwrap();
    Store::import(&dir, &[import("toy.ods", "2024-02-29")], &mut Silent).unwrap();
    let store = Store::import(&dir, &[import("toy.xlsx", "2023-05-25")], &mut Silent).unwrap();
    let dates: Vec<&str> = store.releases_of("toy").map(|r| r.date.as_str()).collect();
    assert_eq!(dates, ["2023-05-25", "2024-02-29"], "same date replaces");
    let picked = |as_of: Option<&str>| store.release("toy", as_of).map(|r| r.date.clone());
    assert_eq!(picked(None).as_deref(), Some("2024-02-29"));
    assert_eq!(picked(Some("2024-02-28")).as_deref(), Some("2023-05-25"));
    assert_eq!(picked(Some("2024-02-29")).as_deref(), Some("2024-02-29"));
    assert_eq!(picked(Some("2023-01-01")), None);
    let stored = store.load(store.release("toy", None).unwrap()).unwrap();
    assert_eq!(stored.release, "2024-02-29");
    assert!(stored.source.ends_with("toy.ods"));
    assert_eq!(stored.description, "{\"release\": \"2024-02-29\"}");
    let older = store
        .load(store.release("toy", Some("2023-12-31")).unwrap())
        .unwrap();
    assert!(
        older.source.ends_with("toy.xlsx"),
        "the later import replaced it"
    );
    let files = std::fs::read_dir(dir.join("tables")).unwrap().count();
    assert_eq!(files, 2, "the replaced file is cleared away");
}

#[test]
fn a_failed_import_changes_nothing() {
    let dir = temp_dir("all-or-nothing");
    Store::import(&dir, &[import("toy.csv", "2023-05-25")], &mut Silent).unwrap();
    let manifest = std::fs::read(dir.join("manifest")).unwrap();
    let error = Store::import(
        &dir,
        &[
            import("toy.csv", "2024-02-29"),
            import("header_only.csv", "2024-02-29"),
        ],
        &mut Silent,
    )
    .unwrap_err();
    assert!(error.to_string().contains("no rows"), "{error}");
    assert_eq!(std::fs::read(dir.join("manifest")).unwrap(), manifest);
    let files = std::fs::read_dir(dir.join("tables")).unwrap().count();
    assert_eq!(files, 1, "the first table's new file is removed again");
}

#[test]
fn damaged_files_are_reported() {
    let dir = temp_dir("damaged");
    let store = Store::import(&dir, &[import("toy.csv", "2023-05-25")], &mut Silent).unwrap();
    let release = store.release("toy", None).unwrap().clone();
    let path = dir.join("tables").join(&release.file);
    let bytes = std::fs::read(&path).unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        (
            "the checksum does not match",
            bytes[..bytes.len() - 3].to_vec(),
        ),
        ("not a Tally table file", b"hello".to_vec()),
        ("format version 9", {
            let mut b = bytes.clone();
            b[8] = 9;
            b
        }),
    ];
    for (expected, damaged) in cases {
        std::fs::write(&path, damaged).unwrap();
        let error = store.load(&release).unwrap_err();
        assert!(error.to_string().contains(expected), "{error}");
    }
    std::fs::write(dir.join("manifest"), "tally-store 1\ntoy\tyesterday\tx\n").unwrap();
    let error = Store::open(&dir).unwrap_err();
    assert!(
        error.to_string().contains("line 2 of the manifest"),
        "{error}"
    );
    std::fs::write(dir.join("manifest"), "tally-store 2\n").unwrap();
    let error = Store::open(&dir).unwrap_err();
    assert!(error.to_string().contains("re-import"), "{error}");
}

/// The store committed in `tests/fixtures/store-v1`, written by format version 1, reads
/// back with the same figures. Regenerate it only when the format version changes, with
/// `TALLY_BLESS=1 cargo test -p store compatibility`, and keep the old one.
#[test]
fn compatibility_fixture_reads_back() {
    let fixture = fixtures().join("store-v1");
    if std::env::var_os("TALLY_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&fixture);
        let mut toy = import("toy.csv", "2024-02-29");
        toy.source = "toy.csv".into();
        Store::import(&fixture, &[toy], &mut Silent).unwrap();
    }
    let store = Store::open(&fixture).unwrap();
    let release = store.release("toy", None).unwrap();
    let stored = store.load(release).unwrap();
    assert_eq!(
        (stored.release.as_str(), stored.source.as_str()),
        ("2024-02-29", "toy.csv")
    );
    let csv = Table::open_csv(&spec(), &fixtures().join("toy.csv")).unwrap();
    assert_eq!(stored.table, csv);
    assert_eq!(
        totals(&stored.table),
        "2022Q1 3, 2022Q2 4, 2022Q3 8, 2022Q4 16, 2023Q1 32"
    );
}

/// A table of `rows` random rows over three dimensions of 3, `b` and 300 values.
fn random_table(rows: usize, b: u64, seed: u64) -> Table {
    let mut rng = seed;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let mut csv = String::from("Date,A,B,C,N\n");
    for _ in 0..rows {
        let q = Quarter::from_index(2010 * 4 + next(40) as i32);
        csv.push_str(&format!(
            "{} Q{},a{},b{},c{},{}\n",
            q.year(),
            q.q(),
            next(3),
            next(b),
            next(300),
            next(1000)
        ));
    }
    let spec = TableSpec {
        name: "random".into(),
        time: "Date".into(),
        dimensions: vec!["A".into(), "B".into(), "C".into()],
        measure: "N".into(),
    };
    Table::read_csv(&spec, csv.as_bytes()).unwrap()
}

/// Dense cubes (few possible combinations) and sparse ones (3 × 400 × 300 of them, more
/// than a cube indexes directly) against scans.
#[test]
fn cubes_agree_with_row_scans() {
    for b in [40, 400] {
        let table = random_table(20_000, b, 0x9e37_79b9_7f4a_7c15);
        cubes_agree_on(&table);
    }
}

fn cubes_agree_on(table: &Table) {
    let mut rng = 7u64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    for _ in 0..2_000 {
        let conditions: Vec<Condition> = (0..next(4))
            .map(|_| {
                let column = next(3);
                let size = table.dimensions[column].dictionary.len() + 2;
                let many = if next(10) == 0 { 200 } else { 3 };
                Condition {
                    column,
                    codes: (0..next(many)).map(|_| next(size) as u32).collect(),
                }
            })
            .collect();
        let filter = Filter { conditions };
        let a = Quarter::from_index(2009 * 4 + next(48) as i32);
        let b = Quarter::from_index(2009 * 4 + next(48) as i32);
        let range = a.min(b)..=a.max(b);
        let scanned = table.scan_by_quarter(&filter, range.clone());
        assert_eq!(
            table.sum_by_quarter(&filter, range.clone()),
            scanned,
            "{filter:?} {range:?}"
        );
        assert_eq!(table.sum(&filter, range), scanned.iter().sum::<f64>());
    }
}

#[test]
fn opening_a_directory_without_a_store_gives_an_empty_store() {
    let dir = temp_dir("empty");
    let store = Store::open(&dir).unwrap();
    assert!(store.is_empty());
    assert_eq!(store.datasets(), Vec::<&str>::new());
    assert!(Store::open(Path::new("/no/such/store")).unwrap().is_empty());
}
