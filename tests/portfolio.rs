//! The portfolio without a screen: a folder of assessments and of everything else a shared
//! folder holds (dossier PDFs, public versions, PIA exports, damaged, newer, huge and special
//! files, link loops) is scanned into one row per file, each problem a row with its message,
//! nothing written; sorting and filtering; the cache of unchanged files; cancelling; and the
//! calendar file read back by an iCalendar parser, its dates those of the engine.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use gardefou::i18n::Lang;
use gardefou::model::{Assessment, Date, MeasureStatus, ProjectStatus};
use gardefou::portfolio::table::{self, Column, Show, Sort};
use gardefou::portfolio::{self, Cache, Portfolio, Progress};
use gardefou::rules::deadlines::{self, DeadlineKind};
use gardefou::session::{ExportKind, FileKind, Session};
use proptest::prelude::*;

fn today() -> Date {
    common::day("2026-12-01")
}

fn kb() -> Arc<gardefou::knowledge::KnowledgeBase> {
    Arc::new(common::kb())
}

fn save(dir: &Path, name: &str, a: &Assessment) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    gardefou::storage::save(&path, a).expect("save");
    path
}

fn member(index: usize) -> Assessment {
    gardefou::sample::portfolio_member(index, 12).expect("member")
}

/// Every file below `dir` with its size and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, Option<std::time::SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("list").flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                stack.push(path.clone());
            }
            out.insert(path, (meta.len(), meta.modified().ok()));
        }
    }
    out
}

fn describe(p: &portfolio::Problem) -> String {
    gardefou::messages::portfolio_problem(p, Lang::En)
}

/// A folder as a consultant's shared folder looks after a year.
fn messy_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let kb = kb();
    // Authorisations valid on the day of the test, but for client B's (in operation without).
    let first = save(root, "client-a/aipd.aipd.ron", &member(4));
    save(root, "client-b/aipd.aipd.ron", &member(6));
    save(root, "client-c/2025/aipd.aipd.ron", &member(3));
    let session = Session::new(member(4), Some(first), Arc::clone(&kb), today());
    session
        .export(
            ExportKind::Dossier { is_public: false },
            &root.join("client-a/dossier.pdf"),
        )
        .expect("dossier");
    session
        .export(
            ExportKind::Dossier { is_public: true },
            &root.join("client-a/dossier-public.pdf"),
        )
        .expect("public dossier");
    session
        .export(ExportKind::Pia, &root.join("client-a/pia.json"))
        .expect("pia");
    std::fs::write(root.join("notes.json"), r#"{"todo": []}"#).expect("json");
    std::fs::write(
        root.join("broken.aipd.ron"),
        "(format_version: 2, project: (",
    )
    .expect("broken");
    let newer = gardefou::storage::to_text(&member(1))
        .expect("text")
        .replacen("format_version: 2", "format_version: 99", 1);
    std::fs::write(root.join("newer.aipd.ron"), newer).expect("newer");
    // A 1 GB stray file with a project's name: sparse, so the test writes nothing big.
    let huge = std::fs::File::create(root.join("huge.aipd.ron")).expect("huge");
    huge.set_len(1 << 30).expect("set_len");
    std::fs::write(root.join("video.mp4"), b"not an assessment").expect("video");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root, root.join("client-c/loop")).expect("loop");
        std::os::unix::fs::symlink(root.join("gone.aipd.ron"), root.join("dangling.aipd.ron"))
            .expect("dangling");
        let fifo = root.join("pipe.aipd.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    dir
}

fn rows(found: &Portfolio) -> BTreeMap<String, Result<FileKind, String>> {
    found
        .entries
        .iter()
        .map(|e| {
            let outcome = match (e.summary(), e.problem()) {
                (Some(s), _) => Ok(s.kind),
                (None, Some(p)) => Err(describe(p)),
                (None, None) => Err(String::new()),
            };
            (e.relative.clone(), outcome)
        })
        .collect()
}

