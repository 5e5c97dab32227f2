//! The documents derived from the AIPD, read back from their PDF and their plain text: the
//! register entry splits GDPR and Police-Justice purposes, the public notice follows what the
//! software really does (statistics, features not used), and the prior-consultation letter is
//! refused when no residual risk is high and lists the risks and every annex when one is.

mod common;

use gardefou::documents::{self, DocumentError, DocumentKind};
use gardefou::dossier::{text::plain_text, Dossier};
use gardefou::model::{AnalyticsSoftware, Assessment, Lang, Level, PurposeKind, Regime};
use gardefou::{pdf, rules};

const TODAY: &str = "2026-11-23";

fn build(kind: DocumentKind, a: &Assessment, lang: Lang) -> Result<Dossier, DocumentError> {
    let kb = common::shared_kb();
    let report = rules::evaluate(a, kb, common::day(TODAY));
    documents::build(kind, a, kb, &report, lang, common::day(TODAY))
}

/// The text of every page of the rendered PDF, without line breaks.
fn pdf_text(d: &Dossier) -> String {
    let bytes = pdf::render(d).expect("render");
    let doc = lopdf::Document::load_mem(&bytes).expect("parse PDF");
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&numbers).expect("extract");
    squash(&text)
}

/// Without any kind of space, so line breaks do not matter.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The sample with its first risk left high after measures.
fn with_high_residual_risk() -> Assessment {
    let mut a = common::sample();
    a.risks[0].residual_severity = Some(Level::Maximum);
    a.risks[0].residual_likelihood = Some(Level::Significant);
    a
}

#[test]
fn the_register_has_one_entry_per_regime_with_its_purposes_and_retention() {
    let a = common::sample();
    let d = build(DocumentKind::Register, &a, Lang::Fr).expect("register");
    let text = pdf_text(&d);
    for expected in [
        "Traitementrelevantdu RGPD(article30)",
        "article100delaloiInformatiqueetLibertés",
        "21jours(plafondfixéparl’autorisation:30jours)",
        "ClaireVasseur",
        // A published entry names a measure by its title, never by the team's id.
        "•Journalisationdesaccèsetdesrecherches",
        // Art. 30(1)(a): the controller's contact details.
        "accueil@saint-aubin-sur-lys.fr",
    ] {
        assert!(text.contains(&squash(expected)), "{expected} missing");
    }
    assert!(
        !text.contains("M-T2"),
        "the team's measure id in a published register"
    );
    assert!(
        !text.contains("K03") && text.contains(&squash("Recherche par attributs")),
        "capabilities by name, never by the engine's id"
    );
    // Each purpose lands in the entry of its regime, and only there.
    let plain = plain_text(&d);
    let (gdpr, lil) = plain
        .split_once("Traitement relevant de la directive")
        .expect("two entries");
    let kb = common::shared_kb();
    for purpose in &a.processing.purposes {
        let label = kb
            .purpose(purpose.kind)
            .expect("purpose")
            .label
            .get(Lang::Fr);
        let (here, there) = match purpose.regime {
            Regime::PoliceJustice => (lil, gdpr),
            _ => (gdpr, lil),
        };
        assert!(here.contains(label), "{label} missing from its entry");
        assert!(!there.contains(label), "{label} in the wrong entry");
    }
}

#[test]
fn the_register_says_how_many_cameras_and_since_when_they_were_commissioned() {
    let mut a = common::sample();
    let register = |a: &Assessment| {
        squash(&plain_text(
            &build(DocumentKind::Register, a, Lang::Fr).expect("register"),
        ))
    };
    for camera in a.cameras.iter_mut() {
        camera.commissioned_on = None;
    }
    assert!(register(&a).contains(&squash(
        "Caméras : 124 caméras ; dates de mise en service non renseignées"
    )));
    a.cameras[3].commissioned_on = Some(common::day("2016-07-08"));
    a.cameras[40].commissioned_on = Some(common::day("2024-03-01"));
    let text = register(&a);
    assert!(
        text.contains(&squash(
            "124 caméras, mises en service du 08/07/2016 au 01/03/2024 \
             (date de mise en service inconnue pour 122)"
        )),
        "{text}"
    );
    for camera in a.cameras.iter_mut() {
        camera.commissioned_on = Some(common::day("2020-01-15"));
    }
    assert!(register(&a).contains(&squash("124 caméras, mises en service le 15/01/2020")));
    a.cameras.clear();
    assert!(register(&a).contains(&squash("Aucune caméra inventoriée")));
}

#[test]
fn a_gdpr_only_deployment_gets_a_single_entry() {
    let mut a = common::sample();
    a.processing
        .purposes
        .retain(|p| p.regime != Regime::PoliceJustice);
    let text = plain_text(&build(DocumentKind::Register, &a, Lang::En).expect("register"));
    assert!(text.contains("Processing under the GDPR (Article 30)"));
    assert!(!text.contains("Article 100"), "{text}");
}

#[test]
fn the_notice_has_both_layers_and_tells_what_is_not_used() {
    let a = common::sample();
    let d = build(DocumentKind::Notice, &a, Lang::Fr).expect("notice");
    let text = pdf_text(&d);
    for expected in [
        "Premier niveau : texte des panneaux",
        "Espace placé sous vidéoprotection",
        "Images conservées 21 jours au plus",
        "Des statistiques de fréquentation sont produites",
        "Second niveau : notice complète",
        // The face search is in the software, locked by the vendor: the public is told, in
        // plain words (no internal id).
        "Recherche faciale a posteriori (« similitudes d’apparence »)",
        "(bridée par l’éditeur)",
        "que sur réquisition judiciaire écrite",
        "saisir la CNIL",
    ] {
        assert!(text.contains(&squash(expected)), "{expected} missing");
    }
    assert!(!text.contains(&squash("K02 —")));
    // The right to object is not told until the rights article of décret 2023-1102 is read.
    assert!(!text.contains(&squash("vous opposer")));
}

