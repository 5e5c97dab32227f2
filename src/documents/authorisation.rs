//! The file of a request to the prefect for the system's authorisation (CSI L.252-1), from the
//! AIPD's answers: first the entry sheet for the Interior Ministry's online procedure, in the
//! order of the Cerfa 13806's frames as far as public sources show them (each value ready to
//! copy, each missing one named), then the attachments CSI R.252-3 lists — the presentation
//! report, the site map and the detail plans with each camera's field of view and masks, the
//! camera list, transmission and recording, security, public information, retention with its
//! justification, the persons responsible, the instructions to operators, the right of access,
//! the technical conformity. Built in French whatever the interface's language: the prefecture
//! reads French.
//!
//! What was read: the Cerfa 13806*02's frames 1 and 2, and frames 4, 5, 6 and 8 from prefecture
//! guides; R.252-3's 1° to 3° in the current version, the rest in the version before 2015.
//! The frames whose place in the form was not read are grouped last, marked « à vérifier » on
//! the entry sheet (a working aid, not a piece of the file); the attachments after 3° carry no
//! number.

use super::common;
use crate::dossier::{sections, Block, Column, Ctx, Tone};
use crate::model::{AuthorisationRequest, CameraKind, CameraSetting, LegalRefId, RequestKind};

/// One line of the entry sheet: its frame, what it asks, the value to copy (`None`: missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryLine {
    /// The frame of the form (« Rubrique 1 — Nature de la demande »).
    pub frame: String,
    /// What the line asks.
    pub label: String,
    /// The value to copy; `None` when the answers do not give it.
    pub value: Option<String>,
}

/// The request the file is for: the last one still open, else the last one; without any, one
/// prepared from the AIPD (and said so).
pub fn request_of(ctx: &Ctx) -> (AuthorisationRequest, bool) {
    let requests = &ctx.a.video_system.requests;
    match requests
        .iter()
        .rev()
        .find(|r| r.is_open())
        .or(requests.last())
    {
        Some(request) => (request.clone(), true),
        None => (AuthorisationRequest::prepared_from(ctx.a), false),
    }
}

/// The whole file.
pub fn authorisation(ctx: &Ctx) -> Vec<Block> {
    let (request, is_recorded) = request_of(ctx);
    let kind = ctx.variant("request_kind", request.kind);
    let mut out = vec![
        Block::Heading {
            level: 1,
            text: ctx.tw("doc.authorisation.heading", &[("kind", &kind)]),
        },
        Block::Note(common::provenance(ctx)),
    ];
    if !is_recorded {
        out.push(Block::Note(ctx.t("doc.authorisation.prepared")));
    }
    let sheet = entry_sheet(ctx, &request);
    let missing: Vec<String> = sheet
        .iter()
        .filter(|line| line.value.is_none())
        .map(|line| format!("{} — {}", line.frame, line.label))
        .collect();
    out.push(if missing.is_empty() {
        Block::Callout {
            tone: Tone::Good,
            title: ctx.t("doc.authorisation.complete"),
            body: ctx.t("doc.authorisation.complete_body"),
            footer: ctx.citations(&[LegalRefId::new("PREF-DOSSIER")]),
        }
    } else {
        Block::Callout {
            tone: Tone::Medium,
            title: ctx.count("doc.authorisation.missing", missing.len() as u64),
            body: missing.join("\n"),
            footer: ctx.citations(&[LegalRefId::new("PREF-DOSSIER")]),
        }
    });
    out.push(Block::Heading {
        level: 2,
        text: ctx.t("doc.authorisation.sheet"),
    });
    out.push(Block::Note(ctx.t("doc.authorisation.sheet_note")));
    let mut frame = String::new();
    let mut pairs = Vec::new();
    for line in &sheet {
        if line.frame != frame {
            if !pairs.is_empty() {
                out.push(Block::KeyValues(std::mem::take(&mut pairs)));
            }
            frame.clone_from(&line.frame);
            out.push(Block::Heading {
                level: 3,
                text: frame.clone(),
            });
        }
        let value = line
            .value
            .clone()
            .unwrap_or_else(|| ctx.t("doc.authorisation.to_fill"));
        pairs.push((line.label.clone(), value));
    }
    if !pairs.is_empty() {
        out.push(Block::KeyValues(pairs));
    }
    out.extend(super::authorisation_pieces::pieces(ctx, &request));
    out
}

