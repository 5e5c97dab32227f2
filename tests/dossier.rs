//! The PDF dossier, read back with a PDF parser: every answer, camera and finding of the sample
//! is in the text with its accents, chapters have bookmarks and contents entries, the attached
//! project re-opens unchanged, the public version leaves out what is confidential, and no line
//! of text runs off its page.

mod common;

use std::path::Path;

use gardefou::dossier::{Block, Column, Dossier};
use gardefou::model::{Assessment, Lang, ProjectStatus};
use gardefou::pdf::layout::{Item, MARGIN_X, PAGE_H, PAGE_W};
use gardefou::pdf::{self, fonts::Metrics};
use gardefou::rules;

const TODAY: &str = "2026-11-23";

fn build(a: &Assessment, lang: Lang, is_public: bool) -> Dossier {
    common::dossier(a, lang, is_public, TODAY)
}

fn render(d: &Dossier) -> Vec<u8> {
    pdf::render(d).expect("render")
}

/// The text of every page, without the watermark, running header and footer.
fn body_text(bytes: &[u8], d: &Dossier) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("parse PDF");
    let pages = doc.get_pages();
    let mut out = String::new();
    for number in pages.keys() {
        let text = doc.extract_text(&[*number]).expect("extract");
        for line in text.lines() {
            let line = line.trim();
            let is_decoration = Some(line) == d.meta.watermark.as_deref()
                || line == d.meta.title
                || line.starts_with(d.meta.title.trim_end_matches('…'))
                || line == d.meta.footer
                || (line.starts_with("page ") && line.contains(&format!("{}", pages.len())));
            if !is_decoration {
                out.push_str(line);
                out.push(' ');
            }
        }
    }
    out
}

/// Without any kind of space, so line breaks do not matter.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_sample_dossier_holds_every_answer_camera_and_finding_with_accents() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, false);
    let bytes = render(&d);
    let text = squash(&body_text(&bytes, &d));
    for answer in &sample.answers {
        assert!(
            text.contains(&squash(&answer.text)),
            "answer {} missing",
            answer.question_id
        );
        assert!(
            text.contains(&squash(&answer.comment)),
            "comment of {} missing",
            answer.question_id
        );
    }
    for camera in &sample.cameras {
        assert!(
            text.contains(&squash(camera.camera_id.as_str())),
            "{} missing",
            camera.camera_id
        );
        assert!(
            text.contains(&squash(&camera.location)),
            "location of {} missing",
            camera.camera_id
        );
    }
    let report = rules::evaluate(sample, common::shared_kb(), common::day(TODAY));
    for finding in &report.findings {
        // An unverified point of a message is in annex F, a pointer in its place.
        let (message, _) = gardefou::dossier::unverified::take_points(
            &finding.message.fr,
            "source secondaire, voir l’annexe F",
        );
        assert!(
            text.contains(&squash(&message)),
            "finding {} missing",
            finding.rule_id
        );
    }
    for measure in &sample.measures {
        assert!(
            text.contains(&squash(&measure.title)),
            "measure {} missing",
            measure.measure_id
        );
    }
    assert!(text.contains(&squash(&sample.opinions.dpo_opinion)));
    for evidence in &sample.evidence {
        assert!(
            text.contains(&evidence.sha256),
            "hash of {} missing",
            evidence.evidence_id
        );
    }
    // The risk maps' legends give each risk's title, not its id alone.
    let first = &sample.risks[0];
    let legend = format!("1 — {} — {}", first.risk_id, first.title);
    let legend: String = legend.chars().take(30).collect();
    assert!(
        text.contains(&squash(&legend)),
        "« {legend} » not in the map legend"
    );
    for typography in [
        "Délégué",
        "Mise en œuvre",
        "«\u{a0}Police-Justice\u{a0}»",
        "Synthèse",
        "Annexe E — Références juridiques citées",
    ] {
        assert!(text.contains(&squash(typography)), "« {typography} » lost");
    }
}

