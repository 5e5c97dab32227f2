//! Chapter « Video system »: authorisation, retention, public information, control centre,
//! analytics software, statistics, searches, the inventory in figures and the capabilities.

use super::context::bullet_text;
use super::{chapter, section};
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;
use crate::model::camera::summarise;
use crate::model::path;
use crate::model::Authorisation;

/// The video-system chapter, section by section.
pub fn video_system(ctx: &Ctx) -> Vec<Block> {
    let mut out = vec![chapter(ctx.t("dossier.ch.video_system"))];
    orders(ctx, &mut out);
    retention(ctx, &mut out);
    public_information(ctx, &mut out);
    access_rights(ctx, &mut out);
    control_centre(ctx, &mut out);
    software(ctx, &mut out);
    statistics(ctx, &mut out);
    searches(ctx, &mut out);
    cameras(ctx, &mut out);
    capabilities(ctx, &mut out);
    out
}

/// The prefectoral orders, one table each (numbered when there are several), and the third
/// parties' cameras.
fn orders(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.t("dossier.authorisation")));
    let several = v.has_several_orders();
    for (index, o) in v.orders().into_iter().enumerate() {
        if several {
            let number = (index + 1).to_string();
            out.push(Block::Heading {
                level: 3,
                text: ctx.tw("dossier.order_number", &[("number", &number)]),
            });
        }
        out.push(Block::KeyValues(order_rows(ctx, o.order, several)));
    }
    if !v.third_party.is_empty() || ctx.a.cameras.iter().any(|c| c.is_third_party()) {
        out.push(section(ctx.t("dossier.third_party")));
        out.push(Block::KeyValues(vec![
            (
                ctx.label(&path::video_system::third_party::HAS_JOINT_ARRANGEMENT),
                ctx.yes_no(v.third_party.has_joint_arrangement),
            ),
            (
                ctx.label(&path::video_system::third_party::BASIS),
                ctx.text_or_blank(&v.third_party.basis),
            ),
        ]));
    }
}

/// How long images and metadata are kept, with the ceiling the orders set.
fn retention(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.t("dossier.retention")));
    out.push(Block::KeyValues(vec![
        (
            ctx.label(&path::video_system::authorisation::AUTHORISED_RETENTION_DAYS),
            ctx.days(
                v.orders()
                    .iter()
                    .filter_map(|o| o.order.authorised_retention_days)
                    .min(),
            ),
        ),
        (
            ctx.label(&path::video_system::IMAGE_RETENTION_DAYS),
            ctx.days(v.image_retention_days),
        ),
        (
            ctx.label(&path::video_system::METADATA_RETENTION_DAYS),
            ctx.days(v.metadata_retention_days),
        ),
        (
            ctx.label(&path::video_system::OPERATING_HOURS),
            ctx.text_or_blank(&v.operating_hours),
        ),
        (ctx.t("dossier.coverage"), ctx.text_or_blank(&v.coverage)),
    ]));
}

/// How the public is told: signs and the second-layer notice.
fn public_information(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.t("dossier.public_information")));
    let info = &v.public_information;
    out.push(Block::KeyValues(vec![
        (
            ctx.label(&path::video_system::public_information::HAS_SIGNS),
            ctx.yes_no(info.has_signs),
        ),
        (
            ctx.t("dossier.signs_pictogram"),
            ctx.yes_no(info.signs_have_pictogram),
        ),
        (
            ctx.t("dossier.signs_contact"),
            ctx.yes_no(info.signs_have_contact),
        ),
        (
            ctx.t("dossier.second_layer"),
            ctx.yes_no(info.has_second_layer_notice),
        ),
        (
            ctx.t("dossier.notice_location"),
            ctx.text_or_blank(&info.notice_location),
        ),
        (
            ctx.label(&path::video_system::public_information::NOTICE_MENTIONS_STATISTICS),
            ctx.yes_no(info.notice_mentions_statistics),
        ),
    ]));
}

