//! The kinds of claim people make, each checked on sentences written for the purpose, over
//! the real Home Office tables (`../shared/data/home-office` beside the checkout, or
//! `TALLY_DATA`).

use std::path::PathBuf;
use std::sync::OnceLock;

use check::{Checker, Source};
use jiff::civil::{Date, date};

const DESCRIPTION: &str = include_str!("../../../datasets/home-office/datapackage.json");
const EVENTS: &str = include_str!("../../../datasets/events.json");

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let dir = std::env::var_os("TALLY_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/home-office"));
        assert!(
            dir.join("returns.csv").is_file(),
            "the Home Office tables are not at {}: put the shared folder beside the checkout or set TALLY_DATA",
            dir.display()
        );
        let catalog = catalog::Catalog::from_json(DESCRIPTION).unwrap();
        let sources = catalog
            .datasets
            .iter()
            .map(|d| {
                let spec = store::TableSpec {
                    name: d.name.clone(),
                    time: d.time.clone(),
                    dimensions: d.dimensions.iter().map(|x| x.column.clone()).collect(),
                    measure: d.measure.column.clone(),
                };
                let path = dir.join(&d.path);
                let table = store::Table::open_csv(&spec, &path).unwrap();
                Source {
                    dataset: d.name.clone(),
                    table,
                    path: path.display().to_string(),
                    release: None,
                }
            })
            .collect();
        Checker::new(catalog, sources, temporal::parse_events(EVENTS).unwrap())
    })
}

/// The verdict and decisive figure of the claim whose words start with `words`.
fn check(sentence: &str, on: Date, words: &str) -> String {
    let checked = checker().check_sentence(sentence, on);
    let claim = checked
        .iter()
        .find(|c| c.claim.words().starts_with(words))
        .unwrap_or_else(|| {
            panic!(
                "no claim \"{words}\" in {:?}",
                checked.iter().map(|c| c.claim.words()).collect::<Vec<_>>()
            )
        });
    let figure = claim
        .decisive
        .and_then(|i| claim.readings.get(i))
        .map_or("-".to_string(), |j| {
            let value = j.figure.value;
            let value = if value.is_finite() {
                format!("{value:.1}")
            } else {
                "-".to_string()
            };
            format!("{value} [{}]", j.reading.dataset)
        });
    format!("{} {figure}", claim.verdict.as_str())
}

/// Sentences read in turn, as from one source: the checked claims of each.
fn read_in_turn(sentences: &[&str], on: Date) -> Vec<Vec<check::Checked>> {
    let lines: Vec<check::Line<'_>> = sentences
        .iter()
        .map(|text| check::Line {
            text,
            speaker: None,
        })
        .collect();
    checker().check_sentences_in_turn(&lines, None, on)
}

/// The reason the first claim of `sentence` is not checkable; fails when it is checkable.
fn not_checkable_because(sentence: &str, on: Date) -> String {
    let checked = checker().check_sentence(sentence, on);
    assert_eq!(checked[0].verdict.as_str(), "not_checkable", "{sentence}");
    checked[0].explanation.clone()
}

#[test]
fn counts_with_qualifiers() {
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "Officials said 9,044 Albanians arrived in small boats between July and September 2022.",
            on,
            "9,044"
        ),
        "accurate 9044.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Some 45,000 people crossed the Channel in small boats in 2022.",
            on,
            "Some 45,000"
        ),
        "accurate 45774.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Fewer than 30,000 people crossed the Channel in small boats in 2022.",
            on,
            "Fewer than 30,000"
        ),
        "inaccurate 45774.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Nearly 50,000 people crossed the Channel in small boats in 2022.",
            on,
            "Nearly 50,000"
        ),
        "accurate 45774.0 [irregular_migration]"
    );
}

#[test]
fn shares() {
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "About 45% of people crossing the Channel in small boats between July and September 2022 were Albanian.",
            on,
            "About 45%"
        ),
        "accurate 44.5 [irregular_migration]"
    );
    assert_eq!(
        check(
            "In 2021, two thirds of small boat arrivals were Albanian.",
            on,
            "two thirds"
        ),
        "inaccurate 2.9 [irregular_migration]"
    );
}

#[test]
fn shares_whose_part_another_table_counts() {
    // The part, foreign national offenders, is counted in their own table (2,706 in 2021);
    // the whole, people returned, in the returns table (10,140 enforced and voluntary).
    assert_eq!(
        check(
            "In 2021, 27 per cent of the people returned from the UK were foreign criminals.",
            date(2022, 6, 1),
            "27 per cent"
        ),
        "accurate 26.7 [returns]"
    );
    // Words the whole repeats ("enforced") bound the whole and pick out no part: 3,926
    // offenders' returns of 6,393 enforced returns in 2023.
    assert_eq!(
        check(
            "Enforced returns of foreign national offenders made up 61 per cent of all enforced returns in 2023.",
            date(2024, 3, 1),
            "61 per cent"
        ),
        "accurate 61.4 [returns]"
    );
}

#[test]
fn a_change_and_the_figure_it_reaches_stand_together() {
    // Enforced returns: 3,855 in 2022, 6,393 in 2023 (+65.8%).
    let on = date(2024, 3, 1);
    let sentence = "Enforced returns rose by 20% to 6,400 in 2023.";
    assert_eq!(
        check(sentence, on, "rose by 20%"),
        "inaccurate 65.8 [returns]"
    );
    assert_eq!(check(sentence, on, "6,400"), "inaccurate 6393.0 [returns]");
    // Stated with both its figures, which give it, a change is as right as they are: the
    // 2023 figure is provisional and 6,100 within its revisions.
    let sentence = "Enforced returns rose by 60% to 6,100 in 2023, compared with 3,800 in 2022.";
    assert_eq!(
        check(sentence, on, "rose by 60%"),
        "accurate 65.8 [returns]"
    );
}

#[test]
fn changes_and_multiples() {
    let on = date(2024, 3, 1);
    assert_eq!(
        check(
            "Small boat arrivals fell by a third in 2023.",
            on,
            "fell by a third"
        ),
        "roughly_right -35.7 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Small boat arrivals fell by 36 per cent in 2023.",
            on,
            "fell by 36 per cent"
        ),
        "accurate -35.7 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Small boat arrivals fell by more than 40 per cent in 2023.",
            on,
            "fell by more than 40 per cent"
        ),
        "inaccurate -35.7 [irregular_migration]"
    );
}

#[test]
fn partly_covered_quarters_need_not_be_evenly_spread() {
    // From 10 November 2022 to 20 May 2023 the whole quarters give 1,235 to 3,916 enforced
    // returns and an even spread 2,724; the 1,489 of it from partly covered quarters may be
    // a quarter out either way, so 3,000 fits as far as the quarters can tell, 3,400 not.
    let on = date(2023, 5, 20);
    assert_eq!(
        check(
            "Since 10 November 2022 the Home Office has carried out 3,000 enforced returns.",
            on,
            "3,000"
        ),
        "accurate 2724.4 [returns]"
    );
    assert_eq!(
        check(
            "Since 10 November 2022 the Home Office has carried out 3,400 enforced returns.",
            on,
            "3,400"
        ),
        "inaccurate 2724.4 [returns]"
    );
}

#[test]
fn revisions_of_provisional_figures() {
    // The latest year's figures are provisional and later releases revise them by up to
    // 5%; older figures move by 2% at most.
    let on = date(2025, 4, 1);
    assert_eq!(
        check("There were 6,650 enforced returns in 2023.", on, "6,650"),
        "accurate 6393.0 [returns]"
    );
    assert_eq!(
        check("There were 7,480 enforced returns in 2019.", on, "7,480"),
        "roughly_right 7198.0 [returns]"
    );
    // Said before the year's figures were published (in February), a count can only be a
    // preliminary one, which the published figures revise by more: 23,500 against the
    // 25,646 enforced and voluntary returns of 2023 is fair in January, close in April.
    let sentence = "There were 23,500 enforced and voluntary returns in 2023.";
    assert_eq!(
        check(sentence, date(2024, 1, 10), "23,500"),
        "accurate 25646.0 [returns]"
    );
    assert_eq!(
        check(sentence, date(2024, 4, 10), "23,500"),
        "roughly_right 25646.0 [returns]"
    );
}

#[test]
fn periods_relative_to_the_date() {
    assert_eq!(
        check(
            "Last year 29,437 people crossed the Channel in small boats.",
            date(2024, 2, 1),
            "29,437"
        ),
        "accurate 29437.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Enforced returns rose to 6,393 in the year ending December 2023.",
            date(2024, 3, 1),
            "6,393"
        ),
        "accurate 6393.0 [returns]"
    );
    // With no period stated, the latest figures out at the time: in January 2023 the
    // returns for 2022 were not yet published, and the latest year was to September 2022
    // (3,555); by March they were (3,855).
    let sentence = "The Home Office carried out 3,555 enforced returns.";
    assert_eq!(
        check(sentence, date(2023, 1, 20), "3,555"),
        "accurate 3555.0 [returns]"
    );
    assert_eq!(
        check(sentence, date(2023, 3, 20), "3,555"),
        "roughly_right 3855.0 [returns]"
    );
    // "So far this year" runs as far as the figures then out: in late November 2021 the
    // detention figures ran to September (Iraqis: 1,568), in mid-November only to June.
    let sentence = "So far this year 1,568 Iraqis have entered immigration detention.";
    assert_eq!(
        check(sentence, date(2021, 11, 26), "1,568"),
        "accurate 1568.0 [people_entering_detention]"
    );
    assert_eq!(
        check(sentence, date(2021, 11, 10), "1,568"),
        "inaccurate 610.0 [people_entering_detention]"
    );
    // A running total over years, said in mid-December 2023, when the published figures ran
    // to September, all but a twentieth of the period: those figures (14,501 enforced returns
    // from 2020 to September 2023), not an estimate to the day.
    assert_eq!(
        check(
            "Since 2020 the Home Office has carried out 14,500 enforced returns.",
            date(2023, 12, 13),
            "14,500"
        ),
        "accurate 14501.0 [returns]"
    );
    // Speakers telling of what they did count from their own records, up to the day: by 20
    // December 2020 about 2,853 foreign offenders had been returned that year (2,180 to
    // September, and 81 of the 92 days of the 764 in the last quarter), where the published
    // figures then ran to September. A tally claims at least as many, and the quarters
    // cannot rule out 2,900.
    assert_eq!(
        check(
            "We have removed 2,900 foreign criminals this year.",
            date(2020, 12, 20),
            "2,900"
        ),
        "accurate 2852.7 [returns_offenders_by_nationality]"
    );
    assert_eq!(
        check(
            "The Home Office has removed 2,900 foreign criminals so far this year.",
            date(2020, 12, 20),
            "2,900"
        ),
        "inaccurate 2180.0 [returns_offenders_by_nationality]"
    );
}

