//! The portfolio's table without a screen: which rows a filter keeps and in which order a sort
//! puts them. The app draws the result; the tests check it without egui.

use std::cmp::Ordering;

use super::{Entry, Summary};
use crate::model::{Date, ProjectStatus};
use crate::rules::deadlines::Urgency;

/// A column of the table, which is also what it can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The controller.
    Organisation,
    /// The assessment's title.
    Title,
    /// Version and status in the review circuit.
    Status,
    /// The screening's verdict.
    Verdict,
    /// Blocking, then high findings.
    Findings,
    /// The authorisation's expiry (days left).
    Expiry,
    /// The day the renewal must be filed from.
    Renewal,
    /// The next review.
    Review,
    /// Percent of required answers given.
    Completeness,
    /// Last modified.
    Modified,
    /// The file's path below the folder.
    Path,
}

impl Column {
    /// The columns, left to right.
    pub const ALL: [Column; 11] = [
        Column::Organisation,
        Column::Title,
        Column::Status,
        Column::Verdict,
        Column::Findings,
        Column::Expiry,
        Column::Renewal,
        Column::Review,
        Column::Completeness,
        Column::Modified,
        Column::Path,
    ];

    /// The key of the column's header in the interface catalogue.
    pub fn title_key(self) -> &'static str {
        match self {
            Column::Organisation => "portfolio.col.organisation",
            Column::Title => "portfolio.col.title",
            Column::Status => "portfolio.col.status",
            Column::Verdict => "portfolio.col.verdict",
            Column::Findings => "portfolio.col.findings",
            Column::Expiry => "portfolio.col.expiry",
            Column::Renewal => "portfolio.col.renewal",
            Column::Review => "portfolio.col.review",
            Column::Completeness => "portfolio.col.completeness",
            Column::Modified => "portfolio.col.modified",
            Column::Path => "portfolio.col.path",
        }
    }
}

/// Which rows to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Show {
    /// Every row.
    #[default]
    All,
    /// Rows with a deadline passed or due within 60 days.
    Attention,
    /// Assessments with a blocking finding.
    Blocking,
    /// Assessments still in draft (or under revision).
    Drafts,
    /// Files that could not be read.
    Unreadable,
}

impl Show {
    /// Every filter, in the order the app offers them.
    pub const ALL: [Show; 5] = [
        Show::All,
        Show::Attention,
        Show::Blocking,
        Show::Drafts,
        Show::Unreadable,
    ];

    /// The key of its label in the interface catalogue.
    pub fn label_key(self) -> &'static str {
        match self {
            Show::All => "portfolio.show.all",
            Show::Attention => "portfolio.show.attention",
            Show::Blocking => "portfolio.show.blocking",
            Show::Drafts => "portfolio.show.drafts",
            Show::Unreadable => "portfolio.show.unreadable",
        }
    }

    fn keeps(self, entry: &Entry, today: Date) -> bool {
        let summary = entry.summary();
        match self {
            Show::All => true,
            Show::Attention => summary
                .and_then(|s| s.urgency(today))
                .is_some_and(|u| u != Urgency::Later),
            Show::Blocking => summary.is_some_and(|s| s.blocking > 0),
            Show::Drafts => summary.is_some_and(|s| {
                matches!(
                    s.status,
                    ProjectStatus::Draft | ProjectStatus::UnderRevision
                )
            }),
            Show::Unreadable => summary.is_none(),
        }
    }
}

/// How the table is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// By which column.
    pub column: Column,
    /// Largest (or latest) first.
    pub descending: bool,
}

impl Default for Sort {
    /// Soonest expiry first: the Monday question.
    fn default() -> Self {
        Sort {
            column: Column::Expiry,
            descending: false,
        }
    }
}

/// The indices of `entries` that `show` and the text `query` keep, in the order `sort` gives.
/// The query matches organisation, title, path and version, ignoring case. Rows without a value
/// in the sorted column (and unreadable files) come last whichever the direction; ties keep the
/// path order.
pub fn rows(entries: &[Entry], today: Date, show: Show, query: &str, sort: Sort) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    let mut kept: Vec<usize> = (0..entries.len())
        .filter(|&i| show.keeps(&entries[i], today) && matches(&entries[i], &query))
        .collect();
    kept.sort_by(|&a, &b| {
        let (x, y) = (&entries[a], &entries[b]);
        let by_column = match (key(x, sort.column), key(y, sort.column)) {
            (Some(kx), Some(ky)) if sort.descending => ky.cmp(&kx),
            (Some(kx), Some(ky)) => kx.cmp(&ky),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_column.then_with(|| x.relative.cmp(&y.relative))
    });
    kept
}

fn matches(entry: &Entry, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    let hay = |text: &str| text.to_lowercase().contains(query);
    hay(&entry.relative)
        || entry
            .summary()
            .is_some_and(|s| hay(&s.organisation) || hay(&s.title) || hay(&s.version))
}

/// A sort key: text compares case-blind, numbers and dates as such.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Text(String),
    Number(i64, i64),
    Date(Date),
}

fn key(entry: &Entry, column: Column) -> Option<Key> {
    if column == Column::Path {
        return Some(Key::Text(entry.relative.to_lowercase()));
    }
    if column == Column::Modified {
        let seconds = entry
            .modified?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        return Some(Key::Number(i64::try_from(seconds).unwrap_or(i64::MAX), 0));
    }
    let s: &Summary = entry.summary()?;
    let text = |t: &str| Some(Key::Text(t.to_lowercase()));
    match column {
        Column::Organisation => text(&s.organisation),
        Column::Title => text(&s.title),
        Column::Status => Some(Key::Number(status_rank(s.status), 0)),
        Column::Verdict => Some(Key::Number(verdict_rank(s.verdict), 0)),
        Column::Findings => Some(Key::Number(
            i64::try_from(s.blocking).unwrap_or(i64::MAX),
            i64::try_from(s.high).unwrap_or(i64::MAX),
        )),
        Column::Expiry => s.expires_on.map(Key::Date),
        Column::Renewal => s.renewal_due_on.map(Key::Date),
        Column::Review => s.review_due_on.map(Key::Date),
        Column::Completeness => Some(Key::Number(i64::from(s.completeness), 0)),
        Column::Modified | Column::Path => None,
    }
}

fn status_rank(status: ProjectStatus) -> i64 {
    match status {
        ProjectStatus::Draft => 0,
        ProjectStatus::UnderRevision => 1,
        ProjectStatus::InReview => 2,
        ProjectStatus::DpoOpinionGiven => 3,
        ProjectStatus::Validated => 4,
    }
}

fn verdict_rank(verdict: crate::rules::Verdict) -> i64 {
    use crate::rules::Verdict;
    match verdict {
        Verdict::Required => 0,
        Verdict::Recommended => 1,
        Verdict::Undetermined => 2,
        Verdict::NotRequired => 3,
    }
}
