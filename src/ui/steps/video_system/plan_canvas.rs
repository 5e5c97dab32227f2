//! The plan itself on screen: the sheet, the zones, each placed camera's field of view as a
//! translucent sector, its masks, the cameras with their ids, and what is being drawn. Pan by
//! dragging the sheet, zoom with the buttons or Ctrl + wheel; with the selection tool a camera
//! is dragged to move it and its handle to turn it. Only what falls in view is drawn, and the
//! ids only when few cameras are in view, so thousands of cameras stay fluid. Every change is
//! an in-place edit of the plan or an `Edit` sent after the frame: the geometry itself is
//! `model::geometry`.

use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use super::plans::{PlanEditorState, Selected, Tool};
use crate::edit::Edit;
use crate::model::geometry::Point;
use crate::model::{SitePlan, ZoneKind};
use crate::ui::action::Action;
use crate::ui::theme;

/// Height of the canvas, in points.
pub const HEIGHT: f32 = 520.0;

/// Above this many cameras in view, their ids are not drawn (the list beside says them).
const MAX_LABELS: usize = 150;

/// Where the sheet is on screen: its origin's offset from the canvas corner, and points per
/// plan pixel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Offset of the plan's origin from the canvas's top-left corner.
    pub offset: Vec2,
    /// Screen points per plan pixel.
    pub zoom: f32,
}

impl View {
    /// The whole sheet fitted in a canvas of `size`.
    pub fn fit(plan: &SitePlan, size: Vec2) -> View {
        let (w, h) = (plan.width.max(1) as f32, plan.height.max(1) as f32);
        let zoom = (size.x / w).min(size.y / h) * 0.96;
        View {
            offset: (size - Vec2::new(w, h) * zoom) / 2.0,
            zoom,
        }
    }

    fn to_screen(self, rect: Rect, p: Point) -> Pos2 {
        rect.min + self.offset + Vec2::new(p.x as f32, p.y as f32) * self.zoom
    }

    fn to_plan(self, rect: Rect, pos: Pos2) -> Point {
        let v = (pos - rect.min - self.offset) / self.zoom;
        Point::new(f64::from(v.x), f64::from(v.y))
    }

    /// Zooms by `factor` keeping the plan point under `anchor` where it is.
    pub fn zoom_at(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_plan(rect, anchor);
        self.zoom = (self.zoom * factor).clamp(0.005, 40.0);
        let after = self.to_screen(rect, before);
        self.offset += anchor - after;
    }
}

/// The colour of a zone kind, from the theme's palette.
fn zone_colour(palette: &theme::Palette, kind: ZoneKind) -> Color32 {
    match kind {
        ZoneKind::Dwelling => palette.bad,
        ZoneKind::School => palette.warn,
        ZoneKind::Worship => palette.info,
        ZoneKind::Health => palette.good,
        ZoneKind::PrivateProperty => palette.medium,
    }
}

fn polygon_shape(points: Vec<Pos2>, fill: Color32, stroke: Option<Stroke>) -> Shape {
    // A fan of triangles from the first point draws any star-shaped outline (sectors, most
    // zones) without egui's convex-only fill; the outline is drawn on top.
    let mut mesh = egui::Mesh::default();
    if points.len() >= 3 {
        for p in &points {
            mesh.colored_vertex(*p, fill);
        }
        for i in 1..points.len() as u32 - 1 {
            mesh.add_triangle(0, i, i + 1);
        }
    }
    let Some(stroke) = stroke else {
        return Shape::mesh(mesh);
    };
    let mut closed = points;
    if let Some(first) = closed.first().copied() {
        closed.push(first);
    }
    Shape::Vec(vec![Shape::mesh(mesh), Shape::line(closed, stroke)])
}