#[test]
fn what_the_data_cannot_check() {
    let on = date(2023, 6, 1);
    assert_eq!(
        check(
            "Officials warned that crossings could reach 80,000 this year.",
            on,
            "80,000"
        ),
        "not_checkable -"
    );
    assert_eq!(
        check(
            "The number of boats crossing fell to 602 vessels last year.",
            date(2024, 1, 5),
            "602"
        ),
        "not_checkable -"
    );
    assert_eq!(
        check(
            "The number of boats fell by a third in 2023.",
            date(2024, 3, 1),
            "fell by a third"
        ),
        "not_checkable -"
    );
    // People on the boats are people: the boats are the small-boat arrivals.
    assert_eq!(
        check(
            "The boats carried 8,466 people in 2020.",
            date(2024, 3, 1),
            "8,466"
        ),
        "accurate 8466.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Some 300 small boat arrivals have been returned to Peru since 2021.",
            on,
            "Some 300"
        ),
        "not_checkable -"
    );
    assert_eq!(
        check(
            "There were 9,000 people returned to Peru in 2031.",
            on,
            "9,000"
        ),
        "period_not_covered - [returns_by_destination]"
    );
}

#[test]
fn definitions_choose_the_reading() {
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "The Home Office deported 3,855 people in 2022.",
            on,
            "3,855"
        ),
        "accurate 3855.0 [returns]"
    );
    assert_eq!(
        check(
            "A total of 10,916 people left voluntarily in 2022.",
            on,
            "10,916"
        ),
        "accurate 10916.0 [returns]"
    );
    // "Helped to return" is the voluntary returns the Home Office assists or controls, not
    // those it only verifies afterwards; "returned, or helped to return" adds the enforced.
    let on = date(2020, 6, 1);
    assert_eq!(
        check(
            "In 2019 the Home Office helped to return 5,772 people.",
            on,
            "5,772"
        ),
        "accurate 5772.0 [returns]"
    );
    assert_eq!(
        check(
            "In 2019 the Home Office returned, or helped to return, about 13,000 people.",
            on,
            "about 13,000"
        ),
        "accurate 12970.0 [returns]"
    );
    // In a count, "men" and "women" are grown-ups first; boys and girls count under
    // another reading. In a share they split the whole by sex.
    let on = date(2022, 6, 1);
    assert_eq!(
        check(
            "About 21,500 men crossed the Channel in small boats in 2021.",
            on,
            "About 21,500"
        ),
        "accurate 21542.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Around 2,050 women arrived in small boats in 2021.",
            on,
            "Around 2,050"
        ),
        "accurate 2054.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Some 24,900 men crossed the Channel in small boats in 2021.",
            on,
            "Some 24,900"
        ),
        "accurate 24889.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Men made up 87 per cent of small boat arrivals in 2021.",
            on,
            "87 per cent"
        ),
        "accurate 87.3 [irregular_migration]"
    );
}

#[test]
fn records_and_superlatives() {
    assert_eq!(
        check(
            "Small boat arrivals reached record levels in 2022.",
            date(2023, 2, 1),
            "record levels"
        ),
        "accurate 1.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Small boat arrivals were the highest ever in 2020.",
            date(2021, 2, 1),
            "highest"
        ),
        "accurate 1.0 [irregular_migration]",
        "the highest of 2018 to 2020, the years before it"
    );
    assert_eq!(
        check(
            "Small boat arrivals were the highest ever in 2023.",
            date(2024, 2, 1),
            "highest"
        ),
        "inaccurate 2.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Enforced returns fell to their lowest level in 2023.",
            date(2024, 3, 1),
            "lowest"
        ),
        "inaccurate 4.0 [returns]"
    );
}

#[test]
fn records_reach_back_as_far_as_they_say() {
    let on = date(2024, 3, 1);
    assert_eq!(
        check(
            "Enforced returns in 2023 were the highest since 2020.",
            on,
            "highest"
        ),
        "accurate 1.0 [returns]",
        "above 2020, 2021 and 2022, though below earlier years"
    );
    assert_eq!(
        check(
            "Enforced returns in 2023 were the highest since 2015.",
            on,
            "highest"
        ),
        "inaccurate 5.0 [returns]",
        "fifth of the years after 2015"
    );
}

mod never_panics {
    use proptest::prelude::*;

    use super::{checker, date};

    const PIECES: [&str; 38] = [
        "more than 8,000",
        "İstanbul",
        "returned to the country",
        "since the end of last year",
        "—",
        "“",
        "Albanians",
        "in that time",
        "45%",
        "a third",
        "of small boat arrivals",
        "were men",
        "(36%)",
        "record levels",
        "peaked in 2002",
        "last month",
        "said",
        "fell by",
        "Q4 of 2020",
        "1 in 5",
        "highest since 2004",
        "compared with 2019",
        "doubled",
        "asylum applications",
        "foreign national offenders",
        "children",
        "125 a day",
        ", and",
        ", or",
        "year-on-year",
        "since the deal was signed",
        "women and children",
        "a five-year low",
        "the second largest group",
        "up 5,000 on",
        "fewer than in 2022",
        "averaged",
        "aged 18 to 30",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn checking_sentences_made_of_tricky_pieces(picks in proptest::collection::vec(0..PIECES.len(), 1..14)) {
            let text: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
            for checked in checker().check_sentence(&text.join(" "), date(2023, 5, 16)) {
                prop_assert!(!checked.explanation.is_empty());
            }
        }
    }
}

#[test]
fn rankings_of_countries() {
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "In 2022 the top three nationalities crossing the Channel in small boats were Albania, Afghanistan and Iran.",
            on,
            "top three"
        ),
        "accurate 3.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Afghans were the second most common nationality crossing the Channel in small boats in 2022.",
            on,
            "the second most common"
        ),
        "accurate 2.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Eritreans were the most common nationality crossing the Channel in small boats in 2022.",
            on,
            "the most common"
        ),
        "inaccurate 6.0 [irregular_migration]"
    );
    // A share said to come from a number of countries is the share of the largest that
    // many: in 2022 the top three were 60.3% of small boat arrivals, the top two 47.5%.
    assert_eq!(
        check(
            "Three nationalities accounted for 60% of the people crossing the Channel in small boats in 2022.",
            on,
            "60%"
        ),
        "accurate 60.3 [irregular_migration]"
    );
    assert_eq!(
        check(
            "In 2022 over half of small boat arrivals came from just two countries.",
            on,
            "over half"
        ),
        "roughly_right 47.5 [irregular_migration]"
    );
}

/// The verdict and decisive figure of each claim of sentences read in turn under a headline.
fn check_under(headline: &str, sentences: &[&str], on: Date) -> Vec<String> {
    let lines: Vec<check::Line<'_>> = sentences
        .iter()
        .map(|text| check::Line {
            text,
            speaker: None,
        })
        .collect();
    checker()
        .check_sentences_in_turn(&lines, Some(headline), on)
        .into_iter()
        .flatten()
        .map(|c| {
            let figure = c
                .decisive
                .and_then(|i| c.readings.get(i))
                .map_or("-".to_string(), |j| format!("{:.1}", j.figure.value));
            format!("{} {} {figure}", c.claim.words(), c.verdict.as_str())
        })
        .collect()
}

#[test]
fn the_headline_says_what_is_counted() {
    // The sentence names neither what is counted nor whose: the headline does both.
    assert_eq!(
        check_under(
            "Children crossing the Channel in small boats",
            &["In 2019 the number stood at 308, before climbing to 1,449 in 2020."],
            date(2021, 3, 1),
        ),
        ["308 accurate 308.0", "1,449 accurate 1449.0"]
    );
    assert_eq!(
        check_under(
            "Albanians deported from Britain",
            &["Only 892 faced enforced return to their homeland in the year to June 2022."],
            date(2023, 1, 15),
        ),
        ["Only 892 accurate 892.0"]
    );
    // A count that names nothing it counts is of the population the headline names: the
    // 3,091 foreign national offenders returned in 2022, not all 14,771 returns.
    assert_eq!(
        check_under(
            "Foreign criminals deported from Britain",
            &["The Home Office removed 3,100 last year."],
            date(2023, 3, 10),
        ),
        ["3,100 accurate 3091.0"]
    );
    assert_eq!(
        check_under(
            "Foreign criminals deported from Britain",
            &["The Home Office removed 3,100 people last year."],
            date(2023, 3, 10),
        ),
        ["3,100 inaccurate 14771.0"]
    );
    // Without the headline, nothing says what the figure counts.
    let alone = checker().check_sentence(
        "In 2019 the number stood at 308, before climbing to 1,449 in 2020.",
        date(2021, 3, 1),
    );
    assert!(alone.iter().all(|c| c.verdict.as_str() == "not_checkable"));
}

#[test]
fn a_forecast_shows_its_outcome_for_reference() {
    let checked = checker().check_sentence(
        "At this rate, small boat crossings could reach 50,000.",
        date(2022, 8, 1),
    );
    let forecast = &checked[0];
    assert_eq!(forecast.verdict.as_str(), "not_checkable");
    assert!(
        forecast
            .explanation
            .contains("2022Q1 to 2022Q4, come to 45,774"),
        "{}",
        forecast.explanation
    );
}

/// The tables of the readings of the first claim of a sentence.
fn tables(sentence: &str, on: Date) -> Vec<String> {
    let checked = checker().check_sentence(sentence, on);
    let mut tables: Vec<String> = checked[0]
        .readings
        .iter()
        .map(|j| j.reading.dataset.clone())
        .collect();
    tables.dedup();
    tables
}

#[test]
fn the_longer_measure_phrase_names_the_table() {
    // "entering" alone is an arrivals word; "entering detention" names detention.
    assert_eq!(
        tables(
            "Around 80 per cent of those entering detention in 2023 were men.",
            date(2024, 3, 1),
        ),
        ["people_entering_detention"]
    );
    assert_eq!(
        check(
            "Around 91 per cent of those entering detention in 2023 were men.",
            date(2024, 3, 1),
            "Around 91 per cent"
        ),
        "accurate 91.2 [people_entering_detention]"
    );
    // "came" inside the period is not an arrivals word.
    let since = tables(
        "Returns have risen sharply since Labour came to power.",
        date(2025, 3, 1),
    );
    assert!(
        !since.is_empty() && since.iter().all(|t| t.starts_with("returns")),
        "{since:?}"
    );
}

