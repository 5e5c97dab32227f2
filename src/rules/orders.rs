//! The prefectoral orders (CSI L.252-1, five years under L.252-4): one or several per system —
//! large cities hold one per perimeter —, each judged on its own dates; the cameras judged
//! against every order together (a camera outside every order of a system in service is
//! operated without authorisation, L.254-1); and the images of third parties' cameras that the
//! controller receives or indexes (a joint-controller arrangement, GDPR art. 26).

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::Bilingual;
use crate::model::path;
use crate::model::{Assessment, Authorisation, Camera, Date, DeploymentStage, Order};

/// How many camera ids a message lists before « … ».
const LISTED_CAMERAS: usize = 12;

/// Emits R05-ABSENT (no order for a system in operation), R05-TO-OBTAIN (to obtain before a
/// planned system starts), R05-STAGE-UNKNOWN, and per order R05-UNDATED (a reference without a
/// date), R05-EXPIRED, R05-DURATION (more than five years entered) and R06 (renewal to file);
/// then the scope of the orders (`scope`) and the third parties' cameras (`third_parties`).
pub fn orders(a: &Assessment, texts: Texts, today: Date, out: &mut Vec<Finding>) {
    let v = &a.video_system;
    let orders = v.orders();
    let several = v.has_several_orders();
    for o in &orders {
        if o.order.duration_years > Authorisation::MAX_YEARS {
            out.push(texts.finding(
                "R05-DURATION",
                Severity::Medium,
                &[
                    ("years", text::number(o.order.duration_years)),
                    ("order", for_order(o, several)),
                ],
                vec![o.field("duration_years")],
            ));
        }
    }
    scope(a, texts, out);
    third_parties(a, texts, out);
    let is_blank = |o: &Order| o.order.reference.trim().is_empty() && o.order.granted_on.is_none();
    if orders.iter().all(is_blank) {
        // An unknown stage is never read as « planned »: high, and the finding asks for it.
        let (rule, severity) = match a.project.deployment_stage {
            DeploymentStage::Planned => ("R05-TO-OBTAIN", Severity::High),
            DeploymentStage::InOperation => ("R05-ABSENT", Severity::Blocking),
            DeploymentStage::Unknown => ("R05-STAGE-UNKNOWN", Severity::High),
        };
        let mut fields = vec![
            path::video_system::authorisation::REFERENCE.to_owned(),
            path::video_system::authorisation::GRANTED_ON.to_owned(),
        ];
        if rule == "R05-STAGE-UNKNOWN" {
            fields.insert(0, path::project::DEPLOYMENT_STAGE.to_owned());
        }
        out.push(texts.finding(rule, severity, &[], fields));
        return;
    }
    for o in &orders {
        let is_filed = a.video_system.is_renewal_filed(o.order);
        dates(o, several, is_filed, texts, today, out);
    }
}

/// R05-UNDATED, R05-EXPIRED or R06 for one order; nothing for an order left blank among several.
/// `is_filed`: the renewal is filed (answered so, or a renewal request is filed).
fn dates(
    o: &Order,
    several: bool,
    is_filed: bool,
    texts: Texts,
    today: Date,
    out: &mut Vec<Finding>,
) {
    let auth = o.order;
    let Some(expires_on) = auth.expires_on() else {
        if !auth.reference.trim().is_empty() {
            // A reference without its date cannot be checked for expiry.
            out.push(texts.finding(
                "R05-UNDATED",
                Severity::High,
                &[("reference", Bilingual::same(auth.reference.trim()))],
                vec![o.field("granted_on")],
            ));
        }
        return;
    };
    // `expires_on` is the last day covered: expired from the day after.
    if today > expires_on {
        let granted_on = auth.granted_on.map(text::date).unwrap_or_default();
        out.push(texts.finding(
            "R05-EXPIRED",
            Severity::Blocking,
            &[
                ("order", named(o, several)),
                ("granted_on", granted_on),
                (
                    "years",
                    text::number(auth.duration_years.min(Authorisation::MAX_YEARS)),
                ),
                ("expires_on", text::date(expires_on)),
            ],
            vec![o.field("granted_on"), o.field("duration_years")],
        ));
        return;
    }
    let days_left = today.days_until(expires_on);
    let filing_from = super::deadlines::renewal_filing_date(expires_on);
    if today >= filing_from && !is_filed {
        out.push(texts.finding(
            "R06",
            Severity::Medium,
            &[
                ("order", named(o, several)),
                ("expires_on", text::date(expires_on)),
                ("days", text::number(days_left)),
            ],
            vec![o.field("is_renewal_filed")],
        ));
    }
}

