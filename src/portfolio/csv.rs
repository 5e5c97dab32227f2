//! The portfolio as CSV (`portfolio --csv`): one row per file, the same columns as the JSON
//! keys, dates as `YYYY-MM-DD`, so a spreadsheet sorts them.

use super::{Entry, Portfolio, Problem};
use crate::rules::deadlines::Urgency;

/// The header row: the columns' names, fixed whatever the language (scripts read them).
pub const HEADER: [&str; 20] = [
    "path",
    "kind",
    "organisation",
    "title",
    "version",
    "status",
    "verdict",
    "blocking",
    "high",
    "completeness",
    "cameras",
    "authorisation_expires_on",
    "authorisation_days_left",
    "renewal_filing_due_on",
    "review_due_on",
    "urgency",
    "modified",
    "error",
    "modified_since_validation",
    "copies",
];

/// The CSV text of `portfolio`; `describe` words a problem in the user's language.
pub fn csv(portfolio: &Portfolio, describe: &dyn Fn(&Problem) -> String) -> Vec<u8> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail but for a record of the wrong length, which HEADER rules out.
    let _ = writer.write_record(HEADER);
    for entry in &portfolio.entries {
        let _ = writer.write_record(record(entry, portfolio, describe));
    }
    writer.into_inner().unwrap_or_default()
}

/// A free-text cell as spreadsheets expect it: one that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn record(
    entry: &Entry,
    portfolio: &Portfolio,
    describe: &dyn Fn(&Problem) -> String,
) -> Vec<String> {
    let today = portfolio.today;
    let modified = entry.modified.map(super::timestamp).unwrap_or_default();
    let date = |d: Option<crate::model::Date>| d.map(crate::model::Date::iso).unwrap_or_default();
    match (entry.summary(), entry.problem()) {
        (Some(s), _) => vec![
            text_cell(&entry.relative),
            s.kind.code().to_owned(),
            text_cell(&s.organisation),
            text_cell(&s.title),
            text_cell(&s.version),
            s.status.code().to_owned(),
            s.verdict.code().to_owned(),
            s.blocking.to_string(),
            s.high.to_string(),
            s.completeness.to_string(),
            s.cameras.to_string(),
            date(s.expires_on),
            s.days_left(today)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            date(s.renewal_due_on),
            date(s.review_due_on),
            s.urgency(today).map_or("", Urgency::code).to_owned(),
            modified,
            String::new(),
            s.modified_since_validation.to_string(),
            text_cell(
                &entry
                    .copies
                    .iter()
                    .map(|c| c.relative.as_str())
                    .collect::<Vec<_>>()
                    .join(" ; "),
            ),
        ],
        (None, problem) => {
            let mut row = vec![String::new(); HEADER.len()];
            row[0] = text_cell(&entry.relative);
            row[16] = modified;
            row[17] = text_cell(&problem.map(describe).unwrap_or_default());
            row
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("Commune de Test"), "Commune de Test");
    }
}
