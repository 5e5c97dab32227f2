//! Reading a PIA export into an assessment: the cover, the answers of the same CNIL number,
//! the three feared events with their impacts, threats, sources, measures and levels, the
//! measures, the evaluations and the comments (see the mapping in the module above). Malformed
//! references give warnings, never an abort.

use serde_json::Value;

use super::{
    html, push_paragraph, Imported, PiaError, PiaWarning, EVENTS, MARK, MAX_PIA_BYTES,
    NOTES_REFERENCE,
};
use crate::knowledge::KnowledgeBase;
use crate::model::{
    Answer, Assessment, Date, DpoConclusion, Evaluation, FearedEvent, Level, Measure, MeasureId,
    MeasureKind, MeasureStatus, ProjectStatus, QuestionId, Risk, RiskId, Signature,
};

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
    a.project.imported_pia = serde_json::to_string(&root).unwrap_or_default();
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
    // Garde-fou writes the consultant, or else the DPO, as the evaluator: no note for that.
    let derived = if p.consultant.trim().is_empty() {
        p.dpo_name.trim()
    } else {
        p.consultant.trim()
    };
    if !evaluator.trim().is_empty() && evaluator.trim() != derived {
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
    a.opinions.consulted_people = text(pia.get("people_names")).trim().to_owned();
    a.opinions.data_subjects_favourable = match number(pia.get("concerned_people_status")) {
        Some(1) => Some(true),
        Some(0) => Some(false),
        _ => None,
    };
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
                        // Garde-fou writes one justification beside both gauges.
                        if !risk.justification.split("\n\n").any(|p| p == body) {
                            push_paragraph(&mut risk.justification, &body);
                        }
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
                // Garde-fou writes a planned measure's description as its action plan.
                if plan != m.description && plan != m.title {
                    push_paragraph(&mut m.description, &plan);
                }
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
        let whole = html::to_text(&text(comment.get("description")));
        if let Some(ours) = whole.trim_start().strip_prefix(MARK) {
            // Garde-fou's own notes, attached to question 1.1.1 by a previous export.
            notes.insert(0, ours.trim().to_owned());
            continue;
        }
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

/// The risk of `event` with the id `id`, added when the assessment lacks it.
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
