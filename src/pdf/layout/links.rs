//! Web addresses and e-mail addresses in running text and table cells, found before the text
//! is wrapped and followed into its lines: a long address split over two lines is one address
//! on both. Each piece becomes, in the PDF, a `Link` structure element with the piece's text
//! and a link annotation over it (`Layout::links`).

use std::ops::Range;

use crate::dossier::addresses::find;

/// A link's piece on one line: the bytes of the line it covers and where it leads.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkPiece {
    /// The piece's bytes in the line.
    pub range: Range<usize>,
    /// Where it leads (`https://…`, `mailto:…`).
    pub uri: String,
    /// The address goes on at the start of the next line (a long one, split).
    pub continues: bool,
}

/// What wrapping drops between words: spaces and line breaks.
fn is_gap(c: char) -> bool {
    c == ' ' || c == '\n'
}

/// For each of `lines` (`text` wrapped: its words in order, the spaces and line breaks between
/// them dropped), the pieces of addresses it shows. Empty when `text` holds none.
pub fn in_lines(text: &str, lines: &[String]) -> Vec<Vec<LinkPiece>> {
    let mut pieces = vec![Vec::new(); lines.len()];
    // Nothing to look for: the common case, kept cheap.
    if !(text.contains("://") || text.contains("www.") || text.contains('@')) {
        return pieces;
    }
    let found = find(text);
    if found.is_empty() {
        return pieces;
    }
    // Each address as a range of the text's characters other than gaps: what the lines show.
    let mut dense = Vec::with_capacity(found.len());
    let mut count = 0;
    let mut next = found.iter().peekable();
    let mut begin = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if let Some((range, uri)) = next.peek() {
            if at == range.start {
                begin = Some(count);
            }
            if at == range.end {
                if let Some(from) = begin.take() {
                    dense.push((from..count, uri.clone()));
                }
                next.next();
            }
        }
        if !is_gap(c) && at < text.len() {
            count += 1;
        }
    }
    let mut shown = 0;
    for (line, line_pieces) in lines.iter().zip(&mut pieces) {
        // The piece being followed: its first byte, its address, the end of its last character.
        let mut open: Option<(usize, usize, usize)> = None;
        for (at, c) in line.char_indices() {
            if is_gap(c) {
                continue;
            }
            let link = dense.iter().position(|(range, _)| range.contains(&shown));
            shown += 1;
            match (&mut open, link) {
                (Some((_, current, end)), Some(link)) if *current == link => {
                    *end = at + c.len_utf8();
                    continue;
                }
                _ => {}
            }
            if let Some((from, current, end)) = open.take() {
                line_pieces.push(LinkPiece {
                    range: from..end,
                    uri: dense[current].1.clone(),
                    continues: false,
                });
            }
            open = link.map(|link| (at, link, at + c.len_utf8()));
        }
        if let Some((from, current, end)) = open {
            line_pieces.push(LinkPiece {
                range: from..end,
                uri: dense[current].1.clone(),
                continues: dense[current].0.contains(&shown),
            });
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(lines: &[String], pieces: &[Vec<LinkPiece>]) -> Vec<(usize, String, String)> {
        let mut out = Vec::new();
        for (n, (line, line_pieces)) in lines.iter().zip(pieces).enumerate() {
            for piece in line_pieces {
                out.push((n, line[piece.range.clone()].to_owned(), piece.uri.clone()));
            }
        }
        out
    }

    #[test]
    fn a_piece_says_whether_its_address_goes_on_at_the_next_line() {
        let text = "voir https://example.org/une/longue/adresse puis www.cnil.fr fin";
        let lines: Vec<String> = [
            "voir https://example.org/une",
            "/longue/adresse puis www.cnil.fr",
            "fin",
        ]
        .map(str::to_owned)
        .to_vec();
        let pieces = in_lines(text, &lines);
        let continues: Vec<Vec<bool>> = pieces
            .iter()
            .map(|line| line.iter().map(|p| p.continues).collect())
            .collect();
        assert_eq!(continues, [vec![true], vec![false, false], vec![]]);
    }

    #[test]
    fn an_address_split_over_lines_leads_to_the_whole_address_from_each_piece() {
        let text = "Source : https://www.cnil.fr/fr/videoprotection-quelles-sont-les-dispositions (consulté).";
        let lines: Vec<String> = [
            "Source :",
            "https://www.cnil.fr/fr/videoprotec",
            "tion-quelles-sont-les-dispositions",
            "(consulté).",
        ]
        .map(str::to_owned)
        .to_vec();
        let uri = "https://www.cnil.fr/fr/videoprotection-quelles-sont-les-dispositions";
        assert_eq!(
            shown(&lines, &in_lines(text, &lines)),
            [
                (
                    1,
                    "https://www.cnil.fr/fr/videoprotec".to_owned(),
                    uri.to_owned()
                ),
                (
                    2,
                    "tion-quelles-sont-les-dispositions".to_owned(),
                    uri.to_owned()
                ),
            ]
        );
    }

    #[test]
    fn e_mail_and_www_addresses_lead_where_a_reader_expects_and_punctuation_stays_out() {
        let text = "Écrire à dpo@saint-aubin.fr, ou voir www.cnil.fr.";
        let lines = vec![text.to_owned()];
        let found = shown(&lines, &in_lines(text, &lines));
        assert_eq!(
            found,
            [
                (
                    0,
                    "dpo@saint-aubin.fr".to_owned(),
                    "mailto:dpo@saint-aubin.fr".to_owned()
                ),
                (
                    0,
                    "www.cnil.fr".to_owned(),
                    "https://www.cnil.fr".to_owned()
                ),
            ]
        );
    }

    proptest::proptest! {
        /// Whatever the text and the width it is wrapped to, each address is shown by its
        /// pieces, in order, once, whole, each piece on a character boundary of its line.
        #[test]
        fn every_address_is_shown_whole_by_its_pieces(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("https://www.cnil.fr/fr/une-très-longue-adresse".to_owned()),
                    proptest::strategy::Just("(dpo@mairie-exemple.fr).".to_owned()),
                    proptest::strategy::Just("www.légifrance.gouv.fr,".to_owned()),
                    "[a-zéœ«»@.:/ ]{1,12}",
                ],
                0..12,
            ),
            width in 3.0f32..60.0,
        ) {
            let text = words.join(" ");
            let chars = |t: &str| t.chars().count() as f32;
            let lines = crate::pdf::wrap::wrap(&text, width, &chars);
            let pieces = in_lines(&text, &lines);
            let mut shown: Vec<(String, String)> = Vec::new();
            let mut continues = false;
            for (line, line_pieces) in lines.iter().zip(&pieces) {
                for piece in line_pieces {
                    let words = line.get(piece.range.clone()).expect("a char boundary");
                    match shown.last_mut() {
                        Some((uri, so_far)) if continues && *uri == piece.uri => {
                            so_far.push_str(words)
                        }
                        _ => shown.push((piece.uri.clone(), words.to_owned())),
                    }
                    continues = piece.continues;
                }
            }
            let expected: Vec<(String, String)> = crate::dossier::addresses::find(&text)
                .into_iter()
                .map(|(range, uri)| (uri, text[range].to_owned()))
                .collect();
            proptest::prop_assert_eq!(shown, expected);
        }
    }

    #[test]
    fn text_without_an_address_has_no_link() {
        let text = "Article 9 : 2 @ 3 n'est pas une adresse ; « www » non plus.";
        let lines = vec![text.to_owned()];
        assert!(in_lines(text, &lines).iter().all(Vec::is_empty));
    }
}
