//! CNIL PIA interop: fixtures written from the format description (minimal, complete with HTML
//! and entities, malformed), the round trip import → export → import, the dossier of an imported
//! PIA, refusals of what is not a PIA, and the importer on arbitrary JSON.

mod common;

use std::path::Path;

use gardefou::interop::pia::{self, PiaError};
use gardefou::model::{Evaluation, Lang, Level, MeasureStatus};
use gardefou::rules;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pia")
            .join(name),
    )
    .expect("fixture")
}

fn import(name: &str) -> pia::Imported {
    pia::import(&fixture(name), common::shared_kb()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_complete_fixture_lands_in_the_right_places() {
    let a = import("complete.json").assessment;
    assert_eq!(a.project.title, "AIPD vidéoprotection centre-ville");
    assert_eq!(a.project.dpo_name, "Chloé Leroy");
    assert!(a
        .processing
        .description
        .contains("Quarante caméras filment"));
    assert!(a
        .processing
        .description
        .contains("• enregistrement 15\u{a0}jours"));
    assert_eq!(a.processing.data_categories, ["Images", "Journaux d'accès"]);
    let retention = a
        .answers
        .iter()
        .find(|x| x.question_id.as_str() == "necessity.retention")
        .expect("215");
    assert_eq!(retention.evaluation, Evaluation::ToImprove);
    assert_eq!(retention.comment, "Justifier les quinze jours.");
    let access = a
        .risks
        .iter()
        .find(|r| r.risk_id.as_str() == "RISK-ACCESS")
        .expect("3.2");
    assert_eq!(access.impacts, ["Atteinte à la vie privée", "Chantage"]);
    assert_eq!(
        (access.severity, access.likelihood),
        (Some(Level::Significant), Some(Level::Limited))
    );
    assert_eq!(
        (access.residual_severity, access.residual_likelihood),
        (Some(Level::Significant), Some(Level::Negligible))
    );
    assert_eq!(
        access
            .measure_ids
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
        ["PIA-31"]
    );
    let training = a
        .measures
        .iter()
        .find(|m| m.measure_id.as_str() == "PIA-32")
        .expect("measure 32");
    assert_eq!(training.status, MeasureStatus::Planned);
    assert_eq!(training.owner, "Directeur de la police municipale");
    assert!(training.description.contains("Former les neuf opérateurs."));
    assert!(a
        .opinions
        .dpo_opinion
        .starts_with("Avis favorable\u{a0}: le dispositif est proportionné."));
    assert!(a
        .opinions
        .decision_reasons
        .contains("«\u{a0}vidéoprotection\u{a0}»"));
    assert!(a
        .project
        .imported_notes
        .contains("Évaluateur : Bruno Petit"));
    assert!(a
        .project
        .imported_notes
        .contains("La commune est responsable de traitement."));
    assert!(a
        .project
        .imported_notes
        .contains("Préciser le nombre de caméras dômes."));
}

#[test]
fn import_export_import_gives_the_same_assessment() {
    let kb = common::shared_kb();
    for name in ["minimal.json", "complete.json", "malformed.json"] {
        let first = import(name).assessment;
        let report = rules::evaluate(&first, kb, common::day("2026-11-23"));
        let json = pia::export(&first, kb, &report, Lang::Fr, common::day("2026-11-23"));
        let mut second = pia::import(json.as_bytes(), kb)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .assessment;
        // Each import keeps the file it read; the rest must not change.
        assert!(!second.project.imported_pia.is_empty());
        let mut first = first.clone();
        first.project.imported_pia.clear();
        // A file without dates gets the export's date (the tool would show 1970 otherwise).
        let today = common::day("2026-11-23");
        first.project.created_on.get_or_insert(today);
        first.project.updated_on.get_or_insert(today);
        second.project.imported_pia.clear();
        assert!(
            second == first,
            "{name}: the round trip changed the assessment:\n{:#?}\n---\n{:#?}",
            (
                &first.project,
                &first.opinions,
                &first.processing.description,
                &first.answers.len(),
                &first.risks,
                &first.measures
            ),
            (
                &second.project,
                &second.opinions,
                &second.processing.description,
                &second.answers.len(),
                &second.risks,
                &second.measures
            )
        );
    }
}

#[test]
fn the_export_carries_the_video_content_in_marked_paragraphs() {
    let kb = common::shared_kb();
    let sample = common::sample();
    let report = rules::evaluate(&sample, kb, common::day("2026-11-23"));
    let json = pia::export(&sample, kb, &report, Lang::Fr, common::day("2026-11-23"));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let answers = value["answers"].as_array().expect("answers");
    let text_of = |reference: u64| {
        answers
            .iter()
            .find(|a| a["reference_to"] == reference)
            .and_then(|a| a["data"]["text"].as_str())
            .unwrap_or("")
            .to_owned()
    };
    assert!(text_of(111).contains("[Garde-fou] 124 caméras, dont 22 couplées"));
    assert!(
        text_of(111).contains("Version installée le : 15/09/2026"),
        "the installed version's date travels to the PIA"
    );
    assert!(
        text_of(111).contains("Traitement à grande échelle (appréciation du responsable) : Oui"),
        "the controller's scale judgement travels to the PIA: {}",
        text_of(111)
    );
    assert!(
        text_of(211).contains("R12"),
        "legal findings go into 2.1.211"
    );
    assert!(
        text_of(223)
            .contains("[Garde-fou] Qui reçoit les demandes : Délégué à la protection des données")
            && text_of(223).contains("Tiers visibles masqués : Oui"),
        "the access procedure goes into 2.2.223: {}",
        text_of(223)
    );
    assert!(
        text_of(227)
            .contains("BriefVision SAS (éditeur) — Hébergé ou accessible hors de l’UE : Non"),
        "processors outside the EU go into 2.2.227: {}",
        text_of(227)
    );
    assert_eq!(value["pia"]["status"], 0);
    assert!(value["evaluations"]
        .as_array()
        .expect("evaluations")
        .iter()
        .any(|e| e["reference_to"] == "3.2"));
}

#[test]
fn malformed_references_and_unknown_keys_give_warnings_not_an_abort() {
    let imported = import("malformed.json");
    assert!(imported
        .warnings
        .contains(&pia::PiaWarning::MalformedEvaluation(
            "3.1.[object Object]".into()
        )));
    assert!(imported
        .warnings
        .contains(&pia::PiaWarning::UnknownKey("mystery".into())));
    // Each warning reads in both languages, with what it is about.
    for warning in &imported.warnings {
        let fr = gardefou::messages::pia_warning(warning, gardefou::i18n::Lang::Fr);
        let en = gardefou::messages::pia_warning(warning, gardefou::i18n::Lang::En);
        assert_ne!(fr, en);
        assert!(!fr.contains('{') && !en.contains('{'), "{fr} / {en}");
    }
    assert!(imported
        .assessment
        .project
        .imported_notes
        .contains("Question inconnue"));
    assert!(
        imported
            .assessment
            .project
            .imported_notes
            .contains("Sans identifiant"),
        "nothing silently dropped"
    );
}

#[test]
fn what_is_not_a_pia_export_is_refused_with_one_clear_error() {
    let kb = common::shared_kb();
    assert_eq!(
        pia::import(&fixture("server.json"), kb).err(),
        Some(PiaError::ServerEdition)
    );
    assert_eq!(
        pia::import(&fixture("notpia.json"), kb).err(),
        Some(PiaError::NotPia)
    );
    assert!(matches!(
        pia::import(b"\x00\x01 not json", kb),
        Err(PiaError::NotJson(_))
    ));
}

#[test]
fn the_dossier_of_an_imported_pia_shows_its_answers_measures_comments_and_opinions() {
    let kb = common::shared_kb();
    let a = import("complete.json").assessment;
    let report = rules::evaluate(&a, kb, common::day("2026-11-23"));
    let options = gardefou::dossier::DossierOptions {
        lang: Lang::Fr,
        is_public: false,
        today: common::day("2026-11-23"),
        source_text: None,
    };
    let layout =
        gardefou::pdf::pages(&gardefou::dossier::build(&a, kb, &report, &options)).expect("layout");
    let text: String = layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            gardefou::pdf::layout::Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&text);
    for expected in [
        "Quarante caméras filment la voie publique du centre-ville.",
        "Prévention des atteintes aux biens (5°).",
        "Quinze jours, puis écrasement.",
        "Justifier les quinze jours.",
        "Finalité claire.",
        "Journalisation des accès",
        "Formation des opérateurs",
        "Former les neuf opérateurs.",
        "le dispositif est proportionné.",
        "Les habitants demandent la liste des caméras.",
        "Préciser le nombre de caméras dômes.",
    ] {
        assert!(
            text.contains(&squash(expected)),
            "« {expected} » missing from the dossier"
        );
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        "[a-z0-9&;<>/. #]{0,12}".prop_map(serde_json::Value::String),
        prop_oneof![
            Just("3.1.2"),
            Just("2.1.211"),
            Just("3.2"),
            Just("pia"),
            Just("<p>x&eacute;</p>")
        ]
        .prop_map(|s| serde_json::Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("pia"),
                    Just("answers"),
                    Just("measures"),
                    Just("evaluations"),
                    Just("comments"),
                    Just("reference_to"),
                    Just("data"),
                    Just("text"),
                    Just("gauge"),
                    Just("list"),
                    Just("id"),
                    Just("status"),
                    Just("gauges"),
                    Just("x"),
                    Just("y"),
                    Just("name"),
                    Just("title")
                ]
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_on_arbitrary_json(value in json_value()) {
        let bytes = serde_json::to_vec(&value).expect("serialize");
        let kb = common::shared_kb();
        if let Ok(imported) = pia::import(&bytes, kb) {
            let report = rules::evaluate(&imported.assessment, kb, common::day("2026-11-23"));
            let _ = pia::export(&imported.assessment, kb, &report, Lang::En, common::day("2026-11-23"));
        }
    }

    #[test]
    fn the_importer_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = pia::import(&bytes, common::shared_kb());
    }
}
