//! `gardefou portfolio DIR`: every assessment below a folder, as a table for a person or one
//! JSON object for scripts (a contract, documented in `--help` and the README), and on request
//! the CSV table, the PDF report and the calendar file. Exit 0, 1 when an assessment has a
//! blocking finding, 2 when the folder cannot be read or an output cannot be written.

use std::path::Path;

use serde_json::json;

use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::model::Date;
use crate::portfolio::{self, Entry, Output, Portfolio, Summary};
use crate::rules::deadlines::Urgency;

/// What was asked.
pub struct Request<'a> {
    /// The folder to scan.
    pub folder: &'a Path,
    /// Print the JSON object instead of the table.
    pub as_json: bool,
    /// Where to write the CSV table.
    pub csv: Option<&'a Path>,
    /// Where to write the PDF report.
    pub report: Option<&'a Path>,
    /// Where to write the calendar file.
    pub ics: Option<&'a Path>,
    /// The day the assessments are evaluated at.
    pub today: Date,
    /// True when the day was given (`--today`): the calendar's stamp is then that day at
    /// midnight UTC, so the same command writes the same file.
    pub is_today_given: bool,
}

/// Runs the command and returns the exit code.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let Some(kb) = super::evaluated::knowledge_base() else {
        return 2;
    };
    let found = match portfolio::scan_all(request.folder, &kb, request.today) {
        Ok(found) => found,
        Err(error) => {
            eprintln!(
                "{}: {}: {error}",
                request.folder.display(),
                tr(lang, "error.portfolio.root")
            );
            return 2;
        }
    };
    let describe = |p: &portfolio::Problem| messages::portfolio_problem(p, lang);
    if request.as_json {
        println!("{}", to_json(&found, lang, &describe));
    } else {
        print!(
            "{}",
            crate::messages::printable(&to_text(&found, &kb, lang))
        );
    }
    let stamp = if request.is_today_given {
        time::OffsetDateTime::new_utc(to_time(request.today), time::Time::MIDNIGHT)
    } else {
        time::OffsetDateTime::now_utc()
    };
    let outputs = [
        (Output::Csv, request.csv),
        (Output::Report, request.report),
        (Output::Calendar, request.ics),
    ];
    for (output, path) in outputs {
        let Some(path) = path else { continue };
        let written = output.write(path, &found, &kb, lang, stamp, &describe);
        match written {
            Ok(()) => {
                let line = tr_with(
                    lang,
                    "portfolio.written",
                    &[("path", &path.display().to_string())],
                );
                // Standard output stays pure JSON with --json.
                if request.as_json {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
            }
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                return 2;
            }
        }
    }
    u8::from(found.has_blocking())
}

fn to_time(date: Date) -> time::Date {
    time::Month::try_from(date.month())
        .ok()
        .and_then(|m| time::Date::from_calendar_date(date.year(), m, date.day()).ok())
        .unwrap_or(time::Date::MIN)
}

fn date(d: Option<Date>) -> serde_json::Value {
    d.map_or(serde_json::Value::Null, |d| json!(d.iso()))
}

