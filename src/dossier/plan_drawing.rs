//! One plan drawing for every renderer: a [`PlanFigure`] laid out at its printed size — the
//! sheet fitted to the room and centred in the figure's box, the fields of view, zones and
//! masks clipped to the sheet, the cameras' dots and ids (smaller when there are many: the
//! density rule; grouped and kept apart by `plan_labels`), the zones' names under them, the scale bar, the legend's rows under the sheet
//! — in points from the box's top-left corner. The PDF page places it; the word processors'
//! picture rasterises it at its own resolution. Neither decides anything about the drawing.

use super::palette::{Rgb, PLAN_MASK, PLAN_SECTOR, PLAN_SECTOR_EDGE, RULE};
use super::plan_labels;
use super::{FigureBackground, PlanFigure};

/// Above this many cameras, ids are written smaller.
pub const DENSE: usize = 120;

/// The size of the cameras' ids, in points: normal, and above [`DENSE`] cameras.
const ID_SIZE: (f32, f32) = (5.5, 4.0);
/// The size of the zones' names, in points.
const ZONE_NAME_SIZE: f32 = 5.5;
/// The radius of a camera's dot, in points.
const DOT_RADIUS: f32 = 1.8;
/// The legend's text size, swatch, and row height, in points.
const LEGEND_SIZE: f32 = 7.5;
const LEGEND_SWATCH: (f32, f32) = (9.0, 7.0);
const LEGEND_ROW: f32 = 12.0;

/// A plan laid out for the page, in points from the top-left corner of the figure's box.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDrawing {
    /// The box's width: the room the figure was given.
    pub box_width: f32,
    /// The sheet (the part of it drawn): left, top, width, height.
    pub sheet: [f32; 4],
    /// Where the whole sheet's picture goes, clipped to [`PlanDrawing::sheet`]: the sheet
    /// itself, or more for a detail.
    pub picture: [f32; 4],
    /// The sheet's outline: colour and width (drawn under and, over a picture, again above).
    pub outline: (Rgb, f32),
    /// True when the sheet is a picture: the fills are then translucent over it.
    pub on_picture: bool,
    /// Fields of view, then zones, then masks, in drawing order, clipped to the sheet.
    pub shapes: Vec<Shape>,
    /// The cameras' dots, ink, of [`PlanDrawing::dot_radius`].
    pub dots: Vec<(f32, f32)>,
    /// The dots' radius.
    pub dot_radius: f32,
    /// The scale bar, drawn over the shapes.
    pub scale_bar: Option<ScaleBar>,
    /// The zones' names and the cameras' ids (one label for the cameras sharing a place),
    /// ink.
    pub labels: Vec<Label>,
    /// The counts of the groups of cameras whose label found no room, over their dots.
    pub badges: Vec<plan_labels::Badge>,
    /// Cameras no label names (too crowded at this size): the figure's note says how many.
    pub unlabelled: usize,
    /// The legend, under the sheet.
    pub legend: Vec<LegendEntry>,
    /// The baseline of the legend's last row (the sheet's bottom without a legend).
    pub bottom: f32,
}

/// A filled and outlined polygon.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The outline's points.
    pub points: Vec<(f32, f32)>,
    /// Fill colour (translucent over a picture).
    pub fill: Rgb,
    /// Outline colour and width.
    pub stroke: (Rgb, f32),
}

/// A line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Left of the text.
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// Its size.
    pub size: f32,
    /// The text.
    pub text: String,
}

/// A scale bar: a white ground, ink lines and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleBar {
    /// The ground: left, top, width, height.
    pub ground: [f32; 4],
    /// The bar and its ticks: x1, y1, x2, y2.
    pub lines: Vec<[f32; 4]>,
    /// The lines' width.
    pub line_width: f32,
    /// What it measures.
    pub label: Label,
}

/// A colour of the legend and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The swatch: left, top, width, height.
    pub swatch: [f32; 4],
    /// Its colour.
    pub colour: Rgb,
    /// What it means.
    pub label: Label,
}