#[test]
fn unverified_points_leave_the_signed_body_for_annex_f_and_never_reach_the_public_version() {
    let sample = common::shared_sample();
    let full = gardefou::dossier::text::plain_text(&build(sample, Lang::Fr, false));
    let (body, references) = full
        .split_once("Annexe E — Références juridiques citées")
        .expect("the references annex");
    assert!(!body.contains("à vérifier"), "the body a mayor signs");
    assert!(body.contains("(source secondaire, voir l’annexe F)"));
    let annex = references
        .split_once("Annexe F — Points de droit non vérifiés")
        .map(|(_, annex)| annex)
        .expect("annex F");
    // Each point with where it stood and what was read for it.
    assert!(annex.contains("AIA-4"), "{annex}");
    assert!(annex.contains("art. 4, applicable depuis le 2 février 2025, à vérifier"));
    assert!(annex.contains("Règl. (UE) 2024/1689, art. 4"));
    let public = gardefou::dossier::text::plain_text(&build(sample, Lang::Fr, true));
    assert!(
        !public.contains("à vérifier"),
        "a public document never says it"
    );
    assert!(!public.contains("Annexe F"));
    assert!(!public.contains("voir l’annexe F"));
    // Nor the engine's ids in front of a finding's title or a capability's name.
    assert!(!public.contains("· R12 —") && !public.contains("K03 — Recherche"));
}

#[test]
fn the_public_version_names_risks_and_measures_by_rank_never_by_the_teams_ids() {
    let sample = common::shared_sample();
    let full = gardefou::dossier::text::plain_text(&build(sample, Lang::Fr, false));
    let public = gardefou::dossier::text::plain_text(&build(sample, Lang::Fr, true));
    let risk = &sample.risks[0];
    let measure = &sample.measures[0];
    assert!(
        full.contains(risk.risk_id.as_str()),
        "the full dossier keeps the ids"
    );
    for id in sample
        .risks
        .iter()
        .map(|r| r.risk_id.to_string())
        .chain(sample.measures.iter().map(|m| m.measure_id.to_string()))
        .chain(
            sample
                .measures
                .iter()
                .filter_map(|m| m.catalogue_id.as_ref().map(ToString::to_string)),
        )
    {
        assert!(!public.contains(&id), "{id} in the public version");
    }
    assert!(public.contains(&format!("Risque 1 — {}", risk.title.trim())));
    assert!(
        public.contains(&format!("Mesure 1 — {}", measure.title.trim()))
            || public.contains("Mesure 1")
    );
    // Nor the engine's rule ids in running text.
    assert!(!public.contains("constat R21"));
}

#[test]
fn the_public_version_names_documents_by_title_never_by_their_path_on_disk() {
    // The sample opened where its documents are not: every « document missing » finding
    // quotes a path on the author's disk.
    let sample = common::shared_sample();
    let kb = common::shared_kb();
    let missing: Vec<_> = sample
        .evidence
        .iter()
        .map(|e| {
            (
                e.evidence_id.clone(),
                gardefou::model::evidence::EvidenceStatus::Missing,
            )
        })
        .collect();
    let report =
        rules::evaluate(sample, kb, common::day(TODAY)).with_evidence(sample, kb, &missing);
    assert!(report.by_rule("EV-MISSING").next().is_some());
    for is_public in [false, true] {
        let options = gardefou::dossier::DossierOptions {
            lang: Lang::Fr,
            is_public,
            today: common::day(TODAY),
            source_text: None,
        };
        let text = gardefou::dossier::text::plain_text(&gardefou::dossier::build(
            sample, kb, &report, &options,
        ));
        for evidence in &sample.evidence {
            assert_eq!(
                text.contains(&evidence.path),
                !is_public,
                "{} (public: {is_public})",
                evidence.path
            );
        }
    }
}

#[test]
fn a_measure_owners_name_never_reaches_the_public_version() {
    let mut sample = common::sample();
    sample.measures[0].owner = "DSI (J. Perrin)".to_owned();
    let d = build(&sample, Lang::Fr, true);
    let text = body_text(&render(&d), &d);
    assert!(!text.contains("Perrin"), "a name in the public PDF");
    let plain = gardefou::dossier::text::plain_text(&d);
    assert!(!plain.contains("Perrin"), "a name in the public text");
    assert!(
        plain.contains("(masqué dans la version publique)"),
        "the owner is masked, not dropped silently"
    );
    // The full version keeps it.
    let full = gardefou::dossier::text::plain_text(&build(&sample, Lang::Fr, false));
    assert!(full.contains("DSI (J. Perrin)"));
}

