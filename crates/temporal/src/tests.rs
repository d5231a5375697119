//! Data-driven tests: each case is a sentence, a reference date and the rendered list of
//! expressions found, one per line: `text → cue start → end (open)`, where a fuzzy day is
//! `earliest..latest`.

use insta::assert_snapshot;

use crate::{Context, Cue, Day, Event, TimeExpr, Value, find, parse_events};

const EVENTS: &str = r#"[
  {"name": "UK-Albania joint communiqué", "start": "2022-12-13",
   "aliases": ["communique", "communiqué", "deal with albania", "albania deal"]},
  {"name": "Rishi Sunak as Prime Minister", "start": "2022-10-25", "end": "2024-07-05",
   "aliases": ["rishi sunak has been in power", "sunak became prime minister", "sunak took office"]},
  {"name": "A. Example as Home Secretary", "start": "2019-07-24", "end": "2022-09-06",
   "aliases": [], "holder": "Alex Example", "office": "Home Secretary"},
  {"name": "A. Example as Chancellor", "start": "2016-01-04", "end": "2018-02-01",
   "aliases": [], "holder": "Alex Example", "office": "Chancellor"},
  {"name": "Labour government 1997 to 2010", "start": "1997-05-02", "end": "2010-05-11",
   "aliases": ["last labour government"]},
  {"name": "Treaty of Example", "start": "2019-03-04",
   "aliases": ["treaty of example", "example treaty"]},
  {"name": "Example Accord (first)", "start": "2021-06-01", "aliases": ["example accord"]},
  {"name": "Example Accord (second)", "start": "2023-02-10", "aliases": ["example accord"]},
  {"name": "Exampleland returns pact", "start": "2022-03-01", "aliases": ["exampleland pact"],
   "generic": ["the pact", "the deal"], "about": ["exampleland", "examplelanders"],
   "concerns": ["returned", "returning", "removals"]}
]"#;

fn events() -> Vec<Event> {
    parse_events(EVENTS).expect("test events are valid")
}

fn expressions(text: &str, reference: &str) -> Vec<TimeExpr> {
    spoken(text, reference, Some("Alex Example MP"))
}

/// The expressions of `text` in the words of `speaker`.
fn spoken(text: &str, reference: &str, speaker: Option<&str>) -> Vec<TimeExpr> {
    let events = events();
    let context = Context {
        reference: reference.parse().expect("test dates are valid"),
        events: &events,
        speaker,
    };
    find(text, &context)
}

/// Renders every expression found in `text`, one per line.
fn check(text: &str, reference: &str) -> String {
    render_all(text, &expressions(text, reference))
}

fn render_all(text: &str, found: &[TimeExpr]) -> String {
    if found.is_empty() {
        return "(none)".into();
    }
    let lines: Vec<String> = found
        .iter()
        .map(|e| format!("{} → {}", &text[e.span.clone()], render(e)))
        .collect();
    lines.join("\n")
}

/// The derivations of the periods found, one per line.
fn derive(text: &str, reference: &str) -> String {
    let lines: Vec<String> = expressions(text, reference)
        .into_iter()
        .filter_map(|e| match e.value {
            Value::Period(p) => Some(p.derivation),
            _ => None,
        })
        .collect();
    lines.join("\n")
}

fn render(e: &TimeExpr) -> String {
    let cue = match e.cue {
        Cue::None => "",
        Cue::Since => "since ",
        Cue::Between => "between ",
        Cue::Until => "until ",
        Cue::Compared => "compared ",
    };
    let value = match &e.value {
        Value::Period(p) => {
            format!(
                "{} → {}{}",
                day(p.start),
                day(p.end),
                if p.open { " (open)" } else { "" }
            )
        }
        Value::BackReference => "back-reference".into(),
        Value::Relative { years_back } => format!("relative, {years_back} year(s) back"),
        Value::Unresolved { what } => format!("unresolved: {what}"),
    };
    format!("{cue}{value}")
}

fn day(d: Day) -> String {
    if d.earliest == d.latest {
        d.earliest.to_string()
    } else {
        format!("{}..{}", d.earliest, d.latest)
    }
}

