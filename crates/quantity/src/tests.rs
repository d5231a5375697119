//! Data-driven tests: each case is a sentence and the quantities found in it, one per line,
//! rendered as `span → value kind qualifier precision=p [vague] [up|down]`.

use insta::assert_snapshot;
use proptest::prelude::*;

use crate::{AgeBand, Direction, Kind, Quantity, find, find_ages, small_number};

fn check(input: &str) -> String {
    let found = find(input);
    if found.is_empty() {
        return "(none)".to_owned();
    }
    found
        .iter()
        .map(|q| render(input, q))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render(input: &str, q: &Quantity) -> String {
    let kind = match q.kind {
        Kind::Count => "count",
        Kind::Percent => "percent",
        Kind::Fraction => "fraction",
        Kind::Multiple => "multiple",
        Kind::Money => "money",
    };
    let qualifier = format!("{:?}", q.qualifier);
    let mut line = format!(
        "{} → {} {kind} {} precision={}",
        &input[q.span.clone()],
        number(q.value),
        snake(&qualifier),
        number(q.precision)
    );
    if q.vague {
        line.push_str(" vague");
    }
    match q.direction {
        Some(Direction::Up) => line.push_str(" up"),
        Some(Direction::Down) => line.push_str(" down"),
        None => {}
    }
    if let Some(per) = q.per {
        line.push_str(" per ");
        line.push_str(per.word());
    }
    line
}

fn number(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn snake(camel: &str) -> String {
    let mut out = String::new();
    for (k, c) in camel.chars().enumerate() {
        if c.is_uppercase() && k > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn check_ages(input: &str) -> String {
    let found = find_ages(input);
    if found.is_empty() {
        return "(none)".to_owned();
    }
    found
        .iter()
        .map(|a| render_age(input, a))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_age(input: &str, a: &AgeBand) -> String {
    let bound = |b: Option<u32>| b.map_or(String::new(), |v| v.to_string());
    format!(
        "{} → {}..{}",
        &input[a.span.clone()],
        bound(a.min),
        bound(a.max)
    )
}

#[test]
fn integers_and_precision() {
    assert_snapshot!(check("Officials counted 8,000 arrivals."), @"8,000 → 8000 count exact precision=1000");
    assert_snapshot!(check("The total reached 45,774 by the end."), @"45,774 → 45774 count exact precision=1");
    assert_snapshot!(check("There were 2920 applications."), @"2920 → 2920 count exact precision=10");
    assert_snapshot!(check("Some 2,148 claims were logged."), @"Some 2,148 → 2148 count about precision=1");
    assert_snapshot!(check("A crowd of 40,000 gathered."), @"40,000 → 40000 count exact precision=10000");
    assert_snapshot!(check("They built 100,000 homes."), @"100,000 → 100000 count exact precision=100000");
    assert_snapshot!(check("The rate was 2.5 on average."), @"2.5 → 2.5 count exact precision=0.1");
    assert_snapshot!(check("A queue of 8 000 lorries formed."), @"8 000 → 8000 count exact precision=1000");
    assert_snapshot!(check("A queue of 8\u{2009}000 lorries and 12\u{202F}500 cars."), @r"
    8 000 → 8000 count exact precision=1000
    12 500 → 12500 count exact precision=100
    ");
    assert_snapshot!(check("In 2019 500 people left."), @"500 → 500 count exact precision=100");
}

#[test]
fn scale_words() {
    assert_snapshot!(check("The scheme cost the taxpayer nothing but reached 2.1 million people."), @"2.1 million → 2100000 count exact precision=100000");
    assert_snapshot!(check("Around 1.2m visitors came, and 45k stayed."), @r"
    Around 1.2m → 1200000 count about precision=100000
    45k → 45000 count exact precision=1000
    ");
    assert_snapshot!(check("A million people marched; half a million watched."), @r"
    A million → 1000000 count exact precision=1000000
    half a million → 500000 count exact precision=100000
    ");
    assert_snapshot!(check("A thousand volunteers and a hundred doctors helped."), @r"
    A thousand → 1000 count exact precision=1000
    a hundred → 100 count exact precision=100
    ");
    assert_snapshot!(check("Two and a half million forms were posted."), @"Two and a half million → 2500000 count exact precision=500000");
    assert_snapshot!(check("a hundred thousand signatures"), @"a hundred thousand → 100000 count exact precision=100000");
}

#[test]
fn number_words() {
    assert_snapshot!(check("Twelve boats and twenty-five people were stopped."), @r"
    Twelve → 12 count exact precision=1
    twenty-five → 25 count exact precision=1
    ");
    assert_snapshot!(check("She met one person and three officials."), @r"
    one → 1 count exact precision=1
    three → 3 count exact precision=1
    ");
    assert_snapshot!(check("Two hundred and fifty thousand ballots were cast."), @"Two hundred and fifty thousand → 250000 count exact precision=10000");
    assert_snapshot!(check("A dozen reporters and two dozen police waited."), @r"
    A dozen → 12 count exact precision=1
    two dozen → 24 count exact precision=1
    ");
}

#[test]
fn vague_magnitudes() {
    assert_snapshot!(check("Thousands of people and hundreds of cars"), @r"
    Thousands → 2000 count exact precision=1000 vague
    hundreds → 200 count exact precision=100 vague
    ");
    assert_snapshot!(check("Tens of thousands marched, hundreds of thousands watched."), @r"
    Tens of thousands → 20000 count exact precision=10000 vague
    hundreds of thousands → 200000 count exact precision=100000 vague
    ");
    assert_snapshot!(check("Dozens of boats left; several thousand arrived."), @r"
    Dozens → 24 count exact precision=12 vague
    several thousand → 2000 count exact precision=1000 vague
    ");
    assert_snapshot!(check("a few hundred protesters"), @"a few hundred → 200 count exact precision=100 vague");
}

#[test]
fn percentages() {
    assert_snapshot!(check("Turnout was 60 per cent, or 60%."), @r"
    60 per cent → 60 percent exact precision=1
    60% → 60 percent exact precision=1
    ");
    assert_snapshot!(check("Support stood at 60 percent and 60pc in two polls."), @r"
    60 percent → 60 percent exact precision=1
    60pc → 60 percent exact precision=1
    two → 2 count exact precision=1
    ");
    assert_snapshot!(check("Just 2.5% objected, while 36% agreed."), @r"
    Just 2.5% → 2.5 percent exact precision=0.1
    36% → 36 percent exact precision=1
    ");
    assert_snapshot!(check("Nearly 70 per cent."), @"Nearly 70 per cent → 70 percent nearly precision=1");
    assert_snapshot!(check("Estimates range from 3–5% to between 20 and 30 per cent."), @r"
    3 → 3 percent exact precision=1
    5% → 5 percent exact precision=1
    20 → 20 percent exact precision=1
    30 per cent → 30 percent exact precision=1
    ");
    assert_snapshot!(check("Of 8,500 and 87% of them."), @r"
    8,500 → 8500 count exact precision=100
    87% → 87 percent exact precision=1
    ");
    assert_snapshot!(check("Only 3 percentage points separated them."), @"Only 3 percentage points → 3 percent exact precision=1");
    assert_snapshot!(check("More than 80% of staff voted."), @"More than 80% → 80 percent more_than precision=1");
}

#[test]
fn fractions() {
    assert_snapshot!(check("A third of tenants and one third of owners agreed."), @r"
    A third → 0.3333 fraction exact precision=0.3333
    one third → 0.3333 fraction exact precision=0.3333
    ");
    assert_snapshot!(check("Two-thirds said yes and three-quarters said no."), @r"
    Two-thirds → 0.6667 fraction exact precision=0.3333
    three-quarters → 0.75 fraction exact precision=0.25
    ");
    assert_snapshot!(check("Half of the sample and a quarter of the rest moved."), @r"
    Half → 0.5 fraction exact precision=0.5
    a quarter → 0.25 fraction exact precision=0.25
    ");
    assert_snapshot!(check("More than half of voters were undecided."), @"More than half → 0.5 fraction more_than precision=0.5");
    assert_snapshot!(check("A third left early and nearly a quarter complained."), @r"
    A third → 0.3333 fraction exact precision=0.3333
    nearly a quarter → 0.25 fraction nearly precision=0.25
    ");
    assert_snapshot!(check("three quarters of households"), @"three quarters → 0.75 fraction exact precision=0.25");
    assert_snapshot!(check("Around a third (36%) of the cases were closed."), @r"
    Around a third → 0.3333 fraction about precision=0.3333
    36% → 36 percent exact precision=1
    ");
}

#[test]
fn shares() {
    assert_snapshot!(check("One in four adults and 1 in 5 children were affected."), @r"
    One in four → 0.25 fraction exact precision=0.25
    1 in 5 → 0.2 fraction exact precision=0.2
    ");
    assert_snapshot!(check("Four in ten respondents disagreed."), @"Four in ten → 0.4 fraction exact precision=0.1");
    assert_snapshot!(check("Nine out of 10 dentists agree; one in every three cats does not."), @r"
    Nine out of 10 → 0.9 fraction exact precision=0.1
    one in every three → 0.3333 fraction exact precision=0.3333
    ");
}

#[test]
fn majorities() {
    assert_snapshot!(check("The majority of applicants were refused."), @"The majority → 0.5 fraction more_than precision=0");
    assert_snapshot!(check("The vast majority were young men."), @"The vast majority → 0.75 fraction more_than precision=0 vague");
    assert_snapshot!(check("Almost all of them were men."), @"Almost all → 0.9 fraction more_than precision=0 vague");
    assert_snapshot!(check("Nearly all arrivals claimed asylum."), @"Nearly all → 0.9 fraction more_than precision=0 vague");
    assert_snapshot!(check("They work almost all the time."), @"(none)");
    assert_snapshot!(check("Most of the passengers were rescued."), @"Most → 0.5 fraction more_than precision=0");
    assert_snapshot!(check("She spent most of the time abroad."), @"(none)");
    assert_snapshot!(check("It had the most applicants, at most 30."), @"at most 30 → 30 count at_most precision=10");
    assert_snapshot!(check("The party won a majority government."), @"(none)");
}

#[test]
fn multiples() {
    assert_snapshot!(check("Twice as many ships sailed."), @"Twice → 2 multiple exact precision=1");
    assert_snapshot!(check("Nearly twice as many came this year."), @"Nearly twice → 2 multiple nearly precision=1");
    assert_snapshot!(check("Costs were six times higher, more than seven times the old price."), @r"
    six times higher → 6 multiple exact precision=1 up
    more than seven times → 7 multiple more_than precision=1
    ");
    assert_snapshot!(check("The number doubled, then tripled, then quadrupled."), @r"
    doubled → 2 multiple exact precision=1 up
    tripled → 3 multiple exact precision=1 up
    quadrupled → 4 multiple exact precision=1 up
    ");
    assert_snapshot!(check("Waiting lists trebled while funding halved."), @r"
    trebled → 3 multiple exact precision=1 up
    halved → 0.5 multiple exact precision=0.5 down
    ");
    assert_snapshot!(check("There was a three-fold increase and a tenfold rise."), @r"
    three-fold increase → 3 multiple exact precision=1 up
    tenfold rise → 10 multiple exact precision=1 up
    ");
    assert_snapshot!(check("Claims have more than doubled."), @"more than doubled → 2 multiple more_than precision=1 up");
    assert_snapshot!(check("Rents are double the national average."), @"double → 2 multiple exact precision=1");
}

#[test]
fn changes() {
    assert_snapshot!(check("Sales were up 40 per cent."), @"up 40 per cent → 40 percent exact precision=1 up");
    assert_snapshot!(check("Output was down by a quarter."), @"down by a quarter → 0.25 fraction exact precision=0.25 down");
    assert_snapshot!(check("Prices fell 25% and rents rose 60%."), @r"
    fell 25% → 25 percent exact precision=1 down
    rose 60% → 60 percent exact precision=1 up
    ");
    assert_snapshot!(check("Arrests fell by 36 per cent."), @"fell by 36 per cent → 36 percent exact precision=1 down");
    assert_snapshot!(check("It was a 300 per cent increase."), @"300 per cent increase → 300 percent exact precision=1 up");
    assert_snapshot!(check("There was an increase of 18% in claims."), @"increase of 18% → 18 percent exact precision=1 up");
    assert_snapshot!(check("Police logged a 12 per cent decrease in burglaries."), @"12 per cent decrease → 12 percent exact precision=1 down");
    assert_snapshot!(check("Fares were 36% less than before and 45 per cent higher than in Spain."), @r"
    36% less → 36 percent exact precision=1 down
    45 per cent higher → 45 percent exact precision=1 up
    ");
    assert_snapshot!(check("There were 31% fewer than last spring."), @"31% fewer → 31 percent exact precision=1 down");
    assert_snapshot!(check("Complaints dropping by 17 per cent surprised everyone."), @"dropping by 17 per cent → 17 percent exact precision=1 down");
    assert_snapshot!(check("Visits jumped by 48%, then decreased by 11%."), @r"
    jumped by 48% → 48 percent exact precision=1 up
    decreased by 11% → 11 percent exact precision=1 down
    ");
    assert_snapshot!(check("Demand increased by 27% while supply was down 20 per cent."), @r"
    increased by 27% → 27 percent exact precision=1 up
    down 20 per cent → 20 percent exact precision=1 down
    ");
    assert_snapshot!(check("Crime fell sharply by more than a third."), @"fell sharply by more than a third → 0.3333 fraction more_than precision=0.3333 down");
    assert_snapshot!(check("We have cut the number of crossings by 20,000."), @"cut the number of crossings by 20,000 → 20000 count exact precision=10000 down");
    assert_snapshot!(check("Some 5,000 people were detained by the police."), @"Some 5,000 → 5000 count about precision=1000");
    assert_snapshot!(check("Prices moved +5% in spring and -3% in autumn."), @r"
    +5% → 5 percent exact precision=1 up
    -3% → 3 percent exact precision=1 down
    ");
    assert_snapshot!(check("Exports were up this spring by 14%."), @"up this spring by 14% → 14 percent exact precision=1 up");
    assert_snapshot!(check("It was a 20 per cent year-on-year rise."), @"20 per cent year-on-year rise → 20 percent exact precision=1 up");
    assert_snapshot!(check("Costs are 3 times larger."), @"3 times larger → 3 multiple exact precision=1 up");
    assert_snapshot!(check("The total fell to 900 from 1,200."), @r"
    900 → 900 count exact precision=100
    1,200 → 1200 count exact precision=100
    ");
}

#[test]
fn qualifiers() {
    assert_snapshot!(check("More than 8,000 people applied."), @"More than 8,000 → 8000 count more_than precision=1000");
    assert_snapshot!(check("Over 1,000 and upwards of 500 replied."), @r"
    Over 1,000 → 1000 count more_than precision=1000
    upwards of 500 → 500 count more_than precision=100
    ");
    assert_snapshot!(check("Just 888 were accepted and only 408 stayed."), @r"
    Just 888 → 888 count exact precision=1
    only 408 → 408 count exact precision=1
    ");
    assert_snapshot!(check("Some 2,195 travellers arrived."), @"Some 2,195 → 2195 count about precision=1");
    assert_snapshot!(check("Claims topped 13,000 and refusals fell short of 900."), @r"
    topped 13,000 → 13000 count more_than precision=1000
    fell short of 900 → 900 count less_than precision=100
    ");
    assert_snapshot!(check("Nearly 16,000 and almost 300 were counted."), @r"
    Nearly 16,000 → 16000 count nearly precision=1000
    almost 300 → 300 count nearly precision=100
    ");
    assert_snapshot!(check("Just under 40,000 tickets sold, just over 13,100 used."), @r"
    Just under 40,000 → 40000 count nearly precision=10000
    just over 13,100 → 13100 count just_over precision=100
    ");
    assert_snapshot!(check("At least 50 died; fewer than 20 survived."), @r"
    At least 50 → 50 count at_least precision=10
    fewer than 20 → 20 count less_than precision=10
    ");
    assert_snapshot!(check("Less than 10 and under 900 responded."), @r"
    Less than 10 → 10 count less_than precision=10
    under 900 → 900 count less_than precision=100
    ");
    assert_snapshot!(check("Up to 30,000 could be affected."), @"Up to 30,000 → 30000 count at_most precision=10000");
    assert_snapshot!(check("About 15,000, around 200, roughly 30 and approximately 12."), @r"
    About 15,000 → 15000 count about precision=1000
    around 200 → 200 count about precision=100
    roughly 30 → 30 count about precision=10
    approximately 12 → 12 count about precision=1
    ");
    assert_snapshot!(check("An estimated 4,000 left."), @"An estimated 4,000 → 4000 count about precision=1000");
    assert_snapshot!(check("No more than 40 and no fewer than 10 attended."), @r"
    No more than 40 → 40 count at_most precision=10
    no fewer than 10 → 10 count at_least precision=10
    ");
    assert_snapshot!(check("The crowd was 8,000 or more."), @"8,000 or more → 8000 count at_least precision=1000");
    assert_snapshot!(check("An 8,000-plus crowd and 40-odd stewards."), @r"
    8,000-plus → 8000 count more_than precision=1000
    40-odd → 40 count about precision=10
    ");
    assert_snapshot!(check("It reached 50 or so."), @"50 or so → 50 count about precision=10");
    assert_snapshot!(check("In excess of 1,500 and c. 300 were seen, 8,000+ in all."), @r"
    In excess of 1,500 → 1500 count more_than precision=100
    c. 300 → 300 count about precision=100
    8,000+ → 8000 count more_than precision=1000
    ");
    assert_snapshot!(check("A little over half and close to 2,000 agreed."), @r"
    A little over half → 0.5 fraction just_over precision=0.5
    close to 2,000 → 2000 count nearly precision=1000
    ");
    assert_snapshot!(check("It fell by nearly a third to just 4,000."), @r"
    fell by nearly a third → 0.3333 fraction nearly precision=0.3333 down
    just 4,000 → 4000 count exact precision=1000
    ");
    assert_snapshot!(check("As many as 80% were turned away."), @"As many as 80% → 80 percent at_most precision=1");
}

#[test]
fn money() {
    assert_snapshot!(check("The project cost £4.7 million."), @"£4.7 million → 4700000 money exact precision=100000");
    assert_snapshot!(check("A fine of $100 and a budget of €3bn."), @r"
    $100 → 100 money exact precision=100
    €3bn → 3000000000 money exact precision=1000000000
    ");
    assert_snapshot!(check("They paid 4.7 million pounds."), @"4.7 million pounds → 4700000 money exact precision=100000");
    assert_snapshot!(check("More than £200 each."), @"More than £200 → 200 money more_than precision=100");
}

#[test]
fn years_and_periods_are_skipped() {
    assert_snapshot!(check("In 2019 the office opened."), @"(none)");
    assert_snapshot!(check("More than 2000 people came, around 2000 or so."), @"More than 2000 → 2000 count more_than precision=1000");
    assert_snapshot!(check("One in 2019 said otherwise."), @"One → 1 count exact precision=1");
    assert_snapshot!(check("Figures for 2022 and the 2010s."), @"(none)");
    assert_snapshot!(check("Over 2018-21 and in 2022/23 costs rose."), @"(none)");
    assert_snapshot!(check("Results for Q3 and Q4 of 2020."), @"(none)");
    assert_snapshot!(check("The period from 2018 to 2021."), @"(none)");
}

#[test]
fn dates_and_times_are_skipped() {
    assert_snapshot!(check("The vote is on 16 May."), @"(none)");
    assert_snapshot!(check("The vote is on May 16."), @"(none)");
    assert_snapshot!(check("It ended on 12 September."), @"(none)");
    assert_snapshot!(check("On Monday, September 12, they met."), @"(none)");
    assert_snapshot!(check("The deadline is 30 September 2023."), @"(none)");
    assert_snapshot!(check("Doors open at 10am and close at 3.30pm."), @"(none)");
    assert_snapshot!(check("The train left at 10:45."), @"(none)");
    assert_snapshot!(check("At 9 o'clock, 40 people arrived, and at 6 pm 12 left."), @r"
    40 → 40 count exact precision=10
    12 → 12 count exact precision=1
    ");
    assert_snapshot!(check("Data from 16.05.2023 was used."), @"(none)");
}

#[test]
fn ordinals_are_skipped() {
    assert_snapshot!(check("It was the first and 2nd attempt."), @"(none)");
    assert_snapshot!(check("The third time they tried, the 21st century began."), @"(none)");
    assert_snapshot!(check("They were sent to a third country."), @"(none)");
    assert_snapshot!(check("They took a third of the seats and a third warning."), @"a third → 0.3333 fraction exact precision=0.3333");
    assert_snapshot!(check("A quarter of 2022 passed; in the final quarter 5,000 left."), @"5,000 → 5000 count exact precision=1000");
    assert_snapshot!(check("In the first half of the year."), @"(none)");
}

#[test]
fn identifiers_are_skipped() {
    assert_snapshot!(check("Under rule 39 and Article 8 they appealed."), @"(none)");
    assert_snapshot!(check("The Covid-19 pandemic hit G7 members."), @"(none)");
    assert_snapshot!(check("Print on A4 paper as in Section 2, clause 4."), @"(none)");
    assert_snapshot!(check("A statement from No 10 Downing Street."), @"(none)");
    assert_snapshot!(check("He lives at 10 Downing Street."), @"(none)");
    assert_snapshot!(check("She runs Channel 4 news."), @"(none)");
    assert_snapshot!(check("The M25 and the A1 were shut; 300 cars queued."), @"300 → 300 count exact precision=100");
    // A weekday is not a name: "on Tuesday 500 people" counts people.
    assert_snapshot!(check("On Tuesday 500 people crossed."), @"500 → 500 count exact precision=100");
}

#[test]
fn pronouns_are_skipped() {
    assert_snapshot!(check("One of the boats sank."), @"(none)");
    assert_snapshot!(check("He was the only one."), @"(none)");
    assert_snapshot!(check("No one came, but one person wrote."), @"one → 1 count exact precision=1");
}

#[test]
fn durations_are_skipped() {
    assert_snapshot!(check("In the six months since, 400 arrived."), @"400 → 400 count exact precision=100");
    assert_snapshot!(check("In the 12 months to March, 3,000 applied."), @"3,000 → 3000 count exact precision=1000");
    assert_snapshot!(check("For three years and a decade before that."), @"(none)");
    assert_snapshot!(check("The highest for almost 2 decades."), @"(none)");
    assert_snapshot!(check("A five-year plan and a 12-month pilot."), @"(none)");
    assert_snapshot!(check("In the seven months since the change."), @"(none)");
    assert_snapshot!(check("Six months later, 200 more arrived."), @"200 more → 200 count exact precision=100 up");
    assert_snapshot!(check("It took half an hour."), @"(none)");
    assert_snapshot!(check("After two consecutive quarters of growth."), @"(none)");
    assert_snapshot!(check("For the three past years."), @"(none)");
    assert_snapshot!(check("Officials removed 3,100 last year."), @"3,100 → 3100 count exact precision=100");
    assert_snapshot!(check("They expect to remove 400 next month."), @"400 → 400 count exact precision=100");
}

#[test]
fn ages_are_not_counts() {
    assert_snapshot!(check("Men aged 18 to 39 made up 70% of arrivals."), @"70% → 70 percent exact precision=1");
    assert_snapshot!(check("Children under 18 and women over 40 were counted separately."), @"(none)");
    assert_snapshot!(check("The under-18s and over-40s."), @"(none)");
    assert_snapshot!(check("People in their 20s and adults aged 18 or over."), @"(none)");
    assert_snapshot!(check("A 17-year-old was among 40 passengers."), @"40 → 40 count exact precision=10");
    assert_snapshot!(check("Over 40 people were rescued."), @"Over 40 → 40 count more_than precision=10");
    assert_snapshot!(check("Under 900 were approved."), @"Under 900 → 900 count less_than precision=100");
}

#[test]
fn age_bands() {
    assert_snapshot!(check_ages("Men aged 18 to 39 and women aged between 18 and 30."), @r"
    aged 18 to 39 → 18..39
    aged between 18 and 30 → 18..30
    ");
    assert_snapshot!(check_ages("Children under 18 and the under-18s."), @r"
    under 18 → ..17
    under-18s → ..17
    ");
    assert_snapshot!(check_ages("People over 40, the over-40s and those aged over 40."), @r"
    over 40 → 41..
    over-40s → 40..
    aged over 40 → 41..
    ");
    assert_snapshot!(check_ages("Everyone 18 and over, adults aged 18 or over."), @r"
    18 and over → 18..
    aged 18 or over → 18..
    ");
    assert_snapshot!(check_ages("Pupils aged 17 and under."), @"aged 17 and under → ..17");
    assert_snapshot!(check_ages("People in their 20s and in their early thirties."), @r"
    in their 20s → 20..29
    in their early thirties → 30..39
    ");
    assert_snapshot!(check_ages("A 17-year-old and 18- to 24-year-olds."), @r"
    17-year-old → 17..17
    18- to 24-year-olds → 18..24
    ");
    assert_snapshot!(check_ages("Applicants between the ages of 21 and 35."), @"ages of 21 and 35 → 21..35");
    assert_snapshot!(check_ages("Over 40 people were rescued."), @"(none)");
    assert_snapshot!(check_ages("Free travel for the over-65s; under 5s go free; aged 18-24."), @r"
    over-65s → 65..
    under 5s → ..4
    aged 18-24 → 18..24
    ");
}

fn check_spans(input: &str) -> String {
    let spans = find(input)
        .into_iter()
        .map(|q| format!("[{}] [{}]", &input[q.span], &input[q.number_span]));
    spans.collect::<Vec<_>>().join("\n")
}

#[test]
fn number_spans_leave_out_qualifiers_and_units() {
    assert_snapshot!(check_spans("Sales fell by more than 60 per cent to £4.7 million; about a third left."), @r"
    [fell by more than 60 per cent] [60]
    [£4.7 million] [4.7 million]
    [about a third] [a third]
    ");
    assert_snapshot!(check_spans("The 2.1 million figure was 8,000 or more."), @r"
    [2.1 million] [2.1 million]
    [8,000 or more] [8,000]
    ");
}

#[test]
fn awkward_text() {
    assert_snapshot!(check("99999999999999999999999 and 1.000000000000000000001"), @"(none)");
    assert_snapshot!(check("“Nearly 16,000” — and ‘some 20’."), @r"
    Nearly 16,000 → 16000 count nearly precision=1000
    some 20 → 20 count about precision=10
    ");
    assert_snapshot!(check("ünïcødé 5 straße ２３"), @"5 → 5 count exact precision=1");
    assert_snapshot!(check(""), @"(none)");
    assert_snapshot!(check("8,000.Next"), @"8,000 → 8000 count exact precision=1000");
    assert_snapshot!(check("£99999999999999999999 and 5,000,000,000,000,000,000%"), @"(none)");
    assert_snapshot!(check("million thousand hundred and and a a half half"), @r"
    half → 0.5 fraction exact precision=0.5
    half → 0.5 fraction exact precision=0.5
    ");
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(text in "\\PC{0,80}") {
        for q in find(&text) {
            prop_assert!(text.get(q.span.clone()).is_some());
            prop_assert!(text.get(q.number_span.clone()).is_some());
            prop_assert!(q.span.start <= q.number_span.start && q.number_span.end <= q.span.end);
            prop_assert!(q.value.is_finite());
        }
        for a in find_ages(&text) {
            prop_assert!(text.get(a.span.clone()).is_some());
        }
    }

    #[test]
    fn never_panics_on_number_like_text(text in "([0-9,. %£$-]|more than |per cent|a third|aged |under |one in |twice|million|\u{2009}|[a-z]{1,3}){0,20}") {
        for q in find(&text) {
            prop_assert!(text.get(q.span.clone()).is_some());
            prop_assert!(text.get(q.number_span.clone()).is_some());
        }
    }
}

#[test]
fn small_numbers_in_words_or_digits() {
    let read: Vec<Option<u32>> = [
        "three", "Twelve", "forty", "27", "zero", "hundred", "150", "x",
    ]
    .iter()
    .map(|w| small_number(w))
    .collect();
    assert_eq!(
        read,
        [
            Some(3),
            Some(12),
            Some(40),
            Some(27),
            Some(0),
            None,
            None,
            None
        ]
    );
}

#[test]
fn rates() {
    assert_snapshot!(check("Roughly 130 a day made the crossing."), @"Roughly 130 a day → 130 count about precision=10 per day");
    assert_snapshot!(check("About 900 people a week were detained."), @"About 900 people a week → 900 count about precision=100 per week");
    assert_snapshot!(check("Some 3,000 are removed every month."), @"Some 3,000 are removed every month → 3000 count about precision=1000 per month");
    assert_snapshot!(check("Around 40,000 people each year apply."), @"Around 40,000 people each year → 40000 count about precision=10000 per year");
    // "A year" and "a week earlier" are times, not rates; nor is a count with a time between.
    assert_snapshot!(check("It was 500 a year ago."), @"500 → 500 count exact precision=100");
    assert_snapshot!(check("Returns averaged 50,000 a year."), @"50,000 a year → 50000 count exact precision=10000 per year");
    assert_snapshot!(check("There were 700 a week earlier."), @"700 → 700 count exact precision=100");
    assert_snapshot!(check("There were 700 in 2022 a week."), @"700 → 700 count exact precision=100");
}

#[test]
fn most_of_a_group() {
    assert_snapshot!(check("Most people detained were men."), @"Most → 0.5 fraction more_than precision=0");
    assert_snapshot!(check("Most recently, the figure was published."), @"(none)");
    assert_snapshot!(check("It was the most since 2004."), @"(none)");
}

#[test]
fn a_fraction_year_on_year() {
    assert_snapshot!(check("Arrivals are down a third year-on-year."), @"down a third → 0.3333 fraction exact precision=0.3333 down");
    assert_snapshot!(check("It was a third year of decline."), @"(none)");
}
