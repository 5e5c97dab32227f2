//! A site plan drawn to scale in the room left on the page (a page of its own when too little
//! is left): the plan drawing (`dossier::plan_drawing`, shared with the word processors'
//! picture) placed at the cursor — the sheet and its picture, the fields of view (pale, first),
//! the zones, the masks, the scale bar, the cameras as dots with their ids, the legend — then
//! the caption.

use super::page::{Item, BOTTOM, CONTENT_W, MARGIN_X};
use super::{Layouter, BLOCK_GAP};
use crate::dossier::palette::tone_colors;
use crate::dossier::palette::{Rgb, INK, MUTED};
use crate::dossier::plan_drawing::{self, Label};
use crate::dossier::{FigureBackground, Picture, PlanFigure, Tone};
use crate::pdf::fonts::Face;
use std::sync::Arc;

/// The least height a plan is drawn in (or its sheet's height at the page's width, when less);
/// with less room left it starts a page.
const MIN_HEIGHT: f32 = 320.0;

/// Room kept under the figure for the legend and the caption.
const LEGEND_H: f32 = 46.0;

/// The room `figure` needs at least: what must be left on a page for it to start there.
pub(super) fn start_height(figure: &PlanFigure) -> f32 {
    MIN_HEIGHT.min(plan_drawing::sheet_height(figure, CONTENT_W)) + LEGEND_H
}

impl Layouter<'_> {
    /// Draws `figure` at the cursor, fitted to the width and the room left.
    pub(super) fn plan_figure(&mut self, figure: &PlanFigure) {
        self.ensure(start_height(figure));
        let room = (BOTTOM - self.y - LEGEND_H).max(MIN_HEIGHT);
        let metrics = self.metrics;
        let measure = |text: &str, size: f32| metrics.width(text, Face::Regular, size);
        let drawing = plan_drawing::draw(figure, (CONTENT_W, room), &measure);
        let (left, top) = (MARGIN_X, self.y);
        let at = |(x, y): (f32, f32)| (left + x, top + y);
        let [sx, sy, w, h] = drawing.sheet;
        let (sx, sy) = at((sx, sy));
        let polygon = |points: Vec<(f32, f32)>, fill: Rgb, stroke: (Rgb, f32)| Item::Polygon {
            points,
            fill,
            stroke,
        };
        let sheet = vec![(sx, sy), (sx + w, sy), (sx + w, sy + h), (sx, sy + h)];
        let mut items = vec![polygon(sheet.clone(), Rgb(1.0, 1.0, 1.0), drawing.outline)];
        let picture = match &figure.background {
            FigureBackground::Picture(picture) => Some(picture),
            FigureBackground::Blank | FigureBackground::Missing(_) => None,
        };
        if let Some(picture) = picture {
            let index = self.picture_index(picture);
            let [px, py, pw, ph] = drawing.picture;
            let (px, py) = at((px, py));
            let whole = (px - sx).abs() < 0.01 && (py - sy).abs() < 0.01 && (pw - w).abs() < 0.01;
            items.push(Item::Picture {
                index,
                orientation: picture.orientation,
                x: px,
                y: py,
                w: pw,
                h: ph,
                clip: (!whole).then_some([sx, sy, w, h]),
            });
            items.push(Item::Translucent(true));
        }
        for shape in &drawing.shapes {
            items.push(polygon(
                shape.points.iter().map(|p| at(*p)).collect(),
                shape.fill,
                shape.stroke,
            ));
        }
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
                    width: drawing.outline.1,
                    color: drawing.outline.0,
                });
            }
        }
        if let Some(bar) = &drawing.scale_bar {
            let [x, y, bw, bh] = bar.ground;
            let (x, y) = at((x, y));
            items.push(Item::Rect {
                x,
                y,
                w: bw,
                h: bh,
                color: Rgb(1.0, 1.0, 1.0),
            });
            for [x1, y1, x2, y2] in &bar.lines {
                let ((x1, y1), (x2, y2)) = (at((*x1, *y1)), at((*x2, *y2)));
                items.push(Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: bar.line_width,
                    color: INK,
                });
            }
        }
        self.page().items.extend(items);
        if let Some(bar) = &drawing.scale_bar {
            self.label(&bar.label, (left, top), INK);
        }
        for &(x, y) in &drawing.dots {
            let (x, y) = at((x, y));
            self.page().items.push(Item::Circle {
                x,
                y,
                r: drawing.dot_radius,
                fill: Some(INK),
                stroke: None,
            });
        }
        for badge in &drawing.badges {
            let (x, y) = at(badge.at);
            self.page().items.push(Item::Circle {
                x,
                y,
                r: badge.radius,
                fill: Some(Rgb(1.0, 1.0, 1.0)),
                stroke: Some(INK),
            });
            self.label(&badge.label, (left, top), INK);
        }
        for label in &drawing.labels {
            self.label(label, (left, top), INK);
        }
        for entry in &drawing.legend {
            let [x, y, sw, sh] = entry.swatch;
            self.rect(left + x, top + y, sw, sh, entry.colour);
            self.label(&entry.label, (left, top), INK);
        }
        self.y = top + drawing.bottom + 14.0;
        self.text(MARGIN_X, self.y, 7.5, Face::Italic, MUTED, &figure.caption);
        if let Some(note) = figure.crowded_note(drawing.unlabelled) {
            for line in self.wrap(&note, Face::Italic, 7.5, CONTENT_W) {
                self.y += 10.0;
                self.text(MARGIN_X, self.y, 7.5, Face::Italic, MUTED, &line);
            }
        }
        if let FigureBackground::Missing(note) = &figure.background {
            self.y += 11.0;
            let bad = tone_colors(Tone::Blocking).1;
            self.text(MARGIN_X, self.y, 7.5, Face::Italic, bad, note);
        }
        self.y += BLOCK_GAP;
    }

    /// Writes a drawing's `label` in `colour`, the drawing's box at `origin`.
    fn label(&mut self, label: &Label, (left, top): (f32, f32), colour: Rgb) {
        let (x, y) = (left + label.x, top + label.y);
        self.text(x, y, label.size, Face::Regular, colour, &label.text);
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
