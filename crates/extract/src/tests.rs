//! Extraction, checked on sentences written for the purpose.

use countries::Gazetteer;
use jiff::civil::date;

use crate::{Assertion, Claim, Context, sentence_claims_alone};

fn claims(text: &str) -> Vec<Claim> {
    let gazetteer = Gazetteer::new();
    let context = Context {
        published: date(2024, 3, 10),
        events: &[],
        gazetteer: &gazetteer,
        home: Some("GBR"),
    };
    sentence_claims_alone(text, &context)
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
}
