//! The dates an assessment must be acted on: the authorisation's expiry, the day from which its
//! renewal must be filed, the next review, and the deadlines of the action plan. Pure, like the
//! rest of the engine: the portfolio's table, its calendar and its iCalendar file all read them
//! from here, so they can never disagree with R05, R06 and R20.

use crate::model::measure::action_plan;
use crate::model::{Assessment, Date, MeasureId};

/// Calendar months before expiry from which an unfiled renewal is flagged (prefecture practice:
/// the full file four months before the end).
pub const RENEWAL_NOTICE_MONTHS: i32 = 4;

/// Years after which a DPIA review is due (CNIL practice).
pub const REVIEW_YEARS: i32 = 3;

/// Days ahead within which a deadline counts as due soon (the portfolio highlights it).
pub const DUE_SOON_DAYS: i64 = 60;

/// What a deadline is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineKind {
    /// The prefectoral authorisation stops being valid (CSI L.252-4; R05-EXPIRED from that day).
    AuthorisationExpiry,
    /// The renewal must be filed from this day, four months before the expiry (R06), unless it
    /// has been filed.
    RenewalFiling,
    /// The assessment's next review (GDPR art. 35(11); R20): the date entered, or three years
    /// after the last review when none is entered.
    Review,
    /// A planned measure of the action plan must be in place.
    Measure,
    /// The fundamental-rights impact assessment is due (AI Act art. 27, R26): 2 December 2027
    /// for a system put into service after it, 2 August 2030 for a public authority's system
    /// already in service (art. 111(2) as amended, secondary sources).
    AiActFria,
}

impl DeadlineKind {
    /// Every kind, in the order the portfolio lists them.
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::AuthorisationExpiry,
        DeadlineKind::RenewalFiling,
        DeadlineKind::Review,
        DeadlineKind::Measure,
        DeadlineKind::AiActFria,
    ];

    /// The code used in `portfolio --json` and the calendar file: `authorisation_expiry`,
    /// `renewal_filing`, `review`, `measure`.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::AuthorisationExpiry => "authorisation_expiry",
            DeadlineKind::RenewalFiling => "renewal_filing",
            DeadlineKind::Review => "review",
            DeadlineKind::Measure => "measure",
            DeadlineKind::AiActFria => "ai_act_fria",
        }
    }
}

/// How close a deadline is, seen from a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// Passed: the authorisation has expired, the filing or review is late, the measure is late.
    Overdue,
    /// Within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// Later than that.
    Later,
}

impl Urgency {
    /// `overdue`, `due_soon` or `later`, as in `portfolio --json`.
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due_soon",
            Urgency::Later => "later",
        }
    }
}

/// One dated thing to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// What it is for.
    pub kind: DeadlineKind,
    /// The day.
    pub date: Date,
    /// The planned measure, for [`DeadlineKind::Measure`].
    pub measure_id: Option<MeasureId>,
    /// The measure's title, for [`DeadlineKind::Measure`]; the order's reference for an expiry or
    /// a renewal when the system holds several orders (empty otherwise).
    pub label: String,
}

impl Deadline {
    /// Days from `today` to the deadline (negative once passed).
    pub fn days_left(&self, today: Date) -> i64 {
        today.days_until(self.date)
    }

    /// How close it is seen from `today`. Every deadline is late the day after: the expiry day
    /// is the authorisation's last day covered, as R05-EXPIRED counts it.
    pub fn urgency(&self, today: Date) -> Urgency {
        let days = self.days_left(today);
        let is_passed = days < 0;
        if is_passed {
            Urgency::Overdue
        } else if days <= DUE_SOON_DAYS {
            Urgency::DueSoon
        } else {
            Urgency::Later
        }
    }
}

/// The day the renewal of an authorisation expiring on `expires_on` must be filed by: four
/// calendar months before (prefecture practice), not a count of days.
pub fn renewal_filing_date(expires_on: Date) -> Date {
    expires_on.add_months(-RENEWAL_NOTICE_MONTHS)
}

/// The next review: the date entered, or three years after the last review, or else three years
/// after the last validated version.
pub fn next_review(a: &Assessment) -> Option<Date> {
    a.project.review_due_on.or_else(|| {
        let last = a.project.last_review_on.or_else(|| {
            a.history
                .versions
                .iter()
                .filter_map(|v| v.validated_on)
                .max()
        });
        last.map(|last| last.add_years(REVIEW_YEARS))
    })
}

/// Every deadline of the assessment as the engine judged it: [`deadlines`], plus the FRIA's when
/// R26 asks for one (its date from the AI Act as amended: see [`DeadlineKind::AiActFria`]).
pub fn deadlines_of(a: &Assessment, report: &super::Report) -> Vec<Deadline> {
    let mut out = deadlines(a);
    if report.by_rule("R26").next().is_some() {
        let in_service = a.project.deployment_stage == crate::model::DeploymentStage::InOperation;
        let date = if in_service {
            super::ai_act::transition_ends_on()
        } else {
            super::ai_act::annex_iii_applies_on()
        };
        if let Some(date) = date {
            out.push(Deadline {
                kind: DeadlineKind::AiActFria,
                date,
                measure_id: None,
                label: String::new(),
            });
            out.sort_by(|x, y| {
                (x.date, x.kind, &x.measure_id).cmp(&(y.date, y.kind, &y.measure_id))
            });
        }
    }
    out
}

