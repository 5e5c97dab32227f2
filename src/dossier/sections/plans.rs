//! Chapter « Site plans »: for each plan, its perimeter, scale and counts, the plan drawn to
//! scale (fields of view, zones, masks, cameras with their ids, a legend), then each placed
//! camera with where it looks and the zones it sees. The public version gives the perimeters
//! and the counts only: exact positions are left out, as the camera locations are.

use super::{chapter, section};
use crate::dossier::blocks::{Block, Column, FigureBackground, FigureShape, PlanFigure};
use crate::dossier::palette::{zone_colors, PLAN_MASK, PLAN_SECTOR};
use crate::dossier::Ctx;
use crate::model::geometry::Point;
use crate::model::{SitePlan, ZoneKind};

fn xy(points: &[Point]) -> Vec<(f32, f32)> {
    points
        .iter()
        .filter(|p| p.is_finite())
        .map(|p| (p.x as f32, p.y as f32))
        .collect()
}

fn zone_key(kind: ZoneKind) -> &'static str {
    match kind {
        ZoneKind::Dwelling => "dossier.plan.zone.dwelling",
        ZoneKind::School => "dossier.plan.zone.school",
        ZoneKind::Worship => "dossier.plan.zone.worship",
        ZoneKind::Health => "dossier.plan.zone.health",
        ZoneKind::PrivateProperty => "dossier.plan.zone.private_property",
    }
}

/// The site-plans chapter; nothing when the assessment has no plan.
pub fn plans(ctx: &Ctx) -> Vec<Block> {
    if ctx.a.plans.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        chapter(ctx.t("dossier.ch.plans")),
        Block::Paragraph(ctx.t("dossier.plan.intro")),
    ];
    if ctx.hides_locations() {
        out.push(Block::Note(ctx.t("dossier.plan.public")));
    }
    for plan in &ctx.a.plans {
        out.extend(plan_blocks(ctx, plan));
    }
    out
}

/// The cameras placed on `plan`, counted by the perimeter the inventory gives them
/// (« 75001 : 12 ; 75002 : 30 »), so a plan holding other perimeters' cameras never reads as
/// one perimeter's count.
fn per_perimeter(ctx: &Ctx, plan: &SitePlan) -> String {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for placement in &plan.placements {
        let perimeter = ctx
            .a
            .cameras
            .iter()
            .find(|c| c.camera_id == placement.camera_id)
            .map(|c| c.perimeter.trim().to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ctx.t("dossier.plan.no_perimeter"));
        *counts.entry(perimeter).or_default() += 1;
    }
    if counts.is_empty() {
        return "—".to_owned();
    }
    counts
        .iter()
        .map(|(perimeter, n)| format!("{perimeter}{} {n}", ctx.colon()))
        .collect::<Vec<_>>()
        .join(ctx.separator())
}

