//! The open document and everything that happens to it, for the command line and the app alike:
//! opening any kind of file, saving (never over a file that is not a readable project), recovery
//! copies, the "open elsewhere" marker, the evidence re-check, the engine's report, one
//! export pipeline for the dossier, the derived documents and the CNIL PIA file, and the camera
//! inventory to and from CSV.
//!
//! No egui here: the app keeps a `Session` and shows it; its dossier export runs
//! [`ExportJob::run`] on a background thread.

pub mod camera_csv;
pub mod circuit;
pub mod contribution;
pub mod export;
pub mod file_kind;
pub mod geo_positions;
pub mod georef;
pub mod logo;
pub mod merge;
pub mod plan_background;
mod prepared;
pub mod read;
pub mod recovery;
pub mod rule_book;
pub mod save;
pub mod versions;

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// When checking the evidence documents must stop (a deadline, a cancel flag).
pub use crate::storage::autosave::{
    pending_recovery, INTERVAL_SECONDS as AUTOSAVE_INTERVAL_SECONDS,
    QUIET_SECONDS as AUTOSAVE_QUIET_SECONDS,
};
pub use crate::storage::camera_csv::{CameraField, ImportPreview};
pub use crate::storage::evidence::Budget as EvidenceBudget;
pub use crate::storage::write_atomic;
pub use camera_csv::CsvImport;
pub use circuit::CircuitError;
pub use export::{ExportError, ExportJob, ExportKind, Exported, Format};
pub use file_kind::FileKind;
pub use read::{read, read_as, read_assessment, OpenError, Read};
pub use recovery::RecoveryOffer;
pub use save::SaveFailure;

use crate::interop::pia::PiaWarning;
use crate::knowledge::KnowledgeBase;
use crate::model::evidence::EvidenceStatus;
use crate::model::{Assessment, Date, EvidenceId};
use crate::rules::{self, Report};
use crate::storage::{evidence, lock};

/// One open assessment.
pub struct Session {
    /// The assessment being edited; the app edits its fields in place.
    pub assessment: Assessment,
    /// The project file saves go to; `None` until first saved (and for a dossier PDF or a PIA
    /// export, which open untitled).
    path: Option<PathBuf>,
    /// The assessment as last saved or opened: what "unsaved changes" compares against.
    saved: Assessment,
    /// The assessment `report` was computed for.
    evaluated: Assessment,
    report: Report,
    /// Changes at each evaluation, unique across sessions ([`Session::revision`]).
    revision: u64,
    kb: Arc<KnowledgeBase>,
    /// The reference date of the rules.
    today: Date,
    /// What became of each attached document on disk, checked on open, save and attach.
    evidence: Vec<(EvidenceId, EvidenceStatus)>,
    /// Where the recovery copy of an untitled assessment goes (the user's data folder).
    untitled_recovery_dir: Option<PathBuf>,
    /// The recovery copy this session wrote, if any: removed once the work is saved, discarded
    /// or back to its saved state.
    recovery_written: Option<PathBuf>,
    /// True when this session marks its file as open (the app does; the command line does not).
    holds_marker: bool,
    /// The texts of the versions this session knows by SHA-256: the last one rebuilt at opening,
    /// and each validated since. The in-memory edit script of the last version is only brought
    /// up to date when written (save, autosave), and undo may bring back an earlier last
    /// version: the text is therefore looked up by the last version's hash, never rebuilt from
    /// the in-memory script.
    version_texts: std::collections::HashMap<String, String>,
    /// Why the file's versions could not be rebuilt, when they could not (they were dropped;
    /// the current content is intact).
    history_warning: Option<(crate::storage::history::HistoryError, usize)>,
    /// The file the assessment was read from, whatever its kind (a project, a dossier PDF, a PIA
    /// export): an export never writes over it.
    source_file: Option<PathBuf>,
    /// The name set on this computer, recorded at each save as the author of what it carries
    /// (empty: nothing recorded).
    author: String,
}

/// A session opened from a file, with what the opening had to say.
pub struct Opened {
    /// The session on the file's assessment: titled for a project, untitled otherwise.
    pub session: Session,
    /// What kind of file it was.
    pub kind: FileKind,
    /// What a PIA import could not take over cleanly.
    pub warnings: Vec<PiaWarning>,
}

