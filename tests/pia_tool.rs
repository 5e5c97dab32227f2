//! The CNIL PIA tool's side of the interop: its completeness rules, reproduced from how its
//! evaluation service judges each item (every question answered — text, a list, or a gauge with
//! its justification —, every evaluation started and completed with `global_status` 2, an
//! « improvable » one carrying its action plan, the DPO and data subjects' part filled), applied
//! to what `export-pia` writes; and a full export shaped like the tool's own (every part: 1.x and
//! 2.x evaluations, each measure's, risks 3.2-3.4 with comments and corrective actions, answers
//! 112 and 113, comments on questions and measures) going through import → export unchanged.

mod common;

use std::collections::BTreeMap;

use gardefou::interop::pia;
use gardefou::model::Lang;
use gardefou::rules;
use serde_json::Value;

const TODAY: &str = "2026-11-23";

/// An item of the tool's structure: its questions and their answer types, and how it is
/// evaluated.
struct Item {
    reference: &'static str,
    questions: Vec<(u16, Kind)>,
    mode: Mode,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    List,
    Gauge,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// One evaluation for the item (`1.1`, `3.2`).
    Item,
    /// One evaluation per answered question (`2.1.211`).
    Question,
    /// One evaluation per measure (`3.1.<id>`).
    Measures,
}

fn structure() -> Vec<Item> {
    let texts = |numbers: &[u16]| numbers.iter().map(|n| (*n, Kind::Text)).collect();
    let risk = |section: u16| {
        (1..=6)
            .map(|i| {
                (
                    section * 10 + i,
                    if i <= 4 { Kind::List } else { Kind::Gauge },
                )
            })
            .collect()
    };
    vec![
        Item {
            reference: "1.1",
            questions: texts(&[111, 112, 113]),
            mode: Mode::Item,
        },
        Item {
            reference: "1.2",
            questions: texts(&[121, 122, 123]),
            mode: Mode::Item,
        },
        Item {
            reference: "2.1",
            questions: texts(&[211, 212, 213, 214, 215]),
            mode: Mode::Question,
        },
        Item {
            reference: "2.2",
            questions: texts(&[221, 222, 223, 224, 225, 226, 227]),
            mode: Mode::Question,
        },
        Item {
            reference: "3.1",
            questions: Vec::new(),
            mode: Mode::Measures,
        },
        Item {
            reference: "3.2",
            questions: risk(32),
            mode: Mode::Item,
        },
        Item {
            reference: "3.3",
            questions: risk(33),
            mode: Mode::Item,
        },
        Item {
            reference: "3.4",
            questions: risk(34),
            mode: Mode::Item,
        },
    ]
}

fn list<'a>(file: &'a Value, key: &str) -> &'a [Value] {
    file.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn non_empty(value: Option<&Value>) -> bool {
    match value {
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        _ => false,
    }
}

fn int(value: Option<&Value>) -> i64 {
    value.and_then(Value::as_i64).unwrap_or(0)
}

