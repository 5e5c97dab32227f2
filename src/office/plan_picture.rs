//! A site plan drawn as a PNG picture for the editable documents, which have no drawing model
//! the dossier's polygons map to simply: the plan drawing the PDF page places
//! (`dossier::plan_drawing`) rasterised with tiny-skia at about 210 dpi, the text written with
//! the dossier's own font (Noto Sans) through ab_glyph.
//!
//! A background the documents can carry as it is (`Picture::orientation` 1) is not painted in:
//! the picture drawn here is the overlay — transparent over the sheet, the fills translucent —
//! and the documents place the background file itself under it, at its full resolution, with
//! no decoding. A background stored turned is decoded, turned and painted in.

use std::io::Cursor;
use std::sync::Arc;

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};
use image::ImageEncoder as _;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::dossier::palette::{Rgb, INK};
use crate::dossier::plan_drawing::{self, Label, PlanDrawing};
use crate::dossier::{FigureBackground, Picture, PlanFigure};

/// The picture's width in pixels: the text width (17 cm) at about 210 dpi.
const WIDTH: f32 = 1400.0;
/// The text width of the documents, in points (17 cm): the drawing's box.
pub const TEXT_WIDTH: f32 = 17.0 / 2.54 * 72.0;
/// The tallest a plan is shown, in points; the drawing's sheet keeps room for the legend.
pub const MAX_HEIGHT: f32 = 600.0;
/// Room kept under the sheet for the legend, in points.
const LEGEND_ROOM: f32 = 46.0;
/// Room under the legend's last baseline, in points (its descenders).
const BOTTOM_MARGIN: f32 = 5.0;
/// How translucent the fills are over a picture.
const OVER_PICTURE: f32 = 0.45;

/// A plan drawn as a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPicture {
    /// The PNG file.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The background the documents place under the picture, as it is, and where: left, top,
    /// width and height in pixels of the picture. `None` when the picture is whole (a blank
    /// sheet, or a background painted in).
    pub background: Option<(Arc<Picture>, [u32; 4])>,
    /// Cameras the drawing could not name (too crowded): the documents say how many.
    pub unlabelled: usize,
}

impl PlanPicture {
    /// The size to show it at, in points, inside a `max_w × max_h` box, keeping its proportions.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.width.max(1) as f32, self.height.max(1) as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }

    /// The background's place when the picture is shown `shown_width` points wide: left, top,
    /// width and height in points.
    pub fn background_place(&self, shown_width: f32) -> Option<[f32; 4]> {
        let (_, [x, y, w, h]) = self.background.as_ref()?;
        let scale = shown_width / self.width.max(1) as f32;
        Some([x, y, w, h].map(|v| *v as f32 * scale))
    }
}

/// `figure` drawn as a PNG picture; `None` only if the picture cannot be made (a degenerate
/// sheet).
pub fn render(figure: &PlanFigure) -> Option<PlanPicture> {
    let font = FontRef::try_from_slice(notosans::REGULAR_TTF).ok()?;
    let measure = |text: &str, size: f32| text_width(&font, text, size);
    let drawing = plan_drawing::draw(figure, (TEXT_WIDTH, MAX_HEIGHT - LEGEND_ROOM), &measure);
    let k = WIDTH / TEXT_WIDTH;
    let (width, height) = (
        WIDTH.round() as u32,
        ((drawing.bottom + BOTTOM_MARGIN) * k).ceil().max(1.0) as u32,
    );
    let mut pixmap = Pixmap::new(width, height)?;
    let [sx, sy, sw, sh] = drawing.sheet.map(|v| v * k);
    let sheet_px = [sx, sy, sw, sh].map(|v| v.round().max(0.0) as u32);
    // A detail's background is painted in: the word processors would show it whole.
    let carried = match &figure.background {
        FigureBackground::Picture(picture) if picture.orientation == 1 && figure.view.is_none() => {
            Some(Arc::clone(picture))
        }
        _ => None,
    };
    if carried.is_none() {
        pixmap.fill(Color::WHITE);
        if let FigureBackground::Picture(picture) = &figure.background {
            let view = figure
                .view
                .map_or(super::background::WHOLE, |[x, y, w, h]| {
                    let (fw, fh) = (figure.width.max(1.0), figure.height.max(1.0));
                    [x / fw, y / fh, w / fw, h / fh]
                });
            paint_background(&mut pixmap, picture, view, sheet_px);
        }
    }
    let alpha = if drawing.on_picture {
        OVER_PICTURE
    } else {
        1.0
    };
    let mut canvas = Canvas {
        pixmap: &mut pixmap,
        font: &font,
        k,
    };
    canvas.map(&drawing, alpha);
    let png = encode(pixmap, carried.is_none())?;
    Some(PlanPicture {
        png,
        width,
        height,
        background: carried.map(|picture| (picture, sheet_px)),
        unlabelled: drawing.unlabelled,
    })
}

