//! A site plan drawn as a PNG picture for the editable documents, which have no drawing model
//! the dossier's polygons map to simply: the same figure as the PDF page — the background
//! picture, the fields of view and zones (translucent over a picture), the masks, the cameras as
//! dots with their ids, the zones' names under them, the scale bar — rasterized with tiny-skia,
//! the text written with the dossier's own font (Noto Sans) through ab_glyph.

use std::io::Cursor;

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};
use image::ImageEncoder as _;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::dossier::palette::{Rgb, INK, PLAN_MASK, PLAN_SECTOR, PLAN_SECTOR_EDGE};
use crate::dossier::{FigureBackground, PlanFigure};

/// The picture's width in pixels: the text width (17 cm) at about 210 dpi.
const WIDTH: f32 = 1400.0;
/// The tallest picture, in pixels (a plan taller than wide is fitted to it).
const MAX_HEIGHT: f32 = 1800.0;
/// Above this many cameras, ids are written smaller.
const DENSE: usize = 120;

/// A plan drawn as a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPicture {
    /// The PNG file.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl PlanPicture {
    /// The size to show it at, in points, inside a `max_w × max_h` box, keeping its proportions.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.width.max(1) as f32, self.height.max(1) as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }
}

/// `figure` drawn as a PNG picture; `None` only if the picture cannot be made (a degenerate
/// sheet).
pub fn render(figure: &PlanFigure) -> Option<PlanPicture> {
    let scale = (WIDTH / figure.width.max(1.0)).min(MAX_HEIGHT / figure.height.max(1.0));
    let (width, height) = (
        (figure.width * scale).round().max(1.0) as u32,
        (figure.height * scale).round().max(1.0) as u32,
    );
    let font = FontRef::try_from_slice(notosans::REGULAR_TTF).ok()?;
    let legend = legend_layout(&font, &figure.legend, width as f32);
    let legend_height = legend
        .last()
        .map_or(0.0, |(_, y, _, _)| y + LEGEND_ROW / 2.0);
    let mut pixmap = Pixmap::new(width, height + legend_height.ceil() as u32)?;
    pixmap.fill(Color::WHITE);
    let has_picture = draw_background(&mut pixmap, figure, (width, height));
    let alpha = if has_picture { 0.45 } else { 1.0 };
    let at = |(x, y): (f32, f32)| (x * scale, y * scale);
    for sector in &figure.sectors {
        polygon(
            &mut pixmap,
            sector.iter().map(|p| at(*p)),
            (PLAN_SECTOR, alpha),
            (PLAN_SECTOR_EDGE, 1.0),
        );
    }
    for zone in &figure.zones {
        polygon(
            &mut pixmap,
            zone.points.iter().map(|p| at(*p)),
            (zone.fill, alpha),
            (zone.stroke, 2.5),
        );
    }
    for mask in &figure.masks {
        polygon(
            &mut pixmap,
            mask.iter().map(|p| at(*p)),
            (PLAN_MASK, alpha),
            (PLAN_MASK, 1.5),
        );
    }
    let mut writer = Writer {
        pixmap: &mut pixmap,
        font: &font,
    };
    for zone in figure.zones.iter().filter(|z| !z.label.is_empty()) {
        let n = zone.points.len().max(1) as f32;
        let centre = zone.points.iter().map(|(x, _)| x).sum::<f32>() / n;
        let bottom = zone.points.iter().map(|(_, y)| *y).fold(f32::MIN, f32::max);
        let (x, y) = at((centre, bottom));
        let size = 18.0;
        let half = writer.width(&zone.label, size) / 2.0;
        writer.text(x - half, y + size + 2.0, size, &zone.label);
    }
    let size = if figure.cameras.len() > DENSE {
        13.0
    } else {
        17.0
    };
    for (x, y, id) in &figure.cameras {
        let (x, y) = at((*x, *y));
        if let Some(dot) = PathBuilder::from_circle(x, y, 5.0) {
            writer.pixmap.fill_path(
                &dot,
                &paint(INK, 1.0),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
        writer.text(x + 7.0, y - 6.0, size, id);
    }
    if let Some((pixels, label)) = &figure.scale_bar {
        writer.scale_bar(24.0, height as f32 - 28.0, pixels * scale, label);
    }
    // The legend under the sheet, as in the PDF.
    for (x, y, colour, label) in legend {
        let y = height as f32 + y;
        if let Some(swatch) = tiny_skia::Rect::from_xywh(x, y - 16.0, 24.0, 18.0) {
            writer
                .pixmap
                .fill_rect(swatch, &paint(colour, 1.0), Transform::identity(), None);
        }
        writer.text(x + 32.0, y, LEGEND_SIZE, &label);
    }
    let (width, height) = (pixmap.width(), pixmap.height());
    let image = image::RgbaImage::from_raw(width, height, pixmap.data().to_vec())?;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        Cursor::new(&mut png),
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    )
    .write_image(
        image.as_raw(),
        width,
        height,
        image::ExtendedColorType::Rgba8,
    )
    .ok()?;
    Some(PlanPicture { png, width, height })
}

/// The legend's text size and row height, in pixels.
const LEGEND_SIZE: f32 = 20.0;
const LEGEND_ROW: f32 = 36.0;

/// Where each legend item goes under the sheet: x, baseline from the sheet's bottom, colour
/// and label, wrapping to a new row when the width is used up.
fn legend_layout(
    font: &FontRef,
    legend: &[(Rgb, String)],
    width: f32,
) -> Vec<(f32, f32, Rgb, String)> {
    let scaled = font.as_scaled(PxScale::from(LEGEND_SIZE));
    let mut out = Vec::new();
    let (mut x, mut y) = (16.0, LEGEND_ROW);
    for (colour, label) in legend {
        let text: f32 = label
            .chars()
            .map(|c| scaled.h_advance(scaled.glyph_id(c)))
            .sum();
        let item = 32.0 + text + 36.0;
        if x > 16.0 && x + item > width {
            x = 16.0;
            y += LEGEND_ROW;
        }
        out.push((x, y, *colour, label.clone()));
        x += item;
    }
    out
}

/// Draws the figure's background picture over the whole sheet; true when there is one.
fn draw_background(pixmap: &mut Pixmap, figure: &PlanFigure, (width, height): (u32, u32)) -> bool {
    let FigureBackground::Picture(picture) = &figure.background else {
        return false;
    };
    let Some(sheet) = super::background::scaled(picture, (width, height)) else {
        return false;
    };
    // Opaque pixels: premultiplied and straight alpha are the same bytes. The sheet is the top
    // of the picture, as wide as it.
    match pixmap.data_mut().get_mut(..sheet.len()) {
        Some(top) => top.copy_from_slice(&sheet),
        None => return false,
    }
    true
}

fn paint(colour: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba(colour.0, colour.1, colour.2, alpha).unwrap_or(Color::BLACK));
    paint.anti_alias = true;
    paint
}