#[test]
fn calendar_years() {
    assert_snapshot!(check("Applications rose sharply in 2022.", "2023-05-16"), @"in 2022 → 2022-01-01 → 2022-12-31");
    assert_snapshot!(check("2022 saw a record number of arrivals.", "2023-05-16"), @"2022 → 2022-01-01 → 2022-12-31");
    assert_snapshot!(check("The year 2021 was quieter.", "2023-05-16"), @"The year 2021 → 2021-01-01 → 2021-12-31");
    assert_snapshot!(check("Waiting times grew during 2019.", "2023-05-16"), @"during 2019 → 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("Numbers this year are already higher.", "2023-05-16"), @"this year → 2023-01-01 → 2023-05-16 (open)");
    assert_snapshot!(check("This year alone, 3,100 claims were made.", "2022-10-26"), @"This year alone → 2022-01-01 → 2022-10-26 (open)");
    assert_snapshot!(check("So far this year 12,000 have arrived.", "2023-07-03"), @"So far this year → 2023-01-01 → 2023-07-03 (open)");
    assert_snapshot!(check("So far in 2021 the total is 1,500.", "2021-11-26"), @"So far in 2021 → 2021-01-01 → 2021-11-26 (open)");
    assert_snapshot!(check("So far in 2020 the total was 1,500.", "2021-11-26"), @"So far in 2020 → 2020-01-01 → 2020-12-31");
    assert_snapshot!(check("Last year the backlog doubled.", "2023-05-16"), @"Last year → 2022-01-01 → 2022-12-31");
    assert_snapshot!(check("It was higher than in the previous three years combined.", "2022-08-31"), @"than in the previous three years combined → compared 2019-01-01 → 2021-12-31");
    assert_snapshot!(check("Over the past three years, costs have climbed.", "2024-03-01"), @"Over the past three years → 2021-01-01 → 2023-12-31");
    assert_snapshot!(check("A decade ago the figure was tiny.", "2023-05-16"), @"A decade ago → 2013-01-01 → 2013-12-31");
    assert_snapshot!(check("It beat the pre-pandemic year of 2019.", "2023-05-16"), @"the pre-pandemic year of 2019 → 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("The figure for calendar year 2018 was revised.", "2023-05-16"), @"for calendar year 2018 → 2018-01-01 → 2018-12-31");
    assert_snapshot!(check("Since records began in 2004, none was higher.", "2023-05-16"), @"Since records began in 2004 → since 2004-01-01 → 2023-05-16 (open)");
    assert_snapshot!(check("In 2019, 2020 and 2021 the number fell.", "2023-05-16"), @r#"
        In 2019 → 2019-01-01 → 2019-12-31
        2020 → 2020-01-01 → 2020-12-31
        2021 → 2021-01-01 → 2021-12-31
        "#);
    assert_snapshot!(check("The year before last was the worst.", "2023-05-16"), @"The year before last → 2021-01-01 → 2021-12-31");
    assert_snapshot!(check("Five years ago it was half as much.", "2023-05-16"), @"Five years ago → 2018-01-01 → 2018-12-31");
}

#[test]
fn year_ranges() {
    assert_snapshot!(check("Over 2018-21 the total was 90,000.", "2022-03-01"), @"Over 2018-21 → 2018-01-01 → 2021-12-31");
    assert_snapshot!(check("The 2018–2021 average was lower.", "2022-03-01"), @"2018–2021 → 2018-01-01 → 2021-12-31");
    assert_snapshot!(check("Costs rose from 2010 to 2020.", "2021-09-16"), @"from 2010 to 2020 → between 2010-01-01 → 2020-12-31");
    assert_snapshot!(check("Between 2018 and 2023 the rate halved.", "2024-02-29"), @"Between 2018 and 2023 → between 2018-01-01 → 2023-12-31");
    assert_snapshot!(check("between 2018 and June 2022, 40,000 were granted", "2023-01-15"), @"between 2018 and June 2022 → between 2018-01-01 → 2022-06-30");
    assert_snapshot!(check("From 2016 to last year the share grew.", "2024-01-02"), @"From 2016 to last year → between 2016-01-01 → 2023-12-31");
    assert_snapshot!(check("From 2015 onwards the trend reversed.", "2024-01-02"), @"From 2015 onwards → since 2015-01-01 → 2024-01-02 (open)");
}

#[test]
fn quarters() {
    assert_snapshot!(check("Arrivals in Q4 2020 were low.", "2023-05-16"), @"in Q4 2020 → 2020-10-01 → 2020-12-31");
    assert_snapshot!(check("Arrivals in Q4 of 2020 were low.", "2023-05-16"), @"in Q4 of 2020 → 2020-10-01 → 2020-12-31");
    assert_snapshot!(check("In the fourth quarter of 2020 there were 500.", "2023-05-16"), @"In the fourth quarter of 2020 → 2020-10-01 → 2020-12-31");
    assert_snapshot!(check("between Q4 of 2020 and Q3 of 2022, 1,200 were returned", "2023-05-16"), @"between Q4 of 2020 and Q3 of 2022 → between 2020-10-01 → 2022-09-30");
    assert_snapshot!(check("In the third quarter, decisions slowed.", "2023-11-02"), @"In the third quarter → 2023-07-01 → 2023-09-30");
    assert_snapshot!(check("From July to September, 9,000 came.", "2022-11-24"), @"From July to September → between 2022-07-01 → 2022-09-30");
    assert_snapshot!(check("July to September 2022 was busy.", "2023-01-10"), @"July to September 2022 → 2022-07-01 → 2022-09-30");
    assert_snapshot!(check("in the three months from July to September, 9,000 came", "2022-11-24"), @"in the three months from July to September → between 2022-07-01 → 2022-09-30");
    assert_snapshot!(check("The 2022 Q3 figures were revised.", "2023-05-16"), @"2022 Q3 → 2022-07-01 → 2022-09-30");
    assert_snapshot!(check("Q5 2022 is not a quarter.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("The final quarter of last year was the busiest.", "2023-05-16"), @"The final quarter of last year → 2022-10-01 → 2022-12-31");
}

#[test]
fn halves_and_parts_of_years() {
    assert_snapshot!(check("In the first half of 2023 grants fell.", "2023-08-01"), @"In the first half of 2023 → 2023-01-01 → 2023-06-30");
    assert_snapshot!(check("H1 2023 grants fell.", "2023-08-01"), @"H1 2023 → 2023-01-01 → 2023-06-30");
    assert_snapshot!(check("In the first six months of this year, 14,000 came.", "2022-08-25"), @"In the first six months of this year → 2022-01-01 → 2022-06-30");
    assert_snapshot!(check("In the first nine months there were 7,000.", "2022-11-01"), @"In the first nine months → 2022-01-01 → 2022-09-30");
    assert_snapshot!(check("In the first nine months of 2021 there were 7,000.", "2022-11-01"), @"In the first nine months of 2021 → 2021-01-01 → 2021-09-30");
    assert_snapshot!(check("Jan – Sept 2017 saw 4,000 cases.", "2025-03-31"), @"Jan – Sept 2017 → 2017-01-01 → 2017-09-30");
    assert_snapshot!(check("From January to September 2022, 30,000 arrived.", "2022-11-24"), @"From January to September 2022 → between 2022-01-01 → 2022-09-30");
    assert_snapshot!(check("from May to September 2022 the rate rose", "2022-11-02"), @"from May to September 2022 → between 2022-05-01 → 2022-09-30");
    assert_snapshot!(check("Between July and September 2024, 8,000 were refused.", "2024-12-01"), @"Between July and September 2024 → between 2024-07-01 → 2024-09-30");
    assert_snapshot!(check("Over the summer the queues grew.", "2022-09-05"), @"Over the summer → 2022-06-01..2022-07-01 → 2022-08-31");
    assert_snapshot!(check("Over the summer the queues grew.", "2023-03-01"), @"Over the summer → 2022-06-01..2022-07-01 → 2022-08-31");
    assert_snapshot!(check("The second half of last year was calmer.", "2023-05-16"), @"The second half of last year → 2022-07-01 → 2022-12-31");
    assert_snapshot!(check("October 2023 to September 2024 saw 90,000 grants.", "2024-11-28"), @"October 2023 to September 2024 → 2023-10-01 → 2024-09-30");
}

#[test]
fn months() {
    assert_snapshot!(check("In March 2023 the queue peaked.", "2023-05-16"), @"In March 2023 → 2023-03-01 → 2023-03-31");
    assert_snapshot!(check("Last month the number doubled.", "2023-05-16"), @"Last month → 2023-04-01 → 2023-04-30");
    assert_snapshot!(check("Last month the number doubled.", "2023-01-09"), @"Last month → 2022-12-01 → 2022-12-31");
    assert_snapshot!(check("This month the number doubled.", "2023-05-16"), @"This month → 2023-05-01 → 2023-05-16 (open)");
    assert_snapshot!(check("up to and including Monday, September 12, 20,000 crossed", "2022-09-13"), @"up to and including Monday, September 12 → until 2022-01-01 → 2022-09-12");
    assert_snapshot!(check("Up to 12 September, 20,000 crossed.", "2022-09-13"), @"Up to 12 September → until 2022-01-01 → 2022-09-12");
    assert_snapshot!(check("The target is 5,000 by the end of June.", "2023-05-16"), @"by the end of June → until 2023-01-01 → 2023-06-30");
    assert_snapshot!(check("In March the rate fell.", "2023-02-01"), @"In March → 2022-03-01 → 2022-03-31");
    assert_snapshot!(check("The figures for Sept. 2021 were late.", "2023-02-01"), @"for Sept. 2021 → 2021-09-01 → 2021-09-30");
    assert_snapshot!(check("It opened in May.", "2023-08-01"), @"in May → 2023-05-01 → 2023-05-31");
    assert_snapshot!(check("On 30 September 2023 there were 120,000 waiting.", "2024-01-15"), @"On 30 September 2023 → 2023-09-30 → 2023-09-30");
    assert_snapshot!(check("The snapshot taken 2023-09-30 showed 120,000.", "2024-01-15"), @"2023-09-30 → 2023-09-30 → 2023-09-30");
}

#[test]
fn rolling_years() {
    assert_snapshot!(check("In the year ending March 2022 there were 48,000.", "2022-08-01"), @"In the year ending March 2022 → 2021-04-01 → 2022-03-31");
    assert_snapshot!(check("In the year ending 30 September 2023 there were 48,000.", "2024-01-15"), @"In the year ending 30 September 2023 → 2022-10-01 → 2023-09-30");
    assert_snapshot!(check("The year to December 2024 saw a fall.", "2025-02-27"), @"The year to December 2024 → until 2024-01-01 → 2024-12-31");
    assert_snapshot!(check("In the year to last June it fell by a fifth.", "2023-01-15"), @"In the year to last June → until 2021-07-01 → 2022-06-30");
    assert_snapshot!(check("In the year to last June it fell by a fifth.", "2023-08-15"), @"In the year to last June → until 2022-07-01 → 2023-06-30");
    assert_snapshot!(check("In the 12 months to June, 60,000 arrived.", "2020-08-31"), @"In the 12 months to June → until 2019-07-01 → 2020-06-30");
    assert_snapshot!(check("In the 12 months to June, 60,000 arrived.", "2020-05-31"), @"In the 12 months to June → until 2018-07-01 → 2019-06-30");
    assert_snapshot!(check("In the last year the backlog fell.", "2025-07-10"), @"In the last year → 2024-07-11 → 2025-07-10 (open)");
    assert_snapshot!(check("In the past 12 months the backlog fell.", "2025-07-10"), @"In the past 12 months → 2024-07-11 → 2025-07-10 (open)");
    assert_snapshot!(check("Year ending June 2024: 85,000 grants.", "2024-08-22"), @"Year ending June 2024 → 2023-07-01 → 2024-06-30");
    assert_snapshot!(check("Over the last six months the backlog fell.", "2024-03-31"), @"Over the last six months → 2023-10-01 → 2024-03-31 (open)");
    assert_snapshot!(check("In the ten years to 2019 removals fell.", "2020-03-01"), @"In the ten years to 2019 → 2010-01-01 → 2019-12-31");
}

#[test]
fn financial_years() {
    assert_snapshot!(check("Spending in 2022/23 was £3.6bn.", "2023-10-01"), @"in 2022/23 → 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("Spending in 2022-23 was £3.6bn.", "2023-10-01"), @"in 2022-23 → 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("In the financial year 2022 to 2023 spending rose.", "2023-10-01"), @"In the financial year 2022 to 2023 → 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("FY2022/23 spending rose.", "2023-10-01"), @"FY2022/23 → 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("FY22/23 spending rose.", "2023-10-01"), @"FY22/23 → 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("The 2019/2020 budget was larger.", "2023-10-01"), @"2019/2020 → 2019-04-01 → 2020-03-31");
}

#[test]
fn open_ended() {
    assert_snapshot!(check("Since 2020 the number has tripled.", "2023-12-13"), @"Since 2020 → since 2020-01-01 → 2023-12-13 (open)");
    assert_snapshot!(check("Since January 2018, 3,000 have been removed.", "2024-02-29"), @"Since January 2018 → since 2018-01-01 → 2024-02-29 (open)");
    assert_snapshot!(check("More than 8,000 were sent back since the end of last year.", "2023-05-16"), @"since the end of last year → since 2022-12-01..2022-12-31 → 2023-05-16 (open)");
    assert_snapshot!(check("Since the start of the year, 9,000 have come.", "2023-05-16"), @"Since the start of the year → since 2023-01-01 → 2023-05-16 (open)");
    assert_snapshot!(check("In just six months the numbers fell by a third.", "2023-06-05"), @"In just six months → 2022-11-20..2022-12-20 → 2023-06-05 (open)");
    assert_snapshot!(check("In the five months since I launched the plan, arrivals fell.", "2023-06-05"), @"In the five months since → 2022-12-21..2023-01-20 → 2023-06-05 (open)");
    assert_snapshot!(check("Ever since 13 December, returns have risen.", "2023-05-16"), @"Ever since 13 December → since 2022-12-13 → 2023-05-16 (open)");
}

#[test]
fn months_to_a_month() {
    assert_snapshot!(check("In the three months to September 2023, 13,000 crossed.", "2024-03-01"), @"In the three months to September 2023 → until 2023-07-01 → 2023-09-30");
    assert_snapshot!(check("In the three months to the end of June, 363 were removed.", "2020-11-26"), @"In the three months to the end of June → until 2020-04-01 → 2020-06-30");
    assert_snapshot!(check("In the six months ending June, returns rose.", "2023-09-01"), @"In the six months ending June → 2023-01-01 → 2023-06-30");
}

#[test]
fn named_events() {
    assert_snapshot!(check("Since the communique was agreed, 1,000 have gone home.", "2023-05-16"), @"Since the communique was agreed → since 2022-12-13 → 2023-05-16 (open)");
    assert_snapshot!(check("since the agreement of the communique last year, 1,000 went home", "2023-05-16"), @"since the agreement of the communique last year → since 2022-12-13 → 2023-05-16 (open)");
    assert_snapshot!(check("Since Rishi Sunak has been in power, 5,000 were returned.", "2024-06-25"), @"Since Rishi Sunak has been in power → since 2022-10-25 → 2024-06-25 (open)");
    assert_snapshot!(check("During my time as Home Secretary, crossings rose.", "2024-02-07"), @"During my time as Home Secretary → 2019-07-24 → 2022-09-06");
    // The term under way, as anyone names it; once it has ended, "this" names no one.
    assert_snapshot!(check("Under this Home Secretary, crossings rose.", "2021-02-07"), @"Under this Home Secretary → 2019-07-24 → 2022-09-06");
    assert_snapshot!(check("Returns rose thanks to the current Home Secretary.", "2021-02-07"), @"thanks to the current Home Secretary → 2019-07-24 → 2022-09-06");
    assert_snapshot!(check("Under this Home Secretary, crossings rose.", "2023-02-07"), @"(none)");
    assert_snapshot!(check("Since I became Home Secretary, crossings rose.", "2020-02-07"), @"Since I became Home Secretary → since 2019-07-24 → 2020-02-07 (open)");
    assert_snapshot!(check("It is lower than under the last Labour government.", "2024-01-02"), @"than under the last Labour government → compared 1997-05-02 → 2010-05-11");
    assert_snapshot!(check("It is lower than before the Treaty of Example.", "2024-01-02"), @"than before the Treaty of Example → compared 2018-01-01 → 2018-12-31");
    assert_snapshot!(check("Since the Treaty of Example, trade doubled.", "2023-05-16"), @"Since the Treaty of Example → since 2019-03-04 → 2023-05-16 (open)");
    assert_snapshot!(check("Since the example accord was signed last year, trade doubled.", "2024-05-01"), @"Since the example accord was signed last year → since 2023-02-10 → 2024-05-01 (open)");
    assert_snapshot!(check("Since the example accord was signed, trade doubled.", "2024-05-01"), @"Since the example accord was signed → since 2023-02-10 → 2024-05-01 (open)");
    assert_snapshot!(check("Since the 2021 example accord, trade doubled.", "2024-05-01"), @"Since the 2021 example accord → since 2021-06-01 → 2024-05-01 (open)");
    assert_snapshot!(check("Since the election, 4,000 have arrived.", "2023-05-16"), @"Since the election → since unresolved: the election");
    assert_snapshot!(check("Since the plan was launched more have come.", "2023-05-16"), @"Since the plan was launched → since unresolved: the plan was launched");
    assert_snapshot!(check("Since Brexit, fewer have come.", "2023-05-16"), @"Since Brexit → since unresolved: Brexit");
    assert_snapshot!(check("Since the new route opened there were more.", "2023-05-16"), @"Since the new route opened → since unresolved: the new route opened");
    assert_snapshot!(check("Since Labour has been in power the queue grew.", "2023-05-16"), @"Since Labour has been in power → since unresolved: Labour has been in power");
}

#[test]
fn back_references_and_relatives() {
    assert_snapshot!(check("In that time, 3,000 were removed.", "2023-05-16"), @"In that time → back-reference");
    assert_snapshot!(check("Over that time the rate doubled.", "2023-05-16"), @"Over that time → back-reference");
    assert_snapshot!(check("During this period, 200 boats crossed.", "2023-05-16"), @"During this period → back-reference");
    assert_snapshot!(check("Over the same period, refusals fell.", "2023-05-16"), @"Over the same period → back-reference");
    assert_snapshot!(check("In that period costs rose; in those years they doubled.", "2023-05-16"), @r#"
        In that period → back-reference
        in those years → back-reference
        "#);
    assert_snapshot!(check("That was 20% more than the previous year.", "2023-05-16"), @"than the previous year → compared relative, 1 year(s) back");
    assert_snapshot!(check("The year before, it was 800.", "2023-05-16"), @"The year before → relative, 1 year(s) back");
    assert_snapshot!(check("A year earlier the figure was 800.", "2023-05-16"), @"A year earlier → relative, 1 year(s) back");
    assert_snapshot!(check("Up a fifth on the previous twelve months.", "2023-05-16"), @"on the previous twelve months → compared relative, 1 year(s) back");
    assert_snapshot!(check("Up a fifth on the preceding 12 months.", "2023-05-16"), @"on the preceding 12 months → compared relative, 1 year(s) back");
    assert_snapshot!(check("Some 900 in the last 12 months.", "2023-05-16"), @"in the last 12 months → 2022-05-17 → 2023-05-16 (open)");
    assert_snapshot!(check("Arrivals have overtaken the total for 2022.", "2023-09-01"), @"the total for 2022 → compared 2022-01-01 → 2022-12-31");
    assert_snapshot!(check("Detections exceeded 8,000 in 2019.", "2023-09-01"), @"in 2019 → 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("It is up on the same period last year.", "2023-05-16"), @"on the same period last year → compared relative, 1 year(s) back");
    assert_snapshot!(check("That is double the same point last year.", "2023-07-04"), @"the same point last year → relative, 1 year(s) back");
    assert_snapshot!(check("Two years earlier it was half that.", "2023-07-04"), @"Two years earlier → relative, 2 year(s) back");
}

#[test]
fn comparisons() {
    assert_snapshot!(check("2016 compared with 2015 shows a rise.", "2017-02-23"), @r#"
        2016 → 2016-01-01 → 2016-12-31
        compared with 2015 → compared 2015-01-01 → 2015-12-31
        "#);
    assert_snapshot!(check("There were fewer than in 2019.", "2023-05-16"), @"than in 2019 → compared 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("Arrivals were up 40 per cent on 2019.", "2023-05-16"), @"on 2019 → compared 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("The total was down from 24,000 in 2019.", "2023-05-16"), @"from 24,000 in 2019 → compared 2019-01-01 → 2019-12-31");
    assert_snapshot!(check("2023 vs 2022: a fall of a third.", "2024-01-02"), @r#"
        2023 → 2023-01-01 → 2023-12-31
        vs 2022 → compared 2022-01-01 → 2022-12-31
        "#);
    assert_snapshot!(check("Refusals in 2023 versus last year rose.", "2024-01-02"), @r#"
        in 2023 → 2023-01-01 → 2023-12-31
        versus last year → compared 2023-01-01 → 2023-12-31
        "#);
    assert_snapshot!(check("Up 60 per cent compared to the same period last year.", "2023-05-16"), @"compared to the same period last year → compared relative, 1 year(s) back");
    assert_snapshot!(check("Twice as many came in 2023 as in the whole of last year.", "2023-11-01"), @r#"
        in 2023 → 2023-01-01 → 2023-12-31
        in the whole of last year → 2022-01-01 → 2022-12-31
        "#);
    assert_snapshot!(check("That is more than 2019 and less than 2021.", "2023-05-16"), @r#"
        than 2019 → compared 2019-01-01 → 2019-12-31
        than 2021 → compared 2021-01-01 → 2021-12-31
        "#);
}

#[test]
fn more_shapes() {
    assert_snapshot!(check("In the year ending 30 September there were 48,000.", "2023-10-15"), @"In the year ending 30 September → 2022-10-01 → 2023-09-30");
    assert_snapshot!(check("In the twelve months to March, 5,000 left.", "2023-05-16"), @"In the twelve months to March → until 2022-04-01 → 2023-03-31");
    assert_snapshot!(check("In the last three months of 2022 it fell.", "2023-05-16"), @"In the last three months of 2022 → 2022-10-01 → 2022-12-31");
    assert_snapshot!(check("Since the beginning of 2020 the rate rose.", "2023-05-16"), @"Since the beginning of 2020 → since 2020-01-01 → 2023-05-16 (open)");
    assert_snapshot!(check("Since the election in 2019 numbers rose.", "2023-05-16"), @r#"
        Since the election → since unresolved: the election
        in 2019 → 2019-01-01 → 2019-12-31
        "#);
    assert_snapshot!(check("Since then the queue has grown.", "2023-05-16"), @"Since then → since unresolved: then");
    assert_snapshot!(check("Until 2020, the route was little used.", "2023-05-16"), @"Until 2020 → until 2020-01-01 → 2020-12-31");
    assert_snapshot!(check("Last summer the queues grew.", "2023-07-01"), @"Last summer → 2022-06-01..2022-07-01 → 2022-08-31");
    assert_snapshot!(check("This summer the queues grew.", "2023-07-01"), @"This summer → 2023-06-01..2023-07-01 → 2023-08-31");
    assert_snapshot!(check("Figures for 2021 to date show a rise.", "2021-09-24"), @"for 2021 to date → 2021-01-01 → 2021-09-24 (open)");
    assert_snapshot!(check("In the year to date, 9,000 have come.", "2023-05-16"), @"In the year to date → 2023-01-01 → 2023-05-16 (open)");
    assert_snapshot!(check("Between 2023 and 2018 the order is backwards.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("Between January and March the rate fell.", "2023-05-16"), @"Between January and March → between 2023-01-01 → 2023-03-31");
    assert_snapshot!(check("December to February 2023 was cold.", "2023-05-16"), @"December to February 2023 → 2022-12-01 → 2023-02-28");
    assert_snapshot!(check("Since 2020/21 the budget has doubled.", "2023-05-16"), @"Since 2020/21 → since 2020-04-01 → 2023-05-16 (open)");
    assert_snapshot!(check("During the Treaty of Example talks, trade fell.", "2023-05-16"), @"During the Treaty of Example → 2019-03-04 → 2023-05-16 (open)");
    assert_snapshot!(check("Up to the end of March 2023, 7,000 applied.", "2023-05-16"), @"Up to the end of March 2023 → until 2023-01-01 → 2023-03-31");
    assert_snapshot!(check("In 2023 the backlog was 20% higher than in 2022, and double the 2019 level.", "2024-01-02"), @r#"
        In 2023 → 2023-01-01 → 2023-12-31
        than in 2022 → compared 2022-01-01 → 2022-12-31
        2019 → 2019-01-01 → 2019-12-31
        "#);
    assert_snapshot!(check("The third quarter of 2024 saw 9,000; the second half of the year, 20,000.", "2024-12-01"), @r#"
        The third quarter of 2024 → 2024-07-01 → 2024-09-30
        the second half of the year → 2024-07-01 → 2024-12-31
        "#);
    assert_snapshot!(check("Between Q1 and Q3 2023 refusals rose.", "2023-12-01"), @"Between Q1 and Q3 2023 → between 2023-01-01 → 2023-09-30");
}

#[test]
fn not_time_expressions() {
    assert_snapshot!(check("More than 8,000 people were returned.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("Adults aged 18 to 39 and children under 18.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("One in four were refused, about 25 per cent.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("The court applied rule 39 during Covid-19.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("There were 2920 cases and 2020 applications.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("It happened in 2000 cases.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("On 31 February 2023 nothing happened.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("It may march on; since it was cheaper, they went.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("He paid £2019 for it.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("In six months’ time we will know.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("In the communique, ministers agreed to cooperate.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("In the last quarter, exports fell.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("Since the price was lower, they went.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("Room 2021 is on the left; call 2022 8891.", "2023-05-16"), @"(none)");
    assert_snapshot!(check("Ｑ４ ２０２２ 🙂 and 99999999999999999999999 and 2022-13-45.", "2023-05-16"), @"(none)");
}

#[test]
fn typography() {
    assert_snapshot!(check("In\u{a0}2022 it rose; “since 2020” it doubled.", "2023-05-16"), @r#"
        In 2022 → 2022-01-01 → 2022-12-31
        since 2020 → since 2020-01-01 → 2023-05-16 (open)
        "#);
    assert_snapshot!(check("Q4\u{a0}2020 — and Jan–Mar 2021.", "2023-05-16"), @r#"
        Q4 2020 → 2020-10-01 → 2020-12-31
        Jan–Mar 2021 → 2021-01-01 → 2021-03-31
        "#);
}

#[test]
fn reference_dates_near_the_limits() {
    assert_snapshot!(check("Last year, this year, a decade ago and since 2020.", "-009999-01-01"), @r#"
        this year → -009999-01-01 → -009999-01-01 (open)
        since 2020 → since 2020-01-01 → -009999-01-01 (open)
        "#);
    assert_snapshot!(check("Last month, the past 12 months and next year's plan.", "9999-12-31"), @r#"
        Last month → 9999-11-01 → 9999-11-30
        the past 12 months → 9999-01-01 → 9999-12-31 (open)
        "#);
}

#[test]
fn a_term_of_office_is_named_only_by_its_holder() {
    let by = |speaker| {
        let text = "During my time as Home Secretary, crossings rose.";
        render_all(text, &spoken(text, "2024-02-07", speaker))
    };
    assert_snapshot!(by(Some("Ms Example")), @"During my time as Home Secretary → 2019-07-24 → 2022-09-06");
    assert_snapshot!(by(Some("Sam Other")), @"During my time as Home Secretary → unresolved: the speaker's time as Home Secretary (Sam Other is not known to have held it)");
    assert_snapshot!(by(None), @"During my time as Home Secretary → unresolved: the speaker's time as Home Secretary (who is speaking is not known)");
    let text = "Since I became Home Secretary, 5,000 were removed.";
    assert_snapshot!(render_all(text, &spoken(text, "2021-03-01", None)), @"Since I became Home Secretary → since unresolved: the speaker's time as Home Secretary (who is speaking is not known)");
    let text = "In my time as Home Secretary, 5,000 were removed.";
    assert_snapshot!(render_all(text, &spoken(text, "2021-03-01", Some("Alex Example"))), @"In my time as Home Secretary → 2019-07-24 → 2022-09-06");
    let events = events();
    let on = |d: &str| d.parse().expect("test dates are valid");
    let term = |speaker, date| {
        crate::term_of(&events, speaker, on(date)).map(|e| e.term(on(date)).derivation)
    };
    assert_eq!(
        term("Alex Example", "2024-02-07").as_deref(),
        Some("A. Example as Home Secretary, 24 July 2019 to 6 September 2022")
    );
    assert_eq!(
        term("Alex Example", "2019-01-07").as_deref(),
        Some("A. Example as Chancellor, 4 January 2016 to 1 February 2018")
    );
    assert_eq!(
        term("Alex Example", "2020-01-07").as_deref(),
        Some(
            "A. Example as Home Secretary from 24 July 2019 until the reference date 7 January 2020"
        )
    );
    assert_eq!(term("Example", "2024-02-07"), None);
    assert_eq!(term("Alex Example", "2015-02-07"), None);
}

#[test]
fn derivations() {
    assert_snapshot!(derive("since the end of last year", "2023-05-16"), @r#"1 December 2022 to 31 December 2022 ("the end of last year") until 16 May 2023"#);
    assert_snapshot!(derive("last year", "2023-05-16"), @"the calendar year before the reference date 16 May 2023");
    assert_snapshot!(derive("this year", "2023-05-16"), @"1 January 2023 to the reference date 16 May 2023");
    assert_snapshot!(derive("between Q4 of 2020 and Q3 of 2022", "2023-05-16"), @r#"1 October 2020 (start of "Q4 of 2020") to 30 September 2022 (end of "Q3 of 2022")"#);
    assert_snapshot!(derive("the year to last June", "2023-01-15"), @"the 12 months ending 30 June 2022");
    assert_snapshot!(derive("up to 12 September", "2022-09-13"), @r#"1 January 2022 up to 12 September 2022 ("12 September")"#);
    assert_snapshot!(derive("in 2022/23", "2023-10-01"), @"the financial year 1 April 2022 to 31 March 2023");
    assert_snapshot!(derive("the third quarter", "2023-11-02"), @"Q3 2023 (July to September), the year taken from the reference date 2 November 2023");
    assert_snapshot!(derive("last week", "2023-06-01"), @"Monday 22 May 2023 to Sunday 28 May 2023, the week before the reference date 1 June 2023");
    assert_snapshot!(derive("this week", "2023-06-01"), @"Monday 29 May 2023 to the reference date 1 June 2023");
    assert_snapshot!(derive("since the start of last month", "2023-06-01"), @r#"1 May 2023 ("the start of last month") until 1 June 2023"#);
    assert_snapshot!(derive("by the end of this month", "2023-06-01"), @r#"1 January 2023 up to 30 June 2023 ("the end of this month")"#);
    assert_snapshot!(derive("on Monday", "2022-08-02"), @"1 August 2022, the latest Monday by the reference date 2 August 2022");
    assert_snapshot!(derive("on Tuesday", "2022-08-02"), @"2 August 2022, the latest Tuesday by the reference date 2 August 2022");
    assert_snapshot!(derive("last Tuesday", "2022-08-02"), @"26 July 2022, the Tuesday before the reference date 2 August 2022");
    assert_snapshot!(derive("yesterday", "2022-08-02"), @"1 August 2022, the day before the reference date 2 August 2022");
    assert_snapshot!(derive("Tuesday", "2022-08-02"), @"");
    assert_snapshot!(derive("in the final quarter", "2023-03-12"), @"Q4 2022 (October to December), the year before the reference date 12 March 2023");
    assert_snapshot!(derive("in the second half", "2023-03-01"), @"H2 2022 (July to December), the year before the reference date 1 March 2023");
    assert_snapshot!(derive("in the first half", "2023-03-01"), @"H1 2023 (January to June), the year taken from the reference date 1 March 2023");
    assert_snapshot!(derive("the year to June", "2023-05-01"), @"the 12 months ending 30 June 2022");
    assert_snapshot!(derive("since the communique was agreed", "2023-05-16"), @"since UK-Albania joint communiqué on 13 December 2022 until 16 May 2023");
    assert_snapshot!(derive("during my time as Home Secretary", "2024-02-07"), @"A. Example as Home Secretary, 24 July 2019 to 6 September 2022");
}

#[test]
fn spans_cover_the_cue_words() {
    let text = "Arrivals rose 40 per cent compared with 2015.";
    let found = expressions(text, "2017-02-23");
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "compared with 2015");
}

#[test]
fn bad_event_tables_are_errors() {
    let err = parse_events(r#"[{"name": "x"}]"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the table of events is not valid")
    );
}

#[test]
fn the_same_period_of_a_named_year() {
    assert_snapshot!(check("Down 10% on the same period of 2022.", "2024-03-01"), @"on the same period of 2022 → compared 2022-01-01 → 2022-12-31");
}

#[test]
fn a_generic_name_is_an_event_only_beside_what_it_is_about() {
    assert_snapshot!(derive("since the deal was signed, 300 Examplelanders have gone home", "2023-01-10"), @"since Exampleland returns pact on 1 March 2022 until 10 January 2023");
    assert_snapshot!(check("Since the deal was signed, 300 people have gone home.", "2023-01-10"), @"Since the deal was signed → since unresolved: the deal was signed");
}

#[test]
fn a_recent_event_is_in_force_for_what_it_concerns() {
    let events = events();
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let on = |d: &str| -> crate::Date { d.parse().expect("test dates are valid") };
    let returned = words("hundreds of Examplelanders are being returned");
    let found = crate::in_force(&events, &returned, on("2022-09-01"));
    assert_eq!(
        found.map(|e| e.name.as_str()),
        Some("Exampleland returns pact")
    );
    // A year and more on, the pact is no longer what "now" is measured from.
    assert!(crate::in_force(&events, &returned, on("2023-03-02")).is_none());
    // Before it was struck, it is not yet.
    assert!(crate::in_force(&events, &returned, on("2022-02-01")).is_none());
    // Both what it is about and what it changed must be named.
    let arrived = words("hundreds of Examplelanders have arrived");
    assert!(crate::in_force(&events, &arrived, on("2022-09-01")).is_none());
    let anyone = words("hundreds of people are being returned");
    assert!(crate::in_force(&events, &anyone, on("2022-09-01")).is_none());
}