#[test]
fn shares_that_claimed_asylum() {
    assert_eq!(
        check(
            "In 2022, 90 per cent of small boat arrivals claimed asylum.",
            date(2024, 3, 1),
            "90 per cent"
        ),
        "accurate 90.4 [small_boat_asylum_applications]"
    );
}

#[test]
fn a_change_since_a_year_sets_that_year_against_the_latest() {
    // 2023 (29,437) against 2021 (28,526): the data end in 2023.
    assert_eq!(
        check(
            "Small boat arrivals have more than doubled since 2021.",
            date(2024, 3, 1),
            "more than doubled"
        ),
        "inaccurate 1.0 [irregular_migration]"
    );
}

#[test]
fn more_than_in_any_year_since() {
    // 25,646 enforced and voluntary returns in 2023; 2019 to 2022 were all lower.
    assert_eq!(
        check(
            "More people were returned in 2023 than in any year since 2019.",
            date(2024, 3, 1),
            "than in any year"
        ),
        "accurate 1.0 [returns]"
    );
    // 14,867 entered detention in 2020, fewer than in any year from 2010.
    assert_eq!(
        check(
            "Fewer people were detained in 2020 than in any year since 2010.",
            date(2024, 3, 1),
            "than in any year"
        ),
        "accurate 1.0 [people_entering_detention]"
    );
}

#[test]
fn a_trend_within_a_year_is_on_the_year_before() {
    // 29,437 in 2023 against 45,774 in 2022; within 2023 the quarters rose.
    assert_eq!(
        check(
            "Small boat arrivals fell back in 2023.",
            date(2024, 3, 1),
            "fell"
        ),
        "accurate -35.7 [irregular_migration]"
    );
}

#[test]
fn a_share_of_returns_is_of_the_usual_count() {
    // 6,393 enforced of 25,646 enforced and voluntary returns; of every return,
    // including refusals at port, 12.7%.
    assert_eq!(
        check(
            "Around a quarter of returns in 2023 were enforced.",
            date(2024, 3, 1),
            "Around a quarter"
        ),
        "accurate 24.9 [returns]"
    );
    // "entry" inside "refused entry at port" is not an arrival word.
    assert_eq!(
        tables(
            "Over 1,000 people were refused entry at port and returned in the first quarter of 2023.",
            date(2024, 3, 1),
        )[0],
        "returns"
    );
}

#[test]
fn two_claims_of_one_sentence_each_keep_their_own_measure() {
    let on = date(2023, 3, 1);
    let sentence =
        "In 2022 about 46,000 people crossed the Channel, and enforced returns rose by 38%.";
    // The crossing is the arrivals' measure: it does not make the returns unrecordable.
    assert_eq!(
        check(sentence, on, "about 46,000"),
        "accurate 45774.0 [irregular_migration]"
    );
    // Enforced returns went from 2,788 in 2021 to 3,855.
    assert_eq!(
        check(sentence, on, "rose by 38%"),
        "accurate 38.3 [returns]"
    );
}

#[test]
fn a_change_put_after_a_count_is_of_the_same_thing() {
    let on = date(2023, 3, 1);
    // Enforced returns alone rose by 38.3% in 2022; enforced and voluntary returns by 45.7%.
    assert_eq!(
        check(
            "There were 3,900 enforced returns in 2022, an increase of 38% on 2021.",
            on,
            "increase of 38%"
        ),
        "accurate 38.3 [returns]"
    );
}

#[test]
fn a_change_beyond_the_data_is_set_against_the_base_they_hold() {
    // The data end in 2023Q4: 2024Q3 is beyond them, but its base, 2023Q3, is not (7,026
    // enforced and voluntary returns).
    let checked = checker().check_sentence(
        "There were 8,400 enforced and voluntary returns between July and September 2024, a 20% increase on the same period last year.",
        date(2024, 12, 1),
    );
    let explanations: Vec<(&str, &str)> = checked
        .iter()
        .map(|c| (c.verdict.as_str(), c.explanation.as_str()))
        .collect();
    assert_eq!(explanations.len(), 2);
    assert_eq!(explanations[0].0, "period_not_covered");
    assert!(
        explanations[0].1.contains("come to 7,026")
            && explanations[0]
                .1
                .contains("\"8,400\" would be a change of +19.6%"),
        "{}",
        explanations[0].1
    );
    assert_eq!(explanations[1].0, "period_not_covered");
    assert!(
        explanations[1]
            .1
            .contains("would put 2024Q3 at about 8,431"),
        "{}",
        explanations[1].1
    );
    // The same figures, for tools that read them rather than the sentence.
    let context = |i: usize| -> Vec<(String, String)> {
        checked[i]
            .context
            .iter()
            .map(|a| (a.what.clone(), format!("{:.1}", a.value)))
            .collect()
    };
    let base = (
        "returns of people from the UK: enforced and voluntary returns, in 2023Q3".to_string(),
        "7026.0".to_string(),
    );
    assert_eq!(
        context(0),
        [
            (
                "the change from the base to \"8,400\"".to_string(),
                "19.6".to_string()
            ),
            base.clone()
        ]
    );
    assert_eq!(context(1), [base]);
}

#[test]
fn an_age_range_that_cuts_the_tables_bands() {
    let on = date(2023, 3, 1);
    let sentence = "Over 80% of small boat arrivals in 2022 were aged 18 to 30.";
    // The bands are 18 to 24 and 25 to 39: 18 to 24 alone is the nearer reading (34.5%),
    // and even 18 to 39 (74.4%) falls short.
    assert_eq!(
        check(sentence, on, "Over 80%"),
        "inaccurate 34.5 [irregular_migration]"
    );
    let checked = checker().check_sentence(sentence, on);
    assert!(
        checked[0].explanation.contains("aged 18 to 24, 25 to 39")
            && checked[0].explanation.contains("gives only"),
        "{}",
        checked[0].explanation
    );
    // A range one band holds exactly is read as that band, with no second reading.
    assert_eq!(
        check(
            "About 74% of small boat arrivals in 2022 were aged 18 to 39.",
            on,
            "About 74%"
        ),
        "accurate 74.4 [irregular_migration]"
    );
}

#[test]
fn comparisons_and_sharp_falls_without_numbers() {
    let on = date(2024, 2, 29);
    // 29,437 small-boat arrivals in 2023 against 45,774 in 2022.
    assert_eq!(
        check(
            "Fewer people crossed the Channel in 2023 than in 2022.",
            on,
            "Fewer"
        ),
        "accurate -35.7 [irregular_migration]"
    );
    // Voluntary returns: 30,210 in 2015 against 10,916 in 2022, the latest year published
    // by 23 February 2023, a fall of 64%; a sharp fall is a third or more.
    assert_eq!(
        check(
            "Voluntary returns have fallen sharply since 2015.",
            date(2023, 2, 23),
            "fallen sharply"
        ),
        "accurate -63.9 [returns]"
    );
}

#[test]
fn rates_and_counts_a_year_earlier() {
    let on = date(2023, 3, 1);
    // 45,774 small-boat arrivals in 2022: 125 a day, 878 a week (7 days in 365).
    assert_eq!(
        check(
            "Last year 45,000 people crossed the Channel, roughly 125 a day.",
            on,
            "roughly 125"
        ),
        "accurate 125.4 [irregular_migration]"
    );
    assert_eq!(
        check(
            "In 2022 some 1,200 people a week arrived in small boats.",
            on,
            "some 1,200"
        ),
        "inaccurate 877.9 [irregular_migration]"
    );
    // "A year earlier" after a plain count is that count's own period: 28,526 in 2021.
    assert_eq!(
        check(
            "Some 45,000 people crossed in small boats in 2022, against 28,526 a year earlier.",
            on,
            "28,526"
        ),
        "accurate 28526.0 [irregular_migration]"
    );
}

#[test]
fn the_same_period_of_a_named_year_and_most() {
    let on = date(2024, 3, 1);
    // 11,433 in the first half of 2023 against 12,747 in the first half of 2022.
    assert_eq!(
        check(
            "In the first half of 2023, 11,433 people crossed the Channel, down 10% on the same period of 2022.",
            on,
            "down 10%"
        ),
        "accurate -10.3 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Most people entering detention in 2022 were men.",
            on,
            "Most"
        ),
        "accurate 95.8 [people_entering_detention]"
    );
    // The detention table does not say who had claimed asylum.
    assert_eq!(
        check(
            "The number of asylum seekers held in detention doubled in 2022.",
            on,
            "doubled"
        ),
        "not_checkable -"
    );
}

#[test]
fn countries_named_in_a_list_are_counted_together() {
    let on = date(2023, 3, 1);
    // 12,658 Albanians and 9,088 Afghans of 45,774 small-boat arrivals in 2022.
    assert_eq!(
        check(
            "Albanians and Afghans made up about 47% of small boat arrivals in 2022.",
            on,
            "about 47%"
        ),
        "accurate 47.5 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Some 21,700 Albanians, and Afghans, crossed the Channel in small boats in 2022.",
            on,
            "Some 21,700"
        ),
        "accurate 21746.0 [irregular_migration]"
    );
}

#[test]
fn a_share_whose_part_leaves_voluntarily() {
    // 19,253 voluntary of 25,646 enforced and voluntary returns in 2023.
    assert_eq!(
        check(
            "Three in four people returned in 2023 left voluntarily.",
            date(2024, 3, 1),
            "Three in four"
        ),
        "accurate 75.1 [returns]"
    );
}

#[test]
fn a_share_counts_what_its_whole_names() {
    // The whole is asylum applications, which do not say how applicants arrived: the
    // arrivals table, which the part's words name, is no stand-in.
    assert_eq!(
        check(
            "Over half of asylum applications in 2022 were from people arriving on small boats.",
            date(2023, 1, 10),
            "Over half"
        ),
        "not_checkable -"
    );
    // The part's population has a table of its own (small-boat arrivals by whether they
    // claimed asylum): 41,194 of 45,574.
    assert_eq!(
        check(
            "Around 90% of small boat arrivals in 2022 claimed asylum.",
            date(2023, 1, 10),
            "Around 90%"
        ),
        "accurate 90.4 [small_boat_asylum_applications]"
    );
}

