//! A document model as Markdown or as one self-contained HTML page (no script, no external
//! resource): headings, paragraphs, notes, lists, label/value pairs and tables. What the rule
//! book is read in outside the app; figures (risk maps, plans) and signatures are not drawn.

use super::blocks::{Block, Dossier};
use crate::model::Lang;

/// The document as Markdown.
pub fn markdown(doc: &Dossier) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&"#".repeat(usize::from(*level).clamp(1, 6)));
                out.push(' ');
                out.push_str(&one_line(text));
                out.push_str("\n\n");
            }
            Block::Paragraph(text) => {
                out.push_str(&escape_md(text));
                out.push_str("\n\n");
            }
            Block::Note(text) => {
                out.push_str(&format!("*{}*\n\n", escape_md(text).trim()));
            }
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", escape_md(&one_line(item))));
                }
                out.push('\n');
            }
            Block::KeyValues(pairs) => {
                for (key, value) in pairs {
                    out.push_str(&format!(
                        "- **{}** : {}\n",
                        escape_md(key),
                        escape_md(&one_line(value))
                    ));
                }
                out.push('\n');
            }
            Block::Table { columns, rows } => {
                let cell = |text: &str| escape_md(&one_line(text)).replace('|', "\\|");
                let header: Vec<String> = columns.iter().map(|c| cell(&c.title)).collect();
                out.push_str(&format!("| {} |\n", header.join(" | ")));
                out.push_str(&format!("|{}\n", " --- |".repeat(columns.len())));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                out.push('\n');
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => {
                out.push_str(&format!(
                    "> **{}**\n>\n> {}\n",
                    escape_md(title),
                    escape_md(body)
                ));
                if !footer.trim().is_empty() {
                    out.push_str(&format!(">\n> *{}*\n", escape_md(footer)));
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// The document as one HTML page in its language.
pub fn html(doc: &Dossier) -> String {
    let lang = match doc.meta.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;\
         line-height:1.5;color:#1a1a1a}}table{{border-collapse:collapse}}td,th{{border:1px solid \
         #888;padding:.3em .5em;vertical-align:top}}dt{{font-weight:bold}}.note{{color:#444;\
         font-size:.9em}}</style>\n</head>\n<body>\n",
        escape_html(&doc.meta.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                out.push_str(&format!("<h{level}>{}</h{level}>\n", escape_html(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", lines(text))),
            Block::Note(text) => {
                out.push_str(&format!("<p class=\"note\">{}</p>\n", lines(text)));
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", lines(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::KeyValues(pairs) => {
                out.push_str("<dl>\n");
                for (key, value) in pairs {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        escape_html(key),
                        lines(value)
                    ));
                }
                out.push_str("</dl>\n");
            }
            Block::Table { columns, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for column in columns {
                    out.push_str(&format!(
                        "<th scope=\"col\">{}</th>",
                        escape_html(&column.title)
                    ));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", lines(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => {
                out.push_str(&format!(
                    "<aside><p><strong>{}</strong></p><p>{}</p>",
                    escape_html(title),
                    lines(body)
                ));
                if !footer.trim().is_empty() {
                    out.push_str(&format!("<p class=\"note\">{}</p>", lines(footer)));
                }
                out.push_str("</aside>\n");
            }
            _ => {}
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The text on one line: line breaks and runs of spaces become one space (no-break spaces, which
/// French typography needs, stay).
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t', ' '])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `*` would start emphasis; an underscore inside a word (`rules_red_flags`) does not in
/// CommonMark, and stays as it is.
fn escape_md(text: &str) -> String {
    text.replace('*', "\\*")
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Escaped text whose line breaks become `<br>`.
fn lines(text: &str) -> String {
    escape_html(text).replace('\n', "<br>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::blocks::Column;

    fn doc(blocks: Vec<Block>) -> Dossier {
        Dossier {
            meta: crate::dossier::Meta {
                lang: Lang::Fr,
                title: "T <1>".to_owned(),
                organisation: String::new(),
                author: String::new(),
                subject: String::new(),
                keywords: Vec::new(),
                version: String::new(),
                date: crate::model::Date::from_ymd(2026, 12, 6).expect("date"),
                watermark: None,
                footer: String::new(),
                page_label: String::new(),
                branding: None,
            },
            blocks,
            source_attachment: None,
        }
    }

    #[test]
    fn headings_lists_and_tables_come_out_escaped() {
        let d = doc(vec![
            Block::Heading {
                level: 2,
                text: "R01 — Durée".to_owned(),
            },
            Block::Bullets(vec!["a <b> & c".to_owned()]),
            Block::Table {
                columns: vec![Column {
                    title: "x|y".to_owned(),
                    weight: 1.0,
                }],
                rows: vec![vec!["1".to_owned()]],
            },
        ]);
        let md = markdown(&d);
        assert!(md.contains("## R01 — Durée"));
        assert!(md.contains("| x\\|y |"));
        let html = html(&d);
        assert!(html.contains("<title>T &lt;1&gt;</title>"));
        assert!(html.contains("<li>a &lt;b&gt; &amp; c</li>"));
        assert!(!html.contains("<script"));
    }
}