/// The status the tool gives an item: 7 once completed and validated, 6 when every evaluation
/// is valid and it can be validated, 2 answered but not evaluated, lower when incomplete.
fn item_status(file: &Value, item: &Item) -> u8 {
    let answer = |reference: u16| {
        list(file, "answers")
            .iter()
            .find(|a| int(a.get("reference_to")) == i64::from(reference))
    };
    let evaluation = |reference: &str| {
        list(file, "evaluations")
            .iter()
            .find(|e| e.get("reference_to").and_then(Value::as_str) == Some(reference))
    };
    let (present, valid, expected, evaluations): (usize, usize, usize, Vec<Option<&Value>>) =
        match item.mode {
            Mode::Measures => {
                let measures = list(file, "measures");
                let complete: Vec<&Value> = measures
                    .iter()
                    .filter(|m| non_empty(m.get("title")) && non_empty(m.get("content")))
                    .collect();
                let evaluations = measures
                    .iter()
                    .map(|m| evaluation(&format!("3.1.{}", int(m.get("id")))))
                    .filter(Option::is_some)
                    .collect();
                (complete.len(), complete.len(), measures.len(), evaluations)
            }
            _ => {
                let answered: Vec<(u16, Kind, &Value)> = item
                    .questions
                    .iter()
                    .filter_map(|(q, kind)| answer(*q).map(|a| (*q, *kind, a)))
                    .collect();
                let valid = answered
                    .iter()
                    .filter(|(_, kind, a)| {
                        let data = a.get("data");
                        let text = data.and_then(|d| d.get("text"));
                        match kind {
                            Kind::Text => non_empty(text),
                            Kind::List => non_empty(data.and_then(|d| d.get("list"))),
                            Kind::Gauge => {
                                non_empty(text) && int(data.and_then(|d| d.get("gauge"))) > 0
                            }
                        }
                    })
                    .count();
                let evaluations = match item.mode {
                    Mode::Item => vec![evaluation(item.reference)],
                    _ => answered
                        .iter()
                        .map(|(q, _, _)| evaluation(&format!("{}.{q}", item.reference)))
                        .collect(),
                };
                (
                    answered.len(),
                    valid,
                    item.questions.len(),
                    evaluations.into_iter().filter(Option::is_some).collect(),
                )
            }
        };
    if present == 0 {
        return 0;
    }
    if valid != expected {
        return 1;
    }
    let evaluations: Vec<&Value> = evaluations.into_iter().flatten().collect();
    if evaluations.is_empty() {
        return 2;
    }
    let status = |e: &Value| int(e.get("status"));
    let global = |e: &Value| int(e.get("global_status"));
    if evaluations.iter().any(|e| status(e) == 0) {
        return 4;
    }
    if evaluations.iter().all(|e| status(e) > 1 && global(e) == 2) {
        return 7;
    }
    if evaluations.iter().any(|e| status(e) == 1 && global(e) == 1) {
        return 3;
    }
    let is_valid = |e: &&Value| match status(e) {
        1 => non_empty(e.get("evaluation_comment")),
        2 => {
            let plan = non_empty(e.get("action_plan_comment"));
            if item.mode == Mode::Item && item.reference.starts_with('3') {
                let gauges = e.get("gauges");
                plan && int(gauges.and_then(|g| g.get("x"))) > 0
                    && int(gauges.and_then(|g| g.get("y"))) > 0
            } else {
                plan
            }
        }
        _ => true,
    };
    if evaluations.iter().all(is_valid) {
        6
    } else {
        5
    }
}

/// The DPO and data subjects' part (4.3): what the tool needs before the PIA can be validated.
fn opinions_complete(file: &Value) -> bool {
    let pia = &file["pia"];
    let zero_or_one = |key: &str| matches!(pia.get(key).and_then(Value::as_i64), Some(0 | 1));
    let dpo = non_empty(pia.get("dpos_names"))
        && zero_or_one("dpo_status")
        && non_empty(pia.get("dpo_opinion"));
    let people = match pia.get("concerned_people_searched_opinion") {
        Some(Value::Bool(false)) => non_empty(pia.get("concerned_people_searched_content")),
        Some(Value::Bool(true)) => {
            non_empty(pia.get("people_names"))
                && zero_or_one("concerned_people_status")
                && non_empty(pia.get("concerned_people_opinion"))
        }
        _ => false,
    };
    dpo && people
}

/// Each item's status and the share of the nine parts (eight items and the opinions) the
/// tool reads as complete.
fn completeness(file: &Value) -> (BTreeMap<&'static str, u8>, u32) {
    let statuses: BTreeMap<&str, u8> = structure()
        .iter()
        .map(|item| (item.reference, item_status(file, item)))
        .collect();
    let complete =
        statuses.values().filter(|s| **s >= 6).count() + usize::from(opinions_complete(file));
    (statuses, (complete * 100 / 9) as u32)
}

fn tool_fixture() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pia/tool-export.json");
    let text = std::fs::read_to_string(path).expect("fixture");
    serde_json::from_str(&text).expect("JSON")
}

fn export_of(a: &gardefou::model::Assessment) -> Value {
    let kb = common::shared_kb();
    let report = rules::evaluate(a, kb, common::day(TODAY));
    let json = pia::export(a, kb, &report, Lang::Fr, common::day(TODAY));
    serde_json::from_str(&json).expect("the export is JSON")
}

#[test]
fn the_rules_read_a_file_shaped_like_the_tools_own_as_complete() {
    let (statuses, percent) = completeness(&tool_fixture());
    assert_eq!(percent, 100, "{statuses:?}");
}

#[test]
fn the_sample_exported_is_complete_and_every_section_validatable_by_the_tools_rules() {
    let file = export_of(common::shared_sample());
    let (statuses, percent) = completeness(&file);
    assert!(percent >= 90, "{percent} % — {statuses:?}");
    for (item, status) in &statuses {
        assert!(*status >= 6, "section {item} cannot be validated: {status}");
    }
    assert!(opinions_complete(&file), "{}", file["pia"]);
    // Without `global_status` no section could be validated: the rules would say so.
    let mut without = file.clone();
    for evaluation in without["evaluations"].as_array_mut().expect("evaluations") {
        evaluation
            .as_object_mut()
            .expect("object")
            .remove("global_status");
    }
    let (statuses, _) = completeness(&without);
    assert!(statuses.values().all(|s| *s < 7), "{statuses:?}");
}

