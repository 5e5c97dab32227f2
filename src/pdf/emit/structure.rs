//! The tagged PDF's structure: the structure tree (`StructTreeRoot` → `Document` → the layout's
//! elements in reading order, each with its marked content page by page, figures with their
//! alternative text, header cells with their scope, links with their annotations), its parent
//! tree, the link annotations, and in the catalogue what PDF/UA-1 asks: `/MarkInfo /Marked
//! true`, the document's `/Lang`, `/ViewerPreferences /DisplayDocTitle true`, and an XMP packet
//! carrying the title and the PDF/UA identification. Elements with nothing drawn (an empty
//! paragraph) are left out.
//!
//! A dossier's tree holds one element per table cell — eighty thousand for a city of 10,000
//! cameras — and each must be an object of its own (the parent tree points at it). Built as
//! lopdf objects they doubled a large export's time, so they are written directly, as the page
//! content is, straight into the file's buffer, without an allocation per element: the
//! catalogue and the pages get their entries before lopdf writes the file (`mark_document`,
//! which numbers the objects after lopdf's), and the objects themselves follow it as an
//! incremental update — a standard section of their own with its cross-reference table
//! (`append`).

use lopdf::{dictionary, Object, ObjectId};

use super::EmitError;
use crate::dossier::Meta;
use crate::pdf::layout::{LinkArea, LinkTarget, Node, Role, PAGE_H};

/// No element: the end of a list of children.
const NONE: u32 = u32::MAX;

/// The structure tree's objects, written at the end of the file lopdf wrote.
struct Objects<'b> {
    /// The file.
    bytes: &'b mut Vec<u8>,
    /// The number of the first object; the others follow it, one number each.
    first: u32,
    /// Where each object starts in the file.
    starts: Vec<usize>,
}

impl Objects<'_> {
    /// Starts object `id` and returns the buffer to write its value into.
    fn open(&mut self, id: u32) -> &mut Vec<u8> {
        debug_assert_eq!(self.first as usize + self.starts.len(), id as usize);
        self.starts.push(self.bytes.len());
        integer(self.bytes, u64::from(id));
        self.bytes.extend_from_slice(b" 0 obj\n");
        self.bytes
    }

    /// Ends the object opened last.
    fn close(&mut self) {
        self.bytes.extend_from_slice(b"\nendobj\n");
    }
}

/// How many bytes the structure tree of `nodes` adds to the file, about.
pub fn size(nodes: &[Node], marks: &[Vec<usize>]) -> usize {
    96 * nodes.len() + 12 * marks.iter().map(Vec::len).sum::<usize>() + 4096
}

/// Writes `n` in decimal.
pub(super) fn integer(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// `n 0 R`.
fn reference(out: &mut Vec<u8>, id: u32) {
    integer(out, u64::from(id));
    out.extend_from_slice(b" 0 R");
}

/// `text` as a PDF text string: literal when plain ASCII (an address), else in hexadecimal
/// UTF-16BE with its byte-order mark (any language).
fn text_string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        out.push(b'(');
        for byte in text.bytes() {
            if matches!(byte, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(byte);
        }
        out.push(b')');
        return;
    }
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        for shift in [12, 8, 4, 0] {
            out.push(HEX[usize::from((unit >> shift) & 0xF)]);
        }
    }
    out.push(b'>');
}

/// The numbers of the tree's first objects, from the first one free: its root, the document
/// element, the parent tree, the metadata; the link annotations follow, then each element that
/// shows, in order.
struct Numbers {
    root: u32,
    document: u32,
    parent_tree: u32,
    metadata: u32,
}

impl Numbers {
    fn from(first: u32) -> Numbers {
        Numbers {
            root: first,
            document: first + 1,
            parent_tree: first + 2,
            metadata: first + 3,
        }
    }
}

/// What the structure tree is made of.
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    /// The pages' objects.
    pub pages: &'a [ObjectId],
    /// The layout's elements, each after the one it belongs to.
    pub nodes: &'a [Node],
    /// Page by page, the element each marked-content id belongs to.
    pub marks: &'a [Vec<usize>],
    /// The links, each with its element.
    pub links: &'a [LinkArea],
}