#[test]
fn periods_under_a_government_and_yearly_averages() {
    let checked = checker().check_sentence(
        "Under Rishi Sunak, returns have risen by 70%.",
        date(2023, 11, 20),
    );
    let period = checked[0].claim.period.as_ref().unwrap();
    assert_eq!(period.period.start.earliest, date(2022, 10, 25));
    // Enforced and voluntary returns: 132,496 over 2005 to 2008, 33,124 a year.
    assert_eq!(
        check(
            "Between 2005 and 2008, enforced and voluntary returns averaged around 33,000 a year.",
            date(2010, 1, 10),
            "around 33,000"
        ),
        "accurate 33124.0 [returns]"
    );
}

#[test]
fn differences_in_counts() {
    let on = date(2024, 3, 1);
    // Enforced and voluntary returns: 14,771 in 2022, 25,646 in 2023.
    assert_eq!(
        check(
            "In 2023 enforced and voluntary returns were up almost 11,000 on the year before.",
            on,
            "up almost 11,000"
        ),
        "accurate 10875.0 [returns]"
    );
    // Small-boat arrivals: 45,774 in 2022, 29,437 in 2023.
    assert_eq!(
        check(
            "Small boat arrivals fell by 20,000 in 2023.",
            on,
            "fell by 20,000"
        ),
        "inaccurate -16337.0 [irregular_migration]"
    );
}

#[test]
fn what_the_asylum_tables_do_not_record() {
    let on = date(2023, 6, 1);
    for sentence in [
        "The asylum backlog has reached a record 175,000 people.",
        "More than 51,000 asylum seekers are being housed in hotels.",
        "Around 3,000 Afghans were granted asylum in 2022.",
    ] {
        let checked = checker().check_sentence(sentence, on);
        assert_eq!(checked.len(), 1, "{sentence}");
        assert_eq!(checked[0].verdict.as_str(), "not_checkable", "{sentence}");
    }
}

#[test]
fn vague_magnitudes_reach_five_times_their_least() {
    let on = date(2024, 3, 1);
    // 5,324 Albanians entered detention in 2023: thousands, not hundreds.
    assert_eq!(
        check(
            "Thousands of Albanians were detained in 2023.",
            on,
            "Thousands"
        ),
        "accurate 5324.0 [people_entering_detention]"
    );
    assert_eq!(
        check(
            "Hundreds of Albanians were detained in 2023.",
            on,
            "Hundreds"
        ),
        "inaccurate 5324.0 [people_entering_detention]"
    );
}

#[test]
fn a_table_that_records_what_another_does_not_stands_in_for_it() {
    // The arrivals table does not say which children came alone; the small-boat asylum
    // table does: 3,546 unaccompanied children in 2022.
    assert_eq!(
        check(
            "Over 3,000 unaccompanied children arrived in small boats in 2022.",
            date(2024, 3, 1),
            "Over 3,000"
        ),
        "accurate 3546.0 [small_boat_asylum_applications]"
    );
    // The grant rate is in no table, and the reason says so.
    let checked = checker().check_sentence(
        "The initial grant rate for asylum claims was 76% last year.",
        date(2023, 6, 1),
    );
    assert!(
        checked[0].explanation.contains("\"grant rate\""),
        "{}",
        checked[0].explanation
    );
}

#[test]
fn records_over_a_stated_reach() {
    let on = date(2024, 3, 1);
    // Enforced returns: 7,198 in 2019, then 3,383, 2,788 and 3,855, then 6,393 in 2023.
    assert_eq!(
        check(
            "Enforced returns in 2023 were the highest since 2019.",
            on,
            "highest"
        ),
        "accurate 1.0 [returns]"
    );
    // Main applicants: 84,132 in 2002, 81,130 in 2022, no more than 50,042 in between.
    assert_eq!(
        check(
            "Asylum applications in 2022 were the highest for two decades.",
            on,
            "highest"
        ),
        "accurate 1.0 [applications]"
    );
    assert_eq!(
        check(
            "Asylum applications in 2022 were the highest in thirty years.",
            on,
            "highest"
        ),
        "roughly_right 2.0 [applications]"
    );
}

#[test]
fn a_union_of_a_sex_and_an_age_is_not_read_as_both() {
    // Filtering on female and on under-18 at once would count girls alone (3.7%).
    assert_eq!(
        check(
            "Women and children made up a quarter of small boat arrivals in 2022.",
            date(2023, 12, 1),
            "a quarter",
        ),
        "roughly_right 26.0 [irregular_migration]"
    );
}

#[test]
fn refusals_at_port_are_returns() {
    // 24,587 people refused entry at port and departed in 2023.
    assert_eq!(
        check(
            "Some 24,000 people were refused entry at port and left in 2023.",
            date(2024, 3, 1),
            "Some 24,000"
        ),
        "accurate 24587.0 [returns]"
    );
}

#[test]
fn a_change_set_against_a_figure_of_another_year() {
    // Enforced returns: 2,788 in 2021, 3,855 in 2022 (+38.3%); main applicants for asylum:
    // 35,737 in 2019, 81,130 in 2022 (2.27 times).
    assert_eq!(
        check(
            "Last year 3,900 people were deported, 38 per cent more than the 2,800 removed in 2021.",
            date(2023, 3, 5),
            "38 per cent more"
        ),
        "accurate 38.3 [returns]"
    );
    assert_eq!(
        check(
            "There were 81,000 asylum applications in 2022, more than double the number in 2019.",
            date(2023, 3, 5),
            "more than double"
        ),
        "accurate 2.3 [applications]"
    );
    // Arrivals by other words: 39,134 small-boat arrivals from 2018 to 2021.
    assert_eq!(
        check(
            "Between 2018 and 2021, roughly 39,000 migrants reached Britain in dinghies.",
            date(2022, 3, 1),
            "roughly 39,000"
        ),
        "accurate 39134.0 [irregular_migration]"
    );
}

#[test]
fn counts_and_shares_put_after_a_count_share_its_words() {
    // 87 children entered detention in 2020 and 98 in 2019.
    assert_eq!(
        check(
            "The Home Office detained 90 children in 2020, down from about 100 in 2019.",
            date(2021, 9, 16),
            "about 100"
        ),
        "accurate 98.0 [people_entering_detention]"
    );
    // 10,916 voluntary returns in 2022: a share of something, not of nothing.
    let checked = checker().check_sentence(
        "Last year some 10,700 people went home voluntarily, 28% of all returns.",
        date(2023, 3, 5),
    );
    assert_ne!(checked[1].verdict.as_str(), "not_checkable");
    // A share in brackets after the words naming its whole: 12,543 adult men among 15,070
    // Albanian main applicants in 2022.
    assert_eq!(
        check(
            "Albanian asylum applicants in 2022 (83%) were mostly adult men.",
            date(2023, 2, 23),
            "83%"
        ),
        "accurate 83.2 [applications]"
    );
}

#[test]
fn a_share_of_all_returns_counts_refusals_at_port_too() {
    // 10,916 voluntary returns of 38,295 returns of every kind in 2022 (14,771 enforced and
    // voluntary).
    assert_eq!(
        check(
            "Last year some 10,900 people went home voluntarily, 28% of all returns.",
            date(2023, 3, 5),
            "28%"
        ),
        "accurate 28.5 [returns]"
    );
}

#[test]
fn a_speakers_own_record_is_their_term_of_office() {
    // Foreign national offenders returned from 24 July 2019 to 6 September 2022, day-weighted:
    // about 9,926.
    let by = |sentence: &str, speaker: Option<&str>| {
        let checked = checker().check_sentence_by(sentence, date(2024, 2, 7), speaker);
        let claim = &checked[0];
        let figure = claim
            .decisive
            .and_then(|d| claim.readings.get(d))
            .map_or("-".to_string(), |j| format!("{:.0}", j.figure.value));
        let period = claim
            .claim
            .period
            .as_ref()
            .map_or(String::new(), |p| p.period.derivation.clone());
        format!("{} {figure} | {period}", claim.verdict.as_str())
    };
    let own = "I oversaw the return of about 10,000 foreign criminals.";
    assert_eq!(
        by(own, Some("Priti Patel MP")),
        "accurate 9926 | no period is stated, and the speaker speaks of their own record: Priti Patel's term as Home Secretary, 24 July 2019 to 6 September 2022"
    );
    // Anyone else, or no one known, speaks of the latest year.
    assert!(
        by(own, Some("Sam Other")).ends_with("(2023)"),
        "{}",
        by(own, Some("Sam Other"))
    );
    assert!(by(own, None).ends_with("(2023)"), "{}", by(own, None));
    // In the third person there is no own record.
    let told = "She oversaw the return of about 10,000 foreign criminals.";
    assert!(by(told, Some("Priti Patel")).ends_with("(2023)"));
    // "My time as Home Secretary" is the term of whoever says it, if the table holds it.
    let mine = "During my time as Home Secretary, 5,000 foreign criminals were deported.";
    assert!(
        by(mine, Some("Mr Javid"))
            .contains("Sajid Javid's term as Home Secretary, 30 April 2018 to 24 July 2019"),
        "{}",
        by(mine, Some("Mr Javid"))
    );
    assert!(
        by(mine, None).starts_with("not_checkable - |"),
        "{}",
        by(mine, None)
    );
}

#[test]
fn every_country_but_one() {
    // 14,721 enforced and voluntary returns of people of every nationality but Moldovan in
    // 2022.
    let on = date(2023, 6, 1);
    assert_eq!(
        check(
            "About 14,700 non-Moldovan nationals were returned in 2022.",
            on,
            "About 14,700"
        ),
        "accurate 14721.0 [returns]"
    );
    assert_eq!(
        check(
            "About 14,700 people other than Moldovans were returned in 2022.",
            on,
            "About 14,700"
        ),
        "accurate 14721.0 [returns]"
    );
    // "The country" does not refer back to a country excluded.
    let checked = checker().check_sentence(
        "About 14,700 non-Moldovan nationals were returned in 2022.",
        on,
    );
    assert!(checked[0].claim.entities.iter().all(|e| e.excluded));
}

#[test]
fn the_country_refers_back_as_a_destination_or_a_nationality() {
    // "From the country" names the country of the sentence before, as a nationality.
    assert_eq!(
        check_under(
            "Channel crossings",
            &[
                "Iran was among the most common nationalities on the boats in 2022.",
                "About 5,800 people from the country made the crossing that year.",
            ],
            date(2023, 3, 1),
        )[1],
        "About 5,800 accurate 5841.0"
    );
    // "From this country" is the speaker's own, so it names no country.
    let own = check_under(
        "Channel crossings",
        &[
            "Iran was among the most common nationalities on the boats in 2022.",
            "About 5,800 people from this country made the crossing that year.",
        ],
        date(2023, 3, 1),
    );
    assert_eq!(own[1], "About 5,800 inaccurate 45774.0");
}

