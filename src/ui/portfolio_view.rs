//! The portfolio view's state, kept while the user works on an assessment so that coming back
//! finds it as it was: the folder, the rows read so far, sort, filter, selection, and the scan
//! running on background threads (progress, stop). Drawn by `ui::portfolio`.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use crate::knowledge::KnowledgeBase;
use crate::model::Date;
use crate::portfolio::table::{self, Show, Sort};
use crate::portfolio::{Cache, Entry, Output, Progress, ScanEnd};

/// What the scanning threads send to the view.
enum ScanMessage {
    /// One more row.
    Entry(Entry),
    /// The scan ended (cancelled or not), or the folder could not be read.
    Finished(Result<ScanEnd, String>),
}

/// A scan under way.
struct Scan {
    progress: Arc<Progress>,
    receiver: Receiver<ScanMessage>,
}

/// The portfolio's state, kept while the user works on an assessment so that coming back finds
/// it as it was.
#[derive(Default)]
pub struct PortfolioView {
    /// The folder scanned, once one was chosen.
    pub folder: Option<PathBuf>,
    /// The folder as typed in its box.
    pub folder_text: String,
    /// The rows read so far.
    pub entries: Vec<Entry>,
    /// Files that hold no assessment.
    pub ignored: usize,
    /// Why the folder could not be read, if it could not.
    pub error: Option<String>,
    /// How the table is sorted.
    pub sort: Sort,
    /// Which rows are shown.
    pub show: Show,
    /// The search text.
    pub query: String,
    /// The selected row's file.
    pub selected: Option<PathBuf>,
    /// Where the report, calendar and CSV are written (the extension is the form's).
    pub output_text: String,
    /// True when the last scan was stopped before the end.
    pub was_cancelled: bool,
    scan: Option<Scan>,
    cache: Arc<Mutex<Cache>>,
    /// The rows shown, in order (indices of `entries`); `None` when it must be computed again.
    order: Option<Vec<usize>>,
}

impl std::fmt::Debug for PortfolioView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PortfolioView")
            .field("folder", &self.folder)
            .field("entries", &self.entries.len())
            .field("sort", &self.sort)
            .field("show", &self.show)
            .field("query", &self.query)
            .field("is_scanning", &self.is_scanning())
            .finish_non_exhaustive()
    }
}

impl PortfolioView {
    /// True while files are being read.
    pub fn is_scanning(&self) -> bool {
        self.scan.is_some()
    }

    /// (files read, files to read) of the scan under way.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.scan.as_ref().map(|scan| {
            use std::sync::atomic::Ordering;
            (
                scan.progress.done.load(Ordering::Relaxed),
                scan.progress.total.load(Ordering::Relaxed),
            )
        })
    }

    /// Starts scanning `folder` (a scan under way is stopped first). Unchanged files are taken
    /// from the last scan's results.
    pub fn start(
        &mut self,
        folder: PathBuf,
        kb: Arc<KnowledgeBase>,
        today: Date,
        ctx: &egui::Context,
    ) {
        self.cancel();
        if self.folder.as_deref() != Some(folder.as_path()) {
            self.cache = Arc::default();
            self.selected = None;
        }
        self.folder_text = folder.display().to_string();
        self.folder = Some(folder.clone());
        self.entries.clear();
        self.ignored = 0;
        self.error = None;
        self.was_cancelled = false;
        self.order = None;
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let cache = Arc::clone(&self.cache);
        let shared = Arc::clone(&progress);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let sink = |entry| {
                let _ = sender.send(ScanMessage::Entry(entry));
                ctx.request_repaint();
            };
            let end = crate::portfolio::scan(
                &folder,
                &kb,
                today,
                crate::portfolio::cores(),
                &shared,
                &cache,
                &sink,
            );
            let _ = sender.send(ScanMessage::Finished(end.map_err(|e| e.to_string())));
            ctx.request_repaint();
        });
        self.scan = Some(Scan { progress, receiver });
    }

    /// Scans the same folder again (files unchanged since are not read again).
    pub fn refresh(&mut self, kb: Arc<KnowledgeBase>, today: Date, ctx: &egui::Context) {
        if let Some(folder) = self.folder.clone() {
            self.start(folder, kb, today, ctx);
        }
    }

    /// Stops the scan under way: the files being read are finished, no other is started.
    pub fn cancel(&mut self) {
        if let Some(scan) = &self.scan {
            scan.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Takes in what the scanning threads sent since the last frame.
    pub fn poll(&mut self) {
        let Some(scan) = &self.scan else { return };
        let mut finished = None;
        for message in scan.receiver.try_iter() {
            match message {
                ScanMessage::Entry(entry) => {
                    self.entries.push(entry);
                    // A dossier PDF joins the row of its project as soon as both are read.
                    self.entries = crate::portfolio::fold_copies(std::mem::take(&mut self.entries));
                    self.order = None;
                }
                ScanMessage::Finished(end) => finished = Some(end),
            }
        }
        if let Some(end) = finished {
            match end {
                Ok(end) => {
                    self.ignored = end.ignored;
                    self.was_cancelled = end.cancelled;
                }
                Err(error) => self.error = Some(error),
            }
            self.scan = None;
        }
    }

    /// The rows shown, in order.
    pub fn rows(&mut self, today: Date) -> &[usize] {
        let entries = &self.entries;
        let (show, query, sort) = (self.show, self.query.as_str(), self.sort);
        self.order
            .get_or_insert_with(|| table::rows(entries, today, show, query, sort))
    }

    /// Forgets the row order (after a change of sort, filter or search).
    pub(super) fn reorder(&mut self) {
        self.order = None;
    }

    /// The output path for `output`: the box's path with the output's extension.
    pub fn output_path(&self, output: Output) -> Option<PathBuf> {
        let text = self.output_text.trim();
        (!text.is_empty()).then(|| Path::new(text).with_extension(output.extension()))
    }
}

/// The default stem of the portfolio's outputs: « portefeuille-aipd-DATE » in the home folder.
pub fn default_output(today: Date) -> PathBuf {
    super::file_picker::home().join(format!("portefeuille-aipd-{}.pdf", today.iso()))
}
