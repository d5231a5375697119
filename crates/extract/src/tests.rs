//! Extraction, checked on sentences written for the purpose.

use countries::Gazetteer;
use jiff::civil::date;

use crate::{Assertion, Claim, Context, Hedge, sentence_claims_alone};

fn context(gazetteer: &Gazetteer) -> Context<'_> {
    Context {
        published: date(2024, 3, 10),
        events: &[],
        gazetteer,
        home: Some("GBR"),
        speaker: None,
    }
}

fn claims(text: &str) -> Vec<Claim> {
    sentence_claims_alone(text, &context(&Gazetteer::new()))
}

#[test]
fn finds_roles_of_countries() {
    let found = claims("Some 1,200 Moldovan nationals were sent back to Moldova in 2023.");
    assert_eq!(found.len(), 1);
    let roles: Vec<String> = found[0]
        .entities
        .iter()
        .map(|e| format!("{}:{:?}", e.code, e.role))
        .collect();
    assert_eq!(roles, ["MDA:Nationality", "MDA:Destination"]);
}

#[test]
fn a_share_of_a_number_of_countries() {
    let found =
        claims("Nearly 70% of the people removed last year were citizens of just 12 countries.");
    assert_eq!(found.len(), 1, "the 12 counts countries, not people");
    assert_eq!(found[0].top_countries, Some(12));
    let found = claims("More than half came from four different nationalities in 2023.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].top_countries, Some(4));
    let ranking = claims("In 2023 the top four nationalities were Syria, Chad, Peru and Laos.");
    assert!(ranking.iter().all(|c| c.top_countries.is_none()));
    let text = "The Home Office’s figures show 70% came from five main countries in 2023.";
    let (span, n) = crate::assertions::countries_counted(text).unwrap();
    assert_eq!((&text[span], n), ("five main countries", 5));
    let count = claims("Some 3,000 people from five countries were detained in 2023.");
    assert_eq!(count.len(), 1);
    assert_eq!(
        count[0].top_countries, None,
        "only a share is of the largest countries"
    );
}

#[test]
fn trend_without_number() {
    let found = claims("The number of Peruvian arrivals has fallen sharply since 2021.");
    assert_eq!(found.len(), 1);
    assert!(matches!(
        found[0].assertion,
        Assertion::Trend { strong: true, .. }
    ));
}

#[test]
fn forecast_is_hedged() {
    let found = claims("Officials warned the total could reach 70,000 in 2025.");
    assert!(found[0].hedge.is_some());
    let projected = |text: &str| {
        claims(text)
            .first()
            .and_then(|c| c.hedge.clone())
            .map(|h| matches!(h, Hedge::Forecast { .. }))
    };
    assert_eq!(
        projected("At this rate, some 9,000 will have arrived by the summer."),
        Some(true)
    );
    assert_eq!(
        projected("More than 9,000 people will have arrived by the summer."),
        Some(true)
    );
    assert_eq!(
        projected("More than 9,000 people have arrived in 2023."),
        None
    );
}

mod never_panics {
    use proptest::prelude::*;

    use super::claims;

    const PIECES: [&str; 24] = [
        "more than 8,000",
        "İstanbul",
        "the country",
        "since the end of last year",
        "—",
        "“",
        "”",
        "Albanians",
        "returned to",
        "in that time",
        "45%",
        "a third",
        "of",
        "were men",
        "(36%)",
        "record levels",
        "peaked in 2002",
        "last month",
        "said",
        "fell by",
        "Q4 of 2020",
        "ǅ",
        "1 in 5",
        "highest since 2004",
    ];

    proptest! {
        #[test]
        fn on_sentences_made_of_tricky_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..16)) {
            let text: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
            let text = text.join(" ");
            for claim in claims(&text) {
                prop_assert!(claim.sentence.get(claim.span.clone()).is_some());
                for e in &claim.entities {
                    prop_assert!(claim.sentence.get(e.span.clone()).is_some());
                }
            }
        }

        #[test]
        fn on_any_text(text in "\\PC{0,200}") {
            let _ = claims(&text);
        }
    }
}

#[test]
fn a_period_beyond_another_number_is_that_numbers() {
    let found = claims("In 2019 the total was 650, and it doubled to 1,300 in 2021.");
    let periods: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.words(), c.period.as_ref().map_or("", |p| p.text.as_str())))
        .collect();
    assert_eq!(
        periods,
        [
            ("650", "In 2019"),
            ("doubled", "in 2021"),
            ("1,300", "in 2021")
        ]
    );
}