#[test]
fn a_quarter_without_a_year_is_the_latest_begun() {
    // Said in March, "the final quarter" is the one just gone, not one still to come.
    assert_eq!(
        check(
            "Small boat arrivals fell to about 12,700 in the final quarter.",
            date(2023, 3, 12),
            "about 12,700"
        ),
        "accurate 12726.0 [irregular_migration]"
    );
}

#[test]
fn women_and_children_are_either_group() {
    // Women of every age and children of both sexes: 3,458 women and girls and 3,711 boys
    // and children of unrecorded sex, not the 873 girls that both filters at once keep.
    assert_eq!(
        check(
            "Around 7,000 women and children arrived by small boat in 2023.",
            date(2024, 6, 1),
            "Around 7,000"
        ),
        "accurate 7169.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Children and women were more than a third of small boat arrivals in 2023.",
            date(2024, 6, 1),
            "more than a third"
        ),
        "inaccurate 24.4 [irregular_migration]"
    );
}

#[test]
fn a_change_over_several_years_runs_from_the_first_to_the_last() {
    // 2023's 72,464 main applicants against 2014's 25,033, not the decade's total against
    // the decade before.
    assert_eq!(
        check(
            "Asylum claims have more than doubled over the last decade.",
            date(2024, 6, 1),
            "more than doubled"
        ),
        "accurate 2.9 [applications]"
    );
    // A trend over years is the same comparison, not the drift from one quarter to another.
    assert_eq!(
        check(
            "From 2019 to 2022, the number of Albanians returned went up.",
            date(2023, 6, 1),
            "went up"
        ),
        "accurate 69.2 [returns]"
    );
}

#[test]
fn a_day_or_a_week_cannot_be_read_from_quarters() {
    // A day-weighted share of a quarter says nothing of one day's crossings.
    for sentence in [
        "A record 800 people crossed the Channel in small boats on Monday.",
        "Some 300 migrants arrived in small boats yesterday.",
    ] {
        let why = not_checkable_because(sentence, date(2022, 8, 3));
        assert!(why.contains("cannot show one day"), "{why}");
    }
    // A month still can be, as a share of its quarter.
    assert_eq!(
        check(
            "In July about 6,800 people arrived in small boats.",
            date(2022, 8, 3),
            "about 6,800"
        ),
        "accurate 6840.6 [irregular_migration]"
    );
}

#[test]
fn an_unrecorded_share_gives_its_whole() {
    // No table says which returns were of small boat arrivals, but the arrivals are counted:
    // 114,345 from 2018 to 2023, and 3,000 of them would be 2.6%.
    let checked = checker().check_sentence(
        "Some 3,000 small boat arrivals were returned between 2018 and 2023, about 2.6% of all small boat arrivals.",
        date(2024, 3, 1),
    );
    assert_eq!(checked.len(), 2);
    assert!(
        checked
            .iter()
            .all(|c| c.verdict.as_str() == "not_checkable")
    );
    let share = &checked[1];
    assert_eq!(share.context[0].value, 114_345.0);
    assert!(share.context[0].what.starts_with("the whole: "));
    let count = &checked[0];
    assert_eq!(count.context[0].value, 114_345.0);
    assert!(
        (count.context[1].value - 2.62).abs() < 0.01,
        "{:?}",
        count.context
    );
    assert!(
        count.explanation.contains("would be 2.6% of it"),
        "{}",
        count.explanation
    );
}

#[test]
fn the_latest_figures_of_a_table_published_daily() {
    // Small-boat arrivals are published every day. With no period stated, a claim speaks of
    // the figures as they stand: once two quarters of the year are in, the year so far
    // (11,433 in the first half of 2023); before that, the last full year (45,774 in 2022).
    let sentence = "Around 11,400 people have crossed the Channel in small boats.";
    assert_eq!(
        check(sentence, date(2023, 8, 10), "Around 11,400"),
        "accurate 11433.0 [irregular_migration]"
    );
    assert_eq!(
        check(sentence, date(2023, 4, 20), "Around 11,400"),
        "inaccurate 45774.0 [irregular_migration]"
    );
}

#[test]
fn a_running_total_to_date_may_be_a_few_days_old() {
    // "So far this year", said on 4 July 2023, rests on the daily total of 1 to 4 July:
    // 11,433 in the first half and 13,397 over the 92 days of the third quarter give
    // 11,578.6 to 12,015.5, day-weighted, with 11,724.2 at the middle (2 July).
    let sentence = "So far this year 11,700 people have crossed the Channel in small boats.";
    let checked = checker().check_sentence(sentence, date(2023, 7, 4));
    let claim = &checked[0];
    assert_eq!(claim.verdict.as_str(), "accurate");
    let figure = &claim.readings[claim.decisive.unwrap()].figure;
    let close = |a: f64, b: f64| (a - b).abs() < 0.1;
    assert!(close(figure.value, 11_724.2), "{}", figure.value);
    assert!(close(figure.range.0, 11_578.6), "{:?}", figure.range);
    assert!(close(figure.range.1, 12_015.5), "{:?}", figure.range);
    // "On the same point last year" is the same stretch, its end as fuzzy: 1 January to 1-4
    // July 2022 (12,747 in the first half, 20,301 over 92 days after) against 2023's.
    let sentence =
        "So far this year arrivals by small boat are down 14 per cent on the same point last year.";
    let checked = checker().check_sentence(sentence, date(2023, 7, 4));
    let figure = &checked[0].readings[checked[0].decisive.unwrap()].figure;
    let base = 12_747.0 + 2.0 / 92.0 * 20_301.0;
    let now = 11_433.0 + 2.0 / 92.0 * 13_397.0;
    assert!(
        close(figure.value, 100.0 * (now / base - 1.0)),
        "{}",
        figure.value
    );
    assert_eq!(checked[0].verdict.as_str(), "roughly_right");
}

#[test]
fn a_season_begins_on_a_fuzzy_day() {
    // Summer 2022 begins on a day from 1 June to 1 July: Albanians were 41.6% of small-boat
    // arrivals from June to August, 44.5% in July and August (2,194 of 8,199 in the second
    // quarter, 9,044 of 20,301 in the third), 43.0% from 16 June, the middle. "About 43%"
    // allows 42% to 44%, which holds for some summers and not others: roughly right.
    let checked = checker().check_sentence(
        "Over the summer about 43% of those who crossed the Channel in small boats were Albanian.",
        date(2022, 9, 5),
    );
    let claim = &checked[0];
    assert_eq!(claim.verdict.as_str(), "roughly_right");
    let figure = &claim.readings[claim.decisive.unwrap()].figure;
    let close = |a: f64, b: f64| (a - b).abs() < 0.05;
    assert!(close(figure.value, 42.95), "{}", figure.value);
    // The range runs from the narrowest reading of the period to the widest.
    assert!(close(figure.range.0, 44.55), "{:?}", figure.range);
    assert!(close(figure.range.1, 41.61), "{:?}", figure.range);
}

#[test]
fn when_the_figures_began_says_which_table() {
    // Nothing names what is counted, but only the arrivals tables begin in 2018 (small-boat
    // arrivals: 8,466 in 2020), and only the returns tables in 2004 (enforced and voluntary
    // returns: 28,409 in 2005).
    assert_eq!(
        check(
            "The 2020 total of 8,466 was then the highest since figures began to be collected in 2018.",
            date(2021, 3, 1),
            "8,466"
        ),
        "accurate 8466.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "In 2005 the total reached 28,400, the most since records began in 2004.",
            date(2021, 3, 1),
            "28,400"
        ),
        "accurate 28409.0 [returns]"
    );
    // Without it, nothing says what the figure counts.
    assert_eq!(
        check(
            "The 2020 total of 8,466 was then the highest on record.",
            date(2021, 3, 1),
            "8,466"
        ),
        "not_checkable -"
    );
}

#[test]
fn a_record_beyond_the_data_shows_the_record_to_beat() {
    // "This Home Secretary" is the term under way (from 5 July 2024, said in August 2025),
    // which the data do not reach. Two records, each of its own words: the highest enforced
    // and voluntary returns over any four quarters running were 47,125 (2011Q4 to 2012Q3);
    // the highest enforced returns 21,425 (2004).
    let checked = checker().check_sentence(
        "Under this Home Secretary we have seen record levels of returns, and record levels of deportations.",
        date(2025, 8, 1),
    );
    let context: Vec<(&str, f64)> = checked
        .iter()
        .map(|c| {
            assert_eq!(c.verdict.as_str(), "period_not_covered");
            let aside = c.context.last().expect("a record to beat");
            (aside.what.as_str(), aside.value)
        })
        .collect();
    assert_eq!(
        context,
        [
            (
                "the highest the data hold: returns of people from the UK: enforced and voluntary returns, 2011Q4 to 2012Q3",
                47_125.0
            ),
            (
                "the highest the data hold: returns of people from the UK: enforced return, 2004Q1 to 2004Q4",
                21_425.0
            )
        ]
    );
}

#[test]
fn a_vague_past_reaches_further_back_than_last_year() {
    // Enforced and voluntary returns in the first half of 2023 (11,792, as far as the
    // figures then ran) were 5,305 more than a year before, but fewer than in the same half
    // of 2013 (23,436): right of the recent past only.
    assert_eq!(
        check(
            "We are removing thousands more people this year than we have in the past.",
            date(2023, 10, 18),
            "thousands more"
        ),
        "roughly_right 5305.0 [returns]"
    );
    // The 45,774 small-boat arrivals of 2022 were 17,248 more than in 2021, and more than that
    // above every earlier year.
    assert_eq!(
        check(
            "Over 15,000 more people crossed the Channel in small boats in 2022 than in the past.",
            date(2023, 3, 1),
            "Over 15,000 more"
        ),
        "accurate 17248.0 [irregular_migration]"
    );
}

#[test]
fn records_said_after_a_count() {
    // 24,587 people were refused entry at port and departed in 2023; 2008's 32,665 was higher,
    // so "the highest since 2004" is not borne out, whatever the count.
    let sentence = "Port refusals reached 24,587 in 2023, the highest since 2004.";
    let on = date(2024, 3, 1);
    assert_eq!(check(sentence, on, "24,587"), "accurate 24587.0 [returns]");
    // It ranks sixth among the years since 2004.
    assert_eq!(check(sentence, on, "highest"), "inaccurate 6.0 [returns]");
}

