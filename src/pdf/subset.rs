//! Font subsetting that keeps glyph ids: the embedded TrueType face keeps the outlines of the
//! glyphs the document shows (and the parts of composite glyphs they are built from); every
//! other glyph becomes empty. Glyph ids do not change, so the content streams, the `/W`
//! widths and the `/ToUnicode` map the PDF library wrote for the whole face stay valid, and
//! text extracts as before.
//!
//! A Noto Sans face is about 200 KB, two thirds of it outlines; a dossier uses a hundred-odd of
//! its 2,400 glyphs. The OpenType layout tables (`GPOS`, `GSUB`, `GDEF`: kerning, ligatures)
//! are dropped too — PDF viewers place glyphs where the content stream says and never read
//! them. A subset face is about a tenth of the whole, which makes the PDF smaller and saves
//! compressing some 600 KB of font data per export.
//!
//! Limitations: TrueType outlines (`glyf`) only — a CFF face, or a font too damaged to read,
//! gets `None` and is embedded whole.

/// Tables PDF viewers never read: OpenType layout (positioning, substitution, glyph classes)
/// and the digital signature, which a subset would invalidate anyway.
const DROPPED_TABLES: [&[u8; 4]; 4] = [b"GPOS", b"GSUB", b"GDEF", b"DSIG"];

/// The value the checksum of a whole font must come to (OpenType `head` table).
const FONT_CHECKSUM: u32 = 0xB1B0_AFBA;

/// Composite glyph flags (OpenType `glyf` table).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([bytes[0], bytes[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// One entry of the font's table directory.
struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

/// The tables of a font, in directory order.
fn tables(font: &[u8]) -> Option<Vec<Table<'_>>> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|n| {
            let record = 12 + 16 * n;
            let tag = font.get(record..record + 4)?.try_into().ok()?;
            let offset = usize::try_from(u32_at(font, record + 8)?).ok()?;
            let length = usize::try_from(u32_at(font, record + 12)?).ok()?;
            let data = font.get(offset..offset.checked_add(length)?)?;
            Some(Table { tag, data })
        })
        .collect()
}

fn find<'a>(tables: &[Table<'a>], tag: &[u8; 4]) -> Option<&'a [u8]> {
    tables.iter().find(|t| &t.tag == tag).map(|t| t.data)
}

/// Where each glyph's outline lies in `glyf`: `numGlyphs + 1` offsets, read from `loca`.
fn glyph_offsets(head: &[u8], maxp: &[u8], loca: &[u8], glyf_len: usize) -> Option<Vec<usize>> {
    let glyph_count = usize::from(u16_at(maxp, 4)?);
    let is_long = u16_at(head, 50)? == 1;
    let offsets = (0..=glyph_count)
        .map(|g| {
            if is_long {
                usize::try_from(u32_at(loca, 4 * g)?).ok()
            } else {
                Some(usize::from(u16_at(loca, 2 * g)?) * 2)
            }
        })
        .collect::<Option<Vec<usize>>>()?;
    let is_sound = offsets.windows(2).all(|w| w[0] <= w[1])
        && offsets.last().is_some_and(|&end| end <= glyf_len);
    is_sound.then_some(offsets)
}

/// The glyphs a composite glyph is built from (none for a simple or an empty glyph).
fn components(outline: &[u8]) -> Option<Vec<u16>> {
    if outline.is_empty() {
        return Some(Vec::new()); // A glyph with no outline, like the space.
    }
    let contours = i16::from_be_bytes(outline.get(0..2)?.try_into().ok()?);
    if contours >= 0 {
        return Some(Vec::new());
    }
    let mut parts = Vec::new();
    let mut at = 10; // After numberOfContours and the bounding box.
    loop {
        let flags = u16_at(outline, at)?;
        parts.push(u16_at(outline, at + 2)?);
        at += 4;
        at += if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        if flags & WE_HAVE_A_SCALE != 0 {
            at += 2;
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            at += 4;
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            at += 8;
        }
        if flags & MORE_COMPONENTS == 0 {
            return Some(parts);
        }
    }
}

