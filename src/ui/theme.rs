//! Fonts, spacing and colours: Noto Sans everywhere (the faces the PDF dossier embeds), a calm
//! light theme by default and a dark one on request. The only place for literal colours.

use std::sync::Arc;

use egui::Color32;

use crate::model::Band;

/// Width of the label column of form rows.
pub const LABEL_WIDTH: f32 = 250.0;

/// Headings and accents.
pub const ACCENT: Color32 = Color32::from_rgb(0x1c, 0x45, 0x73);
/// Main text on light backgrounds.
pub const INK: Color32 = Color32::from_rgb(0x22, 0x26, 0x30);
/// Secondary text.
pub const MUTED: Color32 = Color32::from_rgb(0x66, 0x6d, 0x7a);
/// Background of a field a finding points at.
pub const HIGHLIGHT: Color32 = Color32::from_rgba_premultiplied(0x1c, 0x45, 0x73, 0x18);
/// « In place », compliant.
pub const GOOD: Color32 = Color32::from_rgb(0x1f, 0x7a, 0x4d);
/// « To watch ».
pub const WARN: Color32 = Color32::from_rgb(0xb3, 0x6b, 0x00);
/// « Problem », blocking.
pub const BAD: Color32 = Color32::from_rgb(0xb0, 0x1e, 0x2d);
/// Medium findings.
pub const MEDIUM: Color32 = Color32::from_rgb(0x9a, 0x7d, 0x0a);
/// Information.
pub const INFO: Color32 = Color32::from_rgb(0x45, 0x6b, 0x9a);

/// The colour of a finding severity.
pub fn severity(severity: crate::rules::Severity) -> Color32 {
    match severity {
        crate::rules::Severity::Blocking => BAD,
        crate::rules::Severity::High => WARN,
        crate::rules::Severity::Medium => MEDIUM,
        crate::rules::Severity::Info => INFO,
    }
}

/// The colour of a band of the risk map (the same bands as the PDF).
pub fn band(band: Band) -> Color32 {
    match band {
        Band::Low => Color32::from_rgb(0xcc, 0xea, 0xd1),
        Band::Moderate => Color32::from_rgb(0xff, 0xdb, 0x9e),
        Band::High => Color32::from_rgb(0xf5, 0xa8, 0xa3),
    }
}

/// Installs Noto Sans as the proportional font, and the theme.
pub fn install(ctx: &egui::Context, is_dark: bool) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        ("NotoSans", notosans::REGULAR_TTF),
        ("NotoSans-Bold", notosans::BOLD_TTF),
    ] {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "NotoSans".to_owned());
    ctx.set_fonts(fonts);
    set_dark(ctx, is_dark);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// Light or dark.
pub fn set_dark(ctx: &egui::Context, is_dark: bool) {
    ctx.set_theme(if is_dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}
