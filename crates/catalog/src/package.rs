//! Reading a Frictionless data package with Tally's custom properties.
//!
//! The JSON is read into raw structs that mirror the file, then checked and turned into the
//! catalog's own types, so that a mistake in a description is reported with the dataset and
//! field it is in.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{
    Catalog, Dataset, Dimension, Error, Group, Measure, Role, Unrecorded, Value, Vocabulary,
};

#[derive(Deserialize)]
struct RawPackage {
    #[serde(default)]
    resources: Vec<RawResource>,
    #[serde(default)]
    tally: RawPackageTally,
}

#[derive(Deserialize, Default)]
struct RawPackageTally {
    spatial: Option<String>,
    release: Option<String>,
}

#[derive(Deserialize)]
struct RawResource {
    name: String,
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    schema: RawSchema,
    tally: Option<RawResourceTally>,
}

#[derive(Deserialize)]
struct RawSchema {
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
struct RawResourceTally {
    counts: String,
    unit: String,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    population: Vec<String>,
    #[serde(default)]
    unrecorded: Option<RawUnrecorded>,
    #[serde(default)]
    published_after_days: Option<u32>,
    #[serde(default)]
    published_daily_within_days: Option<u32>,
}

#[derive(Deserialize)]
struct RawUnrecorded {
    words: Vec<String>,
    reason: String,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
    tally: Option<RawFieldTally>,
}

#[derive(Deserialize)]
struct RawFieldTally {
    role: String,
    #[serde(default)]
    values: BTreeMap<String, RawValue>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    readings: Vec<RawGroup>,
}

#[derive(Deserialize, Default)]
struct RawValue {
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    loose_words: Vec<String>,
    #[serde(default)]
    age: Option<(u32, Option<u32>)>,
    #[serde(default)]
    unknown: bool,
}

#[derive(Deserialize)]
struct RawGroup {
    label: String,
    values: RawValues,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    default: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValues {
    All(String),
    Some(Vec<String>),
}

/// The package with only the resource `name`, everything else kept as it is.
pub(crate) fn only_resource(json: &str, name: &str) -> Result<Option<String>, Error> {
    let mut package: serde_json::Value =
        serde_json::from_str(json).map_err(|e| Error::Json(e.to_string()))?;
    let Some(resources) = package.get_mut("resources").and_then(|r| r.as_array_mut()) else {
        return Ok(None);
    };
    resources.retain(|r| r.get("name").and_then(|n| n.as_str()) == Some(name));
    if resources.is_empty() {
        return Ok(None);
    }
    Ok(Some(package.to_string()))
}

pub(crate) fn read(json: &str) -> Result<Catalog, Error> {
    let raw: RawPackage = serde_json::from_str(json).map_err(|e| Error::Json(e.to_string()))?;
    let datasets = raw
        .resources
        .into_iter()
        .filter(|r| r.tally.is_some())
        .map(dataset)
        .collect::<Result<_, _>>()?;
    Ok(Catalog {
        datasets,
        spatial: raw.tally.spatial,
        release: raw.tally.release,
    })
}

fn dataset(raw: RawResource) -> Result<Dataset, Error> {
    let problem = |problem: String| Error::Dataset {
        dataset: raw.name.clone(),
        problem,
    };
    let tally = raw.tally.as_ref().expect("filtered on tally");
    let with_role = |role: &'static str| {
        raw.schema
            .fields
            .iter()
            .filter(move |f| f.tally.as_ref().is_some_and(|t| t.role == role))
    };
    let time =
        single(with_role("time")).map_err(|n| problem(format!("{n} time fields, expected one")))?;
    let measure = single(with_role("measure"))
        .map_err(|n| problem(format!("{n} measure fields, expected one")))?;
    let dimensions = raw
        .schema
        .fields
        .iter()
        .filter_map(|f| f.tally.as_ref().map(|t| (f, t)))
        .filter(|(_, t)| !matches!(t.role.as_str(), "time" | "measure"))
        .map(|(f, t)| dimension(&f.name, t).map_err(&problem))
        .collect::<Result<_, _>>()?;
    Ok(Dataset {
        name: raw.name.clone(),
        path: raw.path.clone(),
        title: raw.title.clone().unwrap_or_else(|| raw.name.clone()),
        description: raw.description.clone().unwrap_or_default(),
        time: time.name.clone(),
        measure: Measure {
            column: measure.name.clone(),
            counts: tally.counts.clone(),
            unit: tally.unit.clone(),
            words: Vocabulary::new(&tally.words),
            population: Vocabulary::new(&tally.population),
            unrecorded: tally
                .unrecorded
                .as_ref()
                .map(|u| Unrecorded {
                    words: Vocabulary::new(&u.words),
                    reason: u.reason.clone(),
                })
                .unwrap_or_default(),
        },
        dimensions,
        published_after_days: tally.published_after_days,
        published_daily_within_days: tally.published_daily_within_days,
    })
}

fn single<'a>(mut fields: impl Iterator<Item = &'a RawField>) -> Result<&'a RawField, usize> {
    match (fields.next(), fields.next()) {
        (Some(field), None) => Ok(field),
        (None, _) => Err(0),
        (Some(_), Some(_)) => Err(2 + fields.count()),
    }
}