/// The `portfolio --json` object.
pub fn to_json(
    found: &Portfolio,
    lang: Lang,
    describe: &dyn Fn(&portfolio::Problem) -> String,
) -> String {
    let today = found.today;
    let assessments: Vec<_> = found
        .summaries()
        .map(|(entry, s)| summary_json(entry, s, today, lang))
        .collect();
    let unreadable: Vec<_> = found
        .entries
        .iter()
        .filter_map(|e| {
            e.problem()
                .map(|p| json!({"path": e.relative, "error": describe(p)}))
        })
        .collect();
    let count = |urgency| {
        found
            .summaries()
            .filter(|(_, s)| s.urgency(today) == Some(urgency))
            .count()
    };
    let value = json!({
        "folder": found.root.display().to_string(),
        "today": today.iso(),
        "assessments": assessments,
        "unreadable": unreadable,
        "ignored": found.ignored,
        "summary": {
            "assessments": found.summaries().count(),
            "with_blocking": found.summaries().filter(|(_, s)| s.blocking > 0).count(),
            "overdue": count(Urgency::Overdue),
            "due_soon": count(Urgency::DueSoon),
            "unreadable": found.entries.len() - found.summaries().count(),
        },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn summary_json(entry: &Entry, s: &Summary, today: Date, lang: Lang) -> serde_json::Value {
    let deadlines: Vec<_> = s
        .deadlines
        .iter()
        .map(|d| {
            json!({
                "kind": d.kind.code(),
                "date": d.date.iso(),
                "days_left": d.days_left(today),
                "urgency": d.urgency(today).code(),
                "measure_id": d.measure_id.as_ref().map(ToString::to_string),
                "label": d.label,
            })
        })
        .collect();
    let findings: Vec<_> = s
        .findings
        .iter()
        .map(
            |f| json!({"id": f.rule_id, "severity": f.severity.code(), "title": f.title.get(lang)}),
        )
        .collect();
    json!({
        "path": entry.relative,
        "kind": s.kind.code(),
        "modified": entry.modified.map(portfolio::timestamp),
        "organisation": s.organisation,
        "title": s.title,
        "version": s.version,
        "status": s.status.code(),
        "modified_since_validation": s.modified_since_validation,
        "verdict": s.verdict.code(),
        "blocking": s.blocking,
        "high": s.high,
        "completeness": s.completeness,
        "cameras": s.cameras,
        "authorisation_expires_on": date(s.expires_on),
        "authorisation_days_left": s.days_left(today),
        "renewal_filing_due_on": date(s.renewal_due_on),
        "review_due_on": date(s.review_due_on),
        "urgency": s.urgency(today).map(Urgency::code),
        "deadlines": deadlines,
        "findings": findings,
        "copies": entry.copies.iter().map(|c| json!({
            "path": c.relative,
            "kind": crate::session::FileKind::DossierPdf.code(),
            "modified": c.modified.map(portfolio::timestamp),
            "version": c.version,
        })).collect::<Vec<_>>(),
    })
}

/// The table for a person: one line per assessment, the most urgent first, then the files that
/// could not be read, then the counts.
fn to_text(found: &Portfolio, kb: &crate::knowledge::KnowledgeBase, lang: Lang) -> String {
    use std::fmt::Write as _;
    let today = found.today;
    let mut out = String::new();
    let order = portfolio::table::rows(
        &found.entries,
        today,
        portfolio::table::Show::All,
        "",
        portfolio::table::Sort::default(),
    );
    let _ = writeln!(
        out,
        "{}",
        tr_with(
            lang,
            "cli.portfolio.header",
            &[
                ("folder", &found.root.display().to_string()),
                ("date", &today.display(lang))
            ]
        )
    );
    let pair = |label: &str, value: &str| {
        tr_with(
            lang,
            "cli.portfolio.pair",
            &[("label", tr(lang, label)), ("value", value)],
        )
    };
    for index in &order {
        let entry = &found.entries[*index];
        let Some(s) = entry.summary() else { continue };
        let expiry = s.expires_on.map_or_else(
            || "—".to_owned(),
            |d| {
                format!(
                    "{} ({})",
                    d.display(lang),
                    crate::i18n::days_away(lang, today.days_until(d))
                )
            },
        );
        let fields = [
            pair(
                "portfolio.col.status",
                &s.status_text(|key| tr(lang, key).to_owned()),
            ),
            pair(
                "portfolio.col.verdict",
                tr(lang, &format!("verdict.{}", s.verdict.code())),
            ),
            pair(
                "portfolio.col.findings",
                &format!("{} / {}", s.blocking, s.high),
            ),
            pair("portfolio.col.expiry", &expiry),
            pair(
                "portfolio.col.completeness",
                &format!("{}\u{a0}%", s.completeness),
            ),
        ];
        let files = std::iter::once(entry.relative.as_str())
            .chain(entry.copies.iter().map(|c| c.relative.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "{} [{files}]\n    {}", s.name(), fields.join(" · "));
        if let Some(deadline) = s.most_urgent(today) {
            let key = match deadline.urgency(today) {
                Urgency::Overdue => "portfolio.urgency.overdue",
                _ => "portfolio.urgency.due_soon",
            };
            let what = format!(
                "{}, {} ({})",
                portfolio::ics::event_title(kb, lang, deadline),
                deadline.date.display(lang),
                crate::i18n::days_away(lang, deadline.days_left(today))
            );
            let _ = writeln!(out, "    {}", pair(key, &what));
        }
    }
    for entry in &found.entries {
        if let Some(problem) = entry.problem() {
            let _ = writeln!(
                out,
                "{}: {}",
                tr(lang, "cli.portfolio.unreadable"),
                messages::portfolio_problem(problem, lang)
            );
        }
    }
    let read = found.summaries().count();
    let _ = writeln!(
        out,
        "{}",
        tr_with(
            lang,
            "portfolio.summary",
            &[
                ("read", &read.to_string()),
                (
                    "blocking",
                    &found
                        .summaries()
                        .filter(|(_, s)| s.blocking > 0)
                        .count()
                        .to_string()
                ),
                (
                    "attention",
                    &found
                        .summaries()
                        .filter(|(_, s)| s.urgency(today).is_some_and(|u| u != Urgency::Later))
                        .count()
                        .to_string()
                ),
                ("unreadable", &(found.entries.len() - read).to_string()),
                ("ignored", &found.ignored.to_string()),
            ]
        )
    );
    out
}
