//! The dossier's typefaces: Noto Sans regular, bold and italic (SIL OFL 1.1), embedded in the
//! PDF and the same faces the app's UI uses. Glyph advances come from the fonts themselves, so
//! the layout measures exactly what the PDF will show.
//!
//! The faces are parsed once per process, on first use, and shared by the layout (which
//! measures text) and the emitter (which embeds them). Measuring is on the layout's hot path —
//! every candidate line of every paragraph and cell — so advances and glyph ids sit in flat
//! tables indexed by code point for the first blocks of Unicode (Latin, Greek, Cyrillic,
//! punctuation, currency, arrows: everything a French or English dossier uses), with a map for
//! the rare code points beyond.

use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// All faces, in the order of `index`.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The TrueType bytes of the face.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => notosans::REGULAR_TTF,
            Face::Bold => notosans::BOLD_TTF,
            Face::Italic => notosans::ITALIC_TTF,
        }
    }

    /// The face's PostScript name, as the font names itself.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
            Face::Italic => "NotoSans-Italic",
        }
    }

    /// The face's position in `ALL`, for tables indexed by face.
    pub fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
        }
    }
}

/// Why the fonts cannot be used: an embedded face does not parse, which only a damaged build
/// can cause. The one error for font problems, from measuring to embedding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the embedded font {0:?} cannot be parsed")]
pub struct FontError(pub Face);

/// Code points below this are looked up in flat tables; the others in a map.
const DENSE_LIMIT: usize = 0x2500;

/// Glyph id 0 is `.notdef`, the glyph a font shows for a character it lacks.
const NOTDEF: u16 = 0;

/// One face's character → (advance, glyph) tables.
#[derive(Clone, Debug)]
struct FaceTable {
    /// Advance in em of each code point below `DENSE_LIMIT`; negative when the face lacks it
    /// (or has no advance for it).
    dense_advance: Box<[f32]>,
    /// Glyph id of each code point below `DENSE_LIMIT`; `NOTDEF` when the face lacks it.
    dense_glyph: Box<[u16]>,
    /// Advance in em and glyph id of the code points from `DENSE_LIMIT` on.
    sparse: HashMap<char, (f32, u16)>,
    /// Advance of a character the face lacks: that of « n », a typical lower-case letter.
    fallback: f32,
}

impl FaceTable {
    fn new(parsed: &ParsedFont) -> FaceTable {
        let per_em = f32::from(parsed.units_per_em.max(1));
        let mut dense_advance = vec![-1.0_f32; DENSE_LIMIT].into_boxed_slice();
        let mut dense_glyph = vec![NOTDEF; DENSE_LIMIT].into_boxed_slice();
        let mut sparse = HashMap::new();
        for (&codepoint, &glyph) in &parsed.codepoint_to_glyph {
            let Some(c) = char::from_u32(codepoint) else {
                continue;
            };
            // A glyph without an advance (Noto Sans has none) is measured like a missing one,
            // but still shown with its own glyph, as the PDF library does.
            let advance = parsed
                .get_glyph_width(glyph)
                .map_or(-1.0, |width| f32::from(width) / per_em);
            match usize::try_from(codepoint) {
                Ok(index) if index < DENSE_LIMIT => {
                    dense_advance[index] = advance;
                    dense_glyph[index] = glyph;
                }
                _ => {
                    sparse.insert(c, (advance, glyph));
                }
            }
        }
        let fallback = dense_advance
            .get(usize::from(b'n'))
            .copied()
            .filter(|a| *a >= 0.0)
            .unwrap_or(0.55);
        FaceTable {
            dense_advance,
            dense_glyph,
            sparse,
            fallback,
        }
    }

    /// The advance of `c` in em, if the face has it.
    fn advance(&self, c: char) -> Option<f32> {
        match self.dense_advance.get(c as usize) {
            Some(&advance) => (advance >= 0.0).then_some(advance),
            None => self.sparse.get(&c).map(|&(advance, _)| advance),
        }
    }

    /// The glyph showing `c`: `NOTDEF` when the face lacks it (as in the PDF).
    fn glyph(&self, c: char) -> u16 {
        match self.dense_glyph.get(c as usize) {
            Some(&glyph) => glyph,
            None => self.sparse.get(&c).map_or(NOTDEF, |&(_, glyph)| glyph),
        }
    }
}

/// Measurements of the three faces.
#[derive(Clone, Debug)]
pub struct Metrics {
    /// Indexed by `Face::index`.
    faces: [FaceTable; 3],
}