fn dimension(column: &str, raw: &RawFieldTally) -> Result<Dimension, String> {
    let role = match raw.role.as_str() {
        "nationality" => Role::Nationality,
        "destination" => Role::Destination,
        "region" => Role::Region,
        "destination_region" => Role::DestinationRegion,
        "category" => Role::Category,
        other => return Err(format!("field `{column}` has an unknown role `{other}`")),
    };
    let values: Vec<Value> = raw.values.iter().map(|(name, v)| value(name, v)).collect();
    let groups = raw
        .groups
        .iter()
        .map(|g| group(column, g))
        .collect::<Result<_, _>>()?;
    let readings: Vec<Group> = raw
        .readings
        .iter()
        .map(|g| group(column, g))
        .collect::<Result<_, _>>()?;
    if readings.iter().filter(|r| r.default).count() > 1 {
        return Err(format!(
            "field `{column}` has more than one default reading"
        ));
    }
    Ok(Dimension {
        column: column.to_string(),
        role,
        values,
        groups,
        readings,
    })
}

fn value(name: &str, raw: &RawValue) -> Value {
    let labels = if raw.labels.is_empty() {
        vec![name.to_string()]
    } else {
        raw.labels.clone()
    };
    let all: Vec<String> = raw.words.iter().chain(&raw.loose_words).cloned().collect();
    Value {
        name: name.to_string(),
        labels,
        words: Vocabulary::new(&all),
        loose: Vocabulary::new(&raw.loose_words),
        age: raw.age,
        unknown: raw.unknown,
    }
}

fn group(column: &str, raw: &RawGroup) -> Result<Group, String> {
    let values = match &raw.values {
        RawValues::All(star) if star == "*" => None,
        RawValues::All(other) => {
            return Err(format!(
                "field `{column}`: `{}` has values `{other}`, expected a list or \"*\"",
                raw.label
            ));
        }
        RawValues::Some(values) => Some(values.clone()),
    };
    Ok(Group {
        label: raw.label.clone(),
        values,
        words: Vocabulary::new(&raw.words),
        default: raw.default,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME_OFFICE: &str = include_str!("../../../datasets/home-office/datapackage.json");

    #[test]
    fn reads_the_home_office_description() {
        let catalog = read(HOME_OFFICE).unwrap();
        let names: Vec<&str> = catalog.datasets.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "returns",
                "returns_by_destination",
                "returns_offenders_by_nationality",
                "returns_offenders_by_destination",
                "irregular_migration",
                "small_boat_asylum_applications",
                "applications",
                "people_entering_detention"
            ]
        );
        let returns = catalog.dataset("returns").unwrap();
        assert_eq!(returns.measure.column, "Number of returns");
        let types = returns.dimension("Return type group").unwrap();
        assert_eq!(
            types.default_reading().unwrap().label,
            "enforced and voluntary returns"
        );
        let home = returns.dimension("Return destination group").unwrap();
        assert_eq!(
            home.labels_of(&["Home country".into()]),
            ["Home country", "Home Country"]
        );
        assert_eq!(catalog.spatial.as_deref(), Some("GBR"));
    }

    #[test]
    fn reports_a_bad_role_with_its_dataset() {
        let json = r#"{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [
            {"name": "Date", "tally": {"role": "time"}},
            {"name": "Colour", "tally": {"role": "flavour"}},
            {"name": "N", "tally": {"role": "measure"}}]},
            "tally": {"counts": "things", "unit": "things"}}]}"#;
        let error = read(json).unwrap_err().to_string();
        assert_eq!(
            error,
            "dataset `t`: field `Colour` has an unknown role `flavour`"
        );
    }

    #[test]
    fn reports_a_missing_measure() {
        let json = r#"{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [
            {"name": "Date", "tally": {"role": "time"}}]},
            "tally": {"counts": "things", "unit": "things"}}]}"#;
        let error = read(json).unwrap_err().to_string();
        assert_eq!(error, "dataset `t`: 0 measure fields, expected one");
    }
}
