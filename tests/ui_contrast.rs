//! Readable in both themes (RGAA / WCAG 2.1 AA): every text colour the app uses reaches 4.5:1
//! against each background it is drawn on, computed with the WCAG formula; help text is 12 px at
//! least at default zoom.

use egui::Color32;
use gardefou::ui::theme;

/// WCAG relative luminance of an opaque colour.
fn luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG contrast ratio of two opaque colours.
fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `top` (premultiplied, possibly translucent) drawn over the opaque `bottom`.
fn over(top: Color32, bottom: Color32) -> Color32 {
    let alpha = f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| {
        (f32::from(t) + f32::from(b) * (1.0 - alpha))
            .round()
            .min(255.0) as u8
    };
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

fn styled(is_dark: bool) -> egui::Context {
    let ctx = egui::Context::default();
    theme::install(&ctx, is_dark);
    ctx
}

#[test]
fn the_contrast_formula_gives_the_known_values() {
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
    // #767676 on white is the classic 4.54:1.
    let grey = Color32::from_rgb(0x76, 0x76, 0x76);
    assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.01);
}

#[test]
fn every_text_colour_reaches_4_5_to_1_in_both_themes() {
    for is_dark in [false, true] {
        let ctx = styled(is_dark);
        let style = ctx.global_style();
        let v = &style.visuals;
        assert_eq!(v.dark_mode, is_dark);
        let palette = theme::palette(&ctx);
        let backgrounds = [
            ("panel", v.panel_fill),
            ("window", v.window_fill),
            ("card (faint)", over(v.faint_bg_color, v.panel_fill)),
            ("highlighted field", over(palette.highlight, v.panel_fill)),
        ];
        let texts = [
            ("body text", v.text_color()),
            ("weak text", v.weak_text_color()),
            ("links", v.hyperlink_color),
            ("accent / headings", palette.accent),
            ("muted / help", palette.muted),
            ("good", palette.good),
            ("warn / high", palette.warn),
            ("bad / blocking", palette.bad),
            ("medium", palette.medium),
            ("info", palette.info),
        ];
        let theme_name = if is_dark { "dark" } else { "light" };
        for (text_name, text) in texts {
            for (background_name, background) in backgrounds {
                let ratio = contrast(text, background);
                assert!(
                    ratio >= 4.5,
                    "{theme_name} theme: {text_name} {text:?} on {background_name} \
                     {background:?} is {ratio:.2}:1"
                );
            }
        }
        // Text fields and buttons.
        let field = v.text_edit_bg_color.unwrap_or(v.extreme_bg_color);
        let ratio = contrast(v.text_color(), field);
        assert!(ratio >= 4.5, "{theme_name}: typed text {ratio:.2}:1");
        let button = &v.widgets.inactive;
        let ratio = contrast(
            button.fg_stroke.color,
            over(button.weak_bg_fill, v.panel_fill),
        );
        assert!(ratio >= 4.5, "{theme_name}: button text {ratio:.2}:1");
    }
}

#[test]
fn help_text_is_twelve_pixels_at_least() {
    for is_dark in [false, true] {
        let ctx = styled(is_dark);
        let style = ctx.global_style();
        for text_style in [egui::TextStyle::Small, egui::TextStyle::Body] {
            let size = style.text_styles[&text_style].size;
            assert!(size >= 12.0, "{text_style:?} is {size} px");
        }
    }
}