/// The number of link annotation `index`.
fn annotation_id(first: u32, index: usize) -> u32 {
    first + 4 + index as u32
}

/// Gives the catalogue and the `pages` their entries (each its link annotations, `links`),
/// the tree's objects numbered from `first` (the first number lopdf does not use: nothing may
/// be added to `doc` after).
pub fn mark_document(
    doc: &mut lopdf::Document,
    first: u32,
    (pages, links): (&[ObjectId], &[LinkArea]),
    meta: &Meta,
) -> Result<(), EmitError> {
    let numbers = Numbers::from(first);
    for (index, page_id) in pages.iter().enumerate() {
        let page = doc
            .get_dictionary_mut(*page_id)
            .map_err(|e| EmitError::Write(e.to_string()))?;
        page.set("StructParents", index as i64);
        page.set("Tabs", "S");
        let annotations: Vec<Object> = (0..links.len())
            .filter(|n| links[*n].page == index)
            .map(|n| Object::Reference((annotation_id(first, n), 0)))
            .collect();
        if !annotations.is_empty() {
            page.set("Annots", annotations);
        }
    }
    let catalog = doc
        .catalog_mut()
        .map_err(|e| EmitError::Write(e.to_string()))?;
    catalog.set("StructTreeRoot", Object::Reference((numbers.root, 0)));
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    catalog.set("Lang", Object::string_literal(meta.lang.code()));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    catalog.set("Metadata", Object::Reference((numbers.metadata, 0)));
    Ok(())
}

