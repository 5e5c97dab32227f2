//! The editable deliverables: the dossier and every derived document as Word (DOCX) and
//! OpenDocument (ODT) — packages a word processor accepts (parts, well-formed XML, heading
//! styles, repeating header rows, properties, watermark), the public version leaving out what
//! the PDF leaves out, and LibreOffice itself opening each file and converting it to PDF with
//! every answer, camera, finding and accent of the original.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use gardefou::documents::{self, DocumentKind};
use gardefou::dossier::{Block, Dossier};
use gardefou::model::{Assessment, Lang};
use gardefou::office;
use gardefou::rules;

const TODAY: &str = "2026-11-23";

fn build(a: &Assessment, lang: Lang, is_public: bool) -> Dossier {
    common::dossier(a, lang, is_public, TODAY)
}

fn derived(kind: DocumentKind, lang: Lang) -> Dossier {
    let sample = common::shared_sample();
    let kb = common::shared_kb();
    let report = rules::evaluate(sample, kb, common::day(TODAY));
    documents::build(kind, sample, kb, &report, lang, common::day(TODAY))
        .expect("the sample calls for every derived document")
}

/// A consultant's branding with a real logo (a PNG made here, decoded as the app decodes).
fn branding() -> gardefou::dossier::Branding {
    let mut png = Vec::new();
    image::RgbImage::from_pixel(300, 100, image::Rgb([15, 92, 77]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encode");
    gardefou::dossier::Branding {
        firm_name: "Cabinet Lumen Conformité".to_owned(),
        footer_line: "12 rue des Arts, Lille — lumen-conformite.fr".to_owned(),
        accent: Some(gardefou::dossier::palette::Rgb(0.06, 0.36, 0.30)),
        logo: Some(gardefou::branding::decode(&png).expect("logo")),
    }
}

/// The parts of a zip package, by name, in archive order.
fn parts(bytes: &[u8]) -> Vec<(String, String, zip::CompressionMethod)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("part");
            // Pictures are kept as their size; the XML parts as text.
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| format!("<{} binary bytes>", e.as_bytes().len()));
            (file.name().to_owned(), text, file.compression())
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String, zip::CompressionMethod)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, text, _)| text.as_str())
        .unwrap_or_else(|| panic!("no part {name}"))
}

/// Reads an XML part to its end: panics on any well-formedness error.
fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("{name}: not well-formed XML: {error}"),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
}

/// The text of an XML part, tags removed and entities decoded.
fn xml_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Text(text)) => {
                out.push_str(&text.xml10_content().expect("decoded text"));
            }
            Ok(quick_xml::events::Event::GeneralRef(entity)) => {
                let name = entity.decode().expect("entity name");
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => out.push(' '),
            Err(error) => panic!("not well-formed: {error}"),
        }
    }
    out
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn count_blocks(d: &Dossier, test: impl Fn(&Block) -> bool) -> usize {
    d.blocks.iter().filter(|b| test(b)).count()
}

/// Every piece of text the document model holds, as the reader should find it.
/// How many images a PDF holds.
fn image_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .expect("parse")
        .objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image")
            })
        })
        .count()
}

fn model_texts(d: &Dossier) -> Vec<String> {
    let mut texts = Vec::new();
    for block in &d.blocks {
        match block {
            Block::Cover(cover) => {
                texts.extend([
                    cover.kicker.clone(),
                    cover.title.clone(),
                    cover.marking.clone(),
                ]);
                for (label, value) in &cover.lines {
                    texts.extend([label.clone(), value.clone()]);
                }
            }
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                texts.push(text.clone())
            }
            Block::Bullets(items) => texts.extend(items.iter().cloned()),
            Block::KeyValues(pairs) => {
                for (label, value) in pairs {
                    texts.extend([label.clone(), value.clone()]);
                }
            }
            Block::Table { columns, rows } => {
                texts.extend(columns.iter().map(|c| c.title.clone()));
                texts.extend(rows.iter().flatten().cloned());
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => texts.extend([title.clone(), body.clone(), footer.clone()]),
            Block::RiskMap(map) => texts.extend(map.points.iter().map(|p| p.label.clone())),
            // The editable documents give a plan as a picture with its caption.
            Block::Plan(figure) => texts.push(figure.caption.clone()),
            Block::Signatures(lines) => {
                for line in lines {
                    texts.extend([line.who.clone(), line.date.clone()]);
                }
            }
            Block::Toc { title } => texts.push(title.clone()),
            Block::PageBreak => {}
        }
    }
    texts.retain(|t| !t.trim().is_empty());
    texts
}