impl Session {
    /// A session on `assessment`, whose file is `path` (`None`: untitled). Evidence is checked
    /// beside `path` and the report computed.
    pub fn new(
        assessment: Assessment,
        path: Option<PathBuf>,
        kb: Arc<KnowledgeBase>,
        today: Date,
    ) -> Session {
        Session::new_within(assessment, path, kb, today, evidence::Budget::default())
    }

    /// [`Session::new`] whose evidence check stops when `budget` is spent (the documents not
    /// read then are `NotChecked`): what the portfolio uses, so « Arrêter » and its time per
    /// file hold inside a file that points at large documents.
    pub fn new_within(
        assessment: Assessment,
        path: Option<PathBuf>,
        kb: Arc<KnowledgeBase>,
        today: Date,
        budget: evidence::Budget<'_>,
    ) -> Session {
        let mut assessment = assessment;
        // A history that does not rebuild is dropped with a warning: never the current work.
        let (latest_version, history_warning) = match crate::storage::history::latest(&assessment) {
            Ok(text) => (text, None),
            Err(error) => {
                let dropped = assessment.history.versions.len();
                assessment.history.versions.clear();
                (None, Some((error, dropped)))
            }
        };
        let evidence = verify_evidence(path.as_deref(), &assessment, budget);
        let report = rules::evaluate(&assessment, &kb, today)
            .with_evidence(&assessment, &kb, &evidence)
            .with_broken_history(&kb, history_warning.as_ref().map(|(_, n)| *n));
        Session {
            saved: assessment.clone(),
            evaluated: assessment.clone(),
            assessment,
            path,
            report,
            revision: next_revision(),
            kb,
            today,
            evidence,
            untitled_recovery_dir: None,
            source_file: None,
            recovery_written: None,
            holds_marker: false,
            version_texts: latest_version
                .map(|text| (crate::storage::history::sha256_hex(&text), text))
                .into_iter()
                .collect(),
            history_warning,
            author: String::new(),
        }
    }

    /// The name recorded as the author of the changes the next saves carry.
    pub fn set_author(&mut self, name: &str) {
        name.trim().clone_into(&mut self.author);
    }

    /// Opens the file at `path`: a project opens titled, a dossier PDF or a PIA export untitled.
    pub fn open(path: &Path, kb: Arc<KnowledgeBase>, today: Date) -> Result<Opened, OpenError> {
        Session::open_within(path, kb, today, evidence::Budget::default())
    }

    /// [`Session::open`] whose evidence check stops when `budget` is spent.
    pub fn open_within(
        path: &Path,
        kb: Arc<KnowledgeBase>,
        today: Date,
        budget: evidence::Budget<'_>,
    ) -> Result<Opened, OpenError> {
        let Read {
            assessment,
            kind,
            warnings,
        } = read(path, &kb)?;
        let titled = kind.is_project().then(|| path.to_owned());
        let mut session = Session::new_within(assessment, titled, kb, today, budget);
        session.source_file = Some(path.to_owned());
        Ok(Opened {
            session,
            kind,
            warnings,
        })
    }

    /// The last validated version, read back from the file's history.
    pub fn latest_version(&self) -> Option<Assessment> {
        let text = self.latest_version_text()?;
        crate::storage::parse_text(text, Path::new("version")).ok()
    }

    /// The last validated version's text, as recorded in the file's history.
    pub fn latest_version_text(&self) -> Option<&str> {
        let last = self.assessment.history.versions.last()?;
        self.version_texts.get(&last.sha256).map(String::as_str)
    }

    /// `a` with its last version's edit script starting from its current content, as written to
    /// a file (save or recovery copy).
    fn with_fresh_history(
        &self,
        mut a: crate::model::Assessment,
    ) -> Result<crate::model::Assessment, String> {
        if let Some(last) = a.history.versions.last() {
            let latest = self
                .version_texts
                .get(&last.sha256)
                .ok_or_else(|| format!("version {}: its text is not known", last.number))?
                .clone();
            crate::storage::history::refresh_last_patch(&mut a, &latest)
                .map_err(|e| e.to_string())?;
        }
        Ok(a)
    }

    /// Why the file's versions were dropped at opening, if they were.
    pub fn history_warning(&self) -> Option<&crate::storage::history::HistoryError> {
        self.history_warning.as_ref().map(|(error, _)| error)
    }

    /// The project file, if the assessment has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The engine's report on the assessment as of the last [`Session::refresh`].
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The knowledge base.
    pub fn kb(&self) -> &Arc<KnowledgeBase> {
        &self.kb
    }

    /// The reference date of the rules and documents.
    pub fn today(&self) -> Date {
        self.today
    }

