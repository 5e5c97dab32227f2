//! Writing the CNIL PIA tool's JSON export from an assessment: every answer, measure and
//! evaluation the tool needs to read the assessment as complete and let each section be
//! validated, with Garde-fou's video-specific content in paragraphs marked « [Garde-fou] ». When
//! the assessment came from a PIA export, `merge` gives back the original's parts the user has not
//! changed, so import → export returns the original.

use crate::model::path;
use serde_json::{json, Map, Value};

use super::{html, merge, with_marked, EVENTS, MARK};
use crate::knowledge::KnowledgeBase;
use crate::model::{
    Assessment, Date, DpoConclusion, Evaluation, Level, MeasureStatus, ProjectStatus,
};

/// The `dbVersion` the tool's own exports carry inside `pia` (older versions refuse a file without it).
const DB_VERSION: i64 = 201_707_071_818;

/// Writes a PIA export the CNIL tool can import and read as complete: the file's text.
pub fn export(
    a: &Assessment,
    kb: &KnowledgeBase,
    report: &crate::rules::Report,
    lang: crate::model::Lang,
    today: Date,
) -> String {
    let mine = generate(a, kb, report, lang, today);
    let root = match merge::original(a) {
        Some(original) => {
            let base = merge::base(&original, kb)
                .map(|reimported| generate(&reimported, kb, report, lang, today));
            match base {
                Some(base) => merge::merge(&mine, &base, &original),
                None => mine,
            }
        }
        None => mine,
    };
    serde_json::to_string_pretty(&root).unwrap_or_default()
}

/// An ISO timestamp at midnight.
fn stamp(date: Date) -> String {
    format!("{}T00:00:00.000Z", date.iso())
}

/// Plain text for the tool's text boxes (opinions): no markup, which it would show literally.
fn plain(text: &str) -> String {
    text.trim().to_owned()
}

/// The file as Garde-fou writes it from the assessment alone.
fn generate(
    a: &Assessment,
    kb: &KnowledgeBase,
    report: &crate::rules::Report,
    lang: crate::model::Lang,
    today: Date,
) -> Value {
    let created = stamp(a.project.created_on.unwrap_or(today));
    let updated = stamp(a.project.updated_on.unwrap_or(today));
    let o = &a.opinions;
    let status = match a.project.status {
        ProjectStatus::Validated => 2,
        _ => 0,
    };
    let validator = o
        .signatures
        .iter()
        .find(|s| s.role == "Validation (CNIL PIA)")
        .or_else(|| o.signatures.first())
        .map_or(String::new(), |s| s.name.clone());
    let evaluator = if a.project.consultant.trim().is_empty() {
        a.project.dpo_name.clone()
    } else {
        a.project.consultant.clone()
    };
    let consulted = o.were_data_subjects_consulted;
    let pia = json!({
        "id": 1,
        "dbVersion": DB_VERSION,
        "name": a.project.title,
        "category": "",
        "status": status,
        "author_name": a.project.authors.join("\n"),
        "evaluator_name": evaluator,
        "validator_name": validator,
        "dpos_names": a.project.dpo_name,
        // 0 is « should not be implemented » to the tool: an opinion not given is null.
        "dpo_status": match o.dpo_conclusion {
            Some(DpoConclusion::Unfavourable) => json!(0),
            Some(_) => json!(1),
            None => Value::Null,
        },
        "dpo_opinion": plain(&o.dpo_opinion),
        "concerned_people_searched_opinion": consulted,
        "concerned_people_searched_content": if consulted == Some(false) { plain(&o.data_subjects_views) } else { String::new() },
        "people_names": o.consulted_people,
        "concerned_people_status": o.data_subjects_favourable.map(i64::from),
        "concerned_people_opinion": if consulted == Some(false) { String::new() } else { plain(&o.data_subjects_views) },
        "rejection_reason": "",
        "applied_adjustments": plain(&o.decision_reasons),
        "is_example": 0,
        "is_archive": 0,
        "progress": report.completeness.percent(),
        "structure_id": null,
        "structure_name": null,
        "structure_sector_name": null,
        "structure_data": null,
        "created_at": created,
        "updated_at": updated,
    });
    let mut out = Output::default();
    let texts = answers(a, kb, report, lang, &mut out, &created);
    evaluations(a, kb, &texts, &mut out, &updated);
    let measures = measures(a, &mut out, &created, &updated);
    let mut root = Map::new();
    root.insert("pia".to_owned(), pia);
    root.insert("answers".to_owned(), Value::Array(out.answers));
    root.insert("measures".to_owned(), Value::Array(measures));
    root.insert("evaluations".to_owned(), Value::Array(out.evaluations));
    let notes = a.project.imported_notes.trim();
    let comments = if notes.is_empty() {
        Vec::new()
    } else {
        // Attached to question 1.1.1, where the tool shows comments; the mark lets an import
        // take the notes back verbatim.
        vec![json!({
            "id": 1,
            "pia_id": 1,
            "reference_to": 111,
            "for_measure": false,
            "description": html::from_text(&format!("{MARK} {notes}")),
            "created_at": updated,
        })]
    };
    root.insert("comments".to_owned(), Value::Array(comments));
    Value::Object(root)
}

