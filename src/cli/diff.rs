//! `gardefou diff`: what changed between two versions of a project file (`--from N`, `--to M`
//! or the current content), or between two files — answers by path, cameras added, removed and
//! changed, and the findings that appeared or disappeared. As text, or as a JSON object whose
//! shape the README documents.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::i18n::{tr, tr_with, Lang};
use crate::model::diff::{diff, Diff};
use crate::model::{Assessment, Date};
use crate::rules::{self, Finding};
use crate::session::versions;
use crate::session::Session;

/// What to compare.
pub struct Request<'a> {
    /// One project file (its versions), or two files.
    pub files: &'a [PathBuf],
    /// The older version's number (default: the last validated version).
    pub from: Option<&'a str>,
    /// The newer version's number, or `current` (the default).
    pub to: Option<&'a str>,
    /// Print JSON.
    pub as_json: bool,
    /// The date the findings are evaluated at.
    pub today: Date,
}

/// One side of the comparison: its name and content.
struct Side {
    name: String,
    assessment: Assessment,
}

/// Runs the diff and returns the exit code: 0 compared, 2 when a file or a version cannot be
/// read.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let sides = match request.files {
        [one] => versions(one, request, lang),
        [old, new] => {
            let open = |path: &Path| {
                versions::load_project(path)
                    .map(|assessment| Side {
                        name: path.display().to_string(),
                        assessment,
                    })
                    .map_err(|error| crate::messages::load_error(&error, lang))
            };
            open(old).and_then(|o| open(new).map(|n| (o, n)))
        }
        _ => Err(tr(lang, "cli.diff.files").to_owned()),
    };
    let (old, new) = match sides {
        Ok(sides) => sides,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    let Some(kb) = super::evaluated::knowledge_base() else {
        return 2;
    };
    let changes = diff(&old.assessment, &new.assessment);
    let before = rules::evaluate(&old.assessment, &kb, request.today).findings;
    let after = rules::evaluate(&new.assessment, &kb, request.today).findings;
    let appeared = rules::finding::only_in(&after, &before);
    let disappeared = rules::finding::only_in(&before, &after);
    if request.as_json {
        println!(
            "{}",
            to_json(
                &old.name,
                &new.name,
                &changes,
                &appeared,
                &disappeared,
                &new.assessment.history,
                lang
            )
        );
    } else {
        print!(
            "{}",
            crate::messages::printable(&to_text(
                &old.name,
                &new.name,
                &changes,
                &appeared,
                &disappeared,
                &new.assessment.history,
                lang
            ))
        );
    }
    0
}

/// The two versions of one file a request names.
fn versions(path: &Path, request: &Request, lang: Lang) -> Result<(Side, Side), String> {
    let kb = super::evaluated::knowledge_base().ok_or_else(String::new)?;
    let session = Session::open(path, kb, request.today)
        .map_err(|error| crate::messages::open_error(&error, lang))?
        .session;
    if let Some(warning) = session.history_warning() {
        return Err(tr_with(
            lang,
            "ui.history_dropped",
            &[("reason", &warning.to_string())],
        ));
    }
    let a = &session.assessment;
    let numbers: Vec<&str> = a
        .history
        .versions
        .iter()
        .map(|v| v.number.as_str())
        .collect();
    let index_of = |number: &str| -> Result<usize, String> {
        numbers.iter().position(|n| *n == number).ok_or_else(|| {
            tr_with(
                lang,
                "cli.diff.no_version",
                &[("number", number), ("versions", &numbers.join(", "))],
            )
        })
    };
    // Only the versions compared are rebuilt and kept (a file may hold thousands).
    let mut wanted = Vec::new();
    for number in [request.from, request.to].into_iter().flatten() {
        if number != "current" {
            wanted.push(index_of(number)?);
        }
    }
    if request.from.is_none() && !numbers.is_empty() {
        wanted.push(numbers.len() - 1);
    }
    let texts = versions::version_texts_at(a, &wanted)?;
    let version = |number: &str| -> Result<Side, String> {
        let index = index_of(number)?;
        let text = texts.get(&index).ok_or_else(String::new)?;
        let assessment = versions::parse_version(text, path)
            .map_err(|error| crate::messages::load_error(&error, lang))?;
        Ok(Side {
            name: number.to_owned(),
            assessment,
        })
    };
    let current = || Side {
        name: tr(lang, "cli.diff.current").to_owned(),
        assessment: a.clone(),
    };
    let from = match request.from {
        Some(number) => version(number)?,
        None => match numbers.last() {
            Some(last) => version(last)?,
            None => return Err(tr(lang, "cli.diff.no_versions").to_owned()),
        },
    };
    let to = match request.to {
        None | Some("current") => current(),
        Some(number) => version(number)?,
    };
    Ok((from, to))
}