#[test]
fn the_sign_leaves_out_what_is_not_filled_and_counts_in_words() {
    let mut a = common::sample();
    a.video_system.image_retention_days = None;
    a.video_system.software = AnalyticsSoftware::default();
    a.cameras.truncate(1);
    a.cameras[0].is_analytics_coupled = true;
    let text = plain_text(&build(DocumentKind::Notice, &a, Lang::Fr).expect("notice"));
    assert!(!text.contains("Non renseigné"), "{text}");
    assert!(!text.contains("Images conservées"), "{text}");
    assert!(text.contains("la loi la limite à un mois"), "{text}");
    assert!(
        text.contains("Un logiciel d’analyse vidéo reçoit les images de 1 caméra."),
        "{text}"
    );
    assert!(
        text.contains("Le système comprend 1 caméra, sur 1 périmètre."),
        "{text}"
    );
}

#[test]
fn purposes_of_undetermined_regime_are_listed_apart() {
    let mut a = common::sample();
    a.processing.purposes[0].regime = Regime::Undetermined;
    let register = plain_text(&build(DocumentKind::Register, &a, Lang::En).expect("register"));
    assert!(
        register.contains(
            "Purposes whose regime (GDPR or Law Enforcement Directive) is still to be determined"
        ),
        "{register}"
    );
    let notice = plain_text(&build(DocumentKind::Notice, &a, Lang::En).expect("notice"));
    assert!(
        notice.contains("Purposes whose regime is still to be determined:"),
        "{notice}"
    );
}

#[test]
fn the_public_notice_tells_citizens_only_what_is_established_in_plain_words() {
    let mut a = common::sample();
    // A capability a vendor preset left « to establish »: told neither way.
    let k05 = a
        .capabilities
        .iter()
        .position(|c| c.capability_id.as_str() == "K05")
        .unwrap_or_else(|| {
            a.capabilities.push(gardefou::model::CapabilityRecord {
                capability_id: "K05".into(),
                ..Default::default()
            });
            a.capabilities.len() - 1
        });
    a.capabilities[k05].presence = gardefou::model::Presence::Present;
    a.capabilities[k05].state = gardefou::model::CapabilityState::Unknown;
    let kb = common::kb();
    let label = kb
        .capability(&"K05".into())
        .map(|d| d.label.fr.clone())
        .expect("K05");
    for lang in [Lang::Fr, Lang::En] {
        let text = plain_text(&build(DocumentKind::Notice, &a, lang).expect("notice"));
        assert!(
            !text.contains("à vérifier") && !text.contains("to verify"),
            "{text}"
        );
        assert!(
            !text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() == 3
                    && w.starts_with('K')
                    && w[1..].chars().all(|c| c.is_ascii_digit())),
            "an internal capability id in the notice: {text}"
        );
        assert!(
            !text.contains("vous opposer") && !text.contains("object to"),
            "{text}"
        );
    }
    let fr = plain_text(&build(DocumentKind::Notice, &a, Lang::Fr).expect("notice"));
    assert!(
        !fr.contains(&label),
        "a state not established is not told: {fr}"
    );
    // The assessment asks for it instead.
    let report = gardefou::rules::evaluate(&a, &kb, common::day("2026-12-06"));
    let finding = report.by_rule("CAP-STATE-UNKNOWN").next().expect("asked");
    assert!(finding
        .fields
        .iter()
        .any(|p| p == "capabilities[K05].state"));
}

#[test]
fn the_notice_mentions_statistics_only_when_there_are_some() {
    let mut a = common::sample();
    a.video_system.statistics.is_used = Some(false);
    a.processing
        .purposes
        .retain(|p| p.kind != PurposeKind::AnonymousStatistics);
    let text = plain_text(&build(DocumentKind::Notice, &a, Lang::En).expect("notice"));
    assert!(!text.contains("tatistics are produced"), "{text}");
    assert!(!text.contains("footfall"), "{text}");
}

#[test]
fn no_consultation_letter_for_gdpr_purposes_without_a_high_or_maximum_residual_risk() {
    let mut a = common::sample();
    a.processing
        .purposes
        .retain(|p| p.regime != Regime::PoliceJustice);
    assert!(documents::high_residual_risks(&a).is_empty());
    // The sample keeps two risks at the maximum severity: a voluntary request can be written.
    let text = pdf_text(&build(DocumentKind::Consultation, &a, Lang::Fr).expect("voluntary"));
    for expected in [
        "nous sollicitons volontairement l’avis de la Commission",
        "la gravité résiduelle reste maximale pour",
        "Risques et niveaux résiduels",
        "gravité maximale",
    ] {
        assert!(text.contains(&squash(expected)), "{expected} missing");
    }
    assert!(!text.contains(&squash("article 90 de la loi")), "GDPR only");
    for risk in &mut a.risks {
        if risk.residual_severity == Some(gardefou::model::Level::Maximum) {
            risk.residual_severity = Some(gardefou::model::Level::Significant);
        }
    }
    assert_eq!(
        build(DocumentKind::Consultation, &a, Lang::Fr).err(),
        Some(DocumentError::ConsultationNotRequired)
    );
}