/// The answers and evaluations being written.
#[derive(Default)]
struct Output {
    answers: Vec<Value>,
    evaluations: Vec<Value>,
}

impl Output {
    /// Writes an answer that says something (the tool counts every answer written); true when
    /// written.
    fn answer(&mut self, reference: u16, data: Value, created: &str) -> bool {
        let is_filled = match (data.get("text"), data.get("list")) {
            (Some(Value::String(t)), _) if !t.trim().is_empty() => true,
            (_, Some(Value::Array(l))) => !l.is_empty(),
            _ => false,
        };
        if is_filled {
            let id = self.answers.len() + 1;
            self.answers.push(json!({ "id": id, "pia_id": 1, "reference_to": reference, "data": data, "created_at": created }));
        }
        is_filled
    }

    /// An evaluation: `status` 2 (improvable) or 3 (acceptable), validated (`global_status` 2).
    fn evaluation(&mut self, reference: String, status: u8, fields: Value, updated: &str) {
        let mut value = json!({
            "id": self.evaluations.len() + 1,
            "pia_id": 1,
            "reference_to": reference,
            "status": status,
            "global_status": 2,
            "gauges": { "x": 0, "y": 0 },
            "created_at": updated,
        });
        if let (Some(object), Value::Object(extra)) = (value.as_object_mut(), fields) {
            object.extend(extra);
        }
        self.evaluations.push(value);
    }
}

/// Which of the questions of items 1.1 and 1.2 have an answer.
struct Filled {
    overview: [bool; 3],
    data: [bool; 3],
}