/// The procedure for the right of access to images.
fn access_rights(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.label(&path::video_system::ACCESS_RIGHTS)));
    let rights = &v.access_rights;
    out.push(Block::KeyValues(vec![
        (
            ctx.label(&path::video_system::access_rights::CONTACT),
            ctx.text_or_blank(&rights.contact),
        ),
        (
            ctx.label(&path::video_system::access_rights::CHECKS_IDENTITY),
            ctx.yes_no(rights.checks_identity),
        ),
        (
            ctx.label(&path::video_system::access_rights::ANSWERS_WITHIN_MONTH),
            ctx.yes_no(rights.answers_within_month),
        ),
        (
            ctx.label(&path::video_system::access_rights::MASKS_THIRD_PARTIES),
            ctx.yes_no(rights.masks_third_parties),
        ),
        (
            ctx.label(&path::video_system::access_rights::DOCUMENTS_REFUSAL_GROUNDS),
            ctx.yes_no(rights.documents_refusal_grounds),
        ),
    ]));
}

/// The control centre: who watches, when, with which logs and security.
fn control_centre(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(
        ctx.label(&path::video_system::control_centre::NAME),
    ));
    let centre = &v.control_centre;
    let centre_name = if ctx.hides_internal() {
        ctx.t("dossier.hidden")
    } else {
        ctx.text_or_blank(&centre.name)
    };
    let mut rows = vec![
        (ctx.t("dossier.centre"), centre_name),
        (ctx.t("dossier.hours"), ctx.text_or_blank(&centre.hours)),
        (
            ctx.t("dossier.operators"),
            centre
                .operator_count
                .map_or_else(|| ctx.t("dossier.not_filled"), |n| n.to_string()),
        ),
        (
            ctx.t("dossier.habilitated"),
            ctx.yes_no(centre.are_operators_habilitated),
        ),
        (
            ctx.t("dossier.access_logs"),
            ctx.yes_no(centre.has_access_logs),
        ),
        (
            ctx.label(&path::video_system::control_centre::LOG_RETENTION_DAYS),
            ctx.days(centre.log_retention_days),
        ),
        (
            ctx.t("dossier.register"),
            ctx.yes_no(centre.has_recordings_register),
        ),
        (
            ctx.label(&path::video_system::control_centre::ARE_OPERATORS_TRAINED),
            ctx.yes_no(centre.are_operators_trained),
        ),
        (
            ctx.label(&path::video_system::control_centre::FILMS_STAFF),
            ctx.yes_no(centre.films_staff),
        ),
        (
            ctx.label(&path::video_system::control_centre::HAS_LIVE_TRANSMISSION),
            ctx.yes_no(centre.has_live_transmission),
        ),
    ];
    if centre.has_live_transmission == Some(true) {
        rows.push((
            ctx.label(&path::video_system::control_centre::LIVE_TRANSMISSION_BASIS),
            ctx.text_or_blank(&centre.live_transmission_basis),
        ));
    }
    if !ctx.hides_internal() {
        rows.push((
            ctx.t("dossier.security"),
            ctx.text_or_blank(&centre.security),
        ));
    }
    out.push(Block::KeyValues(rows));
}

/// The analytics software: vendor, product, version, modules, hosting.
fn software(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.label(&path::video_system::SOFTWARE)));
    let software = &v.software;
    out.push(Block::KeyValues(vec![
        (ctx.t("dossier.vendor"), ctx.text_or_blank(&software.vendor)),
        (
            ctx.t("dossier.product"),
            ctx.text_or_blank(&format!("{} {}", software.product, software.version)),
        ),
        (
            ctx.label(&path::video_system::software::VERSION_INSTALLED_ON),
            ctx.date(software.version_installed_on),
        ),
        (
            ctx.label(&path::video_system::software::LICENSED_MODULES),
            bullet_text(&software.licensed_modules),
        ),
        (
            ctx.t("dossier.hosting"),
            ctx.text_or_blank(&software.hosting),
        ),
        (
            ctx.label(&path::video_system::software::DOES_CONTRACT_FORBID_UNLOCK),
            ctx.yes_no(software.does_contract_forbid_unlock),
        ),
    ]));
}

