//! `tally serve`, over real HTTP on loopback: the API answers with the same report as
//! `tally check --json`, and every bad request gets a 4xx status with a JSON error.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::{Server, corpus};
use serde_json::{Value, json};

/// One HTTP/1.1 exchange: the status and the body as JSON.
fn http(
    server: &Server,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, Value) {
    let (status, body) = exchange(server, method, path, content_type, body);
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: `{body}`"));
    (status, json)
}

fn exchange(
    server: &Server,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, String) {
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.addr(),
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) and close before a body over the limit is all sent.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response[9..12].parse().unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let body = if head.to_lowercase().contains("transfer-encoding: chunked") {
        unchunk(body)
    } else {
        body.to_string()
    };
    (status, body)
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
    out
}

fn post(server: &Server, body: &Value) -> (u16, Value) {
    http(
        server,
        "POST",
        "/api/check",
        "application/json",
        body.to_string().as_bytes(),
    )
}

fn seed() -> String {
    std::fs::read_to_string(corpus().join("sunak-albania-returns-2023-05-16.txt")).unwrap()
}

fn cli_report() -> Value {
    let article = corpus().join("sunak-albania-returns-2023-05-16.txt");
    let output = common::tally(&[
        "check",
        article.to_str().unwrap(),
        "--date",
        "2023-05-16",
        "--data",
        common::data_dir().to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn assert_error(server: &Server, body: &[u8], content_type: &str, status: u16, words: &str) {
    let (got, json) = http(server, "POST", "/api/check", content_type, body);
    assert_eq!(got, status, "{json}");
    let message = json["error"].as_str().unwrap_or_else(|| panic!("{json}"));
    assert!(message.contains(words), "`{message}` lacks `{words}`");
}

#[test]
fn the_api_checks_an_article_and_refuses_bad_requests() {
    let server = Server::start();

    let (status, report) = post(&server, &json!({"text": seed(), "date": "2023-05-16"}));
    assert_eq!(status, 200, "{report}");
    let verdicts: Vec<&str> = common::claim_texts(&report, "verdict");
    assert_eq!(
        verdicts,
        ["inaccurate", "roughly_right", "accurate", "accurate"]
    );
    assert_eq!(report["document"]["text"], seed());
    assert_eq!(report["document"]["published_from"], "request");
    let mut cli = cli_report();
    cli["document"]["source"] = json!("request");
    cli["document"]["published_from"] = json!("request");
    assert_eq!(report, cli, "the same report as `tally check --json`");

    let page = "<html><head><title>Returns</title></head><body><article><h1>Returns</h1>\
        <p>Some 1,200 people were returned to Peru in 2019, according to the Home Office.</p>\
        <p>That was a record, officials said on Tuesday evening in London.</p>\
        </article></body></html>";
    let (status, report) = post(
        &server,
        &json!({"html": page, "date": "2023-05-16", "url": "https://example.org/returns"}),
    );
    assert_eq!(status, 200, "{report}");
    let text = report["document"]["text"].as_str().unwrap();
    assert!(
        text.contains("Some 1,200 people") && !text.contains("<p>"),
        "{text}"
    );
    assert_eq!(report["document"]["source"], "https://example.org/returns");
    let claim = &report["claims"][0];
    let [start, end] = [0, 1].map(|i| claim["span"][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], claim["text"].as_str().unwrap());

    // A speech's words are the speaker's: "I oversaw ..." is their term of office.
    let speech = "I oversaw the return of around 10,000 foreign criminals.";
    let (status, report) = post(
        &server,
        &json!({"text": speech, "date": "2024-02-07", "speaker": "Priti Patel"}),
    );
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["claims"][0]["speaker"]["name"], "Priti Patel");
    assert_eq!(report["claims"][0]["period"]["via"], "term");

    let fine = |date: &str| json!({"text": "Some 1,200 people were returned.", "date": date});
    let bytes = |v: Value| v.to_string().into_bytes();
    let json_type = "application/json";
    assert_error(
        &server,
        &bytes(json!({"text": seed()})),
        json_type,
        422,
        "no publication date",
    );
    assert_error(
        &server,
        &bytes(fine("2023-02-30")),
        json_type,
        422,
        "found `2023-02-30`",
    );
    assert_error(
        &server,
        &bytes(json!({"text": " \n ", "date": "2023-05-16"})),
        json_type,
        422,
        "empty",
    );
    assert_error(
        &server,
        &bytes(json!({"text": "a", "html": "<p>a</p>", "date": "2023-05-16"})),
        json_type,
        422,
        "found both",
    );
    assert_error(
        &server,
        &bytes(json!({"date": "2023-05-16"})),
        json_type,
        422,
        "found neither",
    );
    assert_error(
        &server,
        b"{not json",
        json_type,
        400,
        "expected a JSON object",
    );
    assert_error(
        &server,
        &bytes(fine("2023-05-16")),
        "text/plain",
        415,
        "Content-Type",
    );
    let huge = bytes(json!({"text": "x".repeat(3 << 20), "date": "2023-05-16"}));
    assert_error(&server, &huge, json_type, 413, "larger than the limit");

    let (status, json) = http(&server, "GET", "/api/check", json_type, b"");
    assert_eq!(status, 405);
    assert_eq!(json["error"], "method not allowed");
    let (status, json) = http(&server, "GET", "/no/such/page", json_type, b"");
    assert_eq!((status, json["error"].is_string()), (404, true));
}

#[test]
fn datasets_and_the_api_description() {
    let server = Server::start();
    let (status, data) = http(&server, "GET", "/api/datasets", "application/json", b"");
    assert_eq!(status, 200);
    let names: Vec<&str> = data["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"returns"), "{names:?}");

    let (status, doc) = http(&server, "GET", "/api/openapi.json", "application/json", b"");
    assert_eq!(status, 200);
    assert!(doc["paths"]["/api/check"]["post"].is_object());

    let (status, page) = exchange(&server, "GET", "/", "text/html", b"");
    assert_eq!(status, 200);
    assert!(page.contains("<textarea id=\"article\""), "{page}");
}

#[test]
fn a_request_that_takes_too_long_gets_a_json_408() {
    let server = Server::start_with(&["--timeout", "0.5"]);
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let head = "POST /api/check HTTP/1.1\r\nHost: tally\r\nContent-Type: application/json\r\n\
        Content-Length: 1000\r\nConnection: close\r\n\r\n{\"text\": \"";
    stream.write_all(head.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
    assert!(
        response.contains("longer than the limit of 0.5 s"),
        "{response}"
    );
}

#[test]
fn the_page_may_run_only_its_own_script() {
    let server = Server::start();
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: tally\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let head = response.split("\r\n\r\n").next().unwrap().to_lowercase();
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
}