#[test]
fn the_english_dossier_is_in_english() {
    let d = build(common::shared_sample(), Lang::En, false);
    let text = body_text(&render(&d), &d);
    for heading in [
        "Summary",
        "Contents",
        "Necessity and proportionality",
        "Annex A — Camera inventory",
        "DPIA required",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
    assert!(!text.contains("Synthèse"));
}

#[test]
fn no_raw_key_reaches_the_page_in_either_language() {
    for lang in [Lang::Fr, Lang::En] {
        let d = build(common::shared_sample(), lang, false);
        let layout = pdf::pages(&d).expect("layout");
        for page in &layout.pages {
            for item in &page.items {
                if let Item::Text { text, .. } = item {
                    for raw in [
                        "dossier.",
                        "enum.",
                        "field.",
                        "cli.",
                        "severity.",
                        "verdict.",
                    ] {
                        // A key is a prefix followed by a lower-case name, never by a space or an end.
                        let is_key = text.split(raw).skip(1).any(|rest| {
                            rest.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        });
                        assert!(!is_key, "{lang:?}: raw key in « {text} »");
                    }
                    assert!(
                        !text.contains('{'),
                        "{lang:?}: unfilled placeholder in « {text} »"
                    );
                }
            }
        }
    }
}

#[test]
fn chapters_have_bookmarks_and_contents_entries_with_page_numbers() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let layout = pdf::pages(&d).expect("layout");
    let chapters: Vec<&str> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let titles: Vec<&str> = layout.bookmarks.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, chapters);
    let bytes = render(&d);
    let doc = lopdf::Document::load_mem(&bytes).expect("parse");
    assert_eq!(doc.get_pages().len(), layout.pages.len());
    let catalog = doc.catalog().expect("catalog");
    let outlines = catalog.get(b"Outlines").expect("outline present");
    let outlines = doc
        .get_object(outlines.as_reference().expect("ref"))
        .expect("outlines");
    let count = outlines
        .as_dict()
        .expect("dict")
        .get(b"Count")
        .expect("count")
        .as_i64()
        .expect("int");
    assert_eq!(usize::try_from(count).expect("count"), chapters.len());
    // The contents page lists each chapter with the page it starts on.
    let toc_page = layout
        .pages
        .iter()
        .position(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, Item::Text { text, .. } if text == "Sommaire"))
        })
        .expect("contents page");
    let numbers: Vec<String> = layout
        .bookmarks
        .iter()
        .skip(1)
        .map(|(_, page)| (page + 1).to_string())
        .collect();
    let toc_texts: Vec<&str> = layout.pages[toc_page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for number in &numbers {
        assert!(
            toc_texts.contains(&number.as_str()),
            "page {number} missing from the contents"
        );
    }
}

#[test]
fn the_attached_project_reopens_equal_to_the_original() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, false);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dossier.pdf");
    std::fs::write(&path, render(&d)).expect("write");
    let reopened = gardefou::session::read_assessment(&path).expect("reopen");
    assert_eq!(&reopened, sample);
}

#[test]
fn the_public_version_leaves_out_locations_names_and_the_project() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, true);
    assert!(d.source_attachment.is_none());
    let bytes = render(&d);
    let text = body_text(&bytes, &d);
    assert!(
        text.contains("Version publique"),
        "the cover must say it is the public version"
    );
    for secret in common::public_secrets(sample) {
        assert!(
            !squash(&text).contains(&squash(secret)),
            "« {secret} » in the public version"
        );
    }
    assert!(text.contains("CAM-001"), "camera ids stay");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("public.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let error =
        gardefou::session::read_assessment(&path).expect_err("no project in a public version");
    assert!(
        error.to_string().contains("no Garde-fou project"),
        "{error}"
    );
}

#[test]
fn the_draft_watermark_goes_once_validated_without_blocking_findings() {
    let mut sample = common::shared_sample().clone();
    assert_eq!(
        build(&sample, Lang::Fr, false).meta.watermark.as_deref(),
        Some("BROUILLON")
    );
    sample.project.status = ProjectStatus::Validated;
    assert_eq!(build(&sample, Lang::En, false).meta.watermark, None);
    sample.video_system.image_retention_days = Some(60);
    assert_eq!(
        build(&sample, Lang::En, false).meta.watermark.as_deref(),
        Some("DRAFT")
    );
}