#[test]
fn a_period_past_a_clause_break_and_another_number_is_not_shared() {
    let found = claims(
        "Around 900 people have been flown home — one of the three goals set for this year.",
    );
    let periods: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.words(), c.period.as_ref().map_or("", |p| p.text.as_str())))
        .collect();
    assert_eq!(periods[0].0, "Around 900");
    assert_ne!(periods[0].1, "for this year");
    // Without the break, the period is shared as before.
    let found = claims("Some 1,200 men and 300 women arrived in 2022.");
    assert!(
        found
            .iter()
            .all(|c| c.period.as_ref().unwrap().text == "in 2022")
    );
}

#[test]
fn a_forecast_without_a_period_is_about_the_year_it_is_made_in() {
    let found = claims("At this pace, crossings could reach 40,000.");
    let period = &found[0].period.as_ref().unwrap().period;
    assert_eq!(period.start.earliest, date(2024, 1, 1));
    assert_eq!(period.end.latest, date(2024, 12, 31));
}

#[test]
fn a_headline_names_the_country_their_homeland_refers_to() {
    let gazetteer = Gazetteer::new();
    let found = crate::sentences_claims_in_turn(
        &[crate::Line {
            text: "Some 400 were flown back to their homeland in 2023.",
            speaker: None,
        }],
        Some("Georgians Sent Home on Charter Flights"),
        &context(&gazetteer),
    );
    let claim = &found[0][0];
    assert_eq!(
        claim.headline.as_deref(),
        Some("Georgians Sent Home on Charter Flights")
    );
    let roles: Vec<String> = claim
        .entities
        .iter()
        .map(|e| format!("{}:{:?}", e.code, e.role))
        .collect();
    assert_eq!(roles, ["GEO:Destination"]);
}

#[test]
fn a_change_put_after_a_count_by_a_comma_shares_its_words() {
    let text = "There were 5,200 enforced returns in the quarter, up 20% on a year earlier.";
    let found = claims(text);
    let enforced = text.find("enforced").unwrap();
    let span = enforced..enforced + "enforced".len();
    let owners: Vec<(&str, bool)> = found.iter().map(|c| (c.words(), c.owns(&span))).collect();
    assert_eq!(owners, [("5,200", true), ("up 20%", true)]);
    // A change with a clause of its own keeps to its own words.
    let text = "There were 5,200 enforced returns, while the total number of returns rose by 20%.";
    let found = claims(text);
    let owners: Vec<bool> = found.iter().map(|c| c.owns(&span)).collect();
    assert_eq!(owners, [true, false]);
}

#[test]
fn a_comparison_with_no_number_is_a_trend_against_the_period_after_than() {
    let found = claims("Fewer people were detained in 2023 than in 2021.");
    assert_eq!(found.len(), 1);
    assert!(matches!(
        found[0].assertion,
        Assertion::Trend {
            direction: quantity::Direction::Down,
            strong: false
        }
    ));
    assert_eq!(found[0].period.as_ref().unwrap().text, "in 2023");
    assert_eq!(found[0].base.as_ref().unwrap().text, "than in 2021");
    // Without a statistical subject, a comparison is not a claim about the figures.
    assert!(claims("Ministers said more must be done than in 2021.").is_empty());
}

#[test]
fn how_far_back_a_record_reaches() {
    let horizon = |text: &str| claims(text)[0].horizon.map(|d| d.to_string());
    // "Since 2019" compares with the years after 2019; "since records began in 2004" counts
    // 2004 too.
    assert_eq!(
        horizon("Returns in 2023 were the highest since 2019.").as_deref(),
        Some("2020-01-01")
    );
    assert_eq!(
        horizon("Returns in 2023 were the lowest since records began in 2004.").as_deref(),
        Some("2004-01-01")
    );
    assert_eq!(
        horizon("Arrivals in 2022 were the highest for two decades.").as_deref(),
        Some("2003-01-01")
    );
    assert_eq!(
        horizon("Detention fell to a five-year low in 2018.").as_deref(),
        Some("2014-01-01")
    );
    assert_eq!(
        horizon("Arrivals hit a record high in 2022.").as_deref(),
        None
    );
    // "In the past five years" reaches back; "last year" is when the record was set.
    assert_eq!(
        horizon("Returns in 2023 were the highest in the past five years.").as_deref(),
        Some("2019-01-01")
    );
    let record = claims("Detentions reached their highest level last year.");
    assert_eq!(record[0].horizon, None);
    assert!(record[0].period.is_some());
}