fn answers(
    a: &Assessment,
    kb: &KnowledgeBase,
    report: &crate::rules::Report,
    lang: crate::model::Lang,
    out: &mut Output,
    created: &str,
) -> Filled {
    let text_data = |text: String| json!({ "text": text, "gauge": null, "list": [] });
    let summary = crate::model::camera::summarise(&a.cameras);
    let mut context = vec![format!(
        "{} caméras, dont {} couplées au logiciel d'analyse {} {} {}.",
        summary.total,
        summary.analytics_coupled,
        a.video_system.software.vendor,
        a.video_system.software.product,
        a.video_system.software.version
    )];
    context.extend(scale_and_version_lines(a, kb, lang));
    let capabilities: Vec<String> = a
        .capabilities
        .iter()
        .filter(|r| r.is_present())
        .map(|r| {
            let label = kb
                .capability(&r.capability_id)
                .map_or(String::new(), |d| d.label.get(lang).to_owned());
            format!(
                "{} {label} : {}",
                r.capability_id,
                kb.texts
                    .get(lang, &format!("enum.capability_state.{:?}", r.state))
            )
        })
        .collect();
    if !capabilities.is_empty() {
        context.push(format!(
            "Fonctionnalités présentes : {}",
            capabilities.join(" ; ")
        ));
    }
    let overview = [
        out.answer(
            111,
            text_data(with_marked(&a.processing.description, &context)),
            created,
        ),
        out.answer(
            112,
            text_data(with_marked("", &responsibilities(a, kb, lang))),
            created,
        ),
        out.answer(
            113,
            text_data(with_marked("", &standards(report, kb))),
            created,
        ),
    ];
    let bullets = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let data = [
        out.answer(
            121,
            text_data(html::from_text(&bullets(&a.processing.data_categories))),
            created,
        ),
        out.answer(
            122,
            text_data(html::from_text(&a.processing.lifecycle)),
            created,
        ),
        out.answer(
            123,
            text_data(html::from_text(&bullets(&a.processing.supporting_assets))),
            created,
        ),
    ];
    let findings: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity != crate::rules::Severity::Info)
        .map(|f| format!("{} — {}", f.rule_id, f.message.get(lang)))
        .collect();
    for question in kb.questions.iter().filter(|q| q.cnil_ref.is_some()) {
        let Some(reference) = question.cnil_ref else {
            continue;
        };
        let own = a
            .answers
            .iter()
            .find(|x| x.question_id == question.id)
            .map_or("", |x| x.text.as_str());
        let added = match reference {
            211 => findings.clone(),
            223 => access_rights_lines(a, kb, lang),
            227 => transfer_lines(a, kb, lang),
            _ => Vec::new(),
        };
        out.answer(reference, text_data(with_marked(own, &added)), created);
    }
    for (section, event, _) in EVENTS {
        let Some(risk) = a.risks.iter().find(|r| r.feared_event == event) else {
            continue;
        };
        let base = section * 10;
        let list = |items: &[String]| json!({ "text": null, "gauge": null, "list": items });
        out.answer(base + 1, list(&risk.impacts), created);
        out.answer(base + 2, list(&risk.threats), created);
        out.answer(base + 3, list(&risk.sources), created);
        let titles: Vec<String> = risk
            .measure_ids
            .iter()
            .filter_map(|id| a.measure_by_id(id))
            .map(|m| m.title.clone())
            .collect();
        out.answer(base + 4, list(&titles), created);
        // The tool wants a justification beside each gauge: the risk's, or the level itself in
        // a marked paragraph that an import leaves out.
        let justify = |axis: &str, level: Option<Level>| {
            let own = risk.justification.trim();
            if own.is_empty() {
                let said = level.map_or_else(String::new, |l| {
                    format!(
                        "{axis} : {} — {}",
                        l.number(),
                        kb.texts.get(lang, &format!("enum.level.{l:?}"))
                    )
                });
                with_marked("", &[said])
            } else {
                html::from_text(own)
            }
        };
        out.answer(
            base + 5,
            json!({ "text": justify("Gravité", risk.severity), "gauge": risk.severity.map(Level::number), "list": [] }),
            created,
        );
        out.answer(
            base + 6,
            json!({ "text": justify("Vraisemblance", risk.likelihood), "gauge": risk.likelihood.map(Level::number), "list": [] }),
            created,
        );
    }
    Filled { overview, data }
}

