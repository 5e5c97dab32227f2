//! The portfolio: every assessment below a folder at a glance. [`scan`] walks the folder
//! (`walk`), reads each file that may hold an assessment through the session layer (a project
//! file, the project attached to a dossier PDF, a CNIL PIA export), evaluates it with the rule
//! engine and sums it up as an [`Entry`]: organisation, title, status, verdict, blocking and
//! high findings, deadlines. Files are read on every core, and each entry is handed over as soon
//! as it is ready, so the app's table fills while the scan goes on. A file that cannot be read
//! is an entry with its problem, never left out; scanning writes nothing.
//!
//! What the entries become: `table` (sorting and filtering, for the app and the command line),
//! `csv`, `ics` (the deadlines as iCalendar events) and `report` (the PDF report's document
//! model).

pub mod csv;
pub mod ics;
pub mod report;
pub mod table;
pub mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::{Date, ProjectStatus};
use crate::pdf::reopen::ReopenError;
use crate::rules::deadlines::{self, Deadline, Urgency};
use crate::rules::{Severity, Verdict};
use crate::session::{EvidenceBudget as Budget, FileKind, OpenError, Session};

pub use walk::{Candidate, WalkProblem};

/// What one assessment of the portfolio says.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The kind of file it was read from.
    pub kind: FileKind,
    /// The controller (`project.organisation`).
    pub organisation: String,
    /// The assessment's title.
    pub title: String,
    /// Its version label.
    pub version: String,
    /// Where it stands in the review circuit.
    pub status: ProjectStatus,
    /// The content changed since its last validated version (« Validée, modifiée depuis »).
    pub modified_since_validation: bool,
    /// The screening's verdict.
    pub verdict: Verdict,
    /// Blocking findings.
    pub blocking: usize,
    /// High findings.
    pub high: usize,
    /// Percent of the required answers given.
    pub completeness: u8,
    /// Cameras in the inventory.
    pub cameras: usize,
    /// The authorisation's expiry, when its grant date is known.
    pub expires_on: Option<Date>,
    /// The day the renewal must be filed from, unless it has been filed.
    pub renewal_due_on: Option<Date>,
    /// The next review.
    pub review_due_on: Option<Date>,
    /// Every deadline, soonest first (the engine's `rules::deadlines`).
    pub deadlines: Vec<Deadline>,
    /// The blocking and high findings, most severe first.
    pub findings: Vec<FindingLine>,
    /// What identifies the assessment across files and scans (organisation, title, day it was
    /// started): the seed of its calendar events' UIDs.
    pub identity: String,
}

/// A blocking or high finding, as the portfolio report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingLine {
    /// The rule's id.
    pub rule_id: String,
    /// Blocking or high.
    pub severity: Severity,
    /// The finding's title.
    pub title: Bilingual,
}

impl Summary {
    /// The status in words: « Validée », or « Validée, modifiée depuis » when the content
    /// changed after the validation (`enum.status.*` keys of either catalogue's `t`).
    pub fn status_text(&self, t: impl Fn(&str) -> String) -> String {
        let status = t(&format!("enum.status.{:?}", self.status));
        if self.modified_since_validation && self.status == ProjectStatus::Validated {
            t("portfolio.status_modified_since")
        } else {
            status
        }
    }

    /// « organisation — title », or whichever of the two is given, or « — ».
    pub fn name(&self) -> String {
        match (self.organisation.is_empty(), self.title.is_empty()) {
            (false, false) => format!("{} — {}", self.organisation, self.title),
            (true, false) => self.title.clone(),
            (false, true) => self.organisation.clone(),
            (true, true) => "—".to_owned(),
        }
    }

    /// The deadline to act on first, seen from `today`: the earliest of those passed, else the
    /// earliest due within 60 days; `None` when nothing is close.
    pub fn most_urgent(&self, today: Date) -> Option<&Deadline> {
        let of = |urgency| self.deadlines.iter().find(|d| d.urgency(today) == urgency);
        of(Urgency::Overdue).or_else(|| of(Urgency::DueSoon))
    }

    /// The most urgent of the deadlines seen from `today`, if any.
    pub fn urgency(&self, today: Date) -> Option<Urgency> {
        self.deadlines.iter().map(|d| d.urgency(today)).min()
    }

    /// Days from `today` to the authorisation's expiry.
    pub fn days_left(&self, today: Date) -> Option<i64> {
        self.expires_on.map(|d| today.days_until(d))
    }
}