/// The order's name after « L’autorisation » when the system holds several (« « 2019-0412 » »,
/// or its number when it has no reference); nothing with one order.
fn named(o: &Order, several: bool) -> Bilingual {
    if !several {
        return Bilingual::same("");
    }
    let reference = o.order.reference.trim();
    if reference.is_empty() {
        let number = o.further_index.map_or(1, |i| i + 2);
        Bilingual {
            fr: format!(" n° {number}"),
            en: format!(" no. {number}"),
        }
    } else {
        Bilingual {
            fr: format!(" « {reference} »"),
            en: format!(" “{reference}”"),
        }
    }
}

/// « pour l’arrêté « X » » after a statement when the system holds several orders.
fn for_order(o: &Order, several: bool) -> Bilingual {
    if !several {
        return Bilingual::same("");
    }
    let name = named(o, several);
    Bilingual {
        fr: format!(" pour l’arrêté{}", name.fr),
        en: format!(" for the order{}", name.en),
    }
}

/// R05-OUTSIDE: the controller's own cameras outside every order (judged when every order lists
/// its perimeters) — blocking for a system in service (operated without authorisation, CSI
/// L.252-1 and L.254-1), high while planned or when the stage is not said; R05-SCOPE: more
/// cameras than an order authorises, purposes no order authorises, cameras with no perimeter;
/// R05-COUPLING: the analytics coupling not declared to the prefecture.
fn scope(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let v = &a.video_system;
    let orders = v.orders();
    let several = v.has_several_orders();
    let own: Vec<&Camera> = a.cameras.iter().filter(|c| !c.is_third_party()).collect();
    let perimeters_listed = orders
        .iter()
        .all(|o| !o.order.authorised_perimeters.is_empty());
    let perimeter_fields = || -> Vec<path::FieldPath> {
        orders
            .iter()
            .map(|o| o.field("authorised_perimeters"))
            .collect()
    };
    let mut gaps = Vec::new();
    let mut fields = Vec::new();
    if perimeters_listed {
        let (unnamed, named_cameras): (Vec<&Camera>, Vec<&Camera>) =
            own.iter().partition(|c| c.perimeter.trim().is_empty());
        let outside: Vec<&str> = named_cameras
            .iter()
            .filter(|c| !orders.iter().any(|o| o.order.covers(c)))
            .map(|c| c.camera_id.as_str())
            .collect();
        if !outside.is_empty() {
            let severity = match a.project.deployment_stage {
                DeploymentStage::InOperation => Severity::Blocking,
                DeploymentStage::Planned | DeploymentStage::Unknown => Severity::High,
            };
            out.push(texts.finding(
                "R05-OUTSIDE",
                severity,
                &[
                    ("count", text::number(outside.len())),
                    ("cameras", listed(&outside)),
                ],
                perimeter_fields(),
            ));
        }
        if !unnamed.is_empty() {
            let ids: Vec<&str> = unnamed.iter().map(|c| c.camera_id.as_str()).collect();
            gaps.push(texts.phrase(
                "r05.no_perimeter",
                &[
                    ("count", text::number(ids.len())),
                    ("cameras", listed(&ids)),
                ],
            ));
            fields.extend(perimeter_fields());
        }
    }
    for o in &orders {
        let Some(max) = o.order.authorised_camera_count else {
            continue;
        };
        // Cameras counted against an order: those of its perimeters, or all of the controller's
        // when one order without perimeters covers the system.
        let count = if !o.order.authorised_perimeters.is_empty() {
            own.iter().filter(|c| o.order.covers(c)).count()
        } else if !several {
            own.len()
        } else {
            continue;
        };
        if count > usize::try_from(max).unwrap_or(usize::MAX) {
            let mut gap = texts.phrase(
                "r05.too_many_cameras",
                &[("count", text::number(count)), ("max", text::number(max))],
            );
            let order = for_order(o, several);
            gap.fr.push_str(&order.fr);
            gap.en.push_str(&order.en);
            gaps.push(gap);
            fields.push(o.field("authorised_camera_count"));
        }
    }
    // Purposes are judged against the orders together, once every order lists its own.
    if orders
        .iter()
        .all(|o| !o.order.authorised_purposes.is_empty())
    {
        let unauthorised: Vec<Bilingual> = a
            .processing
            .purposes
            .iter()
            .filter(|p| {
                !orders
                    .iter()
                    .any(|o| o.order.authorised_purposes.contains(&p.kind))
            })
            // An order lists the CSI purposes; statistics and « other » are judged elsewhere (R04).
            .filter(|p| p.kind.csi_number().is_some())
            .map(|p| {
                texts.kb.purpose(p.kind).map_or_else(
                    || Bilingual::same(format!("{:?}", p.kind)),
                    |d| d.label.clone(),
                )
            })
            .collect();
        if !unauthorised.is_empty() {
            gaps.push(texts.phrase(
                "r05.unauthorised_purposes",
                &[("purposes", text::join(&unauthorised))],
            ));
            fields.extend(orders.iter().map(|o| o.field("authorised_purposes")));
        }
    }
    if !gaps.is_empty() {
        fields.dedup();
        out.push(texts.finding(
            "R05-SCOPE",
            Severity::High,
            &[("gaps", text::join(&gaps))],
            fields,
        ));
    }
    // The coupling is declared order by order: an order that says « not declared » and covers a
    // coupled camera (or covers the whole system).
    let undeclared: Vec<path::FieldPath> = orders
        .iter()
        .filter(|o| o.order.is_analytics_declared == Some(false))
        .filter(|o| {
            own.iter().any(|c| {
                c.is_analytics_coupled
                    && (o.order.covers(c) || (o.order.authorised_perimeters.is_empty()))
            })
        })
        .map(|o| o.field("is_analytics_declared"))
        .collect();
    if !undeclared.is_empty() {
        out.push(texts.finding("R05-COUPLING", Severity::Medium, &[], undeclared));
    }
}

