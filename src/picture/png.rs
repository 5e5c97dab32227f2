//! A PNG file read as a PDF can carry it without decoding it: its header, palette and image
//! data (the zlib stream of its `IDAT` chunks, which a PDF's `FlateDecode` filter reads with the
//! PNG predictors). The stream is checked as a decoder would find it — every chunk's CRC, the
//! exact inflated size, a known filter at the start of each row — streaming into a small buffer,
//! so a broken or hostile file is refused here, in bounded memory, and never reaches the PDF.

use std::io::Read as _;

use super::PictureError;

/// What the PNG's header and chunks say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PngParts {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Bits per sample (per palette index for a palette picture).
    pub bit_depth: u8,
    /// The PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGB and alpha.
    pub colour_type: u8,
    /// Adam7 interlacing.
    pub is_interlaced: bool,
    /// The palette's RGB triples (colour type 3).
    pub palette: Vec<u8>,
    /// A `tRNS` chunk (transparency outside an alpha channel).
    pub has_transparency: bool,
    /// The `IDAT` chunks' data, joined: one zlib stream.
    pub data: Vec<u8>,
}

impl PngParts {
    /// Samples per pixel.
    pub fn channels(&self) -> u32 {
        match self.colour_type {
            2 => 3,
            4 => 2,
            6 => 4,
            _ => 1,
        }
    }

    /// True when a PDF shows it as it is: not interlaced, no transparency, at most 8 bits a
    /// sample, grey, RGB or a palette.
    pub fn is_carried_as_is(&self) -> bool {
        !self.is_interlaced
            && !self.has_transparency
            && self.bit_depth <= 8
            && matches!(self.colour_type, 0 | 2 | 3)
            && (self.colour_type != 3 || !self.palette.is_empty())
    }

    /// The bytes of one row once inflated: its filter byte, then its samples.
    fn row_bytes(&self) -> u64 {
        let bits = u64::from(self.width) * u64::from(self.channels()) * u64::from(self.bit_depth);
        1 + bits.div_ceil(8)
    }
}

const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The parts of the PNG `bytes` (`None`: not a PNG). Only the chunks' framing and CRCs are
/// checked here; [`check_data`] checks the image data.
pub fn parts(bytes: &[u8]) -> Option<Result<PngParts, PictureError>> {
    let rest = bytes.strip_prefix(SIGNATURE)?;
    Some(read_chunks(rest))
}

fn corrupt(why: &str) -> PictureError {
    PictureError::Corrupt(format!("PNG: {why}"))
}