#[test]
fn rankings_by_any_superlative() {
    let position = |text: &str| match claims(text).first().map(|c| &c.assertion) {
        Some(Assertion::Ranking { position, .. }) => *position,
        _ => None,
    };
    assert_eq!(
        position("Eritreans were the second largest group of arrivals in 2023."),
        Some(2)
    );
    assert_eq!(
        position("Iraq was the third biggest country of origin in 2021."),
        Some(3)
    );
    assert_eq!(
        position("Albanians were the most common nationality in 2022."),
        Some(1)
    );
}

#[test]
fn numbered_rankings_and_bases_led_to_by_words() {
    let found =
        claims("The five most common nationalities were Iran, Iraq, Eritrea, Syria and Sudan.");
    assert!(matches!(
        found[0].assertion,
        Assertion::Ranking {
            top: 5,
            position: None,
            destination: false
        }
    ));
    // "Up 18% on 2023 and nearly double the number in 2021": each change has its own base.
    let found =
        claims("Some 90,000 applied in 2023, up 18% on 2022 and nearly double the number in 2021.");
    let bases: Vec<(&str, &str)> = found
        .iter()
        .filter_map(|c| Some((c.words(), c.base.as_ref()?.text.as_str())))
        .collect();
    assert_eq!(
        bases[bases.len() - 2..],
        [("up 18%", "on 2022"), ("nearly double", "in 2021")]
    );
}

#[test]
fn own_record_is_the_first_person_in_the_past() {
    use crate::periods::own_record;
    assert!(own_record("I oversaw the removal of 5,000 people."));
    assert!(own_record("Last month I returned 300 to Exampleland."));
    assert!(own_record("As minister I have deported more than anyone."));
    assert!(own_record("I’ve removed 2,000."));
    assert!(!own_record("I need 5,000 more officers."));
    assert!(!own_record("We removed 5,000 people."));
    assert!(!own_record("She oversaw the removal of 5,000 people."));
    assert!(!own_record("I think 5,000 were removed."));
}

#[test]
fn ongoing_is_the_present_progressive_or_perfect() {
    use crate::periods::ongoing;
    assert!(ongoing("Hundreds are returning home every month."));
    assert!(ongoing("Thousands are now being flown back."));
    assert!(ongoing("Some 300 have been removed."));
    assert!(ongoing("Those who’ve arrived have already been sent back."));
    assert!(ongoing("The number has fallen."));
    assert!(!ongoing("Some 300 were removed."));
    assert!(!ongoing("They have 300 places."));
    assert!(!ongoing("The figure is high."));
}

#[test]
fn a_claim_of_now_soon_after_an_event_counts_from_it() {
    let events = temporal::parse_events(
        r#"[{"name": "the Exampleland pact", "start": "2023-11-20", "aliases": [],
             "about": ["exampleland", "examplelanders"], "concerns": ["returned"]}]"#,
    )
    .unwrap();
    let gazetteer = Gazetteer::new();
    let context = Context {
        events: &events,
        ..context(&gazetteer)
    };
    let period = |text: &str| {
        let found = sentence_claims_alone(text, &context);
        let p = found[0].period.clone().expect("a period");
        (p.via, p.period.start.earliest, p.period.end.latest)
    };
    assert_eq!(
        period("Some 300 Examplelanders have been returned."),
        (crate::Via::Event, date(2023, 11, 20), date(2024, 3, 10))
    );
    // Said in the past tense, or of arrivals, the claim is of the last full year.
    assert_eq!(
        period("Some 300 Examplelanders were returned.").0,
        crate::Via::Assumed
    );
    assert_eq!(
        period("Some 300 Examplelanders have arrived.").0,
        crate::Via::Assumed
    );
    // A stated period wins.
    assert_eq!(
        period("Some 300 Examplelanders have been returned in 2023.").0,
        crate::Via::Stated
    );
}

#[test]
fn a_country_can_be_excluded() {
    let found =
        claims("Some 5,000 non-Moldovan nationals and 300 Peruvians were returned in 2023.");
    let entities: Vec<(String, bool)> = found[0]
        .entities
        .iter()
        .map(|e| (e.via.clone(), e.excluded))
        .collect();
    assert_eq!(
        entities,
        [
            ("non-Moldovan".to_string(), true),
            ("Peruvians".to_string(), false)
        ]
    );
}

