//! The portfolio report: the same document model as the dossier, so the same renderer prints
//! it. Three chapters: the table of assessments (and the files that could not be read), a
//! twelve-month calendar of the deadlines (authorisation expiries, renewal filings, reviews,
//! measures of the action plans) with what is already late before it, then each assessment's
//! blocking and high findings. Texts come from the dossier catalogue.

use super::{ics, Portfolio, Problem, Summary};
use crate::dossier::{Block, Column, Dossier, Meta, Tone};
use crate::knowledge::KnowledgeBase;
use crate::model::date_input::month_name;
use crate::model::{Date, Lang};
use crate::rules::deadlines::{Deadline, Urgency};
use crate::rules::Severity;

/// Months the calendar covers, starting with the current one.
pub const CALENDAR_MONTHS: i32 = 12;

struct Texts<'a> {
    kb: &'a KnowledgeBase,
    lang: Lang,
}

impl Texts<'_> {
    fn t(&self, key: &str) -> String {
        self.kb.texts.get(self.lang, key).to_owned()
    }

    fn tw(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.kb.texts.get_with(self.lang, key, values)
    }

    fn date(&self, date: Option<Date>) -> String {
        date.map_or_else(|| "—".to_owned(), |d| d.display(self.lang))
    }

    fn days(&self, days: i64) -> String {
        match days {
            0 => self.t("portfolio.days.today"),
            d if d > 0 => self.tw("portfolio.days.future", &[("days", &d.to_string())]),
            d => self.tw("portfolio.days.past", &[("days", &(-d).to_string())]),
        }
    }
}

/// The report of `portfolio` in `lang`; `describe` words a file's problem.
pub fn build(
    portfolio: &Portfolio,
    kb: &KnowledgeBase,
    lang: Lang,
    describe: &dyn Fn(&Problem) -> String,
) -> Dossier {
    let tx = Texts { kb, lang };
    let today = portfolio.today;
    let mut blocks = table(&tx, portfolio, describe);
    blocks.extend(calendar(&tx, portfolio));
    blocks.extend(findings(&tx, portfolio));
    let title = tx.t("portfolio.report.title");
    Dossier {
        meta: Meta {
            lang,
            title: title.clone(),
            organisation: String::new(),
            author: "Garde-fou".to_owned(),
            subject: tx.t("portfolio.report.subject"),
            keywords: vec!["AIPD".into(), "DPIA".into(), "portfolio".into()],
            version: String::new(),
            date: today,
            watermark: None,
            footer: tx.tw("portfolio.report.footer", &[("date", &today.display(lang))]),
            page_label: tx.t("dossier.page_of"),
            branding: None,
        },
        blocks,
        source_attachment: None,
    }
}

