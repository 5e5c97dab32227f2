//! The file lifecycle of the app: a new session, open, save, the path prompt and the file
//! dialogs' answers, the export started in the background and announced, the recovery copy.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::util::undoer::Undoer;

use crate::i18n::{tr, tr_with};
use crate::messages;
use crate::session::export::default_dossier_path;
use crate::session::{ExportKind, Session};
use crate::ui::action::Action;
use crate::ui::export_state::ExportState;
use crate::ui::state::{Mode, Prompt};
use crate::ui::task::Task;
use crate::ui::{action, file_dialog, file_picker, GardefouApp};

impl GardefouApp {
    /// What follows a new session: the file marker, the warning when another window holds it,
    /// the recovery offer, the default export path, a fresh undo history.
    pub(in crate::ui) fn took_session(&mut self) {
        self.state.forget_project();
        if let Some(pid) = self.session.hold_marker() {
            let message = tr_with(
                self.lang(),
                "ui.open_elsewhere",
                &[("pid", &pid.to_string())],
            );
            self.set_status(message, true);
        }
        if let Some(offer) = self.session.pending_recovery() {
            self.state.prompt = Some(Prompt::Recovery { offer });
        }
        if let Some(warning) = self.session.history_warning() {
            let message = tr_with(
                self.lang(),
                "ui.history_dropped",
                &[("reason", &warning.to_string())],
            );
            self.set_status(message, true);
        }
        self.state.export_path = default_dossier_path(self.session.path())
            .display()
            .to_string();
        self.undoer = Undoer::default();
        self.state.mode = Mode::Wizard;
    }

    pub(in crate::ui) fn ask_path(
        &mut self,
        is_open: bool,
        text: String,
        then: Option<Box<Action>>,
    ) {
        self.state.prompt = Some(Prompt::Path {
            is_open,
            text,
            then,
        });
    }

    /// Opens a file in a new session; the current one is kept when the file cannot be read.
    pub(in crate::ui) fn open_path(&mut self, path: &Path) {
        let lang = self.lang();
        let kb = Arc::clone(self.session.kb());
        match Session::open(path, kb, self.session.today()) {
            Ok(opened) => self.took_opened(path, opened),
            Err(error) => self.set_status(messages::open_error(&error, lang), true),
        }
    }

    /// What follows a file opened by the session, from the app or from the command line: the
    /// file remembered, a status line, and what a PIA import could not take over, asked about.
    pub(in crate::ui) fn took_opened(&mut self, path: &Path, opened: crate::session::Opened) {
        let lang = self.lang();
        self.settings.remember(path);
        self.replace_session(opened.session);
        self.set_status(
            tr_with(lang, "ui.opened", &[("path", &path.display().to_string())]),
            false,
        );
        if !opened.warnings.is_empty() {
            self.state.prompt = Some(Prompt::ImportWarnings {
                messages: opened
                    .warnings
                    .iter()
                    .map(|w| messages::pia_warning(w, lang))
                    .collect(),
            });
        }
    }

    pub(in crate::ui) fn replace_session(&mut self, mut session: Session) {
        self.session.close();
        session.set_untitled_recovery_dir(self.recovery_dir.clone());
        self.session = session;
        self.took_session();
    }

    /// Saves to `path`, or to the session's file when `None`; true when saved.
    pub(in crate::ui) fn save_to(&mut self, path: Option<&Path>) -> bool {
        let lang = self.lang();
        // The changes this save carries are recorded under the name set on this computer.
        self.session.set_author(&self.settings.user_name);
        let result = match path {
            Some(path) => self.session.save_as(path),
            None => self.session.save(),
        };
        match result {
            Ok(saved) => {
                if path.is_some() {
                    self.state.export_path =
                        default_dossier_path(Some(&saved)).display().to_string();
                }
                self.settings.remember(&saved);
                self.state.last_autosave_label = None;
                self.set_status(
                    tr_with(
                        lang,
                        "ui.saved_to",
                        &[("path", &saved.display().to_string())],
                    ),
                    false,
                );
                true
            }
            Err(error) => {
                // The work stays in memory; the old file is untouched.
                self.set_status(messages::save_failure(&error, lang), true);
                false
            }
        }
    }

    /// Puts the path a background dialog chose where it belongs.
    pub(in crate::ui) fn take_picked_path(&mut self) {
        let Some((purpose, outcome)) = self.picker.take() else {
            return;
        };
        let path = match outcome {
            file_dialog::PickOutcome::Picked(path) => path,
            file_dialog::PickOutcome::Cancelled => return,
            file_dialog::PickOutcome::Unavailable => {
                let start = self
                    .session
                    .path()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
                    .filter(|p| p.is_dir())
                    .unwrap_or_else(file_picker::home);
                self.state.file_picker = Some(file_picker::InAppPicker::new(purpose, start));
                return;
            }
        };
        self.use_picked_path(purpose, path);
    }

