//! A plan's background picture scaled to the size of the word processors' plan picture: decoded
//! once, turned upright, reduced by averaging the source pixels each output pixel covers (a box
//! filter, one pass over the source), and kept while the picture itself is kept — the session
//! keeps a prepared picture for the life of the app, so a second export of the same dossier
//! does no picture work.

use std::sync::{Arc, Mutex, Weak};

use crate::dossier::Picture;

/// The most scaled backgrounds kept (each is `width × height × 4` bytes, ~6 MB at 1,400 px).
const KEPT: usize = 8;

/// A scaled background and the picture it was made from, while that picture lives, with the
/// part of it scaled and the size.
type Kept = (Weak<Picture>, View, (u32, u32), Arc<Vec<u8>>);

/// The part of a picture scaled: left, top, width and height as fractions of its sides.
pub type View = [f32; 4];

/// The whole picture.
pub const WHOLE: View = [0.0, 0.0, 1.0, 1.0];

static SCALED: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

/// The part `view` of `picture` (see [`View`]; [`WHOLE`] for all of it), upright and scaled to
/// `width × height`, as opaque RGBA bytes row by row; `None` when it cannot be decoded.
pub fn scaled(
    picture: &Arc<Picture>,
    view: View,
    (width, height): (u32, u32),
) -> Option<Arc<Vec<u8>>> {
    let mut kept = SCALED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Forget what was made from pictures no longer kept anywhere.
    kept.retain(|(source, _, _, _)| source.strong_count() > 0);
    let found = kept.iter().find(|(source, part, sides, _)| {
        *sides == (width, height)
            && *part == view
            && source
                .upgrade()
                .is_some_and(|source| Arc::ptr_eq(&source, picture))
    });
    if let Some((_, _, _, pixels)) = found {
        return Some(Arc::clone(pixels));
    }
    drop(kept);
    let pixels = Arc::new(make(picture, view, (width, height))?);
    let mut kept = SCALED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if kept.len() >= KEPT {
        kept.remove(0);
    }
    kept.push((
        Arc::downgrade(picture),
        view,
        (width, height),
        Arc::clone(&pixels),
    ));
    Some(pixels)
}

fn make(picture: &Picture, view: View, (width, height): (u32, u32)) -> Option<Vec<u8>> {
    let mut decoded = image::load_from_memory(&picture.file).ok()?;
    if let Some(orientation) = image::metadata::Orientation::from_exif(picture.orientation) {
        decoded.apply_orientation(orientation);
    }
    if view != WHOLE {
        let (sw, sh) = (decoded.width() as f32, decoded.height() as f32);
        let [fx, fy, fw, fh] = view.map(|v| v.clamp(0.0, 1.0));
        let (x, y) = ((fx * sw) as u32, (fy * sh) as u32);
        let (w, h) = (
            ((fw * sw).ceil() as u32).clamp(1, decoded.width().saturating_sub(x).max(1)),
            ((fh * sh).ceil() as u32).clamp(1, decoded.height().saturating_sub(y).max(1)),
        );
        decoded = decoded.crop_imm(x, y, w, h);
    }
    let source = decoded.into_rgb8();
    Some(box_scaled(&source, width.max(1), height.max(1)))
}

