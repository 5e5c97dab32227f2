//! Writing a contributor's copy: the assessment as it stands (unsaved changes included), with
//! the request — who, which parts, the message — and the assessment as sent, which the copy
//! merges against when it comes back (`merge::find_base`). Written like a project (temporary
//! file, rename), never over the session's own file nor over a file that is not a project; the
//! session's own assessment and file are left as they are. The questionnaire, for a contributor
//! without Garde-fou, is the copy's `DocumentKind::Questionnaire` export.

use std::path::{Path, PathBuf};

use crate::documents::DocumentKind;
use crate::model::{Assessment, Contribution};
use crate::storage;

use super::export::{ExportError, ExportKind, Exported, Format};
use super::save::SaveFailure;

/// What was written for a contributor.
#[derive(Clone, Debug)]
pub struct ContributionWritten {
    /// The copy.
    pub copy: PathBuf,
    /// The questionnaire, when one was asked.
    pub questionnaire: Option<Exported>,
}

/// Why a contributor's copy was not written.
#[derive(Debug, thiserror::Error)]
pub enum ContributionFailure {
    /// The copy would replace the project being edited.
    #[error("{0}: not written, it is the project being edited")]
    IsTheProject(PathBuf),
    /// The request names nobody or no part.
    #[error("the request names no contributor or no part")]
    Incomplete,
    /// The copy could not be written (a file there that is not a project is left alone).
    #[error(transparent)]
    Save(#[from] SaveFailure),
    /// The copy was written; its questionnaire was not.
    #[error("{0}: {1}")]
    Questionnaire(PathBuf, ExportError),
}

impl super::Session {
    /// Writes a copy of the assessment for the contributor `request` names, at `path`, and its
    /// questionnaire at `questionnaire` (its format from its extension) when asked. The request
    /// is dated today and signed with the name set on this computer.
    pub fn write_contribution(
        &self,
        path: &Path,
        request: &Contribution,
        questionnaire: Option<&Path>,
    ) -> Result<ContributionWritten, ContributionFailure> {
        if request.contributor.trim().is_empty() || request.parts.is_empty() {
            return Err(ContributionFailure::Incomplete);
        }
        if self
            .path
            .as_deref()
            .is_some_and(|own| storage::same_file(own, path))
        {
            return Err(ContributionFailure::IsTheProject(path.to_owned()));
        }
        if path.is_file() {
            if let Err(reason) = storage::load(path) {
                return Err(SaveFailure::NotAProject {
                    path: path.to_owned(),
                    reason,
                }
                .into());
            }
        }
        let copy = self.contribution_copy(request)?;
        storage::save(path, &copy).map_err(SaveFailure::from)?;
        let questionnaire = match questionnaire {
            Some(output) => {
                let mut job =
                    self.export_job(ExportKind::Document(DocumentKind::Questionnaire), output);
                // The engine reads nothing of the request: the session's report is the copy's.
                job.assessment = copy;
                let format = Format::of_output(output, None);
                let exported = job.in_format(format).run().map_err(|error| {
                    ContributionFailure::Questionnaire(output.to_owned(), error)
                })?;
                Some(exported)
            }
            None => None,
        };
        Ok(ContributionWritten {
            copy: path.to_owned(),
            questionnaire,
        })
    }

    /// The copy as written: the assessment with its unsaved changes (their authors recorded as
    /// a save would), the request and the assessment as sent.
    fn contribution_copy(&self, request: &Contribution) -> Result<Assessment, SaveFailure> {
        let mut sent = self.assessment.clone();
        sent.project.contribution = None;
        if self.is_dirty() {
            sent.project.updated_on = Some(self.today);
            sent.history
                .record_authors(&self.saved, &self.assessment, &self.author, self.today);
        }
        let sent = self
            .with_fresh_history(sent)
            .map_err(SaveFailure::History)?;
        let text =
            storage::to_text(&sent).map_err(|error| SaveFailure::History(error.to_string()))?;
        let mut copy = sent;
        let mut parts = request.parts.clone();
        parts.sort();
        parts.dedup();
        copy.project.contribution = Some(Contribution {
            contributor: request.contributor.trim().to_owned(),
            parts,
            asked_by: if request.asked_by.trim().is_empty() {
                self.author.clone()
            } else {
                request.asked_by.trim().to_owned()
            },
            asked_on: Some(self.today),
            message: request.message.clone(),
            sent: text,
        });
        self.with_fresh_history(copy).map_err(SaveFailure::History)
    }
}
