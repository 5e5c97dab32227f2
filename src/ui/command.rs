//! The commands a user sees: each with its label, tooltip and shortcut, in one exhaustive match.
//! The top bar, the step buttons and the shortcut handling all read them from here.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{tr, Lang};

/// A command the user gives by a button, a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a new, empty assessment.
    New,
    /// Ask for a file to open.
    Open,
    /// Save to the current file (asks for one if there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Export the PDF dossier with the dossier step's settings (path, public version).
    ExportDossier,
    /// Quit (after the unsaved-changes prompt if needed).
    Quit,
    /// Search fields, findings and cameras.
    Find,
    /// Show the help of the field being filled.
    Help,
    /// Show the legal references.
    References,
    /// Show the review comments.
    Review,
    /// Go to the next step.
    NextStep,
    /// Go to the previous step.
    PreviousStep,
    /// Show the portfolio: every assessment of a folder, or go back to it.
    Portfolio,
    /// Merge a copy of the assessment edited elsewhere into this one.
    Merge,
    /// Write a copy for a contributor, with the parts they are asked to fill.
    Contribute,
}

impl Command {
    /// Every command, in the order menus list them.
    pub const ALL: [Command; 17] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
        Command::ExportDossier,
        Command::Quit,
        Command::Find,
        Command::Help,
        Command::References,
        Command::Review,
        Command::NextStep,
        Command::PreviousStep,
        Command::Portfolio,
        Command::Merge,
        Command::Contribute,
    ];

    /// The commands in the order their shortcuts are tried: those with Shift first, since egui
    /// takes Ctrl+Shift+Z for Ctrl+Z (and Ctrl+Shift+S for Ctrl+S) otherwise.
    pub fn by_shortcut_precedence() -> Vec<Command> {
        let mut commands = Self::ALL.to_vec();
        commands.sort_by_key(|c| !c.shortcut().is_some_and(|s| s.modifiers.shift));
        commands
    }

    /// The button text.
    pub fn label(self, lang: Lang) -> &'static str {
        let key = match self {
            Command::New => "action.new",
            Command::Open => "action.open",
            Command::Save => "action.save",
            Command::SaveAs => "action.save_as",
            Command::Undo => "action.undo",
            Command::Redo => "action.redo",
            Command::ExportDossier => "action.export",
            Command::Quit => "action.quit",
            Command::Find => "action.find",
            Command::Help => "action.help",
            Command::References => "action.references",
            Command::Review => "action.review",
            Command::NextStep => "action.next_step",
            Command::PreviousStep => "action.previous_step",
            Command::Portfolio => "action.portfolio",
            Command::Merge => "action.merge",
            Command::Contribute => "action.contribute",
        };
        tr(lang, key)
    }

    /// What the command does, shown on hover.
    pub fn tooltip(self, lang: Lang) -> &'static str {
        let key = match self {
            Command::New => "command.new.tooltip",
            Command::Open => "command.open.tooltip",
            Command::Save => "command.save.tooltip",
            Command::SaveAs => "command.save_as.tooltip",
            Command::Undo => "command.undo.tooltip",
            Command::Redo => "command.redo.tooltip",
            Command::ExportDossier => "command.export.tooltip",
            Command::Quit => "command.quit.tooltip",
            Command::Find => "command.find.tooltip",
            Command::Help => "command.help.tooltip",
            Command::References => "command.references.tooltip",
            Command::Review => "command.review.tooltip",
            Command::NextStep => "command.next_step.tooltip",
            Command::PreviousStep => "command.previous_step.tooltip",
            Command::Portfolio => "command.portfolio.tooltip",
            Command::Merge => "command.merge.tooltip",
            Command::Contribute => "command.contribute.tooltip",
        };
        tr(lang, key)
    }

    /// Its keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Command::New => command(Key::N),
            Command::Open => command(Key::O),
            Command::Save => command(Key::S),
            Command::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            Command::Undo => command(Key::Z),
            Command::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            Command::ExportDossier => command(Key::E),
            Command::Quit => command(Key::Q),
            Command::Find => command(Key::F),
            Command::Help => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            Command::References => None,
            Command::Review => command(Key::M),
            Command::NextStep => command(Key::PageDown),
            Command::PreviousStep => command(Key::PageUp),
            Command::Portfolio => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::P,
            )),
            Command::Merge | Command::Contribute => None,
        }
    }

    /// The tooltip followed by the shortcut, as egui writes it on this platform.
    pub fn hover_text(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut() {
            Some(shortcut) => format!(
                "{} ({})",
                self.tooltip(lang),
                ctx.format_shortcut(&shortcut)
            ),
            None => self.tooltip(lang).to_owned(),
        }
    }
}
