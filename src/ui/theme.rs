//! Fonts, spacing and colours: Noto Sans everywhere (the faces the PDF dossier embeds), a calm
//! light theme by default and a dark one on request. The only place for literal colours.

use std::sync::Arc;

use egui::Color32;

use crate::model::Band;

/// Width of the label column of form rows.
pub const LABEL_WIDTH: f32 = 250.0;

/// The colours of one theme. Every text colour reaches 4.5:1 against the theme's panel, window
/// and faint backgrounds (WCAG 2.1 AA; `tests/ui_contrast.rs` computes it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Headings and accents.
    pub accent: Color32,
    /// Main text.
    pub ink: Color32,
    /// Secondary text (help, hints, dates).
    pub muted: Color32,
    /// Background of a field a finding points at.
    pub highlight: Color32,
    /// « In place », compliant.
    pub good: Color32,
    /// « To watch », high findings.
    pub warn: Color32,
    /// « Problem », blocking.
    pub bad: Color32,
    /// Medium findings.
    pub medium: Color32,
    /// Information.
    pub info: Color32,
    /// Links (the sources of a finding).
    pub link: Color32,
}

/// The light theme's colours (on egui's light panels, grey 248).
pub const LIGHT: Palette = Palette {
    accent: Color32::from_rgb(0x1c, 0x45, 0x73),
    ink: Color32::from_rgb(0x22, 0x26, 0x30),
    muted: Color32::from_rgb(0x55, 0x5b, 0x66),
    highlight: Color32::from_rgba_premultiplied(0x1c, 0x45, 0x73, 0x18),
    good: Color32::from_rgb(0x1a, 0x6b, 0x43),
    warn: Color32::from_rgb(0x8f, 0x52, 0x00),
    bad: Color32::from_rgb(0xb0, 0x1e, 0x2d),
    medium: Color32::from_rgb(0x76, 0x5e, 0x00),
    info: Color32::from_rgb(0x3d, 0x60, 0x8c),
    link: Color32::from_rgb(0x1a, 0x56, 0x9c),
};

/// The dark theme's colours (on egui's dark panels, grey 27).
pub const DARK: Palette = Palette {
    accent: Color32::from_rgb(0x9c, 0xc3, 0xf0),
    ink: Color32::from_rgb(0xe8, 0xea, 0xee),
    muted: Color32::from_rgb(0xb4, 0xb9, 0xc2),
    highlight: Color32::from_rgba_premultiplied(0x12, 0x1c, 0x2a, 0x40),
    good: Color32::from_rgb(0x7a, 0xd6, 0xa2),
    warn: Color32::from_rgb(0xf5, 0xb3, 0x52),
    bad: Color32::from_rgb(0xff, 0x8a, 0x8a),
    medium: Color32::from_rgb(0xe6, 0xcc, 0x5c),
    info: Color32::from_rgb(0x9d, 0xbb, 0xe3),
    link: Color32::from_rgb(0x8c, 0xc4, 0xff),
};

/// Marks and arrows on the risk map's cells, whose pastel bands are the same in both themes.
pub const MAP_INK: Color32 = Color32::from_rgb(0x22, 0x26, 0x30);

/// The palette of the theme `ctx` shows.
pub fn palette(ctx: &egui::Context) -> &'static Palette {
    if ctx.global_style().visuals.dark_mode {
        &DARK
    } else {
        &LIGHT
    }
}

/// The colour of a finding severity.
pub fn severity(ctx: &egui::Context, severity: crate::rules::Severity) -> Color32 {
    let p = palette(ctx);
    match severity {
        crate::rules::Severity::Blocking => p.bad,
        crate::rules::Severity::High => p.warn,
        crate::rules::Severity::Medium => p.medium,
        crate::rules::Severity::Info => p.info,
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
        // Help and hints at 12 px at least (RGAA / WCAG: readable at default zoom).
        for (text_style, size) in [
            (egui::TextStyle::Small, 12.0),
            (egui::TextStyle::Body, 13.5),
            (egui::TextStyle::Button, 13.5),
            (egui::TextStyle::Monospace, 13.0),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
    });
    for (theme, palette) in [(egui::Theme::Light, &LIGHT), (egui::Theme::Dark, &DARK)] {
        ctx.style_mut_of(theme, |style| {
            style.visuals.weak_text_color = Some(palette.muted);
            style.visuals.hyperlink_color = palette.link;
            if theme == egui::Theme::Dark {
                // egui's dark text (grey 140) is legible but dim: lighter, as the palette's.
                style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(210);
                style.visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(220);
            }
        });
    }
}

/// Light or dark.
pub fn set_dark(ctx: &egui::Context, is_dark: bool) {
    ctx.set_theme(if is_dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}
