//! Everything the views send to the update, applied once after the frame: the user's
//! [`Command`]s, and the internal messages (open this path, attach this document, the answer to
//! a prompt…). Views never change the session themselves beyond typing in fields.

use std::path::PathBuf;

use super::command::Command;
use super::file_dialog::DialogPurpose;
use super::step::Step;
use crate::documents::DocumentKind;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::EvidenceKind;

/// A message to the update.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A command the user gave.
    Command(Command),
    /// Open this file (after the unsaved-changes prompt if needed).
    OpenPath(PathBuf),
    /// Read this copy and compare it with the assessment, for the merge window.
    PrepareMerge(PathBuf),
    /// Merge the copy compared, its conflicts settled as chosen in the merge window.
    ApplyMerge,
    /// Write the contributor's copy (and questionnaire) as the contribution window says.
    WriteContribution,
    /// Save to this path, then go on with the action that was waiting for the save, if any.
    SavePath(PathBuf, Option<Box<Action>>),
    /// The unsaved-changes prompt answered « Save »: save, then go on with this action.
    SaveThen(Box<Action>),
    /// The unsaved-changes prompt answered « Don't save »: drop the changes, then go on.
    DiscardThen(Box<Action>),
    /// Write a derived document as PDF beside the dossier.
    ExportDocument(DocumentKind),
    /// Export again, leaving out the branding's logo the user was told cannot be used.
    ExportWithoutLogo(ExportTarget),
    /// Export the dossier over the file already at its path (the user said so).
    ReplaceDossier {
        /// Leave out a logo that cannot be used.
        without_logo: bool,
    },
    /// Record that this project may embed a file outside its folder (its logo), then export.
    AllowOutsideThenExport(crate::model::TrustedFile, ExportTarget),
    /// Copy a derived document's text to the clipboard.
    CopyDocument(DocumentKind),
    /// Write the CNIL PIA file beside the dossier.
    ExportPia,
    /// Go to a step, and highlight a field there.
    GoTo(Step, Option<crate::model::path::FieldPath>),
    /// Switch the UI language.
    SetLang(Lang),
    /// Light or dark theme.
    SetDark(bool),
    /// A structural edit.
    Edit(Edit),
    /// Show the system file dialog (in the background) for this purpose.
    Browse(DialogPurpose),
    /// Hash a document and add it to the evidence locker.
    AttachEvidence(PathBuf, EvidenceKind, String),
    /// Make the picture at this path the project's logo, attached to the evidence locker.
    AttachLogo(PathBuf),
    /// Import the cameras of a confirmed CSV draft and put the positions it gives on the plans.
    ImportCameras(Box<crate::session::ImportPreview>),
    /// Read the GeoJSON file at this path and place its points on this plan.
    ImportGeoJson(crate::model::PlanId, PathBuf),
    /// Georeference a plan with the world file at this path (`None`: no longer georeferenced).
    GeoreferencePlan(crate::model::PlanId, Option<PathBuf>),
    /// Georeference a plan with the map two known points gave.
    TiePlan(crate::model::PlanId, crate::model::Georef),
    /// Attach the picture at this path (read, with these sides) as a plan's background.
    SetPlanBackground(crate::model::PlanId, PathBuf, (u32, u32)),
    /// Read a camera CSV into the inventory's import preview (nothing is imported until the
    /// preview is confirmed).
    ImportCamerasCsv(PathBuf),
    /// Write the whole camera inventory to this CSV file.
    ExportCamerasCsv(PathBuf),
    /// Restore the recovery copy offered at opening.
    RestoreRecovery(crate::session::RecoveryOffer),
    /// Keep the file, delete the recovery copy.
    DiscardRecovery(crate::session::RecoveryOffer),
    /// Hand a written file to the desktop's viewer (a failure is reported).
    OpenInViewer(PathBuf),
    /// Move the review circuit to this status, with this comment.
    ChangeStatus(crate::model::ProjectStatus, String),
    /// Validate the current content as this version number, with this reason when a blocking
    /// finding is open.
    Validate(String, String),
    /// Open the bundled fictional example (after the unsaved-changes prompt if needed).
    OpenExample,
    /// Open the « changes since the last validated version » window.
    ShowChanges,
    /// Show a message in the status bar (an error).
    Status(String),
    /// Show a message in the status bar (what was done, not an error).
    Info(String),
    /// Open the legal references window, on this entry if given.
    ShowReference(Option<crate::model::LegalRefId>),
    /// Scan this folder in the portfolio view (and remember it).
    ScanPortfolio(PathBuf),
    /// Write the portfolio's report, calendar file or CSV table.
    WritePortfolio(crate::portfolio::Output),
}

impl From<Command> for Action {
    fn from(command: Command) -> Action {
        Action::Command(command)
    }
}

/// What an export was writing, to run it again without the logo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// The dossier (the Dossier step's settings).
    Dossier,
    /// A derived document.
    Document(DocumentKind),
}
