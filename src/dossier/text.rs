//! Any document of the dossier model as plain text, for copy-paste into a register, a website or
//! a letter: headings underlined, lists with dashes, label/value pairs on one line, tables as
//! one line per row. The same blocks the PDF draws, in the same order.

use super::blocks::{Block, Dossier};
use crate::model::Lang;

/// The document as plain text (UTF-8, `\n` line ends).
pub fn plain_text(dossier: &Dossier) -> String {
    let colon = match dossier.meta.lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    };
    let mut out = String::new();
    for block in &dossier.blocks {
        block_text(block, colon, &mut out);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn block_text(block: &Block, colon: &str, out: &mut String) {
    match block {
        Block::Cover(cover) => {
            push_paragraph(out, &cover.kicker);
            underline(out, &cover.title, '=');
            push_paragraph(out, &cover.organisation);
            for (label, value) in &cover.lines {
                out.push_str(&format!("{label}{colon}{value}\n"));
            }
            out.push('\n');
        }
        Block::Toc { .. } | Block::PageBreak => {}
        Block::Heading { level, text } => {
            let mark = match level {
                1 => '=',
                2 => '-',
                _ => '~',
            };
            underline(out, text, mark);
        }
        Block::Paragraph(text) | Block::Note(text) => push_paragraph(out, text),
        Block::Bullets(items) => {
            for item in items.iter().filter(|i| !i.trim().is_empty()) {
                out.push_str("- ");
                out.push_str(&item.replace('\n', "\n  "));
                out.push('\n');
            }
            out.push('\n');
        }
        Block::KeyValues(pairs) => {
            for (label, value) in pairs {
                out.push_str(label);
                out.push_str(colon);
                out.push_str(&value.replace('\n', "\n    "));
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Table { columns, rows } => {
            let header: Vec<&str> = columns.iter().map(|c| c.title.as_str()).collect();
            out.push_str(&header.join(" | "));
            out.push('\n');
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| c.replace('\n', " / ")).collect();
                out.push_str(&cells.join(" | "));
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Callout {
            title,
            body,
            footer,
            ..
        } => {
            let rule = "─".repeat(40);
            out.push_str(&rule);
            out.push('\n');
            out.push_str(title);
            out.push('\n');
            out.push_str(body);
            out.push('\n');
            if !footer.trim().is_empty() {
                out.push_str(footer);
                out.push('\n');
            }
            out.push_str(&rule);
            out.push_str("\n\n");
        }
        Block::Plan(figure) => {
            out.push_str(&figure.caption);
            out.push('\n');
            out.push_str(&figure.elsewhere);
            out.push_str("\n\n");
        }
        Block::RiskMap(map) => {
            for point in &map.points {
                let cell = |c: Option<(u8, u8)>| {
                    c.map_or_else(|| "—".to_owned(), |(s, l)| format!("{s}×{l}"))
                };
                out.push_str(&format!(
                    "- {}{colon}{} {} → {} {}\n",
                    point.label,
                    map.before_label,
                    cell(point.before),
                    map.after_label,
                    cell(point.after)
                ));
            }
            out.push('\n');
        }
        Block::Signatures(lines) => {
            for line in lines {
                out.push_str(&format!(
                    "{}\n{}\n\n______________________________\n\n",
                    line.who, line.date
                ));
            }
        }
    }
}

fn push_paragraph(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    out.push_str(text.trim());
    out.push_str("\n\n");
}

fn underline(out: &mut String, text: &str, mark: char) {
    out.push_str(text);
    out.push('\n');
    out.push_str(&mark.to_string().repeat(text.chars().count()));
    out.push_str("\n\n");
}