impl Metrics {
    /// The metrics of the embedded faces, read once per process.
    pub fn load() -> Result<&'static Metrics, FontError> {
        Ok(&Fonts::get()?.metrics)
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let table = &self.faces[face.index()];
        text.chars()
            .map(|c| table.advance(c).unwrap_or(table.fallback))
            .sum::<f32>()
            * size
    }

    /// True when the face has a glyph for `c`.
    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].advance(c).is_some()
    }

    /// The glyph id the PDF uses to show `c` in `face` (0, `.notdef`, when the face lacks it).
    pub fn glyph(&self, face: Face, c: char) -> u16 {
        self.faces[face.index()].glyph(c)
    }
}

/// The embedded faces, parsed, and their metrics: what the layout and the emitter share.
#[derive(Debug)]
pub struct Fonts {
    /// Indexed by `Face::index`.
    parsed: [ParsedFont; 3],
    metrics: Metrics,
}

/// The process's fonts, or why they could not be parsed (then every render reports it).
static FONTS: OnceLock<Result<Fonts, FontError>> = OnceLock::new();

impl Fonts {
    /// The fonts, parsed on the first call (about a millisecond per face) and kept for the
    /// life of the process.
    pub fn get() -> Result<&'static Fonts, FontError> {
        FONTS.get_or_init(Fonts::parse).as_ref().map_err(|e| *e)
    }

    fn parse() -> Result<Fonts, FontError> {
        let parse_face = |face: Face| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(face.bytes(), 0, &mut warnings).ok_or(FontError(face))
        };
        let parsed = [
            parse_face(Face::Regular)?,
            parse_face(Face::Bold)?,
            parse_face(Face::Italic)?,
        ];
        let metrics = Metrics {
            faces: [
                FaceTable::new(&parsed[0]),
                FaceTable::new(&parsed[1]),
                FaceTable::new(&parsed[2]),
            ],
        };
        Ok(Fonts { parsed, metrics })
    }

    /// The parsed face, as the PDF library embeds it.
    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.parsed[face.index()]
    }

    /// The faces' measurements.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("the embedded fonts parse")
    }

    #[test]
    fn the_flat_tables_agree_with_the_font_for_every_character_it_maps() {
        let fonts = fonts();
        for face in Face::ALL {
            let parsed = fonts.parsed(face);
            let per_em = f32::from(parsed.units_per_em);
            for (&codepoint, &glyph) in &parsed.codepoint_to_glyph {
                let Some(c) = char::from_u32(codepoint) else {
                    continue;
                };
                assert_eq!(fonts.metrics().glyph(face, c), glyph, "{face:?} {c:?}");
                let Some(width) = parsed.get_glyph_width(glyph) else {
                    continue;
                };
                let expected = f32::from(width) / per_em;
                assert!(
                    (fonts.metrics().width(&c.to_string(), face, 1.0) - expected).abs() < 1e-6,
                    "{face:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn french_characters_are_all_in_every_face() {
        let metrics = fonts().metrics();
        for face in Face::ALL {
            for c in "éèêëàâîïôöùûüçœæÉÈÀÇŒ«»’…–—€\u{a0}\u{202f}•→".chars()
            {
                assert!(metrics.has_glyph(face, c), "{face:?} lacks {c:?}");
                assert_ne!(metrics.glyph(face, c), NOTDEF, "{face:?} {c:?}");
            }
        }
    }

    #[test]
    fn a_character_the_face_lacks_is_measured_as_an_n_and_shown_as_notdef() {
        let metrics = fonts().metrics();
        let missing = '\u{1F600}'; // An emoji: no Noto Sans face has it.
        assert!(!metrics.has_glyph(Face::Regular, missing));
        assert_eq!(metrics.glyph(Face::Regular, missing), NOTDEF);
        assert_eq!(
            metrics.width(&missing.to_string(), Face::Regular, 10.0),
            metrics.width("n", Face::Regular, 10.0)
        );
    }

    #[test]
    fn widths_add_up_and_scale_with_the_size() {
        let metrics = fonts().metrics();
        let whole = metrics.width("Délégué à la protection", Face::Bold, 9.5);
        let parts = metrics.width("Délégué à", Face::Bold, 9.5)
            + metrics.width(" ", Face::Bold, 9.5)
            + metrics.width("la protection", Face::Bold, 9.5);
        assert!((whole - parts).abs() < 1e-3, "{whole} vs {parts}");
        let double = metrics.width("Délégué à la protection", Face::Bold, 19.0);
        assert!((double - 2.0 * whole).abs() < 1e-3);
        assert!(
            metrics.width("mmmm", Face::Regular, 10.0) > metrics.width("iiii", Face::Regular, 10.0)
        );
    }

    #[test]
    fn the_fonts_are_parsed_once_per_process() {
        assert!(std::ptr::eq(fonts(), fonts()));
        assert!(std::ptr::eq(
            Metrics::load().expect("fonts"),
            fonts().metrics()
        ));
    }
}