#[test]
fn a_count_of_what_the_statistics_do_not_count_is_hedged() {
    for (text, words) in [
        (
            "The minister named her three priorities for returns this year.",
            "priorities",
        ),
        (
            "Two ministers flew to Tirana in 2022 to discuss removals.",
            "ministers",
        ),
        (
            "The Home Office opened four new detention centres in 2021.",
            "centres",
        ),
        (
            "One of the party's six pledges was to cut arrivals.",
            "pledges",
        ),
    ] {
        let found = claims(text);
        assert!(
            found.iter().any(|c| c.hedge
                == Some(Hedge::OtherCount {
                    words: words.to_string()
                })),
            "{text}: {:?}",
            found.iter().map(|c| &c.hedge).collect::<Vec<_>>()
        );
    }
    // The people counted may come after words that describe them.
    for text in [
        "Some 4,000 young Albanian men arrived in 2022.",
        "About 3,000 small boat arrivals were children.",
        "Over 2,000 people in hotels applied for asylum in 2021.",
    ] {
        assert!(claims(text).iter().all(|c| c.hedge.is_none()), "{text}");
    }
}

#[test]
fn a_day_named_beside_another_period_is_when_it_was_said() {
    // The figures were published on a Thursday; what they count is the year to December.
    let found = claims(
        "Data published on Thursday show 91,000 people claimed asylum in the year to December 2023.",
    );
    let period = found[0].period.as_ref().expect("a period");
    assert_eq!(period.text, "in the year to December 2023");
    // "Told MPs on Tuesday": the day it was said, which ends "so far this year".
    let found =
        claims("The minister told MPs on Tuesday that 20,000 people had crossed so far this year.");
    let said = found[0].said.as_ref().expect("when it was said");
    assert_eq!(said.text, "on Tuesday");
    // "Last week's" names when something happened, never what is counted.
    let found = claims(
        "At last week's committee hearing the minister said 7,000 people had been deported.",
    );
    assert!(
        found[0]
            .period
            .as_ref()
            .is_none_or(|p| p.text != "At last week")
    );
    // With no other period, the day is the claim's own.
    let found = claims("A record 900 people crossed the Channel on Monday.");
    assert_eq!(
        found[0].period.as_ref().expect("a period").text,
        "on Monday"
    );
}

#[test]
fn a_speakers_own_tally_claims_at_least_that_many() {
    let qualifier = |text: &str| {
        claims(text)
            .first()
            .and_then(|c| c.quantity())
            .map(|q| q.qualifier)
    };
    use quantity::Qualifier::{AtLeast, Exact};
    assert_eq!(
        qualifier("We have deported 2,300 so far this year."),
        Some(AtLeast)
    );
    assert_eq!(
        qualifier("\u{201c}We've now returned 640 to Georgia.\u{201d}"),
        Some(AtLeast)
    );
    assert_eq!(qualifier("I have removed 75 this month."), Some(AtLeast));
    // Someone else's tally, a number qualified, or a verb not next to it: as said.
    assert_eq!(qualifier("They have removed 2,300 this year."), Some(Exact));
    assert_eq!(
        qualifier("We have removed just 300 this year."),
        Some(Exact)
    );
    assert_eq!(
        qualifier("We have seen 2,300 arrivals this year."),
        Some(Exact)
    );
}

#[test]
fn when_the_figures_began_is_not_a_period() {
    let text = "In 2021 the count – the highest since records began in 2009 – rose.";
    let (span, year) = crate::series_began(text).unwrap();
    assert_eq!((&text[span], year), ("since records began in 2009", 2009));
    assert_eq!(
        crate::series_began("Since 2009, records show a rise."),
        None
    );
    let found =
        claims("The total of 4,100 was the most since figures began to be collected in 2011.");
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .period
            .as_ref()
            .is_none_or(|p| p.period.start.earliest.year() != 2011),
        "{:?}",
        found[0].period
    );
    // Said as a running total, it is the period.
    let found = claims("Since records began in 2011, some 40,000 have been detained.");
    assert_eq!(
        found[0]
            .period
            .as_ref()
            .map(|p| p.period.start.earliest.year()),
        Some(2011)
    );
}

#[test]
fn records_said_in_turn_are_each_a_claim() {
    let found = claims("We saw record levels of arrests, record levels of removals.");
    let records: Vec<&str> = found
        .iter()
        .filter(|c| matches!(c.assertion, Assertion::Record { .. }))
        .map(|c| c.words())
        .collect();
    assert_eq!(records, ["record levels", "record levels"]);
    let removals = found[1].sentence.find("removals").unwrap();
    let span = removals..removals + "removals".len();
    assert!(!found[0].owns(&span) && found[1].owns(&span));
}

#[test]
fn a_comparison_with_a_vague_past() {
    let past = |text: &str| claims(text).first().map(|c| c.against_the_past);
    assert_eq!(
        past("We are deporting 5,000 more people this year than we have in the past."),
        Some(true)
    );
    assert_eq!(past("Arrivals are 20% lower than before."), Some(true));
    assert_eq!(
        past("Arrivals were 20% lower than in the past decade."),
        Some(false)
    );
    assert_eq!(
        past("Arrivals were 20% lower than before the pandemic."),
        Some(false)
    );
    assert_eq!(past("Arrivals rose by 20% in 2023."), Some(false));
}

