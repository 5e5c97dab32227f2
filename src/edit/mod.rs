//! Structural edits of an assessment — adding and removing rows, applying a catalogue measure,
//! overriding a criterion — as values, so buttons, tests and undo all go through one `apply`.
//! Edits of a single field happen in place in the UI; these are the rest. `apply` dispatches by
//! area: the inventory's edits in `cameras`, the site plans' in `plans`, the requests to the
//! prefect's in `requests`, the others here.

mod cameras;
mod plans;
mod requests;

use crate::knowledge::KnowledgeBase;
use crate::model::geometry::Point;
pub use crate::model::site_plan::{GeoPlacement, GeoSheet};
use crate::model::{
    Actor, Assessment, Camera, CameraId, CriterionId, CriterionOverride, Evidence, EvidenceId,
    Measure, MeasureId, MeasureStatus, PlanId, Purpose, PurposeKind, Risk, RiskId, Signature,
    ZoneId, ZoneKind,
};

/// A structural edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a purpose.
    AddPurpose(PurposeKind),
    /// Remove the purpose at this index.
    RemovePurpose(usize),
    /// Add an empty actor.
    AddActor,
    /// Remove the actor at this index.
    RemoveActor(usize),
    /// Set a criterion by hand (`Some(met)`) or go back to the derived value (`None`).
    OverrideCriterion(CriterionId, Option<bool>),
    /// Add a risk with a fresh id.
    AddRisk,
    /// Remove a risk.
    RemoveRisk(RiskId),
    /// Add a measure from the catalogue.
    AddCatalogueMeasure(MeasureId),
    /// Add a measure of the user's own.
    AddCustomMeasure,
    /// Remove a measure (and its links from risks).
    RemoveMeasure(MeasureId),
    /// Add a camera with a fresh id.
    AddCamera,
    /// Copy these cameras under fresh ids.
    DuplicateCameras(Vec<CameraId>),
    /// Delete these cameras.
    DeleteCameras(Vec<CameraId>),
    /// Couple (or uncouple) these cameras to the analytics software.
    SetCoupled(Vec<CameraId>, bool),
    /// Add a purpose to these cameras.
    AddCameraPurpose(Vec<CameraId>, PurposeKind),
    /// Remove a purpose from these cameras.
    RemoveCameraPurpose(Vec<CameraId>, PurposeKind),
    /// Set privacy masking on these cameras.
    SetMasking(Vec<CameraId>, bool),
    /// Say where the cameras film (public road, outside, inside), or that it is not said.
    SetSetting(Vec<CameraId>, Option<crate::model::CameraSetting>),
    /// Add cameras read from a CSV file (ids already checked unique).
    ImportCameras(Vec<Camera>),
    /// Replace the cameras of these ids with these records (an import updating the inventory).
    UpdateCameras(Vec<Camera>),
    /// Fill the capability checklist from a preset of a common suite.
    ApplyPreset(crate::knowledge::presets::Preset),
    /// Attach a document to the evidence locker.
    AddEvidence(Evidence),
    /// Remove a document from the locker (and its links).
    RemoveEvidence(EvidenceId),
    /// Add a signature line.
    AddSignature,
    /// Remove the signature line at this index.
    RemoveSignature(usize),
    /// Add a blank plan (a sheet of 2,000 × 1,400 pixels) for this perimeter.
    AddPlan(String),
    /// Remove a plan.
    RemovePlan(PlanId),
    /// Place a camera on a plan at this point (moved there if it is already on it).
    PlaceCamera(PlanId, CameraId, Point),
    /// Take a camera off a plan.
    RemovePlacement(PlanId, CameraId),
    /// Add a zone of this kind and name with this outline (three points or more).
    AddZone(PlanId, ZoneKind, String, Vec<Point>),
    /// Remove a zone.
    RemoveZone(PlanId, ZoneId),
    /// Add a privacy mask (three points or more) to a placed camera.
    AddMask(PlanId, CameraId, Vec<Point>),
    /// Remove every mask of a placed camera.
    ClearMasks(PlanId, CameraId),
    /// Positions read from a GIS file on a plan without cameras: the sheet's size and scale,
    /// then each camera with its point and, when the file gives them, its direction, angle and
    /// range.
    ImportPositions(PlanId, GeoSheet),
    /// Georeference a plan (`None`: no longer): its scale follows, and the cameras whose
    /// position on Earth is known go where it falls on the sheet (see `plans::set_georef`).
    SetGeoref(PlanId, Option<crate::model::Georef>),
    /// Draw a plan on a background of the evidence locker (`None`: on a blank sheet again),
    /// whose sides in pixels become the sheet's. A scale set on other sides no longer holds
    /// and is cleared; the cameras and zones stay where they are.
    SetPlanBackground(PlanId, Option<EvidenceId>, u32, u32),
    /// Allow a file outside the project's folder (a logo) into its documents, for this content
    /// (an earlier permission for the same path is replaced).
    TrustFile(crate::model::TrustedFile),
    /// Prepare a request to the prefect from the AIPD's answers.
    AddRequest,
    /// Remove a request, by its rank.
    RemoveRequest(usize),
    /// Record the order a granted request obtained among the system's orders.
    RecordOrder(usize),
}

