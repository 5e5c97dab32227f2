//! A JPEG file's frame header, read by walking its markers up to the start of the scan: the
//! sides, the number of colour components, the sample precision and the coding process — what
//! decides whether a PDF can carry the file as it is (`DCTDecode`).

/// What the frame header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JpegFrame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour components: 1 grey, 3 colour, 4 CMYK.
    pub components: u8,
    /// Bits per sample.
    pub precision: u8,
    /// Huffman coding, baseline, extended or progressive (SOF0–SOF2): what every PDF reader's
    /// DCT decoder takes.
    pub is_common_process: bool,
    /// An Adobe marker (`APP14`): the colour transform of a CMYK or YCCK file.
    pub has_adobe_marker: bool,
}

impl JpegFrame {
    /// True when a PDF shows it as it is: 8-bit grey or colour in a common process.
    pub fn is_carried_as_is(&self) -> bool {
        self.is_common_process
            && self.precision == 8
            && matches!(self.components, 1 | 3)
            && !(self.components == 3 && self.has_adobe_marker)
    }
}

/// The frame of the JPEG `bytes`; `None` when it is not a JPEG or its markers are broken before
/// the frame header (the decoder then says what is wrong).
pub fn frame(bytes: &[u8]) -> Option<JpegFrame> {
    let mut rest = bytes.strip_prefix(&[0xFF, 0xD8])?;
    let mut has_adobe_marker = false;
    loop {
        // Fill bytes (0xFF repeated) may precede a marker.
        while rest.first() == Some(&0xFF) && rest.get(1) == Some(&0xFF) {
            rest = &rest[1..];
        }
        let [0xFF, marker, high, low, ..] = *rest else {
            return None;
        };
        let length = usize::from(u16::from_be_bytes([high, low]));
        let body = rest.get(4..2 + length)?;
        match marker {
            0xEE => has_adobe_marker = body.starts_with(b"Adobe"),
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let [precision, h0, h1, w0, w1, components, ..] = *body else {
                    return None;
                };
                return Some(JpegFrame {
                    width: u32::from(u16::from_be_bytes([w0, w1])),
                    height: u32::from(u16::from_be_bytes([h0, h1])),
                    components,
                    precision,
                    is_common_process: matches!(marker, 0xC0..=0xC2),
                    has_adobe_marker,
                });
            }
            // Start of scan before any frame: broken.
            0xDA => return None,
            _ => {}
        }
        rest = rest.get(2 + length..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(picture: image::DynamicImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        picture
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Jpeg,
            )
            .expect("jpeg");
        bytes
    }

    #[test]
    fn a_colour_and_a_grey_jpeg_are_carried_as_they_are() {
        let colour = jpeg(image::DynamicImage::ImageRgb8(image::RgbImage::new(
            300, 200,
        )));
        let frame = frame(&colour).expect("a frame");
        assert_eq!((frame.width, frame.height, frame.components), (300, 200, 3));
        assert!(frame.is_carried_as_is());
        let grey = jpeg(image::DynamicImage::ImageLuma8(image::GrayImage::new(
            20, 10,
        )));
        let frame = super::frame(&grey).expect("a frame");
        assert_eq!(frame.components, 1);
        assert!(frame.is_carried_as_is());
    }

    #[test]
    fn broken_markers_give_no_frame() {
        assert_eq!(frame(b"\xFF\xD8\xFF\xE0\x00"), None);
        assert_eq!(frame(b"\xFF\xD8\xFF\xDA\x00\x02"), None);
        assert_eq!(frame(b"not a jpeg"), None);
        // A length running past the end of the file.
        assert_eq!(frame(b"\xFF\xD8\xFF\xE0\xFF\xFFJFIF"), None);
    }
}
