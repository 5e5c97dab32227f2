//! `gardefou contribute`: a copy of a project for a contributor, with the parts they are asked
//! to fill (`--parts system,inventory`), and its questionnaire for a contributor without
//! Garde-fou (`--questionnaire FILE.odt|.docx|.pdf`). The project is only read; the copy comes
//! back through `gardefou merge PROJECT COPY`, its changes taken in those parts only.

use std::path::Path;

use crate::i18n::{tr, tr_with, Lang};
use crate::model::{Contribution, Date, Part};

/// What to write.
pub struct Request<'a> {
    /// The project.
    pub file: &'a Path,
    /// Who is asked.
    pub to: &'a str,
    /// The parts, as named on the command line.
    pub parts: &'a [String],
    /// Who asks (the author's name).
    pub by: &'a str,
    /// The message to the contributor.
    pub message: &'a str,
    /// The copy.
    pub output: &'a Path,
    /// The questionnaire, when one is asked.
    pub questionnaire: Option<&'a Path>,
    /// The request's date.
    pub today: Date,
}

/// The parts named, in the wizard's order; the first unknown name as an error.
pub fn parse_parts(names: &[String]) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    for name in names.iter().flat_map(|n| n.split(',')) {
        if name.trim().is_empty() {
            continue;
        }
        match Part::from_key(name) {
            Some(part) => parts.push(part),
            None => return Err(name.trim().to_owned()),
        }
    }
    parts.sort();
    parts.dedup();
    Ok(parts)
}

/// Writes the copy and returns the exit code: 0 written, 2 on any error.
pub fn run(request: &Request, lang: Lang) -> u8 {
    let parts = match parse_parts(request.parts) {
        Ok(parts) if !parts.is_empty() => parts,
        other => {
            let known: Vec<&str> = Part::ALL.iter().map(|p| p.key()).collect();
            let given = other.err().unwrap_or_default();
            eprintln!(
                "{}",
                tr_with(
                    lang,
                    "cli.contribute.parts",
                    &[("given", &given), ("known", &known.join(", "))]
                )
            );
            return 2;
        }
    };
    let Some(mut session) = super::evaluated::open_session(request.file, request.today, lang)
    else {
        return 2;
    };
    session.set_author(request.by);
    let contribution = Contribution {
        contributor: request.to.to_owned(),
        parts,
        message: request.message.to_owned(),
        ..Contribution::default()
    };
    match session.write_contribution(request.output, &contribution, request.questionnaire) {
        Ok(written) => {
            println!(
                "{}",
                tr_with(
                    lang,
                    "cli.contribute.written",
                    &[
                        ("path", &written.copy.display().to_string()),
                        ("contributor", request.to.trim()),
                    ]
                )
            );
            if let Some(q) = written.questionnaire {
                println!(
                    "{}",
                    tr_with(
                        lang,
                        "cli.contribute.questionnaire",
                        &[("path", &q.path.display().to_string())]
                    )
                );
            }
            println!("{}", tr(lang, "cli.contribute.back"));
            0
        }
        Err(error) => {
            eprintln!("{}", crate::messages::contribution_failure(&error, lang));
            2
        }
    }
}