#[test]
fn police_justice_purposes_on_an_innovative_use_call_for_the_letter_under_article_90() {
    // The sample: no residual risk is high, but Police-Justice purposes rest on video analytics
    // (criterion C8 met). It runs already: the letter regularises, and lists every risk with its
    // levels (two stay at the maximum severity).
    let a = common::sample();
    assert!(documents::high_residual_risks(&a).is_empty());
    let text = pdf_text(&build(DocumentKind::Consultation, &a, Lang::Fr).expect("letter"));
    for expected in [
        "Consultation préalable — article 90 de la loi n° 78-17",
        "Aucun risque résiduel n’y est dans la zone élevée de la carte",
        "nouveaux mécanismes, technologies ou procédures",
        "sur un dispositif déjà en service",
        "vise à régulariser sa situation",
        "Risques et niveaux résiduels",
        "gravité maximale",
    ] {
        assert!(text.contains(&squash(expected)), "{expected} missing");
    }
    assert!(
        !text.contains(&squash("article 36 du RGPD et")),
        "art. 36 is not the ground here"
    );
    assert!(!text.contains(&squash("Risques résiduels élevés")));
    assert!(!text.contains(&squash("article 36, paragraphe 3")));
    assert!(!text.contains(&squash("avant la mise en œuvre du traitement")));
    for risk in &a.risks {
        assert!(
            text.contains(&squash(&risk.title)),
            "{} missing",
            risk.risk_id
        );
    }
}

#[test]
fn the_consultation_letter_names_the_high_risk_the_articles_and_every_annex() {
    let a = with_high_residual_risk();
    let d = build(DocumentKind::Consultation, &a, Lang::Fr).expect("letter");
    let text = pdf_text(&d);
    for expected in [
        "Demande de consultation préalable de la CNIL",
        "3 place de Fontenoy",
        "accueil@saint-aubin-sur-lys.fr",
        "un risque demeure élevé",
        "article 36 du RGPD et de l’article 90 de la loi n° 78-17",
        &format!("{} — {}", a.risks[0].risk_id, a.risks[0].title),
        "Liste des annexes",
        "Annexe 1 — Analyse d’impact",
    ] {
        assert!(text.contains(&squash(expected)), "{expected} missing");
    }
    for evidence in &a.evidence {
        let (folder, file) = evidence
            .path
            .rsplit_once('/')
            .expect("the sample's documents sit in a folder");
        assert!(
            text.contains(&squash(file)),
            "annex {} missing",
            evidence.evidence_id
        );
        assert!(
            !text.contains(&squash(&format!("{folder}/"))),
            "the letter names folders"
        );
    }
    // Every measure is listed with its status.
    for measure in &a.measures {
        assert!(
            text.contains(&squash(&measure.title)),
            "{} missing",
            measure.measure_id
        );
    }
    // Every risk is listed with its levels, the high one marked as such.
    assert!(text.contains(&squash(&a.risks[1].title)));
    assert!(text.contains(&squash("zone élevée")));
}

#[test]
fn plain_text_keeps_french_typography_and_english_is_english() {
    let a = common::sample();
    let fr = plain_text(&build(DocumentKind::Notice, &a, Lang::Fr).expect("notice"));
    assert!(fr.contains("Qui est responsable\u{a0}?"), "{fr}");
    assert!(
        fr.contains("Responsable du traitement\u{a0}: Commune"),
        "{fr}"
    );
    assert!(fr.contains("«\u{a0}Police-Justice\u{a0}»"), "{fr}");
    let en = plain_text(&build(DocumentKind::Notice, &a, Lang::En).expect("notice"));
    assert!(en.contains("Who is responsible?"), "{en}");
    assert!(en.contains("Controller: Commune"), "{en}");
    assert!(!en.contains("Qui est"), "{en}");
}

#[test]
fn no_raw_key_reaches_any_document_in_either_language() {
    let a = with_high_residual_risk();
    for kind in DocumentKind::ALL {
        for lang in Lang::ALL {
            let text = plain_text(&build(kind, &a, lang).expect("document"));
            let raw_key = text.split_whitespace().find(|word| {
                ["doc.", "dossier.", "enum.", "field.", "ui."]
                    .iter()
                    .any(|p| word.starts_with(p) && word.len() > p.len())
            });
            assert_eq!(raw_key, None, "{kind:?} {lang:?} shows a raw key");
            assert!(
                !text.contains('{'),
                "{kind:?} {lang:?}: unfilled placeholder"
            );
        }
    }
}

/// The sample with face search (Annex III point 1(a)) unlocked by the commune.
fn with_face_search_usable() -> Assessment {
    let mut a = common::sample();
    let record = a
        .capabilities
        .iter_mut()
        .find(|r| r.capability_id.as_str() == "K02")
        .expect("the sample records K02");
    record.state = gardefou::model::CapabilityState::Enabled;
    record.unlock_holder = gardefou::model::UnlockHolder::Controller;
    a
}

