//! The requests to the prefect checked against the AIPD, as a prefecture clerk would: a
//! retention the law does not allow or shorter than the images are really kept, cameras or
//! perimeters on one side and not the other, purposes used but not asked, a coupling to
//! analytics left out of a modification or renewal, purposes the controller may not ask, fields
//! of view that cross dwellings without a mask on the plans joined, the order followed missing,
//! and a prefect silent for more than four months. Only requests still open (in preparation or
//! filed) are checked; the renewal's filing date is R06's.

use std::collections::BTreeSet;

use super::finding::{Finding, Severity};
use super::text::{self, Texts};
use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::path;
use crate::model::{Assessment, AuthorisationRequest, Date, RequestKind, RequestStatus};

/// The longest retention the law allows (CSI L.252-5).
const MONTH: u32 = 30;

/// How many names a message lists before « … ».
const LISTED: usize = 8;

/// Every request's findings.
pub fn requests(a: &Assessment, kb: &KnowledgeBase, today: Date, out: &mut Vec<Finding>) {
    let texts = Texts { kb };
    for (index, request) in a.video_system.requests.iter().enumerate() {
        if !request.is_open() {
            continue;
        }
        let number = text::number(index + 1);
        let field = |name: &str| path::request(index, Some(name));
        retention(a, request, &number, texts, &field, out);
        perimeters(a, request, &number, texts, &field, out);
        purposes(a, kb, request, &number, texts, &field, out);
        analytics(a, request, &number, texts, &field, out);
        public_road(a, request, &number, texts, &field, out);
        dwellings(a, request, &number, texts, &field, out);
        lifecycle(a, request, &number, texts, today, &field, out);
    }
}

/// REQ-RETENTION-LAW (more than a month asked) and REQ-RETENTION-SHORT (the AIPD keeps images
/// longer than the request asks).
fn retention(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let Some(asked) = request.retention_days else {
        return;
    };
    if asked > MONTH {
        out.push(texts.finding(
            "REQ-RETENTION-LAW",
            Severity::High,
            &[("number", number.clone()), ("days", text::number(asked))],
            vec![field("retention_days")],
        ));
    }
    if let Some(kept) = a.video_system.image_retention_days {
        if kept > asked {
            out.push(texts.finding(
                "REQ-RETENTION-SHORT",
                Severity::High,
                &[
                    ("number", number.clone()),
                    ("asked", text::number(asked)),
                    ("kept", text::number(kept)),
                ],
                vec![
                    field("retention_days"),
                    path::video_system::IMAGE_RETENTION_DAYS.to_owned(),
                ],
            ));
        }
    }
}

