//! Points of law the app could not read in their source, gathered out of the text a mayor signs.
//!
//! Knowledge texts and findings say « (… à vérifier) » where a proposition rests on a secondary
//! source or on nothing read. In the body of the dossier each such parenthesis (or sentence) is
//! replaced by a short pointer — « source secondaire, voir l'annexe » — and the point itself goes,
//! with where it was and what was read for it, into one annex « Points de droit non vérifiés ».
//! The public version keeps neither the points nor the pointers: a public document never prints
//! « à vérifier ».

use super::blocks::{Block, Column};
use super::ctx::Ctx;

/// One point taken out of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// The heading the text stood under.
    pub place: String,
    /// What remains to verify, as the text said it.
    pub what: String,
    /// What was read for it (the finding's sources), or empty.
    pub read: String,
}

/// The words that mark an unverified point, in both languages.
const MARKERS: [&str; 5] = [
    "à vérifier",
    "À vérifier",
    "to verify",
    "To verify",
    "to be verified",
];

fn is_marked(text: &str) -> bool {
    MARKERS.iter().any(|m| text.contains(m))
}

/// `text` with every marked parenthesis and every marked sentence outside parentheses replaced
/// by `pointer` (nothing when empty); the removed pieces are returned.
pub fn take_points(text: &str, pointer: &str) -> (String, Vec<String>) {
    if !is_marked(text) {
        return (text.to_owned(), Vec::new());
    }
    let mut taken = Vec::new();
    // Parentheses first (innermost content with the marker: the whole outer parenthesis goes).
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = matching_close(&rest[open..]) else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        if is_marked(inside) {
            // The point with its sentence, so the annex reads on its own.
            let sentence_start = out.rfind(". ").map_or(0, |at| at + 2).min(out.len());
            let context = out[sentence_start..].trim();
            taken.push(if context.is_empty() {
                inside.trim().to_owned()
            } else {
                format!("{context} ({})", inside.trim())
            });
            if pointer.is_empty() {
                // Drop the space before the parenthesis too.
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
            } else {
                out.push('(');
                out.push_str(pointer);
                out.push(')');
            }
        } else {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // Then whole sentences that still carry a marker.
    if is_marked(&out) {
        let mut kept: Vec<String> = Vec::new();
        for sentence in sentences(&out) {
            if is_marked(sentence) {
                taken.push(sentence.trim().to_owned());
                if pointer.is_empty() {
                    continue;
                }
                // The pointer joins the sentence before: « …impossible (voir l'annexe F). »
                match kept.last_mut() {
                    Some(last) if last.ends_with('.') => {
                        last.pop();
                        last.push_str(&format!(" ({pointer})."));
                    }
                    _ => kept.push(format!("({pointer}).")),
                }
            } else {
                kept.push(sentence.trim().to_owned());
            }
        }
        out = kept.join(" ");
    }
    (out, taken)
}

/// The byte offset of the `)` closing the `(` at the start of `text`.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// Sentences ending with `.`, `!` or `?` followed by a space (the last one whatever its end).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for window in bytes.windows(2) {
        let [(at, c), (_, next)] = window else {
            continue;
        };
        if matches!(c, '.' | '!' | '?') && *next == ' ' {
            out.push(&text[start..=*at]);
            start = at + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// Takes the unverified points out of `blocks` (the body, not the references annex); returns
/// them with where they stood. In the public version they are dropped without a pointer.
pub fn gather(blocks: &mut [Block], ctx: &Ctx) -> Vec<Point> {
    let pointer = if ctx.is_public {
        String::new()
    } else {
        ctx.t("dossier.unverified.pointer")
    };
    let mut points = Vec::new();
    let mut place = String::new();
    let take = |text: &mut String, place: &str, read: &str, points: &mut Vec<Point>| {
        let (new, taken) = take_points(text, &pointer);
        if taken.is_empty() {
            return;
        }
        *text = new;
        points.extend(taken.into_iter().map(|what| Point {
            place: place.to_owned(),
            what,
            read: read.to_owned(),
        }));
    };
    for block in blocks.iter_mut() {
        match block {
            Block::Heading { text, .. } => place = text.clone(),
            Block::Paragraph(text) | Block::Note(text) => take(text, &place, "", &mut points),
            Block::Bullets(items) => {
                for item in items {
                    take(item, &place, "", &mut points);
                }
            }
            Block::KeyValues(pairs) => {
                for (key, value) in pairs {
                    let at = format!("{place} — {key}");
                    take(value, &at, "", &mut points);
                }
            }
            Block::Table { rows, .. } => {
                for row in rows {
                    let at = row.first().map_or_else(
                        || place.clone(),
                        |first| format!("{place} — {}", first.chars().take(60).collect::<String>()),
                    );
                    for cell in row.iter_mut().skip(1) {
                        take(cell, &at, "", &mut points);
                    }
                }
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => {
                let at = title.clone();
                let read = footer.clone();
                take(body, &at, &read, &mut points);
            }
            _ => {}
        }
    }
    points
}

/// Takes the app's internal ids out of a public document's text: a capability's « K03 — » before
/// its name, and a finding's rule id before its title (« ÉLEVÉ · R12 — Statistiques… » becomes
/// « ÉLEVÉ · Statistiques… »). Citizens read names, not the engine's references.
/// Evidence documents are named by their title alone: `paths` maps each document's path on the
/// author's disk (which a finding such as « document missing » may quote) to its title. The
/// team's own ids of risks and measures, which findings quote (« la gravité reste maximale pour
/// RISK-MISUSE »), become what `ids` maps them to (« Risque 1 »), whole words only.
pub fn scrub_ids(blocks: &mut [Block], paths: &[(String, String)], ids: &[(String, String)]) {
    // Longest first, so that « M-10 » is not read as « M-1 » followed by « 0 ».
    let mut ids: Vec<&(String, String)> =
        ids.iter().filter(|(id, _)| !id.trim().is_empty()).collect();
    ids.sort_by_key(|(id, _)| std::cmp::Reverse(id.len()));
    let clean = |text: &str| {
        let mut text = without_capability_ids(text);
        for (path, title) in paths.iter().filter(|(path, _)| !path.trim().is_empty()) {
            if text.contains(path.as_str()) {
                text = text.replace(path.as_str(), title);
            }
        }
        for (id, name) in &ids {
            if text.contains(id.as_str()) {
                text = replace_word(&text, id, name);
            }
        }
        text
    };
    super::blocks::map_texts(blocks, clean);
    for block in blocks.iter_mut() {
        if let Block::Callout { title, .. } = block {
            *title = without_rule_id(title);
        }
    }
}

/// `text` with every whole-word `word` replaced by `by`: not inside a longer id (a letter, a
/// digit, « - » or « _ » on either side).
fn replace_word(text: &str, word: &str, by: &str) -> String {
    let is_id_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        // The character before: in what is left, or else the last one written.
        let before = rest[..at]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back());
        let after = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(is_id_char) || after.is_some_and(is_id_char) {
            out.push_str(word);
        } else {
            // « la mesure M-9 » reads « la Mesure 9 », not « la mesure Mesure 9 ».
            let lead = format!(
                "{} ",
                by.split(' ').next().unwrap_or_default().to_lowercase()
            );
            let cut = out.len().saturating_sub(lead.len());
            if lead.len() > 1 && out.is_char_boundary(cut) && out[cut..].to_lowercase() == lead {
                out.truncate(cut);
            }
            out.push_str(by);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` without « Kdd — » prefixes (a capability id before its name).
fn without_capability_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('K') {
        let after = &rest[at + 1..];
        let is_id = after.len() >= 2
            && after.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && after[2..].starts_with(" — ")
            && rest[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        if is_id {
            out.push_str(&rest[..at]);
            rest = &after[2 + " — ".len()..];
        } else {
            out.push_str(&rest[..=at]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A finding title « SEVERITY · ID — Title » as « SEVERITY · Title ».
fn without_rule_id(title: &str) -> String {
    let Some((severity, rest)) = title.split_once(" · ") else {
        return title.to_owned();
    };
    match rest.split_once(" — ") {
        Some((id, name))
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-') =>
        {
            format!("{severity} · {name}")
        }
        _ => title.to_owned(),
    }
}

/// The annex listing the points, or nothing when there are none (or in the public version).
pub fn annex(points: &[Point], ctx: &Ctx) -> Vec<Block> {
    if points.is_empty() || ctx.is_public {
        return Vec::new();
    }
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    vec![
        Block::Heading {
            level: 1,
            text: ctx.t("dossier.unverified.title"),
        },
        Block::Paragraph(ctx.t("dossier.unverified.intro")),
        Block::Table {
            columns: vec![
                Column {
                    title: ctx.t("dossier.unverified.col_place"),
                    weight: 2.5,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.unverified.col_what"),
                    weight: 4.0,
                    lang: None,
                },
                Column {
                    title: ctx.t("dossier.unverified.col_read"),
                    weight: 2.5,
                    lang: None,
                },
            ],
            rows: points
                .iter()
                .map(|p| vec![dash(&p.place), dash(&p.what), dash(&p.read)])
                .collect(),
        },
    ]
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_id_is_replaced_as_a_whole_word_only() {
        assert_eq!(
            replace_word("pour : M-1, M-10 et XM-1.", "M-1", "Mesure 1"),
            "pour : Mesure 1, M-10 et XM-1."
        );
        assert_eq!(replace_word("M-1", "M-1", "Mesure 1"), "Mesure 1");
        assert_eq!(
            replace_word("avant la mise en service (mesure M-1).", "M-1", "Mesure 1"),
            "avant la mise en service (Mesure 1)."
        );
        assert_eq!(
            replace_word("(M-1)(M-1)", "M-1", "Mesure 1"),
            "(Mesure 1)(Mesure 1)"
        );
    }

    use super::*;

    #[test]
    fn a_marked_parenthesis_or_sentence_becomes_a_pointer_and_is_kept_aside() {
        let (text, taken) = take_points(
            "Le règlement le demande (art. 4, applicable depuis 2025, à vérifier). Suite.",
            "voir annexe",
        );
        assert_eq!(text, "Le règlement le demande (voir annexe). Suite.");
        assert_eq!(
            taken,
            ["Le règlement le demande (art. 4, applicable depuis 2025, à vérifier)"]
        );
        let (text, _) = take_points("Statut non vérifié. À vérifier avant tout.", "voir F");
        assert_eq!(text, "Statut non vérifié (voir F).");
        let (text, taken) = take_points(
            "Statut non vérifié. À vérifier avant toute conclusion ; dans l’attente, non autorisé.",
            "",
        );
        assert_eq!(text, "Statut non vérifié.");
        assert_eq!(taken.len(), 1);
        let (text, taken) = take_points("Rien (à signaler).", "x");
        assert_eq!((text.as_str(), taken.len()), ("Rien (à signaler).", 0));
        assert_eq!(
            without_capability_ids("- K03 — Recherche par attributs, OK3 — x"),
            "- Recherche par attributs, OK3 — x"
        );
        assert_eq!(
            without_rule_id("ÉLEVÉ · R18-ART90 — Consultation préalable"),
            "ÉLEVÉ · Consultation préalable"
        );
        assert_eq!(
            without_rule_id("Avis · Le DPD — favorable"),
            "Avis · Le DPD — favorable"
        );
        // Unbalanced parentheses never panic.
        let (_, taken) = take_points("(à vérifier", "x");
        assert_eq!(taken.len(), 1);
    }
}