#[test]
fn the_fria_fills_the_six_items_of_article_27_from_the_answers_and_lists_what_is_missing() {
    let a = common::sample();
    let text = plain_text(&build(DocumentKind::Fria, &a, Lang::Fr).expect("fria"));
    for heading in [
        "a) Processus du déployeur",
        "b) Période et fréquence",
        "c) Catégories de personnes",
        "d) Risques spécifiques de préjudice",
        "e) Contrôle humain",
        "f) Mesures si les risques se matérialisent",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
    assert!(
        text.contains("(art. 27, § 4)"),
        "art. 27(4): it complements the DPIA"
    );
    assert!(text.contains("à vérifier"), "unverified wording is marked");
    // Filled from the answers: purposes, frequency of searches, persons, risks, measures.
    assert!(text.contains("Réquisitions par an (fréquence des recherches)\u{a0}: 31"));
    assert!(text.contains(&a.processing.data_subjects[0]));
    for risk in &a.risks {
        assert!(
            text.contains(risk.risk_id.as_str()),
            "{} missing",
            risk.risk_id
        );
    }
    for measure in &a.measures {
        assert!(
            text.contains(measure.title.trim()),
            "{} missing",
            measure.measure_id
        );
    }
    // The sample's operators are not trained yet: item (e) says so in the missing list.
    let missing = text.split("Ce qui manque").nth(1).expect("missing section");
    assert!(
        missing.contains("e) contrôle humain — formation des opérateurs"),
        "{missing}"
    );
    assert!(!missing.contains("a) processus"), "{missing}");
    // Biometrics are locked by the vendor: art. 27 does not apply, the document says so.
    assert!(text.contains("l’article 27 ne s’applique pas"));
}

#[test]
fn the_fria_says_article_27_applies_when_a_public_body_can_use_face_search() {
    let a = with_face_search_usable();
    let kb = common::shared_kb();
    let report = rules::evaluate(&a, kb, common::day(TODAY));
    assert!(documents::fria_applies(&a, &report));
    assert!(!documents::fria_applies(
        &common::sample(),
        &rules::evaluate(&common::sample(), kb, common::day(TODAY))
    ));
    let d = build(DocumentKind::Fria, &a, Lang::En).expect("fria");
    let text = plain_text(&d);
    assert!(text.contains("Article 27 applies"), "{text}");
    assert!(text.contains("(Article 27(4))"));
    assert!(
        text.contains("AIA-ANNEX-III-1"),
        "the AI Act findings are listed under (d)"
    );
    assert!(pdf_text(&d).contains(&squash("(e) Human oversight")));
}

#[test]
fn an_empty_assessment_gets_a_fria_whose_missing_list_names_every_item() {
    let a = Assessment::default();
    let text = plain_text(&build(DocumentKind::Fria, &a, Lang::En).expect("fria"));
    let missing = text
        .split("What is missing")
        .nth(1)
        .expect("missing section");
    for item in [
        "(a) processes",
        "(b) period",
        "(c) persons",
        "(d) risks",
        "(e) human",
        "(f) measures",
    ] {
        assert!(
            missing.contains(item),
            "{item} not listed as missing: {missing}"
        );
    }
}

/// The sample with a renewal request being prepared: the installer, the contact for the police
/// and the instructions filled, for the centre and the station only.
fn with_renewal_request() -> Assessment {
    use gardefou::model::{AuthorisationRequest, RequestKind};
    let mut a = common::sample();
    let mut request = AuthorisationRequest::prepared_from(&a);
    assert_eq!(
        request.kind,
        RequestKind::Renewal,
        "the sample holds an order"
    );
    request.perimeters = vec!["Centre-ville".into(), "Gare et pôle d'échanges".into()];
    request.installer = "Vidéo Nord Sécurité, 12 rue de l’Industrie, 59000 Lille".into();
    request.installer_certification = "Certification APSAD I31 n° 2024-118".into();
    request.police_contact = "Chef de la police municipale, 03 20 00 00 00".into();
    request.retention_reason = "Délai de dépôt de plainte constaté sur la commune".into();
    request.operator_instructions = documents::model_instructions(common::shared_kb());
    request.site_risks = "Vols à l’arraché aux abords de la gare (42 faits en 2025)".into();
    a.video_system.requests.push(request);
    a
}

/// What a prefecture clerk checks in a renewal file: the order renewed, the perimeters and the
/// cameras asked for, every attachment R.252-3 lists in its order, the plans with their masks,
/// and the whole in French even when the user works in English.
#[test]
fn the_renewal_file_has_the_entry_sheet_and_every_attachment_in_french() {
    let a = with_renewal_request();
    let d = build(DocumentKind::Authorisation, &a, Lang::En).expect("built");
    let text = pdf_text(&d);
    for expected in [
        "Demanded’autorisationd’unsystèmedevidéoprotection—Renouvellement",
        "Rubrique1—Naturedelademande",
        "Arrêtépréfectoraln°2022-SIDPC-0314",
        "VidéoNordSécurité",
        "CertificationAPSADI31",
        "Chefdelapolicemunicipale",
        "Volsàl’arrachéauxabordsdelagare",
    ] {
        assert!(text.contains(expected), "missing « {expected} »");
    }
    // The attachments in the order of R.252-3.
    let pieces = [
        "1°Rapportdeprésentation",
        "2°Plandemasseet3°plandedétail",
        "Listedescaméras",
        "Transmission,enregistrementettraitementdesimages",
        "Mesuresdesécuritépourlasauvegardeetlaprotectiondesimages",
        "Informationdupublic",
        "Délaideconservationdesimagesetjustification",
        "Responsabledusystème,maintenanceetpersonnesquivisionnentlesimages",
        "Consignesgénéralesauxpersonnelsd’exploitation",
        "Modalitésdudroitd’accès",
        "Conformitéauxnormestechniques",
    ];
    let attachments = text
        .find("Piècesjointesàlademande")
        .expect("the attachments part");
    let mut from = attachments;
    for piece in pieces {
        let at = text[from..]
            .find(piece)
            .unwrap_or_else(|| panic!("« {piece} » missing or out of order"));
        from += at + piece.len();
    }
    // Only the two perimeters asked: their plans, not the others'.
    assert!(text.contains("Centre-ville—plandesituationdescaméras"));
    assert!(!text.contains("Entréesdeville—plandesituationdescaméras"));
    let centre_and_station = a
        .cameras
        .iter()
        .filter(|c| c.perimeter == "Centre-ville" || c.perimeter == "Gare et pôle d'échanges")
        .count();
    assert!(text.contains(&format!("{centre_and_station}caméras(")));
    // The masks of the dwellings, as the plan's table shows them.
    assert!(text.contains("Immeublesd'habitationn°1(Habitation),masquée"));
    // Every line filled: the sample's cameras all film the public road.
    assert!(text.contains("Fichedesaisiecomplète"), "{}", &text[..600]);
    assert!(text.contains(&format!("voiepublique:{centre_and_station}")));
    assert!(!text.contains("Prefectoral"), "no English in the file");
}

/// The entry sheet as CSV: one row per line, the missing one marked, ready to copy.
#[test]
fn the_entry_sheet_reads_back_as_csv_with_the_missing_lines_marked() {
    let mut a = with_renewal_request();
    // One camera that does not say where it films leaves the line to fill.
    a.cameras[0].setting = None;
    let kb = common::shared_kb();
    let report = rules::evaluate(&a, kb, common::day(TODAY));
    let csv_text = documents::authorisation_entry_sheet_csv(&a, kb, &report, common::day(TODAY));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["Rubrique", "Champ", "Valeur", "État"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = |field: &str| {
        rows.iter()
            .find(|r| &r[1] == field)
            .unwrap_or_else(|| panic!("no line « {field} »"))
    };
    assert_eq!(&row("Nature de la demande")[2], "Renouvellement");
    assert_eq!(&row("Durée de conservation des images")[2], "21 jours");
    let missing = row("Caméras intérieures, extérieures et sur la voie publique");
    assert_eq!((&missing[2], &missing[3]), ("", "à compléter"));
    assert!(rows.iter().filter(|r| r[3].is_empty()).count() >= 15);
}

/// Issue 31, contributions: the questionnaire of a copy for the police names who asked whom,
/// says the answers are typed back, lists per part what is missing and the findings on it
/// (the inventory's sensitive places, not the risks' findings), then the chapters it covers —
/// French typography intact in the PDF. A project that is no copy has no questionnaire.
#[test]
fn a_contributor_s_questionnaire_lists_their_parts_missing_answers_and_findings() {
    use gardefou::model::{Contribution, Part};
    let mut a = common::sample();
    a.cameras[0].location.clear();
    a.project.contribution = Some(Contribution {
        contributor: "Commissaire Lefèvre".into(),
        parts: vec![Part::Inventory],
        asked_by: "Claire Vasseur".into(),
        asked_on: Some(common::day("2026-12-01")),
        message: "Merci de vérifier les mâts du centre-ville.".into(),
        sent: String::new(),
    });
    let d = build(DocumentKind::Questionnaire, &a, Lang::Fr).expect("a copy's questionnaire");
    let text = pdf_text(&d);
    for expected in [
        "Questionnairedecontributionàl’AIPD",
        "DemandéàCommissaireLefèvreparClaireVasseurle01/12/2026.",
        "Mercidevérifierlesmâtsducentre-ville.",
        "ClaireVasseurreporteravosréponsesdansl’analyse",
        "Inventairedescamérasetplans",
        "Àrenseigner",
        // The camera left without a place, by its label.
        "CAM-001",
        "Lieuxsensiblesdanslechampdescaméras",
        "Cequel’analysecontientdéjà",
        "Plansdesituation",
    ] {
        assert!(text.contains(expected), "« {expected} » missing");
    }
    // Another part's chapter and findings are not there.
    assert!(
        !text.contains("Cartographiedesrisques"),
        "the risks chapter"
    );
    let en = pdf_text(&build(DocumentKind::Questionnaire, &a, Lang::En).expect("in English"));
    assert!(en.contains("ContributionquestionnairefortheDPIA"));
    assert!(en.contains("AskedofCommissaireLefèvrebyClaireVasseuron"));

    a.project.contribution = None;
    assert_eq!(
        build(DocumentKind::Questionnaire, &a, Lang::Fr).err(),
        Some(DocumentError::NotAContribution)
    );
}

/// Issue 32, the public notice as a web page: one self-contained page (no script, no external
/// resource) that parses, in the document's language, headings in order from one h1, the sign's
/// text set apart, and every colour the style sheet sets at least 4.5:1 on the background it sets
/// with it (the WCAG formula).
#[test]
fn the_public_notice_as_a_web_page_is_self_contained_readable_and_in_order() {
    use gardefou::dossier::web::{contrast, page, parse_hex};
    use quick_xml::events::Event;
    for lang in [Lang::Fr, Lang::En] {
        let d = build(DocumentKind::Notice, &common::sample(), lang).expect("notice");
        let html = page(&d);
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
        for banned in [
            "<script", "<link", "<img", "src=", "http://", "https://", "@import",
        ] {
            assert!(!html.contains(banned), "{banned} in the page");
        }
        // Where to exercise one's rights is a link (an e-mail address).
        assert!(
            html.contains(
                "<a href=\"mailto:dpd@saint-aubin-sur-lys.fr\">dpd@saint-aubin-sur-lys.fr</a>"
            ),
            "the DPO's address as a link"
        );
        // It parses, every element closed, and the headings go down one level at a time.
        let mut reader = quick_xml::Reader::from_str(&html);
        let mut open: Vec<String> = Vec::new();
        let mut headings: Vec<u8> = Vec::new();
        let mut in_sign = false;
        let mut sign_text = String::new();
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Start(e) => {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()) {
                        headings.push(level);
                    }
                    if name == "aside"
                        && e.attributes()
                            .flatten()
                            .any(|a| a.value.as_ref() == b"sign")
                    {
                        in_sign = true;
                    }
                    open.push(name);
                }
                Event::End(e) => {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    assert_eq!(
                        open.pop().as_deref(),
                        Some(name.as_str()),
                        "closed in order"
                    );
                    if name == "aside" {
                        in_sign = false;
                    }
                }
                Event::Text(t) if in_sign => {
                    sign_text.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
        assert_eq!(headings.first(), Some(&1));
        assert_eq!(headings.iter().filter(|l| **l == 1).count(), 1, "one h1");
        for pair in headings.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "a heading level skipped: {headings:?}"
            );
        }
        assert!(
            sign_text.contains("21"),
            "the sign says how long images are kept"
        );
        // Every colour against the background set with it.
        let css = html
            .split("<style>")
            .nth(1)
            .and_then(|s| s.split("</style>").next())
            .expect("a style sheet");
        let mut checked = 0;
        for rule in css.split('}') {
            let value = |property: &str| {
                rule.split(['{', ';'])
                    .find_map(|d| d.trim().strip_prefix(property))
                    .and_then(parse_hex)
            };
            if let Some(ink) = value("color:") {
                let paper = value("background:").expect("a colour is set with its background");
                let ratio = contrast(ink, paper);
                assert!(ratio >= 4.5, "{rule}: {ratio:.2}");
                checked += 1;
            }
        }
        assert!(checked >= 6, "{checked} colours checked");
    }
}

