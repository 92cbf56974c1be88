//! What a user change did, as data. The audit log keeps this rather than a sentence, so the
//! footer and the undo message word it in the language on screen when they show it, not in
//! the one the change was made in.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::figures::Metric;
use super::import::ImportKind;
use super::initiative::Stage;

/// One kind of change each, with the names and numbers its sentence needs. Names typed by
/// the officer (units, titles, KPIs) are kept as they were at the time; words that are
/// translated (a stage, a figure, a kind of import) are kept as their codes.
///
/// This is stored (as JSON, in `audit_log.summary_json`): the tag and field names below are
/// part of the store's format, so renaming one needs a migration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeSummary {
    Ticked {
        unit: String,
        requirement: String,
    },
    Unticked {
        unit: String,
        requirement: String,
    },
    Contact {
        unit: String,
    },
    AddInitiative {
        title: String,
        unit: String,
    },
    EditInitiative {
        title: String,
    },
    DeleteInitiative {
        title: String,
    },
    Stage {
        title: String,
        #[serde(with = "stage_code")]
        from: Stage,
        #[serde(with = "stage_code")]
        to: Stage,
    },
    Replications {
        title: String,
        units: usize,
    },
    /// None: the cell was cleared.
    Figure {
        unit: String,
        #[serde(with = "metric_code")]
        metric: Metric,
        value: Option<i64>,
    },
    Registration {
        unit: String,
    },
    DeleteRegistration {
        unit: String,
    },
    /// `photos`: how many new photos came with it.
    Report {
        unit: String,
        photos: usize,
    },
    Round {
        round: i64,
        date: NaiveDate,
    },
    AddAgenda {
        title: String,
    },
    EditAgenda {
        title: String,
    },
    DeleteAgenda {
        title: String,
    },
    Measurement {
        kpi: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    DeleteMeasurement {
        kpi: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// None: the target was cleared. A percentage.
    Target {
        kpi: String,
        target: Option<f64>,
    },
    /// The officer's assessment and next steps for the report of `date`.
    Assessment {
        date: NaiveDate,
    },
    /// A campaign file's differences from the store applied at once (`campaign apply`);
    /// `source` is the file's name, the counts are of the things added, changed, removed.
    CampaignApplied {
        source: String,
        added: usize,
        changed: usize,
        removed: usize,
    },
    /// A whole file imported; `source` is the file's name.
    Import {
        #[serde(with = "import_kind_code")]
        what: ImportKind,
        source: String,
    },
}

/// What the audit log holds for a change, to be worded when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    Data(ChangeSummary),
    /// A change logged before the log kept data: the sentence it was written with then.
    Text(String),
}

/// What a value is once a change to it is undone, for the message saying so: the officer
/// reads where things stand, not only what was taken back. Worked out from the rows the undo
/// put back, never stored.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoneTo {
    /// A figure's number.
    Number(i64),
    /// A KPI's target, a percentage.
    Percent(f64),
    /// Nothing there: a figure or a target without a value, a contact with neither name nor
    /// phone.
    Empty,
    Stage(Stage),
    Ticked,
    Unticked,
    /// A unit's contact as it is now; at least one of the two is not empty.
    Contact {
        person: String,
        phone: String,
    },
    /// How many units replicate the initiative now.
    Units(usize),
    /// The record the change added is gone.
    Removed,
    /// The record the change deleted is back.
    Restored,
    /// The record the change edited (or the import wrote) is as it was before.
    AsBefore,
}

/// An enum stored by its code, so a renamed Rust variant does not change the stored text.
fn by_code<'de, D: Deserializer<'de>, T: Copy>(
    d: D,
    all: &[T],
    code: fn(T) -> &'static str,
) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    all.iter()
        .copied()
        .find(|v| code(*v) == text)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown code {text:?}")))
}

mod stage_code {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Stage, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        by_code(d, &Stage::ALL, Stage::code)
    }
}

mod metric_code {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Metric, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Metric, D::Error> {
        by_code(d, &Metric::ALL, Metric::code)
    }
}

mod import_kind_code {
    use super::*;