/// The entry sheet, frame by frame.
pub fn entry_sheet(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<EntryLine> {
    let a = ctx.a;
    let v = &a.video_system;
    let mut out = Vec::new();
    let mut frame = |key: &str, lines: Vec<(String, Option<String>)>| {
        let frame = ctx.t(key);
        out.extend(lines.into_iter().map(|(label, value)| EntryLine {
            frame: frame.clone(),
            label,
            value: value.filter(|v| !v.trim().is_empty()),
        }));
    };
    let text = |value: &str| Some(value.trim().to_owned());
    let label = |key: &str| ctx.t(key);
    let mut nature = vec![(
        label("doc.authorisation.f.kind"),
        Some(ctx.variant("request_kind", request.kind)),
    )];
    if request.kind != RequestKind::New {
        nature.push((
            label("doc.authorisation.f.current_order"),
            text(&request.current_order),
        ));
    }
    frame("doc.authorisation.frame1", nature);
    frame(
        "doc.authorisation.frame2",
        vec![
            (
                label("doc.authorisation.f.declarant"),
                text(&a.project.organisation),
            ),
            (
                label("doc.authorisation.f.address"),
                text(&a.project.organisation_contact),
            ),
            (
                label("doc.authorisation.f.police_contact"),
                text(&request.police_contact),
            ),
        ],
    );
    let purposes: Vec<String> = request
        .purposes
        .iter()
        .filter_map(|kind| ctx.kb.purpose(*kind))
        .map(|d| d.label.get(ctx.lang).to_owned())
        .collect();
    frame(
        "doc.authorisation.frame3",
        vec![
            (
                label("doc.authorisation.f.purposes"),
                (!purposes.is_empty()).then(|| purposes.join("\n")),
            ),
            (
                label("doc.authorisation.f.other_purposes"),
                Some(if request.other_purposes.trim().is_empty() {
                    ctx.t("doc.authorisation.none")
                } else {
                    request.other_purposes.trim().to_owned()
                }),
            ),
            (label("doc.authorisation.f.hours"), text(&v.operating_hours)),
        ],
    );
    let cameras = covered_cameras(ctx, request);
    let perimeters = perimeters_of(ctx, request);
    frame(
        "doc.authorisation.frame4",
        vec![
            (
                label("doc.authorisation.f.recording_site"),
                text(&v.control_centre.name),
            ),
            (
                label("doc.authorisation.f.perimeters"),
                (!perimeters.is_empty()).then(|| perimeters.join("\n")),
            ),
            (
                label("doc.authorisation.f.cameras"),
                (!cameras.is_empty()).then(|| camera_counts(ctx, &cameras)),
            ),
            // Filled once every camera of the request says where it films.
            (
                label("doc.authorisation.f.settings"),
                setting_counts(ctx, &cameras),
            ),
        ],
    );
    frame(
        "doc.authorisation.frame5",
        vec![
            (
                label("doc.authorisation.f.installer"),
                text(&request.installer),
            ),
            (
                label("doc.authorisation.f.certification"),
                text(&request.installer_certification),
            ),
        ],
    );
    frame(
        "doc.authorisation.frame6",
        vec![(label("doc.authorisation.f.viewers"), viewers(ctx))],
    );
    frame(
        "doc.authorisation.frame8",
        vec![(
            label("doc.authorisation.f.security"),
            text(&v.control_centre.security),
        )],
    );
    frame(
        "doc.authorisation.frame_other",
        vec![
            (
                label("doc.authorisation.f.retention"),
                request.retention_days.map(|d| ctx.days(Some(d))),
            ),
            (
                label("doc.authorisation.f.retention_reason"),
                text(&request.retention_reason),
            ),
            (
                label("doc.authorisation.f.public_information"),
                public_information(ctx),
            ),
            (
                label("doc.authorisation.f.access"),
                text(&v.access_rights.contact),
            ),
            (
                label("doc.authorisation.f.transmission"),
                v.control_centre
                    .has_live_transmission
                    .map(|is_live| transmission(ctx, is_live)),
            ),
            (
                label("doc.authorisation.f.analytics"),
                request
                    .declares_analytics
                    .map(|declared| analytics(ctx, declared)),
            ),
        ],
    );
    out
}

/// The cameras the request covers (all, or those of its perimeters).
pub fn covered_cameras<'a>(
    ctx: &Ctx<'a>,
    request: &AuthorisationRequest,
) -> Vec<&'a crate::model::Camera> {
    ctx.a
        .cameras
        .iter()
        .filter(|c| request.covers_perimeter(&c.perimeter))
        .collect()
}