/// A PDF's structure tree as a screen reader's view of it: `pdfinfo -struct-text`.
fn struct_text(bytes: &[u8]) -> String {
    let output = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().expect("stdin").write_all(bytes)?;
            child.wait_with_output()
        })
        .expect("pdfinfo (poppler-utils) runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The structure elements of a tagged PDF in reading order: (type, alternative text, scope),
/// depth first from the catalogue's `StructTreeRoot`.
fn structure(bytes: &[u8]) -> Vec<(String, String, String)> {
    use lopdf::Object;
    let doc = lopdf::Document::load_mem(bytes).expect("parse PDF");
    let catalog = doc.catalog().expect("catalogue");
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .expect("a structure tree");
    let text = |o: &Object| match o {
        Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        _ => String::new(),
    };
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let Ok(element) = doc.get_dictionary(id) else {
            continue;
        };
        if let Ok(name) = element.get(b"S").and_then(Object::as_name) {
            let alt = element.get(b"Alt").map(text).unwrap_or_default();
            let scope = element
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|a| a.get(b"Scope"))
                .and_then(Object::as_name)
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .unwrap_or_default();
            out.push((String::from_utf8_lossy(name).into_owned(), alt, scope));
        }
        let kids: Vec<lopdf::ObjectId> = match element.get(b"K") {
            Ok(Object::Reference(r)) => vec![*r],
            Ok(Object::Array(items)) => {
                items.iter().filter_map(|k| k.as_reference().ok()).collect()
            }
            _ => Vec::new(),
        };
        stack.extend(kids.into_iter().rev());
    }
    out
}