/// The first id `name(1)`, `name(2)`… not yet used by `taken`.
fn fresh_id<'a>(
    name: impl Fn(usize) -> String,
    taken: impl Iterator<Item = &'a str> + Clone,
) -> String {
    (1..)
        .map(&name)
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| name(0))
}

/// Applies an edit. Edits that name something absent change nothing.
pub fn apply(a: &mut Assessment, kb: &KnowledgeBase, edit: &Edit) {
    match edit {
        Edit::AddPurpose(kind) => {
            let regime = kb
                .purpose(*kind)
                .map(|d| d.usual_regime)
                .unwrap_or_default();
            a.processing.purposes.push(Purpose {
                kind: *kind,
                regime,
                ..Purpose::default()
            });
        }
        Edit::RemovePurpose(index) => {
            if *index < a.processing.purposes.len() {
                a.processing.purposes.remove(*index);
            }
        }
        Edit::AddActor => a.processing.actors.push(Actor::default()),
        Edit::RemoveActor(index) => {
            if *index < a.processing.actors.len() {
                a.processing.actors.remove(*index);
            }
        }
        Edit::OverrideCriterion(id, value) => {
            let overrides = &mut a.screening.overrides;
            match (value, overrides.iter_mut().find(|o| &o.criterion_id == id)) {
                (None, _) => overrides.retain(|o| &o.criterion_id != id),
                (Some(met), Some(existing)) => existing.is_met = *met,
                (Some(met), None) => overrides.push(CriterionOverride {
                    criterion_id: id.clone(),
                    is_met: *met,
                    reason: String::new(),
                }),
            }
        }
        Edit::AddRisk => {
            let id = fresh_id(
                |n| format!("RISK-{n}"),
                a.risks.iter().map(|r| r.risk_id.as_str()),
            );
            a.risks.push(Risk {
                risk_id: RiskId::new(id),
                ..Risk::default()
            });
        }
        Edit::RemoveRisk(id) => a.risks.retain(|r| &r.risk_id != id),
        Edit::AddCatalogueMeasure(catalogue_id) => {
            let Some(def) = kb.measure(catalogue_id) else {
                return;
            };
            let measure_id = if a.measure_by_id(catalogue_id).is_some() {
                MeasureId::new(fresh_id(
                    |n| format!("{catalogue_id}-{n}"),
                    a.measures.iter().map(|m| m.measure_id.as_str()),
                ))
            } else {
                catalogue_id.clone()
            };
            a.measures.push(Measure {
                measure_id,
                catalogue_id: Some(catalogue_id.clone()),
                kind: def.kind,
                title: def.title.get(a.project.dossier_language).to_owned(),
                description: def.description.get(a.project.dossier_language).to_owned(),
                status: MeasureStatus::Planned,
                ..Measure::default()
            });
        }
        Edit::AddCustomMeasure => {
            let id = fresh_id(
                |n| format!("M-X{n}"),
                a.measures.iter().map(|m| m.measure_id.as_str()),
            );
            a.measures.push(Measure {
                measure_id: MeasureId::new(id),
                status: MeasureStatus::Planned,
                ..Measure::default()
            });
        }
        Edit::RemoveMeasure(id) => {
            a.measures.retain(|m| &m.measure_id != id);
            for risk in &mut a.risks {
                risk.measure_ids.retain(|m| m != id);
            }
        }
        Edit::ApplyPreset(preset) => {
            for record in crate::knowledge::presets::records(*preset) {
                match a
                    .capabilities
                    .iter_mut()
                    .find(|r| r.capability_id == record.capability_id)
                {
                    Some(existing) => {
                        let evidence = std::mem::take(&mut existing.evidence_ids);
                        *existing = record;
                        existing.evidence_ids = evidence;
                    }
                    None => a.capabilities.push(record),
                }
            }
            a.capabilities
                .sort_by(|x, y| x.capability_id.cmp(&y.capability_id));
        }
        Edit::AddEvidence(evidence) => {
            let mut evidence = evidence.clone();
            if evidence.evidence_id.as_str().is_empty()
                || a.evidence_by_id(&evidence.evidence_id).is_some()
            {
                evidence.evidence_id = EvidenceId::new(fresh_id(
                    |n| format!("EV-{n:02}"),
                    a.evidence.iter().map(|e| e.evidence_id.as_str()),
                ));
            }
            a.evidence.push(evidence);
        }
        Edit::RemoveEvidence(id) => {
            a.evidence.retain(|e| &e.evidence_id != id);
            for record in &mut a.capabilities {
                record.evidence_ids.retain(|e| e != id);
            }
            for measure in &mut a.measures {
                measure.evidence_ids.retain(|e| e != id);
            }
            for risk in &mut a.risks {
                risk.evidence_ids.retain(|e| e != id);
            }
        }
        Edit::TrustFile(file) => {
            a.project.trusted_files.retain(|t| t.path != file.path);
            a.project.trusted_files.push(file.clone());
        }
        Edit::AddSignature => a.opinions.signatures.push(Signature::default()),
        Edit::RemoveSignature(index) => {
            if *index < a.opinions.signatures.len() {
                a.opinions.signatures.remove(*index);
            }
        }
        Edit::AddCamera
        | Edit::DuplicateCameras(..)
        | Edit::DeleteCameras(..)
        | Edit::SetCoupled(..)
        | Edit::AddCameraPurpose(..)
        | Edit::RemoveCameraPurpose(..)
        | Edit::SetMasking(..)
        | Edit::SetSetting(..)
        | Edit::ImportCameras(..)
        | Edit::UpdateCameras(..) => cameras::apply(a, edit),
        Edit::AddRequest | Edit::RemoveRequest(..) | Edit::RecordOrder(..) => {
            requests::apply(a, edit);
        }
        Edit::AddPlan(..)
        | Edit::RemovePlan(..)
        | Edit::PlaceCamera(..)
        | Edit::RemovePlacement(..)
        | Edit::AddZone(..)
        | Edit::RemoveZone(..)
        | Edit::AddMask(..)
        | Edit::ClearMasks(..)
        | Edit::SetPlanBackground(..)
        | Edit::ImportPositions(..)
        | Edit::SetGeoref(..) => plans::apply(a, edit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::bundled().expect("bundled knowledge base")
    }

    #[test]
    fn an_override_is_added_changed_and_removed() {
        let kb = kb();
        let mut a = Assessment::default();
        let c5 = CriterionId::new("C5");
        apply(
            &mut a,
            &kb,
            &Edit::OverrideCriterion(c5.clone(), Some(false)),
        );
        apply(
            &mut a,
            &kb,
            &Edit::OverrideCriterion(c5.clone(), Some(true)),
        );
        assert_eq!(a.screening.overrides.len(), 1);
        assert!(a.screening.overrides[0].is_met);
        apply(&mut a, &kb, &Edit::OverrideCriterion(c5, None));
        assert!(a.screening.overrides.is_empty());
    }

    #[test]
    fn new_risks_and_measures_get_unused_ids() {
        let kb = kb();
        let mut a = Assessment::default();
        apply(&mut a, &kb, &Edit::AddRisk);
        apply(&mut a, &kb, &Edit::AddRisk);
        let ids: Vec<&str> = a.risks.iter().map(|r| r.risk_id.as_str()).collect();
        assert_eq!(ids, ["RISK-1", "RISK-2"]);
        apply(
            &mut a,
            &kb,
            &Edit::AddCatalogueMeasure(MeasureId::new("M-T1")),
        );
        apply(
            &mut a,
            &kb,
            &Edit::AddCatalogueMeasure(MeasureId::new("M-T1")),
        );
        let ids: Vec<&str> = a.measures.iter().map(|m| m.measure_id.as_str()).collect();
        assert_eq!(ids, ["M-T1", "M-T1-1"]);
        assert!(!a.measures[0].title.is_empty());
    }

    #[test]
    fn removing_a_measure_unlinks_it_from_risks() {
        let kb = kb();
        let mut a = Assessment::default();
        apply(
            &mut a,
            &kb,
            &Edit::AddCatalogueMeasure(MeasureId::new("M-T2")),
        );
        apply(&mut a, &kb, &Edit::AddRisk);
        a.risks[0].measure_ids.push(MeasureId::new("M-T2"));
        apply(&mut a, &kb, &Edit::RemoveMeasure(MeasureId::new("M-T2")));
        assert!(a.measures.is_empty() && a.risks[0].measure_ids.is_empty());
    }

    #[test]
    fn bulk_edits_touch_the_selected_cameras_only() {
        let kb = kb();
        let mut a = Assessment {
            cameras: (0..4)
                .map(|n| Camera {
                    camera_id: CameraId::new(format!("C{n}")),
                    purposes: vec![PurposeKind::Csi1, PurposeKind::Csi5],
                    ..Camera::default()
                })
                .collect(),
            ..Assessment::default()
        };
        let selected = vec![CameraId::new("C1"), CameraId::new("C3")];
        apply(
            &mut a,
            &kb,
            &Edit::RemoveCameraPurpose(selected.clone(), PurposeKind::Csi5),
        );
        apply(&mut a, &kb, &Edit::SetCoupled(selected.clone(), true));
        let purposes: Vec<usize> = a.cameras.iter().map(|c| c.purposes.len()).collect();
        assert_eq!(purposes, [2, 1, 2, 1]);
        let coupled: Vec<bool> = a.cameras.iter().map(|c| c.is_analytics_coupled).collect();
        assert_eq!(coupled, [false, true, false, true]);
        apply(&mut a, &kb, &Edit::DeleteCameras(selected));
        let left: Vec<&str> = a.cameras.iter().map(|c| c.camera_id.as_str()).collect();
        assert_eq!(left, ["C0", "C2"]);
    }
}