/// How tall `figure`'s sheet is drawn `width` wide: no more room than that is ever needed.
pub fn sheet_height(figure: &PlanFigure, width: f32) -> f32 {
    let [_, _, vw, vh] = view_of(figure);
    vh * width / vw.max(1.0)
}

/// The part of the sheet the figure shows: its view, or the whole sheet.
fn view_of(figure: &PlanFigure) -> [f32; 4] {
    figure
        .view
        .filter(|[_, _, w, h]| *w > 0.0 && *h > 0.0)
        .unwrap_or([0.0, 0.0, figure.width, figure.height])
}

/// `figure` laid out in a box `max_width` wide whose sheet is at most `max_height` tall;
/// `measure` gives a text's width in points at a size in points, in the renderer's font (the
/// dossier's Noto Sans).
pub fn draw(
    figure: &PlanFigure,
    (max_width, max_height): (f32, f32),
    measure: &dyn Fn(&str, f32) -> f32,
) -> PlanDrawing {
    let [vx, vy, vw, vh] = view_of(figure);
    let scale = (max_width / vw.max(1.0)).min(max_height / vh.max(1.0));
    let (w, h) = (vw * scale, vh * scale);
    let left = (max_width - w) / 2.0;
    let at = |(x, y): (f32, f32)| (left + (x - vx) * scale, (y - vy) * scale);
    let inside = |(x, y): (f32, f32)| x >= left && x <= left + w && y >= 0.0 && y <= h;
    let on_sheet =
        |points: &[(f32, f32)]| clip(points.iter().map(|p| at(*p)).collect(), left, 0.0, w, h);
    let mut shapes = Vec::new();
    for sector in &figure.sectors {
        shapes.push(Shape {
            points: on_sheet(sector),
            fill: PLAN_SECTOR,
            stroke: (PLAN_SECTOR_EDGE, 0.3),
        });
    }
    for zone in &figure.zones {
        shapes.push(Shape {
            points: on_sheet(&zone.points),
            fill: zone.fill,
            stroke: (zone.stroke, 0.8),
        });
    }
    for mask in &figure.masks {
        shapes.push(Shape {
            points: on_sheet(mask),
            fill: PLAN_MASK,
            stroke: (PLAN_MASK, 0.5),
        });
    }
    shapes.retain(|shape| shape.points.len() >= 3);
    let mut labels = Vec::new();
    for zone in &figure.zones {
        if zone.label.is_empty() || zone.points.is_empty() {
            continue;
        }
        // Under the zone, centred: clear of the cameras' ids, which sit above their dots.
        let n = zone.points.len() as f32;
        let sx: f32 = zone.points.iter().map(|(x, _)| x).sum();
        let bottom = zone.points.iter().map(|(_, y)| *y).fold(f32::MIN, f32::max);
        let (cx, cy) = at((sx / n, bottom));
        if !inside((cx, cy)) {
            continue;
        }
        let width = measure(&zone.label, ZONE_NAME_SIZE);
        labels.push(Label {
            x: (cx - width / 2.0).clamp(0.0, (max_width - width).max(0.0)),
            y: cy + ZONE_NAME_SIZE + 1.0,
            size: ZONE_NAME_SIZE,
            text: zone.label.clone(),
        });
    }
    let shown = figure
        .cameras
        .iter()
        .filter(|(x, y, _)| inside(at((*x, *y))))
        .count();
    let id_size = if shown > DENSE { ID_SIZE.1 } else { ID_SIZE.0 };
    let mut dots = Vec::with_capacity(figure.cameras.len());
    let mut printed = Vec::with_capacity(figure.cameras.len());
    for (x, y, id) in &figure.cameras {
        let (px, py) = at((*x, *y));
        if !inside((px, py)) {
            continue;
        }
        dots.push((px, py));
        let is_named = figure
            .named
            .is_none_or(|[nx, ny, nw, nh]| *x >= nx && *x < nx + nw && *y >= ny && *y < ny + nh);
        if is_named {
            printed.push((px, py, id.as_str()));
        }
    }
    // Ids sharing a place become one label; a label with no room becomes a count.
    let groups = plan_labels::groups(&printed);
    let placed = plan_labels::place(&groups, id_size, DOT_RADIUS, max_width, measure);
    labels.extend(placed.labels);
    let scale_bar = figure
        .scale_bar
        .as_ref()
        .map(|(pixels, label)| scale_bar(left + 8.0, h - 10.0, pixels * scale, label, measure));
    let (legend, bottom) = legend(&figure.legend, h, max_width, measure);
    PlanDrawing {
        box_width: max_width,
        sheet: [left, 0.0, w, h],
        picture: [
            left - vx * scale,
            -vy * scale,
            figure.width * scale,
            figure.height * scale,
        ],
        outline: (RULE, 0.8),
        on_picture: matches!(figure.background, FigureBackground::Picture(_)),
        shapes,
        dots,
        dot_radius: DOT_RADIUS,
        scale_bar,
        labels,
        badges: placed.badges,
        unlabelled: placed.unlabelled,
        legend,
        bottom,
    }
}