/// Fills and outlines a closed polygon (nothing for fewer than three points).
fn polygon(
    pixmap: &mut Pixmap,
    points: impl Iterator<Item = (f32, f32)>,
    (fill, alpha): (Rgb, f32),
    (outline, width): (Rgb, f32),
) {
    let mut builder = PathBuilder::new();
    let mut count = 0;
    for (x, y) in points.filter(|(x, y)| x.is_finite() && y.is_finite()) {
        if count == 0 {
            builder.move_to(x, y);
        } else {
            builder.line_to(x, y);
        }
        count += 1;
    }
    if count < 3 {
        return;
    }
    builder.close();
    let Some(path) = builder.finish() else {
        return;
    };
    pixmap.fill_path(
        &path,
        &paint(fill, alpha),
        FillRule::EvenOdd,
        Transform::identity(),
        None,
    );
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    pixmap.stroke_path(
        &path,
        &paint(outline, 1.0),
        &stroke,
        Transform::identity(),
        None,
    );
}

/// Writes text on the picture in ink.
struct Writer<'a> {
    pixmap: &'a mut Pixmap,
    font: &'a FontRef<'a>,
}

impl Writer<'_> {
    /// The width of `text` at `size` pixels.
    fn width(&self, text: &str, size: f32) -> f32 {
        let scaled = self.font.as_scaled(PxScale::from(size));
        text.chars()
            .map(|c| scaled.h_advance(scaled.glyph_id(c)))
            .sum()
    }

    /// Writes `text` at `size` pixels with its baseline at `baseline`.
    fn text(&mut self, x: f32, baseline: f32, size: f32, text: &str) {
        let scaled = self.font.as_scaled(PxScale::from(size));
        let (width, height) = (self.pixmap.width(), self.pixmap.height());
        let ink = [INK.0, INK.1, INK.2].map(|c| c * 255.0);
        let mut caret = x;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            let glyph = id.with_scale_and_position(size, ab_glyph::point(caret, baseline));
            caret += scaled.h_advance(id);
            let Some(outlined) = self.font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outlined.px_bounds();
            let data = self.pixmap.data_mut();
            outlined.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i64 + i64::from(gx);
                let py = bounds.min.y as i64 + i64::from(gy);
                if px < 0 || py < 0 || px >= i64::from(width) || py >= i64::from(height) {
                    return;
                }
                let index = ((py as usize) * width as usize + px as usize) * 4;
                let coverage = coverage.clamp(0.0, 1.0);
                for (channel, target) in ink.iter().enumerate() {
                    let old = f32::from(data[index + channel]);
                    data[index + channel] = (old + (target - old) * coverage).round() as u8;
                }
            });
        }
    }

    /// A scale bar `length` pixels long from (`x`, `y`), on a white ground, its label after it.
    fn scale_bar(&mut self, x: f32, y: f32, length: f32, label: &str) {
        let size = 18.0;
        let ground = tiny_skia::Rect::from_xywh(
            x - 10.0,
            y - 26.0,
            length + self.width(label, size) + 36.0,
            38.0,
        );
        if let Some(ground) = ground {
            self.pixmap.fill_rect(
                ground,
                &paint(Rgb(1.0, 1.0, 1.0), 0.9),
                Transform::identity(),
                None,
            );
        }
        let mut builder = PathBuilder::new();
        builder.move_to(x, y - 10.0);
        builder.line_to(x, y);
        builder.line_to(x + length, y);
        builder.line_to(x + length, y - 10.0);
        builder.move_to(x + length / 2.0, y - 6.0);
        builder.line_to(x + length / 2.0, y);
        if let Some(path) = builder.finish() {
            let stroke = Stroke {
                width: 3.0,
                ..Stroke::default()
            };
            self.pixmap.stroke_path(
                &path,
                &paint(INK, 1.0),
                &stroke,
                Transform::identity(),
                None,
            );
        }
        self.text(x + length + 12.0, y, size, label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure() -> PlanFigure {
        PlanFigure {
            plan_id: "PLAN-1".to_owned(),
            background: FigureBackground::Blank,
            width: 2000.0,
            height: 1000.0,
            sectors: vec![vec![(100.0, 100.0), (600.0, 100.0), (600.0, 400.0)]],
            zones: Vec::new(),
            masks: Vec::new(),
            cameras: vec![(100.0, 100.0, "CAM-01".to_owned())],
            legend: vec![(PLAN_SECTOR, "Champ de vision".to_owned())],
            scale_bar: Some((400.0, "100 m".to_owned())),
            caption: String::new(),
            elsewhere: String::new(),
        }
    }

    #[test]
    fn a_plan_is_drawn_to_the_documents_width_with_its_sector_dot_and_id() {
        let picture = render(&figure()).expect("a picture");
        // 1,400 × 700 for the sheet, then one row of legend.
        assert_eq!((picture.width, picture.height), (1400, 754));
        let decoded = image::load_from_memory(&picture.png)
            .expect("a PNG")
            .to_rgb8();
        // Inside the sector (plan 450, 200 → picture 315, 140): its pale blue.
        let inside = decoded.get_pixel(315, 140);
        let expected = [PLAN_SECTOR.0, PLAN_SECTOR.1, PLAN_SECTOR.2].map(|c| (c * 255.0) as i32);
        for (got, want) in inside.0.iter().zip(expected) {
            assert!(
                (i32::from(*got) - want).abs() <= 2,
                "{inside:?} vs {expected:?}"
            );
        }
        // The camera's dot (plan 100, 100 → 70, 70) is ink; the corner far away is white.
        assert!(decoded.get_pixel(70, 70).0.iter().all(|c| *c < 80));
        assert_eq!(decoded.get_pixel(1390, 10).0, [255, 255, 255]);
        // The id is written right of the dot: some dark pixels there.
        let dark = (77..150)
            .flat_map(|x| (45..66).map(move |y| (x, y)))
            .filter(|(x, y)| decoded.get_pixel(*x, *y).0[0] < 100)
            .count();
        assert!(dark > 30, "{dark} dark pixels where « CAM-01 » is written");
    }
}