/// REQ-PERIMETER-LEFT (a renewal or new request naming perimeters leaves out cameras that no
/// other order covers) and REQ-PERIMETER-EMPTY (a perimeter asked with no camera in the
/// inventory).
fn perimeters(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let named: Vec<&str> = request
        .perimeters
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if named.is_empty() {
        return;
    }
    if request.kind != RequestKind::Modification {
        // Cameras outside the request and outside every other order lose (or never get) an
        // authorisation.
        let followed = request.current_order.trim();
        let others: Vec<_> = a
            .video_system
            .orders()
            .into_iter()
            .filter(|o| {
                followed.is_empty() || !o.order.reference.trim().eq_ignore_ascii_case(followed)
            })
            .collect();
        let left: BTreeSet<&str> = a
            .cameras
            .iter()
            .filter(|c| !request.covers_perimeter(&c.perimeter))
            .filter(|c| !others.iter().any(|o| o.order.covers(c)))
            .map(|c| c.perimeter.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if !left.is_empty() {
            let cameras = a
                .cameras
                .iter()
                .filter(|c| left.contains(c.perimeter.trim()))
                .count();
            out.push(texts.finding(
                "REQ-PERIMETER-LEFT",
                Severity::Medium,
                &[
                    ("number", number.clone()),
                    ("perimeters", listed(left.into_iter())),
                    ("cameras", text::number(cameras)),
                ],
                vec![field("perimeters")],
            ));
        }
    }
    let empty: Vec<&str> = named
        .iter()
        .copied()
        .filter(|p| {
            !a.cameras
                .iter()
                .any(|c| c.perimeter.trim().eq_ignore_ascii_case(p))
        })
        .collect();
    if !empty.is_empty() {
        out.push(texts.finding(
            "REQ-PERIMETER-EMPTY",
            Severity::Medium,
            &[
                ("number", number.clone()),
                ("perimeters", listed(empty.into_iter())),
            ],
            vec![field("perimeters")],
        ));
    }
}

/// REQ-PURPOSE-UNASKED (a CSI purpose the AIPD records or a covered camera serves, not asked)
/// and REQ-PURPOSE-CONTROLLER (a purpose asked that this kind of controller may not pursue).
fn purposes(
    a: &Assessment,
    kb: &KnowledgeBase,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let label = |kind: crate::model::PurposeKind| {
        kb.purpose(kind)
            .map_or_else(|| Bilingual::same(format!("{kind:?}")), |d| d.label.clone())
    };
    let mut used: Vec<crate::model::PurposeKind> = Vec::new();
    let recorded = a.processing.purposes.iter().map(|p| p.kind);
    let served = a
        .cameras
        .iter()
        .filter(|c| request.covers_perimeter(&c.perimeter))
        .flat_map(|c| c.purposes.iter().copied());
    for kind in recorded.chain(served) {
        if kind.csi_number().is_some() && !used.contains(&kind) {
            used.push(kind);
        }
    }
    let unasked: Vec<Bilingual> = used
        .iter()
        .filter(|k| !request.purposes.contains(k))
        .map(|k| label(*k))
        .collect();
    if !unasked.is_empty() {
        out.push(texts.finding(
            "REQ-PURPOSE-UNASKED",
            Severity::High,
            &[
                ("number", number.clone()),
                ("purposes", text::join(&unasked)),
            ],
            vec![field("purposes")],
        ));
    }
    let organisation = a.project.organisation_kind;
    let barred: Vec<Bilingual> = request
        .purposes
        .iter()
        .filter(|k| k.is_allowed_purpose() && !k.is_open_to(organisation))
        .map(|k| label(*k))
        .collect();
    if !barred.is_empty() {
        out.push(texts.finding(
            "REQ-PURPOSE-CONTROLLER",
            Severity::High,
            &[
                ("number", number.clone()),
                ("kind", texts.variant("organisation_kind", organisation)),
                ("purposes", text::join(&barred)),
            ],
            vec![
                field("purposes"),
                path::project::ORGANISATION_KIND.to_owned(),
            ],
        ));
    }
}

/// REQ-ANALYTICS-UNDECLARED: cameras of the request are coupled to analytics software and a
/// modification or renewal does not declare it — whether the coupling is a substantial
/// modification is to verify, so it informs, never blocks.
fn analytics(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let coupled = a
        .cameras
        .iter()
        .filter(|c| c.is_analytics_coupled && request.covers_perimeter(&c.perimeter))
        .count();
    if coupled > 0 && request.declares_analytics != Some(true) {
        out.push(texts.finding(
            "REQ-ANALYTICS-UNDECLARED",
            Severity::Medium,
            &[
                ("number", number.clone()),
                ("cameras", text::number(coupled)),
            ],
            vec![field("declares_analytics")],
        ));
    }
}

/// REQ-PUBLIC-ROAD: a private body asks for cameras that film the public road — it may film
/// only the immediate surroundings of its premises, on the grounds the code lists.
fn public_road(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    if a.project.organisation_kind != crate::model::OrganisationKind::Private {
        return;
    }
    let on_road: Vec<&crate::model::Camera> = a
        .cameras
        .iter()
        .filter(|c| {
            c.setting == Some(crate::model::CameraSetting::PublicRoad)
                && request.covers_perimeter(&c.perimeter)
        })
        .collect();
    if on_road.is_empty() {
        return;
    }
    let mut fields = vec![
        field("perimeters"),
        path::project::ORGANISATION_KIND.to_owned(),
    ];
    fields.extend(
        on_road
            .iter()
            .map(|c| path::camera(&c.camera_id, Some("setting"))),
    );
    out.push(texts.finding(
        "REQ-PUBLIC-ROAD",
        Severity::Medium,
        &[
            ("number", number.clone()),
            ("count", text::number(on_road.len())),
            (
                "cameras",
                listed(on_road.iter().map(|c| c.camera_id.as_str())),
            ),
        ],
        fields,
    ));
}

/// REQ-DWELLINGS-UNMASKED: on the plans the request joins, a camera's field of view crosses a
/// dwelling outside its masks (CSI L.251-3).
fn dwellings(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let covered_ids: BTreeSet<&crate::model::CameraId> = a
        .cameras
        .iter()
        .filter(|c| request.covers_perimeter(&c.perimeter))
        .map(|c| &c.camera_id)
        .collect();
    let mut cameras: BTreeSet<String> = BTreeSet::new();
    let mut fields = vec![field("perimeters")];
    for plan in a.plans.iter().filter(|p| p.scale().is_some()) {
        for placement in plan.placements.iter().filter(|p| !p.optics_unknown) {
            let covered = covered_ids.contains(&placement.camera_id);
            let crosses = plan
                .zones_in_view(placement)
                .iter()
                .any(|(zone, unmasked)| *unmasked && zone.kind == crate::model::ZoneKind::Dwelling);
            if covered && crosses && cameras.insert(placement.camera_id.to_string()) {
                fields.push(path::placement(
                    &plan.plan_id,
                    &placement.camera_id,
                    Some("masks"),
                ));
            }
        }
    }
    if !cameras.is_empty() {
        out.push(texts.finding(
            "REQ-DWELLINGS-UNMASKED",
            Severity::High,
            &[
                ("number", number.clone()),
                ("cameras", listed(cameras.iter().map(String::as_str))),
            ],
            fields,
        ));
    }
}

/// REQ-ORDER-MISSING (a modification or renewal names no order, or one the AIPD does not hold)
/// and REQ-SILENCE (filed more than four months ago without a decision: the silence is a
/// refusal).
fn lifecycle(
    a: &Assessment,
    request: &AuthorisationRequest,
    number: &Bilingual,
    texts: Texts,
    today: Date,
    field: &dyn Fn(&str) -> path::FieldPath,
    out: &mut Vec<Finding>,
) {
    let followed = request.current_order.trim();
    if request.kind.follows_an_order() {
        let is_known = a
            .video_system
            .orders()
            .iter()
            .any(|o| o.order.reference.trim().eq_ignore_ascii_case(followed));
        if followed.is_empty() || !is_known {
            out.push(texts.finding(
                "REQ-ORDER-MISSING",
                Severity::Medium,
                &[
                    ("number", number.clone()),
                    ("order", Bilingual::same(followed)),
                ],
                vec![field("current_order")],
            ));
        }
    }
    if request.status == RequestStatus::Filed {
        if let Some(filed_on) = request.filed_on {
            let answer_by = filed_on.add_months(4);
            if today > answer_by {
                out.push(texts.finding(
                    "REQ-SILENCE",
                    Severity::Medium,
                    &[
                        ("number", number.clone()),
                        ("filed_on", text::date(filed_on)),
                        ("answer_by", text::date(answer_by)),
                    ],
                    vec![field("status"), field("decided_on")],
                ));
            }
        }
    }
}

/// Up to `LISTED` names joined, then « … ».
fn listed<'a>(names: impl Iterator<Item = &'a str>) -> Bilingual {
    let names: Vec<&str> = names.collect();
    let mut shown = names
        .iter()
        .take(LISTED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > LISTED {
        shown.push_str(", …");
    }
    Bilingual::same(shown)
}
