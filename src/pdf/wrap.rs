//! Greedy line breaking for the dossier. Lines break at ordinary spaces and explicit newlines
//! only, so French no-break spaces (U+00A0 before « : ; ! ? » and inside « », U+202F) keep their
//! neighbours together. A word wider than the line (a SHA-256, a URL) is split between
//! characters rather than allowed to overflow.

/// Breaks `text` into lines no wider than `max_width`, measured by `width`. Widths must add
/// up (the width of `a b` is that of `a`, plus a space, plus `b`, as with glyph advances): each
/// word is measured once and a line's width is kept as it grows.
pub fn wrap(text: &str, max_width: f32, width: &dyn Fn(&str) -> f32) -> Vec<String> {
    let space = width(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = width(word);
            if line.is_empty() && word_width <= max_width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            if !line.is_empty() && line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= max_width {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = split_long_word(word, max_width, width);
                line = pieces.pop().unwrap_or_default();
                line_width = width(&line);
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

/// Splits a word that cannot fit on one line into pieces that each fit.
fn split_long_word(word: &str, max_width: f32, width: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if width(&piece) > max_width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    pieces.push(piece);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one unit wide.
    fn chars(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn breaks_at_spaces_and_keeps_every_word() {
        let lines = wrap("un deux trois quatre", 10.0, &chars);
        assert_eq!(lines, ["un deux", "trois", "quatre"]);
    }

    #[test]
    fn never_breaks_at_a_no_break_space() {
        let text = "le verdict\u{a0}: «\u{a0}requise\u{a0}» !";
        let lines = wrap(text, 12.0, &chars);
        assert!(
            lines.iter().any(|l| l.contains("verdict\u{a0}:")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.contains("«\u{a0}requise\u{a0}»")),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn fills_each_line_as_far_as_the_width_allows_with_uneven_characters() {
        // « m » is three units wide, everything else one: lines are full, never over.
        let uneven = |text: &str| text.chars().map(|c| if c == 'm' { 3.0 } else { 1.0 }).sum();
        let text = "mm a mmm b cc mm d e mmmm f";
        let lines = wrap(text, 9.0, &uneven);
        assert_eq!(lines, ["mm a", "mmm", "b cc", "mm d", "e", "mmm", "m f"]);
        for (line, next) in lines.iter().zip(lines.iter().skip(1)) {
            assert!(uneven(line) <= 9.0, "{line}");
            let first = next.split(' ').next().unwrap_or_default();
            assert!(uneven(&format!("{line} {first}")) > 9.0, "{line} | {next}");
        }
    }

    #[test]
    fn keeps_explicit_newlines_and_empty_lines() {
        assert_eq!(wrap("a\n\nb", 10.0, &chars), ["a", "", "b"]);
    }

    #[test]
    fn splits_a_word_longer_than_the_line_without_losing_characters() {
        let hash = "d066d1a54272e19b076c55edaa596f9b";
        let lines = wrap(hash, 10.0, &chars);
        assert!(lines.iter().all(|l| chars(l) <= 10.0), "{lines:?}");
        assert_eq!(lines.concat(), hash);
    }
}