/// Appends the structure tree's objects to `bytes`, the file lopdf wrote from `doc`, as an
/// incremental update — the objects, their cross-reference section and a trailer pointing back
/// to the file's own — numbered from `first` as `mark_document` said: the elements of `tree`,
/// and its links' annotations.
pub fn append(
    bytes: &mut Vec<u8>,
    doc: &lopdf::Document,
    first: u32,
    tree: &Tree,
    meta: &Meta,
) -> Result<(), EmitError> {
    let Tree {
        pages,
        nodes,
        marks,
        links,
    } = *tree;
    let previous = last_startxref(bytes)
        .ok_or_else(|| EmitError::Write("no startxref in the written file".to_owned()))?;
    // Each element's marked content, in page order, as one list cut by element: element `n`'s
    // (page, MCID) pairs are `refs[ref_starts[n]..ref_starts[n + 1]]`.
    let mut ref_starts = vec![0usize; nodes.len() + 1];
    for node in marks.iter().flatten() {
        if let Some(count) = ref_starts.get_mut(*node + 1) {
            *count += 1;
        }
    }
    for n in 1..ref_starts.len() {
        ref_starts[n] += ref_starts[n - 1];
    }
    let mut refs = vec![(0u32, 0u32); ref_starts[nodes.len()]];
    let mut filled = ref_starts.clone();
    for (page, page_marks) in marks.iter().enumerate() {
        for (mcid, node) in page_marks.iter().enumerate() {
            if let Some(at) = filled.get_mut(*node) {
                refs[*at] = (page as u32, mcid as u32);
                *at += 1;
            }
        }
    }
    let refs_of = |n: usize| &refs[ref_starts[n]..ref_starts[n + 1]];
    // Each link element's annotation.
    let mut annotation_of = vec![NONE; nodes.len()];
    for (index, link) in links.iter().enumerate() {
        if let Some(slot) = annotation_of.get_mut(link.node) {
            *slot = index as u32;
        }
    }
    // Whether an element (or one of its own) shows, and where its first content stands (the
    // order of an element's own content and its children's): its parent comes before it.
    let mut shows: Vec<bool> = (0..nodes.len())
        .map(|n| !refs_of(n).is_empty() || annotation_of[n] != NONE)
        .collect();
    let mut first_content: Vec<(u32, u32)> = (0..nodes.len())
        .map(|n| refs_of(n).first().copied().unwrap_or((NONE, NONE)))
        .collect();
    for index in (0..nodes.len()).rev() {
        if let Some(parent) = nodes[index].parent.filter(|p| *p < nodes.len()) {
            shows[parent] |= shows[index];
            first_content[parent] = first_content[parent].min(first_content[index]);
        }
    }
    // The numbers, reserved (lopdf writes everything else): the tree's root, the document
    // element, the parent tree, the metadata, then each element that shows, in order.
    let Numbers {
        root: root_id,
        document: document_id,
        parent_tree: parent_tree_id,
        metadata: metadata_id,
    } = Numbers::from(first);
    let mut next = annotation_id(first, links.len());
    let ids: Vec<u32> = shows
        .iter()
        .map(|&s| {
            if s {
                next += 1;
                next - 1
            } else {
                NONE
            }
        })
        .collect();
    let id_of = |n: Option<usize>| n.and_then(|n| ids.get(n).copied()).filter(|&id| id != NONE);
    // The children of each element that shows, in order, as linked lists.
    let mut first_child = vec![NONE; nodes.len()];
    let mut last_child = vec![NONE; nodes.len()];
    let mut next_sibling = vec![NONE; nodes.len()];
    let mut top: Vec<u32> = Vec::new();
    for (index, node) in nodes.iter().enumerate() {
        if ids[index] == NONE {
            continue;
        }
        match node.parent.filter(|p| id_of(Some(*p)).is_some()) {
            Some(parent) => {
                match last_child[parent] {
                    NONE => first_child[parent] = index as u32,
                    last => next_sibling[last as usize] = index as u32,
                }
                last_child[parent] = index as u32;
            }
            None => top.push(ids[index]),
        }
    }
    let page_id = |page: u32| pages.get(page as usize).map(|(id, _)| *id);

    bytes.reserve(size(nodes, marks));
    let mut objects = Objects {
        bytes,
        first,
        starts: Vec::with_capacity((next - first) as usize),
    };
    let out = objects.open(root_id);
    out.extend_from_slice(b"<</Type/StructTreeRoot/K ");
    reference(out, document_id);
    out.extend_from_slice(b"/ParentTree ");
    reference(out, parent_tree_id);
    out.extend_from_slice(b"/ParentTreeNextKey ");
    integer(out, (marks.len() + links.len()) as u64);
    out.extend_from_slice(b">>");
    objects.close();

    let out = objects.open(document_id);
    out.extend_from_slice(b"<</Type/StructElem/S/Document/P ");
    reference(out, root_id);
    out.extend_from_slice(b"/Lang(");
    out.extend_from_slice(meta.lang.code().as_bytes());
    out.extend_from_slice(b")/K[");
    for id in &top {
        reference(out, *id);
        out.push(b' ');
    }
    out.extend_from_slice(b"]>>");
    objects.close();

    // The parent tree: for each page, its marked-content ids' elements in order.
    let out = objects.open(parent_tree_id);
    out.extend_from_slice(b"<</Nums[");
    for (page, page_marks) in marks.iter().enumerate() {
        integer(out, page as u64);
        out.push(b'[');
        for node in page_marks {
            match id_of(Some(*node)) {
                Some(id) => reference(out, id),
                None => out.extend_from_slice(b"null"),
            }
            out.push(b' ');
        }
        out.push(b']');
    }
    // Then each link annotation's element, under the key its `/StructParent` names.
    for (index, link) in links.iter().enumerate() {
        integer(out, (marks.len() + index) as u64);
        out.push(b' ');
        match id_of(Some(link.node)) {
            Some(id) => reference(out, id),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b' ');
    }
    out.extend_from_slice(b"]>>");
    objects.close();

    let packet = xmp(meta);
    let out = objects.open(metadata_id);
    out.extend_from_slice(b"<</Type/Metadata/Subtype/XML/Length ");
    integer(out, packet.len() as u64);
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(&packet);
    out.extend_from_slice(b"\nendstream");
    objects.close();

    for (index, link) in links.iter().enumerate() {
        let target = match &link.target {
            LinkTarget::Uri(uri) => Some(Target::Uri(uri)),
            LinkTarget::Page(page) => page_id(*page as u32).map(Target::Page),
        };
        let out = objects.open(annotation_id(first, index));
        annotation(
            out,
            link,
            target,
            marks.len() + index,
            page_id(link.page as u32),
        );
        objects.close();
    }

    for (index, node) in nodes.iter().enumerate() {
        let id = ids[index];
        if id == NONE {
            continue;
        }
        let own = refs_of(index);
        let out = objects.open(id);
        out.extend_from_slice(b"<</S/");
        out.extend_from_slice(node.role.name().as_bytes());
        out.extend_from_slice(b"/P ");
        reference(out, id_of(node.parent).unwrap_or(document_id));
        // Marked content on the element's first page is named by its MCID alone (`/Pg` on
        // the element says which page); on any other page by a reference naming its page.
        let first_page = own.first().and_then(|(page, _)| page_id(*page));
        if let Some(page) = first_page {
            out.extend_from_slice(b"/Pg ");
            reference(out, page);
        }
        // One kid stands alone, as most writers put it (and some checkers read it only so).
        let annotation = annotation_of[index];
        let mut kids = own.len() + usize::from(annotation != NONE);
        let mut child = first_child[index];
        while child != NONE {
            kids += 1;
            child = next_sibling[child as usize];
        }
        out.extend_from_slice(if kids == 1 { b"/K " } else { b"/K[" });
        // Its own content and its children's in the order they are read.
        let mut child = first_child[index];
        let mut own = own.iter().peekable();
        loop {
            let is_child_next = match (child, own.peek()) {
                (NONE, _) => false,
                (_, None) => true,
                (child, Some(next)) => first_content[child as usize] < **next,
            };
            if is_child_next {
                reference(out, ids[child as usize]);
                child = next_sibling[child as usize];
            } else if let Some((page, mcid)) = own.next() {
                match page_id(*page) {
                    Some(page) if Some(page) == first_page => integer(out, u64::from(*mcid)),
                    Some(page) => {
                        out.extend_from_slice(b"<</Type/MCR/Pg ");
                        reference(out, page);
                        out.extend_from_slice(b"/MCID ");
                        integer(out, u64::from(*mcid));
                        out.extend_from_slice(b">>");
                    }
                    None => {}
                }
            } else {
                break;
            }
            out.push(b' ');
        }
        // A link's annotation, after its words.
        if let Some(link) = links.get(annotation as usize) {
            out.extend_from_slice(b"<</Type/OBJR/Obj ");
            reference(out, annotation_id(first, annotation as usize));
            if let Some(page) = page_id(link.page as u32) {
                out.extend_from_slice(b"/Pg ");
                reference(out, page);
            }
            out.extend_from_slice(b">>");
        }
        if kids != 1 {
            out.push(b']');
        }
        if !node.alt.is_empty() {
            out.extend_from_slice(b"/Alt");
            text_string(out, &node.alt);
        }
        if let Some(lang) = node.lang {
            out.extend_from_slice(b"/Lang(");
            out.extend_from_slice(lang.code().as_bytes());
            out.push(b')');
        }
        if let Role::Th(is_row) = node.role {
            out.extend_from_slice(if is_row {
                b"/A<</O/Table/Scope/Row>>"
            } else {
                b"/A<</O/Table/Scope/Column>>"
            });
        }
        out.extend_from_slice(b">>");
        objects.close();
    }

    let Objects { bytes, starts, .. } = objects;
    write_xref(bytes, doc, first, &starts, previous);
    Ok(())
}

