//! `gardefou merge`: two copies of a project edited apart merged by meaning — `BASE MINE THEIRS`,
//! or `MINE THEIRS` with their common ancestor found: the assessment as sent, for a copy written
//! for a contributor (its changes taken in the parts asked only), else in their histories
//! (two-way, every difference a conflict, when they share no validated version). Conflicts are listed; without
//! `--prefer mine|theirs` nothing is written and the exit code is 1. The copies merged are
//! never written; the result is saved like any project (temporary file, rename, `.bak`).

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::i18n::{tr, tr_with, Lang};
use crate::model::merge::{Conflict, Merged, Side};
use crate::model::{Assessment, Contribution};
use crate::session::{self, versions, Session};

/// What to merge.
pub struct Request<'a> {
    /// `MINE THEIRS`, or `BASE MINE THEIRS`.
    pub files: &'a [PathBuf],
    /// Where to write the merged copy.
    pub output: &'a Path,
    /// The side conflicts are settled from; `None`: list them and write nothing.
    pub prefer: Option<Side>,
    /// Print one JSON object.
    pub as_json: bool,
}

/// Where the common ancestor came from.
enum Base {
    /// A file given on the command line.
    File(PathBuf),
    /// A validated version both copies hold.
    Version(String),
    /// Their copy was written for a contributor: the assessment as sent.
    Contribution(Contribution),
    /// None: a two-way merge.
    None,
}

/// Merges and returns the exit code: 0 written, 1 conflicts left (nothing written), 2 when a
/// copy cannot be read or the output is refused.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let load = |path: &Path| {
        versions::load_project(path).map_err(|error| crate::messages::load_error(&error, lang))
    };
    let loaded = match request.files {
        [mine, theirs] => load(mine).and_then(|m| load(theirs).map(|t| (None, m, t))),
        [base, mine, theirs] => {
            load(base).and_then(|b| load(mine).and_then(|m| load(theirs).map(|t| (Some(b), m, t))))
        }
        _ => Err(tr(lang, "cli.merge.files").to_owned()),
    };
    let (given_base, mine, theirs) = match loaded {
        Ok(copies) => copies,
        Err(message) => {
            eprintln!("{message}");
            return 2;
        }
    };
    let inputs: Vec<&Path> = request.files.iter().map(PathBuf::as_path).collect();
    if session::merge::is_an_input(request.output, &inputs) {
        eprintln!(
            "{}",
            tr_with(
                lang,
                "cli.merge.output_is_input",
                &[("path", &request.output.display().to_string())]
            )
        );
        return 2;
    }
    let (base, source) = match given_base {
        Some(base) => (Some(base), Base::File(request.files[0].clone())),
        None => match session::merge::find_base(&mine, &theirs) {
            Ok((session::merge::MergeBase::Version(number), base)) => (base, Base::Version(number)),
            Ok((session::merge::MergeBase::Contribution(request), base)) => {
                (base, Base::Contribution(request))
            }
            Ok((session::merge::MergeBase::None, _)) => (None, Base::None),
            Err(reason) => {
                eprintln!(
                    "{}",
                    tr_with(lang, "cli.merge.history", &[("reason", &reason)])
                );
                return 2;
            }
        },
    };
    let prefer = request.prefer.unwrap_or(Side::Mine);
    let merged = match session::merge::merge_copies(base.as_ref(), &mine, &theirs, &|_| prefer) {
        Ok(merged) => merged,
        Err(error) => {
            eprintln!("gardefou: {error}");
            return 2;
        }
    };
    let mut merged = merged;
    if let Err(reason) = session::merge::fresh_history(&mut merged.assessment, &[&mine, &theirs]) {
        eprintln!(
            "{}",
            tr_with(lang, "cli.merge.history", &[("reason", &reason)])
        );
        return 2;
    }
    let must_choose = !merged.conflicts.is_empty() && request.prefer.is_none();
    let written = !must_choose && write(request.output, &merged.assessment, lang);
    if request.as_json {
        println!("{}", as_json(request, &source, &merged, written));
    } else {
        print_text(request, &source, &merged, written, lang);
    }
    match (must_choose, written) {
        (true, _) => 1,
        (false, true) => 0,
        (false, false) => 2,
    }
}

