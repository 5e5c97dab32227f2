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
    out.extend(plan_sections(ctx, ctx.a.plans.iter()));
    out
}

/// The sections of `plans`, each after the first on a page of its own (in the PDF, when its
/// opening does not fit under the last one): the first follows what introduces it.
pub fn plan_sections<'p>(ctx: &Ctx, plans: impl Iterator<Item = &'p SitePlan>) -> Vec<Block> {
    let mut out = Vec::new();
    for (index, plan) in plans.enumerate() {
        if index > 0 {
            out.push(Block::PageBreak);
        }
        out.extend(plan_section(ctx, plan));
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

/// One plan's section: its heading and facts, the figure (and its details when crowded), the
/// table of its cameras' optics, masks and what they see.
pub fn plan_section(ctx: &Ctx, plan: &SitePlan) -> Vec<Block> {
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
                &[("metres", &ctx.lang.decimal(m * 100.0, 1))],
            )
        },
    );
    let mut out = vec![
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
            (
                ctx.t("dossier.plan.georef"),
                ctx.t(match plan.georef.map(|g| g.system) {
                    Some(crate::model::GeoSystem::Lambert93) => "dossier.plan.georef.lambert93",
                    Some(crate::model::GeoSystem::Wgs84) => "dossier.plan.georef.wgs84",
                    None => "dossier.plan.georef.none",
                }),
            ),
        ]),
    ];
    if ctx.hides_locations() {
        return out;
    }
    let overview = figure(ctx, plan, &scale);
    let parts = details(ctx, plan, &overview.cameras);
    out.push(Block::Plan(overview.clone()));
    for (what, view, cell, cameras) in &parts {
        out.push(Block::Heading {
            level: 3,
            text: ctx.tw(
                "dossier.plan.detail",
                &[
                    ("what", what),
                    ("cameras", &ctx.count("doc.cameras", *cameras as u64)),
                ],
            ),
        });
        let [_, _, width, _] = *view;
        out.push(Block::Plan(PlanFigure {
            view: Some(*view),
            named: Some(*cell),
            scale_bar: scale_bar(plan, f64::from(width)),
            caption: ctx.tw(
                "dossier.plan.detail_caption",
                &[("what", what), ("scale", &scale)],
            ),
            ..overview.clone()
        }));
    }
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
        lang: None,
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

/// The parts of a crowded plan (over `DENSE` of its `cameras`, as its figure has them) drawn
/// again, larger: one per perimeter its cameras belong to when they are of several, each cut in
/// quarters (`quarters`) until a part holds at most `DENSE` cameras — each with what it is, the
/// part of the sheet (`[x, y, width, height]` in plan pixels, with a margin), the cell whose
/// cameras are its own (the drawing shows its neighbours as dots) and how many they are. None
/// for a plan of fewer.
fn details(
    ctx: &Ctx,
    plan: &SitePlan,
    cameras: &[(f32, f32, String)],
) -> Vec<(String, [f32; 4], [f32; 4], usize)> {
    let dense = crate::dossier::plan_drawing::DENSE;
    let placed: Vec<(f32, f32, &str)> = cameras
        .iter()
        .map(|(x, y, id)| (*x, *y, id.as_str()))
        .collect();
    if placed.len() <= dense {
        return Vec::new();
    }
    let perimeter_of: std::collections::HashMap<&str, &str> = ctx
        .a
        .cameras
        .iter()
        .map(|c| (c.camera_id.as_str(), c.perimeter.trim()))
        .collect();
    let mut by_perimeter: std::collections::BTreeMap<&str, Vec<(f32, f32)>> =
        std::collections::BTreeMap::new();
    for (x, y, id) in &placed {
        let perimeter = perimeter_of.get(id).copied().unwrap_or_default();
        by_perimeter.entry(perimeter).or_default().push((*x, *y));
    }
    let mut perimeters: Vec<(&str, Vec<(f32, f32)>)> = by_perimeter.into_iter().collect();
    perimeters.sort_by(|a, b| crate::model::ids::natural_cmp(a.0, b.0));
    let several = perimeters.len() > 1;
    let sheet = (plan.width.max(1) as f32, plan.height.max(1) as f32);
    let mut out = Vec::new();
    for (perimeter, points) in perimeters {
        let parts = quarters(points, dense);
        let total = parts.len();
        for (n, (cell, points)) in parts.iter().enumerate() {
            let part = ctx.tw(
                "dossier.plan.detail_part",
                &[("n", &(n + 1).to_string()), ("total", &total.to_string())],
            );
            let what = match (several, total > 1) {
                (false, _) => part,
                (true, many) => {
                    let name = if perimeter.is_empty() {
                        ctx.t("dossier.plan.no_perimeter")
                    } else {
                        ctx.tw("dossier.plan.detail_perimeter", &[("perimeter", perimeter)])
                    };
                    if many {
                        format!("{name}, {part}")
                    } else {
                        name
                    }
                }
            };
            out.push((what, view_round(*cell, sheet), *cell, points.len()));
        }
    }
    out
}