/// A scale bar `length` points long from (`x`, `y`), on a white ground, its label after it.
fn scale_bar(
    x: f32,
    y: f32,
    length: f32,
    label: &str,
    measure: &dyn Fn(&str, f32) -> f32,
) -> ScaleBar {
    let size = 6.5;
    let width = measure(label, size);
    ScaleBar {
        ground: [x - 4.0, y - 10.0, length + width + 14.0, 14.0],
        lines: vec![
            [x, y, x + length, y],
            [x, y - 4.0, x, y],
            [x + length, y - 4.0, x + length, y],
            [x + length / 2.0, y - 2.5, x + length / 2.0, y],
        ],
        line_width: 1.0,
        label: Label {
            x: x + length + 4.0,
            y,
            size,
            text: label.to_owned(),
        },
    }
}

/// The legend's entries in rows under a sheet `sheet_height` tall, wrapping at `width`; and the
/// baseline of its last row.
fn legend(
    entries: &[(Rgb, String)],
    sheet_height: f32,
    width: f32,
    measure: &dyn Fn(&str, f32) -> f32,
) -> (Vec<LegendEntry>, f32) {
    let mut out = Vec::new();
    let (mut x, mut y) = (0.0, sheet_height + 10.0);
    for (colour, text) in entries {
        let text_width = measure(text, LEGEND_SIZE);
        if x > 0.0 && x + 14.0 + text_width > width {
            x = 0.0;
            y += LEGEND_ROW;
        }
        out.push(LegendEntry {
            swatch: [x, y - LEGEND_SWATCH.1, LEGEND_SWATCH.0, LEGEND_SWATCH.1],
            colour: *colour,
            label: Label {
                x: x + 12.0,
                y,
                size: LEGEND_SIZE,
                text: text.clone(),
            },
        });
        x += 12.0 + text_width + 14.0;
    }
    let bottom = if out.is_empty() { sheet_height } else { y };
    (out, bottom)
}

/// One side of the clipping box: which points are inside it, where an edge crosses it, and
/// the side's coordinate.
type Side = (
    fn((f32, f32), f32) -> bool,
    fn((f32, f32), (f32, f32), f32) -> (f32, f32),
    f32,
);

/// The outline held inside the sheet's box (a field of view running off the sheet is cut at
/// its edge), by clipping against each side in turn.
fn clip(points: Vec<(f32, f32)>, left: f32, top: f32, w: f32, h: f32) -> Vec<(f32, f32)> {
    let sides: [Side; 4] = [
        (|p, v| p.0 >= v, cut_x, left),
        (|p, v| p.0 <= v, cut_x, left + w),
        (|p, v| p.1 >= v, cut_y, top),
        (|p, v| p.1 <= v, cut_y, top + h),
    ];
    let mut out = points;
    for (inside, cut, value) in sides {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        for i in 0..input.len() {
            let current = input[i];
            let previous = input[(i + input.len() - 1) % input.len()];
            match (inside(current, value), inside(previous, value)) {
                (true, true) => out.push(current),
                (true, false) => {
                    out.push(cut(previous, current, value));
                    out.push(current);
                }
                (false, true) => out.push(cut(previous, current, value)),
                (false, false) => {}
            }
        }
    }
    out
}