#[test]
fn applications_are_main_applicants_or_people() {
    // Asylum applications in 2022: 81,130 main applicants, 99,939 people with dependants.
    // A count of people read as applications is borne out by the less usual reading.
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "There were 81,130 asylum applications in 2022.",
            on,
            "81,130"
        ),
        "accurate 81130.0 [applications]"
    );
    assert_eq!(
        check(
            "There were 99,939 asylum applications in 2022.",
            on,
            "99,939"
        ),
        "accurate 99939.0 [applications]"
    );
}

#[test]
fn verbs_that_say_more_than() {
    // 12,726 small-boat arrivals in the last quarter of 2022: "topped 13,000" is close, not
    // borne out; "topped 12,000" is.
    let on = date(2023, 3, 1);
    assert_eq!(
        check(
            "Small boat arrivals in the fourth quarter of 2022 topped 13,000.",
            on,
            "topped 13,000"
        ),
        "roughly_right 12726.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Small boat arrivals in the fourth quarter of 2022 topped 12,000.",
            on,
            "topped 12,000"
        ),
        "accurate 12726.0 [irregular_migration]"
    );
}

#[test]
fn up_on_the_same_period_of_a_named_year() {
    // Main applicants: 59,262 in the first nine months of 2024 against 54,660 in those of
    // 2023, not the 72,464 of the whole year.
    assert_eq!(
        check(
            "Asylum applications in the first nine months of 2024 were up on the same period of 2023.",
            date(2024, 12, 1),
            "were up"
        ),
        "accurate 8.4 [applications]"
    );
}

#[test]
fn a_value_named_by_its_own_term_is_not_read_loosely() {
    // In the year to September 2023 enforced returns rose by 55.0% (3,555 to 5,511),
    // enforced and voluntary returns by 71.1%. "Deportations" is said loosely of returns in
    // general, so the wider count is a fair if less natural reading; "enforced returns" is
    // the term for the narrower one, and the claim stands or falls by it.
    let on = date(2023, 12, 1);
    assert_eq!(
        check(
            "Enforced returns in the year to September 2023 rose by 70%.",
            on,
            "rose by 70%"
        ),
        "inaccurate 55.0 [returns]"
    );
    assert_eq!(
        check(
            "Deportations in the year to September 2023 rose by 70%.",
            on,
            "rose by 70%"
        ),
        "roughly_right 71.1 [returns]"
    );
}

#[test]
fn bases_before_an_event_and_beyond_the_data() {
    // "Before the pandemic" is 2019, the last full year before the first lockdown: 7,198
    // enforced returns, against 6,393 in 2023.
    assert_eq!(
        check(
            "Enforced returns in 2023 were still lower than before the pandemic.",
            date(2024, 3, 1),
            "lower"
        ),
        "accurate -11.2 [returns]"
    );
    // The data hold 2023 but not 2001: it is the base that is beyond them, and the
    // explanation says so.
    let checked = checker().check_sentence(
        "Enforced returns in 2023 were 80% higher than in 2001.",
        date(2024, 3, 1),
    );
    assert_eq!(checked[0].verdict.as_str(), "period_not_covered");
    assert!(
        checked[0]
            .explanation
            .contains("is set against 2001Q1 to 2001Q4, which the data"),
        "{}",
        checked[0].explanation
    );
}

#[test]
fn a_change_over_the_years_to_a_year() {
    // "The ten years to 2019" are 2010 to 2019: enforced returns fell from 13,928 to 7,198.
    assert_eq!(
        check(
            "Enforced removals fell by more than 40 per cent in the ten years to 2019.",
            date(2020, 3, 1),
            "fell by more than 40 per cent"
        ),
        "accurate -48.3 [returns]"
    );
}

#[test]
fn a_level_as_a_fraction_of_an_earlier_one() {
    // Enforced returns: 3,855 in 2022 against 7,198 in 2019 (0.54 times), and 13,928 in 2010
    // (0.28 times).
    let on = date(2024, 3, 1);
    assert_eq!(
        check(
            "Enforced returns in 2022 were about half what they were in 2019.",
            on,
            "about half"
        ),
        "accurate 0.5 [returns]"
    );
    assert_eq!(
        check(
            "Enforced returns in 2022 were less than a quarter of the level in 2010.",
            on,
            "less than a quarter"
        ),
        "roughly_right 0.3 [returns]"
    );
}

#[test]
fn a_record_of_any_quarter() {
    // Small-boat arrivals: 8,199 in 2022Q2, behind 11,167 in 2021Q3 and 11,442 in 2021Q4
    // (third of all quarters); 20,301 in 2022Q3, the most of any quarter. Against the same
    // quarter of other years alone, 2022Q2 would have been a record.
    let on = date(2022, 12, 20);
    assert_eq!(
        check(
            "Small boat arrivals in the second quarter of 2022 were the highest of any quarter on record.",
            on,
            "highest"
        ),
        "inaccurate 3.0 [irregular_migration]"
    );
    assert_eq!(
        check(
            "Small boat arrivals in the third quarter of 2022 were the highest of any quarter on record.",
            on,
            "highest"
        ),
        "accurate 1.0 [irregular_migration]"
    );
}

#[test]
fn forecasts_of_a_direction_and_claims_of_asylum() {
    // A trend said of the future is a forecast, shown with its outcome: 2023 fell 35.7%.
    let checked = checker().check_sentence(
        "Small boat arrivals are likely to rise again this year.",
        date(2023, 3, 1),
    );
    assert_eq!(checked[0].verdict.as_str(), "not_checkable");
    assert!(
        checked[0].explanation.contains("changed by -35.7%"),
        "{}",
        checked[0].explanation
    );
    // Of 45,574 small-boat arrivals in 2022, 41,194 raised an asylum application.
    assert_eq!(
        check(
            "Some 40,000 asylum applications in 2022 were made by people who arrived on small boats.",
            date(2023, 3, 1),
            "Some 40,000"
        ),
        "accurate 41194.0 [small_boat_asylum_applications]"
    );
}

#[test]
fn a_country_right_after_a_number_is_that_numbers() {
    // 7,698 Albanians entered detention in 2022, of 20,873 people in all.
    let checked = checker().check_sentence(
        "There were 7,698 Albanians among the 20,873 people who entered detention in 2022.",
        date(2023, 3, 1),
    );
    let figures: Vec<(String, f64)> = checked
        .iter()
        .map(|c| {
            let j = &c.readings[c.decisive.unwrap()];
            (c.verdict.as_str().to_string(), j.figure.value)
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("accurate".to_string(), 7_698.0),
            ("accurate".to_string(), 20_873.0)
        ]
    );
}

#[test]
fn a_record_reaching_back_before_the_figures() {
    // Small-boat arrivals begin in 2018: 2021's 28,526 is the highest of 2018 to 2021, and
    // the explanation says the years from 2015 cannot be compared.
    let checked = checker().check_sentence(
        "Small boat arrivals in 2021 were higher than in any year since 2015.",
        date(2022, 3, 1),
    );
    assert_eq!(checked[0].verdict.as_str(), "accurate");
    assert!(
        checked[0]
            .explanation
            .contains("the figures begin in 2018Q1"),
        "{}",
        checked[0].explanation
    );
}

#[test]
fn sentences_that_lean_on_those_before() {
    // "The figure" two sentences on still counts what the first sentence counted: children
    // entering detention in 2023 (18 of 15,864).
    assert_eq!(
        check_under(
            "Latest figures",
            &[
                "Some 15,864 people entered immigration detention in 2023.",
                "Of those, 1,364 were women.",
                "The figure for children was just 18.",
            ],
            date(2024, 3, 1),
        ),
        [
            "Some 15,864 accurate 15864.0",
            "1,364 accurate 1364.0",
            "just 18 accurate 18.0"
        ]
    );
    // "Of those" takes the people counted before, Afghans who crossed in 2023 (5,545), as
    // the whole: 1,141 children are 20.6% of them. "The figure" the year before is theirs.
    assert_eq!(
        check_under(
            "Latest figures",
            &[
                "Some 5,545 Afghans crossed the Channel in small boats in 2023.",
                "Of those, around 20 per cent were children.",
                "The figure was down from 9,088 the year before.",
            ],
            date(2024, 3, 1),
        ),
        [
            "Some 5,545 accurate 5545.0",
            "around 20 per cent accurate 20.6",
            "9,088 accurate 9088.0"
        ]
    );
}

#[test]
fn where_people_were_first_detained() {
    // 3,449 of the 15,864 people entering detention in 2023 were first held in a prison.
    assert_eq!(
        check(
            "More than one in five people entering detention in 2023 were first held in a prison.",
            date(2024, 3, 1),
            "More than one in five"
        ),
        "accurate 21.7 [people_entering_detention]"
    );
}

#[test]
fn each_clause_has_its_own_country() {
    // Asylum applications (main applicants) in 2023: Iraqis 2,686, down 35.5% from 4,164;
    // Eritreans 3,523, up 14.1% from 3,088.
    let sentence = "Iraqi asylum applications fell by more than a third in 2023, while Eritrean applications rose by around 14 per cent.";
    let on = date(2024, 3, 1);
    assert_eq!(
        check(sentence, on, "fell by more than a third"),
        "accurate -35.5 [applications]"
    );
    assert_eq!(
        check(sentence, on, "rose by around 14 per cent"),
        "accurate 14.1 [applications]"
    );
}

#[test]
fn a_records_reach_and_subject_stay_in_its_clause() {
    let on = date(2024, 3, 1);
    // "Since 2019" is how far back the record reaches, not the period of the 1,089 foreign
    // offenders returned in the last quarter of 2023.
    let sentence = "In the last quarter of 2023, 1,918 people were deported, the highest quarterly figure since 2019, and 1,089 foreign criminals were removed.";
    assert_eq!(
        check(sentence, on, "1,089"),
        "accurate 1089.0 [returns_offenders_by_nationality]"
    );
    // The second clause's own subject: enforced returns (6,393 in 2023, the most since
    // 2019), not the first clause's voluntary returns.
    let sentence = "Voluntary returns in 2023 were the highest since 2017, while enforced returns were the highest since 2019.";
    let checked = checker().check_sentence(sentence, on);
    let second = &checked[1];
    let judged = &second.readings[second.decisive.unwrap()];
    assert_eq!(
        judged.reading.description,
        "returns of people from the UK: enforced return"
    );
    assert_eq!(second.verdict.as_str(), "accurate");
}