#[test]
fn metadata_carries_the_title_and_the_dossier_date() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let bytes = render(&d);
    let doc = lopdf::Document::load_mem(&bytes).expect("parse");
    let info = doc.trailer.get(b"Info").expect("info");
    let info = doc
        .get_object(info.as_reference().expect("ref"))
        .expect("info")
        .as_dict()
        .expect("dict");
    let created = info
        .get(b"CreationDate")
        .expect("date")
        .as_str()
        .expect("string");
    assert!(
        String::from_utf8_lossy(created).contains("20261123"),
        "{}",
        String::from_utf8_lossy(created)
    );
    assert!(info.get(b"Title").is_ok());
}

#[test]
fn no_text_runs_off_its_page() {
    let metrics = Metrics::load().expect("fonts");
    for lang in [Lang::Fr, Lang::En] {
        let d = build(common::shared_sample(), lang, false);
        let layout = pdf::pages(&d).expect("layout");
        for (index, page) in layout.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text {
                    x,
                    y,
                    size,
                    face,
                    text,
                    ..
                } = item
                {
                    let right = x + metrics.width(text, *face, *size);
                    assert!(
                        *x >= MARGIN_X - 0.5 && right <= PAGE_W - MARGIN_X + 0.5,
                        "page {}: « {text} » from {x} to {right}",
                        index + 1
                    );
                    assert!(
                        *y > 20.0 && *y < PAGE_H - 20.0,
                        "page {}: « {text} » at y {y}",
                        index + 1
                    );
                }
            }
        }
    }
}

#[test]
fn the_embedded_fonts_are_named_subsets_of_the_glyphs_the_pages_use() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let doc = lopdf::Document::load_mem(&render(&d)).expect("parse");
    let mut faces = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let Ok(file) = dict.get(b"FontFile2") else {
            continue;
        };
        let name = String::from_utf8_lossy(
            dict.get(b"FontName")
                .and_then(|n| n.as_name())
                .expect("name"),
        )
        .into_owned();
        let (tag, face) = name.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        let stream = doc
            .get_object(file.as_reference().expect("ref"))
            .and_then(|o| o.as_stream())
            .expect("font program");
        let program = stream.decompressed_content().expect("inflates");
        let length1 = stream
            .dict
            .get(b"Length1")
            .and_then(|l| l.as_i64())
            .expect("Length1");
        assert_eq!(usize::try_from(length1).expect("length"), program.len());
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(&program, 0, &mut warnings).expect("parses");
        assert!(
            parsed.codepoint_to_glyph.contains_key(&u32::from('œ')),
            "{name}"
        );
        assert!(program.len() < 60_000, "{name}: {} bytes", program.len());
        faces.push(face.to_owned());
    }
    faces.sort();
    assert_eq!(
        faces,
        ["NotoSans-Bold", "NotoSans-Italic", "NotoSans-Regular"]
    );
}

#[test]
fn a_table_row_taller_than_a_page_continues_on_the_next_without_losing_a_line() {
    let mut d = build(&Assessment::default(), Lang::Fr, false);
    let long: Vec<String> = (1..=150).map(|n| format!("ligne-{n:03}")).collect();
    d.blocks = vec![Block::Table {
        columns: vec![
            Column {
                title: "Colonne A".into(),
                weight: 1.0,
                lang: None,
            },
            Column {
                title: "Colonne B".into(),
                weight: 1.0,
                lang: None,
            },
        ],
        rows: vec![
            vec!["court".into(), long.join("\n")],
            vec!["après".into(), "fin".into()],
        ],
    }];
    let layout = pdf::pages(&d).expect("layout");
    assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
    let texts: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            Item::Text { text, .. } if text.starts_with("ligne-") => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, long, "lines lost or reordered across pages");
    for page in &layout.pages {
        let has_header = page
            .items
            .iter()
            .any(|i| matches!(i, Item::Text { text, .. } if text == "Colonne A"));
        assert!(has_header, "the table header must repeat on every page");
    }
}

