//! Countries in a sentence, and the roles the text gives them.
//!
//! "Albanian migrants" and "Albanians" are nationalities; "returned to Albania" is a
//! destination; "migrants from Albania" a nationality again. "The country" or "their
//! homeland" after "to" or "from" refers back to the last country named, and "nationals"
//! with no country of their own are nationals of the destination ("1,000 nationals returned
//! to Albania").

use crate::assertions::find_word;
use crate::{Context, Entity, Role};

const BACK_REFERENCES: [&str; 6] = [
    "the country",
    "that country",
    "this country",
    "their homeland",
    "their home country",
    "their home countries",
];

/// Words that open a sentence by referring back to what the sentence before counted.
const OPENERS: [&str; 16] = [
    "of those",
    "of them",
    "of these",
    "of whom",
    "among them",
    "among those",
    "the figure",
    "the number",
    "the total",
    "this figure",
    "that figure",
    "this number",
    "that number",
    "this was",
    "that was",
    "that is",
];

/// Times that lean on the sentence before, which may open a sentence that refers back.
const LEADING_TIMES: [&str; 6] = [
    "since then",
    "in that time",
    "by then",
    "meanwhile",
    "over the same period",
    "in the same period",
];

/// Verbs after "the figure" that make it the figure before: "the figure was 18".
const FIGURE_VERBS: [&str; 12] = [
    "was", "is", "were", "had", "has", "rose", "fell", "stood", "reached", "climbed", "dropped",
    "jumped",
];

/// "Of those, 95 per cent were adult men", after "12,658 Albanians crossed": a sentence that
/// opens by referring back to what the sentence before counted counts the same people, and
/// takes that sentence's countries (inferred, at the words that refer back) where it names
/// none in the same role.
pub(crate) fn carry_over(text: &str, previous: &[Entity], entities: &mut Vec<Entity>) {
    let lower = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Since then the number has fallen": a time leaning on the sentence before may come
    // first.
    let lower = LEADING_TIMES
        .iter()
        .find_map(|t| {
            lower
                .get(..t.len())
                .filter(|head| head.eq_ignore_ascii_case(t))
                .map(|_| lower[t.len()..].trim_start_matches([',', ' ']))
        })
        .unwrap_or(lower);
    let offset = text.len() - lower.len();
    let lower = lower.to_ascii_lowercase();
    // "The figure was", but "the total number of migrants" opens a subject of its own.
    let Some(opener) = OPENERS.iter().find(|o| {
        let Some(rest) = lower.strip_prefix(*o) else {
            return false;
        };
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let noun = ["figure", "number", "total"].iter().any(|n| o.ends_with(n));
        // "The figure for women", "the number including dependants": the same count, cut
        // or widened.
        let qualified = ["for", "including", "excluding", "among"].contains(&next);
        rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
            && (!noun || FIGURE_VERBS.contains(&next) || qualified)
    }) else {
        return;
    };
    let span = offset..offset + opener.len();
    for e in previous.iter().filter(|e| !e.excluded) {
        if entities.iter().any(|own| own.role == e.role) {
            continue;
        }
        entities.push(Entity {
            span: span.clone(),
            via: format!("{} ({})", &text[span.clone()], e.via),
            explicit: false,
            ..e.clone()
        });
    }
}

pub(crate) fn find(
    text: &str,
    context: &Context<'_>,
    last_country: &mut Option<String>,
) -> Vec<Entity> {
    let lower = text.to_ascii_lowercase();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = context.gazetteer.find(text);
    mentions.sort_by_key(|m| m.span.start);
    let mut refs = back_references(&lower);
    for mention in mentions {
        for r in refs.iter_mut().filter(|r| r.start < mention.span.start) {
            resolve(text, &lower, r, last_country, &mut entities);
        }
        refs.retain(|r| r.start > mention.span.start);
        let role = match mention.form {
            countries::Form::Demonym => Role::Nationality,
            countries::Form::Name => role_from_preposition(&lower, mention.span.start),
        };
        let excluded = excluded(&lower[..mention.span.start]);
        if context.home != Some(mention.code.as_str()) && !excluded {
            *last_country = Some(mention.code.clone());
        }
        let start = if excluded {
            // "non-Albanian" as a whole.
            lower[..mention.span.start]
                .strip_suffix("non-")
                .map_or(mention.span.start, str::len)
        } else {
            mention.span.start
        };
        push(
            &mut entities,
            Entity {
                via: text[start..mention.span.end].to_string(),
                span: start..mention.span.end,
                code: mention.code,
                role,
                explicit: true,
                excluded,
            },
        );
    }
    for r in refs {
        resolve(text, &lower, &r, last_country, &mut entities);
    }
    nationals_of_destination(&lower, &mut entities);
    entities
}

/// Words right before a country that mean every country but it: "non-Albanian", "other than
/// Albania", "excluding Albanians".
fn excluded(before: &str) -> bool {
    [
        "non-",
        "non ",
        "other than ",
        "excluding ",
        "except ",
        "apart from ",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

fn back_references(lower: &str) -> Vec<std::ops::Range<usize>> {
    let mut refs: Vec<_> = BACK_REFERENCES
        .iter()
        .filter_map(|p| find_word(lower, p))
        .collect();
    refs.sort_by_key(|r| r.start);
    refs
}

/// "to the country" and "people from the country" name the last country mentioned, as a
/// destination and a nationality; elsewhere "the country" is as likely to be the country the
/// statistics are about, so it is left alone.
fn resolve(
    text: &str,
    lower: &str,
    span: &std::ops::Range<usize>,
    last_country: &Option<String>,
    entities: &mut Vec<Entity>,
) {
    let Some(code) = last_country else { return };
    let role = role_from_preposition(lower, span.start);
    // "From this country" is the speaker's own.
    let own = lower[span.clone()].starts_with("this ");
    if role == Role::Unspecified || (role == Role::Nationality && own) {
        return;
    }
    push(
        entities,
        Entity {
            span: span.clone(),
            code: code.clone(),
            role,
            via: format!("{} ({code})", &text[span.clone()]),
            explicit: false,
            excluded: false,
        },
    );
}

/// The role a preposition just before a country name gives it.
fn role_from_preposition(lower: &str, start: usize) -> Role {
    let before: Vec<&str> = lower[..start].split_whitespace().rev().take(3).collect();
    match before.as_slice() {
        ["to" | "into", ..] => Role::Destination,
        ["from", ..] | ["of", "nationals", ..] | ["of", "citizens", ..] => Role::Nationality,
        _ => Role::Unspecified,
    }
}

/// "1,000 nationals returned to Albania": nationals of the destination.
fn nationals_of_destination(lower: &str, entities: &mut Vec<Entity>) {
    let Some(at) = find_word(lower, "nationals").or_else(|| find_word(lower, "citizens")) else {
        return;
    };
    let named_nationality = entities.iter().any(|e| e.role == Role::Nationality);
    let destination = entities
        .iter()
        .find(|e| e.role == Role::Destination)
        .cloned();
    if let (false, Some(destination)) = (named_nationality, destination) {
        push(
            entities,
            Entity {
                span: at.clone(),
                code: destination.code.clone(),
                role: Role::Nationality,
                via: format!("nationals (of {})", destination.code),
                explicit: false,
                excluded: false,
            },
        );
    }
}

fn push(entities: &mut Vec<Entity>, entity: Entity) {
    if !entities
        .iter()
        .any(|e| e.code == entity.code && e.role == entity.role)
    {
        entities.push(entity);
    }
}