#[test]
fn forecasts_early_in_the_year_and_counts_a_change_reaches() {
    // On 5 January "this year" is young but still the forecast's year; the count after
    // "after" is last year's, not part of the forecast (45,774 in 2022).
    let sentence = "Crossings could exceed 65,000 this year, after 45,756 last year.";
    let on = date(2023, 1, 5);
    assert_eq!(check(sentence, on, "65,000"), "not_checkable -");
    assert_eq!(
        check(sentence, on, "45,756"),
        "accurate 45774.0 [irregular_migration]"
    );
    // "Fell ... between 2021 and 2023 to 15,864": 15,864 is 2023's count, and the change
    // and the figure it reaches stand or fall together.
    let sentence =
        "Between 2021 and 2023, the number of people entering detention fell by 36% to 15,864.";
    let on = date(2024, 3, 1);
    assert_eq!(
        check(sentence, on, "15,864"),
        "accurate 15864.0 [people_entering_detention]"
    );
    assert_eq!(
        check(sentence, on, "fell by 36%"),
        "accurate -35.6 [people_entering_detention]"
    );
    // Said with a comma and a year between, a change and its figure still stand together:
    // Albanian enforced returns were 1.38 times 2021's, so "more than doubled" is wrong,
    // and so is the 958 it reaches.
    let sentence = "Enforced returns of Albanians more than doubled in 2022, to almost 1,000.";
    assert_eq!(
        check(sentence, date(2023, 3, 5), "almost 1,000"),
        "inaccurate 958.0 [returns]"
    );
}

#[test]
fn the_record_to_beat_reaches_back_as_far_as_the_claim() {
    // "The highest since 2018", said of a year the data do not reach: the record to beat is
    // the highest four quarters running after 2018 (enforced returns: 7,198 in 2019), not
    // 2004's 21,425.
    let checked = checker().check_sentence(
        "Enforced returns in 2025 were the highest since 2018.",
        date(2026, 2, 1),
    );
    assert_eq!(checked[0].verdict.as_str(), "period_not_covered");
    let aside = checked[0].context.last().expect("a record to beat");
    assert_eq!(aside.value, 7_198.0, "{}", aside.what);
}

#[test]
fn since_a_party_took_office_and_times_in_the_next_clause() {
    // "Since taking office", said of Labour, is since 5 July 2024: beyond the data.
    assert_eq!(
        check(
            "Labour has removed 16,400 people since taking office in July, the Home Office said.",
            date(2025, 1, 15),
            "16,400"
        ),
        "period_not_covered - [returns]"
    );
    // "Last year" opens the next clause: it is the 3,800's, not the 2,000's. Said on 1
    // June 2023: enforced returns in 2023 so far (to 1 June, day-weighted) and in 2022.
    let sentence =
        "This year we have removed more than 2,000 people, and last year we removed 3,800.";
    let on = date(2023, 6, 1);
    let checked = checker().check_sentence(sentence, on);
    let years: Vec<i16> = checked
        .iter()
        .map(|c| {
            c.claim
                .period
                .as_ref()
                .unwrap()
                .period
                .start
                .earliest
                .year()
        })
        .collect();
    assert_eq!(years, [2023, 2022]);
}

#[test]
fn a_base_under_a_past_government_lies_within_its_term() {
    // Said on 2 January 2024, the latest year published ran to September 2023; the same
    // twelve months under the last Labour government (to May 2010) are those to September
    // 2009: 12,517 enforced returns against 5,511.
    assert_eq!(
        check(
            "Enforced returns are down 50 per cent compared to the last Labour Government.",
            date(2024, 1, 2),
            "down 50 per cent"
        ),
        "inaccurate -56.0 [returns]"
    );
}

#[test]
fn periods_against_the_end_of_the_data() {
    // Said in March 2024, "the last 12 months" are moved back to end with the data, keeping
    // their length: 2023 (3,926 foreign offenders returned).
    assert_eq!(
        check(
            "In the last 12 months, 3,926 foreign criminals have been deported.",
            date(2024, 3, 1),
            "3,926"
        ),
        "accurate 3926.0 [returns_offenders_by_nationality]"
    );
    // The year so far, wholly after the data, is not covered (rather than cut to nothing).
    assert_eq!(
        check(
            "So far this year, 2,000 people have crossed the Channel.",
            date(2024, 2, 15),
            "2,000"
        ),
        "period_not_covered - [irregular_migration]"
    );
    // "This year compared with last year" in November is the same stretch of each: small-boat
    // arrivals to 17-20 November, 27,284 against 39,826 (-31.5%), where the whole of 2022 had
    // 45,774.
    assert_eq!(
        check(
            "Small boat arrivals are down by a third this year compared with last year.",
            date(2023, 11, 20),
            "down by a third"
        ),
        "roughly_right -31.5 [irregular_migration]"
    );
}

#[test]
fn clauses_with_their_own_subject() {
    // ", with Sudanese claims up by a third" opens a clause of its own: the 15% is Syria's
    // (3,389 to 3,885, +14.6%).
    assert_eq!(
        check(
            "Syrians made 3,885 asylum claims in 2022, up 15 per cent, with Sudanese claims up by a third.",
            date(2023, 3, 1),
            "up 15 per cent"
        ),
        "accurate 14.6 [applications]"
    );
    // Leaning on a sentence before for what is counted, the headline still says whose
    // figures they are: foreign offenders (1,467 Albanians in 2023, 847 in 2022).
    assert_eq!(
        check_under(
            "Foreign criminals deported",
            &[
                "The Home Office removed 3,926 last year.",
                "That is an average of more than 75 a week.",
                "The figure for Albanians was 1,467, up from 847 the year before.",
            ],
            date(2024, 3, 1),
        ),
        [
            "3,926 accurate 3926.0",
            "more than 75 a week accurate 75.3",
            "1,467 accurate 1467.0",
            "847 accurate 847.0"
        ]
    );
}

#[test]
fn the_whole_of_a_share_said_by_a_pronoun_or_the_usual_count() {
    // "Of them" is the people just counted, small-boat arrivals since 2018: 14,644 of 87,352
    // to 1 March 2023 were children (16.8%), so "one in seven" is close.
    assert_eq!(
        check(
            "Since 2018, more than 85,000 people have crossed the Channel, one in seven of them children.",
            date(2023, 3, 1),
            "one in seven"
        ),
        "roughly_right 16.8 [irregular_migration]"
    );
    // "All arrivals", after a count of Channel crossings, are all small-boat arrivals: in
    // 2021, 4,307 children of 28,526 (15.1%), not of every route.
    assert_eq!(
        check(
            "More than 4,000 children crossed the Channel last year, one in seven of all arrivals.",
            date(2022, 1, 5),
            "one in seven"
        ),
        "accurate 15.1 [irregular_migration]"
    );
}

#[test]
fn a_fraction_of_a_peak_and_a_record_for_almost_so_many_years() {
    // People claiming asylum (with dependants): 37,898 in 2018 against 103,081 in 2002.
    assert_eq!(
        check(
            "The number of people claiming asylum in 2018 was less than half the 2002 peak.",
            date(2019, 3, 1),
            "less than half"
        ),
        "accurate 0.4 [applications]"
    );
    // "For almost 20 years" reaches back to 2003: main applicants in 2022 (81,130) were the
    // most since then, though 2002 had 84,132.
    assert_eq!(
        check(
            "There were 74,751 asylum applications in 2022, the highest number for almost 20 years.",
            date(2023, 2, 23),
            "highest"
        ),
        "accurate 1.0 [applications]"
    );
}

#[test]
fn a_multiple_after_a_count_and_the_same_period_last_year() {
    // ", double the 2021 figure" is of the same air arrivals: 5,130 in 2022, 2,561 in 2021.
    assert_eq!(
        check(
            "Around 5,100 people arrived by air without proper documents in 2022, double the 2021 figure.",
            date(2023, 3, 1),
            "double"
        ),
        "accurate 2.0 [irregular_migration]"
    );
    // "In the same period last year" moves the sentence before's period back a year: the
    // first half of 2022 (12,747).
    assert_eq!(
        check_under(
            "Latest figures",
            &[
                "Between January and June 2023, 11,433 people crossed the Channel in small boats.",
                "In the same period last year, the figure was 12,747.",
            ],
            date(2023, 9, 1),
        ),
        ["11,433 accurate 11433.0", "12,747 accurate 12747.0"]
    );
}

#[test]
fn a_claim_of_now_soon_after_a_returns_pact_counts_from_the_pact() {
    // Said on 1 May 2023, four and a half months after the UK-Albania communiqué of 13
    // December 2022 (a dated event of the table): returns of Albanian nationals since then,
    // the quarters partly covered weighted by day. The tables hold 622 (2022Q4), 923
    // (2023Q1) and 1,521 (2023Q2): 622 × 19/92 + 923 + 1,521 × 31/91 = 1,569.6.
    let sentence = "More than 1,500 Albanian nationals have now been returned, the minister says.";
    assert_eq!(
        check(sentence, date(2023, 5, 1), "More than 1,500"),
        "accurate 1569.6 [returns]"
    );
    let checked = checker().check_sentence(sentence, date(2023, 5, 1));
    let period = checked[0].claim.period.as_ref().unwrap();
    assert_eq!(period.via, extract::Via::Event);
    assert!(period.period.derivation.contains("communiqué"));
    // In the past tense the claim is of the last full year, as for any claim stating no
    // period: 436 + 408 + 544 + 622 in 2022.
    assert_eq!(
        check(
            "More than 1,500 Albanian nationals were returned, the minister says.",
            date(2023, 5, 1),
            "More than 1,500"
        ),
        "accurate 2010.0 [returns]"
    );
}

#[test]
fn an_opening_whole_says_who_the_part_counts() {
    // "Of the N who crossed, M claimed asylum": M counts small-boat arrivals who claimed
    // asylum (41,194 in 2022), not arrivals, nor all asylum applications.
    let sentence = "Of the 45,000 people who crossed the Channel in 2022, 40,000 claimed asylum.";
    assert_eq!(
        check(sentence, date(2023, 6, 1), "40,000"),
        "accurate 41194.0 [small_boat_asylum_applications]"
    );
}

#[test]
fn a_destination_region_is_not_a_nationality() {
    // "Deported to EU countries" counts returns by destination region (1,832 enforced
    // returns to EU countries in 2022), not returns of EU nationals (1,816).
    assert_eq!(
        check(
            "Some 1,800 people were deported to EU countries in 2022.",
            date(2023, 6, 1),
            "Some 1,800"
        ),
        "accurate 1832.0 [returns_by_destination]"
    );
    assert_eq!(
        check(
            "Some 1,800 EU nationals were deported in 2022.",
            date(2023, 6, 1),
            "Some 1,800"
        ),
        "accurate 1816.0 [returns]"
    );
}