fn cut_x(a: (f32, f32), b: (f32, f32), x: f32) -> (f32, f32) {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn cut_y(a: (f32, f32), b: (f32, f32), y: f32) -> (f32, f32) {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::palette::INK;
    use crate::dossier::FigureShape;

    fn figure(cameras: usize) -> PlanFigure {
        PlanFigure {
            plan_id: "PLAN-1".to_owned(),
            background: FigureBackground::Blank,
            width: 2000.0,
            height: 1000.0,
            sectors: vec![vec![(1900.0, 100.0), (2400.0, 100.0), (2400.0, 400.0)]],
            zones: vec![FigureShape {
                points: vec![
                    (100.0, 100.0),
                    (300.0, 100.0),
                    (300.0, 300.0),
                    (100.0, 300.0),
                ],
                fill: PLAN_SECTOR,
                stroke: INK,
                label: "École".to_owned(),
            }],
            masks: Vec::new(),
            // Apart: 45 points across and 20 down at the tests' size, room for each id.
            cameras: (0..cameras)
                .map(|n| {
                    let (column, row) = ((n % 11) as f32, (n / 11) as f32);
                    (
                        10.0 + column * 180.0,
                        50.0 + row * 80.0,
                        format!("CAM-{n:03}"),
                    )
                })
                .collect(),
            legend: vec![
                (PLAN_SECTOR, "Champ de vision".to_owned()),
                (PLAN_MASK, "Masque".to_owned()),
            ],
            scale_bar: Some((400.0, "100 m".to_owned())),
            caption: String::new(),
            elsewhere: String::new(),
            alt: String::new(),
            view: None,
            named: None,
            crowded: "{count} sans identifiant".to_owned(),
        }
    }

    /// Five points per character of any size: a stand-in for the font.
    fn measure(text: &str, size: f32) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }

    #[test]
    fn the_sheet_is_fitted_and_centred_and_shapes_are_cut_at_its_edge() {
        // Wide room: the height limits; the sheet is centred.
        let drawing = draw(&figure(1), (500.0, 100.0), &measure);
        assert_eq!(drawing.sheet, [150.0, 0.0, 200.0, 100.0]);
        let sector = &drawing.shapes[0];
        assert!(
            sector.points.iter().all(|(x, _)| *x <= 350.0 + 1e-3),
            "{sector:?}"
        );
        assert_eq!(
            drawing
                .scale_bar
                .as_ref()
                .map(|b| b.lines[0][2] - b.lines[0][0]),
            Some(40.0)
        );
        // The zone's name is centred under it.
        let name = drawing
            .labels
            .iter()
            .find(|l| l.text == "École")
            .expect("name");
        assert!((name.x + measure("École", 5.5) / 2.0 - 170.0).abs() < 1e-3);
        assert!((name.y - (30.0 + 5.5 + 1.0)).abs() < 1e-3);
    }

    #[test]
    fn ids_are_written_smaller_past_the_density_threshold_and_the_legend_wraps() {
        let sparse = draw(&figure(DENSE), (500.0, 400.0), &measure);
        let dense = draw(&figure(DENSE + 1), (500.0, 400.0), &measure);
        let id_size = |d: &PlanDrawing| {
            d.labels
                .iter()
                .find(|l| l.text == "CAM-000")
                .map(|l| l.size)
        };
        assert_eq!(id_size(&sparse), Some(5.5));
        assert_eq!(id_size(&dense), Some(4.0));
        assert_eq!(sparse.dots.len(), DENSE);
        // One row in a wide box; two in a narrow one, the second a row lower.
        assert_eq!(sparse.bottom, sparse.sheet[3] + 10.0);
        let narrow = draw(&figure(1), (90.0, 400.0), &measure);
        assert_eq!(
            narrow.legend[1].label.y - narrow.legend[0].label.y,
            LEGEND_ROW
        );
        assert_eq!(narrow.bottom, narrow.legend[1].label.y);
    }
}