/// The statistics use.
fn statistics(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.t("dossier.statistics")));
    let stats = &v.statistics;
    out.push(Block::KeyValues(vec![
        (ctx.t("dossier.statistics_used"), ctx.yes_no(stats.is_used)),
        (
            ctx.t("dossier.statistics_image_access"),
            ctx.yes_no(stats.module_has_image_access),
        ),
        (
            ctx.t("dossier.statistics_aggregated"),
            ctx.yes_no(stats.is_output_aggregated),
        ),
        (
            ctx.t("dossier.description"),
            ctx.text_or_blank(&stats.description),
        ),
    ]));
}

/// Searches in recordings: who, on what instruction, with which logs.
fn searches(ctx: &Ctx, out: &mut Vec<Block>) {
    let v = &ctx.a.video_system;
    out.push(section(ctx.t("dossier.searches")));
    let searches = &v.searches;
    let initiators: Vec<String> = searches
        .initiators
        .iter()
        .map(|i| ctx.variant("search_initiator", i))
        .collect();
    let mut rows = vec![
        (
            ctx.t("dossier.search_initiators"),
            ctx.text_or_blank(&initiators.join(", ")),
        ),
        (
            ctx.label(&path::video_system::searches::IS_REQUISITION_ONLY),
            ctx.yes_no(searches.is_requisition_only),
        ),
        (
            ctx.t("dossier.requisitions_per_year"),
            searches
                .requisitions_per_year
                .map_or_else(|| ctx.t("dossier.not_filled"), |n| n.to_string()),
        ),
        (
            ctx.t("dossier.requisition_register"),
            ctx.yes_no(searches.has_requisition_register),
        ),
        (
            ctx.t("dossier.search_logs"),
            ctx.yes_no(searches.has_search_logs),
        ),
        (
            ctx.t("dossier.attribute_filters"),
            bullet_text(&searches.attribute_filters),
        ),
        (
            ctx.t("dossier.sensitive_filters"),
            ctx.yes_no(searches.has_sensitive_attribute_filters),
        ),
        (
            ctx.label(&path::video_system::searches::HAS_BODY_INFERRED_FILTERS),
            ctx.yes_no(searches.has_body_inferred_filters),
        ),
        (
            ctx.label(&path::video_system::searches::HAS_PLATE_DATABASE),
            ctx.yes_no(searches.has_plate_database),
        ),
        (
            ctx.t("dossier.handover"),
            ctx.text_or_blank(&searches.handover),
        ),
    ];
    // Recordings viewed outside requisitions (ordinary video-protection): for which purposes.
    if searches.is_requisition_only == Some(false) || !searches.review_purposes.trim().is_empty() {
        rows.push((
            ctx.t("dossier.review_purposes"),
            ctx.text_or_blank(&searches.review_purposes),
        ));
    }
    out.push(Block::KeyValues(rows));
}

/// The camera inventory in figures, per perimeter.
fn cameras(ctx: &Ctx, out: &mut Vec<Block>) {
    out.push(section(ctx.t("section.cameras")));
    let summary = summarise(&ctx.a.cameras);
    out.push(Block::Paragraph(ctx.tw(
        "ui.cameras_summary",
        &[
            ("total", &summary.total.to_string()),
            ("coupled", &summary.analytics_coupled.to_string()),
        ],
    )));
    let per_perimeter = summary
        .per_perimeter
        .iter()
        .map(|(perimeter, count)| {
            let coupled = ctx
                .a
                .cameras
                .iter()
                .filter(|c| &c.perimeter == perimeter && c.is_analytics_coupled)
                .count();
            vec![perimeter.clone(), count.to_string(), coupled.to_string()]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("column.perimeter"),
                weight: 4.0,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.cameras"),
                weight: 1.5,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.coupled"),
                weight: 2.0,
                lang: None,
            },
        ],
        rows: per_perimeter,
    });
    out.push(Block::Note(ctx.t("dossier.inventory_in_annex")));
}

