//! File dialogs, behind a trait so tests never open one. The system dialog (rfd: the desktop
//! portal, else zenity) runs on a background thread, so a dialog that never answers cannot
//! freeze the app; when none can be shown, the app's own picker (`file_picker`) opens instead,
//! and the typed-path field of the prompt always works.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What the dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Choose a project (or a dossier PDF) to open.
    Open,
    /// Choose where to save the project.
    SaveProject,
    /// Choose where to write the dossier (PDF, ODT, DOCX or text: the extension chooses).
    SavePdf,
    /// Choose the folder of the portfolio.
    PortfolioFolder,
    /// Choose where to write the portfolio's report, calendar and table.
    SavePortfolio,
    /// Choose a copy to merge into the assessment.
    MergeCopy,
    /// Choose where to write a contributor's copy.
    SaveContribution,
}

/// What a dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickOutcome {
    /// The user chose this path.
    Picked(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown: the app offers its own picker.
    Unavailable,
}

/// A way to ask the user for a path.
pub trait FileDialogs: Send + Sync {
    /// The chosen path, a cancel, or that no dialog can be shown.
    fn pick(&self, purpose: &DialogPurpose) -> PickOutcome;
}

/// An answer faster than this without a path is no dialog at all (rfd answers `None` in about
/// 25 ms when there is neither a portal nor zenity), not a person cancelling.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// The desktop's dialogs, through rfd.
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    fn pick(&self, purpose: &DialogPurpose) -> PickOutcome {
        let started = std::time::Instant::now();
        let dialog = rfd::FileDialog::new();
        let picked = match purpose {
            DialogPurpose::Open => dialog
                .add_filter("Garde-fou (.aipd.ron, .pdf)", &["ron", "pdf"])
                .pick_file(),
            DialogPurpose::SaveProject => dialog
                .add_filter("Garde-fou (.aipd.ron)", &["ron"])
                .set_file_name("analyse.aipd.ron")
                .save_file(),
            DialogPurpose::SavePdf => dialog
                .add_filter("PDF", &["pdf"])
                .add_filter("OpenDocument", &["odt"])
                .add_filter("Word", &["docx"])
                .add_filter("Text", &["txt"])
                .set_file_name("dossier-aipd.pdf")
                .save_file(),
            DialogPurpose::PortfolioFolder => dialog.pick_folder(),
            DialogPurpose::SavePortfolio => dialog
                .add_filter("PDF", &["pdf"])
                .add_filter("iCalendar", &["ics"])
                .add_filter("CSV", &["csv"])
                .set_file_name("portefeuille-aipd.pdf")
                .save_file(),
            DialogPurpose::MergeCopy => dialog
                .add_filter("Garde-fou (.aipd.ron)", &["ron"])
                .pick_file(),
            DialogPurpose::SaveContribution => dialog
                .add_filter("Garde-fou (.aipd.ron)", &["ron"])
                .set_file_name("contribution.aipd.ron")
                .save_file(),
        };
        match picked {
            Some(path) => PickOutcome::Picked(path),
            None if started.elapsed() < NO_DIALOG_WITHIN => PickOutcome::Unavailable,
            None => PickOutcome::Cancelled,
        }
    }
}

/// No system dialog at all (tests, or a desktop without one): the app's own picker answers.
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick(&self, _purpose: &DialogPurpose) -> PickOutcome {
        PickOutcome::Unavailable
    }
}

/// What a dialog answered, for which purpose.
pub type Picked = (DialogPurpose, PickOutcome);

/// A dialog running in the background, and its answer once it comes.
#[derive(Clone, Default)]
pub struct PendingPick {
    answer: Arc<Mutex<Option<Picked>>>,
    is_open: Arc<Mutex<bool>>,
}

impl PendingPick {
    /// Opens the dialog on a background thread; the answer is taken with `take`.
    pub fn start(&self, dialogs: Arc<dyn FileDialogs>, purpose: DialogPurpose, ctx: egui::Context) {
        if let Ok(mut open) = self.is_open.lock() {
            if *open {
                return;
            }
            *open = true;
        }
        let answer = Arc::clone(&self.answer);
        let is_open = Arc::clone(&self.is_open);
        std::thread::spawn(move || {
            let picked = dialogs.pick(&purpose);
            if let Ok(mut slot) = answer.lock() {
                *slot = Some((purpose, picked));
            }
            if let Ok(mut open) = is_open.lock() {
                *open = false;
            }
            ctx.request_repaint();
        });
    }

    /// True while a dialog is showing.
    pub fn is_open(&self) -> bool {
        self.is_open.lock().map(|o| *o).unwrap_or(false)
    }

    /// The answer of a finished dialog, once.
    pub fn take(&self) -> Option<Picked> {
        self.answer.lock().ok().and_then(|mut a| a.take())
    }
}
