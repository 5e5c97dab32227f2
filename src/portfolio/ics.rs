//! The portfolio's deadlines as an iCalendar file (RFC 5545): one all-day `VEVENT` per
//! deadline, with a reminder a week before. Each event's UID is a hash of the assessment's
//! identity (organisation, title, day it was started), the deadline's kind and the measure, so
//! importing a newer file into Outlook, Thunderbird or a phone updates the events instead of
//! adding copies; the same assessment found twice (its project and its dossier PDF) gives each
//! event once. Lines end in CRLF and are folded at 75 octets without cutting a character.

use std::collections::HashSet;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::{Portfolio, Summary};
use crate::knowledge::KnowledgeBase;
use crate::model::{Date, Lang};
use crate::rules::deadlines::{Deadline, DeadlineKind};
use crate::session::FileKind;

/// The iCalendar text of every deadline of `portfolio`, in `lang`. `stamp` is the moment the
/// file is written (`DTSTAMP`, UTC).
pub fn ics(
    portfolio: &Portfolio,
    kb: &KnowledgeBase,
    lang: Lang,
    stamp: time::OffsetDateTime,
) -> String {
    let t = |key: &str| kb.texts.get(lang, key).to_owned();
    let stamp = stamp.to_offset(time::UtcOffset::UTC);
    let dtstamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Garde-fou//Portfolio//FR".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(&t("portfolio.ics.calendar"))),
    ];
    // Project files first: their events win over a dossier PDF's copy of the same assessment.
    let mut summaries: Vec<_> = portfolio.summaries().collect();
    summaries.sort_by_key(|(entry, s)| (s.kind != FileKind::Project, entry.relative.clone()));
    let mut seen = HashSet::new();
    for (entry, summary) in summaries {
        for deadline in &summary.deadlines {
            let uid = uid(summary, deadline);
            if !seen.insert(uid.clone()) {
                continue;
            }
            let what = event_title(kb, lang, deadline);
            let title = format!("{what} — {}", summary.name());
            let description = kb.texts.get_with(
                lang,
                "portfolio.ics.description",
                &[
                    ("what", &what),
                    ("assessment", &summary.name()),
                    ("date", &deadline.date.display(lang)),
                    ("file", &entry.relative),
                ],
            );
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{uid}"),
                format!("DTSTAMP:{dtstamp}"),
                format!("DTSTART;VALUE=DATE:{}", compact(deadline.date)),
                format!("DTEND;VALUE=DATE:{}", compact(deadline.date.add_days(1))),
                format!("SUMMARY:{}", escape(&title)),
                format!("DESCRIPTION:{}", escape(&description)),
                format!("CATEGORIES:Garde-fou,{}", escape(&what)),
                "TRANSP:TRANSPARENT".to_owned(),
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                format!("DESCRIPTION:{}", escape(&title)),
                "TRIGGER:-P7D".to_owned(),
                "END:VALARM".to_owned(),
                "END:VEVENT".to_owned(),
            ]);
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// The event's UID: stable across scans and files for the same assessment and deadline.
pub fn uid(summary: &Summary, deadline: &Deadline) -> String {
    let mut hash = Sha256::new();
    hash.update(summary.identity.as_bytes());
    hash.update([0x1f]);
    hash.update(deadline.kind.code().as_bytes());
    hash.update([0x1f]);
    hash.update(
        deadline
            .measure_id
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
            .as_bytes(),
    );
    // With several orders, each order's expiry and renewal are events of their own.
    if deadline.kind != DeadlineKind::Measure && !deadline.label.is_empty() {
        hash.update([0x1f]);
        hash.update(deadline.label.as_bytes());
    }
    let digest = hash.finalize();
    let mut hex = String::with_capacity(40);
    for byte in &digest[..16] {
        let _ = write!(hex, "{byte:02x}");
    }
    format!("{hex}@garde-fou")
}

/// What the deadline is, in `lang` (« Renouvellement à déposer », or the measure's title).
pub fn event_title(kb: &KnowledgeBase, lang: Lang, deadline: &Deadline) -> String {
    let key = match deadline.kind {
        DeadlineKind::AuthorisationExpiry => "portfolio.deadline.authorisation_expiry",
        DeadlineKind::RenewalFiling => "portfolio.deadline.renewal_filing",
        DeadlineKind::Review => "portfolio.deadline.review",
        DeadlineKind::Measure => "portfolio.deadline.measure",
        DeadlineKind::AiActFria => "portfolio.deadline.ai_act_fria",
    };
    if deadline.kind == DeadlineKind::Measure {
        kb.texts
            .get_with(lang, key, &[("measure", &deadline.label)])
    } else if deadline.label.is_empty() {
        kb.texts.get(lang, key).to_owned()
    } else {
        // The order's reference, when the system holds several.
        format!("{} — {}", kb.texts.get(lang, key), deadline.label)
    }
}

fn compact(date: Date) -> String {
    date.iso().replace('-', "")
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > budget {
            out.push_str("\r\n ");
            used = 1;
            budget = 75;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_values_escape_what_rfc_5545_reserves() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