#[test]
fn the_docx_is_a_word_package_with_heading_styles_repeating_headers_and_properties() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let bytes = office::docx::docx(&d).expect("docx");
    let parts = parts(&bytes);
    for (name, xml, _) in parts
        .iter()
        .filter(|(n, _, _)| n.ends_with(".xml") || n.ends_with(".rels"))
    {
        assert_well_formed(name, xml);
    }
    let document = part(&parts, "word/document.xml");
    let chapters = count_blocks(&d, |b| matches!(b, Block::Heading { level: 1, .. }));
    assert!(chapters >= 8, "the sample has its chapters");
    assert_eq!(
        document.matches("<w:pStyle w:val=\"Heading1\"/>").count(),
        chapters,
        "every chapter is a Heading 1"
    );
    let tables = count_blocks(&d, |b| matches!(b, Block::Table { .. }));
    assert_eq!(
        document.matches("<w:tblHeader/>").count(),
        tables,
        "every table's header row repeats"
    );
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("<w:name w:val=\"heading 1\"/>"));
    assert!(styles.contains("<w:outlineLvl w:val=\"0\"/>"));
    let core = xml_text(part(&parts, "docProps/core.xml"));
    for property in [
        &d.meta.title,
        &d.meta.subject,
        &d.meta.author,
        &d.meta.keywords.join(", "),
    ] {
        assert!(!property.is_empty());
        assert!(core.contains(property.as_str()), "« {property} » not set");
    }
    assert!(
        document.contains("TOC \\o"),
        "the contents is a field Word updates"
    );
    assert!(part(&parts, "word/header1.xml").contains("PowerPlusWaterMarkObject"));
    let text = xml_text(document);
    assert!(text.contains("«\u{a0}"), "French no-break spaces survive");
    let text = squash(&text);
    for piece in model_texts(&d) {
        assert!(text.contains(&squash(&piece)), "« {piece} » missing");
    }
}

#[test]
fn the_odt_is_an_odf_package_with_outline_headings_repeating_headers_and_metadata() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let bytes = office::odt::odt(&d).expect("odt");
    let parts = parts(&bytes);
    let (first, mimetype, method) = &parts[0];
    assert_eq!(first, "mimetype", "ODF: the mimetype comes first");
    assert_eq!(mimetype, "application/vnd.oasis.opendocument.text");
    assert_eq!(
        *method,
        zip::CompressionMethod::Stored,
        "and is not compressed"
    );
    for (name, xml, _) in parts[1..].iter().filter(|(n, _, _)| !n.ends_with(".png")) {
        assert_well_formed(name, xml);
    }
    let manifest = part(&parts, "META-INF/manifest.xml");
    for listed in ["content.xml", "styles.xml", "meta.xml"] {
        assert!(manifest.contains(&format!("manifest:full-path=\"{listed}\"")));
    }
    let content = part(&parts, "content.xml");
    let chapters = count_blocks(&d, |b| matches!(b, Block::Heading { level: 1, .. }));
    assert_eq!(
        content
            .matches("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">")
            .count(),
        chapters,
        "every chapter is an outline level 1 heading"
    );
    let tables = count_blocks(&d, |b| matches!(b, Block::Table { .. }));
    assert_eq!(
        content.matches("<table:table-header-rows>").count(),
        tables,
        "every table's header row repeats"
    );
    let meta = xml_text(part(&parts, "meta.xml"));
    for property in [&d.meta.title, &d.meta.subject, &d.meta.author] {
        assert!(meta.contains(property.as_str()), "« {property} » not set");
    }
    for keyword in &d.meta.keywords {
        assert!(meta.contains(keyword.as_str()));
    }
    assert!(part(&parts, "styles.xml").contains("PowerPlusWaterMarkObject"));
    let text = squash(&xml_text(content));
    for piece in model_texts(&d) {
        assert!(text.contains(&squash(&piece)), "« {piece} » missing");
    }
}