/// Issue 32: every address the dossier cites (the legal references' pages) is a link — an
/// annotation leading to the whole address, described, and a `Link` element holding the
/// address's words and the annotation — and a screen reader reads a long address split over
/// lines as one address; every entry of the contents leads to its chapter's page.
#[test]
fn the_addresses_cited_are_links_read_whole() {
    use lopdf::Object;
    let sample = common::sample();
    let d = common::dossier(&sample, Lang::Fr, false, TODAY);
    let bytes = pdf::render(&d).expect("render");
    let doc = lopdf::Document::load_mem(&bytes).expect("parse PDF");
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("a structure tree");
    let nums = root
        .get(b"ParentTree")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|tree| tree.get(b"Nums"))
        .and_then(Object::as_array)
        .expect("a parent tree");
    let parent_of = |key: i64| {
        nums.chunks(2)
            .find(|pair| pair[0].as_i64().ok() == Some(key))
            .and_then(|pair| pair.get(1))
            .and_then(|v| v.as_reference().ok())
    };
    let mut uris = Vec::new();
    let mut chapters = 0;
    let pages = doc.get_pages();
    for page in pages.values().copied() {
        let annotations = doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"Annots"))
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        for annotation in annotations {
            let id = annotation.as_reference().expect("an annotation object");
            let dict = doc.get_dictionary(id).expect("annotation");
            assert_eq!(
                dict.get(b"Subtype").and_then(Object::as_name).ok(),
                Some(&b"Link"[..])
            );
            // An entry of the contents leads to its chapter's page.
            if let Ok(dest) = dict.get(b"Dest").and_then(Object::as_array) {
                let target = dest[0].as_reference().expect("a page");
                let number = pages
                    .iter()
                    .find(|(_, id)| **id == target)
                    .map(|(n, _)| *n)
                    .expect("a page of the document");
                let title = match dict.get(b"Contents") {
                    Ok(Object::String(c, _)) if c.starts_with(&[0xFE, 0xFF]) => {
                        String::from_utf16_lossy(
                            &c[2..]
                                .chunks(2)
                                .map(|u| u16::from_be_bytes([u[0], u[1]]))
                                .collect::<Vec<u16>>(),
                        )
                    }
                    Ok(Object::String(c, _)) => String::from_utf8_lossy(c).into_owned(),
                    _ => panic!("the entry described"),
                };
                let text = doc.extract_text(&[number]).expect("the page's text");
                assert!(
                    squash(&text).contains(&squash(&title)),
                    "{title} is not on page {number}"
                );
                chapters += 1;
                continue;
            }
            let uri = dict
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|a| a.get(b"URI"))
                .and_then(Object::as_str)
                .map(|u| String::from_utf8_lossy(u).into_owned())
                .expect("a URI");
            assert!(
                matches!(dict.get(b"Contents"), Ok(Object::String(c, _)) if c.len() > 2),
                "{uri}: described"
            );
            let key = dict
                .get(b"StructParent")
                .and_then(Object::as_i64)
                .expect("its key in the parent tree");
            let element = parent_of(key)
                .and_then(|e| doc.get_dictionary(e).ok())
                .expect("its element");
            assert_eq!(
                element.get(b"S").and_then(Object::as_name).ok(),
                Some(&b"Link"[..])
            );
            let kids = element.get(b"K").and_then(Object::as_array).expect("kids");
            assert!(
                kids.iter().any(|k| k
                    .as_dict()
                    .and_then(|k| k.get(b"Obj"))
                    .and_then(Object::as_reference)
                    .ok()
                    == Some(id)),
                "{uri}: the element holds its annotation"
            );
            uris.push(uri);
        }
    }
    let edpb = "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/\
                guidelines-32019-processing-personal-data-through-video_en";
    assert!(uris.iter().any(|u| u == edpb), "{uris:?}");
    assert!(
        chapters >= 10,
        "{chapters} entries of the contents lead to their chapter"
    );
    assert!(uris
        .iter()
        .all(|u| u.starts_with("https://") || u.starts_with("mailto:")));
    // Read out, the pieces of each link follow each other: the address whole.
    let tree = struct_text(&bytes);
    let mut read = String::new();
    let mut lines = tree.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("Link") {
            let words = lines.next().unwrap_or_default().trim();
            read.push_str(words.trim_matches('"'));
        }
    }
    assert!(read.contains(&format!("{edpb} ")), "{read}");
}

