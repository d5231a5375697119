//! Countries: the role the text gives each, and the column of a table that holds it.

use catalog::Role as DimensionRole;
use extract::{Claim, Role as EntityRole};

use super::shares::whole_phrase;
use super::{Draft, gap};
use crate::{Bound, Filter, Index, Why};

pub(super) fn countries(bound: &Bound<'_>, claim: &Claim, index: &Index<'_>, draft: &mut Draft) {
    if matches!(claim.assertion, extract::Assertion::Ranking { .. }) {
        return;
    }
    let home = index.catalog.spatial.as_deref();
    let mut codes: Vec<&str> = Vec::new();
    // "7,698 Albanians among the 20,873 people detained": a country right after another
    // claim's number says what that number counts, not this one, unless this one restates
    // it ("more than 6,000 Albanians ..., compared with less than 900") or names nothing it
    // counts ("1,000 Albanians this year, and 5,700 last year").
    let bare = super::counts_nothing_named(claim);
    let owned = |e: &&extract::Entity| {
        bare || claim.owns(&e.span)
            || !claim.others.iter().any(|o| {
                o.end <= e.span.start
                    && claim
                        .sentence
                        .get(o.end..e.span.start)
                        .is_some_and(|between| between.trim().is_empty())
            })
    };
    for e in claim
        .entities
        .iter()
        .filter(|e| Some(e.code.as_str()) != home)
        .filter(owned)
    {
        if !codes.contains(&e.code.as_str()) {
            codes.push(&e.code);
        }
    }
    let nearest = nearest_per_role(claim, &codes, is_share(claim));
    let listed: Vec<&str> = nearest
        .iter()
        .flat_map(|code| list_of(claim, code))
        .collect();
    let before = (draft.filters.len(), draft.described.len());
    for code in &listed {
        country(bound, claim, code, draft);
    }
    if listed.len() > 1 {
        // "India, Albania and Brazil accounted for a third": the countries together.
        merge_countries(draft, before);
    }
}

/// The countries named in a list with `code` ("India, Albania and Brazil"), in order; just
/// `code` when it stands alone.
fn list_of<'c>(claim: &'c Claim, code: &str) -> Vec<&'c str> {
    let mut named: Vec<&extract::Entity> = claim.entities.iter().collect();
    named.sort_by_key(|e| e.span.start);
    named.dedup_by(|b, a| a.span == b.span);
    let Some(at) = named.iter().position(|e| e.code == code) else {
        return Vec::new();
    };
    let joined = |a: &extract::Entity, b: &extract::Entity| {
        claim
            .sentence
            .get(a.span.end..b.span.start)
            .is_some_and(|between| matches!(between, ", " | " and " | ", and " | " or " | ", or "))
    };
    let mut first = at;
    while first > 0 && joined(named[first - 1], named[first]) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < named.len() && joined(named[last], named[last + 1]) {
        last += 1;
    }
    let mut codes: Vec<&str> = Vec::new();
    for e in &named[first..=last] {
        if !codes.contains(&e.code.as_str()) {
            codes.push(&e.code);
        }
    }
    codes
}

/// Joins the filters (and descriptions) the countries of a list added after `before` into
/// one per column (and role), holding every country's labels.
fn merge_countries(draft: &mut Draft, (filters, described): (usize, usize)) {
    let added: Vec<Filter> = draft.filters.drain(filters..).collect();
    let mut merged: Vec<Filter> = Vec::new();
    for filter in added {
        match merged.iter_mut().find(|m| m.column == filter.column) {
            Some(m) => {
                for value in filter.values {
                    if !m.values.contains(&value) {
                        m.values.push(value);
                    }
                }
                m.evidence = match (m.evidence.clone(), filter.evidence) {
                    (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
                    (a, b) => a.or(b),
                };
            }
            None => merged.push(filter),
        }
    }
    draft.filters.extend(merged);
    // "nationality India", "nationality Albania" → "nationality India, Albania".
    let names: Vec<String> = draft.described.drain(described..).collect();
    let mut by_role: Vec<(String, Vec<String>)> = Vec::new();
    for name in names {
        let (role, country) = name.split_once(' ').unwrap_or(("country", &name));
        match by_role.iter_mut().find(|(r, _)| r == role) {
            Some((_, countries)) => countries.push(country.to_string()),
            None => by_role.push((role.to_string(), vec![country.to_string()])),
        }
    }
    for (role, countries) in by_role {
        draft
            .described
            .push(format!("{role} {}", countries.join(", ")));
    }
}

/// When a sentence names several countries, each quantity is about the one nearest to it;
/// for a share, the nearest outside the phrase that names the whole ("of arrivals from
/// France, about 60% were Albanian" is about Albanians).
pub(super) fn nearest_per_role<'c>(claim: &Claim, codes: &[&'c str], share: bool) -> Vec<&'c str> {
    if codes.len() <= 1 {
        return codes.to_vec();
    }
    let whole = if share { whole_phrase(claim) } else { 0..0 };
    let outside = |code: &str| {
        claim
            .entities
            .iter()
            .any(|e| e.code == code && !whole.contains(&e.span.start))
    };
    let distance = |code: &str| {
        claim
            .entities
            .iter()
            .filter(|e| e.code == code)
            .map(|e| gap(&e.span, &claim.span))
            .min()
            .unwrap_or(usize::MAX)
    };
    // A country in another claim's clause ("..., while Eritrean applications rose") is that
    // claim's.
    let owned = |code: &str| {
        claim
            .entities
            .iter()
            .any(|e| e.code == code && claim.owns(&e.span))
    };
    let mut pool: Vec<&'c str> = codes.iter().copied().filter(|c| owned(c)).collect();
    if pool.is_empty() {
        pool = codes.to_vec();
    }
    let preferred: Vec<&'c str> = pool.iter().copied().filter(|c| outside(c)).collect();
    if !preferred.is_empty() {
        pool = preferred;
    }
    pool.into_iter()
        .min_by_key(|c| distance(c))
        .into_iter()
        .collect()
}