/// Where an annotation leads: an address, or a page's object.
enum Target<'a> {
    Uri(&'a str),
    Page(u32),
}

/// A link annotation over `link`'s words: where it leads, its description (what a reader
/// hears), the key of its element in the parent tree, its page.
fn annotation(
    out: &mut Vec<u8>,
    link: &LinkArea,
    target: Option<Target>,
    key: usize,
    page: Option<u32>,
) {
    let [x, top, w, h] = link.area;
    out.extend_from_slice(
        format!(
            "<</Type/Annot/Subtype/Link/Rect[{:.2} {:.2} {:.2} {:.2}]/Border[0 0 0]/F 4",
            x,
            PAGE_H - top - h,
            x + w,
            PAGE_H - top
        )
        .as_bytes(),
    );
    match target {
        None => {}
        Some(Target::Uri(uri)) => {
            out.extend_from_slice(b"/A<</S/URI/URI(");
            // A URI is ASCII: anything else percent-encoded, the string's delimiters escaped.
            for byte in uri.bytes() {
                match byte {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                    0x21..=0x7E => out.push(byte),
                    _ => out.extend_from_slice(format!("%{byte:02X}").as_bytes()),
                }
            }
            out.extend_from_slice(b")>>");
        }
        Some(Target::Page(page)) => {
            out.extend_from_slice(b"/Dest[");
            reference(out, page);
            out.extend_from_slice(b"/Fit]");
        }
    }
    out.extend_from_slice(b"/Contents");
    text_string(out, &link.description);
    out.extend_from_slice(b"/StructParent ");
    integer(out, key as u64);
    if let Some(page) = page {
        out.extend_from_slice(b"/P ");
        reference(out, page);
    }
    out.extend_from_slice(b">>");
}