#[test]
fn no_watermark_once_the_model_has_none_and_hostile_text_stays_well_formed() {
    let mut d = build(common::shared_sample(), Lang::En, false);
    d.meta.watermark = None;
    let hostile = "a\u{0}b\u{7}c <tag> & \"q\" ]]> \u{FFFF} 🎥 \t tab   spaces\nline";
    d.meta.title = hostile.to_owned();
    d.blocks.push(Block::Paragraph(hostile.to_owned()));
    d.blocks.push(Block::Table {
        columns: vec![],
        rows: vec![vec![hostile.to_owned()]],
    });
    let docx = parts(&office::docx::docx(&d).expect("docx"));
    let odt = parts(&office::odt::odt(&d).expect("odt"));
    for (name, xml, _) in docx
        .iter()
        .chain(odt.iter().skip(1))
        .filter(|(n, _, _)| !n.ends_with(".png"))
    {
        assert_well_formed(name, xml);
        assert!(!xml.contains("PowerPlusWaterMarkObject"), "{name}");
    }
    let text = xml_text(part(&docx, "word/document.xml"));
    assert!(text.contains("abc <tag> & \"q\" ]]>  🎥"), "{text}");
}

#[test]
fn the_public_versions_leave_out_what_the_public_pdf_leaves_out() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, true);
    let docx = parts(&office::docx::docx(&d).expect("docx"));
    let odt = parts(&office::odt::odt(&d).expect("odt"));
    let everything: String = docx
        .iter()
        .chain(odt.iter())
        .map(|(_, xml, _)| squash(&xml_text_or_raw(xml)))
        .collect();
    for secret in common::public_secrets(sample) {
        assert!(
            !everything.contains(&squash(secret)),
            "« {secret} » in a public version"
        );
    }
    assert!(everything.contains("CAM-001"), "camera ids stay");
    assert!(everything.contains(&squash("Version publique")));
}

fn xml_text_or_raw(xml: &str) -> String {
    if xml.starts_with("<?xml") {
        xml_text(xml)
    } else {
        xml.to_owned()
    }
}

/// LibreOffice, headless, on its own profile (so parallel runs never share one).
fn soffice(args: &[&str], profile: &Path) -> std::process::Output {
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    Command::new("soffice")
        .arg(&profile_url)
        .arg("--headless")
        .arg("--norestore")
        .args(args)
        .output()
        .expect(
            "LibreOffice (soffice) must be installed to test the DOCX and ODT exports: \
             sudo apt-get install libreoffice-writer-nogui (.ci/run does it)",
        )
}

#[test]
fn each_plan_is_a_picture_of_the_word_and_opendocument_packages() {
    let sample = common::shared_sample();
    let d = build(sample, Lang::Fr, false);
    let plans = sample.plans.len();
    let picture = |bytes: &[u8], name: &str| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut file = zip
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} is missing"));
        let mut png = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut png).expect("read");
        image::load_from_memory(&png).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let docx = office::docx::docx(&d).expect("docx");
    let docx_parts = parts(&docx);
    let rels = part(&docx_parts, "word/_rels/document.xml.rels");
    let document = part(&docx_parts, "word/document.xml");
    for n in 1..=plans {
        let drawn = picture(&docx, &format!("word/media/plan-{n}.png"));
        assert_eq!(drawn.width(), 1400, "plan {n} at the documents' width");
        assert!(rels.contains(&format!("Id=\"rIdPlan{n}\"")), "{rels}");
        assert!(rels.contains(&format!("Target=\"media/plan-{n}.png\"")));
        assert!(document.contains(&format!("r:embed=\"rIdPlan{n}\"")));
    }
    assert!(part(&docx_parts, "[Content_Types].xml").contains("image/png"));
    let odt = office::odt::odt(&d).expect("odt");
    let odt_parts = parts(&odt);
    let manifest = part(&odt_parts, "META-INF/manifest.xml");
    let content = part(&odt_parts, "content.xml");
    for n in 1..=plans {
        picture(&odt, &format!("Pictures/plan-{n}.png"));
        assert!(manifest.contains(&format!("Pictures/plan-{n}.png")));
        assert!(content.contains(&format!("xlink:href=\"Pictures/plan-{n}.png\"")));
    }
    // Each plan's picture is described in words where a screen reader reads it (issue 32).
    let placed = "38 caméras placées avec leur champ de vision";
    assert!(document.contains("name=\"plan-1.png\" descr=\"Périmètre"));
    assert!(document.contains(placed), "the Word picture's description");
    assert!(content.contains("<svg:desc>Périmètre"));
    assert!(
        content.contains(placed),
        "the OpenDocument frame's description"
    );
    // The public version has no plan drawing, so no pictures.
    let public = office::docx::docx(&build(sample, Lang::Fr, true)).expect("docx");
    assert!(!parts(&public)
        .iter()
        .any(|(name, _, _)| name.contains("plan-")));
}