/// The capabilities of the software: present, state, who can unlock them.
fn capabilities(ctx: &Ctx, out: &mut Vec<Block>) {
    out.push(section(ctx.t("section.capabilities")));
    let rows = ctx
        .kb
        .capabilities
        .iter()
        .map(|def| {
            let record = ctx.a.capability(def.id.as_str());
            let (presence, state, holder) = match record {
                // Not examined is what the app shows as « to be established »: the same words.
                None => (
                    ctx.variant("presence", crate::model::Presence::Unknown),
                    String::new(),
                    String::new(),
                ),
                Some(r) if r.is_present() => (
                    ctx.variant("presence", r.presence),
                    ctx.variant("capability_state", r.state),
                    ctx.variant("unlock_holder", r.unlock_holder),
                ),
                Some(r) => (
                    ctx.variant("presence", r.presence),
                    "—".to_owned(),
                    "—".to_owned(),
                ),
            };
            vec![
                format!("{} — {}", def.id, ctx.b(&def.label)),
                ctx.variant("legal_status", def.status),
                presence,
                state,
                holder,
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column {
                title: ctx.t("column.capability"),
                weight: 4.2,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.legal_status"),
                weight: 2.0,
                lang: None,
            },
            Column {
                title: ctx.t("column.presence"),
                weight: 1.4,
                lang: None,
            },
            Column {
                title: ctx.t("column.state"),
                weight: 1.9,
                lang: None,
            },
            Column {
                title: ctx.t("column.unlock_holder"),
                weight: 1.9,
                lang: None,
            },
        ],
        rows,
    });
    out.push(Block::Note(ctx.t("dossier.capabilities_in_annex")));
}

/// One order's answers, as the dossier prints them; its authorised retention too when the system
/// holds several orders (with one, the retention section gives it).
fn order_rows(ctx: &Ctx, order: &Authorisation, several: bool) -> Vec<(String, String)> {
    let mut rows = vec![
        (
            ctx.label(&path::video_system::authorisation::REFERENCE),
            ctx.text_or_blank(&order.reference),
        ),
        (
            ctx.label(&path::video_system::authorisation::GRANTED_ON),
            ctx.date(order.granted_on),
        ),
        (
            ctx.t("dossier.duration"),
            ctx.count("doc.years", u64::from(order.duration_years)),
        ),
        (ctx.t("label.expires_on"), ctx.date(order.expires_on())),
        (
            ctx.t("dossier.renewal_filed"),
            ctx.yes_no(order.is_renewal_filed),
        ),
        (
            ctx.t("dossier.perimeter"),
            ctx.text_or_blank(&order.perimeter),
        ),
        (
            ctx.label(&path::video_system::authorisation::AUTHORISED_PERIMETERS),
            bullet_text(&order.authorised_perimeters),
        ),
        (
            ctx.label(&path::video_system::authorisation::AUTHORISED_CAMERA_COUNT),
            order
                .authorised_camera_count
                .map_or_else(|| ctx.t("dossier.not_filled"), |n| n.to_string()),
        ),
        (
            ctx.label(&path::video_system::authorisation::AUTHORISED_PURPOSES),
            bullet_text(
                &order
                    .authorised_purposes
                    .iter()
                    .map(|kind| {
                        ctx.kb
                            .purpose(*kind)
                            .map_or_else(|| format!("{kind:?}"), |d| ctx.b(&d.label))
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            ctx.label(&path::video_system::authorisation::IS_ANALYTICS_DECLARED),
            ctx.yes_no(order.is_analytics_declared),
        ),
    ];
    if several {
        rows.push((
            ctx.label(&path::video_system::authorisation::AUTHORISED_RETENTION_DAYS),
            ctx.days(order.authorised_retention_days),
        ));
    }
    // What the order covers in fact: the controller's cameras in the perimeters it lists.
    if !order.authorised_perimeters.is_empty() {
        let count = ctx
            .a
            .cameras
            .iter()
            .filter(|c| !c.is_third_party())
            .filter(|c| order.covers(c))
            .count();
        rows.push((ctx.t("dossier.order_cameras"), count.to_string()));
    }
    rows
}
