//! The requests to the prefect: one prepared from the AIPD's answers (its kind from the orders
//! the system holds, its purposes, retention and coupling from what the AIPD records), removed,
//! and, once granted, its order recorded among the system's orders — the one it renews or
//! modifies updated, a new one added — so the expiry and renewal rules follow the new order.

use super::Edit;
use crate::model::{Assessment, Authorisation, AuthorisationRequest, RequestStatus};

/// Applies one of the requests' edits (any other edit is not this module's).
pub(super) fn apply(a: &mut Assessment, edit: &Edit) {
    match edit {
        Edit::AddRequest => {
            let request = AuthorisationRequest::prepared_from(a);
            a.video_system.requests.push(request);
        }
        Edit::RemoveRequest(index) if *index < a.video_system.requests.len() => {
            a.video_system.requests.remove(*index);
        }
        Edit::RecordOrder(index) => record_order(a, *index),
        _ => {}
    }
}

/// The order a granted request obtained, as the system's order: the order it renews or
/// modifies (same reference) takes the new reference, date and terms; otherwise the first
/// order when it is still blank, or a further one. Nothing for a request not granted.
fn record_order(a: &mut Assessment, index: usize) {
    let Some(request) = a.video_system.requests.get(index).cloned() else {
        return;
    };
    if request.status != RequestStatus::Granted || request.granted_order.trim().is_empty() {
        return;
    }
    let cameras = a
        .cameras
        .iter()
        .filter(|c| request.covers_perimeter(&c.perimeter))
        .count();
    let perimeters: Vec<String> = request
        .perimeters
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let terms = |order: &mut Authorisation| {
        order.reference = request.granted_order.trim().to_owned();
        order.granted_on = request.decided_on;
        order.duration_years = Authorisation::MAX_YEARS;
        order.authorised_retention_days = request.retention_days;
        order.is_renewal_filed = None;
        order.authorised_perimeters = perimeters.clone();
        order.authorised_camera_count = u32::try_from(cameras).ok();
        order.authorised_purposes = request.purposes.clone();
        order.is_analytics_declared = request.declares_analytics;
    };
    let v = &mut a.video_system;
    let follows = request.current_order.trim();
    let same = |order: &Authorisation| {
        !follows.is_empty() && order.reference.trim().eq_ignore_ascii_case(follows)
    };
    let granted = |order: &Authorisation| {
        order
            .reference
            .trim()
            .eq_ignore_ascii_case(request.granted_order.trim())
    };
    if let Some(order) = std::iter::once(&mut v.authorisation)
        .chain(v.further_authorisations.iter_mut())
        .find(|o| same(o) || granted(o))
    {
        terms(order);
    } else if v.authorisation.reference.trim().is_empty() && v.authorisation.granted_on.is_none() {
        terms(&mut v.authorisation);
    } else {
        let mut order = Authorisation::default();
        terms(&mut order);
        v.further_authorisations.push(order);
    }
}
