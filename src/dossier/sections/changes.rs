//! The annex « Changes since version N »: when the content printed is a validated version, what
//! changed from the version before it; otherwise what changed since the last validated version.
//! Rebuilt from the file's own history; left out of the public version.

use super::chapter;
use crate::dossier::blocks::{Block, Column};
use crate::dossier::Ctx;
use crate::model::diff::{diff, enum_kind};
use crate::model::history::{apply, content_text, parse_content, sha256_hex};

/// The annex, or nothing when there is no earlier version to compare with.
pub fn changes(ctx: &Ctx) -> Vec<Block> {
    let versions = &ctx.a.history.versions;
    if ctx.is_public || versions.is_empty() {
        return Vec::new();
    }
    let Ok(current) = content_text(ctx.a) else {
        return Vec::new();
    };
    let last = &versions[versions.len() - 1];
    let Some(last_text) = apply(&current, &last.patch) else {
        return Vec::new();
    };
    // The content is the last version: compare with the one before it, if any.
    let (number, from_text) = if sha256_hex(&current) == last.sha256 {
        let Some(previous) = versions.len().checked_sub(2).map(|i| &versions[i]) else {
            return Vec::new();
        };
        match apply(&last_text, &previous.patch) {
            Some(text) => (previous.number.clone(), text),
            None => return Vec::new(),
        }
    } else {
        (last.number.clone(), last_text)
    };
    let Some(from) = parse_content(&from_text) else {
        return Vec::new();
    };
    let d = diff(&from, ctx.a);
    let mut out = vec![chapter(
        ctx.tw("dossier.annex.changes", &[("number", &number)]),
    )];
    if d.is_empty() {
        out.push(Block::Note(ctx.t("dossier.changes_none")));
        return out;
    }
    let value = |path: &str, v: &str| match (v, enum_kind(path)) {
        ("true", _) => ctx.t("ui.yes"),
        ("false", _) => ctx.t("ui.no"),
        (v, Some(kind)) if !v.is_empty() => ctx.t(&format!("enum.{kind}.{v}")),
        (v, _) => v.to_owned(),
    };
    // Who made each change, when the saves recorded it (this annex is never public).
    let authors = &ctx.a.history;
    let has_authors = d
        .changes
        .iter()
        .any(|c| authors.author_of(&c.path).is_some());
    let rows: Vec<Vec<String>> = d
        .changes
        .iter()
        .map(|c| {
            let field = ctx
                .kb
                .question_text(&c.path)
                .map_or_else(|| c.path.clone(), |q| ctx.b(q));
            let mut row = vec![field, value(&c.path, &c.old), value(&c.path, &c.new)];
            if has_authors {
                row.push(authors.author_of(&c.path).map_or_else(String::new, |a| {
                    let on = a.on.map(|d| ctx.date(Some(d))).unwrap_or_default();
                    format!("{}, {on}", a.by)
                }));
            }
            row
        })
        .collect();
    if !rows.is_empty() {
        let mut columns = vec![
            Column {
                title: ctx.t("dossier.col.field"),
                weight: 2.4,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.before"),
                weight: 2.6,
                lang: None,
            },
            Column {
                title: ctx.t("dossier.col.after"),
                weight: 2.6,
                lang: None,
            },
        ];
        if has_authors {
            columns.push(Column {
                title: ctx.t("dossier.col.changed_by"),
                weight: 1.6,
                lang: None,
            });
        }
        out.push(Block::Table { columns, rows });
    }
    for (key, ids) in [
        ("dossier.changes_cameras_added", &d.cameras_added),
        ("dossier.changes_cameras_removed", &d.cameras_removed),
    ] {
        if !ids.is_empty() {
            out.push(Block::Paragraph(ctx.tw(
                key,
                &[("count", &ids.len().to_string()), ("ids", &ids.join(", "))],
            )));
        }
    }
    if !d.cameras_changed.is_empty() {
        out.push(Block::Paragraph(ctx.tw(
            "dossier.changes_cameras_changed",
            &[("count", &d.cameras_changed.len().to_string())],
        )));
        out.push(Block::Bullets(
            d.cameras_changed
                .iter()
                .map(|c| {
                    ctx.tw(
                        "dossier.changes_camera_line",
                        &[("id", &c.camera_id), ("fields", &c.fields.join(", "))],
                    )
                })
                .collect(),
        ));
    }
    out
}