    /// What became of each attached document on disk.
    pub fn evidence_statuses(&self) -> &[(EvidenceId, EvidenceStatus)] {
        &self.evidence
    }

    /// The assessment to edit, beside what the views read while editing it.
    pub fn edit_view(&mut self) -> (&mut Assessment, EditView<'_>) {
        (
            &mut self.assessment,
            EditView {
                kb: &self.kb,
                report: &self.report,
                evidence: &self.evidence,
                today: self.today,
                project_file: self.path.as_deref(),
            },
        )
    }

    /// True when the assessment differs from its file (or from what was opened).
    pub fn is_dirty(&self) -> bool {
        self.assessment != self.saved
    }

    /// The number of the newest version validated since the file was last saved (or opened):
    /// what « don't save » would lose, which the unsaved-changes prompt names.
    pub fn unsaved_validation(&self) -> Option<&str> {
        let versions = &self.assessment.history.versions;
        (versions.len() > self.saved.history.versions.len())
            .then(|| versions.last().map(|v| v.number.as_str()))
            .flatten()
    }

    /// True when the content differs from the last validated version's (an edit since the
    /// validation, saved or not); false without a validated version.
    pub fn changed_since_validation(&self) -> bool {
        let Some(last) = self.assessment.history.versions.last() else {
            return false;
        };
        crate::storage::history::content_text(&self.assessment)
            .is_ok_and(|text| crate::storage::history::sha256_hex(&text) != last.sha256)
    }

    /// Recomputes the report when the assessment changed since the last computation; true when
    /// it had (an edit since the last call).
    pub fn refresh(&mut self) -> bool {
        if self.assessment != self.evaluated {
            self.recompute();
            return true;
        }
        false
    }

    /// Judges the assessment on another day (the app's clock passed midnight): the report is
    /// recomputed when the day changes.
    pub fn set_today(&mut self, today: Date) {
        if today != self.today {
            self.today = today;
            self.recompute();
        }
    }

    /// Checks every attached document on disk (hash and presence), then recomputes the report.
    pub fn check_evidence(&mut self) {
        self.evidence = verify_evidence(
            self.path.as_deref(),
            &self.assessment,
            evidence::Budget::default(),
        );
        self.recompute();
    }

    fn recompute(&mut self) {
        self.report = rules::evaluate(&self.assessment, &self.kb, self.today)
            .with_evidence(&self.assessment, &self.kb, &self.evidence)
            .with_broken_history(&self.kb, self.history_warning.as_ref().map(|(_, n)| *n));
        self.evaluated = self.assessment.clone();
        self.revision = next_revision();
    }

    /// A number that changes whenever the assessment is evaluated again (after an edit, an
    /// undo, a new day, an evidence check) and that no other session shares: what a view keys
    /// a cache of the assessment's content on.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks the file as open by this process, and returns the process that already held it
    /// open, if one still runs (the app warns; both windows keep working).
    pub fn hold_marker(&mut self) -> Option<u32> {
        self.holds_marker = true;
        let path = self.path.clone()?;
        let other = lock::held_by_other(&path);
        lock::acquire(&path);
        other
    }

    /// Removes this process's marker (closing the document or quitting).
    pub fn release_marker(&mut self) {
        if let Some(path) = &self.path {
            if self.holds_marker {
                lock::release(path);
            }
        }
        self.holds_marker = false;
    }

    /// Attaches a document to the evidence locker: hashed now, its path kept relative to the
    /// project file. The project must have a file.
    pub fn attach_evidence(
        &mut self,
        file: &Path,
        kind: crate::model::EvidenceKind,
        description: &str,
    ) -> Result<EvidenceId, AttachError> {
        // Untitled work keeps the document's absolute path; saving makes it relative.
        let attached = evidence::attach(self.path.as_deref(), file, kind, description, self.today)
            .map_err(|source| AttachError::Io {
                path: file.to_owned(),
                source,
            })?;
        crate::edit::apply(
            &mut self.assessment,
            &self.kb,
            &crate::edit::Edit::AddEvidence(attached),
        );
        // The edit numbers the document (EV-01, EV-02…): its id is the last one's.
        let id = self
            .assessment
            .evidence
            .last()
            .map(|e| e.evidence_id.clone())
            .unwrap_or_default();
        self.check_evidence();
        Ok(id)
    }

    /// Sets where untitled recovery copies go (the app passes the user's data folder).
    pub fn set_untitled_recovery_dir(&mut self, dir: Option<PathBuf>) {
        self.untitled_recovery_dir = dir;
    }

