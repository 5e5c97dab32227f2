//! Web addresses (`https://…`, `www.…`) and e-mail addresses in a document's text, and where
//! each leads: what the PDF makes links of (`pdf::layout::links`) and the web page `<a>`
//! elements (`dossier::web`).

use std::ops::Range;

/// Punctuation a sentence puts after an address, not part of it.
fn is_trailing(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '»' | '\'' | '"' | '’' | '\u{a0}'
    )
}

/// Where `word` leads, if it is an address: `https://…`, `http://…`, `www.…` (as `https://`),
/// or an e-mail address (as `mailto:`).
fn uri_of(word: &str) -> Option<String> {
    if word.starts_with("https://") || word.starts_with("http://") {
        return (word.len() > "https://".len()).then(|| word.to_owned());
    }
    if let Some(rest) = word.strip_prefix("www.") {
        return rest.contains('.').then(|| format!("https://{word}"));
    }
    let (user, domain) = word.split_once('@')?;
    let is_address = !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c));
    is_address.then(|| format!("mailto:{word}"))
}

/// What may open a parenthesis or a quotation before an address.
const OPENING: [char; 7] = ['(', '[', '«', '"', '\'', '‘', '“'];

/// The addresses in `text`: each one's byte range and where it leads.
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                let raw = &text[from..at];
                let trimmed = raw.trim_start_matches(OPENING);
                let begin = from + raw.len() - trimmed.len();
                let word = trimmed.trim_end_matches(is_trailing);
                if let Some(uri) = uri_of(word) {
                    found.push((begin..begin + word.len(), uri));
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_found_without_the_punctuation_around_them() {
        let text = "Écrire à dpo@saint-aubin.fr, ou voir (www.cnil.fr). 2 @ 3, « www » : non.";
        let found: Vec<(&str, String)> = find(text)
            .into_iter()
            .map(|(range, uri)| (&text[range], uri))
            .collect();
        assert_eq!(
            found,
            [
                ("dpo@saint-aubin.fr", "mailto:dpo@saint-aubin.fr".to_owned()),
                ("www.cnil.fr", "https://www.cnil.fr".to_owned()),
            ]
        );
    }
}
