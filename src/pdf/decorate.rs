//! The second pass over laid-out pages: running header and « page X / Y » footer on every page
//! but the cover, and the draft watermark behind everything while the assessment is not
//! validated or still has a blocking finding — all of it marked as artifacts, which a screen
//! reader skips.

use super::fonts::{Face, Metrics};
use super::layout::{Item, Layout, MARGIN_X, MUTED, PAGE_H, PAGE_W, RULE, WATERMARK};
use crate::dossier::Meta;

const HEADER_BASELINE: f32 = 44.0;
const FOOTER_BASELINE: f32 = PAGE_H - 38.0;

/// Adds headers, footers and the watermark.
pub fn decorate(layout: &mut Layout, meta: &Meta, metrics: &Metrics) {
    let total = layout.pages.len();
    let right = PAGE_W - MARGIN_X;
    // A branded document names the firm at the right of the running header.
    let firm = meta
        .firm_name()
        .map(|name| fit(name, Face::Bold, 7.5, (right - MARGIN_X) * 0.35, metrics));
    let firm_width = firm
        .as_deref()
        .map_or(0.0, |name| metrics.width(name, Face::Bold, 7.5) + 12.0);
    let header = fit(
        &meta.title,
        Face::Regular,
        7.5,
        right - MARGIN_X - firm_width,
        metrics,
    );
    let footer = fit(
        &meta.footer_text(),
        Face::Regular,
        7.5,
        (right - MARGIN_X) * 0.72,
        metrics,
    );
    for (index, page) in layout.pages.iter_mut().enumerate() {
        if let Some(mark) = &meta.watermark {
            // As large as fits comfortably along the page's diagonal, centred on it.
            let angle = 50.0_f32;
            let room = 0.62 * (PAGE_W * PAGE_W + PAGE_H * PAGE_H).sqrt();
            let size = (room / metrics.width(mark, Face::Bold, 1.0).max(0.1)).min(96.0);
            let width = metrics.width(mark, Face::Bold, size);
            let (sin, cos) = angle.to_radians().sin_cos();
            let x = PAGE_W / 2.0 - cos * width / 2.0 + sin * size * 0.35;
            let y = PAGE_H / 2.0 + sin * width / 2.0 + cos * size * 0.35;
            // Decoration, never read out.
            let watermark = [
                Item::Artifact(true),
                Item::Rotated {
                    x,
                    y,
                    size,
                    angle,
                    face: Face::Bold,
                    color: WATERMARK,
                    text: mark.clone(),
                },
                Item::Artifact(false),
            ];
            page.items.splice(0..0, watermark);
        }
        if page.is_cover {
            continue;
        }
        page.items.push(Item::Artifact(true));
        page.items.push(Item::Text {
            x: MARGIN_X,
            y: HEADER_BASELINE,
            size: 7.5,
            face: Face::Regular,
            color: MUTED,
            text: header.clone(),
        });
        if let Some(firm) = &firm {
            page.items.push(Item::Text {
                x: right - metrics.width(firm, Face::Bold, 7.5),
                y: HEADER_BASELINE,
                size: 7.5,
                face: Face::Bold,
                color: meta.accent(),
                text: firm.clone(),
            });
        }
        page.items.push(Item::Line {
            x1: MARGIN_X,
            y1: HEADER_BASELINE + 6.0,
            x2: right,
            y2: HEADER_BASELINE + 6.0,
            width: 0.4,
            color: RULE,
        });
        page.items.push(Item::Line {
            x1: MARGIN_X,
            y1: FOOTER_BASELINE - 12.0,
            x2: right,
            y2: FOOTER_BASELINE - 12.0,
            width: 0.4,
            color: RULE,
        });
        page.items.push(Item::Text {
            x: MARGIN_X,
            y: FOOTER_BASELINE,
            size: 7.5,
            face: Face::Regular,
            color: MUTED,
            text: footer.clone(),
        });
        let number = meta
            .page_label
            .replace("{n}", &(index + 1).to_string())
            .replace("{total}", &total.to_string());
        let width = metrics.width(&number, Face::Regular, 7.5);
        page.items.push(Item::Text {
            x: right - width,
            y: FOOTER_BASELINE,
            size: 7.5,
            face: Face::Regular,
            color: MUTED,
            text: number,
        });
        page.items.push(Item::Artifact(false));
    }
}

/// The text, shortened with « … » to fit `max` points.
fn fit(text: &str, face: Face, size: f32, max: f32, metrics: &Metrics) -> String {
    if metrics.width(text, face, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if metrics.width(&format!("{out}…"), face, size) > max {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}