/// Why an entry could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file did not open (the session's error: too large, not UTF-8, syntax, newer format,
    /// damaged PDF, unreadable JSON…).
    #[error(transparent)]
    Open(#[from] OpenError),
    /// The walk could not go there (an unreadable folder, a loop, a special file).
    #[error(transparent)]
    Walk(#[from] WalkProblem),
}

/// One row of the portfolio: a file and what it says, or why it could not be read.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file (or the folder a walk problem concerns).
    pub path: PathBuf,
    /// Its path below the portfolio's folder, `/`-separated.
    pub relative: String,
    /// When it was last modified, when the system says.
    pub modified: Option<SystemTime>,
    /// Its size in bytes (0 for a folder).
    pub size: u64,
    /// The summary, or the problem.
    pub outcome: Result<Arc<Summary>, Arc<Problem>>,
    /// Dossier PDFs of this same assessment found in the folder (their attached project has
    /// its identity): shown in its row, not as assessments of their own ([`fold_copies`]).
    pub copies: Vec<Copy>,
}

/// A dossier PDF folded into the row of the project it was exported from.
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    /// Its path below the portfolio's folder, `/`-separated.
    pub relative: String,
    /// When it was last modified.
    pub modified: Option<SystemTime>,
    /// The version label its attached project carries.
    pub version: String,
}

/// Folds each dossier PDF into the row of the project file of the same assessment (same
/// organisation, title and day started): a project and the dossier exported from it are one
/// assessment, counted once, its row naming both files. A PDF whose project is not in the
/// folder stays a row of its own; two project files are never folded (copies edited apart
/// are two assessments until merged). The project in the PDF's own folder is preferred.
pub fn fold_copies(entries: Vec<Entry>) -> Vec<Entry> {
    let identity = |e: &Entry| {
        e.summary()
            .filter(|s| !s.organisation.is_empty() || !s.title.is_empty())
            .map(|s| (s.kind, s.identity.clone()))
    };
    let folder = |relative: &str| relative.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
    let mut entries = entries;
    let mut folded = vec![false; entries.len()];
    for pdf in 0..entries.len() {
        let Some((FileKind::DossierPdf, id)) = identity(&entries[pdf]) else {
            continue;
        };
        let projects: Vec<usize> = (0..entries.len())
            .filter(|&i| identity(&entries[i]) == Some((FileKind::Project, id.clone())))
            .collect();
        let here = folder(&entries[pdf].relative);
        let Some(&project) = projects
            .iter()
            .find(|&&i| folder(&entries[i].relative) == here)
            .or_else(|| projects.first())
        else {
            continue;
        };
        let copy = Copy {
            relative: entries[pdf].relative.clone(),
            modified: entries[pdf].modified,
            version: entries[pdf]
                .summary()
                .map(|s| s.version.clone())
                .unwrap_or_default(),
        };
        entries[project].copies.push(copy);
        folded[pdf] = true;
    }
    entries
        .into_iter()
        .zip(folded)
        .filter(|(_, is_folded)| !is_folded)
        .map(|(entry, _)| entry)
        .collect()
}

impl Entry {
    /// The summary, when the file was read.
    pub fn summary(&self) -> Option<&Summary> {
        self.outcome.as_ref().ok().map(Arc::as_ref)
    }

    /// The problem, when it was not.
    pub fn problem(&self) -> Option<&Problem> {
        self.outcome.as_ref().err().map(Arc::as_ref)
    }
}

/// A whole scan's result.
#[derive(Clone, Debug)]
pub struct Portfolio {
    /// The folder scanned.
    pub root: PathBuf,
    /// The day the assessments were evaluated at.
    pub today: Date,
    /// Every row, by relative path.
    pub entries: Vec<Entry>,
    /// Files with an assessment's extension that hold none (a public dossier, a register entry,
    /// another JSON file).
    pub ignored: usize,
}

impl Portfolio {
    /// The rows that were read.
    pub fn summaries(&self) -> impl Iterator<Item = (&Entry, &Summary)> {
        self.entries
            .iter()
            .filter_map(|e| e.summary().map(|s| (e, s)))
    }

    /// True when any assessment has a blocking finding.
    pub fn has_blocking(&self) -> bool {
        self.summaries().any(|(_, s)| s.blocking > 0)
    }
}

/// How far a scan has gone, shared with whoever shows it; `cancel` stops it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read (known once the folder has been walked).
    pub total: AtomicUsize,
    /// Files read so far.
    pub done: AtomicUsize,
    /// Set to stop the scan; the files being read are finished, no other is started.
    pub cancel: AtomicBool,
}

impl Progress {
    /// True once cancel was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What an earlier scan read, so a refresh re-reads only the files that changed (same path,
/// modification time and size, same day: the same entry).
#[derive(Clone, Debug, Default)]
pub struct Cache {
    today: Option<Date>,
    files: HashMap<PathBuf, (Option<SystemTime>, u64, Option<Entry>)>,
}

impl Cache {
    fn get(&self, path: &Path, modified: Option<SystemTime>, size: u64) -> Option<Option<Entry>> {
        let (m, s, entry) = self.files.get(path)?;
        (modified.is_some() && *m == modified && *s == size).then(|| entry.clone())
    }
}

/// What a scan did beside its entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScanEnd {
    /// Files that hold no assessment.
    pub ignored: usize,
    /// True when it was cancelled before reading every file.
    pub cancelled: bool,
}