fn read_chunks(mut rest: &[u8]) -> Result<PngParts, PictureError> {
    let mut parts = PngParts {
        width: 0,
        height: 0,
        bit_depth: 0,
        colour_type: 0,
        is_interlaced: false,
        palette: Vec::new(),
        has_transparency: false,
        data: Vec::new(),
    };
    let mut has_header = false;
    loop {
        let (Some(length), Some(kind)) = (rest.get(..4), rest.get(4..8)) else {
            return Err(corrupt("the file ends before its last chunk"));
        };
        let length = u32::from_be_bytes([length[0], length[1], length[2], length[3]]) as usize;
        let Some(body) = rest.get(8..8usize.saturating_add(length)) else {
            return Err(corrupt("a chunk runs past the end of the file"));
        };
        let Some(crc) = rest.get(8 + length..12 + length) else {
            return Err(corrupt("a chunk's check sum is missing"));
        };
        let mut check = flate2::Crc::new();
        check.update(kind);
        check.update(body);
        if check.sum().to_be_bytes() != crc {
            return Err(corrupt("a chunk's check sum does not match its content"));
        }
        match kind {
            b"IHDR" => {
                let [w0, w1, w2, w3, h0, h1, h2, h3, depth, colour, compression, filter, interlace] =
                    *body
                else {
                    return Err(corrupt("the header has the wrong length"));
                };
                if compression != 0 || filter != 0 || interlace > 1 {
                    return Err(corrupt("unknown compression, filter or interlace method"));
                }
                parts.width = u32::from_be_bytes([w0, w1, w2, w3]);
                parts.height = u32::from_be_bytes([h0, h1, h2, h3]);
                parts.bit_depth = depth;
                parts.colour_type = colour;
                parts.is_interlaced = interlace == 1;
                has_header = true;
            }
            _ if !has_header => return Err(corrupt("the header is not the first chunk")),
            b"PLTE" => {
                if body.len() % 3 != 0 || body.len() > 3 * 256 {
                    return Err(corrupt("the palette has the wrong length"));
                }
                parts.palette = body.to_vec();
            }
            b"tRNS" => parts.has_transparency = true,
            b"IDAT" => parts.data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        rest = &rest[12 + length..];
    }
    let valid_depth = match parts.colour_type {
        0 => matches!(parts.bit_depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(parts.bit_depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(parts.bit_depth, 8 | 16),
        _ => false,
    };
    if !valid_depth {
        return Err(corrupt("unknown colour type or bit depth"));
    }
    if parts.data.is_empty() {
        return Err(corrupt("no image data"));
    }
    Ok(parts)
}

/// Checks that the image data of a non-interlaced `parts` inflates to exactly its rows, each
/// starting with one of the five PNG filters — reading through a small buffer, so a stream that
/// would inflate to gigabytes is stopped as soon as it passes the picture's size.
pub fn check_data(parts: &PngParts) -> Result<(), PictureError> {
    let row = parts.row_bytes();
    let expected = row * u64::from(parts.height);
    let mut inflater = flate2::read::ZlibDecoder::new(parts.data.as_slice());
    let mut buffer = vec![0u8; 64 * 1024];
    let mut seen: u64 = 0;
    loop {
        let read = inflater
            .read(&mut buffer)
            .map_err(|e| corrupt(&format!("the image data cannot be inflated ({e})")))?;
        if read == 0 {
            break;
        }
        // The filter bytes in this piece: at offsets that are multiples of the row's length.
        let start = seen;
        seen += read as u64;
        if seen > expected {
            return Err(corrupt("the image data is larger than the picture"));
        }
        let mut at = start.next_multiple_of(row);
        while at < seen {
            if buffer[(at - start) as usize] > 4 {
                return Err(corrupt("a row has an unknown filter"));
            }
            at += row;
        }
    }
    if seen != expected {
        return Err(corrupt("the image data is shorter than the picture"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(picture: image::DynamicImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        picture
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .expect("png");
        bytes
    }

    #[test]
    fn an_rgb_png_is_read_into_its_parts_and_its_data_checks() {
        let rgb = image::RgbImage::from_fn(30, 20, |x, y| image::Rgb([x as u8, y as u8, 7]));
        let bytes = encode(image::DynamicImage::ImageRgb8(rgb));
        let parts = parts(&bytes).expect("a PNG").expect("parts");
        assert_eq!((parts.width, parts.height), (30, 20));
        assert_eq!((parts.colour_type, parts.bit_depth), (2, 8));
        assert!(parts.is_carried_as_is());
        check_data(&parts).expect("intact");
    }

    #[test]
    fn alpha_sixteen_bits_and_not_a_png_are_told_apart() {
        let rgba = image::RgbaImage::from_pixel(4, 4, image::Rgba([1, 2, 3, 128]));
        let parts = parts(&encode(image::DynamicImage::ImageRgba8(rgba)))
            .expect("a PNG")
            .expect("parts");
        assert!(!parts.is_carried_as_is(), "alpha needs a mask");
        let deep = image::ImageBuffer::<image::Luma<u16>, _>::from_pixel(4, 4, image::Luma([9]));
        let parts = super::parts(&encode(image::DynamicImage::ImageLuma16(deep)))
            .expect("a PNG")
            .expect("parts");
        assert!(!parts.is_carried_as_is(), "16 bits are decoded");
        assert!(super::parts(b"GIF89a").is_none());
    }

    #[test]
    fn a_damaged_png_is_refused_before_it_reaches_a_document() {
        let rgb = image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8, y as u8, 7]));
        let bytes = encode(image::DynamicImage::ImageRgb8(rgb));
        // A byte changed inside the image data: the chunk's CRC no longer matches.
        let mut flipped = bytes.clone();
        let idat = flipped.windows(4).position(|w| w == b"IDAT").expect("IDAT");
        flipped[idat + 10] ^= 0x55;
        assert!(parts(&flipped).expect("a PNG").is_err());
        // Cut short.
        assert!(parts(&bytes[..bytes.len() / 2]).expect("a PNG").is_err());
        // A header claiming a taller picture than the data holds: the data check says so.
        let mut parts = parts(&bytes).expect("a PNG").expect("parts");
        parts.height = 65;
        assert!(check_data(&parts).is_err());
        parts.height = 63;
        assert!(check_data(&parts).is_err(), "more data than rows");
    }
}