/// Saves the merged copy like any project; false (with the reason on stderr) when it could not.
fn write(output: &Path, assessment: &Assessment, lang: Lang) -> bool {
    let Some(kb) = super::evaluated::knowledge_base() else {
        return false;
    };
    let mut session = Session::new(assessment.clone(), None, kb, session::today_local());
    match session.save_as(output) {
        Ok(_) => true,
        Err(error) => {
            eprintln!("{}", crate::messages::save_failure(&error, lang));
            false
        }
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Mine => "mine",
        Side::Theirs => "theirs",
    }
}

fn as_json(request: &Request, source: &Base, merged: &Merged, written: bool) -> String {
    let files: Vec<String> = request
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let base = match source {
        Base::File(path) => json!({"file": path.display().to_string()}),
        Base::Version(number) => json!({"version": number}),
        Base::Contribution(request) => json!({"contribution": {
            "contributor": request.contributor,
            "parts": request.parts.iter().map(|p| p.key()).collect::<Vec<_>>(),
            "asked_by": request.asked_by,
            "asked_on": request.asked_on.map(|d| d.iso()),
        }}),
        Base::None => serde_json::Value::Null,
    };
    let conflicts: Vec<serde_json::Value> = merged
        .conflicts
        .iter()
        .map(|c: &Conflict| {
            json!({
                "path": c.path,
                "base": c.base,
                "mine": c.mine,
                "theirs": c.theirs,
                "chosen": request.prefer.map(|_| side_name(c.chosen)),
            })
        })
        .collect();
    json!({
        "mine": files[files.len() - 2],
        "theirs": files[files.len() - 1],
        "base": base,
        "output": request.output.display().to_string(),
        "from_mine": merged.from_mine,
        "from_theirs": merged.from_theirs,
        "conflicts": conflicts,
        "protected": merged.protected,
        "written": written,
    })
    .to_string()
}

/// A value as the text prints it (`—` when absent).
fn shown(value: Option<&serde_json::Value>) -> String {
    match value {
        None => "—".to_owned(),
        Some(serde_json::Value::String(text)) => format!("« {text} »"),
        Some(other) => {
            let text = other.to_string();
            if text.chars().count() > 60 {
                let cut: String = text.chars().take(57).collect();
                format!("{cut}…")
            } else {
                text
            }
        }
    }
}

fn print_text(request: &Request, source: &Base, merged: &Merged, written: bool, lang: Lang) {
    let base = match source {
        Base::File(path) => tr_with(
            lang,
            "cli.merge.base_file",
            &[("path", &path.display().to_string())],
        ),
        Base::Version(number) => tr_with(lang, "cli.merge.base_version", &[("number", number)]),
        Base::Contribution(request) => {
            let parts: Vec<&str> = request.parts.iter().map(|p| p.key()).collect();
            tr_with(
                lang,
                "cli.merge.base_contribution",
                &[
                    ("contributor", &request.contributor),
                    ("parts", &parts.join(", ")),
                ],
            )
        }
        Base::None => tr(lang, "cli.merge.base_none").to_owned(),
    };
    println!("{base}");
    if !merged.protected.is_empty() {
        println!(
            "{}",
            crate::i18n::tr_count(lang, "cli.merge.protected", merged.protected.len(), &[])
        );
        for path in &merged.protected {
            println!("  {path}");
        }
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.merge.taken",
            &[
                ("mine", &merged.from_mine.len().to_string()),
                ("theirs", &merged.from_theirs.len().to_string()),
            ]
        )
    );
    for conflict in &merged.conflicts {
        println!(
            "  {} — {} {} · {} {} · {} {}",
            conflict.path,
            tr(lang, "cli.merge.base"),
            shown(conflict.base.as_ref()),
            tr(lang, "cli.merge.mine"),
            shown(conflict.mine.as_ref()),
            tr(lang, "cli.merge.theirs"),
            shown(conflict.theirs.as_ref()),
        );
    }
    let output = request.output.display().to_string();
    if written {
        println!(
            "{}",
            crate::i18n::tr_count(
                lang,
                "cli.merge.written",
                merged.conflicts.len(),
                &[("path", &output)]
            )
        );
    } else if !merged.conflicts.is_empty() && request.prefer.is_none() {
        eprintln!(
            "{}",
            crate::i18n::tr_count(lang, "cli.merge.choose", merged.conflicts.len(), &[])
        );
    }
}