fn evaluations(
    a: &Assessment,
    kb: &KnowledgeBase,
    filled: &Filled,
    out: &mut Output,
    updated: &str,
) {
    // Items 1.1 and 1.2 are evaluated as a whole, once each of their questions has an answer.
    for (item, answered) in [("1.1", filled.overview), ("1.2", filled.data)] {
        if answered.iter().all(|f| *f) {
            out.evaluation(item.to_owned(), 3, json!({}), updated);
        }
    }
    for answer in &a.answers {
        let Some(reference) = super::cnil_ref(kb, &answer.question_id) else {
            continue;
        };
        let section = if reference < 220 { "2.1" } else { "2.2" };
        let reference = format!("{section}.{reference}");
        let comment = answer.comment.trim();
        match answer.evaluation {
            Evaluation::Acceptable => out.evaluation(
                reference,
                3,
                json!({ "evaluation_comment": comment }),
                updated,
            ),
            // « Improvable » needs its corrective action: the evaluator's comment.
            Evaluation::ToImprove => out.evaluation(
                reference,
                2,
                json!({
                    "evaluation_comment": "",
                    "action_plan_comment": if comment.is_empty() { format!("{MARK} {}", answer.question_id) } else { comment.to_owned() },
                }),
                updated,
            ),
            Evaluation::Pending => {}
        }
    }
    for (section, event, _) in EVENTS {
        let Some(risk) = a.risks.iter().find(|r| r.feared_event == event) else {
            continue;
        };
        let (Some(x), Some(y)) = (risk.residual_severity, risk.residual_likelihood) else {
            continue;
        };
        let reference = format!("3.{}", section % 10);
        let gauges = json!({ "x": x.number(), "y": y.number() });
        if risk.is_residual_high() {
            let planned: Vec<String> = risk
                .measure_ids
                .iter()
                .filter_map(|id| a.measure_by_id(id))
                .filter(|m| m.status == MeasureStatus::Planned)
                .map(|m| m.title.clone())
                .collect();
            let plan = if planned.is_empty() {
                format!("{MARK} {}", risk.risk_id)
            } else {
                planned.join(" ; ")
            };
            out.evaluation(
                reference,
                2,
                json!({ "gauges": gauges, "action_plan_comment": plan }),
                updated,
            );
        } else {
            out.evaluation(reference, 3, json!({ "gauges": gauges }), updated);
        }
    }
}

/// The measures, and their evaluations (`3.1.<id>`): in place is acceptable, planned is
/// improvable with its action plan, owner and deadline.
fn measures(a: &Assessment, out: &mut Output, created: &str, updated: &str) -> Vec<Value> {
    let mut next_free = super::next_free_measure_id(a);
    let mut measures = Vec::new();
    for measure in &a.measures {
        let id = match super::pia_measure_id(&measure.measure_id) {
            Some(id) => id,
            None => {
                next_free += 1;
                next_free - 1
            }
        };
        // The tool counts a measure with a title and a content; an empty description becomes
        // the title in a marked paragraph, which an import leaves out.
        let content = if measure.description.trim().is_empty() {
            with_marked("", std::slice::from_ref(&measure.title))
        } else {
            html::from_text(&measure.description)
        };
        measures.push(json!({ "id": id, "pia_id": 1, "title": measure.title, "content": content, "placeholder": "measures.default_placeholder", "created_at": created }));
        match measure.status {
            MeasureStatus::Existing => {
                out.evaluation(format!("3.1.{id}"), 3, json!({}), updated)
            }
            MeasureStatus::Planned => out.evaluation(
                format!("3.1.{id}"),
                2,
                json!({
                    "action_plan_comment": if measure.description.trim().is_empty() { measure.title.clone() } else { plain(&measure.description) },
                    "person_in_charge": measure.owner,
                    "estimated_implementation_date": measure.deadline.map(stamp),
                }),
                updated,
            ),
        }
    }
    measures
}

/// Who does what (question 1.1.2), from the actors and the DPO.
fn responsibilities(a: &Assessment, kb: &KnowledgeBase, lang: crate::model::Lang) -> Vec<String> {
    let mut lines: Vec<String> = a
        .processing
        .actors
        .iter()
        .filter(|actor| !actor.name.trim().is_empty())
        .map(|actor| {
            let key = format!("enum.actor_role.{:?}", actor.role);
            format!("{} : {}", kb.texts.get(lang, &key), actor.name.trim())
        })
        .collect();
    if !a.project.dpo_name.trim().is_empty() {
        lines.push(format!(
            "{} : {}",
            kb.texts.get(lang, "doc.register.dpo"),
            a.project.dpo_name.trim()
        ));
    }
    lines
}

/// The texts that apply (question 1.1.3): every source the findings and the questions cite.
fn standards(report: &crate::rules::Report, kb: &KnowledgeBase) -> Vec<String> {
    let mut ids: Vec<&crate::model::LegalRefId> = report
        .findings
        .iter()
        .flat_map(|f| f.sources.iter())
        .collect();
    ids.sort();
    ids.dedup();
    let citations: Vec<String> = ids
        .into_iter()
        .filter_map(|id| kb.legal_ref(id))
        .map(|r| r.citation.clone())
        .collect();
    if citations.is_empty() {
        Vec::new()
    } else {
        vec![citations.join(" ; ")]
    }
}