/// The JSON object (documented in the README).
fn to_json(
    from: &str,
    to: &str,
    d: &Diff,
    appeared: &[&Finding],
    disappeared: &[&Finding],
    authors: &crate::model::history::History,
    lang: Lang,
) -> String {
    let findings = |list: &[&Finding]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|f| {
                json!({
                    "id": f.rule_id,
                    "severity": f.severity.code(),
                    "title": f.title.get(lang),
                })
            })
            .collect()
    };
    let value = json!({
        "from": from,
        "to": to,
        "changes": d.changes.iter().map(|c| {
            // Who last changed it, when the saves recorded it (null otherwise).
            let author = authors.author_of(&c.path);
            json!({
                "path": c.path,
                "old": c.old,
                "new": c.new,
                "by": author.map(|a| a.by.clone()),
                "on": author.and_then(|a| a.on).map(|d| d.iso()),
            })
        }).collect::<Vec<_>>(),
        "cameras": {
            "added": d.cameras_added,
            "removed": d.cameras_removed,
            "changed": d.cameras_changed.iter().map(|c| json!({"id": c.camera_id, "fields": c.fields})).collect::<Vec<_>>(),
        },
        "findings": {
            "appeared": findings(appeared),
            "disappeared": findings(disappeared),
        },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The text report: grouped by the first part of each path (the wizard's sections).
fn to_text(
    from: &str,
    to: &str,
    d: &Diff,
    appeared: &[&Finding],
    disappeared: &[&Finding],
    authors: &crate::model::history::History,
    lang: Lang,
) -> String {
    let mut out = tr_with(lang, "cli.diff.title", &[("from", from), ("to", to)]);
    out.push('\n');
    if d.is_empty() && appeared.is_empty() && disappeared.is_empty() {
        out.push_str(tr(lang, "cli.diff.none"));
        out.push('\n');
        return out;
    }
    let mut section = "";
    for change in &d.changes {
        let head = change.path.split(['.', '[']).next().unwrap_or("");
        if head != section {
            section = head;
            out.push_str(&format!("\n[{head}]\n"));
        }
        let by = authors
            .author_of(&change.path)
            .map_or_else(String::new, |a| {
                let on = a.on.map(|d| d.display(lang)).unwrap_or_default();
                format!(
                    " {}",
                    tr_with(lang, "cli.diff.by", &[("by", &a.by), ("on", &on)])
                )
            });
        out.push_str(&format!(
            "  {}{by}\n",
            tr_with(
                lang,
                "cli.diff.line",
                &[
                    ("path", &change.path),
                    (
                        "old",
                        &crate::i18n::value_label(lang, &change.path, &change.old)
                    ),
                    (
                        "new",
                        &crate::i18n::value_label(lang, &change.path, &change.new)
                    ),
                ]
            )
        ));
    }
    let list = |ids: &[String]| ids.join(", ");
    if !d.cameras_added.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            tr_with(
                lang,
                "cli.diff.cameras_added",
                &[("ids", &list(&d.cameras_added))]
            )
        ));
    }
    if !d.cameras_removed.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            tr_with(
                lang,
                "cli.diff.cameras_removed",
                &[("ids", &list(&d.cameras_removed))]
            )
        ));
    }
    for camera in &d.cameras_changed {
        out.push_str(&format!(
            "  {}\n",
            tr_with(
                lang,
                "cli.diff.camera_changed",
                &[
                    ("id", &camera.camera_id),
                    ("fields", &camera.fields.join(", "))
                ]
            )
        ));
    }
    for (key, list) in [
        ("cli.diff.findings_appeared", appeared),
        ("cli.diff.findings_disappeared", disappeared),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("\n{}\n", tr(lang, key)));
            for f in list {
                out.push_str(&format!("  {} — {}\n", f.rule_id, f.title.get(lang)));
            }
        }
    }
    out
}