/// Draws the plan and handles the pointer; returns the plan point clicked, if any (for the
/// tools that add points), and where the canvas is.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    plan: &mut SitePlan,
    background: Option<&egui::TextureHandle>,
    state: &mut PlanEditorState,
    actions: &mut Vec<Action>,
) -> (Option<Point>, Rect) {
    let palette = theme::palette(ui.ctx());
    let size = Vec2::new(ui.available_width(), HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let view = state
        .views
        .entry(plan.plan_id.clone())
        .or_insert_with(|| View::fit(plan, size));
    // Ctrl + wheel (or a pinch) zooms around the pointer.
    if let Some(pointer) = response.hover_pos() {
        let factor = ui.input(|i| i.zoom_delta());
        if (factor - 1.0).abs() > f32::EPSILON {
            view.zoom_at(rect, pointer, factor);
        }
    }
    let view = *view;
    let painter = ui.painter_at(rect);
    let sheet = Rect::from_min_max(
        view.to_screen(rect, Point::new(0.0, 0.0)),
        view.to_screen(
            rect,
            Point::new(f64::from(plan.width), f64::from(plan.height)),
        ),
    );
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    painter.rect_filled(sheet, 0.0, ui.visuals().panel_fill);
    if let Some(texture) = background {
        let whole = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        painter.image(texture.id(), sheet, whole, Color32::WHITE);
    }
    painter.rect_stroke(
        sheet,
        0.0,
        Stroke::new(1.0, palette.muted),
        egui::StrokeKind::Inside,
    );
    let visible = |points: &[Pos2]| {
        let b = Rect::from_points(points);
        b.intersects(rect)
    };
    for zone in &plan.zones {
        let points: Vec<Pos2> = zone
            .points
            .iter()
            .map(|p| view.to_screen(rect, *p))
            .collect();
        if points.len() < 3 || !visible(&points) {
            continue;
        }
        let colour = zone_colour(palette, zone.kind);
        let is_selected = state.selected == Some(Selected::Zone(zone.zone_id.clone()));
        let stroke = Stroke::new(if is_selected { 3.0 } else { 1.5 }, colour);
        painter.add(polygon_shape(
            points.clone(),
            colour.gamma_multiply(0.25),
            Some(stroke),
        ));
        if view.zoom > 0.15 {
            let centre = Rect::from_points(&points).center();
            painter.text(
                centre,
                egui::Align2::CENTER_CENTER,
                &zone.label,
                egui::FontId::proportional(11.0),
                palette.ink,
            );
        }
    }
    let mut in_view = Vec::new();
    let is_crowded = plan.placements.len() > MAX_LABELS;
    let sector_fill = palette.accent.gamma_multiply(0.12);
    let sector_edge = Stroke::new(0.5, palette.accent.gamma_multiply(0.5));
    let mut fills = egui::Mesh::default();
    let mut overlays = Vec::new();
    let mut masks = Vec::new();
    for placement in &plan.placements {
        let at = view.to_screen(rect, placement.position);
        let fov: Vec<Pos2> = plan
            .field_of_view(placement)
            .iter()
            .map(|p| view.to_screen(rect, *p))
            .collect();
        let reach_visible = fov.len() >= 3 && visible(&fov);
        if !rect.expand(8.0).contains(at) && !reach_visible {
            continue;
        }
        if reach_visible {
            // Every field of view in one mesh (one shape for thousands); outlines only while
            // few are drawn: with hundreds, the fills alone read better and cost half.
            let first = fills.vertices.len() as u32;
            for p in &fov {
                fills.colored_vertex(*p, sector_fill);
            }
            for i in 1..fov.len() as u32 - 1 {
                fills.add_triangle(first, first + i, first + i + 1);
            }
            if !is_crowded {
                let mut closed = fov;
                closed.push(closed[0]);
                overlays.push(Shape::line(closed, sector_edge));
            }
        }
        for mask in &placement.masks {
            let points: Vec<Pos2> = mask.iter().map(|p| view.to_screen(rect, *p)).collect();
            if points.len() >= 3 && visible(&points) {
                masks.push(polygon_shape(
                    points,
                    palette.ink.gamma_multiply(0.35),
                    Some(Stroke::new(1.0, palette.ink)),
                ));
            }
        }
        in_view.push((placement.camera_id.clone(), at, placement.optics_unknown));
    }
    painter.add(Shape::mesh(fills));
    painter.extend(overlays);
    painter.extend(masks);
    let show_labels = in_view.len() <= MAX_LABELS;
    if show_labels {
        // Cameras closer than a label is tall are one label: « 1051–1057 (4) ».
        let points: Vec<(f32, f32, &str)> = in_view
            .iter()
            .map(|(camera, at, _)| (at.x, at.y, camera.as_str()))
            .collect();
        for group in crate::dossier::plan_labels::groups_within(&points, 20.0) {
            painter.text(
                Pos2::new(group.at.0, group.at.1) + Vec2::new(6.0, -6.0),
                egui::Align2::LEFT_BOTTOM,
                group.text(),
                egui::FontId::proportional(11.0),
                palette.ink,
            );
        }
    }
    for (camera, at, optics_unknown) in &in_view {
        let is_selected = state.selected == Some(Selected::Camera(camera.clone()));
        let colour = if is_selected {
            palette.bad
        } else {
            palette.accent
        };
        let radius = if is_selected { 6.0 } else { 4.0 };
        if *optics_unknown {
            // A ring, no sector: where it looks is not known.
            painter.circle_stroke(*at, radius, Stroke::new(2.0, colour));
        } else {
            painter.circle_filled(*at, radius, colour);
        }
        if is_selected && !show_labels {
            painter.text(
                *at + Vec2::new(6.0, -6.0),
                egui::Align2::LEFT_BOTTOM,
                camera.as_str(),
                egui::FontId::proportional(11.0),
                palette.ink,
            );
        }
    }
    // The selected camera's handle: a knob on its direction, dragged to turn it.
    let handle = selected_handle(plan, state, view, rect);
    if let Some(knob) = handle {
        if let Some((_, at, _)) = in_view
            .iter()
            .find(|(c, _, _)| state.selected == Some(Selected::Camera(c.clone())))
        {
            painter.line_segment([*at, knob], Stroke::new(1.5, palette.bad));
        }
        painter.circle_stroke(knob, 6.0, Stroke::new(2.0, palette.bad));
    }
    // What is being drawn: the points so far.
    if !state.drawing.is_empty() {
        let points: Vec<Pos2> = state
            .drawing
            .iter()
            .map(|p| view.to_screen(rect, *p))
            .collect();
        painter.add(Shape::line(points.clone(), Stroke::new(2.0, palette.bad)));
        for p in points {
            painter.circle_filled(p, 3.0, palette.bad);
        }
    }
    scale_bar_ui(
        &painter,
        rect,
        plan,
        view,
        (palette.ink, ui.visuals().panel_fill),
    );
    let clicked = pointer_ui(
        ui, &response, rect, plan, state, view, &in_view, handle, actions,
    );
    (clicked, rect)
}

/// A scale bar of a round length, at most 160 points long at the current zoom, in the
/// canvas's bottom-left corner; none without a scale.
fn scale_bar_ui(
    painter: &egui::Painter,
    rect: Rect,
    plan: &SitePlan,
    view: View,
    (ink, ground_colour): (Color32, Color32),
) {
    let zoom = f64::from(view.zoom);
    let Some((metres, pixels)) = plan.scale_bar(160.0 / zoom.max(f64::EPSILON)) else {
        return;
    };
    let length = (pixels * zoom) as f32;
    let label = crate::model::site_plan::length_text(metres);
    let start = rect.left_bottom() + Vec2::new(14.0, -14.0);
    let end = start + Vec2::new(length, 0.0);
    let ground = Rect::from_min_max(start - Vec2::new(6.0, 16.0), end + Vec2::new(60.0, 6.0));
    painter.rect_filled(ground, 3.0, ground_colour.gamma_multiply(0.85));
    let stroke = Stroke::new(2.0, ink);
    painter.line_segment([start, end], stroke);
    for x in [start, end] {
        painter.line_segment([x, x - Vec2::new(0.0, 6.0)], stroke);
    }
    painter.text(
        end + Vec2::new(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        label,
        egui::FontId::proportional(12.0),
        ink,
    );
}

fn selected_handle(
    plan: &SitePlan,
    state: &PlanEditorState,
    view: View,
    rect: Rect,
) -> Option<Pos2> {
    let Some(Selected::Camera(camera)) = &state.selected else {
        return None;
    };
    let placement = plan.placement(camera)?;
    let at = view.to_screen(rect, placement.position);
    let radians = (placement.direction_degrees as f32).to_radians();
    Some(at + Vec2::new(radians.sin(), -radians.cos()) * 40.0)
}

#[allow(clippy::too_many_arguments)]
fn pointer_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    rect: Rect,
    plan: &mut SitePlan,
    state: &mut PlanEditorState,
    view: View,
    in_view: &[(crate::model::CameraId, Pos2, bool)],
    handle: Option<Pos2>,
    actions: &mut Vec<Action>,
) -> Option<Point> {
    // A camera dragged from the tray of cameras to place and let go over the sheet.
    if let Some(camera) = response.dnd_release_payload::<crate::model::CameraId>() {
        if let Some(pos) = ui.ctx().pointer_latest_pos() {
            let at = view.to_plan(rect, pos);
            actions.push(Action::Edit(Edit::PlaceCamera(
                plan.plan_id.clone(),
                (*camera).clone(),
                Point::new(at.x.round(), at.y.round()),
            )));
            state.selected = Some(Selected::Camera((*camera).clone()));
            state.camera_to_place = None;
        }
        return None;
    }
    let pointer = response.interact_pointer_pos();
    if response.drag_started() && state.tool == Tool::Select {
        if let Some(pos) = pointer {
            state.dragging = if handle.is_some_and(|h| h.distance(pos) <= 9.0) {
                Some(super::plans::Drag::Turn)
            } else if let Some((camera, _, _)) = in_view
                .iter()
                .filter(|(_, at, _)| at.distance(pos) <= 9.0)
                .min_by(|a, b| a.1.distance(pos).total_cmp(&b.1.distance(pos)))
            {
                state.selected = Some(Selected::Camera(camera.clone()));
                Some(super::plans::Drag::Move)
            } else {
                Some(super::plans::Drag::Pan)
            };
        }
    }
    if response.dragged() {
        let delta = response.drag_delta();
        match (state.dragging, &state.selected, pointer) {
            (Some(super::plans::Drag::Pan), _, _) | (None, _, _) => {
                if let Some(v) = state.views.get_mut(&plan.plan_id) {
                    v.offset += delta;
                }
            }
            (Some(super::plans::Drag::Move), Some(Selected::Camera(camera)), Some(pos)) => {
                let to = view.to_plan(rect, pos);
                if let Some(p) = plan.placements.iter_mut().find(|p| &p.camera_id == camera) {
                    p.position = Point::new(to.x.round(), to.y.round());
                }
            }
            (Some(super::plans::Drag::Turn), Some(Selected::Camera(camera)), Some(pos)) => {
                if let Some(p) = plan.placements.iter_mut().find(|p| &p.camera_id == camera) {
                    let at = view.to_screen(rect, p.position);
                    let v = pos - at;
                    let degrees = f64::from(v.x.atan2(-v.y).to_degrees());
                    p.direction_degrees = (degrees.rem_euclid(360.0)).round();
                    p.optics_unknown = false;
                }
            }
            _ => {}
        }
    }
    if response.drag_stopped() {
        state.dragging = None;
    }
    if !response.clicked() {
        return None;
    }
    let pos = pointer?;
    let at = view.to_plan(rect, pos);
    match state.tool {
        Tool::Select => {
            let camera = in_view
                .iter()
                .filter(|(_, p, _)| p.distance(pos) <= 9.0)
                .min_by(|a, b| a.1.distance(pos).total_cmp(&b.1.distance(pos)));
            state.selected = if let Some((camera, _, _)) = camera {
                Some(Selected::Camera(camera.clone()))
            } else {
                plan.zones
                    .iter()
                    .rev()
                    .find(|z| crate::model::geometry::contains(&z.points, at))
                    .map(|z| Selected::Zone(z.zone_id.clone()))
            };
            None
        }
        Tool::Place => {
            if let Some(camera) = state.camera_to_place.take() {
                actions.push(Action::Edit(Edit::PlaceCamera(
                    plan.plan_id.clone(),
                    camera.clone(),
                    Point::new(at.x.round(), at.y.round()),
                )));
                state.selected = Some(Selected::Camera(camera));
            }
            None
        }
        Tool::Zone | Tool::Mask | Tool::Scale | Tool::TiePoints => {
            let _ = ui;
            Some(Point::new(at.x.round(), at.y.round()))
        }
    }
}
