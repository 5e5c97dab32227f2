//! What `check` and `export` both start from: the knowledge base, the assessment opened from a
//! project file, a dossier PDF or a PIA export, and the engine's report on it with the evidence
//! documents checked on disk. Errors are printed once, here.

use std::path::Path;

use crate::i18n::{self, Lang};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date};
use crate::rules::{self, Report};

/// An assessment and the engine's report on it.
pub struct Evaluated {
    /// The knowledge base.
    pub kb: KnowledgeBase,
    /// The assessment.
    pub assessment: Assessment,
    /// The report, evidence checked.
    pub report: Report,
}

/// Opens `file` and evaluates it at `today`; `None` after printing why it could not.
pub fn open_and_evaluate(file: &Path, today: Date, lang: Lang) -> Option<Evaluated> {
    let kb = match KnowledgeBase::bundled() {
        Ok(kb) => kb,
        Err(error) => {
            eprintln!("gardefou: {error}");
            return None;
        }
    };
    let assessment = match crate::open::open(file) {
        Ok(assessment) => assessment,
        Err(error) => {
            eprintln!("{}", i18n::open_error_message(&error, lang));
            return None;
        }
    };
    // Documents are checked beside a project file; a dossier PDF or a PIA export carries none.
    let is_project = !file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("json"));
    let statuses = if is_project {
        crate::storage::evidence::verify(file, &assessment.evidence)
    } else {
        Vec::new()
    };
    let report =
        rules::evaluate(&assessment, &kb, today).with_evidence(&assessment, &kb, &statuses);
    Some(Evaluated {
        kb,
        assessment,
        report,
    })
}