#[test]
fn a_messy_folder_gives_one_row_per_assessment_and_one_per_problem_and_stays_untouched() {
    let dir = messy_folder();
    let before = snapshot(dir.path());
    let found = portfolio::scan_all(dir.path(), &kb(), today()).expect("scan");
    let rows = rows(&found);
    let kind = |path: &str| rows.get(path).cloned();
    assert_eq!(kind("client-a/aipd.aipd.ron"), Some(Ok(FileKind::Project)));
    // The dossier exported from client A's project is the same assessment: in its row.
    assert_eq!(kind("client-a/dossier.pdf"), None);
    let project = found
        .entries
        .iter()
        .find(|e| e.relative == "client-a/aipd.aipd.ron")
        .expect("client A");
    let copies: Vec<&str> = project.copies.iter().map(|c| c.relative.as_str()).collect();
    assert_eq!(copies, ["client-a/dossier.pdf"]);
    assert_eq!(kind("client-a/pia.json"), Some(Ok(FileKind::PiaExport)));
    assert_eq!(
        kind("client-c/2025/aipd.aipd.ron"),
        Some(Ok(FileKind::Project))
    );
    // The public version and another JSON hold no assessment: counted, not listed.
    assert_eq!(kind("client-a/dossier-public.pdf"), None);
    assert_eq!(kind("notes.json"), None);
    assert_eq!(kind("video.mp4"), None);
    assert_eq!(found.ignored, 2);
    let problem = |path: &str, words: &[&str]| {
        let Some(Err(message)) = kind(path) else {
            panic!("{path}: expected a problem row, got {:?}", kind(path));
        };
        for word in words {
            assert!(
                message.contains(word),
                "{path}: « {message} » lacks « {word} »"
            );
        }
    };
    problem("broken.aipd.ron", &["broken.aipd.ron:1:"]);
    problem("newer.aipd.ron", &["99"]);
    problem("huge.aipd.ron", &["1073741824"]);
    #[cfg(unix)]
    {
        problem("client-c/loop", &["already scanned"]);
        problem("dangling.aipd.ron", &["dangling.aipd.ron"]);
        problem("pipe.aipd.ron", &["not a regular file"]);
    }
    assert_eq!(snapshot(dir.path()), before, "scanning wrote nothing");
    // The one in operation without an authorisation is blocking; its deadlines are absent.
    let blocking: Vec<_> = found
        .summaries()
        .filter(|(_, s)| s.blocking > 0)
        .map(|(e, _)| e.relative.as_str())
        .collect();
    assert_eq!(blocking, vec!["client-b/aipd.aipd.ron"]);
    assert!(found.has_blocking());
}

#[test]
fn an_unreadable_root_is_an_error_not_a_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("absent");
    assert!(portfolio::scan_all(&missing, &kb(), today()).is_err());
    let file = dir.path().join("file.txt");
    std::fs::write(&file, "x").expect("file");
    assert!(portfolio::scan_all(&file, &kb(), today()).is_err());
}

#[test]
fn the_summary_carries_the_engines_findings_and_deadlines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = member(1);
    let path = save(dir.path(), "a.aipd.ron", &a);
    let found = portfolio::scan_all(dir.path(), &kb(), today()).expect("scan");
    let (_, s) = found.summaries().next().expect("one row");
    let session = Session::open(&path, kb(), today()).expect("open").session;
    let report = session.report();
    assert_eq!(s.organisation, "Commune de Vernay-les-Bois");
    assert_eq!(s.status, ProjectStatus::InReview);
    assert_eq!(s.verdict, report.screening.verdict);
    assert_eq!(
        s.high,
        report
            .with_severity(gardefou::rules::Severity::High)
            .count()
    );
    assert_eq!(s.completeness, report.completeness.percent());
    assert_eq!(s.deadlines, deadlines::deadlines_of(&a, report));
    assert_eq!(s.expires_on, a.video_system.authorisation.expires_on());
    assert_eq!(
        s.renewal_due_on,
        a.video_system
            .authorisation
            .expires_on()
            .map(deadlines::renewal_filing_date)
    );
}

