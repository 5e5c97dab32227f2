//! A document model as one self-contained, accessible web page: no script, no external
//! resource, the document's language on `<html>`, headings in order, lists, tables with header
//! cells and their scope, callouts as asides, the risk map as a table, a plan by its caption and
//! its description in words. Every colour is set with its background, each pair at least
//! 4.5:1 (WCAG 2.x contrast, checked by `contrast` in the tests). What a commune pastes into its
//! website for the public notice (`--document notice -o notice.html`), and how the rule book is
//! read outside the app. Written so that it also parses as XML (void elements closed), which
//! the tests use to check its structure.

use super::blocks::{Block, Dossier, RiskMap};
use super::palette::Rgb;

/// Body text on white.
const INK: &str = "#1f2430";
/// Secondary text on white (notes, sources).
const MUTED: &str = "#565c66";
/// Headings on white.
const ACCENT: &str = "#1c4573";
/// Page background.
const PAPER: &str = "#ffffff";
/// A callout's background (text in `INK` on it).
const CALLOUT: &str = "#eef2f8";
/// A table header's background.
const HEADER: &str = "#e3eaf2";
/// The signs' text: black on white, larger.
const SIGN_INK: &str = "#000000";

/// The style sheet: every rule that sets a colour sets its background too.
fn style() -> String {
    format!(
        "body{{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;\
         line-height:1.55;color:{INK};background:{PAPER}}}\
         h1,h2,h3{{color:{ACCENT};background:{PAPER};line-height:1.25}}\
         .note{{color:{MUTED};background:{PAPER};font-size:.92em}}\
         table{{border-collapse:collapse;margin:1em 0}}\
         td,th{{border:1px solid #767676;padding:.35em .6em;vertical-align:top;text-align:left}}\
         th{{color:{INK};background:{HEADER}}}\
         aside{{color:{INK};background:{CALLOUT};border-left:.35em solid {ACCENT};\
         padding:.6em 1em;margin:1em 0}}\
         aside .note{{color:{INK};background:{CALLOUT}}}\
         .sign{{color:{SIGN_INK};background:{PAPER};border:.2em solid {SIGN_INK};\
         font-size:1.25em;padding:.8em 1.2em}}\
         .sign .note{{color:{SIGN_INK};background:{PAPER}}}\
         dt{{font-weight:bold}}dd{{margin:0 0 .5em 1.5em}}"
    )
}

/// The page.
pub fn page(doc: &Dossier) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
        doc.meta.lang.code(),
        escape(&doc.meta.title),
        style()
    );
    for block in &doc.blocks {
        block_html(block, &mut out);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block_html(block: &Block, out: &mut String) {
    match block {
        Block::Cover(cover) => {
            out.push_str(&format!(
                "<header>\n<p>{}</p>\n<h1>{}</h1>\n<p>{}</p>\n",
                escape(&cover.kicker),
                escape(&cover.title),
                escape(&cover.organisation)
            ));
            pairs_html(&cover.lines, out);
            if !cover.marking.trim().is_empty() {
                out.push_str(&format!(
                    "<p class=\"note\">{}</p>\n",
                    lines(&cover.marking)
                ));
            }
            out.push_str("</header>\n");
        }
        Block::Toc { .. } | Block::PageBreak => {}
        Block::Heading { level, text } => {
            let level = (*level).clamp(1, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
        }
        Block::Paragraph(text) => paragraph(text, "", out),
        Block::Note(text) => paragraph(text, " class=\"note\"", out),
        Block::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items.iter().filter(|i| !i.trim().is_empty()) {
                out.push_str(&format!("<li>{}</li>\n", lines(item)));
            }
            out.push_str("</ul>\n");
        }
        Block::KeyValues(pairs) => pairs_html(pairs, out),
        Block::Table { columns, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for column in columns {
                out.push_str(&format!("<th scope=\"col\">{}</th>", escape(&column.title)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (cell, column) in row.iter().zip(columns) {
                    match column.lang {
                        Some(lang) => out.push_str(&format!(
                            "<td lang=\"{}\">{}</td>",
                            lang.code(),
                            lines(cell)
                        )),
                        None => out.push_str(&format!("<td>{}</td>", lines(cell))),
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Callout {
            tone,
            title,
            body,
            footer,
        } => {
            // The notice's first layer (the signs' text) stands out as the sign would.
            let class = if *tone == super::Tone::Sign {
                " class=\"sign\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<aside{class} aria-label=\"{}\">\n<p><strong>{}</strong></p>\n",
                escape(title),
                escape(title)
            ));
            paragraph(body, "", out);
            if !footer.trim().is_empty() {
                paragraph(footer, " class=\"note\"", out);
            }
            out.push_str("</aside>\n");
        }
        Block::RiskMap(map) => risk_map_html(map, out),
        Block::Plan(figure) => {
            out.push_str(&format!(
                "<figure>\n<figcaption>{}</figcaption>\n",
                escape(&figure.caption)
            ));
            paragraph(&figure.alt, "", out);
            out.push_str("</figure>\n");
        }
        Block::Signatures(signatures) => {
            out.push_str("<ul>\n");
            for line in signatures {
                out.push_str(&format!(
                    "<li>{} — {}</li>\n",
                    escape(&line.who),
                    escape(&line.date)
                ));
            }
            out.push_str("</ul>\n");
        }
    }
}

fn paragraph(text: &str, attributes: &str, out: &mut String) {
    if text.trim().is_empty() {
        return;
    }
    out.push_str(&format!("<p{attributes}>{}</p>\n", lines(text.trim())));
}

fn pairs_html(pairs: &[(String, String)], out: &mut String) {
    if pairs.is_empty() {
        return;
    }
    out.push_str("<dl>\n");
    for (key, value) in pairs {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(key),
            lines(value)
        ));
    }
    out.push_str("</dl>\n");
}

/// The risk map as a table: each risk, its cell before and after the measures in words.
fn risk_map_html(map: &RiskMap, out: &mut String) {
    out.push_str(&format!(
        "<table>\n<caption>{} × {}</caption>\n<thead><tr><td></td>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(&map.severity_axis),
        escape(&map.likelihood_axis),
        escape(&map.before_label),
        escape(&map.after_label)
    ));
    for point in &map.points {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n",
            escape(&point.label),
            escape(&map.cell_words(point.before)),
            escape(&map.cell_words(point.after))
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Escaped text whose line breaks become `<br>` and whose addresses become links.
fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, uri) in super::addresses::find(text) {
        out.push_str(&escape(&text[at..range.start]));
        out.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            escape(&uri),
            escape(&text[range.clone()])
        ));
        at = range.end;
    }
    out.push_str(&escape(&text[at..]));
    out.replace('\n', "<br />\n")
}

/// `#RRGGBB` as a colour.
pub fn parse_hex(hex: &str) -> Option<Rgb> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(Rgb(
        f32::from(byte(0)?) / 255.0,
        f32::from(byte(2)?) / 255.0,
        f32::from(byte(4)?) / 255.0,
    ))
}

/// The WCAG 2.x contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let channel = |c: f32| {
        let c = f64::from(c);
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = |c: Rgb| 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2);
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_reads_against_its_background() {
        for (ink, paper) in [
            (INK, PAPER),
            (MUTED, PAPER),
            (ACCENT, PAPER),
            (INK, CALLOUT),
            (INK, HEADER),
            (SIGN_INK, PAPER),
        ] {
            let ratio = contrast(
                parse_hex(ink).expect("colour"),
                parse_hex(paper).expect("colour"),
            );
            assert!(ratio >= 4.5, "{ink} on {paper}: {ratio:.2}");
        }
    }
}