/// The width of `text` at `size`, in the units of `size`.
fn text_width(font: &FontRef, text: &str, size: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars()
        .map(|c| scaled.h_advance(scaled.glyph_id(c)))
        .sum()
}

/// Paints the part `view` of `picture`, scaled, over the sheet `[x, y, w, h]` (pixels).
fn paint_background(
    pixmap: &mut Pixmap,
    picture: &Arc<Picture>,
    view: super::background::View,
    [x, y, w, h]: [u32; 4],
) {
    let Some(pixels) = super::background::scaled(picture, view, (w, h)) else {
        return;
    };
    let stride = pixmap.width() as usize * 4;
    let data = pixmap.data_mut();
    // Opaque pixels: premultiplied and straight alpha are the same bytes.
    for (row, line) in pixels.chunks_exact(w as usize * 4).enumerate() {
        let start = (y as usize + row) * stride + x as usize * 4;
        if let Some(target) = data.get_mut(start..start + line.len()) {
            target.copy_from_slice(line);
        }
    }
}

/// The pixmap as a PNG file, each row filtered with « Sub » (trying the five filters on every
/// row, `Adaptive`, made 27 % smaller files for twice the instructions: 104 M of the sample's
/// 586 M). An `opaque` one (a plan on a white sheet) is written as RGB, a quarter less to
/// filter and compress; the overlay over a background keeps its alpha, its
/// premultiplied pixels turned back to straight alpha. Both in place: a fresh buffer of
/// megabytes costs more in page faults than the pass.
fn encode(pixmap: Pixmap, opaque: bool) -> Option<Vec<u8>> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut samples = pixmap.take();
    let colour = if opaque {
        let pixels = samples.len() / 4;
        for pixel in 0..pixels {
            let (from, to) = (pixel * 4, pixel * 3);
            samples[to] = samples[from];
            samples[to + 1] = samples[from + 1];
            samples[to + 2] = samples[from + 2];
        }
        samples.truncate(pixels * 3);
        image::ExtendedColorType::Rgb8
    } else {
        for pixel in samples.chunks_exact_mut(4) {
            let alpha = u16::from(pixel[3]);
            if alpha == 255 {
                continue;
            }
            if let Some(alpha) = std::num::NonZeroU16::new(alpha) {
                for channel in &mut pixel[..3] {
                    let straight = (u16::from(*channel) * 255 + alpha.get() / 2) / alpha;
                    *channel = straight.min(255) as u8;
                }
            }
        }
        image::ExtendedColorType::Rgba8
    };
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        Cursor::new(&mut png),
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Sub,
    )
    .write_image(&samples, width, height, colour)
    .ok()?;
    Some(png)
}

fn paint(colour: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba(colour.0, colour.1, colour.2, alpha).unwrap_or(Color::BLACK));
    paint.anti_alias = true;
    paint
}

/// A pixmap the drawing's points are mapped onto, `k` pixels a point.
struct Canvas<'a> {
    pixmap: &'a mut Pixmap,
    font: &'a FontRef<'a>,
    k: f32,
}

