//! Everything the user can ask of the app beyond typing in a field, as one enum: buttons, menus,
//! shortcuts and tests all push an `Action`, applied once after the frame.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::steps::Step;
use crate::edit::Edit;
use crate::i18n::{tr, Lang};

/// A command.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a new, empty assessment.
    New,
    /// Ask for a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save to the current file (asks for one if there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Save to this path.
    SavePath(PathBuf),
    /// Export the PDF dossier to the path of the dossier step.
    Export,
    /// Write a derived document as PDF beside the dossier.
    ExportDocument(crate::documents::DocumentKind),
    /// Copy a derived document's text to the clipboard.
    CopyDocument(crate::documents::DocumentKind),
    /// Write the CNIL PIA file beside the dossier.
    ExportPia,
    /// Undo the last edit.
    Undo,
    /// Redo.
    Redo,
    /// Go to a step, and highlight a field there.
    GoTo(Step, Option<String>),
    /// Switch the UI language.
    SetLang(Lang),
    /// Light or dark theme.
    SetDark(bool),
    /// A structural edit.
    Edit(Edit),
    /// Show the system file dialog (in the background) for this purpose.
    Browse(super::file_dialog::DialogPurpose),
    /// Hash a document and add it to the evidence locker.
    AttachEvidence(PathBuf, crate::model::EvidenceKind, String),
    /// Restore the recovery copy found at start-up.
    RestoreRecovery,
    /// Keep the file, delete the recovery copy.
    DiscardRecovery,
    /// Quit (after the unsaved-changes prompt if needed).
    Quit,
}

impl Action {
    /// The button text.
    pub fn text(&self, lang: Lang) -> String {
        let key = match self {
            Action::New => "action.new",
            Action::Open | Action::OpenPath(_) => "action.open",
            Action::Save | Action::SavePath(_) => "action.save",
            Action::SaveAs => "action.save_as",
            Action::Export => "action.export",
            Action::Undo => "action.undo",
            Action::Redo => "action.redo",
            Action::Quit => "action.quit",
            _ => "action.other",
        };
        tr(lang, key).to_owned()
    }

    /// Its keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Action::New => command(Key::N),
            Action::Open => command(Key::O),
            Action::Save => command(Key::S),
            Action::Undo => command(Key::Z),
            Action::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            _ => None,
        }
    }

    /// The actions reachable by a shortcut; Redo before Undo so Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub const WITH_SHORTCUTS: [Action; 5] = [
        Action::Redo,
        Action::Undo,
        Action::New,
        Action::Open,
        Action::Save,
    ];
}
