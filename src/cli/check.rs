//! `gardefou check`: the rule engine from the command line, as text for a person or as the JSON
//! object scripts rely on (a stable contract, documented in `--help`).

use std::path::Path;

use serde_json::json;

use crate::i18n::{tr, tr_with, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::{Date, Level};
use crate::rules::{Report, Severity};

/// Runs the check and returns the exit code: 0 no blocking finding, 1 some, 2 unreadable.
pub fn run(file: &Path, as_json: bool, today: Date, lang: Lang) -> u8 {
    let Some(session) = super::evaluated::open_session(file, today, lang) else {
        return 2;
    };
    let report = session.report();
    if as_json {
        println!("{}", to_json(report, lang));
    } else {
        // Text from the file never reaches the terminal with its control characters.
        print!(
            "{}",
            crate::messages::printable(&to_text(
                report,
                session.kb(),
                &session.assessment.project.organisation,
                lang
            ))
        );
    }
    u8::from(report.has_blocking())
}

fn level(level: Option<Level>) -> serde_json::Value {
    level.map_or(serde_json::Value::Null, |l| json!(l.number()))
}

/// The `check --json` object.
pub fn to_json(report: &Report, lang: Lang) -> String {
    let criteria: Vec<_> = report
        .screening
        .criteria
        .iter()
        .map(|c| {
            let mut because: Vec<String> =
                c.because.iter().map(|b| b.get(lang).to_owned()).collect();
            if let Some(reason) = &c.override_reason {
                because.push(reason.clone());
            }
            json!({
                "id": c.criterion_id.as_str(),
                "met": c.is_met,
                "origin": c.origin.code(),
                "because": because,
            })
        })
        .collect();
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "id": f.rule_id,
                "severity": f.severity.code(),
                "message": f.message.get(lang),
                "sources": f.sources.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                "fields": f.fields,
            })
        })
        .collect();
    let risks: Vec<_> = report
        .risks
        .iter()
        .map(|r| {
            json!({
                "id": r.risk_id.as_str(),
                "severity": level(r.severity),
                "likelihood": level(r.likelihood),
                "residual_severity": level(r.residual_severity),
                "residual_likelihood": level(r.residual_likelihood),
            })
        })
        .collect();
    let art90_purposes: Vec<_> = report
        .screening
        .art90_purposes
        .iter()
        .map(|p| {
            json!({
                "purpose": p.kind,
                "verdict": p.verdict.code(),
                "reason": p.reason.get(lang),
            })
        })
        .collect();
    let value = json!({
        "verdict": report.screening.verdict.code(),
        "art90_required": report.screening.is_art90_required,
        "art90_purposes": art90_purposes,
        "criteria": criteria,
        "findings": findings,
        "completeness": {
            "percent": report.completeness.percent(),
            "missing": report.completeness.missing(),
        },
        "risks": risks,
    });
    serde_json::to_string_pretty(&value)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

/// The human-readable report.
pub fn to_text(report: &Report, kb: &KnowledgeBase, organisation: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    if !organisation.trim().is_empty() {
        line(organisation.to_owned());
    }
    let screening = &report.screening;
    line(tr_with(
        lang,
        "cli.check.verdict",
        &[(
            "verdict",
            tr(lang, &format!("verdict.{}", screening.verdict.code())),
        )],
    ));
    for reason in &screening.reasons {
        line(format!("  • {}", reason.get(lang)));
    }
    let art90 = if screening.is_art90_required {
        tr(lang, "cli.check.art90_required")
    } else {
        tr(lang, "cli.check.art90_not_required")
    };
    line(format!("{art90} — {}", screening.art90_reason.get(lang)));
    for purpose in &screening.art90_purposes {
        line(format!("  • {}", purpose.reason.get(lang)));
    }
    line(String::new());
    line(tr(lang, "cli.check.criteria").to_owned());
    for c in &screening.criteria {
        let label = kb
            .criterion(&c.criterion_id)
            .map_or("", |d| d.label.get(lang));
        let mark = if c.is_met { "✔" } else { "·" };
        let origin = tr(lang, &format!("cli.check.origin.{}", c.origin.code())).to_owned();
        line(format!("  {mark} {} {label} ({origin})", c.criterion_id));
        for because in &c.because {
            line(format!("      {}", because.get(lang)));
        }
        if let Some(reason) = &c.override_reason {
            line(format!(
                "      {} {reason}",
                tr(lang, "cli.check.override_reason")
            ));
        }
    }
    line(String::new());
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|s| {
            tr_with(
                lang,
                "cli.check.count",
                &[
                    ("severity", tr(lang, &format!("severity.{}", s.code()))),
                    ("count", &report.with_severity(*s).count().to_string()),
                ],
            )
        })
        .collect();
    line(tr_with(
        lang,
        "cli.check.findings",
        &[("counts", &counts.join(", "))],
    ));
    for finding in &report.findings {
        let severity = tr(lang, &format!("severity.{}", finding.severity.code())).to_uppercase();
        line(format!(
            "  [{severity}] {} — {}",
            finding.rule_id,
            finding.title.get(lang)
        ));
        line(format!("      {}", finding.message.get(lang)));
        let sources: Vec<&str> = finding
            .sources
            .iter()
            .map(|id| {
                kb.legal_ref(id)
                    .map_or(id.as_str(), |r| r.citation.as_str())
            })
            .collect();
        if !sources.is_empty() {
            line(format!(
                "      {} {}",
                tr(lang, "cli.check.sources"),
                sources.join(" ; ")
            ));
        }
        if !finding.fields.is_empty() {
            line(format!(
                "      {} {}",
                tr(lang, "cli.check.fields"),
                finding
                    .fields
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    line(String::new());
    let missing = report.completeness.missing();
    line(tr_with(
        lang,
        "cli.check.completeness",
        &[
            ("percent", &report.completeness.percent().to_string()),
            ("missing", &missing.len().to_string()),
        ],
    ));
    for path in missing {
        line(format!("  - {path}"));
    }
    if !report.risks.is_empty() {
        line(String::new());
        line(tr(lang, "cli.check.risks").to_owned());
        let n = |l: Option<Level>| l.map_or_else(|| "?".to_owned(), |l| l.number().to_string());
        for risk in &report.risks {
            line(tr_with(
                lang,
                "cli.check.risk",
                &[
                    ("id", risk.risk_id.as_str()),
                    ("severity", &n(risk.severity)),
                    ("likelihood", &n(risk.likelihood)),
                    ("residual_severity", &n(risk.residual_severity)),
                    ("residual_likelihood", &n(risk.residual_likelihood)),
                ],
            ));
        }
    }
    out
}
