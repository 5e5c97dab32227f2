//! A site plan drawn to scale in the room left on the page (a page of its own when too little
//! is left): the sheet's outline, the fields of view (pale, first), the zones with their names,
//! the masks, the cameras as dots with their ids, then the legend and the caption.

use super::page::{Item, BOTTOM, CONTENT_W, MARGIN_X};
use super::{Layouter, BLOCK_GAP};
use crate::dossier::palette::tone_colors;
use crate::dossier::palette::{Rgb, INK, MUTED, PLAN_MASK, PLAN_SECTOR, PLAN_SECTOR_EDGE, RULE};
use crate::dossier::{FigureBackground, Picture, PlanFigure, Tone};
use crate::pdf::fonts::Face;
use std::sync::Arc;

/// The least height a plan is drawn in; with less room left it starts a page.
pub(super) const MIN_HEIGHT: f32 = 320.0;

/// Room kept under the figure for the legend and the caption.
const LEGEND_H: f32 = 46.0;

/// Above this many cameras, ids are drawn smaller.
const DENSE: usize = 120;

impl Layouter<'_> {
    /// Draws `figure` at the cursor, fitted to the width and the room left.
    pub(super) fn plan_figure(&mut self, figure: &PlanFigure) {
        self.ensure(MIN_HEIGHT + LEGEND_H);
        let room = (BOTTOM - self.y - LEGEND_H).max(MIN_HEIGHT);
        let scale = (CONTENT_W / figure.width).min(room / figure.height);
        let (w, h) = (figure.width * scale, figure.height * scale);
        let left = MARGIN_X + (CONTENT_W - w) / 2.0;
        let top = self.y;
        let at = |(x, y): (f32, f32)| (left + x * scale, top + y * scale);
        let on_sheet = |points: &[(f32, f32)]| points.iter().map(|p| at(*p)).collect::<Vec<_>>();
        let polygon = |points: Vec<(f32, f32)>, fill: Rgb, stroke: (Rgb, f32)| Item::Polygon {
            points,
            fill,
            stroke,
        };
        let sheet = vec![
            (left, top),
            (left + w, top),
            (left + w, top + h),
            (left, top + h),
        ];
        let mut items = vec![polygon(sheet.clone(), Rgb(1.0, 1.0, 1.0), (RULE, 0.8))];
        let picture = match &figure.background {
            FigureBackground::Picture(picture) => Some(picture),
            FigureBackground::Blank | FigureBackground::Missing(_) => None,
        };
        if let Some(picture) = picture {
            let index = self.picture_index(picture);
            items.push(Item::Picture {
                index,
                orientation: picture.orientation,
                x: left,
                y: top,
                w,
                h,
            });
            items.push(Item::Translucent(true));
        }
        for sector in &figure.sectors {
            items.push(polygon(
                clip(on_sheet(sector), left, top, w, h),
                PLAN_SECTOR,
                (PLAN_SECTOR_EDGE, 0.3),
            ));
        }
        for zone in &figure.zones {
            items.push(polygon(
                clip(on_sheet(&zone.points), left, top, w, h),
                zone.fill,
                (zone.stroke, 0.8),
            ));
        }
        for mask in &figure.masks {
            items.push(polygon(
                clip(on_sheet(mask), left, top, w, h),
                PLAN_MASK,
                (PLAN_MASK, 0.5),
            ));
        }
        items.retain(|item| !matches!(item, Item::Polygon { points, .. } if points.len() < 3));
        if picture.is_some() {
            items.push(Item::Translucent(false));
            // The sheet's outline again, over the picture.
            for (n, &(x1, y1)) in sheet.iter().enumerate() {
                let (x2, y2) = sheet[(n + 1) % sheet.len()];
                items.push(Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: 0.8,
                    color: RULE,
                });
            }
        }
        self.page().items.extend(items);
        if let Some((pixels, label)) = &figure.scale_bar {
            self.scale_bar(left + 8.0, top + h - 10.0, pixels * scale, label);
        }
        for zone in &figure.zones {
            if zone.label.is_empty() || zone.points.is_empty() {
                continue;
            }
            // Under the zone, centred: clear of the cameras' ids, which sit above their dots.
            let n = zone.points.len() as f32;
            let sx: f32 = zone.points.iter().map(|(x, _)| x).sum();
            let bottom = zone.points.iter().map(|(_, y)| *y).fold(f32::MIN, f32::max);
            let (cx, cy) = at((sx / n, bottom));
            let size = 5.5;
            let width = self.metrics.width(&zone.label, Face::Regular, size);
            let x =
                (cx - width / 2.0).clamp(MARGIN_X, (MARGIN_X + CONTENT_W - width).max(MARGIN_X));
            self.text(x, cy + size + 1.0, size, Face::Regular, INK, &zone.label);
        }
        let size = if figure.cameras.len() > DENSE {
            4.0
        } else {
            5.5
        };
        for (x, y, id) in &figure.cameras {
            let (px, py) = at((*x, *y));
            self.page().items.push(Item::Circle {
                x: px,
                y: py,
                r: 1.8,
                fill: Some(INK),
                stroke: None,
            });
            let width = self.metrics.width(id, Face::Regular, size);
            let x = (px + 2.2).min(MARGIN_X + CONTENT_W - width);
            self.text(x, py - 1.8, size, Face::Regular, INK, id);
        }
        self.y = top + h + 10.0;
        let mut x = MARGIN_X;
        for (colour, label) in &figure.legend {
            let width = self.metrics.width(label, Face::Regular, 7.5);
            if x + 14.0 + width > MARGIN_X + CONTENT_W {
                x = MARGIN_X;
                self.y += 12.0;
            }
            self.rect(x, self.y - 7.0, 9.0, 7.0, *colour);
            self.text(x + 12.0, self.y, 7.5, Face::Regular, INK, label);
            x += 12.0 + width + 14.0;
        }
        self.y += 14.0;
        self.text(MARGIN_X, self.y, 7.5, Face::Italic, MUTED, &figure.caption);
        if let FigureBackground::Missing(note) = &figure.background {
            self.y += 11.0;
            let bad = tone_colors(Tone::Blocking).1;
            self.text(MARGIN_X, self.y, 7.5, Face::Italic, bad, note);
        }
        self.y += BLOCK_GAP;
    }

    /// A scale bar `length` points long from (`x`, `y`), on a white ground, its label after it.
    fn scale_bar(&mut self, x: f32, y: f32, length: f32, label: &str) {
        let size = 6.5;
        let width = self.metrics.width(label, Face::Regular, size);
        self.rect(
            x - 4.0,
            y - 10.0,
            length + width + 14.0,
            14.0,
            Rgb(1.0, 1.0, 1.0),
        );
        let line = |x1: f32, y1: f32, x2: f32, y2: f32| Item::Line {
            x1,
            y1,
            x2,
            y2,
            width: 1.0,
            color: INK,
        };
        let page = self.page();
        page.items.push(line(x, y, x + length, y));
        page.items.push(line(x, y - 4.0, x, y));
        page.items.push(line(x + length, y - 4.0, x + length, y));
        page.items
            .push(line(x + length / 2.0, y - 2.5, x + length / 2.0, y));
        self.text(x + length + 4.0, y, size, Face::Regular, INK, label);
    }

    /// The index of `picture` in the layout's pictures, adding it the first time.
    fn picture_index(&mut self, picture: &Arc<Picture>) -> usize {
        if let Some(index) = self.pictures.iter().position(|p| Arc::ptr_eq(p, picture)) {
            return index;
        }
        self.pictures.push(Arc::clone(picture));
        self.pictures.len() - 1
    }
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