#[test]
fn what_the_tool_needs_is_written_and_nothing_says_more_than_the_assessment() {
    let sample = common::shared_sample();
    let file = export_of(sample);
    let pia = &file["pia"];
    assert_eq!(
        pia["people_names"],
        sample.opinions.consulted_people.as_str()
    );
    assert_eq!(pia["concerned_people_status"], 1);
    assert_eq!(pia["dpo_status"], 1);
    assert!(
        !pia["dpo_opinion"].as_str().unwrap_or("").contains('<'),
        "opinions are plain text"
    );
    assert!(pia["created_at"].as_str().unwrap_or("").starts_with("20"));
    for evaluation in list(&file, "evaluations") {
        assert_eq!(evaluation["global_status"], 2, "{evaluation}");
        if evaluation["status"] == 2 {
            assert!(
                non_empty(evaluation.get("action_plan_comment")),
                "{evaluation}"
            );
        }
    }
    for reference in [112, 113, 326, 336, 346] {
        let answer = list(&file, "answers")
            .iter()
            .find(|a| a["reference_to"] == reference)
            .unwrap_or_else(|| panic!("answer {reference} missing"));
        assert!(non_empty(answer["data"].get("text")), "{answer}");
    }
    // No opinion given: not written as « unfavourable ».
    let mut silent = sample.clone();
    silent.opinions.dpo_conclusion = None;
    silent.opinions.data_subjects_favourable = None;
    let file = export_of(&silent);
    assert!(file["pia"]["dpo_status"].is_null());
    assert!(file["pia"]["concerned_people_status"].is_null());
}

/// The parts of a file, keyed as the tool keys them, without ids and timestamps.
fn parts(file: &Value) -> BTreeMap<String, Value> {
    let strip = |v: &Value| {
        let mut v = v.clone();
        if let Some(object) = v.as_object_mut() {
            for key in ["id", "pia_id", "created_at", "updated_at"] {
                object.remove(key);
            }
        }
        v
    };
    let mut out = BTreeMap::new();
    for answer in list(file, "answers") {
        out.insert(
            format!("answer {}", answer["reference_to"]),
            answer["data"].clone(),
        );
    }
    for evaluation in list(file, "evaluations") {
        out.insert(
            format!("evaluation {}", evaluation["reference_to"]),
            strip(evaluation),
        );
    }
    for measure in list(file, "measures") {
        out.insert(format!("measure {}", measure["id"]), strip(measure));
    }
    for comment in list(file, "comments") {
        out.insert(
            format!(
                "comment {} {}",
                comment["reference_to"], comment["description"]
            ),
            strip(comment),
        );
    }
    out
}

#[test]
fn a_full_tool_export_comes_back_whole_through_import_and_export() {
    let original = tool_fixture();
    let kb = common::shared_kb();
    let bytes = serde_json::to_vec(&original).expect("bytes");
    let imported = pia::import(&bytes, kb).expect("import");
    let exported = export_of(&imported.assessment);
    let before = parts(&original);
    let after = parts(&exported);
    for (key, value) in &before {
        assert_eq!(after.get(key), Some(value), "{key} changed or lost");
    }
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert!(added.is_empty(), "added: {added:?}");
    for key in [
        "status",
        "evaluator_name",
        "validator_name",
        "people_names",
        "concerned_people_status",
        "rejection_reason",
        "applied_adjustments",
        "created_at",
        "category",
    ] {
        assert_eq!(exported["pia"][key], original["pia"][key], "pia.{key}");
    }
}

#[test]
fn an_edit_after_import_reaches_the_tool_and_the_rest_stays_as_it_was() {
    let original = tool_fixture();
    let kb = common::shared_kb();
    let bytes = serde_json::to_vec(&original).expect("bytes");
    let mut a = pia::import(&bytes, kb).expect("import").assessment;
    let minimisation = a
        .answers
        .iter_mut()
        .find(|x| x.text.contains("Pas de son"))
        .expect("answer 213");
    minimisation.text = "Pas de son ; masquage des vitrines voisines.".to_owned();
    let exported = export_of(&a);
    let before = parts(&original);
    let after = parts(&exported);
    let text = after["answer 213"]["text"].as_str().unwrap_or("");
    assert!(text.contains("masquage des vitrines"), "{text}");
    for (key, value) in &before {
        if key != "answer 213" {
            assert_eq!(after.get(key), Some(value), "{key} changed");
        }
    }
}