/// Every deadline of the assessment, soonest first (then by kind and measure).
pub fn deadlines(a: &Assessment) -> Vec<Deadline> {
    let mut out = Vec::new();
    let dated = |kind, date| Deadline {
        kind,
        date,
        measure_id: None,
        label: String::new(),
    };
    // Each order has its own dates; with several, each deadline names its order.
    let several = a.video_system.has_several_orders();
    for o in a.video_system.orders() {
        let auth = o.order;
        let Some(expires_on) = auth.expires_on() else {
            continue;
        };
        let label = if several {
            auth.reference.trim().to_owned()
        } else {
            String::new()
        };
        out.push(Deadline {
            label: label.clone(),
            ..dated(DeadlineKind::AuthorisationExpiry, expires_on)
        });
        if !a.video_system.is_renewal_filed(auth) {
            out.push(Deadline {
                label,
                ..dated(DeadlineKind::RenewalFiling, renewal_filing_date(expires_on))
            });
        }
    }
    if let Some(review) = next_review(a) {
        out.push(dated(DeadlineKind::Review, review));
    }
    for measure in action_plan(&a.measures) {
        if let Some(date) = measure.deadline {
            out.push(Deadline {
                kind: DeadlineKind::Measure,
                date,
                measure_id: Some(measure.measure_id.clone()),
                label: measure.title.trim().to_owned(),
            });
        }
    }
    out.sort_by(|x, y| (x.date, x.kind, &x.measure_id).cmp(&(y.date, y.kind, &y.measure_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, MeasureStatus};

    fn date(text: &str) -> Date {
        text.parse().expect("date")
    }

    #[test]
    fn an_authorisation_gives_its_expiry_and_the_renewal_four_months_before() {
        let mut a = Assessment::default();
        a.video_system.authorisation.granted_on = Some(date("2022-06-01"));
        let found = deadlines(&a);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, DeadlineKind::RenewalFiling);
        // Four calendar months, not 122 days (which gave 30 January).
        assert_eq!(found[0].date, date("2027-02-01"));
        // A day the target month lacks becomes its last.
        assert_eq!(renewal_filing_date(date("2027-06-30")), date("2027-02-28"));
        assert_eq!(renewal_filing_date(date("2028-06-30")), date("2028-02-29"));
        assert_eq!(renewal_filing_date(date("2027-01-31")), date("2026-09-30"));
        assert_eq!(found[1].kind, DeadlineKind::AuthorisationExpiry);
        assert_eq!(found[1].date, date("2027-06-01"));
        a.video_system.authorisation.is_renewal_filed = Some(true);
        let kinds: Vec<_> = deadlines(&a).iter().map(|d| d.kind).collect();
        assert_eq!(kinds, vec![DeadlineKind::AuthorisationExpiry]);
    }

    #[test]
    fn each_order_has_its_own_expiry_and_renewal_named_by_its_reference() {
        let mut a = Assessment::default();
        a.video_system.authorisation.reference = "2022-CENTRE".into();
        a.video_system.authorisation.granted_on = Some(date("2022-06-01"));
        a.video_system
            .further_authorisations
            .push(crate::model::Authorisation {
                reference: "2024-GARE".into(),
                granted_on: Some(date("2024-03-10")),
                is_renewal_filed: Some(true),
                ..crate::model::Authorisation::default()
            });
        let found = deadlines(&a);
        let seen: Vec<_> = found
            .iter()
            .map(|d| (d.kind, d.date, d.label.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    DeadlineKind::RenewalFiling,
                    date("2027-02-01"),
                    "2022-CENTRE"
                ),
                (
                    DeadlineKind::AuthorisationExpiry,
                    date("2027-06-01"),
                    "2022-CENTRE"
                ),
                (
                    DeadlineKind::AuthorisationExpiry,
                    date("2029-03-10"),
                    "2024-GARE"
                ),
            ]
        );
    }

    #[test]
    fn the_review_falls_back_to_three_years_after_the_last_and_measures_need_a_date() {
        let mut a = Assessment::default();
        a.project.last_review_on = Some(date("2024-02-29"));
        a.measures.push(Measure {
            measure_id: "M-1".into(),
            title: " Masquage ".into(),
            status: MeasureStatus::Planned,
            deadline: Some(date("2027-01-15")),
            ..Measure::default()
        });
        a.measures.push(Measure {
            measure_id: "M-2".into(),
            status: MeasureStatus::Planned,
            ..Measure::default()
        });
        let found = deadlines(&a);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].label, "Masquage");
        assert_eq!(found[1].kind, DeadlineKind::Review);
        assert_eq!(found[1].date, date("2027-02-28"));
        a.project.review_due_on = Some(date("2026-12-01"));
        assert_eq!(deadlines(&a)[0].date, date("2026-12-01"));
        // Neither a date nor a last review: three years after the last validated version.
        a.project.review_due_on = None;
        a.project.last_review_on = None;
        a.history.versions.push(crate::model::history::Version {
            validated_on: Some(date("2025-03-10")),
            ..Default::default()
        });
        assert_eq!(next_review(&a), Some(date("2028-03-10")));
    }

    #[test]
    fn every_deadline_is_late_the_day_after_and_the_expiry_day_is_still_covered() {
        let today = date("2026-12-01");
        let at = |kind, text: &str| Deadline {
            kind,
            date: date(text),
            measure_id: None,
            label: String::new(),
        };
        let expiry = DeadlineKind::AuthorisationExpiry;
        assert_eq!(at(expiry, "2026-11-30").urgency(today), Urgency::Overdue);
        assert_eq!(at(expiry, "2026-12-01").urgency(today), Urgency::DueSoon);
        let review = DeadlineKind::Review;
        assert_eq!(at(review, "2026-12-01").urgency(today), Urgency::DueSoon);
        assert_eq!(at(review, "2026-11-30").urgency(today), Urgency::Overdue);
        assert_eq!(at(review, "2027-01-30").urgency(today), Urgency::DueSoon);
        assert_eq!(at(review, "2027-01-31").urgency(today), Urgency::Later);
    }
}