#[test]
fn what_is_included_narrows_nothing() {
    // "Including those refused entry at port": every return, 8,915 in 2022Q2, not the
    // port refusals alone (5,691).
    assert_eq!(
        check(
            "Around 8,900 people were returned in the second quarter of 2022, including those refused entry at port.",
            date(2022, 11, 24),
            "Around 8,900"
        ),
        "accurate 8915.0 [returns]"
    );
    // "Claimed asylum, including dependants": main applicants and dependants, 41,194.
    assert_eq!(
        check(
            "Some 41,000 people who crossed in small boats in 2022 claimed asylum, including dependants.",
            date(2023, 3, 1),
            "Some 41,000"
        ),
        "accurate 41194.0 [small_boat_asylum_applications]"
    );
}

#[test]
fn a_whole_of_those_doing_something_is_named_in_full() {
    // "Of those entering detention" names the whole; "of those" alone refers back.
    assert_eq!(
        check(
            "Men made up more than 90 per cent of those entering detention in 2023.",
            date(2024, 3, 1),
            "more than 90 per cent"
        ),
        "accurate 91.2 [people_entering_detention]"
    );
    assert_eq!(
        check(
            "Some 29,000 people crossed in 2023, and one in eight of those were women.",
            date(2024, 3, 1),
            "one in eight"
        ),
        "accurate 11.7 [irregular_migration]"
    );
}

#[test]
fn more_than_halved_is_a_fall_of_more_than_half() {
    // Enforced returns: 3,383 in 2020 against 7,198 in 2019, 0.47 times.
    assert_eq!(
        check(
            "Enforced returns more than halved in 2020 compared with 2019.",
            date(2021, 3, 1),
            "more than halved"
        ),
        "accurate 0.5 [returns]"
    );
    assert_eq!(
        check(
            "Enforced returns almost halved in 2020 compared with 2019.",
            date(2021, 3, 1),
            "almost halved"
        ),
        "roughly_right 0.5 [returns]"
    );
}

#[test]
fn removed_or_gone_voluntarily_is_both_kinds_of_return() {
    // Enforced and voluntary returns in 2015: 43,131; voluntary alone: 30,210.
    assert_eq!(
        check(
            "Over 43,000 people were removed or departed voluntarily in 2015.",
            date(2016, 3, 1),
            "Over 43,000"
        ),
        "accurate 43131.0 [returns]"
    );
    assert_eq!(
        check(
            "In 2015, 43,000 people were returned, either by force or voluntarily.",
            date(2016, 3, 1),
            "43,000"
        ),
        "accurate 43131.0 [returns]"
    );
}

#[test]
fn the_previous_twelve_months_are_before_the_claims_own() {
    // Small-boat arrivals, 2022Q3 to 2023Q2 (44,460) against 2021Q3 to 2022Q2 (35,356):
    // +25.7%, not a change on the twelve months before the claim was made.
    assert_eq!(
        check(
            "In the year to June 2023, 44,000 people arrived by small boat, up by a quarter on the previous twelve months.",
            date(2023, 8, 24),
            "up by a quarter"
        ),
        "accurate 25.7 [irregular_migration]"
    );
}

#[test]
fn a_trend_over_the_year_so_far_is_on_the_same_stretch_of_the_year_before() {
    // Said on 20 December 2023: arrivals from 1 January against the same days of 2022,
    // down about a third; not the drift from the first quarter (3,793) to the last (4,607).
    let found = check(
        "Small boat arrivals have fallen this year.",
        date(2023, 12, 20),
        "fallen",
    );
    assert!(found.starts_with("accurate -34."), "{found}");
    // "Every quarter" is the drift from quarter to quarter: enforced returns went from 908
    // in 2022Q1 to 877 in 2022Q2.
    assert!(
        check(
            "Enforced returns have risen every quarter so far this year.",
            date(2022, 10, 1),
            "risen"
        )
        .starts_with("inaccurate")
    );
    // "Since January" is the drift within the year.
    assert_eq!(
        check(
            "Small boat arrivals have risen since January.",
            date(2023, 12, 20),
            "risen"
        )
        .split(' ')
        .next(),
        Some("accurate")
    );
}

#[test]
fn the_figure_for_a_narrower_population_counts_in_its_table() {
    let in_turn = |sentences: &[&str], on: Date| -> (String, String, f64) {
        let checked = read_in_turn(sentences, on);
        let second = &checked[1][0];
        let decisive = &second.readings[second.decisive.unwrap()];
        (
            second.verdict.as_str().to_string(),
            decisive.reading.dataset.clone(),
            decisive.figure.value,
        )
    };
    assert_eq!(
        in_turn(
            &[
                "Enforced returns fell to 2,788 in 2021.",
                "The figure for foreign national offenders was 2,706."
            ],
            date(2022, 3, 1)
        ),
        (
            "accurate".to_string(),
            "returns_offenders_by_nationality".to_string(),
            2706.0
        )
    );
    // "The figure including dependants" keeps the country of the sentence before: Afghan
    // applicants in 2023, 9,710 with dependants.
    assert_eq!(
        in_turn(
            &[
                "Asylum applications from Afghans fell to 7,795 in 2023.",
                "The figure including dependants was around 9,700."
            ],
            date(2024, 3, 1)
        ),
        ("accurate".to_string(), "applications".to_string(), 9710.0)
    );
}

#[test]
fn since_then_is_a_change_from_the_period_before() {
    // Albanians entering detention: 7,698 in 2022, 5,324 in 2023 (-30.8%). "Since then",
    // said in February 2024, sets the latest full year against the sentence before's.
    let checked = read_in_turn(
        &[
            "Some 7,698 Albanians entered detention in 2022.",
            "Since then the number has fallen by nearly a third.",
        ],
        date(2024, 2, 29),
    );
    let change = &checked[1][0];
    let decisive = &change.readings[change.decisive.unwrap()];
    assert_eq!(decisive.reading.dataset, "people_entering_detention");
    assert!(
        (decisive.figure.value - -30.84).abs() < 0.01,
        "{}",
        decisive.figure.value
    );
    assert_eq!(
        change.claim.base.as_ref().map(|b| b.period.start.earliest),
        Some(date(2022, 1, 1))
    );
}

#[test]
fn a_ranking_of_destinations_ranks_the_country_returned_to() {
    // Returns by destination in 2022 (enforced and voluntary): Albania 1,852, India 1,603,
    // Brazil 1,153.
    let checked = checker().check_sentence(
        "Brazil was the third most common destination for returns in 2022.",
        date(2023, 3, 1),
    );
    assert_eq!(checked.len(), 1);
    let ranking = &checked[0];
    assert_eq!(ranking.verdict.as_str(), "accurate");
    let decisive = &ranking.readings[ranking.decisive.unwrap()];
    assert_eq!(decisive.reading.dataset, "returns_by_destination");
    assert!(
        ranking
            .explanation
            .contains("ALB 1,852, IND 1,603, BRA 1,153"),
        "{}",
        ranking.explanation
    );
    let wrong = checker().check_sentence(
        "Nigeria was the most common destination for returns in 2022.",
        date(2023, 3, 1),
    );
    assert_eq!(wrong[0].verdict.as_str(), "inaccurate");
}

#[test]
fn routes_other_than_small_boats() {
    // Inadequately documented air arrivals: 4,769 in 2018, 5,237 in 2019 (+9.8%).
    assert_eq!(
        check(
            "Detections of people arriving at airports without proper documents rose by 10 per cent in 2019.",
            date(2020, 3, 1),
            "rose by 10 per cent"
        ),
        "accurate 9.8 [irregular_migration]"
    );
    // Recorded detections at UK ports: 962 in 2019, 841 in 2020; a trend of detections.
    assert_eq!(
        check(
            "Detections of people hidden in lorries at UK ports fell in 2020.",
            date(2021, 3, 1),
            "fell"
        ),
        "accurate -12.6 [irregular_migration]"
    );
}

#[test]
fn people_not_returned_or_leaving_detention_are_not_counted() {
    for sentence in [
        "Thousands of offenders have avoided deportation by lodging late appeals.",
        "Around 2,000 people were released from detention on immigration bail in 2023.",
    ] {
        let why = not_checkable_because(sentence, date(2024, 3, 1));
        assert!(
            why.contains("does not record") || why.contains("do not record"),
            "{why}"
        );
    }
}

#[test]
fn overtaking_a_total_is_a_comparison_with_it() {
    // Said on 1 September 2021: arrivals so far in 2021 (about 13,300, day-weighted) against
    // the whole of 2020 (8,466).
    for sentence in [
        "Small boat arrivals this year have already overtaken the total for the whole of 2020.",
        "Small boat arrivals this year have already surpassed last year's total.",
    ] {
        let checked = checker().check_sentence(sentence, date(2021, 9, 1));
        assert_eq!(checked.len(), 1, "{sentence}");
        let c = &checked[0];
        assert_eq!(c.verdict.as_str(), "accurate", "{sentence}");
        assert!(
            c.explanation.contains("from 8,466 in 2020Q1 to 2020Q4"),
            "{}",
            c.explanation
        );
    }
    // Not overtaken: no more than the base. Arrivals in 2023 (29,437) were below 2022's.
    let checked = checker().check_sentence(
        "Small boat arrivals in 2023 have not surpassed the total for 2022.",
        date(2024, 3, 1),
    );
    assert_eq!(checked[0].verdict.as_str(), "accurate");
}

#[test]
fn returns_to_the_home_country() {
    // Voluntary returns in 2023 to the returnee's home country: 13,551 of 19,253 (70.4%).
    assert_eq!(
        check(
            "Seven in ten voluntary returns in 2023 were to the returnee's home country.",
            date(2024, 3, 1),
            "Seven in ten"
        ),
        "accurate 70.4 [returns]"
    );
}

#[test]
fn a_place_other_than_first() {
    // Small-boat arrivals by year: 2022 45,774; 2023 29,437; 2021 28,526.
    assert!(
        check(
            "Small boat arrivals in 2021 were the third highest on record.",
            date(2024, 1, 20),
            "third highest"
        )
        .starts_with("accurate 3.0")
    );
    assert!(
        check(
            "Small boat arrivals in 2021 were the second highest on record.",
            date(2024, 1, 20),
            "second highest"
        )
        .starts_with("inaccurate 3.0")
    );
    // By quarter: 2023Q3 (13,397) second only to 2022Q3 (20,301).
    assert!(
        check(
            "Arrivals by small boat between July and September 2023 were the second highest for any quarter on record.",
            date(2024, 1, 20),
            "second highest"
        )
        .starts_with("accurate 2.0")
    );
}
