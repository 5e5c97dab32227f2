//! The CNIL PIA tool's JSON export (`{ pia, answers, measures, evaluations, comments }`), in and
//! out. Import maps every piece it can into the assessment and keeps the rest, visibly, in
//! `project.imported_notes`; malformed references give warnings, never an abort. Export writes a
//! file the CNIL tool imports, with the video-specific content rendered into the matching answers
//! inside paragraphs marked « [Garde-fou] », which a later import recognises and leaves out, so
//! import → export → import gives the same assessment.
//!
//! Mapping: 111 → processing.description · 112, 113 → imported notes · 121 → data categories ·
//! 122 → lifecycle · 123 → supporting assets · 211-227 → the answers of the same CNIL number ·
//! 3.2/3.3/3.4 (x1 impacts, x2 threats, x3 sources, x4 measures, x5 severity, x6 likelihood) →
//! the three feared events · measures → measures `PIA-<id>` · evaluations: 2.1.x/2.2.x → answer
//! evaluation and comment, 3.2-3.4 gauges → residual levels, `3.1.<id>` « improvable » with an
//! action plan → planned measure with owner and deadline · pia.* → cover, opinions, status.

use serde_json::{json, Map, Value};

use super::html;
use crate::knowledge::KnowledgeBase;
use crate::model::{
    Answer, Assessment, Date, DpoConclusion, Evaluation, FearedEvent, Level, Measure, MeasureId,
    MeasureKind, MeasureStatus, ProjectStatus, QuestionId, Risk, RiskId, Signature,
};

/// Marks paragraphs Garde-fou adds on export; an import leaves them out.
pub const MARK: &str = "[Garde-fou]";

/// The `reference_to` of the comment that carries Garde-fou's imported notes on export.
pub const NOTES_REFERENCE: &str = "garde-fou-notes";

/// Largest PIA file read.
pub const MAX_PIA_BYTES: usize = 32 * 1024 * 1024;

/// Why a file is not a PIA export.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PiaError {
    /// Not JSON; the parser's message.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON, but an array: the server edition's export.
    #[error("this is an export of the PIA server edition (a list of PIAs), which Garde-fou does not read; export the PIA from the desktop or web tool instead")]
    ServerEdition,
    /// JSON without the `pia` object.
    #[error("not a CNIL PIA export: there is no « pia » object")]
    NotPia,
    /// Over the size cap ([`MAX_PIA_BYTES`]); the file's size in bytes.
    #[error("the file is {0} bytes, over the {MAX_PIA_BYTES} bytes a PIA export may have")]
    TooLarge(usize),
}

/// Something of the PIA export that could not be mapped cleanly (shown to the user through
/// `messages::pia_warning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PiaWarning {
    /// A key of the `pia` object Garde-fou does not know, ignored.
    UnknownKey(String),
    /// A measure without an id, kept in the notes.
    MeasureWithoutId,
    /// An answer without a question reference, kept in the notes.
    AnswerWithoutQuestion,
    /// An answer to a question the format does not have, kept in the notes.
    UnknownQuestion(String),
    /// A risk links a measure that is not among the measures.
    UnknownRiskMeasure {
        /// The risk's reference.
        risk: String,
        /// The measure's title.
        title: String,
    },
    /// An evaluation whose reference does not parse, skipped.
    MalformedEvaluation(String),
    /// An evaluation of a question the format does not have, skipped.
    UnknownEvaluationQuestion(String),
    /// An evaluation of a measure that is not among the measures, skipped.
    UnknownEvaluationMeasure(String),
}