#[test]
fn a_record_after_a_count_is_a_claim_of_the_same_thing() {
    let found = claims("Port refusals reached 24,000 in 2023, the highest since 2010.");
    let words: Vec<&str> = found.iter().map(|c| c.words()).collect();
    assert_eq!(words, ["24,000", "highest"]);
    let record = &found[1];
    let refusals = 0.."Port refusals".len();
    assert!(record.owns(&refusals));
    assert_eq!(
        record
            .period
            .as_ref()
            .map(|p| p.period.start.earliest.year()),
        Some(2023)
    );
    // "Since 2010" reaches back to the years after it.
    assert_eq!(record.horizon.map(|h| h.year()), Some(2011));
}

#[test]
fn a_count_of_one_day_and_a_forecast_for_the_year() {
    let found = claims("More than 900 people crossed in a single day in June.");
    assert_eq!(
        found[0].hedge,
        Some(Hedge::OneDay {
            words: "a single day".to_string()
        })
    );
    assert_eq!(
        claims("More than 900 people crossed in June.")[0].hedge,
        None
    );
    // Why people came is not recorded.
    assert_eq!(
        claims("A third of those who crossed came to work illegally.")[0].hedge,
        Some(Hedge::Motive {
            words: "came to work".to_string()
        })
    );
    // A forecast's "this year" is the whole of it, not the year so far (10 March 2024).
    let found = claims("Crossings could reach 40,000 this year.");
    let period = &found[0].period.as_ref().unwrap().period;
    assert_eq!(
        (
            period.start.earliest.to_string(),
            period.end.latest.to_string()
        ),
        ("2024-01-01".to_string(), "2024-12-31".to_string())
    );
}

#[test]
fn a_sentence_referring_back_takes_the_countries_before() {
    let gazetteer = Gazetteer::new();
    let lines = [
        crate::Line {
            text: "In 2023, 5,545 Afghans crossed the Channel.",
            speaker: None,
        },
        crate::Line {
            text: "Of those, 1,141 were children.",
            speaker: None,
        },
        crate::Line {
            text: "The number of Iraqis fell.",
            speaker: None,
        },
    ];
    let found = crate::sentences_claims_in_turn(&lines, None, &context(&gazetteer));
    let codes = |i: usize| -> Vec<String> {
        found[i]
            .iter()
            .flat_map(|c| {
                c.entities
                    .iter()
                    .map(|e| format!("{}:{}", e.code, e.explicit))
            })
            .collect()
    };
    assert_eq!(codes(1), ["AFG:false"]);
    assert_eq!(codes(2), ["IRQ:true"]);
    assert_eq!(found[1][0].context.len(), 1);
    assert_eq!(found[2][0].context.len(), 2);
}

#[test]
fn a_rate_said_apart_from_its_number() {
    let per = |text: &str| {
        claims(text)
            .iter()
            .map(|c| c.quantity().and_then(|q| q.per))
            .collect::<Vec<_>>()
    };
    use quantity::Per::{Day, Month};
    assert_eq!(
        per("In 2023 an average of 80 people crossed the Channel every day."),
        [Some(Day)]
    );
    assert_eq!(
        per("Every month in 2023, around 1,600 people were returned."),
        [Some(Month)]
    );
    assert_eq!(per("More than 900 people crossed on a single day."), [None]);
    assert_eq!(
        per("In 2023, 29,000 people crossed, and in May 3,000."),
        [None, None]
    );
}

#[test]
fn an_opening_whole_frames_the_claims_after_it() {
    let text = "Of the 45,000 people who crossed in 2022, 40,000 claimed asylum.";
    let found = claims(text);
    assert_eq!(found.len(), 2);
    let span = |w: &str| {
        let at = text.find(w).unwrap();
        at..at + w.len()
    };
    let part = &found[1];
    assert_eq!(part.words(), "40,000");
    assert!(part.owns(&span("people who crossed")));
    assert!(part.owns(&span("claimed asylum")));
    assert!(!found[0].owns(&span("claimed asylum")));
    // Without the opening "Of", the words after the first claim are its own.
    let text = "Some 45,000 people crossed in 2022, and 40,000 claimed asylum.";
    let found = claims(text);
    let at = text.find("people crossed").unwrap();
    assert!(!found[1].owns(&(at..at + 14)));
}
