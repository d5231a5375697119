//! Bad input gets a clear error and a non-zero exit, never a panic.

mod common;

use std::io::Write;

use common::{data_dir, stderr, tally};

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tally-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

fn check_fails(article: &std::path::Path, data: &std::path::Path) -> String {
    let output = tally(&[
        "check",
        article.to_str().unwrap(),
        "--date",
        "2023-05-16",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "exit code for {}",
        article.display()
    );
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{message}");
    message
}

#[test]
fn missing_file() {
    let message = check_fails(std::path::Path::new("/no/such/article.txt"), &data_dir());
    assert!(
        message.contains("cannot open the article /no/such/article.txt"),
        "{message}"
    );
}

#[test]
fn binary_file() {
    let path = temp_file("binary.bin", &[0x7f, b'E', b'L', b'F', 0, 1, 2, 3, 0xff]);
    let message = check_fails(&path, &data_dir());
    assert!(message.contains("looks binary"), "{message}");
}

#[test]
fn empty_article() {
    let path = temp_file("empty.txt", b"  \n\n ");
    let message = check_fails(&path, &data_dir());
    assert!(message.contains("the input is empty"), "{message}");
}

#[test]
fn data_directory_without_tables() {
    let path = temp_file(
        "fine.txt",
        b"Some 1,200 people were returned to Peru in 2019.\n",
    );
    let empty = std::env::temp_dir().join(format!("tally-empty-data-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let message = check_fails(&path, &empty);
    assert!(message.contains("holds none of the tables"), "{message}");
}

#[test]
fn impossible_date() {
    let path = temp_file(
        "dated.txt",
        b"Some 1,200 people were returned to Peru in 2019.\n",
    );
    let output = tally(&[
        "check",
        path.to_str().unwrap(),
        "--date",
        "2023-02-30",
        "--data",
        data_dir().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("expected a date as YYYY-MM-DD"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn no_date_anywhere() {
    let path = temp_file(
        "undated.txt",
        b"Some 1,200 people were returned to Peru in 2019.\n",
    );
    let output = tally(&[
        "check",
        path.to_str().unwrap(),
        "--data",
        data_dir().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no publication date"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn malformed_table() {
    let dir = std::env::temp_dir().join(format!("tally-bad-table-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("returns.csv"),
        "Date,Nationality\n2022-03-31,Albania\n",
    )
    .unwrap();
    let path = temp_file(
        "fine2.txt",
        b"Some 1,200 people were returned to Peru in 2019.\n",
    );
    let message = check_fails(&path, &dir);
    assert!(message.contains("no column `Region`"), "{message}");
}