/// Issue 32: what is written in another language than the document's is marked so — the legal
/// references' citations, cited in French, in an English dossier: their cells carry `/Lang
/// (fr)` in the PDF and `lang="fr"` in the web page; a French dossier marks none.
#[test]
fn the_french_citations_of_an_english_dossier_are_marked_french() {
    use lopdf::Object;
    let sample = common::sample();
    let count_french_cells = |lang: Lang| {
        let d = common::dossier(&sample, lang, true, TODAY);
        let bytes = pdf::render(&d).expect("render");
        let doc = lopdf::Document::load_mem(&bytes).expect("parse PDF");
        let french = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|e| e.get(b"S").and_then(Object::as_name).ok() == Some(&b"TD"[..]))
            .filter(|e| e.get(b"Lang").and_then(Object::as_str).ok() == Some(&b"fr"[..]))
            .count();
        let html = gardefou::dossier::web::page(&d);
        (french, html.matches("<td lang=\"fr\">").count())
    };
    let (pdf_cells, web_cells) = count_french_cells(Lang::En);
    assert!(
        pdf_cells >= 10,
        "{pdf_cells} cells marked French in the PDF"
    );
    assert_eq!(pdf_cells, web_cells, "the same cells in the web page");
    assert_eq!(count_french_cells(Lang::Fr), (0, 0));
}

/// Issue 32: tagging changes nothing a reader sees — the sample's dossier, rendered at 60 dpi
/// with and without its structure, is the same pixel for pixel on every page.
#[test]
fn tagging_leaves_every_page_of_the_sample_dossier_pixel_identical() {
    let sample = common::sample();
    let d = common::dossier(&sample, Lang::Fr, false, TODAY);
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut pages: Vec<Vec<Vec<u8>>> = Vec::new();
    for (name, bytes) in [
        ("tagged", pdf::render(&d).expect("render")),
        ("untagged", pdf::render_untagged(&d).expect("render")),
    ] {
        let file = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&file, &bytes).expect("write");
        let status = std::process::Command::new("pdftoppm")
            .args(["-r", "60"])
            .arg(&file)
            .arg(dir.path().join(name))
            .status()
            .expect("pdftoppm (poppler-utils) runs");
        assert!(status.success());
        let mut files: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read folder")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|e| e == "ppm")
                    && path
                        .file_name()
                        .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{name}-")))
            })
            .collect();
        files.sort();
        pages.push(
            files
                .iter()
                .map(|f| std::fs::read(f).expect("read"))
                .collect(),
        );
    }
    assert!(pages[0].len() > 40, "{} pages rendered", pages[0].len());
    assert_eq!(pages[0].len(), pages[1].len());
    for (n, (tagged, untagged)) in pages[0].iter().zip(&pages[1]).enumerate() {
        assert!(tagged == untagged, "page {} differs once tagged", n + 1);
    }
}