/// The perimeters the request names, or every perimeter of the inventory.
pub fn perimeters_of(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<String> {
    let named: Vec<String> = request
        .perimeters
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if !named.is_empty() {
        return named;
    }
    let mut all: Vec<String> = Vec::new();
    for camera in &ctx.a.cameras {
        let perimeter = camera.perimeter.trim();
        if !perimeter.is_empty() && !all.iter().any(|p| p == perimeter) {
            all.push(perimeter.to_owned());
        }
    }
    all
}

/// « 124 caméras (fixe : 96 ; dôme mobile : 22 ; panoramique : 6) ».
fn camera_counts(ctx: &Ctx, cameras: &[&crate::model::Camera]) -> String {
    let kinds = [
        CameraKind::Fixed,
        CameraKind::Ptz,
        CameraKind::Panoramic,
        CameraKind::Nomadic,
    ];
    let parts: Vec<String> = kinds
        .into_iter()
        .filter_map(|kind| {
            let n = cameras.iter().filter(|c| c.kind == kind).count();
            (n > 0).then(|| {
                let kind = ctx.variant("camera_kind", kind).to_lowercase();
                format!("{kind}{} {n}", ctx.colon())
            })
        })
        .collect();
    format!(
        "{} ({})",
        ctx.count("doc.cameras", cameras.len() as u64),
        parts.join(ctx.separator())
    )
}

/// « voie publique : 118 ; extérieur : 4 ; intérieur : 2 »; `None` while a camera does not
/// say where it films.
fn setting_counts(ctx: &Ctx, cameras: &[&crate::model::Camera]) -> Option<String> {
    if cameras.is_empty() || cameras.iter().any(|c| c.setting.is_none()) {
        return None;
    }
    let parts: Vec<String> = CameraSetting::ALL
        .into_iter()
        .map(|setting| {
            let n = cameras
                .iter()
                .filter(|c| c.setting == Some(setting))
                .count();
            let name = ctx.variant("camera_setting", setting);
            format!("{name}{} {n}", ctx.colon())
        })
        .collect();
    Some(parts.join(ctx.separator()))
}

/// Whether images are transmitted live to the police, and on what basis.
pub(super) fn transmission(ctx: &Ctx, is_live: bool) -> String {
    let basis = ctx
        .a
        .video_system
        .control_centre
        .live_transmission_basis
        .trim();
    match (is_live, basis.is_empty()) {
        (false, _) => ctx.t("doc.authorisation.no_transmission"),
        (true, true) => ctx.t("doc.authorisation.live_transmission"),
        (true, false) => format!("{} ({basis})", ctx.t("doc.authorisation.live_transmission")),
    }
}

/// Who views the images: the operators' number and habilitation.
pub(super) fn viewers(ctx: &Ctx) -> Option<String> {
    let centre = &ctx.a.video_system.control_centre;
    let count = centre.operator_count?;
    let habilitated = centre.are_operators_habilitated?;
    Some(ctx.tw(
        if habilitated {
            "doc.authorisation.viewers_habilitated"
        } else {
            "doc.authorisation.viewers"
        },
        &[("count", &count.to_string())],
    ))
}

/// The signs: whether they exist, with the pictogram and the contact.
fn public_information(ctx: &Ctx) -> Option<String> {
    let info = &ctx.a.video_system.public_information;
    match info.has_signs? {
        false => Some(ctx.t("doc.authorisation.no_signs")),
        true => Some(ctx.tw(
            "doc.authorisation.signs",
            &[
                ("pictogram", &ctx.yes_no(info.signs_have_pictogram)),
                ("contact", &ctx.yes_no(info.signs_have_contact)),
            ],
        )),
    }
}

/// The coupling to analytics software, as the request declares it.
fn analytics(ctx: &Ctx, declared: bool) -> String {
    if !declared {
        return ctx.t("doc.authorisation.no_analytics");
    }
    let software = common::software_name(ctx);
    let coupled = ctx
        .a
        .cameras
        .iter()
        .filter(|c| c.is_analytics_coupled)
        .count();
    ctx.tw(
        "doc.authorisation.analytics",
        &[
            ("software", &software),
            ("cameras", &ctx.count("doc.cameras", coupled as u64)),
        ],
    )
}

/// The entry sheet as CSV (frame, field, value; a missing value left empty with « à
/// compléter » in the last column), to paste line by line into the online procedure.
pub fn entry_sheet_csv(ctx: &Ctx, sheet: &[EntryLine]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let header = [
        ctx.t("doc.authorisation.csv.frame"),
        ctx.t("doc.authorisation.csv.field"),
        ctx.t("doc.authorisation.csv.value"),
        ctx.t("doc.authorisation.csv.state"),
    ];
    // Writing into memory cannot fail; a failed row would only be left out.
    let _ = writer.write_record(&header);
    for line in sheet {
        let state = if line.value.is_some() {
            String::new()
        } else {
            ctx.t("doc.authorisation.to_fill")
        };
        let value = line.value.clone().unwrap_or_default();
        let _ = writer.write_record([&line.frame, &line.label, &value, &state]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The camera list the file joins: id, place, perimeter, kind, coupling, masking.
pub fn camera_table(ctx: &Ctx, cameras: &[&crate::model::Camera]) -> Block {
    let column = |key: &str, weight| Column {
        title: ctx.t(key),
        weight,
        lang: None,
    };
    Block::Table {
        columns: vec![
            column("doc.authorisation.col.camera", 1.0),
            column("doc.authorisation.col.location", 2.3),
            column("doc.authorisation.col.perimeter", 1.5),
            column("doc.authorisation.col.kind", 1.0),
            column("doc.authorisation.col.setting", 1.1),
            column("doc.authorisation.col.coupled", 0.9),
            column("doc.authorisation.col.masking", 1.0),
        ],
        rows: cameras
            .iter()
            .map(|c| {
                vec![
                    c.camera_id.to_string(),
                    ctx.text_or_blank(&c.location),
                    ctx.text_or_blank(&c.perimeter),
                    ctx.variant("camera_kind", c.kind),
                    c.setting.map_or_else(
                        || ctx.t("doc.authorisation.to_fill"),
                        |s| ctx.variant("camera_setting", s),
                    ),
                    ctx.yes_no(Some(c.is_analytics_coupled)),
                    if c.views_dwellings {
                        ctx.yes_no(Some(c.has_privacy_masking))
                    } else {
                        ctx.t("doc.authorisation.no_dwelling")
                    },
                ]
            })
            .collect(),
    }
}

/// The plans of the perimeters the request covers (every plan for the whole system).
pub fn plan_blocks(ctx: &Ctx, request: &AuthorisationRequest) -> Vec<Block> {
    let whole = request.perimeters.iter().all(|p| p.trim().is_empty());
    let plans = ctx
        .a
        .plans
        .iter()
        .filter(|plan| whole || request.covers_perimeter(&plan.perimeter));
    sections::plans::plan_sections(ctx, plans)
}
