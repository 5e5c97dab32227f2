//! A document model as Markdown: headings, paragraphs, notes, lists, label/value pairs and
//! tables — what the rule book is read in outside the app (its web page is `web::page`).

use super::blocks::{Block, Dossier};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::blocks::Column;
    use crate::model::Lang;

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
                    lang: None,
                }],
                rows: vec![vec!["1".to_owned()]],
            },
        ]);
        let md = markdown(&d);
        assert!(md.contains("## R01 — Durée"));
        assert!(md.contains("| x\\|y |"));
        let html = crate::dossier::web::page(&d);
        assert!(html.contains("<title>T &lt;1&gt;</title>"));
        assert!(html.contains("<li>a &lt;b&gt; &amp; c</li>"));
        assert!(html.contains("<th scope=\"col\">x|y</th>"));
        assert!(!html.contains("<script"));
    }
}