/// Writes the cross-reference section of the objects numbered from `first`, starting at
/// `starts` in `bytes`, and the trailer pointing back to the section at `previous`.
fn write_xref(
    bytes: &mut Vec<u8>,
    doc: &lopdf::Document,
    first: u32,
    starts: &[usize],
    previous: usize,
) {
    let count = starts.len();
    let xref = bytes.len();
    // One subsection: the objects' numbers follow each other.
    bytes.extend_from_slice(b"xref\n");
    integer(bytes, u64::from(first));
    bytes.push(b' ');
    integer(bytes, count as u64);
    bytes.push(b'\n');
    for start in starts {
        let mut entry = *b"0000000000 00000 n\r\n";
        let mut offset = *start;
        for digit in entry[..10].iter_mut().rev() {
            *digit = b'0' + (offset % 10) as u8;
            offset /= 10;
        }
        bytes.extend_from_slice(&entry);
    }
    let size = (first as usize + count).max(doc.max_id as usize + 1);
    bytes.extend_from_slice(b"trailer\n<</Size ");
    integer(bytes, size as u64);
    bytes.extend_from_slice(b"/Prev ");
    integer(bytes, previous as u64);
    for key in [&b"Root"[..], b"Info"] {
        if let Ok(Object::Reference((id, generation))) = doc.trailer.get(key) {
            bytes.push(b'/');
            bytes.extend_from_slice(key);
            bytes.extend_from_slice(format!(" {id} {generation} R").as_bytes());
        }
    }
    // The file's identifier, kept by the update.
    if let Ok(Object::Array(ids)) = doc.trailer.get(b"ID") {
        bytes.extend_from_slice(b"/ID[");
        for id in ids {
            if let Object::String(text, _) = id {
                bytes.push(b'<');
                for byte in text {
                    bytes.extend_from_slice(format!("{byte:02X}").as_bytes());
                }
                bytes.push(b'>');
            }
        }
        bytes.push(b']');
    }
    bytes.extend_from_slice(format!(">>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
}

/// Where the last cross-reference section of `bytes` starts, from its `startxref` line.
fn last_startxref(bytes: &[u8]) -> Option<usize> {
    let tail = &bytes[bytes.len().saturating_sub(64)..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let number: String = tail[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|b| char::from(*b))
        .collect();
    number.parse().ok()
}

/// The XMP packet: title, author, language, producer, and the PDF/UA-1 identification. Left
/// uncompressed, as readers of metadata expect.
fn xmp(meta: &Meta) -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
         <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
         <pdf:Producer>Garde-fou {version}</pdf:Producer>\n\
         <pdfuaid:part>1</pdfuaid:part>\n\
         </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
        title = escape(&meta.title),
        author = escape(&meta.author),
        lang = meta.lang.code(),
        version = env!("CARGO_PKG_VERSION"),
    )
    .into_bytes()
}