impl Canvas<'_> {
    /// Draws `drawing`, fills at `alpha`: the sheet's outline, the shapes, the scale bar, the
    /// dots, the labels, the legend.
    fn map(&mut self, drawing: &PlanDrawing, alpha: f32) {
        let k = self.k;
        let [x, y, w, h] = drawing.sheet;
        let sheet = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
        self.outline(&sheet, drawing.outline);
        for shape in &drawing.shapes {
            self.polygon(&shape.points, (shape.fill, alpha), shape.stroke);
        }
        if let Some(bar) = &drawing.scale_bar {
            let [x, y, w, h] = bar.ground;
            self.rect([x, y, w, h], Rgb(1.0, 1.0, 1.0), 0.9);
            let mut builder = PathBuilder::new();
            for [x1, y1, x2, y2] in &bar.lines {
                builder.move_to(x1 * k, y1 * k);
                builder.line_to(x2 * k, y2 * k);
            }
            self.stroke(builder, INK, bar.line_width);
            self.label(&bar.label);
        }
        for &(x, y) in &drawing.dots {
            if let Some(dot) = PathBuilder::from_circle(x * k, y * k, drawing.dot_radius * k) {
                self.pixmap.fill_path(
                    &dot,
                    &paint(INK, 1.0),
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
        }
        for badge in &drawing.badges {
            let (x, y) = badge.at;
            if let Some(disc) = PathBuilder::from_circle(x * k, y * k, badge.radius * k) {
                self.pixmap.fill_path(
                    &disc,
                    &paint(Rgb(1.0, 1.0, 1.0), 1.0),
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
                let mut ring = PathBuilder::new();
                ring.push_circle(x * k, y * k, badge.radius * k);
                self.stroke(ring, INK, 0.5);
            }
            self.label(&badge.label);
        }
        for label in &drawing.labels {
            self.label(label);
        }
        for entry in &drawing.legend {
            self.rect(entry.swatch, entry.colour, 1.0);
            self.label(&entry.label);
        }
    }

    fn rect(&mut self, [x, y, w, h]: [f32; 4], colour: Rgb, alpha: f32) {
        let k = self.k;
        if let Some(rect) = tiny_skia::Rect::from_xywh(x * k, y * k, w * k, h * k) {
            self.pixmap
                .fill_rect(rect, &paint(colour, alpha), Transform::identity(), None);
        }
    }

    fn outline(&mut self, points: &[(f32, f32)], (colour, width): (Rgb, f32)) {
        let mut builder = PathBuilder::new();
        for (n, (x, y)) in points.iter().enumerate() {
            if n == 0 {
                builder.move_to(x * self.k, y * self.k);
            } else {
                builder.line_to(x * self.k, y * self.k);
            }
        }
        builder.close();
        self.stroke(builder, colour, width);
    }

    fn stroke(&mut self, builder: PathBuilder, colour: Rgb, width: f32) {
        let Some(path) = builder.finish() else {
            return;
        };
        let stroke = Stroke {
            width: width * self.k,
            ..Stroke::default()
        };
        self.pixmap.stroke_path(
            &path,
            &paint(colour, 1.0),
            &stroke,
            Transform::identity(),
            None,
        );
    }

    /// Fills and outlines a closed polygon (nothing for fewer than three points).
    fn polygon(&mut self, points: &[(f32, f32)], (fill, alpha): (Rgb, f32), stroke: (Rgb, f32)) {
        let mut builder = PathBuilder::new();
        let mut count = 0;
        for (x, y) in points
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
        {
            if count == 0 {
                builder.move_to(x * self.k, y * self.k);
            } else {
                builder.line_to(x * self.k, y * self.k);
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
        // The fill without anti-aliasing: its edge lies under the outline, which has it.
        let mut inside = paint(fill, alpha);
        inside.anti_alias = false;
        self.pixmap.fill_path(
            &path,
            &inside,
            FillRule::EvenOdd,
            Transform::identity(),
            None,
        );
        let outline = Stroke {
            width: stroke.1 * self.k,
            ..Stroke::default()
        };
        self.pixmap.stroke_path(
            &path,
            &paint(stroke.0, 1.0),
            &outline,
            Transform::identity(),
            None,
        );
    }

    /// Writes `label` in ink: each glyph's coverage laid over the pixels (premultiplied, so a
    /// transparent pixel of the overlay becomes ink where the glyph covers it).
    fn label(&mut self, label: &Label) {
        let (size, baseline) = (label.size * self.k, label.y * self.k);
        let scaled = self.font.as_scaled(PxScale::from(size));
        let (width, height) = (self.pixmap.width(), self.pixmap.height());
        let ink = [INK.0, INK.1, INK.2, 1.0].map(|c| c * 255.0);
        let mut caret = label.x * self.k;
        for c in label.text.chars() {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::palette::PLAN_SECTOR;

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
            alt: String::new(),
            view: None,
            named: None,
            crowded: "{count} sans identifiant".to_owned(),
        }
    }

    #[test]
    fn a_plan_is_drawn_to_the_documents_width_with_its_sector_dot_and_id() {
        let picture = render(&figure()).expect("a picture");
        // 1,400 × 700 for the sheet, then one row of legend.
        assert_eq!((picture.width, picture.height), (1400, 744));
        assert!(picture.background.is_none());
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

    /// A 200 × 100 PNG of one colour, ready for a page as the session prepares backgrounds.
    fn background(orientation: u8) -> Arc<Picture> {
        let mut file = Vec::new();
        image::RgbImage::from_pixel(200, 100, image::Rgb([200, 30, 30]))
            .write_to(&mut Cursor::new(&mut file), image::ImageFormat::Png)
            .expect("png");
        Arc::new(Picture {
            width: 200,
            height: 100,
            orientation,
            stream: crate::dossier::PictureStream::Jpeg { components: 3 },
            file,
        })
    }

    #[test]
    fn over_a_background_carried_as_it_is_the_picture_is_the_overlay_alone() {
        let mut plan = figure();
        let carried = background(1);
        plan.background = FigureBackground::Picture(Arc::clone(&carried));
        let picture = render(&plan).expect("a picture");
        let (under, place) = picture.background.as_ref().expect("laid over the file");
        assert!(Arc::ptr_eq(under, &carried));
        assert_eq!(*place, [0, 0, 1400, 700], "the sheet");
        let decoded = image::load_from_memory(&picture.png)
            .expect("a PNG")
            .to_rgba8();
        // Where nothing is drawn the background shows through; the sector is translucent; the
        // dot and the id are ink.
        assert_eq!(decoded.get_pixel(1390, 300).0[3], 0, "transparent");
        let sector = decoded.get_pixel(315, 140).0;
        assert!((100..130).contains(&sector[3]), "translucent: {sector:?}");
        assert!((i32::from(sector[2]) - (PLAN_SECTOR.2 * 255.0) as i32).abs() <= 3);
        assert_eq!(decoded.get_pixel(70, 70).0[3], 255);
        let inked = (77..150)
            .flat_map(|x| (45..66).map(move |y| (x, y)))
            .filter(|(x, y)| decoded.get_pixel(*x, *y).0[3] > 200)
            .count();
        assert!(inked > 30, "{inked} ink pixels where « CAM-01 » is written");
        // Shown 481.9 points wide, the background takes the sheet's place.
        let [x, y, w, h] = picture.background_place(TEXT_WIDTH).expect("a place");
        assert!(x.abs() < 0.01 && y.abs() < 0.01);
        assert!((w - TEXT_WIDTH).abs() < 0.01 && (h - TEXT_WIDTH / 2.0).abs() < 0.5);
    }

    #[test]
    fn a_background_stored_turned_is_painted_in() {
        let mut plan = figure();
        plan.background = FigureBackground::Picture(background(3));
        let picture = render(&plan).expect("a picture");
        assert!(picture.background.is_none());
        let decoded = image::load_from_memory(&picture.png)
            .expect("a PNG")
            .to_rgba8();
        assert_eq!(decoded.get_pixel(1390, 300).0, [200, 30, 30, 255]);
    }
}
