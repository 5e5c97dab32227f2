//! The risk map of the Risks step: the CNIL 4×4 grid (severity up, likelihood right) in the colour
//! bands the dossier uses (`MatrixCell::band`), each risk's number before measures (hollow) with an
//! arrow to after measures (filled), and a legend.
//!
//! A click on a mark or a legend line opens the risk; dragging a mark to another cell changes the
//! levels it stands for. The geometry is public so tests can aim at a cell.

use egui::{Color32, Pos2, Rect, Sense, Ui};

use super::theme;
use crate::dossier::map_geometry::{self, MapPoint};
use crate::i18n::{tr, Lang};
use crate::model::{Level, MatrixCell, Risk, RiskId};

/// What the user did on the map.
#[derive(Clone, Debug, PartialEq)]
pub enum MapEvent {
    /// Open this risk's form.
    Open(RiskId),
    /// Put this risk's mark (before measures, or after when `is_residual`) in another cell.
    Move {
        /// The risk moved.
        risk: RiskId,
        /// The mark after measures was moved (else the one before).
        is_residual: bool,
        /// Where it was dropped.
        to: MatrixCell,
    },
}

/// Where the cells and marks of the map lie on screen: the shared map geometry
/// (`dossier::map_geometry`, which the PDF draws with too) scaled to pixels.
#[derive(Clone, Copy, Debug)]
pub struct MapGeometry {
    /// The top-left corner of the grid (cell severity 4, likelihood 1).
    origin: Pos2,
}

impl MapGeometry {
    /// The side of one cell.
    const CELL: f32 = 64.0;
    /// Room for the severity numbers (left) and above the grid.
    const MARGIN: egui::Vec2 = egui::vec2(46.0, 10.0);
    /// Room for the legend, right of the grid.
    const LEGEND_WIDTH: f32 = 260.0;

    /// The size the map takes with `risks` risks: the grid, or the legend when it is longer.
    pub fn size(risks: usize) -> egui::Vec2 {
        let legend = risks as f32 * 16.0 + 40.0;
        egui::vec2(
            Self::MARGIN.x + 4.0 * Self::CELL + Self::LEGEND_WIDTH,
            Self::MARGIN.y + (4.0 * Self::CELL + 40.0).max(legend),
        )
    }

    /// The geometry of a map drawn in `rect`.
    pub fn new(rect: Rect) -> Self {
        Self {
            origin: rect.min + Self::MARGIN,
        }
    }

    /// A point of the map on screen.
    fn to_screen(self, point: MapPoint) -> Pos2 {
        self.origin + egui::vec2(point.x, point.y) * Self::CELL
    }

    /// The square of one cell.
    pub fn cell_rect(&self, cell: MatrixCell) -> Rect {
        let origin = self.to_screen(map_geometry::cell_origin(pair(cell)));
        Rect::from_min_size(origin, egui::vec2(Self::CELL - 2.0, Self::CELL - 2.0))
    }

    /// The cell under `pos`, if any.
    pub fn cell_at(&self, pos: Pos2) -> Option<MatrixCell> {
        let unit = (pos - self.origin) / Self::CELL;
        let (severity, likelihood) = map_geometry::cell_at(MapPoint {
            x: unit.x,
            y: unit.y,
        })?;
        Some(MatrixCell {
            severity: Level::from_number(severity)?,
            likelihood: Level::from_number(likelihood)?,
        })
    }

    /// Every mark of `risks`, placed on screen.
    pub fn marks(&self, risks: &[Risk]) -> Vec<Mark> {
        let cells: Vec<_> = risks
            .iter()
            .map(|r| (r.initial_cell().map(pair), r.residual_cell().map(pair)))
            .collect();
        map_geometry::marks(&cells)
            .into_iter()
            .map(|m| Mark {
                index: m.index,
                is_residual: m.is_residual,
                at: self.to_screen(m.center),
            })
            .collect()
    }

    /// The radius of a mark on screen.
    fn mark_radius() -> f32 {
        map_geometry::MARK_RADIUS * Self::CELL
    }

    /// Where the legend line of risk number `index` starts.
    fn legend_at(&self, index: usize) -> Pos2 {
        self.origin + egui::vec2(4.0 * Self::CELL + 16.0, index as f32 * 16.0 + 6.0)
    }
}

/// A cell as the shared geometry numbers it.
fn pair(cell: MatrixCell) -> map_geometry::Cell {
    (cell.severity.number(), cell.likelihood.number())
}

/// One mark on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// The risk's place in the list (its number on the map is one more).
    pub index: usize,
    /// The mark after measures (else before).
    pub is_residual: bool,
    /// Its centre.
    pub at: Pos2,
}