#[test]
fn libreoffice_opens_every_docx_and_odt_and_converts_it_with_all_its_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = common::shared_sample();
    let mut branded = build(sample, Lang::Fr, false);
    branded.meta.branding = Some(branding());
    let mut documents: Vec<(String, Dossier)> = vec![
        ("dossier".to_owned(), build(sample, Lang::Fr, false)),
        ("public-en".to_owned(), build(sample, Lang::En, true)),
        ("branded".to_owned(), branded),
    ];
    for kind in DocumentKind::ALL {
        documents.push((kind.code().to_owned(), derived(kind, Lang::Fr)));
    }
    let mut files = Vec::new();
    for (name, d) in &documents {
        for (extension, bytes) in [
            ("docx", office::docx::docx(d).expect("docx")),
            ("odt", office::odt::odt(d).expect("odt")),
        ] {
            let path = dir.path().join(format!("{name}-{extension}.{extension}"));
            std::fs::write(&path, bytes).expect("write");
            files.push(path);
        }
    }
    let file_args: Vec<&str> = files.iter().map(|p| p.to_str().expect("UTF-8")).collect();
    let profile = dir.path().join("profile");
    let out = dir.path().join("out");
    for target in ["pdf", "txt:Text (encoded):UTF8"] {
        let mut args = vec![
            "--convert-to",
            target,
            "--outdir",
            out.to_str().expect("UTF-8"),
        ];
        args.extend(&file_args);
        let output = soffice(&args, &profile);
        assert!(
            output.status.success(),
            "soffice failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let report = rules::evaluate(sample, common::shared_kb(), common::day(TODAY));
    for (name, d) in &documents {
        for extension in ["docx", "odt"] {
            let stem = format!("{name}-{extension}");
            let pdf = std::fs::read(out.join(format!("{stem}.pdf")))
                .unwrap_or_else(|_| panic!("LibreOffice made no PDF of {stem}"));
            let pages = lopdf::Document::load_mem(&pdf)
                .unwrap_or_else(|e| panic!("{stem}: LibreOffice's PDF does not parse: {e}"))
                .get_pages()
                .len();
            assert!(pages >= 1, "{stem}: no pages");
            let full_text = std::fs::read_to_string(out.join(format!("{stem}.txt")))
                .unwrap_or_else(|_| panic!("LibreOffice read no text from {stem}"));
            if name == "branded" {
                assert!(
                    full_text.contains("Cabinet Lumen Conformité"),
                    "{stem}: no firm name"
                );
                assert!(image_count(&pdf) >= 1, "{stem}: LibreOffice drew no logo");
            }
            let text = squash(&full_text);
            for piece in model_texts(d) {
                assert!(
                    text.contains(&squash(&piece)),
                    "{stem}: LibreOffice does not show « {piece} »"
                );
            }
            if name == "dossier" {
                assert!(pages >= 20, "{stem}: {pages} pages for the whole dossier");
                assert!(
                    image_count(&pdf) >= sample.plans.len(),
                    "{stem}: LibreOffice drew {} pictures for {} plans",
                    image_count(&pdf),
                    sample.plans.len()
                );
                for camera in &sample.cameras {
                    assert!(text.contains(&squash(camera.camera_id.as_str())));
                }
                for finding in &report.findings {
                    assert!(
                        text.contains(&squash(&finding.rule_id)),
                        "{stem}: finding {} missing",
                        finding.rule_id
                    );
                }
                for answer in &sample.answers {
                    assert!(text.contains(&squash(&answer.text)));
                }
                for accented in ["é", "è", "à", "ç", "«\u{a0}", "\u{a0}»", "\u{a0}:", "’"] {
                    assert!(full_text.contains(accented), "{stem}: « {accented} » lost");
                }
            }
        }
    }
}

#[test]
fn a_jpeg_logo_goes_into_every_format_as_its_own_bytes() {
    let mut jpeg = Vec::new();
    image::RgbImage::from_fn(300, 100, |x, _| image::Rgb([15, (x / 2) as u8, 77]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("encode");
    let mut d = build(common::shared_sample(), Lang::Fr, false);
    let mut branded = branding();
    branded.logo = Some(gardefou::branding::decode(&jpeg).expect("logo"));
    d.meta.branding = Some(branded);
    // The PDF: the JPEG file itself is the logo's image.
    let pdf = gardefou::pdf::render(&d).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("parse");
    assert!(doc
        .objects
        .values()
        .any(|o| o.as_stream().is_ok_and(|s| s.content == jpeg)));
    // Word: media/logo.jpeg, declared as JPEG, with the same bytes.
    let docx = office::docx::docx(&d).expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("zip");
    let mut carried = Vec::new();
    archive
        .by_name("word/media/logo.jpeg")
        .expect("the logo as JPEG")
        .read_to_end(&mut carried)
        .expect("read");
    assert_eq!(carried, jpeg);
    let docx_parts = parts(&docx);
    assert!(part(&docx_parts, "[Content_Types].xml")
        .contains(r#"Extension="jpeg" ContentType="image/jpeg""#));
    assert!(part(&docx_parts, "word/_rels/document.xml.rels").contains("media/logo.jpeg"));
    // OpenDocument: Pictures/logo.jpeg, declared as JPEG in the manifest.
    let odt = parts(&office::odt::odt(&d).expect("odt"));
    assert!(odt.iter().any(|(name, _, _)| name == "Pictures/logo.jpeg"));
    let manifest = part(&odt, "META-INF/manifest.xml");
    assert!(
        manifest.contains(
            r#"manifest:full-path="Pictures/logo.jpeg" manifest:media-type="image/jpeg""#
        ),
        "{manifest}"
    );
    assert!(part(&odt, "content.xml").contains("Pictures/logo.jpeg"));
}

#[test]
fn a_branded_document_carries_the_logo_firm_colour_and_footer_line_in_every_format() {
    let mut d = build(common::shared_sample(), Lang::Fr, false);
    let plain_docx = parts(&office::docx::docx(&d).expect("docx"));
    d.meta.branding = Some(branding());
    let docx = parts(&office::docx::docx(&d).expect("docx"));
    assert!(
        docx.iter()
            .any(|(name, _, _)| name == "word/media/logo.png"),
        "the logo is in the Word package"
    );
    assert!(!plain_docx.iter().any(|(name, _, _)| name.contains("logo")));
    assert!(part(&docx, "word/_rels/document.xml.rels").contains("media/logo.png"));
    assert!(part(&docx, "word/header1.xml").contains("Cabinet Lumen Conformité"));
    assert!(part(&docx, "word/footer1.xml").contains("lumen-conformite.fr"));
    assert!(
        part(&docx, "word/styles.xml").contains("0F5C4D"),
        "headings in the accent"
    );
    assert!(!part(&plain_docx, "word/styles.xml").contains("0F5C4D"));
    let odt = parts(&office::odt::odt(&d).expect("odt"));
    assert!(odt.iter().any(|(name, _, _)| name == "Pictures/logo.png"));
    assert!(part(&odt, "META-INF/manifest.xml").contains("Pictures/logo.png"));
    assert!(part(&odt, "styles.xml").contains("Cabinet Lumen Conformité"));
    assert!(part(&odt, "content.xml").contains("draw:image"));
    let pdf = gardefou::pdf::render(&d).expect("pdf");
    assert_eq!(image_count(&pdf), 1, "one logo image in the PDF");
    let doc = lopdf::Document::load_mem(&pdf).expect("parse");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let second = doc.extract_text(&pages[1..2]).expect("text");
    assert!(
        second.contains("Cabinet Lumen"),
        "the running header names the firm: {second}"
    );
}

/// Issue 27, item 6: names typed in free text (a measure's owner « DSI (J. Perrin) », the DPO's
/// opinion, the decision's reasons, the people consulted) leave the public version in every
/// format — PDF, DOCX, ODT and plain text — and stay in the full one.
#[test]
fn names_typed_in_free_text_are_masked_in_every_public_format() {
    let mut a = common::sample();
    a.measures[0].owner = "DSI (Julien Perrin)".to_owned();
    a.measures[1].owner = "Service juridique (J. Perrin)".to_owned();
    a.opinions
        .dpo_opinion
        .push_str(" Avis préparé avec Mme Lefèvre, cheffe de salle du CSU.");
    a.opinions.decision_reasons =
        "Jean-Luc Hermant suit l'avis après un échange avec M. Dubreuil (DSI).".to_owned();
    a.opinions.consulted_people =
        "Conseil de quartier du centre-ville ; Madame Anne Roussel, présidente".to_owned();
    let names = [
        "Julien Perrin",
        "J. Perrin",
        "Lefèvre",
        "Hermant",
        "Dubreuil",
        "Anne Roussel",
    ];
    let public = build(&a, Lang::Fr, true);
    let pdf = gardefou::pdf::render(&public).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("parse");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let pdf_text = doc.extract_text(&pages).expect("text");
    let docx = parts(&office::docx::docx(&public).expect("docx"));
    let odt = parts(&office::odt::odt(&public).expect("odt"));
    let office_text: String = docx
        .iter()
        .chain(odt.iter())
        .filter(|(n, _, _)| n.ends_with(".xml"))
        .map(|(_, xml, _)| xml_text(xml))
        .collect();
    let plain = gardefou::dossier::text::plain_text(&public);
    for (format, text) in [
        ("PDF", &pdf_text),
        ("DOCX/ODT", &office_text),
        ("text", &plain),
    ] {
        for name in names {
            assert!(!text.contains(name), "« {name} » in the public {format}");
        }
        let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squashed.contains("(masquédanslaversionpublique)"),
            "{format}: the mask shows"
        );
    }
    // The full version keeps them.
    let full = gardefou::dossier::text::plain_text(&build(&a, Lang::Fr, false));
    for name in ["Julien Perrin", "Lefèvre", "Dubreuil", "Anne Roussel"] {
        assert!(
            full.contains(name),
            "« {name} » missing from the full version"
        );
    }
}

/// Issue 27, item 14: the risk map stays on one page with its legend in Word and LibreOffice —
/// every paragraph of its table keeps with the next (DOCX), its table may not break between
/// rows and keeps with the legend (ODT).
#[test]
fn the_risk_map_is_kept_on_one_page_in_docx_and_odt() {
    let d = build(common::shared_sample(), Lang::Fr, false);
    let docx = parts(&office::docx::docx(&d).expect("docx"));
    let body = part(&docx, "word/document.xml");
    // The map's table: the one whose rows carry the level labels of the grid.
    let map = body
        .split("<w:tbl>")
        .find(|table| {
            table.contains("Maximale") && table.contains("Négligeable") && table.contains("w:shd")
        })
        .expect("the risk map's table");
    let map = map.split("</w:tbl>").next().unwrap_or_default();
    let paragraphs = map.matches("<w:p>").count();
    assert!(paragraphs >= 25, "{paragraphs} paragraphs in the map");
    assert_eq!(map.matches("<w:keepNext/>").count(), paragraphs);

    let odt = parts(&office::odt::odt(&d).expect("odt"));
    let content = part(&odt, "content.xml");
    let whole = content
        .split("<style:style ")
        .filter(|s| s.contains("style:may-break-between-rows=\"false\""))
        .count();
    let maps = d
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::RiskMap(_)))
        .count();
    assert!(maps >= 1);
    assert_eq!(
        whole, maps,
        "each risk map's table, and only it, stays whole"
    );
}

/// The dossier of the sample written with its documents into `dir`, as the export builds it:
/// the centre plan on its picture.
fn dossier_with_background(dir: &Path) -> Dossier {
    let project = common::sample_with_documents(dir);
    let session = gardefou::session::Session::open(
        &project,
        std::sync::Arc::new(common::kb()),
        common::day(TODAY),
    )
    .expect("open")
    .session;
    session
        .export_job(
            gardefou::session::ExportKind::Dossier { is_public: false },
            &dir.join("dossier.docx"),
        )
        .document()
        .expect("dossier")
        .expect("a document")
}

#[test]
fn a_plan_background_goes_into_the_word_processors_as_its_own_file_under_the_drawing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dossier_with_background(dir.path());
    let (_, centre) = gardefou::sample::EVIDENCE_FILES
        .iter()
        .find(|(name, _)| name.ends_with("plan-centre-ville.png"))
        .expect("the sample's plan");
    let file = |bytes: &[u8], name: &str| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut out = Vec::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} is missing"))
            .read_to_end(&mut out)
            .expect("read");
        out
    };
    // Word: the file itself, behind the text, placed from the character and line that hold the
    // drawing, just before it.
    let docx = office::docx::docx(&d).expect("docx");
    assert_eq!(file(&docx, "word/media/plan-1-fond.png"), centre.to_vec());
    let docx_parts = parts(&docx);
    assert!(part(&docx_parts, "word/_rels/document.xml.rels")
        .contains(r#"Id="rIdPlanBackground1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/plan-1-fond.png""#));
    let document = part(&docx_parts, "word/document.xml");
    let under = document
        .find(r#"r:embed="rIdPlanBackground1""#)
        .expect("the background");
    let over = document.find(r#"r:embed="rIdPlan1""#).expect("the drawing");
    assert!(under < over, "the background is written first");
    let anchor = &document[document[..under].rfind("<wp:anchor").expect("anchored")..under];
    for piece in [
        r#"behindDoc="1""#,
        r#"<wp:positionH relativeFrom="character"><wp:posOffset>0</wp:posOffset>"#,
        r#"<wp:positionV relativeFrom="line"><wp:posOffset>0</wp:posOffset>"#,
        "<wp:wrapNone/>",
    ] {
        assert!(anchor.contains(piece), "{piece} in {anchor}");
    }
    // OpenDocument: the file itself is the area of the drawing's frame, at its top.
    let odt = office::odt::odt(&d).expect("odt");
    assert_eq!(file(&odt, "Pictures/plan-1-fond.png"), centre.to_vec());
    let odt_parts = parts(&odt);
    assert!(part(&odt_parts, "styles.xml").contains(
        r#"<draw:fill-image draw:name="PlanBackground1" xlink:href="Pictures/plan-1-fond.png""#
    ));
    let content = part(&odt_parts, "content.xml");
    assert!(content.contains(r#"draw:fill-image-name="PlanBackground1""#));
    assert!(content.contains(r#"draw:style-name="PlanFrame1""#));
    assert!(part(&odt_parts, "META-INF/manifest.xml").contains(
        r#"manifest:full-path="Pictures/plan-1-fond.png" manifest:media-type="image/png""#
    ));
    // LibreOffice prints the map under the drawing: the plan's page is mostly the picture's
    // colours, not white, in both formats.
    let profile = dir.path().join("profile");
    let out = dir.path().join("out");
    let mut names = Vec::new();
    for (extension, bytes) in [("docx", &docx), ("odt", &odt)] {
        let path = dir.path().join(format!("plan-{extension}.{extension}"));
        std::fs::write(&path, bytes).expect("write");
        names.push(path);
    }
    let mut args = vec![
        "--convert-to",
        "pdf",
        "--outdir",
        out.to_str().expect("UTF-8"),
    ];
    args.extend(names.iter().map(|p| p.to_str().expect("UTF-8")));
    let output = soffice(&args, &profile);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for extension in ["docx", "odt"] {
        let pdf = out.join(format!("plan-{extension}.pdf"));
        let coloured = map_share(&pdf, "Centre-ville — plan de situation", dir.path());
        assert!(
            coloured > 0.25,
            "{extension}: {coloured:.2} of the plan's page in the map's colours"
        );
    }
}

/// The share of the page of `pdf` showing `heading` that is neither white nor grey: a map
/// printed in colour on it.
fn map_share(pdf: &Path, heading: &str, dir: &Path) -> f64 {
    let pages = lopdf::Document::load(pdf).expect("a PDF").get_pages().len();
    let page = (1..=pages)
        .find(|page| {
            let text = Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .expect("pdftotext");
            String::from_utf8_lossy(&text.stdout).contains(heading)
        })
        .expect("the plan's page");
    let stem = dir.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "30", "-png", "-singlefile"])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&stem)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let picture = image::open(stem.with_extension("png"))
        .expect("the page")
        .to_rgb8();
    let coloured = picture
        .pixels()
        .filter(|p| {
            let [r, g, b] = p.0.map(i32::from);
            let spread = r.max(g).max(b) - r.min(g).min(b);
            r.min(g).min(b) < 245 && spread > 6
        })
        .count();
    coloured as f64 / f64::from(picture.width() * picture.height())
}