/// The first [`LISTED_CAMERAS`] ids, then « … ».
fn listed(ids: &[&str]) -> Bilingual {
    let mut shown: Vec<&str> = ids.iter().take(LISTED_CAMERAS).copied().collect();
    if ids.len() > LISTED_CAMERAS {
        shown.push("…");
    }
    Bilingual::same(shown.join(", "))
}

/// R05-THIRD-PARTY: cameras operated by a third party (a shopping centre, a transport operator)
/// feed the system, and the joint-controller arrangement (GDPR art. 26) or the controller's own
/// basis for those images is not recorded. High when the arrangement is said not to exist or
/// the controller indexes those images with its analytics software; medium while unanswered.
fn third_parties(a: &Assessment, texts: Texts, out: &mut Vec<Finding>) {
    let third: Vec<&Camera> = a.cameras.iter().filter(|c| c.is_third_party()).collect();
    if third.is_empty() {
        return;
    }
    let answers = &a.video_system.third_party;
    let has_basis = !answers.basis.trim().is_empty();
    if answers.has_joint_arrangement == Some(true) && has_basis {
        return;
    }
    let mut operators: Vec<&str> = third.iter().map(|c| c.operator.trim()).collect();
    operators.sort_unstable();
    operators.dedup();
    let indexed = third.iter().any(|c| c.is_analytics_coupled);
    let mut missing = Vec::new();
    let mut fields = Vec::new();
    if answers.has_joint_arrangement != Some(true) {
        missing.push(texts.phrase("r05.third_party.no_arrangement", &[]));
        fields.push(path::video_system::third_party::HAS_JOINT_ARRANGEMENT.to_owned());
    }
    if !has_basis {
        missing.push(texts.phrase("r05.third_party.no_basis", &[]));
        fields.push(path::video_system::third_party::BASIS.to_owned());
    }
    let severity = if answers.has_joint_arrangement == Some(false) || indexed {
        Severity::High
    } else {
        Severity::Medium
    };
    let use_phrase = if indexed {
        "r05.third_party.indexed"
    } else {
        "r05.third_party.received"
    };
    out.push(texts.finding(
        "R05-THIRD-PARTY",
        severity,
        &[
            ("count", text::number(third.len())),
            ("operators", Bilingual::same(operators.join(", "))),
            ("use", texts.phrase(use_phrase, &[])),
            ("missing", text::join(&missing)),
        ],
        fields,
    ));
}