fn table(tx: &Texts, portfolio: &Portfolio, describe: &dyn Fn(&Problem) -> String) -> Vec<Block> {
    let today = portfolio.today;
    let read: Vec<_> = portfolio.summaries().collect();
    let blocking = read.iter().filter(|(_, s)| s.blocking > 0).count();
    let unreadable = portfolio.entries.len() - read.len();
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: tx.t("portfolio.report.title"),
        },
        Block::KeyValues(vec![
            (
                tx.t("portfolio.report.folder"),
                portfolio.root.display().to_string(),
            ),
            (tx.t("portfolio.report.date"), today.display(tx.lang)),
            (
                tx.t("portfolio.report.count"),
                tx.tw(
                    "portfolio.report.count_value",
                    &[
                        ("read", &read.len().to_string()),
                        ("blocking", &blocking.to_string()),
                        ("unreadable", &unreadable.to_string()),
                    ],
                ),
            ),
        ]),
    ];
    if read.is_empty() {
        out.push(Block::Paragraph(tx.t("portfolio.report.none")));
    } else {
        let column = |key: &str, weight| Column {
            title: tx.t(key),
            weight,
            lang: None,
        };
        let rows = read
            .iter()
            .map(|(entry, s)| {
                let status = format!(
                    "{}\n{}",
                    s.status_text(|key| tx.t(key)),
                    if s.version.is_empty() {
                        String::new()
                    } else {
                        tx.tw("dossier.version_n", &[("version", &s.version)])
                    }
                );
                let expiry = match (s.expires_on, s.days_left(today)) {
                    (Some(date), Some(days)) => {
                        format!("{}\n{}", date.display(tx.lang), tx.days(days))
                    }
                    _ => "—".to_owned(),
                };
                let urgency = s.most_urgent(today).map_or_else(String::new, |d| {
                    let key = match d.urgency(today) {
                        Urgency::Overdue => "portfolio.urgency.overdue",
                        _ => "portfolio.urgency.due_soon",
                    };
                    let line = tx.tw(
                        "portfolio.report.urgent",
                        &[
                            ("urgency", &tx.t(key)),
                            ("what", &ics::event_title(tx.kb, tx.lang, d)),
                            ("date", &d.date.display(tx.lang)),
                        ],
                    );
                    format!("\n{line}")
                });
                vec![
                    format!(
                        "{}\n{}{}{urgency}",
                        s.name(),
                        entry.relative,
                        also(tx, entry)
                    ),
                    status.trim_end().to_owned(),
                    tx.t(&format!("verdict.{}", s.verdict.code())),
                    format!("{}\u{a0}/\u{a0}{}", s.blocking, s.high),
                    expiry,
                    tx.date(s.renewal_due_on),
                    tx.date(s.review_due_on),
                    format!("{} %", s.completeness),
                ]
            })
            .collect();
        out.push(Block::Table {
            columns: vec![
                column("portfolio.col.assessment", 2.8),
                column("portfolio.col.status", 1.2),
                column("portfolio.col.verdict", 1.1),
                column("portfolio.col.findings_short", 0.7),
                column("portfolio.col.expiry", 1.4),
                column("portfolio.col.renewal", 1.4),
                column("portfolio.col.review", 1.4),
                column("portfolio.col.completeness_short", 0.8),
            ],
            rows,
        });
        out.push(Block::Note(tx.t("portfolio.report.table_note")));
    }
    let problems: Vec<Vec<String>> = portfolio
        .entries
        .iter()
        .filter_map(|e| e.problem().map(|p| vec![e.relative.clone(), describe(p)]))
        .collect();
    if !problems.is_empty() {
        out.push(Block::Heading {
            level: 2,
            text: tx.t("portfolio.report.unreadable"),
        });
        out.push(Block::Table {
            columns: vec![
                Column {
                    title: tx.t("portfolio.col.path"),
                    weight: 1.0,
                    lang: None,
                },
                Column {
                    title: tx.t("portfolio.col.problem"),
                    weight: 2.0,
                    lang: None,
                },
            ],
            rows: problems,
        });
    }
    out
}

/// One deadline with what it belongs to.
struct Dated<'a> {
    deadline: &'a Deadline,
    summary: &'a Summary,
}

/// Every deadline once (the same assessment read from two files gives its deadlines once), by
/// date then assessment.
fn all_deadlines(portfolio: &Portfolio) -> Vec<Dated<'_>> {
    let mut summaries: Vec<_> = portfolio.summaries().collect();
    summaries.sort_by_key(|(entry, s)| {
        (
            s.kind != crate::session::FileKind::Project,
            entry.relative.clone(),
        )
    });
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (_, summary) in summaries {
        for deadline in &summary.deadlines {
            if seen.insert(ics::uid(summary, deadline)) {
                out.push(Dated { deadline, summary });
            }
        }
    }
    out.sort_by(|a, b| {
        (a.deadline.date, a.summary.name(), a.deadline.kind).cmp(&(
            b.deadline.date,
            b.summary.name(),
            b.deadline.kind,
        ))
    });
    out
}