/// The assessment read, and what could not be mapped cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The assessment built from the export; what has no place in the model is kept in
    /// `project.imported_notes`.
    pub assessment: Assessment,
    /// Warnings (malformed references, unknown keys), for the user.
    pub warnings: Vec<PiaWarning>,
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn number(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

fn date(value: Option<&Value>) -> Option<Date> {
    let raw = text(value);
    raw.get(..10).and_then(|d| d.parse().ok())
}

fn level(gauge: Option<i64>) -> Option<Level> {
    gauge
        .and_then(|g| u8::try_from(g).ok())
        .and_then(Level::from_number)
}

/// HTML answer text without the paragraphs Garde-fou added on export.
fn own_text(raw: &str) -> String {
    html::to_text(raw)
        .split("\n\n")
        .filter(|p| !p.trim_start().starts_with(MARK))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn list(data: &Value) -> Vec<String> {
    data.get("list")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|i| text(Some(i)))
                .filter(|s| !s.trim().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches("• ").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

const EVENTS: [(u16, FearedEvent, &str); 3] = [
    (32, FearedEvent::IllegitimateAccess, "RISK-ACCESS"),
    (33, FearedEvent::UnwantedModification, "RISK-MODIFICATION"),
    (34, FearedEvent::Disappearance, "RISK-DISAPPEARANCE"),
];

/// Reads a PIA export.
pub fn import(bytes: &[u8], kb: &KnowledgeBase) -> Result<Imported, PiaError> {
    if bytes.len() > MAX_PIA_BYTES {
        return Err(PiaError::TooLarge(bytes.len()));
    }
    let root: Value =
        serde_json::from_slice(bytes).map_err(|e| PiaError::NotJson(e.to_string()))?;
    if root.is_array() {
        return Err(PiaError::ServerEdition);
    }
    let object = root.as_object().ok_or(PiaError::NotPia)?;
    let pia = object
        .get("pia")
        .and_then(Value::as_object)
        .ok_or(PiaError::NotPia)?;
    let mut warnings = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let known = [
        "pia",
        "answers",
        "measures",
        "evaluations",
        "comments",
        "dbVersion",
        "tableName",
        "serverUrl",
        "numberOfQuestions",
        "objectStore",
    ];
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        warnings.push(PiaWarning::UnknownKey(key.clone()));
    }
    let array = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };

    let mut a = Assessment::default();
    let p = &mut a.project;
    p.title = html::decode(&text(pia.get("name")));
    p.authors = lines(&text(pia.get("author_name")));
    p.dpo_name = text(pia.get("dpos_names"));
    p.created_on = date(pia.get("created_at"));
    p.updated_on = date(pia.get("updated_at"));
    p.status = match number(pia.get("status")) {
        Some(2 | 3) => ProjectStatus::Validated,
        _ => ProjectStatus::Draft,
    };
    match number(pia.get("status")) {
        Some(1) => notes.push("Statut CNIL PIA : refusée.".to_owned()),
        Some(4) => notes.push("Statut CNIL PIA : archivée.".to_owned()),
        _ => {}
    }
    let evaluator = text(pia.get("evaluator_name"));
    if !evaluator.trim().is_empty() {
        notes.push(format!("Évaluateur : {evaluator}"));
    }
    let validator = text(pia.get("validator_name"));
    if !validator.trim().is_empty() {
        a.opinions.signatures.push(Signature {
            name: validator,
            role: "Validation (CNIL PIA)".to_owned(),
            signed_on: None,
        });
    }
    a.opinions.dpo_opinion = own_text(&text(pia.get("dpo_opinion")));
    a.opinions.dpo_conclusion = match number(pia.get("dpo_status")) {
        Some(1) => Some(DpoConclusion::Favourable),
        Some(0) if !a.opinions.dpo_opinion.is_empty() => Some(DpoConclusion::Unfavourable),
        _ => None,
    };
    a.opinions.were_data_subjects_consulted = match pia.get("concerned_people_searched_opinion") {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    };
    let mut views = vec![own_text(&text(pia.get("concerned_people_opinion")))];
    let why_not = own_text(&text(pia.get("concerned_people_searched_content")));
    if !why_not.is_empty() {
        views.push(why_not);
    }
    let people = text(pia.get("people_names"));
    if !people.trim().is_empty() {
        views.insert(0, format!("Personnes consultées : {people}"));
    }
    a.opinions.data_subjects_views = views
        .into_iter()
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let reasons: Vec<String> = [
        text(pia.get("rejection_reason")),
        text(pia.get("applied_adjustments")),
    ]
    .iter()
    .map(|t| own_text(t))
    .filter(|t| !t.is_empty())
    .collect();
    a.opinions.decision_reasons = reasons.join("\n\n");

    // Measures first: risks refer to them by title.
    for measure in array("measures") {
        let Some(id) = number(measure.get("id")) else {
            warnings.push(PiaWarning::MeasureWithoutId);
            notes.push(
                format!(
                    "Mesure sans identifiant : {} {}",
                    text(measure.get("title")),
                    own_text(&text(measure.get("content")))
                )
                .trim()
                .to_owned(),
            );
            continue;
        };
        a.measures.push(Measure {
            measure_id: MeasureId::new(format!("PIA-{id}")),
            kind: MeasureKind::Organisational,
            title: text(measure.get("title")),
            description: own_text(&text(measure.get("content"))),
            status: MeasureStatus::Existing,
            ..Measure::default()
        });
    }

    for answer in array("answers") {
        let Some(reference) =
            number(answer.get("reference_to")).and_then(|r| u16::try_from(r).ok())
        else {
            let body = answer
                .get("data")
                .map(|d| own_text(&text(d.get("text"))))
                .unwrap_or_default();
            warnings.push(PiaWarning::AnswerWithoutQuestion);
            if !body.is_empty() {
                notes.push(format!("Réponse sans question : {body}"));
            }
            continue;
        };
        let data = answer.get("data").cloned().unwrap_or(Value::Null);
        let body = own_text(&text(data.get("text")));
        let gauge = number(data.get("gauge")).filter(|g| *g > 0);
        match reference {
            111 => a.processing.description = body,
            112 | 113 => {
                if !body.is_empty() {
                    let title = if reference == 112 {
                        "Responsabilités"
                    } else {
                        "Référentiels applicables"
                    };
                    notes.push(format!("{title} : {body}"));
                }
            }
            121 => a.processing.data_categories = lines(&body),
            122 => a.processing.lifecycle = body,
            123 => a.processing.supporting_assets = lines(&body),
            211..=215 | 221..=227 => {
                let Some(question) = kb.questions.iter().find(|q| q.cnil_ref == Some(reference))
                else {
                    continue;
                };
                // An empty answer is no answer (the export writes every question).
                if !body.is_empty() {
                    a.answers.push(Answer {
                        question_id: question.id.clone(),
                        text: body,
                        ..Answer::default()
                    });
                }
            }
            321..=346 => {
                let (section, item) = (reference / 10, reference % 10);
                let Some((_, event, id)) = EVENTS.iter().find(|(s, _, _)| *s == section) else {
                    warnings.push(PiaWarning::UnknownQuestion(reference.to_string()));
                    continue;
                };
                let risk = risk_for(&mut a, *event, id);
                match item {
                    1 => risk.impacts = list(&data),
                    2 => risk.threats = list(&data),
                    3 => risk.sources = list(&data),
                    4 => {
                        for title in list(&data) {
                            match a
                                .measures
                                .iter()
                                .find(|m| m.title == title)
                                .map(|m| m.measure_id.clone())
                            {
                                Some(id) => {
                                    risk_for(&mut a, *event, id_of(*event)).measure_ids.push(id)
                                }
                                None => warnings.push(PiaWarning::UnknownRiskMeasure {
                                    risk: id.to_string(),
                                    title: title.to_string(),
                                }),
                            }
                        }
                    }
                    5 => {
                        risk.severity = level(gauge);
                        push_paragraph(&mut risk.justification, &body);
                    }
                    6 => {
                        risk.likelihood = level(gauge);
                        push_paragraph(&mut risk.justification, &body);
                    }
                    _ => warnings.push(PiaWarning::UnknownQuestion(reference.to_string())),
                }
            }
            other => {
                warnings.push(PiaWarning::UnknownQuestion(other.to_string()));
                if !body.is_empty() {
                    notes.push(format!("Question {other} : {body}"));
                }
            }
        }
    }

    for evaluation in array("evaluations") {
        let reference = text(evaluation.get("reference_to"));
        let status = number(evaluation.get("status")).unwrap_or(0);
        let comment = own_text(&text(evaluation.get("evaluation_comment")));
        let plan = own_text(&text(evaluation.get("action_plan_comment")));
        let parts: Vec<&str> = reference.split('.').collect();
        match parts.as_slice() {
            ["2", "1" | "2", question] => {
                let Some(cnil) = question.parse::<u16>().ok() else {
                    warnings.push(PiaWarning::MalformedEvaluation(reference.to_string()));
                    continue;
                };
                let Some(def) = kb.questions.iter().find(|q| q.cnil_ref == Some(cnil)) else {
                    warnings.push(PiaWarning::UnknownEvaluationQuestion(reference.to_string()));
                    continue;
                };
                let id: QuestionId = def.id.clone();
                let answer = match a.answers.iter_mut().position(|x| x.question_id == id) {
                    Some(i) => &mut a.answers[i],
                    None => {
                        a.answers.push(Answer {
                            question_id: id,
                            ..Answer::default()
                        });
                        let last = a.answers.len() - 1;
                        &mut a.answers[last]
                    }
                };
                answer.evaluation = match status {
                    3 => Evaluation::Acceptable,
                    1 | 2 => Evaluation::ToImprove,
                    _ => Evaluation::Pending,
                };
                answer.comment = [comment, plan]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            ["3", "1", measure] => {
                let Some(id) = measure.parse::<i64>().ok() else {
                    warnings.push(PiaWarning::MalformedEvaluation(reference.to_string()));
                    continue;
                };
                let Some(m) = a
                    .measures
                    .iter_mut()
                    .find(|m| m.measure_id.as_str() == format!("PIA-{id}"))
                else {
                    warnings.push(PiaWarning::UnknownEvaluationMeasure(reference.to_string()));
                    continue;
                };
                if status == 2 || !plan.is_empty() {
                    m.status = MeasureStatus::Planned;
                    m.owner = text(evaluation.get("person_in_charge"));
                    m.deadline = date(evaluation.get("estimated_implementation_date"));
                }
                push_paragraph(&mut m.description, &plan);
                if !comment.is_empty() {
                    notes.push(format!(
                        "Évaluation de la mesure « {} » : {comment}",
                        m.title
                    ));
                }
            }
            ["3", section] if ["2", "3", "4"].contains(section) => {
                let code: u16 = 30 + section.parse::<u16>().unwrap_or(0);
                let Some((_, event, id)) = EVENTS.iter().find(|(s, _, _)| *s == code) else {
                    continue;
                };
                let gauges = evaluation.get("gauges").cloned().unwrap_or(Value::Null);
                let risk = risk_for(&mut a, *event, id);
                risk.residual_severity = level(number(gauges.get("x")));
                risk.residual_likelihood = level(number(gauges.get("y")));
                if !comment.is_empty() {
                    notes.push(format!("Évaluation du risque {id} : {comment}"));
                }
            }
            ["1", "1" | "2"] | ["2", "1" | "2"] => {
                if !comment.is_empty() {
                    notes.push(format!("Évaluation {reference} : {comment}"));
                }
            }
            _ => warnings.push(PiaWarning::MalformedEvaluation(reference.to_string())),
        }
    }

    for comment in array("comments") {
        let description = own_text(&text(comment.get("description")));
        if text(comment.get("reference_to")) == NOTES_REFERENCE {
            // Garde-fou's own notes, written back verbatim by a previous export.
            notes.insert(0, description);
            continue;
        }
        if !description.is_empty() {
            notes.push(format!(
                "Commentaire ({}) : {description}",
                text(comment.get("reference_to"))
            ));
        }
    }
    a.project.imported_notes = notes
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    a.risks
        .sort_by_key(|r| EVENTS.iter().position(|(_, e, _)| *e == r.feared_event));
    let order = |id: &QuestionId| kb.questions.iter().position(|q| &q.id == id);
    a.answers.sort_by_key(|x| order(&x.question_id));
    Ok(Imported {
        assessment: a,
        warnings,
    })
}

fn id_of(event: FearedEvent) -> &'static str {
    EVENTS
        .iter()
        .find(|(_, e, _)| *e == event)
        .map_or("RISK", |(_, _, id)| id)
}

fn risk_for<'a>(a: &'a mut Assessment, event: FearedEvent, id: &str) -> &'a mut Risk {
    let index = match a.risks.iter().position(|r| r.risk_id.as_str() == id) {
        Some(index) => index,
        None => {
            a.risks.push(Risk {
                risk_id: RiskId::new(id),
                feared_event: event,
                title: String::new(),
                ..Risk::default()
            });
            a.risks.len() - 1
        }
    };
    &mut a.risks[index]
}

