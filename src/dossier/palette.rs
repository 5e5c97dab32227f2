//! The dossier's colours, shared by every renderer (PDF, DOCX, ODT): ink, rules, fills, the
//! tones of callouts and the bands of the risk map. The only place with literal colour values.

use crate::dossier::Tone;
use crate::model::Band;

/// A colour, components 0-1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// `RRGGBB`, as word processors write colours.
    pub fn hex(self) -> String {
        let byte = |c: f32| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        format!(
            "{:02X}{:02X}{:02X}",
            byte(self.0),
            byte(self.1),
            byte(self.2)
        )
    }
}

/// Text colour.
pub const INK: Rgb = Rgb(0.13, 0.15, 0.19);
/// Secondary text.
pub const MUTED: Rgb = Rgb(0.40, 0.43, 0.48);
/// Headings and rules.
pub const ACCENT: Rgb = Rgb(0.11, 0.27, 0.45);
/// Thin rules.
pub const RULE: Rgb = Rgb(0.80, 0.83, 0.87);
/// Table header background.
pub const HEADER_FILL: Rgb = Rgb(0.90, 0.93, 0.96);
/// Zebra rows.
pub const ZEBRA: Rgb = Rgb(0.97, 0.975, 0.98);
/// The draft watermark, faint behind everything.
pub const WATERMARK: Rgb = Rgb(0.93, 0.90, 0.90);
/// White: the number inside a filled risk mark, the inside of a hollow one.
pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// A callout's background and the colour of its left bar.
pub fn tone_colors(tone: Tone) -> (Rgb, Rgb) {
    match tone {
        Tone::Blocking => (Rgb(0.99, 0.92, 0.92), Rgb(0.69, 0.12, 0.18)),
        Tone::High => (Rgb(1.0, 0.95, 0.89), Rgb(0.85, 0.45, 0.05)),
        Tone::Medium => (Rgb(1.0, 0.98, 0.88), Rgb(0.80, 0.65, 0.05)),
        Tone::Info => (Rgb(0.93, 0.95, 0.98), Rgb(0.35, 0.50, 0.70)),
        Tone::Good => (Rgb(0.91, 0.97, 0.93), Rgb(0.12, 0.48, 0.30)),
        Tone::Sign => (WHITE, Rgb(0.0, 0.0, 0.0)),
    }
}

/// The colour of a band of the risk map.
pub fn band_color(band: Band) -> Rgb {
    match band {
        Band::Low => Rgb(0.80, 0.92, 0.82),
        Band::Moderate => Rgb(1.0, 0.86, 0.62),
        Band::High => Rgb(0.96, 0.66, 0.64),
    }
}

/// The fill of a camera's field of view on a plan (pale, so zones show through the overlap).
pub const PLAN_SECTOR: Rgb = Rgb(0.84, 0.89, 0.96);
/// The outline of a field of view.
pub const PLAN_SECTOR_EDGE: Rgb = Rgb(0.55, 0.66, 0.82);
/// A privacy mask.
pub const PLAN_MASK: Rgb = Rgb(0.35, 0.37, 0.42);

/// The fill and outline of a zone of a plan.
pub fn zone_colors(kind: crate::model::ZoneKind) -> (Rgb, Rgb) {
    use crate::model::ZoneKind;
    match kind {
        ZoneKind::Dwelling => (Rgb(0.97, 0.80, 0.80), Rgb(0.69, 0.12, 0.18)),
        ZoneKind::School => (Rgb(1.0, 0.88, 0.70), Rgb(0.85, 0.45, 0.05)),
        ZoneKind::Worship => (Rgb(0.86, 0.84, 0.96), Rgb(0.40, 0.30, 0.70)),
        ZoneKind::Health => (Rgb(0.82, 0.94, 0.86), Rgb(0.12, 0.48, 0.30)),
        ZoneKind::PrivateProperty => (Rgb(0.95, 0.93, 0.80), Rgb(0.55, 0.48, 0.10)),
    }
}