    pub fn serialize<S: Serializer>(v: &ImportKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ImportKind, D::Error> {
        by_code(d, &ImportKind::ALL, ImportKind::code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 5, d).unwrap_or_default()
    }

    /// Every kind of change once, for the round trip.
    fn every_kind() -> Vec<ChangeSummary> {
        use ChangeSummary::*;
        let unit = || "UBND phường Hiệp Tân".to_string();
        let title = || "Mã QR \"tra cứu\"".to_string();
        vec![
            Ticked {
                unit: unit(),
                requirement: "Thi đua".into(),
            },
            Unticked {
                unit: unit(),
                requirement: "Thi đua".into(),
            },
            Contact { unit: unit() },
            AddInitiative {
                title: title(),
                unit: unit(),
            },
            EditInitiative { title: title() },
            DeleteInitiative { title: title() },
            Stage {
                title: title(),
                from: super::Stage::Evaluated,
                to: super::Stage::Proposed,
            },
            Replications {
                title: title(),
                units: 3,
            },
            Figure {
                unit: unit(),
                metric: Metric::LandResolved,
                value: Some(12),
            },
            Figure {
                unit: unit(),
                metric: Metric::Volunteers,
                value: None,
            },
            Registration { unit: unit() },
            DeleteRegistration { unit: unit() },
            Report {
                unit: unit(),
                photos: 2,
            },
            Round {
                round: 3,
                date: day(21),
            },
            AddAgenda { title: title() },
            EditAgenda { title: title() },
            DeleteAgenda { title: title() },
            Measurement {
                kpi: "Hồ sơ đúng hạn".into(),
                start: day(1),
                end: day(7),
            },
            DeleteMeasurement {
                kpi: "Hồ sơ đúng hạn".into(),
                start: day(1),
                end: day(7),
            },
            Target {
                kpi: "Hồ sơ đúng hạn".into(),
                target: Some(72.5),
            },
            Target {
                kpi: "Hồ sơ đúng hạn".into(),
                target: None,
            },
            Import {
                what: ImportKind::Figures,
                source: "so-lieu.csv".into(),
            },
            Assessment { date: day(7) },
            CampaignApplied {
                source: "chien-dich.toml".into(),
                added: 3,
                changed: 2,
                removed: 1,
            },
        ]
    }

    #[test]
    fn every_kind_reads_back_as_written() {
        for c in every_kind() {
            let json = serde_json::to_string(&c).expect("serialise");
            let back: ChangeSummary = serde_json::from_str(&json).expect("deserialise");
            assert_eq!(back, c, "{json}");
        }
    }

    /// The stored form: a tag, named fields, codes for translated words, ISO dates.
    #[test]
    fn the_stored_form_uses_codes_not_words() {
        let stage = ChangeSummary::Stage {
            title: "QR".into(),
            from: Stage::Registered,
            to: Stage::Implementing,
        };
        assert_eq!(
            serde_json::to_string(&stage).expect("json"),
            r#"{"kind":"stage","title":"QR","from":"registered","to":"implementing"}"#
        );
        let figure = ChangeSummary::Figure {
            unit: "A".into(),
            metric: Metric::FilesReceived,
            value: None,
        };
        assert_eq!(
            serde_json::to_string(&figure).expect("json"),
            r#"{"kind":"figure","unit":"A","metric":"files_received","value":null}"#
        );
        let round = ChangeSummary::Round {
            round: 2,
            date: day(14),
        };
        assert_eq!(
            serde_json::to_string(&round).expect("json"),
            r#"{"kind":"round","round":2,"date":"2022-05-14"}"#
        );
    }

    #[test]
    fn an_unknown_code_or_kind_is_refused() {
        for json in [
            r#"{"kind":"stage","title":"QR","from":"registered","to":"promoted"}"#,
            r#"{"kind":"figure","unit":"A","metric":"trees","value":1}"#,
            r#"{"kind":"something_new","unit":"A"}"#,
            r#"{"unit":"A"}"#,
        ] {
            assert!(
                serde_json::from_str::<ChangeSummary>(json).is_err(),
                "{json}"
            );
        }
    }
}