#[test]
fn export_of_a_dossier_pdf_reproduces_it_from_its_attached_project() {
    let sample_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/commune-exemple.aipd.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("a.pdf");
    let run = |input: &Path, output: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gardefou"))
            .args([
                "export",
                input.to_str().expect("utf-8"),
                "-o",
                output.to_str().expect("utf-8"),
                "--today",
                TODAY,
            ])
            .output()
            .expect("run")
    };
    let out = run(&sample_path, &first);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = dir.path().join("b.pdf");
    let out = run(&first, &second);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        gardefou::session::read_assessment(&second).expect("reopen"),
        common::sample()
    );
}

#[test]
fn the_user_decides_what_the_public_version_leaves_out() {
    let mut sample = common::shared_sample().clone();
    sample.project.public_version.hides_camera_locations = false;
    let d = build(&sample, Lang::Fr, true);
    let text = squash(&body_text(&render(&d), &d));
    assert!(
        text.contains(&squash(&sample.cameras[0].location)),
        "locations kept when the user allows them"
    );
    assert!(
        !text.contains(&squash(&sample.project.authors[0])),
        "names still left out"
    );
}

/// The text of page `number` (1 = the cover).
fn page_text(bytes: &[u8], number: u32) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("parse PDF");
    doc.extract_text(&[number]).expect("extract")
}

#[test]
fn a_sparse_assessment_gets_signature_blocks_a_cover_without_blanks_and_the_apps_words() {
    let mut a = Assessment::default();
    a.project.title = "AIPD — caméras du marché".into();
    a.project.organisation = "Commune de Lysières".into();
    let d = build(&a, Lang::Fr, false);
    let bytes = render(&d);
    let cover = squash(&page_text(&bytes, 1));
    assert!(cover.contains(&squash("AIPD — caméras du marché")));
    assert!(
        !cover.contains(&squash("Non renseigné")),
        "the cover leaves out what is empty: {cover}"
    );
    let text = squash(&body_text(&bytes, &d));
    // No signatory recorded: a block each for the controller and the DPO, with room to sign.
    for words in [
        "Le responsable de traitement",
        "Commune de Lysières",
        "Le délégué à la protection des données",
        "Signature",
    ] {
        assert!(text.contains(&squash(words)), "« {words} » missing");
    }
    // Capabilities not examined read as the app says them.
    assert!(text.contains(&squash("À établir")));
    assert!(!text.contains(&squash("Non examinée")));
}

#[test]
fn a_validated_version_is_in_the_versions_table_and_its_fingerprint_on_the_cover() {
    use gardefou::session::Session;
    let kb = std::sync::Arc::new(common::kb());
    let mut session = Session::new(common::sample(), None, kb, common::day(TODAY));
    common::validate_through_the_circuit(&mut session);
    let a = session.assessment.clone();
    let d = build(&a, Lang::Fr, false);
    let bytes = render(&d);
    let cover = squash(&page_text(&bytes, 1));
    let sha = &a.history.versions[0].sha256;
    assert!(
        cover.contains(&sha[..16]),
        "the cover names the content's SHA-256"
    );
    assert!(cover.contains(&squash("contenu de la version validée 1.0")));
    let text = squash(&body_text(&bytes, &d));
    for words in ["Versions validées", "Hervé Martin", "Avis du DPD rendu"] {
        assert!(text.contains(&squash(words)), "« {words} » missing");
    }
    // Changed after validation: the cover says so.
    let mut changed = a.clone();
    changed.video_system.software.version = "5.8.0".into();
    let d = build(&changed, Lang::Fr, false);
    let cover = squash(&page_text(&render(&d), 1));
    assert!(cover.contains(&squash("contenu non validé")));
}

#[test]
fn review_comments_print_in_an_annex_on_request_and_never_in_the_public_version() {
    let mut a = common::sample();
    a.history.comments.push(gardefou::model::history::Comment {
        field: "video_system.image_retention_days".into(),
        author: "Claire Vasseur".into(),
        on: Some(common::day(TODAY)),
        text: "Vérifier l’arrêté : vingt et un jours".into(),
        is_resolved: false,
    });
    let annex = squash("Annexe F — Commentaires de relecture");
    let comment = squash("Vérifier l’arrêté : vingt et un jours");
    let full = |a: &Assessment| {
        let d = build(a, Lang::Fr, false);
        squash(&body_text(&render(&d), &d))
    };
    assert!(!full(&a).contains(&comment), "not printed unless asked");
    a.history.print_comments = true;
    let text = full(&a);
    assert!(text.contains(&annex) && text.contains(&comment));
    let d = build(&a, Lang::Fr, true);
    let public = squash(&body_text(&render(&d), &d));
    assert!(!public.contains(&comment), "never in the public version");
}