/// The checksum of a table (or a whole font): the sum of its big-endian 32-bit words, the
/// last one padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0_u32, |sum, chunk| {
        let mut word = [0_u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// `font` with only the outlines of the glyphs in `used` (in any order, repeats allowed), plus
/// `.notdef` and the components of composite glyphs; `None` when `font` is not a TrueType font
/// this can read.
pub fn subset(font: &[u8], used: &[u16]) -> Option<Vec<u8>> {
    let tables = tables(font)?;
    let head = find(&tables, b"head")?;
    let glyf = find(&tables, b"glyf")?;
    let offsets = glyph_offsets(
        head,
        find(&tables, b"maxp")?,
        find(&tables, b"loca")?,
        glyf.len(),
    )?;
    let glyph_count = offsets.len() - 1;
    let outline = |g: usize| glyf.get(offsets[g]..offsets[g + 1]);

    // The glyphs to keep: the used ones, .notdef, and recursively the parts of composites.
    let mut keep = vec![false; glyph_count];
    let mut pending: Vec<u16> = used.iter().copied().chain([0]).collect();
    while let Some(glyph) = pending.pop() {
        let g = usize::from(glyph);
        if g >= glyph_count || keep[g] {
            continue;
        }
        keep[g] = true;
        pending.extend(components(outline(g)?)?);
    }

    // The new glyf (each kept outline copied and padded to 4 bytes) and a long-format loca.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (glyph_count + 1));
    for (g, &is_kept) in keep.iter().enumerate() {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        if is_kept {
            new_glyf.extend_from_slice(outline(g)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    let mut new_head = head.to_vec();
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&1_u16.to_be_bytes()); // indexToLocFormat: long
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]); // checkSumAdjustment, set last

    let mut kept: Vec<([u8; 4], &[u8])> = tables
        .iter()
        .filter(|t| !DROPPED_TABLES.contains(&&t.tag))
        .map(|t| match &t.tag {
            b"glyf" => (t.tag, new_glyf.as_slice()),
            b"loca" => (t.tag, new_loca.as_slice()),
            b"head" => (t.tag, new_head.as_slice()),
            _ => (t.tag, t.data),
        })
        .collect();
    kept.sort_by_key(|(tag, _)| *tag);
    Some(write_font(font.get(0..4)?, &kept))
}

/// A font file: the offset table, the table directory, then each table padded to 4 bytes; the
/// `head` table's `checkSumAdjustment` set so the whole font sums to `FONT_CHECKSUM`.
fn write_font(version: &[u8], tables: &[([u8; 4], &[u8])]) -> Vec<u8> {
    // Table counts are tiny (a font has a few dozen tables at most).
    let count = tables.len() as u16;
    let selector = count.max(1).ilog2() as u16;
    let search_range = (1_u16 << selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(version);
    for field in [count, search_range, selector, count * 16 - search_range] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = FONT_CHECKSUM.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::fonts::{Face, Fonts};

    /// The outline bytes of every glyph of a font.
    fn outlines(font: &[u8]) -> Vec<Vec<u8>> {
        let tables = tables(font).expect("tables");
        let glyf = find(&tables, b"glyf").expect("glyf");
        let offsets = glyph_offsets(
            find(&tables, b"head").expect("head"),
            find(&tables, b"maxp").expect("maxp"),
            find(&tables, b"loca").expect("loca"),
            glyf.len(),
        )
        .expect("loca");
        offsets
            .windows(2)
            .map(|w| glyf[w[0]..w[1]].to_vec())
            .collect()
    }

    fn glyphs_of(text: &str, face: Face) -> Vec<u16> {
        let metrics = Fonts::get().expect("fonts").metrics();
        text.chars().map(|c| metrics.glyph(face, c)).collect()
    }

    /// Strips the padding a subset adds after each outline.
    fn trimmed(outline: &[u8], len: usize) -> &[u8] {
        &outline[..len.min(outline.len())]
    }

    #[test]
    fn used_glyphs_keep_their_outlines_and_ids_the_others_are_emptied() {
        for face in Face::ALL {
            let used = glyphs_of("Délégué à la protection des données « œuvre » – 42 €", face);
            let small = subset(face.bytes(), &used).expect("subset");
            let before = outlines(face.bytes());
            let after = outlines(&small);
            assert_eq!(before.len(), after.len(), "glyph ids renumbered");
            for glyph in &used {
                let g = usize::from(*glyph);
                assert_eq!(trimmed(&after[g], before[g].len()), before[g], "glyph {g}");
            }
            let emptied = (0..before.len())
                .filter(|g| !before[*g].is_empty() && after[*g].is_empty())
                .count();
            assert!(emptied > 2000, "{face:?}: only {emptied} glyphs emptied");
            assert!(
                small.len() * 4 < face.bytes().len(),
                "{face:?}: {} bytes of {}",
                small.len(),
                face.bytes().len()
            );
        }
    }

    #[test]
    fn the_parts_of_a_composite_glyph_are_kept() {
        let font = Face::Regular.bytes();
        let before = outlines(font);
        let (composite, parts) = before
            .iter()
            .enumerate()
            .find_map(|(g, outline)| {
                let parts = components(outline)?;
                (!parts.is_empty()).then_some((g, parts))
            })
            .expect("Noto Sans has composite glyphs");
        let used = [u16::try_from(composite).expect("glyph id")];
        let after = outlines(&subset(font, &used).expect("subset"));
        for part in parts {
            let p = usize::from(part);
            assert_eq!(trimmed(&after[p], before[p].len()), before[p], "part {p}");
            assert!(!after[p].is_empty(), "part {p} of {composite} dropped");
        }
    }

    #[test]
    fn the_subset_is_a_sound_font_with_the_same_metrics() {
        let used = glyphs_of("Synthèse : AIPD requise", Face::Bold);
        let small = subset(Face::Bold.bytes(), &used).expect("subset");
        // Every table's checksum matches its directory entry; the font sums to the constant.
        let count = usize::from(u16_at(&small, 4).expect("count"));
        for n in 0..count {
            let record = 12 + 16 * n;
            let offset = u32_at(&small, record + 8).expect("offset") as usize;
            let length = u32_at(&small, record + 12).expect("length") as usize;
            let data = &small[offset..offset + length];
            let mut sum = checksum(data);
            if &small[record..record + 4] == b"head" {
                let adjustment = u32_at(data, 8).expect("adjustment");
                sum = sum.wrapping_sub(adjustment);
            }
            assert_eq!(u32_at(&small, record + 4), Some(sum), "table {n}");
        }
        assert_eq!(checksum(&small), FONT_CHECKSUM);
        let names: Vec<[u8; 4]> = tables(&small)
            .expect("tables")
            .iter()
            .map(|t| t.tag)
            .collect();
        assert!(!names.contains(b"GPOS"), "layout tables kept");
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "directory not sorted by tag");
        // The PDF library reads it back with the same glyph map and advances.
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(&small, 0, &mut warnings).expect("parses");
        let whole = Fonts::get().expect("fonts").parsed(Face::Bold);
        assert_eq!(parsed.codepoint_to_glyph, whole.codepoint_to_glyph);
        assert_eq!(parsed.glyph_widths, whole.glyph_widths);
    }

    #[test]
    fn what_is_not_a_truetype_font_is_refused() {
        let used = [1, 2, 3];
        assert_eq!(subset(b"", &used), None);
        assert_eq!(subset(b"not a font at all, just some bytes", &used), None);
        // A font cut short: the directory points past the end.
        let cut = &Face::Regular.bytes()[..5000];
        assert_eq!(subset(cut, &used), None);
    }
}