/// `source` reduced (or enlarged) to `width × height`: each output pixel the average of the
/// source pixels its area covers (at least the nearest one). Opaque RGBA out.
pub fn box_scaled(source: &image::RgbImage, width: u32, height: u32) -> Vec<u8> {
    let (sw, sh) = (source.width() as usize, source.height() as usize);
    let (w, h) = (width as usize, height as usize);
    // The source columns (rows) each output column (row) covers: [start, end), never empty.
    let span = |out: usize, outs: usize, ins: usize| {
        let start = (out * ins / outs).min(ins.saturating_sub(1));
        let end = ((out + 1) * ins / outs).clamp(start + 1, ins.max(1));
        (start, end)
    };
    let columns: Vec<(usize, usize)> = (0..w).map(|x| span(x, w, sw)).collect();
    let raw = source.as_raw();
    let mut out = vec![255u8; w * h * 4];
    let mut sums = vec![0u32; w * 3];
    for y in 0..h {
        let (top, bottom) = span(y, h, sh);
        sums.iter_mut().for_each(|s| *s = 0);
        for row in raw.chunks_exact(sw * 3).skip(top).take(bottom - top) {
            for (x, &(left, right)) in columns.iter().enumerate() {
                let (mut r, mut g, mut b) = (0u32, 0u32, 0u32);
                for pixel in row[left * 3..right * 3].chunks_exact(3) {
                    r += u32::from(pixel[0]);
                    g += u32::from(pixel[1]);
                    b += u32::from(pixel[2]);
                }
                sums[x * 3] += r;
                sums[x * 3 + 1] += g;
                sums[x * 3 + 2] += b;
            }
        }
        let rows = (bottom - top) as u32;
        let line = &mut out[y * w * 4..(y + 1) * w * 4];
        for (x, &(left, right)) in columns.iter().enumerate() {
            let count = rows * (right - left) as u32;
            for channel in 0..3 {
                line[x * 4 + channel] = ((sums[x * 3 + channel] + count / 2) / count) as u8;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_output_pixel_is_the_average_of_the_area_it_covers() {
        // 4 × 2: left half black and white columns, right half a flat grey.
        let source = image::RgbImage::from_fn(4, 2, |x, _| match x {
            0 => image::Rgb([0, 0, 0]),
            1 => image::Rgb([255, 255, 255]),
            _ => image::Rgb([100, 50, 10]),
        });
        let out = box_scaled(&source, 2, 1);
        assert_eq!(out, vec![128, 128, 128, 255, 100, 50, 10, 255]);
        // Enlarged: each output pixel takes its nearest source pixel.
        let out = box_scaled(&source, 8, 4);
        assert_eq!(&out[..8], &[0, 0, 0, 255, 0, 0, 0, 255]);
        assert_eq!(out.len(), 8 * 4 * 4);
    }

    /// `image` as a prepared picture (its PNG file).
    fn picture(image: &image::RgbImage) -> Arc<Picture> {
        let mut file = Vec::new();
        image
            .write_to(
                &mut std::io::Cursor::new(&mut file),
                image::ImageFormat::Png,
            )
            .expect("png");
        Arc::new(Picture {
            width: image.width(),
            height: image.height(),
            orientation: 1,
            stream: crate::dossier::PictureStream::Jpeg { components: 3 },
            file,
        })
    }

    #[test]
    fn a_scaled_background_is_made_once_while_its_picture_lives() {
        let picture = picture(&image::RgbImage::from_pixel(
            40,
            20,
            image::Rgb([10, 20, 30]),
        ));
        let first = scaled(&picture, WHOLE, (20, 10)).expect("scaled");
        let again = scaled(&picture, WHOLE, (20, 10)).expect("scaled");
        assert!(Arc::ptr_eq(&first, &again), "made once");
        assert_eq!(&first[..4], &[10, 20, 30, 255]);
        // Another picture with equal content is another entry: nothing is shared by address.
        let other = Arc::new((*picture).clone());
        let made = scaled(&other, WHOLE, (20, 10)).expect("scaled");
        assert!(!Arc::ptr_eq(&first, &made));
    }

    #[test]
    fn a_detail_scales_its_part_of_the_picture_only() {
        // Left half black, right half white: the right quarter is all white.
        let picture = picture(&image::RgbImage::from_fn(40, 20, |x, _| {
            if x < 20 {
                image::Rgb([0, 0, 0])
            } else {
                image::Rgb([255, 255, 255])
            }
        }));
        let right = scaled(&picture, [0.75, 0.0, 0.25, 1.0], (10, 20)).expect("scaled");
        assert!(right.chunks_exact(4).all(|p| p == [255, 255, 255, 255]));
        let whole = scaled(&picture, WHOLE, (10, 20)).expect("scaled");
        assert_eq!(
            &whole[..4],
            &[0, 0, 0, 255],
            "the whole one is another entry"
        );
    }
}
