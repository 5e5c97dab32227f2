//! Fonts and visuals: Noto Sans everywhere (the same faces the PDF dossier embeds), a light,
//! calm theme. The only place for literal colours.

use std::sync::Arc;

/// Installs Noto Sans as the proportional font and the light theme.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "NotoSans".to_owned(),
        Arc::new(egui::FontData::from_static(notosans::REGULAR_TTF)),
    );
    fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "NotoSans".to_owned());
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
}

/// Colour of a "yes / in place" mark.
pub const GOOD: egui::Color32 = egui::Color32::from_rgb(0x1f, 0x7a, 0x4d);
/// Colour of a "to watch" mark.
pub const WARN: egui::Color32 = egui::Color32::from_rgb(0xb3, 0x6b, 0x00);
/// Colour of a "problem" mark.
pub const BAD: egui::Color32 = egui::Color32::from_rgb(0xb0, 0x1e, 0x2d);