pub(super) fn is_share(claim: &Claim) -> bool {
    claim.quantity().is_some_and(quantity::Quantity::is_share)
}

pub(super) fn country(bound: &Bound<'_>, claim: &Claim, code: &str, draft: &mut Draft) {
    let entities: Vec<_> = claim.entities.iter().filter(|e| e.code == code).collect();
    let explicit = entities.iter().any(|e| e.explicit);
    // "Non-Albanian": every country but this one, when every mention says so.
    let excluded = !entities.is_empty() && entities.iter().all(|e| e.excluded);
    let says = |role: EntityRole| entities.iter().find(|e| e.role == role);
    let nationality = bound.column_for(DimensionRole::Nationality);
    let destination = bound.column_for(DimensionRole::Destination);
    let held: Vec<(&str, EntityRole)> = [
        (nationality, EntityRole::Nationality),
        (destination, EntityRole::Destination),
    ]
    .into_iter()
    .filter_map(|(column, role)| Some((column?, role)))
    .filter(|(_, role)| says(*role).is_some())
    .collect();
    let name = entities.first().map_or(code.to_string(), |e| e.via.clone());
    if !held.is_empty() {
        for (column, role) in &held {
            let entity = says(*role);
            let via = entity.map_or(name.clone(), |e| e.via.clone());
            let evidence = entity.map(|e| e.span.clone());
            add_country(
                bound,
                column,
                code,
                (&via, evidence, excluded),
                role_word(*role),
                draft,
            );
        }
        for e in entities.iter().filter(|e| {
            e.role != EntityRole::Unspecified && !held.iter().any(|(_, r)| *r == e.role)
        }) {
            draft.score -= 1.0;
            draft.notes.push(format!(
                "the table has no {} column, so \"{}\" is read only as a {}",
                role_word(e.role),
                e.via,
                role_word(held[0].1)
            ));
        }
        return;
    }
    let substitute = match (nationality, destination) {
        (Some(column), _) => Some((column, EntityRole::Nationality)),
        (None, Some(column)) => Some((column, EntityRole::Destination)),
        (None, None) => None,
    };
    match substitute {
        Some((column, role)) => {
            let stated = entities.iter().find(|e| e.role != EntityRole::Unspecified);
            match stated {
                Some(e) => {
                    draft.score -= 3.0;
                    draft.strained = true;
                    draft.notes.push(format!(
                        "reads \"{}\" ({}) as a {}",
                        e.via,
                        role_word(e.role),
                        role_word(role)
                    ));
                }
                None => {
                    draft.score -= if role == EntityRole::Nationality {
                        0.5
                    } else {
                        1.0
                    }
                }
            }
            let evidence = entities.first().map(|e| e.span.clone());
            add_country(
                bound,
                column,
                code,
                (&name, evidence, excluded),
                role_word(role),
                draft,
            );
        }
        None => {
            draft.score -= if explicit { 25.0 } else { 10.0 };
            draft.strained = true;
            draft.notes.push(format!(
                "the table cannot tell countries apart, so \"{name}\" is left aside"
            ));
        }
    }
}

pub(super) fn add_country(
    bound: &Bound<'_>,
    column: &str,
    code: &str,
    (via, evidence, excluded): (&str, Option<std::ops::Range<usize>>, bool),
    role: &str,
    draft: &mut Draft,
) {
    match bound.country_labels(column, code) {
        Some(labels) => {
            let other = if excluded { "other than " } else { "" };
            draft
                .described
                .push(format!("{role} {other}{}", labels.join(" or ")));
            draft.filters.push(Filter {
                column: column.to_string(),
                values: labels.to_vec(),
                why: Why::Country(via.to_string()),
                part: false,
                evidence,
                excluded,
                joined: false,
            });
        }
        None => {
            draft.score -= 50.0;
            draft.strained = true;
            draft
                .notes
                .push(format!("the table has no rows for \"{via}\" in {column}"));
        }
    }
}

pub(super) fn role_word(role: EntityRole) -> &'static str {
    match role {
        EntityRole::Nationality => "nationality",
        EntityRole::Destination => "destination",
        EntityRole::Unspecified => "country",
    }
}
