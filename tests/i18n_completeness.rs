//! Every UI string exists in French and English, every key the code uses exists, and French
//! strings keep their typography.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use gardefou::i18n::{self, Lang};

fn keys(lang: Lang) -> BTreeSet<String> {
    i18n::bundled(lang).keys().cloned().collect()
}

#[test]
fn both_language_files_parse() {
    for (name, file) in [
        ("fr", "templates/i18n/fr.ron"),
        ("en", "templates/i18n/en.ron"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let text = fs::read_to_string(path).expect("read");
        if let Err(error) = i18n::parse_catalogue(&text) {
            panic!("{name}: {error}");
        }
    }
}

#[test]
fn french_and_english_have_the_same_keys_and_no_empty_text() {
    let fr = keys(Lang::Fr);
    let en = keys(Lang::En);
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(
        only_fr.is_empty() && only_en.is_empty(),
        "only fr: {only_fr:?}\nonly en: {only_en:?}"
    );
    for lang in Lang::ALL {
        for (key, text) in i18n::bundled(lang) {
            assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
        }
    }
}

/// The dossier catalogue (`templates/dossier`) of a language.
fn dossier_keys(lang: Lang) -> BTreeSet<String> {
    gardefou::knowledge::KnowledgeBase::bundled()
        .expect("knowledge base")
        .texts
        .catalogue(lang)
        .keys()
        .cloned()
        .collect()
}

/// The modules (and files) whose texts come from the dossier catalogue, not from the UI's: the
/// portfolio's report and calendar file are documents; its table is shown by the interface.
const DOSSIER_SIDE: [&str; 6] = [
    "dossier",
    "documents",
    "rules",
    "interop",
    "portfolio/report.rs",
    "portfolio/ics.rs",
];

#[test]
fn the_dossier_catalogue_has_both_languages_and_french_typography() {
    let kb = gardefou::knowledge::KnowledgeBase::bundled().expect("knowledge base");
    let fr = dossier_keys(Lang::Fr);
    let en = dossier_keys(Lang::En);
    assert!(fr.len() > 300, "{} texts", fr.len());
    assert_eq!(fr, en, "templates/dossier/fr.ron and en.ron differ in keys");
    for lang in Lang::ALL {
        for (key, text) in kb.texts.catalogue(lang) {
            assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
        }
    }
    for (key, text) in kb.texts.catalogue(Lang::Fr) {
        for mark in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(
                !text.contains(mark),
                "dossier {key}: ordinary space in « {mark} » — use U+00A0"
            );
        }
    }
}

/// Every string literal in src/ that looks like a text key must exist: in the dossier
/// catalogue for the dossier, documents, rules and interop modules, in the UI's elsewhere.
#[test]
fn every_key_the_code_uses_exists() {
    let ui_keys = keys(Lang::Fr);
    let dossier = dossier_keys(Lang::Fr);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let prefixes = [
        "ui.",
        "section.",
        "column.",
        "field.",
        "cli.",
        "error.",
        "problem.",
        "enum.",
        "doc.",
        "warning.",
        "portfolio.",
    ];
    let mut missing = Vec::new();
    for file in sources {
        let is_dossier_side = DOSSIER_SIDE
            .iter()
            .any(|module| file.starts_with(src.join(module)));
        let fr = if is_dossier_side { &dossier } else { &ui_keys };
        let text = fs::read_to_string(&file).expect("read");
        for literal in text.split('"').skip(1).step_by(2) {
            let looks_like_key = prefixes.iter().any(|p| literal.starts_with(p))
                && literal
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
                && !literal.ends_with('.');
            // A counted phrase names its base key; its `.one` and `.many` forms must exist.
            let is_counted =
                fr.contains(&format!("{literal}.one")) && fr.contains(&format!("{literal}.many"));
            if looks_like_key && !fr.contains(literal) && !is_counted {
                missing.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from templates/i18n (or templates/dossier for the dossier side):\n{}",
        missing.join("\n")
    );
}

/// Enum labels are looked up as `enum.<kind>.<Variant>`; every variant shown needs one.
#[test]
fn every_enum_value_shown_has_a_label() {
    use gardefou::model::*;
    let mut wanted: Vec<String> = Vec::new();
    let mut add = |kind: &str, values: Vec<String>| {
        wanted.extend(values.into_iter().map(|v| format!("enum.{kind}.{v}")));
    };
    add(
        "organisation_kind",
        [
            OrganisationKind::Commune,
            OrganisationKind::Intercommunality,
            OrganisationKind::OtherPublicBody,
            OrganisationKind::PrivatePublicService,
            OrganisationKind::Private,
        ]
        .iter()
        .map(|v| format!("{v:?}"))
        .collect(),
    );
    add(
        "status",
        [
            ProjectStatus::Draft,
            ProjectStatus::InReview,
            ProjectStatus::Validated,
        ]
        .iter()
        .map(|v| format!("{v:?}"))
        .collect(),
    );
    add(
        "deployment_stage",
        [DeploymentStage::Planned, DeploymentStage::InOperation]
            .iter()
            .map(|v| format!("{v:?}"))
            .collect(),
    );
    add("lang", Lang::ALL.iter().map(|v| format!("{v:?}")).collect());
    add(
        "regime",
        [Regime::Undetermined, Regime::Gdpr, Regime::PoliceJustice]
            .iter()
            .map(|v| format!("{v:?}"))
            .collect(),
    );
    add(
        "legal_basis",
        [
            LegalBasis::Undetermined,
            LegalBasis::PublicTask,
            LegalBasis::LegalObligation,
            LegalBasis::LegitimateInterest,
            LegalBasis::Consent,
            LegalBasis::TitleIIIMission,
        ]
        .iter()
        .map(|v| format!("{v:?}"))
        .collect(),
    );
    add(
        "presence",
        [Presence::Unknown, Presence::Absent, Presence::Present]
            .iter()
            .map(|v| format!("{v:?}"))
            .collect(),
    );
    add(
        "capability_state",
        [
            CapabilityState::Unknown,
            CapabilityState::Enabled,
            CapabilityState::DisabledByConfig,
            CapabilityState::LockedByVendor,
        ]
        .iter()
        .map(|v| format!("{v:?}"))
        .collect(),
    );
    add(
        "unlock_holder",
        [
            UnlockHolder::Unknown,
            UnlockHolder::Controller,
            UnlockHolder::Vendor,
            UnlockHolder::Integrator,
            UnlockHolder::NoOne,
        ]
        .iter()
        .map(|v| format!("{v:?}"))
        .collect(),
    );
    let fr = keys(Lang::Fr);
    let missing: Vec<_> = wanted.iter().filter(|k| !fr.contains(*k)).collect();
    assert!(missing.is_empty(), "missing enum labels: {missing:?}");
}

#[test]
fn french_texts_use_no_break_spaces_before_high_punctuation() {
    for (key, text) in i18n::bundled(Lang::Fr) {
        for mark in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(
                !text.contains(mark),
                "{key}: ordinary space in « {mark} » — use U+00A0"
            );
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("list").filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