/// Scans `root`: walks it, then reads and evaluates each candidate on `threads` threads (at
/// least one), handing each entry to `sink` as soon as it is ready (in no particular order).
/// Fails only when `root` cannot be listed. `cache` is read for unchanged files and updated.
pub fn scan(
    root: &Path,
    kb: &Arc<KnowledgeBase>,
    today: Date,
    threads: usize,
    progress: &Progress,
    cache: &Mutex<Cache>,
    sink: &(dyn Fn(Entry) + Sync),
) -> std::io::Result<ScanEnd> {
    let found = walk::walk(root)?;
    for blocked in found.blocked {
        sink(Entry {
            path: blocked_path(&blocked.problem),
            relative: blocked.relative,
            modified: None,
            size: 0,
            outcome: Err(Arc::new(Problem::Walk(blocked.problem))),
            copies: Vec::new(),
        });
    }
    if let Ok(mut cache) = cache.lock() {
        if cache.today != Some(today) {
            *cache = Cache {
                today: Some(today),
                files: HashMap::new(),
            };
        }
    }
    let candidates = found.candidates;
    progress.total.store(candidates.len(), Ordering::Relaxed);
    let next = AtomicUsize::new(0);
    let ignored = AtomicUsize::new(0);
    let work = || loop {
        if progress.is_cancelled() {
            break;
        }
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(candidate) = candidates.get(index) else {
            break;
        };
        let entry = read_cached(candidate, kb, today, cache, &progress.cancel);
        progress.done.fetch_add(1, Ordering::Relaxed);
        match entry {
            Some(entry) => sink(entry),
            None => {
                ignored.fetch_add(1, Ordering::Relaxed);
            }
        }
    };
    let threads = threads.clamp(1, candidates.len().max(1));
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    Ok(ScanEnd {
        ignored: ignored.into_inner(),
        cancelled: progress.is_cancelled() && next.into_inner() < candidates.len(),
    })
}

/// Scans `root` on every core and returns the whole portfolio, rows by relative path (what the
/// command line and the tests use).
pub fn scan_all(root: &Path, kb: &Arc<KnowledgeBase>, today: Date) -> std::io::Result<Portfolio> {
    let entries = Mutex::new(Vec::new());
    let end = scan(
        root,
        kb,
        today,
        cores(),
        &Progress::default(),
        &Mutex::default(),
        &|entry| {
            if let Ok(mut entries) = entries.lock() {
                entries.push(entry);
            }
        },
    )?;
    let mut entries = fold_copies(entries.into_inner().unwrap_or_default());
    entries.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(Portfolio {
        root: root.to_owned(),
        today,
        entries,
        ignored: end.ignored,
    })
}

/// The number of threads to read with: the machine's cores.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

fn blocked_path(problem: &WalkProblem) -> PathBuf {
    match problem {
        WalkProblem::Unreadable { path, .. }
        | WalkProblem::Loop { path, .. }
        | WalkProblem::NotAFile { path }
        | WalkProblem::TooDeep { path } => path.clone(),
    }
}

fn read_cached(
    candidate: &Candidate,
    kb: &Arc<KnowledgeBase>,
    today: Date,
    cache: &Mutex<Cache>,
    cancel: &AtomicBool,
) -> Option<Entry> {
    let meta = std::fs::metadata(&candidate.path).ok();
    let modified = meta.as_ref().and_then(|m| m.modified().ok());
    let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
    if let Some(hit) = cache
        .lock()
        .ok()
        .and_then(|c| c.get(&candidate.path, modified, size))
    {
        return hit;
    }
    let budget = Budget {
        deadline: Some(std::time::Instant::now() + EVIDENCE_TIME_PER_FILE),
        cancel: Some(cancel),
    };
    let entry = read_within(candidate, kb, today, modified, size, budget);
    if cancel.load(Ordering::Relaxed) {
        // Stopped inside this file: its documents were not all checked, so it is not kept.
        return entry;
    }
    if let Ok(mut cache) = cache.lock() {
        cache
            .files
            .insert(candidate.path.clone(), (modified, size, entry.clone()));
    }
    entry
}

/// Reads one candidate; `None` when it holds no assessment (a PDF with no project attached,
/// JSON that is not a PIA export).
pub fn read(
    candidate: &Candidate,
    kb: &Arc<KnowledgeBase>,
    today: Date,
    modified: Option<SystemTime>,
    size: u64,
) -> Option<Entry> {
    read_within(candidate, kb, today, modified, size, Budget::default())
}