fn portfolio_of(members: &[usize]) -> (tempfile::TempDir, Portfolio) {
    let dir = tempfile::tempdir().expect("temp dir");
    for index in members {
        save(
            dir.path(),
            &format!("m{index:02}.aipd.ron"),
            &member(*index),
        );
    }
    let found = portfolio::scan_all(dir.path(), &kb(), today()).expect("scan");
    (dir, found)
}

#[test]
fn sorting_by_a_column_and_filtering_keep_what_a_user_expects() {
    let (_dir, found) = portfolio_of(&[0, 1, 2, 3, 4, 5, 6]);
    let names = |order: Vec<usize>| -> Vec<String> {
        order
            .iter()
            .map(|&i| found.entries[i].relative.clone())
            .collect()
    };
    let sort = |column, descending| Sort { column, descending };
    // Soonest expiry first; the one without an authorisation last, whatever the direction.
    let by_expiry = names(table::rows(
        &found.entries,
        today(),
        Show::All,
        "",
        Sort::default(),
    ));
    assert_eq!(by_expiry.first().map(String::as_str), Some("m00.aipd.ron"));
    assert_eq!(by_expiry.last().map(String::as_str), Some("m06.aipd.ron"));
    let latest_first = names(table::rows(
        &found.entries,
        today(),
        Show::All,
        "",
        sort(Column::Expiry, true),
    ));
    assert_eq!(
        latest_first.last().map(String::as_str),
        Some("m06.aipd.ron")
    );
    assert_eq!(
        latest_first.first().map(String::as_str),
        Some("m05.aipd.ron")
    );
    let by_organisation = names(table::rows(
        &found.entries,
        today(),
        Show::All,
        "",
        sort(Column::Organisation, false),
    ));
    assert_eq!(by_organisation[0], "m03.aipd.ron", "« Bellerive » first");
    // Two authorisations have expired (R05-EXPIRED), one is missing in operation (R05-ABSENT).
    let blocking = names(table::rows(
        &found.entries,
        today(),
        Show::Blocking,
        "",
        Sort::default(),
    ));
    assert_eq!(
        blocking,
        vec!["m00.aipd.ron", "m01.aipd.ron", "m06.aipd.ron"]
    );
    let drafts = names(table::rows(
        &found.entries,
        today(),
        Show::Drafts,
        "",
        Sort::default(),
    ));
    assert_eq!(drafts, vec!["m00.aipd.ron", "m04.aipd.ron", "m05.aipd.ron"]);
    let searched = names(table::rows(
        &found.entries,
        today(),
        Show::All,
        "VERNAY",
        Sort::default(),
    ));
    assert_eq!(searched, vec!["m01.aipd.ron"]);
    // « Needing attention »: exactly the rows with a deadline passed or within 60 days.
    let attention = names(table::rows(
        &found.entries,
        today(),
        Show::Attention,
        "",
        Sort::default(),
    ));
    for (entry, summary) in found.summaries() {
        let is_close = summary
            .deadlines
            .iter()
            .any(|d| d.days_left(today()) <= deadlines::DUE_SOON_DAYS);
        assert_eq!(
            attention.contains(&entry.relative),
            is_close,
            "{}",
            entry.relative
        );
    }
    assert!(!attention.is_empty());
}