    /// Ends the session: its file marker is removed, and so is its recovery copy when the work
    /// is saved or was brought back to its saved state (a copy of unsaved work stays for the
    /// next start to offer).
    pub fn close(&mut self) {
        if !self.is_dirty() {
            if let Some(written) = self.recovery_written.take() {
                std::fs::remove_file(written).ok();
            }
        }
        self.release_marker();
    }

    /// Writes an export of the current assessment (see [`ExportJob`]).
    pub fn export(&self, kind: ExportKind, output: &Path) -> Result<Exported, ExportError> {
        self.export_job(kind, output).run()
    }

    /// Everything an export needs, taken from the session now, to run here or on another thread.
    /// The format follows the output's extension (PDF when it names none); `in_format` changes it.
    pub fn export_job(&self, kind: ExportKind, output: &Path) -> ExportJob {
        // As written to a file: the project attached to the dossier carries a history that
        // rebuilds, and the changes annex starts from the right text.
        let assessment = self
            .with_fresh_history(self.assessment.clone())
            .unwrap_or_else(|_| self.assessment.clone());
        ExportJob {
            assessment,
            report: self.report.clone(),
            kb: Arc::clone(&self.kb),
            today: self.today,
            lang: self.assessment.project.dossier_language,
            kind,
            format: Format::of_output(output, None),
            output: output.to_owned(),
            branding: None,
            project_file: self.path.clone(),
            source_file: self.source_file.clone(),
        }
    }

    /// Draws `plan` on the picture at `file`, `sides` pixels (read by
    /// `plan_background::for_screen`): the picture joins the evidence locker as a site plan
    /// (hashed now, its path relative to the project file) and becomes the plan's background.
    pub fn set_plan_background(
        &mut self,
        plan: &crate::model::PlanId,
        file: &Path,
        sides: (u32, u32),
    ) -> Result<EvidenceId, AttachError> {
        let title = self
            .assessment
            .plans
            .iter()
            .find(|p| &p.plan_id == plan)
            .map(|p| {
                if p.title.trim().is_empty() {
                    p.plan_id.to_string()
                } else {
                    p.title.trim().to_owned()
                }
            })
            .unwrap_or_default();
        let id = self.attach_evidence(file, crate::model::EvidenceKind::SitePlan, &title)?;
        crate::edit::apply(
            &mut self.assessment,
            &self.kb,
            &crate::edit::Edit::SetPlanBackground(plan.clone(), Some(id.clone()), sides.0, sides.1),
        );
        Ok(id)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.release_marker();
    }
}

/// The attached documents checked beside the project file; none for an untitled assessment,
/// whose relative paths have nothing to be relative to.
fn verify_evidence(
    path: Option<&Path>,
    a: &Assessment,
    budget: evidence::Budget<'_>,
) -> Vec<(EvidenceId, EvidenceStatus)> {
    match path {
        Some(path) => evidence::verify_within(path, &a.evidence, budget),
        // Untitled: only documents attached by their absolute path can be checked (relative
        // ones have nothing to be relative to yet).
        None => {
            let absolute: Vec<_> = a
                .evidence
                .iter()
                .filter(|e| Path::new(&e.path).is_absolute())
                .cloned()
                .collect();
            evidence::verify_within(Path::new(""), &absolute, budget)
        }
    }
}

/// What the views read while the assessment is borrowed for editing.
pub struct EditView<'a> {
    /// The session's knowledge base, for labels and help beside the fields.
    pub kb: &'a KnowledgeBase,
    /// The report as of the last refresh.
    pub report: &'a Report,
    /// What became of each attached document on disk.
    pub evidence: &'a [(EvidenceId, EvidenceStatus)],
    /// The day the session checks against: the calendar opens on it.
    pub today: Date,
    /// The project file (`None`: untitled), which evidence paths are relative to.
    pub project_file: Option<&'a Path>,
}

/// Why a document could not be attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The document could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The document that could not be read.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

/// The reference date default: today on this machine (local time, UTC if the offset is unknown).
pub fn today_local() -> Date {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    Date::from(now.date())
}

/// What the app opens on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The start screen (recent files, new, open, the example), or the last project when the
    /// user's setting says so.
    StartScreen,
    /// A new, empty assessment.
    New,
    /// The bundled fictional example.
    Example,
    /// This file.
    File(std::path::PathBuf),
}

/// A new [`Session::revision`].
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