/// The answers the legal-depth issue added that the PIA's context question holds: the installed
/// version's date and the controller's own judgement of scale with its WP248 factors.
fn scale_and_version_lines(
    a: &Assessment,
    kb: &KnowledgeBase,
    lang: crate::model::Lang,
) -> Vec<String> {
    let label = |key: &str| kb.texts.get(lang, key).to_owned();
    let mut lines = Vec::new();
    if let Some(date) = a.video_system.software.version_installed_on {
        lines.push(format!(
            "{} : {}",
            kb.field_label(&path::video_system::software::VERSION_INSTALLED_ON, lang),
            date.display(lang)
        ));
    }
    let s = &a.screening;
    if let Some(is_large) = s.is_large_scale {
        let mut line = format!(
            "{} : {}",
            kb.field_label(&path::screening::IS_LARGE_SCALE, lang),
            label(if is_large { "ui.yes" } else { "ui.no" })
        );
        for (field, value) in [
            (path::screening::SCALE_PEOPLE, &s.scale_people),
            (path::screening::SCALE_EXTENT, &s.scale_extent),
            (path::screening::SCALE_DURATION, &s.scale_duration),
        ] {
            if !value.trim().is_empty() {
                let label = kb.field_label(&field, lang);
                line.push_str(&format!(" ; {label} : {}", value.trim()));
            }
        }
        lines.push(line);
    }
    lines
}

/// « yes », « no » or « not answered », in the dossier catalogue's words.
fn yes_no(kb: &KnowledgeBase, lang: crate::model::Lang, value: Option<bool>) -> String {
    let key = match value {
        Some(true) => "ui.yes",
        Some(false) => "ui.no",
        None => "dossier.not_filled",
    };
    kb.texts.get(lang, key).to_owned()
}

/// The access procedure's answers, for the PIA's « right of access » question (2.2.3).
fn access_rights_lines(
    a: &Assessment,
    kb: &KnowledgeBase,
    lang: crate::model::Lang,
) -> Vec<String> {
    let rights = &a.video_system.access_rights;
    let mut parts = Vec::new();
    if !rights.contact.trim().is_empty() {
        parts.push(format!(
            "{} : {}",
            kb.field_label(&path::video_system::access_rights::CONTACT, lang),
            rights.contact.trim()
        ));
    }
    use path::video_system::access_rights::{
        ANSWERS_WITHIN_MONTH, CHECKS_IDENTITY, DOCUMENTS_REFUSAL_GROUNDS, MASKS_THIRD_PARTIES,
    };
    for (field, value) in [
        (CHECKS_IDENTITY, rights.checks_identity),
        (ANSWERS_WITHIN_MONTH, rights.answers_within_month),
        (MASKS_THIRD_PARTIES, rights.masks_third_parties),
        (DOCUMENTS_REFUSAL_GROUNDS, rights.documents_refusal_grounds),
    ] {
        if value.is_some() {
            parts.push(format!(
                "{} : {}",
                kb.field_label(&field, lang),
                yes_no(kb, lang, value)
            ));
        }
    }
    if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(" ; ")]
    }
}

/// Processors hosted or reachable outside the EU, for the PIA's « transfers » question (2.2.7).
fn transfer_lines(a: &Assessment, kb: &KnowledgeBase, lang: crate::model::Lang) -> Vec<String> {
    a.processing
        .actors
        .iter()
        .filter(|actor| actor.role == crate::model::ActorRole::Processor)
        .filter(|actor| actor.is_outside_eu.is_some())
        .map(|actor| {
            format!(
                "{} — {} : {} ; {} : {}",
                actor.name.trim(),
                kb.texts.get(lang, "ui.outside_eu"),
                yes_no(kb, lang, actor.is_outside_eu),
                kb.texts.get(lang, "ui.transfer_documented"),
                yes_no(kb, lang, actor.is_transfer_documented)
            )
        })
        .collect()
}