/// A part of a plan: its box (`[x, y, width, height]`, plan pixels) and its cameras' points.
type Cell = ([f32; 4], Vec<(f32, f32)>);

/// The cells of a quadtree over `points` (their extent cut in four, and each quarter again,
/// while it holds more than `most` and is not eight cuts deep), the empty ones left out: each
/// cell's box and its points.
fn quarters(points: Vec<(f32, f32)>, most: usize) -> Vec<Cell> {
    fn cut(cell: [f32; 4], points: Vec<(f32, f32)>, most: usize, depth: u8, out: &mut Vec<Cell>) {
        if points.is_empty() {
            return;
        }
        if points.len() <= most.max(1) || depth >= 8 {
            out.push((cell, points));
            return;
        }
        let [x, y, w, h] = cell;
        let (mx, my) = (x + w / 2.0, y + h / 2.0);
        let mut parts: [Vec<(f32, f32)>; 4] = Default::default();
        for p in points {
            parts[usize::from(p.0 >= mx) + 2 * usize::from(p.1 >= my)].push(p);
        }
        for (index, part) in parts.into_iter().enumerate() {
            let (dx, dy) = ((index % 2) as f32, (index / 2) as f32);
            let quarter = [x + dx * w / 2.0, y + dy * h / 2.0, w / 2.0, h / 2.0];
            cut(quarter, part, most, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    let [x, y, w, h] = extent(&points);
    // A square root cell, so the quarters keep the page's proportions.
    let side = w.max(h).max(1.0);
    let root = [x - (side - w) / 2.0, y - (side - h) / 2.0, side, side];
    cut(root, points, most, 0, &mut out);
    out
}

/// The smallest box holding `points`: left, top, width, height.
fn extent(points: &[(f32, f32)]) -> [f32; 4] {
    let (x0, y0, x1, y1) = points.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(a, b, c, d), (x, y)| (a.min(*x), b.min(*y), c.max(*x), d.max(*y)),
    );
    [x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0)]
}

/// The part of a `sheet` (width, height) a detail of the box `[x, y, w, h]` shows: the box
/// with a twentieth of margin all round, at least a fortieth of the sheet's longer side, within
/// the sheet.
fn view_round([x, y, w, h]: [f32; 4], (width, height): (f32, f32)) -> [f32; 4] {
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let least = width.max(height) / 40.0;
    let margin = w.max(h) * 0.05;
    let w = (w + 2.0 * margin).max(least).min(width);
    let h = (h + 2.0 * margin).max(least).min(height);
    let left = (cx - w / 2.0).clamp(0.0, (width - w).max(0.0));
    let top = (cy - h / 2.0).clamp(0.0, (height - h).max(0.0));
    [left, top, w, h]
}

/// The scale bar of a drawing of `plan` `width` plan pixels wide: a fifth of it at most —
/// readable, and clear of most of the drawing; `None` without a scale.
fn scale_bar(plan: &SitePlan, width: f64) -> Option<(f32, String)> {
    plan.scale_bar(width / 5.0)
        .map(|(metres, pixels)| (pixels as f32, crate::model::site_plan::length_text(metres)))
}

/// The plan in words: its perimeter, how many cameras are placed on it with their fields of
/// view, the zones drawn (by their names, else their kinds) and the privacy masks.
fn plan_in_words(ctx: &Ctx, plan: &SitePlan) -> String {
    let zones: Vec<String> = plan
        .zones
        .iter()
        .map(|z| {
            let kind = ctx.t(zone_key(z.kind));
            if z.label.trim().is_empty() {
                kind
            } else {
                format!("{} ({kind})", z.label.trim())
            }
        })
        .collect();
    let masks: usize = plan.placements.iter().map(|p| p.masks.len()).sum();
    ctx.tw(
        "dossier.plan.alt",
        &[
            ("perimeter", &ctx.text_or_blank(plan.perimeter.trim())),
            (
                "cameras",
                &ctx.count("dossier.plan.cameras_placed", plan.placements.len() as u64),
            ),
            (
                "zones",
                &if zones.is_empty() {
                    ctx.t("dossier.plan.alt_no_zone")
                } else {
                    zones.join(", ")
                },
            ),
            ("masks", &ctx.count("dossier.plan.masks", masks as u64)),
        ],
    )
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
        view: None,
        named: None,
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
        scale_bar: scale_bar(plan, f64::from(plan.width)),
        elsewhere: ctx.t("dossier.plan.elsewhere"),
        alt: plan_in_words(ctx, plan),
        crowded: ctx.t("dossier.plan.crowded"),
        caption: ctx.tw(
            "dossier.plan.caption",
            &[("perimeter", plan.perimeter.trim()), ("scale", scale)],
        ),
    }
}