#[test]
fn a_refresh_reads_again_only_what_changed_and_a_cancel_stops_the_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    for index in 0..4 {
        save(dir.path(), &format!("m{index}.aipd.ron"), &member(index));
    }
    let cache = Mutex::new(Cache::default());
    let scan = |cache: &Mutex<Cache>| {
        let entries = Mutex::new(Vec::new());
        portfolio::scan(
            dir.path(),
            &kb(),
            today(),
            2,
            &Progress::default(),
            cache,
            &|e| entries.lock().expect("lock").push(e),
        )
        .expect("scan");
        let mut entries = entries.into_inner().expect("entries");
        entries.sort_by(|a, b| a.relative.cmp(&b.relative));
        entries
    };
    let first = scan(&cache);
    assert_eq!(first.len(), 4);
    // A colleague renames the organisation of one assessment.
    let mut changed = member(2);
    changed.project.organisation = "Commune renommée".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    save(dir.path(), "m2.aipd.ron", &changed);
    let second = scan(&cache);
    let organisations: Vec<_> = second
        .iter()
        .map(|e| e.summary().expect("read").organisation.clone())
        .collect();
    assert_eq!(
        organisations[2], "Commune renommée",
        "the changed file is read again"
    );
    for index in [0, 1, 3] {
        assert!(
            Arc::ptr_eq(
                first[index].outcome.as_ref().expect("read"),
                second[index].outcome.as_ref().expect("read")
            ),
            "an unchanged file comes from the cache"
        );
    }
    let progress = Progress::default();
    progress.cancel.store(true, Ordering::Relaxed);
    let end = portfolio::scan(
        dir.path(),
        &kb(),
        today(),
        2,
        &progress,
        &Mutex::default(),
        &|_| panic!("nothing is read once cancelled"),
    )
    .expect("scan");
    assert!(end.cancelled);
    assert_eq!(progress.total.load(Ordering::Relaxed), 4);
}

/// The calendar file, parsed: (UID, start date, summary) of each event.
fn events(text: &str) -> Vec<(String, chrono::NaiveDate, String)> {
    use icalendar::{CalendarComponent, Component, DatePerhapsTime};
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let start = match e.get_start() {
                Some(DatePerhapsTime::Date(date)) => date,
                other => panic!("an all-day event, got {other:?}"),
            };
            (
                e.get_uid().expect("UID").to_owned(),
                start,
                e.get_summary().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn naive(date: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(date.year(), u32::from(date.month()), u32::from(date.day()))
        .expect("date")
}

#[test]
fn the_calendar_file_parses_its_lines_fold_and_the_same_assessment_twice_gives_its_events_once() {
    let dir = messy_folder();
    let found = portfolio::scan_all(dir.path(), &kb(), today()).expect("scan");
    let stamp = time::OffsetDateTime::UNIX_EPOCH;
    let text = portfolio::ics::ics(&found, &kb(), Lang::Fr, stamp);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends only"
    );
    let parsed = events(&text);
    // client-a's project and its dossier PDF are one assessment: its deadlines once.
    let (_, project) = found
        .summaries()
        .find(|(e, _)| e.relative == "client-a/aipd.aipd.ron")
        .expect("client a");
    for deadline in &project.deadlines {
        let uid = portfolio::ics::uid(project, deadline);
        let matching: Vec<_> = parsed.iter().filter(|(u, _, _)| *u == uid).collect();
        assert_eq!(matching.len(), 1, "{uid}");
        assert_eq!(matching[0].1, naive(deadline.date));
    }
    let mut uids: Vec<_> = parsed.iter().map(|(u, _, _)| u.clone()).collect();
    let count = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), count, "no UID twice");
    // Summaries keep French typography through escaping and folding.
    assert!(
        parsed
            .iter()
            .any(|(_, _, s)| s.contains("Renouvellement de l’autorisation à déposer")),
        "{parsed:?}"
    );
    // The same folder written again gives the same UIDs: a re-import updates.
    let again = portfolio::ics::ics(
        &portfolio::scan_all(dir.path(), &kb(), today()).expect("scan"),
        &kb(),
        Lang::Fr,
        stamp,
    );
    assert_eq!(again, text);
}

