//! What `check`, `export` and `export-pia` start from: the bundled knowledge base and a
//! [`Session`] opened on the file (a project, a dossier PDF or a PIA export), with the evidence
//! documents checked on disk. Errors are printed once, here.

use std::path::Path;
use std::sync::Arc;

use crate::i18n::Lang;
use crate::knowledge::KnowledgeBase;
use crate::messages;
use crate::model::Date;
use crate::session::Session;

/// The bundled knowledge base; `None` after printing why it is damaged.
pub fn knowledge_base() -> Option<Arc<KnowledgeBase>> {
    match KnowledgeBase::bundled() {
        Ok(kb) => Some(Arc::new(kb)),
        Err(error) => {
            eprintln!("gardefou: {error}");
            None
        }
    }
}

/// Opens `file` and evaluates it at `today`; `None` after printing why it could not.
pub fn open_session(file: &Path, today: Date, lang: Lang) -> Option<Session> {
    let kb = knowledge_base()?;
    match Session::open(file, kb, today) {
        Ok(opened) => {
            // A history that does not rebuild (damaged or forged) is dropped: said, never silent.
            if let Some(warning) = opened.session.history_warning() {
                eprintln!(
                    "gardefou: {}: {}",
                    file.display(),
                    crate::i18n::tr_with(
                        lang,
                        "ui.history_dropped",
                        &[("reason", &warning.to_string())]
                    )
                );
            }
            Some(opened.session)
        }
        Err(error) => {
            eprintln!("{}", messages::open_error(&error, lang));
            None
        }
    }
}