    /// Puts a chosen path where its purpose wants it: the dossier's export path, or the path
    /// prompt's box.
    pub(in crate::ui) fn use_picked_path(
        &mut self,
        purpose: file_dialog::DialogPurpose,
        path: PathBuf,
    ) {
        let text = path.display().to_string();
        match (purpose, &mut self.state.prompt) {
            (file_dialog::DialogPurpose::PortfolioFolder, _) => {
                self.pending.push(Action::ScanPortfolio(path));
            }
            (file_dialog::DialogPurpose::SavePortfolio, _) => {
                self.state.portfolio.output_text = text;
            }
            (file_dialog::DialogPurpose::MergeCopy, _) => {
                if let Some(form) = self.state.merge.as_mut() {
                    form.path = text;
                }
                self.pending.push(Action::PrepareMerge(path));
            }
            (file_dialog::DialogPurpose::SaveContribution, _) => {
                if let Some(form) = self.state.contribution.as_mut() {
                    form.path = text;
                }
            }
            (file_dialog::DialogPurpose::SavePdf, _) => {
                if let Some(format) = crate::session::Format::from_path(&path) {
                    self.state.export_format = format;
                }
                self.state.export_path = text;
            }
            (_, Some(Prompt::Path { text: typed, .. })) => *typed = text,
            _ => {}
        }
    }

    /// Starts the dossier export on a background thread, with the dossier step's settings.
    pub(in crate::ui) fn start_export(
        &mut self,
        ctx: &egui::Context,
        without_logo: bool,
        replace_ok: bool,
    ) {
        let lang = self.lang();
        let format = self.state.export_format;
        let output = format.fit(PathBuf::from(self.state.export_path.trim()));
        if output.as_os_str().is_empty() {
            self.set_status(tr(lang, "ui.export_path_missing").to_owned(), true);
            return;
        }
        if self.state.export_task.is_some() {
            return;
        }
        // A file already there is replaced only once the user said so, knowing what it holds.
        if !replace_ok {
            if let Some(existing) = crate::session::export::existing_output(&output) {
                self.state.prompt = Some(Prompt::ReplaceDossier {
                    message: messages::existing_output(&output, &existing, lang),
                    replaces_full_with_public: self.state.export_public
                        && existing.is_full_dossier == Some(true),
                    without_logo,
                });
                return;
            }
        }
        // The logo is read before the export starts: if it cannot be used, the user decides.
        let Some(branding) = self.branding_for(action::ExportTarget::Dossier, without_logo) else {
            return;
        };
        self.state.export = ExportState::Running;
        self.state.export_announced = false;
        let kind = ExportKind::Dossier {
            is_public: self.state.export_public,
        };
        let job = self
            .session
            .export_job(kind, &output)
            .in_format(format)
            .with_branding(branding);
        self.state.export_task = Some(Task::spawn(ctx, move |_| match job.run() {
            Ok(exported) => ExportState::Done {
                pages: exported.pages.unwrap_or(0),
                format: exported.format.unwrap_or_default(),
                path: exported.path,
                bytes: exported.bytes,
            },
            Err(error) => ExportState::Failed(messages::export_error(&error, &output, lang)),
        }));
    }

    /// Says in the status bar what the last dossier export wrote, or why it failed, once it ends
    /// (Ctrl+E and the top bar export from any step, where the Dossier step's line is not seen).
    pub(in crate::ui) fn announce_export(&mut self) {
        if self.state.export_announced {
            return;
        }
        let done = Some(self.state.export.clone());
        let lang = self.lang();
        let message = match done {
            Some(ExportState::Done {
                path, pages, bytes, ..
            }) => {
                let path = path.display().to_string();
                let kb = (bytes / 1024).to_string();
                if pages > 0 {
                    (
                        tr_with(
                            lang,
                            "ui.exported",
                            &[("path", &path), ("pages", &pages.to_string()), ("kb", &kb)],
                        ),
                        false,
                    )
                } else {
                    (
                        tr_with(lang, "ui.exported_plain", &[("path", &path), ("kb", &kb)]),
                        false,
                    )
                }
            }
            Some(ExportState::Failed(message)) => (message, true),
            _ => return,
        };
        self.state.export_announced = true;
        self.set_status(message.0, message.1);
    }

    /// Keeps the recovery copy in step with the work: written a few seconds after the last
    /// edit (and every 30 s while edits go on), removed as soon as the assessment is back to its
    /// saved state.
    pub(in crate::ui) fn autosave(&mut self, now: f64) {
        if self.is_dirty() {
            let Some(edited) = self.state.last_edit else {
                return;
            };
            let written_since = self.state.last_autosave.is_some_and(|t| t >= edited);
            let quiet = now - edited >= crate::session::AUTOSAVE_QUIET_SECONDS;
            let overdue = self
                .state
                .last_autosave
                .is_none_or(|t| now - t >= crate::session::AUTOSAVE_INTERVAL_SECONDS);
            if written_since || !(quiet || overdue) {
                return;
            }
            self.state.last_autosave = Some(now);
        } else if !self.session.has_recovery_copy() {
            return;
        }
        match self.session.autosave() {
            Ok(Some(_)) => {
                let now = time::OffsetDateTime::now_local()
                    .unwrap_or_else(|_| time::OffsetDateTime::now_utc());
                self.state.last_autosave_label =
                    Some(format!("{:02}:{:02}", now.hour(), now.minute()));
            }
            Ok(None) => {
                self.state.last_autosave = None;
                self.state.last_autosave_label = None;
            }
            Err(error) => self.set_status(messages::save_error(&error, self.lang()), true),
        }
    }
}