fn arbitrary_date() -> impl Strategy<Value = Date> {
    (2015i32..2035, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::from_ymd(y, m, d).expect("date"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every event of the calendar file is one of the engine's deadlines, on the engine's day,
    /// and every deadline of the engine is an event.
    #[test]
    fn every_calendar_date_is_the_engines(
        granted in proptest::option::of(arbitrary_date()),
        years in 0u32..8,
        filed in proptest::option::of(any::<bool>()),
        review in proptest::option::of(arbitrary_date()),
        last_review in proptest::option::of(arbitrary_date()),
        measures in proptest::collection::vec(
            (proptest::option::of(arbitrary_date()), any::<bool>()),
            0..5
        ),
    ) {
        let mut a = member(2);
        let auth = &mut a.video_system.authorisation;
        auth.granted_on = granted;
        auth.duration_years = years;
        auth.is_renewal_filed = filed;
        a.project.review_due_on = review;
        a.project.last_review_on = last_review;
        a.measures.truncate(0);
        for (n, (deadline, planned)) in measures.iter().enumerate() {
            a.measures.push(gardefou::model::Measure {
                measure_id: format!("M-{n}").as_str().into(),
                title: format!("Mesure n° {n}, « test »; à faire"),
                status: if *planned { MeasureStatus::Planned } else { MeasureStatus::Existing },
                deadline: *deadline,
                ..gardefou::model::Measure::default()
            });
        }
        let dir = tempfile::tempdir().expect("temp dir");
        save(dir.path(), "a.aipd.ron", &a);
        let found = portfolio::scan_all(dir.path(), &kb(), today()).expect("scan");
        let text = portfolio::ics::ics(&found, &kb(), Lang::En, time::OffsetDateTime::UNIX_EPOCH);
        let mut from_file: Vec<chrono::NaiveDate> = events(&text).into_iter().map(|(_, d, _)| d).collect();
        let report = gardefou::rules::evaluate(&a, &kb(), today());
        let engine = deadlines::deadlines_of(&a, &report);
        let mut expected: Vec<chrono::NaiveDate> = engine.iter().map(|d| naive(d.date)).collect();
        from_file.sort();
        expected.sort();
        prop_assert_eq!(from_file, expected);
        let kinds: Vec<DeadlineKind> = engine.iter().map(|d| d.kind).collect();
        prop_assert_eq!(
            kinds.contains(&DeadlineKind::RenewalFiling),
            granted.is_some() && filed != Some(true)
        );
    }
}

/// Issue 27, item 12: a validated assessment edited since says so (« Validée, modifiée
/// depuis »), one left as validated does not; a dossier PDF whose project is elsewhere keeps a
/// row of its own.
#[test]
fn a_validated_assessment_changed_since_says_so_and_a_lone_dossier_keeps_its_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let kb = kb();
    let validated = |name: &str, edit: bool| {
        let path = root.join(name);
        let mut session = Session::new(member(4), None, Arc::clone(&kb), today());
        session.assessment.project.title = name.to_owned();
        common::validate_through_the_circuit(&mut session);
        if edit {
            session.assessment.video_system.image_retention_days = Some(28);
        }
        session.save_as(&path).expect("save");
        session
    };
    validated("tel-quel.aipd.ron", false);
    let edited = validated("modifiee.aipd.ron", true);
    std::fs::create_dir(root.join("envoi")).expect("folder");
    edited
        .export(
            ExportKind::Dossier { is_public: false },
            &root.join("envoi/dossier-seul.pdf"),
        )
        .expect("dossier");
    std::fs::remove_file(root.join("modifiee.aipd.ron")).expect("remove the project");
    let found = portfolio::scan_all(root, &kb, today()).expect("scan");
    let summary = |path: &str| {
        found
            .summaries()
            .find(|(e, _)| e.relative == path)
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| panic!("{path} not listed"))
    };
    let kept = summary("tel-quel.aipd.ron");
    assert!(!kept.modified_since_validation);
    let changed = summary("envoi/dossier-seul.pdf");
    assert!(changed.modified_since_validation);
    assert_eq!(
        changed.status_text(|key| gardefou::i18n::tr(Lang::Fr, key).to_owned()),
        "Validée, modifiée depuis"
    );
    assert_eq!(
        kept.status_text(|key| gardefou::i18n::tr(Lang::Fr, key).to_owned()),
        "Validée"
    );
}