#[test]
fn the_dossier_of_version_1_1_has_the_changes_since_1_0_in_an_annex() {
    use gardefou::session::Session;
    let kb = std::sync::Arc::new(common::kb());
    let mut session = Session::new(common::sample(), None, kb, common::day(TODAY));
    session.assessment.project.status = ProjectStatus::Draft;
    let review = |s: &mut Session| {
        for to in [ProjectStatus::InReview, ProjectStatus::DpoOpinionGiven] {
            s.change_status(to, "Claire Vasseur", "").expect("step");
        }
    };
    review(&mut session);
    session.validate("1.0", "Hervé Martin", "").expect("1.0");
    session
        .change_status(ProjectStatus::UnderRevision, "Claire Vasseur", "")
        .expect("revision");
    session.assessment.video_system.software.version = "5.8.0".into();
    session.assessment.cameras.push(gardefou::model::Camera {
        camera_id: gardefou::model::CameraId::new("NEW-01"),
        ..Default::default()
    });
    review(&mut session);
    session.validate("1.1", "Hervé Martin", "").expect("1.1");
    let d = build(&session.assessment, Lang::Fr, false);
    let text = squash(&body_text(&render(&d), &d));
    for words in [
        "Annexe G — Changements depuis la version 1.0",
        "5.7.2",
        "5.8.0",
        "Caméras ajoutées (1) : NEW-01",
    ] {
        assert!(text.contains(&squash(words)), "« {words} » missing");
    }
    let d = build(&session.assessment, Lang::Fr, true);
    let public = squash(&body_text(&render(&d), &d));
    assert!(!public.contains(&squash("Changements depuis la version")));
}

#[test]
fn the_findings_annex_names_fields_as_a_reader_does_never_by_their_path() {
    let sample = common::shared_sample();
    let full = gardefou::dossier::text::plain_text(&build(sample, Lang::Fr, false));
    let fields: Vec<&str> = full.lines().filter(|l| l.starts_with("Champs")).collect();
    assert!(fields.len() > 5, "{fields:?}");
    for line in &fields {
        for raw in [
            "plans[",
            "capabilities[",
            "risks[",
            "video_system.",
            "opinions.",
        ] {
            assert!(!line.contains(raw), "a path in the signed dossier: {line}");
        }
    }
    assert!(
        fields
            .iter()
            .any(|l| l.contains("Plan « ") && l.contains("caméra CAM-001")),
        "{fields:?}"
    );
    assert!(fields.iter().any(|l| l.contains("— état")), "{fields:?}");
}

/// Issue 27, item 14: the risk map's legend gives each risk's whole title, wrapped under its
/// number, never cut with « … ».
#[test]
fn the_risk_map_legend_gives_whole_titles() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, false);
    let text = body_text(&render(&d), &d);
    let cut: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" — RISK-") && l.trim_end().ends_with('…'))
        .collect();
    assert!(cut.is_empty(), "legend lines cut: {cut:?}");
    // The longest title is there in full, across its legend lines.
    let longest = sample
        .risks
        .iter()
        .map(|r| r.title.as_str())
        .max_by_key(|t| t.len())
        .expect("risks");
    let squashed = squash(&text);
    let legend = format!("—{}", squash(longest));
    assert!(
        squashed.matches(&legend).count() >= 2,
        "« {longest} » not whole in the legends"
    );
}