fn plan_blocks(ctx: &Ctx, plan: &SitePlan) -> Vec<Block> {
    let title = if plan.title.trim().is_empty() {
        plan.plan_id.to_string()
    } else {
        plan.title.trim().to_owned()
    };
    let scale = plan.scale().map_or_else(
        || ctx.t("dossier.plan.no_scale"),
        |m| {
            ctx.tw(
                "dossier.plan.scale_value",
                &[("metres", &format!("{:.1}", m * 100.0))],
            )
        },
    );
    let mut out = vec![
        Block::PageBreak,
        section(title),
        Block::KeyValues(vec![
            (
                ctx.t("dossier.perimeter"),
                ctx.text_or_blank(&plan.perimeter),
            ),
            (ctx.t("dossier.plan.scale"), scale.clone()),
            (
                ctx.t("dossier.plan.counts"),
                ctx.tw(
                    "dossier.plan.counts_value",
                    &[
                        ("cameras", &plan.placements.len().to_string()),
                        ("zones", &plan.zones.len().to_string()),
                    ],
                ),
            ),
            (
                ctx.t("dossier.plan.per_perimeter"),
                per_perimeter(ctx, plan),
            ),
        ]),
    ];
    if ctx.hides_locations() {
        return out;
    }
    out.push(Block::Plan(figure(ctx, plan, &scale)));
    if plan.placements.is_empty() {
        return out;
    }
    let rows = plan
        .placements
        .iter()
        .map(|p| {
            let seen: Vec<String> = plan
                .zones_in_view(p)
                .into_iter()
                .map(|(zone, is_unmasked)| {
                    let kind = ctx.t(zone_key(zone.kind));
                    let key = if is_unmasked {
                        "dossier.plan.seen"
                    } else {
                        "dossier.plan.seen_masked"
                    };
                    ctx.tw(key, &[("zone", zone.label.trim()), ("kind", &kind)])
                })
                .collect();
            // Placeholders are never printed as fact: unknown optics say so.
            let (direction, angle, range) = if p.optics_unknown {
                let unknown = ctx.t("dossier.plan.not_entered");
                (unknown.clone(), unknown.clone(), unknown)
            } else {
                (
                    format!("{:.0}°", p.direction_degrees),
                    format!("{:.0}°", p.angle_degrees),
                    format!("{:.0} m", p.range_metres),
                )
            };
            let mut seen = if p.optics_unknown {
                ctx.t("dossier.plan.not_computed")
            } else if seen.is_empty() {
                "—".to_owned()
            } else {
                seen.join(" ; ")
            };
            // What the camera's image was found to show, with who looked and when.
            if let Some(check) = &p.view_check {
                let key = if check.sees_inside_or_entrance {
                    "dossier.plan.view_confirmed"
                } else {
                    "dossier.plan.view_clear"
                };
                let on = check.on.map(|d| d.display(ctx.lang)).unwrap_or_default();
                seen.push_str(" — ");
                seen.push_str(&ctx.tw(key, &[("who", check.by.trim()), ("date", &on)]));
            }
            vec![
                p.camera_id.to_string(),
                direction,
                angle,
                range,
                p.masks.len().to_string(),
                seen,
            ]
        })
        .collect();
    let column = |key: &str, weight| Column {
        title: ctx.t(key),
        weight,
    };
    out.push(Block::Table {
        columns: vec![
            column("dossier.plan.col.camera", 1.2),
            column("dossier.plan.col.direction", 0.9),
            column("dossier.plan.col.angle", 0.8),
            column("dossier.plan.col.range", 0.8),
            column("dossier.plan.col.masks", 0.7),
            column("dossier.plan.col.seen", 3.6),
        ],
        rows,
    });
    out
}

fn figure(ctx: &Ctx, plan: &SitePlan, scale: &str) -> PlanFigure {
    let zones = plan
        .zones
        .iter()
        .map(|z| {
            let (fill, stroke) = zone_colors(z.kind);
            FigureShape {
                points: xy(&z.points),
                fill,
                stroke,
                label: z.label.trim().to_owned(),
            }
        })
        .collect();
    let mut legend = vec![(PLAN_SECTOR, ctx.t("dossier.plan.legend.view"))];
    for kind in ZoneKind::ALL {
        if plan.zones.iter().any(|z| z.kind == kind) {
            legend.push((zone_colors(kind).0, ctx.t(zone_key(kind))));
        }
    }
    if plan.placements.iter().any(|p| !p.masks.is_empty()) {
        legend.push((PLAN_MASK, ctx.t("dossier.plan.legend.mask")));
    }
    let background = match &plan.background {
        None => FigureBackground::Blank,
        Some(evidence) => FigureBackground::Missing(ctx.tw(
            "dossier.plan.background_missing",
            &[("evidence", evidence.as_str())],
        )),
    };
    PlanFigure {
        plan_id: plan.plan_id.to_string(),
        background,
        width: plan.width.max(1) as f32,
        height: plan.height.max(1) as f32,
        sectors: plan
            .placements
            .iter()
            .map(|p| xy(&plan.field_of_view(p)))
            .filter(|s| s.len() >= 3)
            .collect(),
        zones,
        masks: plan
            .placements
            .iter()
            .flat_map(|p| p.masks.iter().map(|m| xy(m)))
            .filter(|m| m.len() >= 3)
            .collect(),
        cameras: plan
            .placements
            .iter()
            .filter(|p| p.position.is_finite())
            .map(|p| {
                (
                    p.position.x as f32,
                    p.position.y as f32,
                    p.camera_id.to_string(),
                )
            })
            .collect(),
        legend,
        // A fifth of the sheet at most: readable, and clear of most of the drawing.
        scale_bar: plan
            .scale_bar(f64::from(plan.width) / 5.0)
            .map(|(metres, pixels)| (pixels as f32, crate::model::site_plan::length_text(metres))),
        elsewhere: ctx.t("dossier.plan.elsewhere"),
        crowded: ctx.t("dossier.plan.crowded"),
        caption: ctx.tw(
            "dossier.plan.caption",
            &[("perimeter", plan.perimeter.trim()), ("scale", scale)],
        ),
    }
}