/// The mark being dragged, kept in egui's memory between frames.
#[derive(Clone, Copy, Debug)]
struct Dragged {
    index: usize,
    is_residual: bool,
}

/// Draws the map; returns what the user did on it.
pub fn risk_map_ui(ui: &mut Ui, lang: Lang, risks: &[Risk]) -> Option<MapEvent> {
    let (rect, response) =
        ui.allocate_exact_size(MapGeometry::size(risks.len()), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr(lang, "dossier.risk_map"))
    });
    let geometry = MapGeometry::new(rect);
    let painter = ui.painter_at(rect);
    draw_grid(&painter, &geometry, lang);

    let marks = geometry.marks(risks);
    // The nearest mark within its radius: marks of several risks in one cell lie close.
    let mark_under = |pos: Pos2| {
        marks
            .iter()
            .filter(|m| m.at.distance(pos) <= MapGeometry::mark_radius() + 2.0)
            .min_by(|a, b| a.at.distance(pos).total_cmp(&b.at.distance(pos)))
            .copied()
    };

    // Dragging a mark.
    let drag_id = response.id.with("dragged");
    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin());
        if let Some(mark) = origin.and_then(mark_under) {
            ui.data_mut(|d| {
                d.insert_temp(
                    drag_id,
                    Dragged {
                        index: mark.index,
                        is_residual: mark.is_residual,
                    },
                )
            });
        }
    }
    let dragged: Option<Dragged> = ui.data(|d| d.get_temp(drag_id));
    // The press, the drag and the release all report where the pointer is (the release frame
    // has no interaction position any more).
    let pointer = response
        .interact_pointer_pos()
        .or_else(|| ui.input(|i| i.pointer.latest_pos()));

    for (index, risk) in risks.iter().enumerate() {
        draw_risk(&painter, &geometry, &marks, index, risk);
    }
    draw_legend_key(&painter, &geometry, lang, risks.len());

    if response.hovered()
        && ui
            .input(|i| i.pointer.hover_pos())
            .and_then(mark_under)
            .is_some()
    {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    if let (Some(drag), Some(pos)) = (dragged, pointer) {
        if response.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            if let Some(cell) = geometry.cell_at(pos) {
                painter.rect_stroke(
                    geometry.cell_rect(cell),
                    3.0,
                    egui::Stroke::new(2.0, theme::palette(painter.ctx()).accent),
                    egui::StrokeKind::Inside,
                );
            }
            draw_mark(&painter, pos, drag.index + 1, drag.is_residual);
        }
    }
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<Dragged>(drag_id));
        let drag = dragged?;
        let risk = risks.get(drag.index)?;
        let to = geometry.cell_at(pointer?)?;
        let from = if drag.is_residual {
            risk.residual_cell()
        } else {
            risk.initial_cell()
        };
        return (from != Some(to)).then(|| MapEvent::Move {
            risk: risk.risk_id.clone(),
            is_residual: drag.is_residual,
            to,
        });
    }

    // A click on a mark or a legend line opens the risk.
    let clicked_at = response.clicked().then_some(pointer).flatten()?;
    let index = mark_under(clicked_at).map(|m| m.index).or_else(|| {
        (0..risks.len()).find(|&index| {
            Rect::from_min_size(
                geometry.legend_at(index) - egui::vec2(0.0, 8.0),
                egui::vec2(MapGeometry::LEGEND_WIDTH - 10.0, 16.0),
            )
            .contains(clicked_at)
        })
    })?;
    risks.get(index).map(|r| MapEvent::Open(r.risk_id.clone()))
}

/// The coloured cells and the axes.
fn draw_grid(painter: &egui::Painter, geometry: &MapGeometry, lang: Lang) {
    let font = |size| egui::FontId::proportional(size);
    for level in Level::ALL {
        for likelihood in Level::ALL {
            let cell = MatrixCell {
                severity: level,
                likelihood,
            };
            painter.rect_filled(geometry.cell_rect(cell), 3.0, theme::band(cell.band()));
        }
        let row = geometry.cell_rect(MatrixCell {
            severity: level,
            likelihood: Level::Negligible,
        });
        painter.text(
            egui::pos2(row.min.x - 12.0, row.center().y),
            egui::Align2::CENTER_CENTER,
            level.number().to_string(),
            font(12.0),
            theme::palette(painter.ctx()).muted,
        );
        let column = geometry.cell_rect(MatrixCell {
            severity: Level::Negligible,
            likelihood: level,
        });
        painter.text(
            egui::pos2(column.center().x, column.max.y + 10.0),
            egui::Align2::CENTER_CENTER,
            level.number().to_string(),
            font(12.0),
            theme::palette(painter.ctx()).muted,
        );
    }
    let bottom_left = geometry
        .cell_rect(MatrixCell {
            severity: Level::Negligible,
            likelihood: Level::Negligible,
        })
        .left_bottom();
    painter.text(
        bottom_left + egui::vec2(0.0, 28.0),
        egui::Align2::LEFT_CENTER,
        format!("{} →", tr(lang, "dossier.map.likelihood")),
        font(12.0),
        theme::palette(painter.ctx()).muted,
    );
    painter.text(
        geometry.origin - egui::vec2(MapGeometry::MARGIN.x - 2.0, 2.0),
        egui::Align2::LEFT_TOP,
        format!("↑ {}", tr(lang, "dossier.map.severity")),
        font(11.0),
        theme::palette(painter.ctx()).muted,
    );
}

