//! The dossier's typefaces: Noto Sans regular, bold and italic (SIL OFL 1.1), embedded in the
//! PDF and the same faces the app's UI uses. Glyph advances come from the fonts themselves, so
//! the layout measures exactly what the PDF will show.

use std::collections::HashMap;

use printpdf::ParsedFont;

/// A face of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
    /// Noto Sans Italic.
    Italic,
}

impl Face {
    /// All faces.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The TrueType bytes of the face.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => notosans::REGULAR_TTF,
            Face::Bold => notosans::BOLD_TTF,
            Face::Italic => notosans::ITALIC_TTF,
        }
    }
}

/// Why the fonts could not be read (a damaged build).
#[derive(Debug, thiserror::Error)]
#[error("the embedded font {0:?} cannot be parsed")]
pub struct FontError(pub Face);

/// Advance widths of one face, in em.
#[derive(Clone, Debug)]
struct Widths {
    by_char: HashMap<char, f32>,
    fallback: f32,
}

/// Measurements of the three faces.
#[derive(Clone, Debug)]
pub struct Metrics {
    faces: HashMap<Face, Widths>,
}

impl Metrics {
    /// Reads the glyph advances of the embedded faces.
    pub fn load() -> Result<Metrics, FontError> {
        let mut faces = HashMap::new();
        for face in Face::ALL {
            let mut warnings = Vec::new();
            let parsed =
                ParsedFont::from_bytes(face.bytes(), 0, &mut warnings).ok_or(FontError(face))?;
            let per_em = f32::from(parsed.units_per_em.max(1));
            let mut by_char = HashMap::new();
            for (codepoint, glyph) in &parsed.codepoint_to_glyph {
                if let (Some(c), Some(width)) =
                    (char::from_u32(*codepoint), parsed.get_glyph_width(*glyph))
                {
                    by_char.insert(c, f32::from(width) / per_em);
                }
            }
            let fallback = by_char.get(&'n').copied().unwrap_or(0.55);
            faces.insert(face, Widths { by_char, fallback });
        }
        Ok(Metrics { faces })
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let Some(widths) = self.faces.get(&face) else {
            return 0.0;
        };
        text.chars()
            .map(|c| widths.by_char.get(&c).copied().unwrap_or(widths.fallback))
            .sum::<f32>()
            * size
    }

    /// True when the face has a glyph for `c`.
    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces
            .get(&face)
            .is_some_and(|w| w.by_char.contains_key(&c))
    }
}