/// Issue 33, item 8: a city's 2,000 cameras on one plan — sites of several cameras each — print
/// legibly: cameras sharing a place are one label (« 1051–1057 (4) »), no id is written over
/// another on any page, the crowded ones are counted in badges and the note under the overview
/// says how many carry no id; detail pages, each a part of the plan of at most 120 cameras,
/// name almost all of them.
#[test]
fn a_city_of_two_thousand_cameras_on_one_plan_prints_no_id_over_another() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("ville.csv");
    std::fs::write(&csv, gardefou::sample::city_csv(2_000, 1)).expect("write");
    let mut session = gardefou::session::Session::new(
        Assessment::default(),
        None,
        std::sync::Arc::new(common::kb()),
        common::day(TODAY),
    );
    let import = session.read_cameras_csv(&csv).expect("read");
    assert!(
        import.preview.errors.is_empty(),
        "{:?}",
        import.preview.errors
    );
    let placed = session.import_cameras(&import.preview);
    assert_eq!(placed.placed, 2_000);
    let d = build(&session.assessment, Lang::Fr, false);
    let details = d
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 3, text } if text.starts_with("Détail —")))
        .count();
    assert!(details >= 17, "{details} details of at most 120 cameras");
    let metrics = Metrics::load().expect("fonts");
    let layout = pdf::pages(&d).expect("layout");
    let (mut grouped, mut unnamed) = (0, Vec::new());
    for page in &layout.pages {
        let mut ids = Vec::new();
        for item in &page.items {
            let Item::Text {
                x,
                y,
                size,
                face,
                text,
                ..
            } = item
            else {
                continue;
            };
            let right = x + metrics.width(text, *face, *size);
            assert!(
                *x >= MARGIN_X - 0.5 && right <= PAGE_W - MARGIN_X + 0.5,
                "« {text} » runs off the page"
            );
            // The cameras' ids (the badges' counts are numbers inside their discs).
            if *size <= 5.5 && text.parse::<usize>().is_err() {
                ids.push([*x, y - size * 0.8, right - x, *size]);
                grouped += usize::from(text.contains('–') && text.ends_with(')'));
            }
            if let Some(rest) = text.strip_prefix("Caméras sans identifiant sur ce dessin") {
                unnamed.push(rest.to_owned());
            }
        }
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let apart = a[0] + a[2] <= b[0] + 0.01
                    || b[0] + b[2] <= a[0] + 0.01
                    || a[1] + a[3] <= b[1] + 0.01
                    || b[1] + b[3] <= a[1] + 0.01;
                assert!(apart, "{a:?} over {b:?}");
            }
        }
    }
    assert!(grouped > 100, "{grouped} grouped labels");
    let count = |note: &String| -> usize {
        note.split(['\u{a0}', ' ', ':', '.'])
            .find_map(|word| word.parse().ok())
            .unwrap_or(0)
    };
    let overview = unnamed.first().map_or(0, count);
    let in_details: usize = unnamed.iter().skip(1).map(count).sum();
    assert!(
        overview > 500,
        "the overview cannot name them all: {unnamed:?}"
    );
    assert!(
        in_details * 20 < overview,
        "the details name them: {unnamed:?}"
    );
}

/// Issue 27, item 14: no page of the site plans is left near-empty — the chapter's introduction
/// is followed by its first plan on the same page, and a plan whose opening (heading, facts,
/// least height) fits under the last plan's camera table starts there. Every page of the
/// chapter but its last is filled past a quarter of its text area (the page of the
/// introduction alone was filled to 13 %, the tail of a camera table to 12 %).
#[test]
fn the_plans_chapter_leaves_no_page_near_empty() {
    use gardefou::pdf::layout::{BOTTOM, TOP};
    for lang in [Lang::Fr, Lang::En] {
        let d = build(common::shared_sample(), lang, false);
        let layout = pdf::pages(&d).expect("layout");
        let title = match lang {
            Lang::Fr => "Plans de situation",
            Lang::En => "Site plans",
        };
        let chapter = layout
            .bookmarks
            .iter()
            .position(|(t, _)| t == title)
            .expect("the plans chapter");
        let first = layout.bookmarks[chapter].1;
        let end = layout.bookmarks[chapter + 1].1;
        assert!(end - first >= 3, "the sample's plans take several pages");
        for index in first..end - 1 {
            let bottom = layout.pages[index]
                .items
                .iter()
                .filter_map(|item| match item {
                    // Not the running footer under the text area.
                    Item::Text { y, .. } if *y <= BOTTOM => Some(*y),
                    _ => None,
                })
                .fold(TOP, f32::max);
            let filled = (bottom - TOP) / (BOTTOM - TOP);
            assert!(
                filled > 0.25,
                "{lang:?}: page {} is filled to {:.0} % only",
                index + 1,
                filled * 100.0
            );
        }
    }
}