fn calendar(tx: &Texts, portfolio: &Portfolio) -> Vec<Block> {
    let today = portfolio.today;
    let deadlines = all_deadlines(portfolio);
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: tx.t("portfolio.report.calendar"),
        },
        Block::Paragraph(tx.t("portfolio.report.calendar_intro")),
    ];
    let columns = || {
        vec![
            Column {
                title: tx.t("portfolio.col.date"),
                weight: 1.0,
                lang: None,
            },
            Column {
                title: tx.t("portfolio.col.deadline"),
                weight: 2.2,
                lang: None,
            },
            Column {
                title: tx.t("portfolio.col.assessment"),
                weight: 3.0,
                lang: None,
            },
        ]
    };
    let row = |d: &Dated| {
        vec![
            format!(
                "{}\n{}",
                d.deadline.date.display(tx.lang),
                tx.days(d.deadline.days_left(today))
            ),
            ics::event_title(tx.kb, tx.lang, d.deadline),
            d.summary.name(),
        ]
    };
    let late: Vec<_> = deadlines
        .iter()
        .filter(|d| d.deadline.urgency(today) == Urgency::Overdue)
        .map(row)
        .collect();
    if !late.is_empty() {
        out.push(Block::Heading {
            level: 2,
            text: tx.t("portfolio.report.overdue"),
        });
        out.push(Block::Table {
            columns: columns(),
            rows: late,
        });
    }
    let start = today.first_of_month_plus(0);
    for month in 0..CALENDAR_MONTHS {
        let first = start.first_of_month_plus(month);
        let next = start.first_of_month_plus(month + 1);
        let rows: Vec<_> = deadlines
            .iter()
            .filter(|d| {
                d.deadline.date >= first
                    && d.deadline.date < next
                    && d.deadline.urgency(today) != Urgency::Overdue
            })
            .map(row)
            .collect();
        let heading = format!(
            "{} {}",
            capitalise(month_name(first.month(), tx.lang)),
            first.year()
        );
        out.push(Block::Heading {
            level: 2,
            text: heading,
        });
        if rows.is_empty() {
            out.push(Block::Note(tx.t("portfolio.report.no_deadline")));
        } else {
            out.push(Block::Table {
                columns: columns(),
                rows,
            });
        }
    }
    let end = start.first_of_month_plus(CALENDAR_MONTHS);
    let after = deadlines.iter().filter(|d| d.deadline.date >= end).count();
    if after > 0 {
        out.push(Block::Note(tx.tw(
            "portfolio.report.later",
            &[
                ("count", &after.to_string()),
                ("date", &end.display(tx.lang)),
            ],
        )));
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn findings(tx: &Texts, portfolio: &Portfolio) -> Vec<Block> {
    let mut out = vec![Block::Heading {
        level: 1,
        text: tx.t("portfolio.report.findings"),
    }];
    let mut any = false;
    // The same assessment read from two files (its project and its dossier PDF) once.
    let mut seen = std::collections::HashSet::new();
    for (entry, summary) in portfolio.summaries() {
        if summary.findings.is_empty() || !seen.insert(summary.identity.as_str()) {
            continue;
        }
        any = true;
        out.push(Block::Heading {
            level: 2,
            text: summary.name(),
        });
        out.push(Block::Note(entry.relative.clone()));
        for finding in &summary.findings {
            out.push(Block::Callout {
                tone: match finding.severity {
                    Severity::Blocking => Tone::Blocking,
                    _ => Tone::High,
                },
                title: format!("{} — {}", finding.rule_id, finding.title.get(tx.lang)),
                body: tx.t(&format!("severity.{}", finding.severity.code())),
                footer: String::new(),
            });
        }
    }
    if !any {
        out.push(Block::Paragraph(tx.t("portfolio.report.no_findings")));
    }
    out
}

/// « aussi : dossier.pdf » under a project's path when dossier PDFs of it were folded into its
/// row; nothing otherwise.
fn also(tx: &Texts<'_>, entry: &super::Entry) -> String {
    if entry.copies.is_empty() {
        return String::new();
    }
    let files: Vec<&str> = entry.copies.iter().map(|c| c.relative.as_str()).collect();
    format!(
        "\n{}",
        tx.tw("portfolio.also_dossier", &[("files", &files.join(", "))])
    )
}