/// One risk's arrow, marks and legend line.
fn draw_risk(
    painter: &egui::Painter,
    geometry: &MapGeometry,
    marks: &[Mark],
    index: usize,
    risk: &Risk,
) {
    let at = |is_residual: bool| {
        marks
            .iter()
            .find(|m| m.index == index && m.is_residual == is_residual)
            .map(|m| m.at)
    };
    let (before, after) = (at(false), at(true));
    if let (Some(from), Some(to)) = (before, after) {
        let unit = |p: Pos2| {
            let v = (p - geometry.origin) / MapGeometry::CELL;
            MapPoint { x: v.x, y: v.y }
        };
        if let Some((start, end)) = map_geometry::arrow(unit(from), unit(to)) {
            let (start, end) = (geometry.to_screen(start), geometry.to_screen(end));
            painter.arrow(start, end - start, egui::Stroke::new(1.5, theme::MAP_INK));
        }
    }
    for (mark, is_residual) in [(before, false), (after, true)] {
        if let Some(mark) = mark {
            draw_mark(painter, mark, index + 1, is_residual);
        }
    }
    painter.text(
        geometry.legend_at(index),
        egui::Align2::LEFT_CENTER,
        legend_line(index, risk),
        egui::FontId::proportional(11.0),
        theme::palette(painter.ctx()).ink,
    );
}

/// A risk's legend line: its number, id and title, cut to fit the legend's width.
fn legend_line(index: usize, risk: &Risk) -> String {
    const MAX_CHARS: usize = 44;
    let line = if risk.title.trim().is_empty() {
        format!("{} — {}", index + 1, risk.risk_id)
    } else {
        format!("{} — {} — {}", index + 1, risk.risk_id, risk.title.trim())
    };
    if line.chars().count() <= MAX_CHARS {
        line
    } else {
        let cut: String = line.chars().take(MAX_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A numbered mark: hollow before measures, filled after.
fn draw_mark(painter: &egui::Painter, at: Pos2, number: usize, is_residual: bool) {
    let text_colour = if is_residual {
        painter.circle_filled(at, MapGeometry::mark_radius(), theme::MAP_INK);
        Color32::WHITE
    } else {
        painter.circle(
            at,
            MapGeometry::mark_radius(),
            Color32::WHITE.gamma_multiply(0.6),
            egui::Stroke::new(1.5, theme::MAP_INK),
        );
        theme::MAP_INK
    };
    painter.text(
        at,
        egui::Align2::CENTER_CENTER,
        number.to_string(),
        egui::FontId::proportional(10.0),
        text_colour,
    );
}

/// What the hollow and the filled marks mean: at the grid's foot, or under a longer legend.
fn draw_legend_key(painter: &egui::Painter, geometry: &MapGeometry, lang: Lang, risks: usize) {
    let grid_foot = geometry
        .cell_rect(MatrixCell {
            severity: Level::Negligible,
            likelihood: Level::Maximum,
        })
        .right_bottom()
        + egui::vec2(16.0, -6.0);
    let under_legend = geometry.legend_at(risks) + egui::vec2(0.0, 8.0);
    painter.text(
        egui::pos2(grid_foot.x, grid_foot.y.max(under_legend.y)),
        egui::Align2::LEFT_CENTER,
        format!(
            "○ {}   ● {}",
            tr(lang, "dossier.map.before"),
            tr(lang, "dossier.map.after")
        ),
        egui::FontId::proportional(11.0),
        theme::palette(painter.ctx()).muted,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_found_under_its_own_centre() {
        let geometry = MapGeometry::new(Rect::from_min_size(Pos2::ZERO, MapGeometry::size(5)));
        for severity in Level::ALL {
            for likelihood in Level::ALL {
                let cell = MatrixCell {
                    severity,
                    likelihood,
                };
                assert_eq!(
                    geometry.cell_at(geometry.cell_rect(cell).center()),
                    Some(cell)
                );
            }
        }
        assert_eq!(geometry.cell_at(Pos2::ZERO), None);
        assert_eq!(geometry.cell_at(Pos2::new(1000.0, 50.0)), None);
    }
}
