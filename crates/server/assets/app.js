// The page's script: sends the article to /api/check and marks its claims in place.
//
// Every node is built with createElement and textContent: neither the article nor anything
// in the report is ever read as HTML. Spans in the report are byte ranges into
// document.text (UTF-8), so the text is cut as bytes and decoded piece by piece.
"use strict";

const VERDICT_WORDS = {
  accurate: "Accurate",
  roughly_right: "Roughly right",
  inaccurate: "Inaccurate",
  not_checkable: "Not checkable",
  period_not_covered: "Period not covered",
};

const FIT_WORDS = {
  consistent: "fits",
  plausible: "fits if the quarters were unevenly spread",
  close: "close",
  inconsistent: "does not fit",
  not_covered: "period not covered",
  no_figure: "no figure",
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let current = null;

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("form").addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
});

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function setStatus(message, isError) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
  status.setAttribute("role", isError ? "alert" : "status");
}

function request() {
  const article = document.getElementById("article").value;
  const date = document.getElementById("date").value.trim();
  const url = document.getElementById("url").value.trim();
  const speaker = document.getElementById("speaker").value.trim();
  let format = document.getElementById("format").value;
  if (format === "auto") format = article.trimStart().startsWith("<") ? "html" : "text";
  const body = {};
  body[format] = article;
  if (date) body.date = date;
  if (url) body.url = url;
  if (speaker) body.speaker = speaker;
  return body;
}

async function submit() {
  const button = document.getElementById("check");
  button.disabled = true;
  setStatus("Checking…", false);
  try {
    const response = await fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request()),
    });
    const report = await response.json().catch(() => null);
    if (!response.ok) {
      const reason = report && report.error ? report.error : response.statusText;
      setStatus("Tally could not check this: " + reason, true);
      return;
    }
    setStatus("", false);
    show(report);
  } catch (error) {
    setStatus("Tally could not be reached: " + error.message, true);
  } finally {
    button.disabled = false;
  }
}

function show(report) {
  current = report;
  document.getElementById("form").classList.add("compact");
  document.getElementById("results").hidden = false;
  showSummary(report);
  showText(report);
  const details = document.getElementById("details");
  details.replaceChildren(
    el("p", "placeholder", report.claims.length
      ? "Click a marked number to see how Tally read it: the readings of the data, their figures and bounds, the source table and the SQL."
      : "Tally found no numerical claims it could check in this article."));
}

function showSummary(report) {
  const summary = document.getElementById("summary");
  const parts = Object.entries(report.summary.verdicts)
    .map(([verdict, n]) => n + " " + (VERDICT_WORDS[verdict] || verdict).toLowerCase());
  const claims = report.summary.claims === 1 ? "1 claim" : report.summary.claims + " claims";
  const facts = [
    "published " + report.document.published,
    report.document.sentences + " sentences",
  ];
  if (report.data.release) facts.push("data released " + report.data.release);
  summary.replaceChildren(
    el("strong", null, claims + (parts.length ? ": " + parts.join(", ") : "")),
    el("span", "facts", facts.join(" · ")));
}

// The marks to lay over the text: each claim, its repetitions, and the furniture dropped.
function marks(report) {
  const list = [];
  for (const claim of report.claims) {
    list.push({ start: claim.span[0], end: claim.span[1], claim, repeat: false });
    for (const span of claim.repeated_at || []) {
      list.push({ start: span[0], end: span[1], claim, repeat: true });
    }
  }
  for (const line of report.document.furniture || []) {
    list.push({ start: line.span[0], end: line.span[1], furniture: line.reason });
  }
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let reach = 0;
  for (const mark of list) {
    if (mark.start >= reach && mark.end > mark.start) {
      kept.push(mark);
      reach = mark.end;
    }
  }
  return kept;
}

function showText(report) {
  const bytes = encoder.encode(report.document.text);
  const all = marks(report);
  const container = document.getElementById("text");
  container.replaceChildren();
  if (report.document.title) container.append(el("h2", "article-title", report.document.title));
  let lineStart = 0;
  while (lineStart <= bytes.length) {
    let lineEnd = bytes.indexOf(10, lineStart);
    if (lineEnd === -1) lineEnd = bytes.length;
    if (lineEnd > lineStart) {
      container.append(paragraph(bytes, lineStart, lineEnd, all));
    }
    lineStart = lineEnd + 1;
  }
}

function paragraph(bytes, start, end, all) {
  const p = el("p");
  let at = start;
  const piece = (a, b) => decoder.decode(bytes.subarray(a, b));
  for (const mark of all) {
    if (mark.end <= start || mark.start >= end) continue;
    const a = Math.max(mark.start, start);
    const b = Math.min(mark.end, end);
    if (a > at) p.append(document.createTextNode(piece(at, a)));
    p.append(markNode(mark, piece(a, b)));
    at = b;
  }
  if (at < end) p.append(document.createTextNode(piece(at, end)));
  if (isFurnitureOnly(p)) p.classList.add("furniture-line");
  return p;
}

function isFurnitureOnly(p) {
  return p.childNodes.length === 1 && p.firstChild.classList
    && p.firstChild.classList.contains("furniture");
}