/// How long the portfolio spends checking one assessment's evidence documents before it gives
/// up on the rest of them (they show as not checked): a file pointing at slow or huge documents
/// cannot hold the scan.
pub const EVIDENCE_TIME_PER_FILE: std::time::Duration = std::time::Duration::from_secs(2);

/// [`read`] whose evidence check stops when `budget` is spent.
fn read_within(
    candidate: &Candidate,
    kb: &Arc<KnowledgeBase>,
    today: Date,
    modified: Option<SystemTime>,
    size: u64,
    budget: Budget<'_>,
) -> Option<Entry> {
    let outcome = match Session::open_within(&candidate.path, Arc::clone(kb), today, budget) {
        Ok(opened) => Ok(Arc::new(summarise(&opened.session, opened.kind))),
        Err(OpenError::Pdf {
            source: ReopenError::NoAttachment,
            ..
        })
        | Err(OpenError::Pia {
            source: crate::interop::pia::PiaError::NotPia,
            ..
        }) => return None,
        Err(error) => Err(Arc::new(Problem::Open(error))),
    };
    Some(Entry {
        path: candidate.path.clone(),
        relative: candidate.relative.clone(),
        modified,
        size,
        outcome,
        copies: Vec::new(),
    })
}

/// The summary of an open session.
pub fn summarise(session: &Session, kind: FileKind) -> Summary {
    let a = &session.assessment;
    let report = session.report();
    let count = |severity| report.with_severity(severity).count();
    let deadlines = deadlines::deadlines_of(a, report);
    let dated = |kind| deadlines.iter().find(|d| d.kind == kind).map(|d| d.date);
    let findings = report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Blocking | Severity::High))
        .map(|f| FindingLine {
            rule_id: f.rule_id.clone(),
            severity: f.severity,
            title: f.title.clone(),
        })
        .collect();
    let p = &a.project;
    Summary {
        kind,
        organisation: p.organisation.trim().to_owned(),
        title: p.title.trim().to_owned(),
        version: p.version.trim().to_owned(),
        status: p.status,
        modified_since_validation: session.changed_since_validation(),
        verdict: report.screening.verdict,
        blocking: count(Severity::Blocking),
        high: count(Severity::High),
        completeness: report.completeness.percent(),
        cameras: a.cameras.len(),
        expires_on: dated(deadlines::DeadlineKind::AuthorisationExpiry),
        renewal_due_on: dated(deadlines::DeadlineKind::RenewalFiling),
        review_due_on: dated(deadlines::DeadlineKind::Review),
        identity: format!(
            "{}\u{1f}{}\u{1f}{}",
            p.organisation.trim(),
            p.title.trim(),
            p.created_on.map(Date::iso).unwrap_or_default()
        ),
        deadlines,
        findings,
    }
}

/// A moment as `YYYY-MM-DDTHH:MM:SSZ` (UTC), as the JSON and CSV give a file's modification.
pub fn timestamp(moment: SystemTime) -> String {
    let t = time::OffsetDateTime::from(moment);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A file the portfolio can be written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The PDF report (table, twelve-month calendar, findings).
    Report,
    /// The deadlines as an iCalendar file.
    Calendar,
    /// The table as CSV.
    Csv,
}

impl Output {
    /// The extension its files take.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Report => "pdf",
            Output::Calendar => "ics",
            Output::Csv => "csv",
        }
    }

    /// The bytes of `portfolio` in this form, in `lang`; `describe` words a file's problem,
    /// `stamp` is when the calendar is written.
    pub fn bytes(
        self,
        portfolio: &Portfolio,
        kb: &KnowledgeBase,
        lang: crate::model::Lang,
        stamp: time::OffsetDateTime,
        describe: &dyn Fn(&Problem) -> String,
    ) -> Result<Vec<u8>, crate::pdf::RenderError> {
        match self {
            Output::Report => crate::pdf::render(&report::build(portfolio, kb, lang, describe)),
            Output::Calendar => Ok(ics::ics(portfolio, kb, lang, stamp).into_bytes()),
            Output::Csv => Ok(csv::csv(portfolio, describe)),
        }
    }

    /// Writes `portfolio` in this form to `path` (safely: a temporary file renamed over it),
    /// for both shells; the error is worded for the status bar or standard error.
    pub fn write(
        self,
        path: &Path,
        portfolio: &Portfolio,
        kb: &KnowledgeBase,
        lang: crate::model::Lang,
        stamp: time::OffsetDateTime,
        describe: &dyn Fn(&Problem) -> String,
    ) -> Result<(), String> {
        let bytes = self
            .bytes(portfolio, kb, lang, stamp, describe)
            .map_err(|e| e.to_string())?;
        crate::session::write_atomic(path, &bytes).map_err(|e| e.to_string())
    }
}