/// Issue 32, tagged PDFs: the sample's public dossier and its notice carry what a screen reader
/// needs — the document's language, a structure tree in reading order (the cover, then the
/// chapters as H1 in the order of the contents, sections as H2/H3), tables with their header
/// cells scoped (the camera inventory's header read once though it repeats on every page),
/// lists as lists, figures described in words (the risk map risk by risk, each plan by its
/// perimeter, cameras and zones), the running header and footer left out as decoration (the
/// drawing is the same as without tags: see the next test).
#[test]
fn the_public_dossier_and_the_notice_are_tagged_for_screen_readers() {
    let sample = common::sample();
    let d = common::dossier(&sample, Lang::Fr, true, TODAY);
    let bytes = pdf::render(&d).expect("render");
    let doc = lopdf::Document::load_mem(&bytes).expect("parse PDF");
    let catalog = doc.catalog().expect("catalogue");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(lopdf::Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(lopdf::Object::as_bool);
    assert_eq!(marked.ok(), Some(true));
    assert_eq!(
        catalog.get(b"Lang").and_then(lopdf::Object::as_str).ok(),
        Some(&b"fr"[..])
    );
    let elements = structure(&bytes);
    let roles: Vec<&str> = elements.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(
        roles[..3],
        ["Document", "P", "H1"],
        "the cover, then the summary"
    );
    let tree = struct_text(&bytes);
    let chapters: Vec<String> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            gardefou::dossier::Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    let mut read_h1 = Vec::new();
    let mut lines = tree.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("H1") {
            if let Some(next) = lines.next() {
                read_h1.push(next.trim().trim_matches('"').trim().to_owned());
            }
        }
    }
    // The summary, the contents page, then every chapter in order.
    assert_eq!(read_h1[0], chapters[0]);
    assert_eq!(read_h1[1], "Sommaire");
    assert_eq!(read_h1[2..], chapters[1..]);
    // The running header (the dossier's title) is decoration: never in the tree.
    assert!(!tree.contains(&format!("\"{}", d.meta.title)));
    // The camera inventory: a header row read once, one row per camera, though it runs over
    // pages and its header repeats on each.
    let inventory = tree
        .split("Table (block)")
        .find(|t| t.contains("CAM-124"))
        .expect("the inventory table");
    let inventory = inventory.split("\n  H").next().unwrap_or(inventory);
    assert_eq!(inventory.matches("TR").count(), 124 + 1);
    assert_eq!(
        inventory.matches("/Scope /Column").count(),
        inventory.matches("TH").count()
    );
    assert!(roles.contains(&"L") && roles.contains(&"LBody"));
    // Figures, each described: the risk map risk by risk, and in the full dossier each plan.
    let figures: Vec<(String, String, String)> = elements
        .into_iter()
        .filter(|(s, _, _)| s == "Figure")
        .collect();
    assert!(figures[0].1.contains("Avant mesures"), "{}", figures[0].1);
    assert!(figures[0].1.contains("RISK-ACCESS") || figures[0].1.contains("Accès"));
    let full = common::dossier(&sample, Lang::Fr, false, TODAY);
    let elements = structure(&pdf::render(&full).expect("render"));
    let figures: Vec<&(String, String, String)> =
        elements.iter().filter(|(s, _, _)| s == "Figure").collect();
    assert!(
        figures.len() >= 6,
        "the risk map and the plans: {}",
        figures.len()
    );
    assert!(figures.iter().all(|(_, alt, _)| !alt.trim().is_empty()));
    assert!(
        figures
            .iter()
            .any(|(_, alt, _)| alt.contains("Centre-ville")
                && alt.contains("38 caméras placées")
                && alt.contains("École élémentaire Jules-Ferry")),
        "{figures:?}"
    );

    let notice = build(DocumentKind::Notice, &sample, Lang::En).expect("notice");
    let elements = structure(&pdf::render(&notice).expect("render"));
    let roles: Vec<&str> = elements.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(roles[..3], ["Document", "H1", "P"]);
    assert!(elements
        .iter()
        .any(|(s, _, scope)| s == "TH" && scope == "Row"));
}

/// Issue 32: every kind of PDF Garde-fou writes passes the machine-checkable subset of PDF/UA-1
/// that the `pdfua` checker from PyPI implements (structure tree, MarkInfo, every content
/// tagged or an artifact, language, figures' alternative text, table structure, headings not
/// empty, title shown, PDF/UA identification). `.ci/run` installs the checker and names it in
/// `PDFUA`; elsewhere the test looks for `pdfua` on the PATH and says when it cannot run.
#[test]
fn every_pdf_passes_the_pdf_ua_checker() {
    let checker = std::env::var_os("PDFUA")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join("pdfua"))
                    .find(|p| p.is_file())
            })
        });
    let Some(checker) = checker else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdfua is not installed: .ci/run installs it and sets PDFUA"
        );
        eprintln!("pdfua not found (pip install pdfua): PDF/UA check not run");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = common::sample();
    let mut files = Vec::new();
    let mut write = |name: &str, d: &Dossier| {
        let path = dir.path().join(name);
        std::fs::write(&path, pdf::render(d).expect("render")).expect("written");
        files.push(path);
    };
    write(
        "full.pdf",
        &common::dossier(&sample, Lang::Fr, false, TODAY),
    );
    write(
        "public.pdf",
        &common::dossier(&sample, Lang::En, true, TODAY),
    );
    for kind in DocumentKind::ALL {
        if let Ok(d) = build(kind, &with_high_residual_risk(), Lang::Fr) {
            write(&format!("{}.pdf", kind.code()), &d);
        }
    }
    let output = std::process::Command::new(&checker)
        .arg("check")
        .args(&files)
        .output()
        .expect("pdfua runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert_eq!(
        report.matches("result: PASS").count(),
        files.len(),
        "{report}"
    );
    assert!(
        !report.contains("[skip"),
        "a rule could not be evaluated: {report}"
    );
}