fn push_paragraph(target: &mut String, paragraph: &str) {
    if paragraph.trim().is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push_str("\n\n");
    }
    target.push_str(paragraph);
}

/// HTML of an answer: the user's text, then Garde-fou's marked paragraphs.
fn with_marked(own: &str, added: &[String]) -> String {
    let mut text = own.to_owned();
    for paragraph in added.iter().filter(|p| !p.trim().is_empty()) {
        push_paragraph(&mut text, &format!("{MARK} {paragraph}"));
    }
    html::from_text(&text)
}

/// Writes a PIA export the CNIL tool can import.
pub fn export(
    a: &Assessment,
    kb: &KnowledgeBase,
    report: &crate::rules::Report,
    lang: crate::model::Lang,
) -> String {
    let now = |d: Option<Date>| {
        d.map_or_else(
            || "2026-01-01T00:00:00.000Z".to_owned(),
            |d| format!("{}T00:00:00.000Z", d.iso()),
        )
    };
    let status = match a.project.status {
        ProjectStatus::Validated => 2,
        _ => 0,
    };
    let pia = json!({
        "id": 1,
        "name": a.project.title,
        "category": "",
        "status": status,
        "author_name": a.project.authors.join("\n"),
        "evaluator_name": "",
        "validator_name": a.opinions.signatures.iter().find(|s| s.role == "Validation (CNIL PIA)").map_or(String::new(), |s| s.name.clone()),
        "dpos_names": a.project.dpo_name,
        "dpo_status": match a.opinions.dpo_conclusion { Some(DpoConclusion::Unfavourable) => 0, Some(_) => 1, None => 0 },
        "dpo_opinion": html::from_text(&a.opinions.dpo_opinion),
        "concerned_people_searched_opinion": a.opinions.were_data_subjects_consulted,
        "concerned_people_searched_content": "",
        "people_names": "",
        "concerned_people_status": 0,
        "concerned_people_opinion": html::from_text(&a.opinions.data_subjects_views),
        "rejection_reason": "",
        "applied_adjustments": html::from_text(&a.opinions.decision_reasons),
        "is_example": 0,
        "is_archive": 0,
        "progress": report.completeness.percent(),
        "structure_id": null,
        "structure_name": null,
        "structure_sector_name": null,
        "structure_data": null,
        "created_at": a.project.created_on.map(|d| format!("{}T00:00:00.000Z", d.iso())),
        "updated_at": a.project.updated_on.map(|d| format!("{}T00:00:00.000Z", d.iso())),
    });
    let mut answers = Vec::new();
    let mut next_id = 1;
    let mut answer = |reference: u16, data: Value, answers: &mut Vec<Value>| {
        answers.push(json!({ "id": next_id, "pia_id": 1, "reference_to": reference, "data": data, "created_at": now(a.project.created_on) }));
        next_id += 1;
    };
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
    answer(
        111,
        json!({ "text": with_marked(&a.processing.description, &context), "gauge": null, "list": [] }),
        &mut answers,
    );
    let bullets = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    answer(
        121,
        json!({ "text": html::from_text(&bullets(&a.processing.data_categories)), "gauge": null, "list": [] }),
        &mut answers,
    );
    answer(
        122,
        json!({ "text": html::from_text(&a.processing.lifecycle), "gauge": null, "list": [] }),
        &mut answers,
    );
    answer(
        123,
        json!({ "text": html::from_text(&bullets(&a.processing.supporting_assets)), "gauge": null, "list": [] }),
        &mut answers,
    );
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
        answer(
            reference,
            json!({ "text": with_marked(own, &added), "gauge": null, "list": [] }),
            &mut answers,
        );
    }
    let mut evaluations = Vec::new();
    let mut eval_id = 1;
    let mut evaluation = |value: Value, evaluations: &mut Vec<Value>| {
        let mut value = value;
        if let Some(object) = value.as_object_mut() {
            object.insert("id".to_owned(), json!(eval_id));
            object.insert("pia_id".to_owned(), json!(1));
            object.insert("created_at".to_owned(), json!(now(a.project.updated_on)));
        }
        evaluations.push(value);
        eval_id += 1;
    };
    for (section, event, _) in EVENTS {
        let Some(risk) = a.risks.iter().find(|r| r.feared_event == event) else {
            continue;
        };
        let base = section * 10;
        answer(
            base + 1,
            json!({ "text": null, "gauge": null, "list": risk.impacts }),
            &mut answers,
        );
        answer(
            base + 2,
            json!({ "text": null, "gauge": null, "list": risk.threats }),
            &mut answers,
        );
        answer(
            base + 3,
            json!({ "text": null, "gauge": null, "list": risk.sources }),
            &mut answers,
        );
        let titles: Vec<&str> = risk
            .measure_ids
            .iter()
            .filter_map(|id| a.measure_by_id(id))
            .map(|m| m.title.as_str())
            .collect();
        answer(
            base + 4,
            json!({ "text": null, "gauge": null, "list": titles }),
            &mut answers,
        );
        answer(
            base + 5,
            json!({ "text": html::from_text(&risk.justification), "gauge": risk.severity.map(Level::number), "list": [] }),
            &mut answers,
        );
        answer(
            base + 6,
            json!({ "text": null, "gauge": risk.likelihood.map(Level::number), "list": [] }),
            &mut answers,
        );
        if let (Some(x), Some(y)) = (risk.residual_severity, risk.residual_likelihood) {
            evaluation(
                json!({ "reference_to": format!("3.{}", section % 10), "status": 3, "gauges": { "x": x.number(), "y": y.number() } }),
                &mut evaluations,
            );
        }
    }
    for answer in &a.answers {
        let Some(reference) = kb.question(&answer.question_id).and_then(|q| q.cnil_ref) else {
            continue;
        };
        let status = match answer.evaluation {
            Evaluation::Acceptable => 3,
            Evaluation::ToImprove => 2,
            Evaluation::Pending => 0,
        };
        if status == 0 && answer.comment.is_empty() {
            continue;
        }
        let section = if reference < 220 { "2.1" } else { "2.2" };
        evaluation(
            json!({ "reference_to": format!("{section}.{reference}"), "status": status, "evaluation_comment": answer.comment, "gauges": { "x": 0, "y": 0 } }),
            &mut evaluations,
        );
    }
    let mut measures = Vec::new();
    for (index, measure) in a.measures.iter().enumerate() {
        let id = measure
            .measure_id
            .as_str()
            .strip_prefix("PIA-")
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or(1000 + index as i64);
        measures.push(json!({ "id": id, "pia_id": 1, "title": measure.title, "content": html::from_text(&measure.description), "placeholder": "measures.default_placeholder", "created_at": now(a.project.created_on) }));
        if measure.status == MeasureStatus::Planned {
            evaluation(
                json!({
                    "reference_to": format!("3.1.{id}"),
                    "status": 2,
                    "action_plan_comment": "",
                    "person_in_charge": measure.owner,
                    "estimated_implementation_date": measure.deadline.map(|d| format!("{}T00:00:00.000Z", d.iso())),
                    "gauges": { "x": 0, "y": 0 }
                }),
                &mut evaluations,
            );
        }
    }
    let mut root = Map::new();
    root.insert("pia".to_owned(), pia);
    root.insert("answers".to_owned(), Value::Array(answers));
    root.insert("measures".to_owned(), Value::Array(measures));
    root.insert("evaluations".to_owned(), Value::Array(evaluations));
    let comments = if a.project.imported_notes.trim().is_empty() {
        Vec::new()
    } else {
        vec![
            json!({ "id": 1, "pia_id": 1, "reference_to": NOTES_REFERENCE, "for_measure": false, "description": html::from_text(&a.project.imported_notes), "created_at": now(a.project.updated_on) }),
        ]
    };
    root.insert("comments".to_owned(), Value::Array(comments));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
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
            label("field.video_system.software.version_installed_on"),
            date.display(lang)
        ));
    }
    let s = &a.screening;
    if let Some(is_large) = s.is_large_scale {
        let mut line = format!(
            "{} : {}",
            label("field.screening.is_large_scale"),
            label(if is_large { "ui.yes" } else { "ui.no" })
        );
        for (key, value) in [
            ("field.screening.scale_people", &s.scale_people),
            ("field.screening.scale_extent", &s.scale_extent),
            ("field.screening.scale_duration", &s.scale_duration),
        ] {
            if !value.trim().is_empty() {
                line.push_str(&format!(" ; {} : {}", label(key), value.trim()));
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
    let label = |key: &str| kb.texts.get(lang, key).to_owned();
    let mut parts = Vec::new();
    if !rights.contact.trim().is_empty() {
        parts.push(format!(
            "{} : {}",
            label("field.video_system.access_rights.contact"),
            rights.contact.trim()
        ));
    }
    for (key, value) in [
        ("checks_identity", rights.checks_identity),
        ("answers_within_month", rights.answers_within_month),
        ("masks_third_parties", rights.masks_third_parties),
        (
            "documents_refusal_grounds",
            rights.documents_refusal_grounds,
        ),
    ] {
        if value.is_some() {
            parts.push(format!(
                "{} : {}",
                label(&format!("field.video_system.access_rights.{key}")),
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