function markNode(mark, text) {
  if (mark.furniture) {
    const span = el("span", "furniture", text);
    span.title = "Left out as page furniture (" + mark.furniture + ")";
    return span;
  }
  const claim = mark.claim;
  const node = el("mark", "claim v-" + claim.verdict + (mark.repeat ? " repeat" : ""), text);
  node.dataset.claim = String(claim.id);
  node.dataset.verdict = claim.verdict;
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  node.title = (VERDICT_WORDS[claim.verdict] || claim.verdict)
    + (mark.repeat ? " (said again)" : "") + ": click for the working";
  node.addEventListener("click", () => select(claim.id));
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(claim.id);
    }
  });
  return node;
}

function select(id) {
  const claim = current.claims.find((c) => c.id === id);
  if (!claim) return;
  for (const node of document.querySelectorAll("mark.claim")) {
    node.classList.toggle("selected", node.dataset.claim === String(id));
  }
  document.getElementById("details").replaceChildren(...details(claim));
}

function number(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString("en-GB", { maximumFractionDigits: digits });
}

function row(list, term, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", null, term), el("dd", null, value));
}

function details(claim) {
  const nodes = [];
  const head = el("div", "claim-head");
  head.append(
    el("span", "badge v-" + claim.verdict, VERDICT_WORDS[claim.verdict] || claim.verdict),
    el("span", "claim-words", "“" + claim.text + "”"));
  nodes.push(head);
  nodes.push(el("blockquote", "sentence", claim.sentence));
  nodes.push(el("p", "explanation", claim.explanation));

  const facts = el("dl", "facts-list");
  if (claim.speaker) row(facts, "Said by", claim.speaker.name + " (" + claim.speaker.cue + ")");
  else row(facts, "Said by", "the writer");
  if (claim.period) row(facts, "Period", "“" + claim.period.text + "”: " + claim.period.derivation);
  if (claim.base_period) row(facts, "Compared with", claim.base_period.derivation);
  if (claim.entities.length) {
    row(facts, "About", claim.entities.map((e) => e.text + " → " + e.code + " (" + e.role + ")").join("; "));
  }
  nodes.push(facts);

  if (claim.readings.length) {
    nodes.push(el("h2", null, claim.readings.length === 1 ? "The reading" : "Readings considered"));
    for (const reading of claim.readings) {
      nodes.push(readingNode(reading, reading.rank === claim.decisive_reading));
    }
  }
  return nodes;
}

function readingNode(reading, decisive) {
  const box = el("section", "reading" + (decisive ? " decisive" : ""));
  const title = el("h3");
  title.append(el("span", "rank", reading.rank + "."), document.createTextNode(" " + reading.description));
  if (decisive) title.append(el("span", "tag", "decisive"));
  box.append(title);

  const figure = reading.figure;
  const big = el("p", "figure");
  big.append(el("span", "figure-value", number(figure.value)),
    el("span", "fit fit-" + reading.fit.kind, fitWords(reading)));
  box.append(big);

  const list = el("dl", "facts-list");
  const q = reading.quarters;
  row(list, "Bounds", number(figure.lower) + " to " + number(figure.upper)
    + (figure.exact ? " (the period is whole quarters)" : " (whole quarters inside and touched)"));
  if (!figure.exact) {
    row(list, "Day-weighted", number(figure.estimate_range[0]) + " to " + number(figure.estimate_range[1]));
  }
  row(list, "Quarters", q.first === q.last ? q.first : q.first + " to " + q.last);
  if (reading.base_quarters) {
    row(list, "Against", reading.base_quarters.first + " to " + reading.base_quarters.last);
  }
  if (figure.by_quarter.length > 1 && figure.by_quarter.length <= 12) {
    row(list, "By quarter", figure.by_quarter.map((v) => v.quarter + ": " + number(v.value)).join(", "));
  }
  for (const [part, value] of Object.entries(figure.parts)) row(list, part, number(value));
  row(list, "Source table", reading.title + " (" + reading.dataset + ")");
  if (figure.coverage !== "full") row(list, "Coverage", figure.coverage);
  for (const f of reading.filters) row(list, f.column, f.values.join(", ") + " — " + f.why);
  for (const note of reading.notes) row(list, "Note", note);
  box.append(list);

  const sql = el("details", "sql");
  sql.open = decisive;
  sql.append(el("summary", null, "SQL (DuckDB, on the source file)"), el("pre", null, reading.sql));
  box.append(sql);
  return box;
}

// As the text report says it: shares and changes are out by points, the rest by a share of
// the claim.
function fitWords(reading) {
  const fit = reading.fit;
  let words = FIT_WORDS[fit.kind] || fit.kind;
  if (typeof fit.gap === "number") {
    const side = fit.gap > 0 ? "above" : "below";
    const points = reading.arithmetic === "share" || reading.arithmetic === "change";
    const gap = points
      ? Math.abs(fit.gap).toFixed(1) + " points"
      : Math.round(Math.abs(fit.gap) * 100) + "%";
    words += ": the figure is " + gap + " " + side + " the claim";
  }
  return words;
}
