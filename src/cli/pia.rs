//! `gardefou import-pia` and `gardefou export-pia`: exchange with the CNIL PIA software, through
//! the session (a PIA export read into a session saved as a project; a session exported as PIA).

use std::path::Path;

use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::model::Date;
use crate::session::{self, ExportKind, FileKind, Session};

/// Imports; 0 written (warnings on stderr), 2 on error.
pub fn import(input: &Path, output: &Path, lang: Lang) -> u8 {
    let Some(kb) = super::evaluated::knowledge_base() else {
        return 2;
    };
    let read = match session::read_as(input, FileKind::PiaExport, &kb) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("{}", messages::open_error(&error, lang));
            return 2;
        }
    };
    for warning in &read.warnings {
        eprintln!(
            "{}: {}: {}",
            input.display(),
            tr(lang, "cli.warning"),
            messages::pia_warning(warning, lang)
        );
    }
    let mut session = Session::new(read.assessment, None, kb, session::today_local());
    if let Err(error) = session.save_as(output) {
        eprintln!("{}", messages::save_failure(&error, lang));
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.import_pia.ok",
            &[
                ("path", &output.display().to_string()),
                ("warnings", &read.warnings.len().to_string())
            ]
        )
    );
    0
}

/// Exports; 0 written, 2 on error.
pub fn export(input: &Path, output: &Path, today: Date, lang: Lang) -> u8 {
    let Some(session) = super::evaluated::open_session(input, today, lang) else {
        return 2;
    };
    if let Err(error) = session.export(ExportKind::Pia, output) {
        eprintln!("{}", messages::export_error(&error, input, lang));
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.export_pia.ok",
            &[("path", &output.display().to_string())]
        )
    );
    0
}
