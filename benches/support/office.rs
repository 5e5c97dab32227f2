//! The yardstick the dossier issue set: a word processor turning an equivalent document into a
//! PDF. The dossier's blocks are written as HTML (headings, paragraphs, lists, real tables),
//! LibreOffice Writer imports that once into a DOCX — the document a user would otherwise keep —
//! and the measure is LibreOffice converting that DOCX to PDF, process start included, as
//! `gardefou export` is measured. Needs `soffice` on the PATH; the row is skipped without it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use gardefou::dossier::{Block, Dossier};

/// What LibreOffice produced, and how long it took.
pub struct Conversion {
    /// Median of the DOCX → PDF runs.
    pub median: Duration,
    /// Pages of the PDF LibreOffice wrote.
    pub pages: usize,
    /// `soffice --version`, first line.
    pub version: String,
}

/// `soffice --version`, or `None` when LibreOffice is not installed.
pub fn version() -> Option<String> {
    let out = Command::new("soffice").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    out.status.success().then(|| {
        text.lines()
            .next()
            .unwrap_or("LibreOffice")
            .trim()
            .to_owned()
    })
}

/// Converts `dossier` (as a DOCX made once from its HTML) to PDF `runs` times in `dir`.
pub fn convert(dossier: &Dossier, dir: &Path, runs: usize) -> Result<Conversion, String> {
    let version = version().ok_or("soffice is not on the PATH")?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    // A profile of its own, created by the first (untimed) conversion.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let html = dir.join("dossier.html");
    std::fs::write(&html, to_html(dossier)).map_err(|e| e.to_string())?;
    soffice(
        &profile,
        &[
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "docx:MS Word 2007 XML",
        ],
        &html,
        dir,
    )?;
    let docx = dir.join("dossier.docx");
    let out_dir = dir.join("pdf");
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        soffice(&profile, &["--convert-to", "pdf"], &docx, &out_dir)?;
        times.push(start.elapsed());
    }
    times.sort();
    let pdf = std::fs::read(out_dir.join("dossier.pdf")).map_err(|e| e.to_string())?;
    Ok(Conversion {
        median: times.get(times.len() / 2).copied().unwrap_or_default(),
        pages: gardefou::pdf::reopen::page_count(&pdf).unwrap_or(0),
        version,
    })
}

fn soffice(profile: &str, args: &[&str], input: &Path, out_dir: &Path) -> Result<PathBuf, String> {
    let out = Command::new("soffice")
        .arg(profile)
        .arg("--headless")
        .args(args)
        .arg("--outdir")
        .arg(out_dir)
        .arg(input)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(out_dir.to_path_buf())
    } else {
        Err(format!(
            "soffice failed on {}: {}",
            input.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// `bytes` in base64 (RFC 4648, with padding).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// The dossier as plain HTML, block by block, with the same text as the PDF.
fn to_html(dossier: &Dossier) -> String {
    let mut out = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font-family:'Noto Sans',sans-serif;font-size:9.5pt}}\
         table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #ccc;padding:3pt;\
         font-size:8.5pt;vertical-align:top}}th{{background:#e6edf5}}</style></head><body>",
        escape(&dossier.meta.title)
    );
    let page_break = "<p style=\"page-break-before:always\"></p>";
    for block in &dossier.blocks {
        match block {
            Block::Cover(cover) => {
                out.push_str(&format!(
                    "<p>{}</p><h1>{}</h1><p>{}</p>",
                    escape(&cover.kicker),
                    escape(&cover.title),
                    escape(&cover.organisation)
                ));
                key_values(&mut out, &cover.lines);
                out.push_str(&format!(
                    "<p><i>{}</i></p>{page_break}",
                    escape(&cover.marking)
                ));
            }
            Block::Toc { title } => out.push_str(&format!("<h1>{}</h1>", escape(title))),
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3);
                let brk = if level == 1 { page_break } else { "" };
                out.push_str(&format!("{brk}<h{level}>{}</h{level}>", escape(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>", escape(text))),
            Block::Note(text) => {
                out.push_str(&format!("<p><small><i>{}</i></small></p>", escape(text)));
            }
            Block::Bullets(items) => {
                out.push_str("<ul>");
                for item in items {
                    out.push_str(&format!("<li>{}</li>", escape(item)));
                }
                out.push_str("</ul>");
            }
            Block::KeyValues(pairs) => key_values(&mut out, pairs),
            Block::Table { columns, rows } => {
                out.push_str("<table><thead><tr>");
                for column in columns {
                    out.push_str(&format!("<th>{}</th>", escape(&column.title)));
                }
                out.push_str("</tr></thead><tbody>");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", escape(cell)));
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table>");
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => out.push_str(&format!(
                "<table><tr><td style=\"background:#eef2f8\"><b>{}</b><br>{}<br>\
                 <small><i>{}</i></small></td></tr></table>",
                escape(title),
                escape(body),
                escape(footer)
            )),
            Block::Plan(figure) => {
                // The plan's picture inside the document (a data URL: Writer embeds it in the
                // DOCX), as a user's word-processed dossier would carry it.
                if let gardefou::dossier::FigureBackground::Picture(picture) = &figure.background {
                    out.push_str(&format!(
                        "<p><img src=\"data:{};base64,{}\" width=\"640\"></p>",
                        picture.media_type(),
                        base64(&picture.file)
                    ));
                }
                out.push_str(&format!("<p><i>{}</i></p>", escape(&figure.caption)));
            }
            Block::RiskMap(map) => {
                out.push_str("<table>");
                for (n, point) in map.points.iter().enumerate() {
                    out.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td>{:?}</td><td>{:?}</td></tr>",
                        n + 1,
                        escape(&point.label),
                        point.before,
                        point.after
                    ));
                }
                out.push_str("</table>");
            }
            Block::Signatures(lines) => {
                for line in lines {
                    out.push_str(&format!(
                        "<p><b>{}</b><br>{}<br><br><br><br></p>",
                        escape(&line.who),
                        escape(&line.date)
                    ));
                }
            }
            Block::PageBreak => out.push_str(page_break),
        }
    }
    out.push_str("</body></html>");
    out
}

fn key_values(out: &mut String, pairs: &[(String, String)]) {
    out.push_str("<table>");
    for (key, value) in pairs {
        out.push_str(&format!(
            "<tr><td width=\"36%\"><b>{}</b></td><td>{}</td></tr>",
            escape(key),
            escape(value)
        ));
    }
    out.push_str("</table>");
}
