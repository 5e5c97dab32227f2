//! The risk map: the CNIL 4×4 grid of severity × likelihood in colour bands, each risk's number
//! hollow where it stands before measures and filled where it stands after, an arrow between
//! the two, the risks listed on the right and the level scale underneath. The geometry (where
//! marks go, how arrows avoid them) is shared with the app through `dossier::map_geometry`.

use super::page::{Item, CONTENT_W, MARGIN_X};
use super::palette::{band_color, INK, MUTED, WHITE};
use super::{Layouter, BLOCK_GAP};
use crate::dossier::map_geometry::{self, MapPoint};
use crate::dossier::RiskMap;
use crate::model::{Band, Level, MatrixCell};
use crate::pdf::fonts::Face;

/// The side of a risk-map cell.
const CELL: f32 = 52.0;

/// Height of one line of the legend.
const LEGEND_LINE: f32 = 11.0;

impl Layouter<'_> {
    /// Height of the risk map block: the grid or the legend beside it, whichever is taller,
    /// then the axis and the scale.
    pub(super) fn risk_map_height(&self, map: &RiskMap) -> f32 {
        14.0 + (4.0 * CELL).max(self.legend_height(map)) + 48.0
    }

    /// The legend's lines, each risk's title wrapped (never cut) in the width right of the grid,
    /// its continuation lines indented under the title.
    fn legend_lines(&self, map: &RiskMap) -> Vec<Vec<String>> {
        let width = MARGIN_X + CONTENT_W - (MARGIN_X + 34.0 + 4.0 * CELL + 18.0);
        let measure = |s: &str| self.width(s, Face::Regular, 8.0);
        map.points
            .iter()
            .enumerate()
            .map(|(index, point)| {
                let lead = format!("{} — ", index + 1);
                let indent = measure(&lead);
                let mut lines =
                    crate::pdf::wrap::wrap(&format!("{lead}{}", point.label), width, &|s: &str| {
                        measure(s)
                    });
                // Lines after the first are drawn indented: wrap them again in the narrower width.
                if lines.len() > 1 {
                    let rest = lines.split_off(1).join(" ");
                    lines.extend(crate::pdf::wrap::wrap(&rest, width - indent, &|s: &str| {
                        measure(s)
                    }));
                }
                lines
            })
            .collect()
    }

    fn legend_height(&self, map: &RiskMap) -> f32 {
        let lines: usize = self.legend_lines(map).iter().map(Vec::len).sum();
        lines as f32 * LEGEND_LINE + map.points.len() as f32 * 2.0 + 30.0
    }

    /// The CNIL 4×4 map as the app draws it (`dossier::map_geometry`): one grid in colour
    /// bands, each risk's number hollow before measures and filled after, an arrow between them,
    /// the risks listed on the right.
    pub(super) fn risk_map(&mut self, map: &RiskMap) {
        let grid = 4.0 * CELL;
        let legend_h = self.legend_height(map);
        self.ensure(self.risk_map_height(map));
        let top = self.y + 14.0;
        let left = MARGIN_X + 34.0;
        let at = |p: MapPoint| (left + p.x * CELL, top + p.y * CELL);
        for severity in 1..=4u8 {
            for likelihood in 1..=4u8 {
                let (x, y) = at(map_geometry::cell_origin((severity, likelihood)));
                let band = match (Level::from_number(severity), Level::from_number(likelihood)) {
                    (Some(s), Some(l)) => MatrixCell {
                        severity: s,
                        likelihood: l,
                    }
                    .band(),
                    _ => Band::Low,
                };
                self.rect(x, y, CELL - 1.5, CELL - 1.5, band_color(band));
            }
            let (_, y) = at(map_geometry::cell_origin((severity, 1)));
            self.text(
                left - 10.0,
                y + CELL / 2.0 + 3.0,
                8.0,
                Face::Regular,
                MUTED,
                &severity.to_string(),
            );
            let (x, _) = at(map_geometry::cell_origin((1, severity)));
            self.text(
                x + CELL / 2.0 - 2.0,
                top + grid + 10.0,
                8.0,
                Face::Regular,
                MUTED,
                &severity.to_string(),
            );
        }
        self.text(
            left,
            top + grid + 22.0,
            8.0,
            Face::Italic,
            MUTED,
            &format!("{} →", map.likelihood_axis),
        );
        self.page().items.push(Item::Rotated {
            x: left - 18.0,
            y: top + grid,
            size: 8.0,
            angle: 90.0,
            face: Face::Italic,
            color: MUTED,
            text: format!("{} →", map.severity_axis),
        });

        let cells: Vec<_> = map.points.iter().map(|p| (p.before, p.after)).collect();
        let marks = map_geometry::marks(&cells);
        let center = |index: usize, is_residual: bool| {
            marks
                .iter()
                .find(|m| m.index == index && m.is_residual == is_residual)
                .map(|m| m.center)
        };
        for index in 0..map.points.len() {
            if let (Some(from), Some(to)) = (center(index, false), center(index, true)) {
                if let Some((start, end)) = map_geometry::arrow(from, to) {
                    let [wing_a, wing_b] = map_geometry::arrow_head(start, end);
                    let (x1, y1) = at(start);
                    let (x2, y2) = at(end);
                    for (xa, ya) in [(x1, y1), at(wing_a), at(wing_b)] {
                        self.page().items.push(Item::Line {
                            x1: xa,
                            y1: ya,
                            x2,
                            y2,
                            width: 0.9,
                            color: INK,
                        });
                    }
                }
            }
        }
        let radius = map_geometry::MARK_RADIUS * CELL;
        for mark in &marks {
            let (x, y) = at(mark.center);
            let (fill, stroke, ink) = if mark.is_residual {
                (INK, None, WHITE)
            } else {
                (WHITE, Some(INK), INK)
            };
            self.page().items.push(Item::Circle {
                x,
                y,
                r: radius,
                fill: Some(fill),
                stroke,
            });
            let number = (mark.index + 1).to_string();
            let w = self.width(&number, Face::Bold, 7.0);
            self.text(x - w / 2.0, y + 2.5, 7.0, Face::Bold, ink, &number);
        }

        // The legend, right of the grid.
        let legend_x = left + grid + 18.0;
        let mut y = top + 8.0;
        for (index, lines) in self.legend_lines(map).into_iter().enumerate() {
            let indent = self.width(&format!("{} — ", index + 1), Face::Regular, 8.0);
            for (n, line) in lines.iter().enumerate() {
                let x = if n == 0 { legend_x } else { legend_x + indent };
                self.text(x, y, 8.0, Face::Regular, INK, line);
                y += LEGEND_LINE;
            }
            y += 2.0;
        }
        y += 6.0;
        self.text(
            legend_x,
            y,
            8.0,
            Face::Regular,
            MUTED,
            &format!("○ {}   ● {}", map.before_label, map.after_label),
        );
        self.y = top + grid.max(legend_h) + 30.0;
        let scale = map
            .level_labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, l))
            .collect::<Vec<_>>()
            .join(" · ");
        let scale_lines = self.lines(&scale, Face::Regular, 7.5, MUTED, 0.0, CONTENT_W);
        self.flow(&scale_lines, MARGIN_X);
        self.y += BLOCK_GAP;
    }
}

/// The risk map in words, for who cannot see it: each risk and where it stands before and
/// after the measures (severity × likelihood).
pub(super) fn in_words(map: &RiskMap) -> String {
    let mut lines = vec![format!("{} × {}", map.severity_axis, map.likelihood_axis)];
    lines.extend(map.points.iter().map(|p| {
        format!(
            "{} — {}: {}; {}: {}",
            p.label,
            map.before_label,
            map.cell_words(p.before),
            map.after_label,
            map.cell_words(p.after)
        )
    }));
    lines.join("\n")
}
