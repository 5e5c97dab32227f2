//! The CNIL risk map as a table a word processor can draw: four rows of severity (4 at the top),
//! four columns of likelihood, each cell in its colour band and listing the risks placed there
//! by number before (○) and after (●) measures, then the key of the numbers. The PDF draws the
//! same map as a picture.

use crate::dossier::palette::{band_color, Rgb};
use crate::dossier::RiskMap;
use crate::model::{Band, Level, MatrixCell};

/// A cell of the map.
pub struct GridCell {
    /// The cell's colour band.
    pub band: Band,
    /// Background colour (the band's).
    pub fill: Rgb,
    /// « ○ 1 ● 2 »: the numbers of the risks in this cell before and after measures.
    pub text: String,
}

/// The rows of the map, severity 4 first; each row holds likelihood 1 to 4.
pub fn rows(map: &RiskMap) -> Vec<(String, Vec<GridCell>)> {
    (1..=4u8)
        .rev()
        .map(|severity| {
            let cells = (1..=4u8)
                .map(|likelihood| {
                    let cell = Some((severity, likelihood));
                    let mut marks = Vec::new();
                    for (index, point) in map.points.iter().enumerate() {
                        if point.before == cell {
                            marks.push(format!("○\u{a0}{}", index + 1));
                        }
                        if point.after == cell {
                            marks.push(format!("●\u{a0}{}", index + 1));
                        }
                    }
                    let band = band(severity, likelihood);
                    GridCell {
                        band,
                        fill: band_color(band),
                        text: marks.join(" "),
                    }
                })
                .collect();
            (level_label(map, severity), cells)
        })
        .collect()
}

/// The labels of the likelihood columns, 1 to 4.
pub fn likelihood_labels(map: &RiskMap) -> Vec<String> {
    (1..=4u8).map(|level| level_label(map, level)).collect()
}

/// The key of the numbers: « 1 — R-MISUSE … », one line per risk, as the PDF prints it.
pub fn key(map: &RiskMap) -> Vec<String> {
    map.points
        .iter()
        .enumerate()
        .map(|(index, point)| format!("{} — {}", index + 1, point.label))
        .collect()
}

/// « Severity ↑ · Likelihood → · ○ before measures · ● after measures ».
pub fn legend(map: &RiskMap) -> String {
    format!(
        "{} ↑ · {} → · ○\u{a0}{} · ●\u{a0}{}",
        map.severity_axis, map.likelihood_axis, map.before_label, map.after_label
    )
}

fn level_label(map: &RiskMap, level: u8) -> String {
    let name = map.level_labels[usize::from(level.clamp(1, 4) - 1)].clone();
    format!("{level}. {name}")
}

fn band(severity: u8, likelihood: u8) -> Band {
    match (Level::from_number(severity), Level::from_number(likelihood)) {
        (Some(severity), Some(likelihood)) => MatrixCell {
            severity,
            likelihood,
        }
        .band(),
        _ => Band::Low,
    }
}
