//! The CNIL PIA tool stores answers as HTML from a rich-text editor. This turns it into plain text
//! (paragraphs and bullet lists kept, entities decoded) and plain text back into simple HTML.

/// Plain text from the tool's HTML: `<p>` and `<br>` become line breaks, `<li>` a bullet,
/// other tags are dropped, entities decoded.
pub fn to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode(&rest[..start]));
        let Some(end) = rest[start..].find('>') else {
            out.push_str(&decode(&rest[start..]));
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        match (name, tag.starts_with('/')) {
            ("br", _) => out.push('\n'),
            ("p" | "div" | "h1" | "h2" | "h3" | "h4", true) => out.push_str("\n\n"),
            ("li", false) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("• ");
            }
            ("li", true) => out.push('\n'),
            ("ul" | "ol", true) => out.push('\n'),
            _ => {}
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(&decode(rest));
    tidy(&out)
}

/// Collapses runs of blank lines and trims each line's end and the whole text.
fn tidy(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() && lines.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        lines.push(line.trim_start_matches(' '));
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Decodes HTML entities (named ones the editor writes, and numeric ones).
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // An entity is at most ten characters: look no further (a run of « & » without « ; »
        // would otherwise scan to the end of the text for each one — minutes on a 2 MB file).
        let Some(semi) = after.bytes().take(11).position(|b| b == b';') else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..semi];
        let decoded = if let Some(number) = entity
            .strip_prefix("#x")
            .or_else(|| entity.strip_prefix("#X"))
        {
            u32::from_str_radix(number, 16)
                .ok()
                .and_then(char::from_u32)
        } else if let Some(number) = entity.strip_prefix('#') {
            number.parse().ok().and_then(char::from_u32)
        } else {
            named(entity)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(entity: &str) -> Option<char> {
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "agrave" => 'à',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "Eacute" => 'É',
        "Egrave" => 'È',
        "Agrave" => 'À',
        "Ccedil" => 'Ç',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "deg" => '°',
        _ => return None,
    })
}

/// Simple HTML from plain text: paragraphs, and bullet lines as a list.
pub fn from_text(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = paragraph.lines().collect();
        if lines.iter().all(|l| l.trim_start().starts_with("• ")) {
            out.push_str("<ul>");
            for line in lines {
                out.push_str(&format!(
                    "<li>{}</li>",
                    escape(line.trim_start().trim_start_matches("• "))
                ));
            }
            out.push_str("</ul>");
        } else {
            out.push_str(&format!(
                "<p>{}</p>",
                lines
                    .iter()
                    .map(|l| escape(l))
                    .collect::<Vec<_>>()
                    .join("<br />")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_of_ampersands_decodes_in_linear_time() {
        // 2 MB of « & » and text without any « ; »: was quadratic (105 s), now instant.
        let text = "&a".repeat(1 << 20);
        let decoded = decode(&text);
        assert_eq!(decoded.len(), text.len());
        assert_eq!(
            decode("a &amp; b &#233; &#xE9; &bogus; &"),
            "a & b é é &bogus; &"
        );
    }

    #[test]
    fn keeps_paragraphs_and_bullets_and_decodes_entities() {
        let html = "<p>Les images sont conserv&eacute;es 21&nbsp;jours&nbsp;: <strong>pas plus</strong>.</p><ul><li>CSU</li><li>Mairie &amp; police</li></ul><p>Fin&#8230;</p>";
        assert_eq!(to_text(html), "Les images sont conservées 21\u{a0}jours\u{a0}: pas plus.\n\n• CSU\n• Mairie & police\n\nFin…");
    }

    #[test]
    fn text_to_html_and_back_is_stable() {
        let text =
            "Premier paragraphe\nsur deux lignes.\n\n• un\n• deux\n\nFin <sans> balise & co.";
        assert_eq!(to_text(&from_text(text)), text);
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for html in [
            "<p",
            "&",
            "&#99999999999;",
            "<li>",
            "a < b > c",
            "&eacute",
            "<<>>",
        ] {
            let _ = to_text(html);
        }
    }
}
