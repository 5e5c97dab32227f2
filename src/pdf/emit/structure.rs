//! The tagged PDF's structure: the structure tree (`StructTreeRoot` → `Document` → the layout's
//! elements in reading order, each with its marked content page by page, figures with their
//! alternative text, header cells with their scope), its parent tree, and in the catalogue what
//! PDF/UA-1 asks: `/MarkInfo /Marked true`, the document's `/Lang`, `/ViewerPreferences
//! /DisplayDocTitle true`, and an XMP packet carrying the title and the PDF/UA identification.
//! Elements with nothing drawn (an empty paragraph) are left out.
//!
//! A dossier's tree holds one element per table cell — tens of thousands for a city — and each
//! must be an object of its own (the parent tree points at it). Built as lopdf objects they
//! doubled a large export's time, so they are written directly, as the page content is: the
//! catalogue and the pages get their entries before lopdf writes the file (`prepare`, which
//! reserves the objects' numbers), and the objects themselves follow it as an incremental
//! update — a standard section of their own with its cross-reference table (`append`).

use lopdf::{dictionary, Object, ObjectId};

use super::EmitError;
use crate::dossier::Meta;
use crate::pdf::layout::{Node, Role};

/// The structure tree's objects, written, waiting to follow the file lopdf writes.
pub struct Appendix {
    /// Each object's number and its text (`<<…>>` or a stream), by increasing number.
    objects: Vec<(u32, Vec<u8>)>,
}

/// `text` as a PDF text string, in hexadecimal UTF-16BE with its byte-order mark (any
/// language).
fn text_string(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        out.extend_from_slice(format!("{unit:04X}").as_bytes());
    }
    out.push(b'>');
}

/// `n 0 R`.
fn reference(out: &mut Vec<u8>, id: u32) {
    out.extend_from_slice(format!("{id} 0 R").as_bytes());
}

/// Gives the catalogue and the pages their entries and writes the structure tree's objects:
/// `nodes` are the layout's elements, `marks` page by page the element each marked-content id
/// belongs to.
pub fn prepare(
    doc: &mut lopdf::Document,
    nodes: &[Node],
    marks: &[Vec<usize>],
    meta: &Meta,
) -> Result<Appendix, EmitError> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    // Each element's references, in page order, and whether it (or one of its own) shows.
    let mut references: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes.len()];
    for (page, page_marks) in marks.iter().enumerate() {
        for (mcid, node) in page_marks.iter().enumerate() {
            if let Some(refs) = references.get_mut(*node) {
                refs.push((page, mcid));
            }
        }
    }
    let mut shows: Vec<bool> = references.iter().map(|r| !r.is_empty()).collect();
    for index in (0..nodes.len()).rev() {
        if shows[index] {
            if let Some(parent) = nodes[index].parent {
                if let Some(p) = shows.get_mut(parent) {
                    *p = true;
                }
            }
        }
    }
    // The numbers, reserved: lopdf writes everything else.
    let mut next = doc.max_id;
    let mut reserve = || {
        next += 1;
        next
    };
    let root_id = reserve();
    let document_id = reserve();
    let parent_tree_id = reserve();
    let metadata_id = reserve();
    let ids: Vec<Option<u32>> = shows.iter().map(|&s| s.then(&mut reserve)).collect();
    doc.max_id = next;
    let mut children: Vec<Vec<u32>> = vec![Vec::new(); nodes.len()];
    let mut top: Vec<u32> = Vec::new();
    for (index, node) in nodes.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        match node
            .parent
            .filter(|p| ids.get(*p).copied().flatten().is_some())
        {
            Some(parent) => children[parent].push(id),
            None => top.push(id),
        }
    }
    let page_number = |page: usize| pages.get(page).map(|(id, _)| *id);
    let mut objects: Vec<(u32, Vec<u8>)> = Vec::with_capacity(nodes.len() + 4);
    for (index, node) in nodes.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        let parent = node
            .parent
            .and_then(|p| ids.get(p).copied().flatten())
            .unwrap_or(document_id);
        let mut out = Vec::with_capacity(64);
        out.extend_from_slice(b"<</S/");
        out.extend_from_slice(node.role.name().as_bytes());
        out.extend_from_slice(b"/P ");
        reference(&mut out, parent);
        // Marked content on the element's first page is named by its MCID alone (`/Pg` on
        // the element says which page); on any other page by a reference naming its page.
        let first_page = references[index]
            .first()
            .and_then(|(page, _)| page_number(*page));
        if let Some(page) = first_page {
            out.extend_from_slice(b"/Pg ");
            reference(&mut out, page);
        }
        let mut kids: Vec<Vec<u8>> = Vec::new();
        for child in &children[index] {
            kids.push(format!("{child} 0 R").into_bytes());
        }
        for (page, mcid) in &references[index] {
            match page_number(*page) {
                Some(page) if Some(page) == first_page => kids.push(mcid.to_string().into_bytes()),
                Some(page) => {
                    kids.push(format!("<</Type/MCR/Pg {page} 0 R/MCID {mcid}>>").into_bytes())
                }
                None => {}
            }
        }
        // One kid stands alone, as most writers put it (and some checkers read it only so).
        out.extend_from_slice(b"/K");
        if let [kid] = kids.as_slice() {
            out.push(b' ');
            out.extend_from_slice(kid);
        } else {
            out.push(b'[');
            out.extend_from_slice(&kids.join(&b' '));
            out.push(b']');
        }
        if !node.alt.is_empty() {
            out.extend_from_slice(b"/Alt");
            text_string(&mut out, &node.alt);
        }
        if let Role::Th(is_row) = node.role {
            let scope = if is_row { "Row" } else { "Column" };
            out.extend_from_slice(format!("/A<</O/Table/Scope/{scope}>>").as_bytes());
        }
        out.extend_from_slice(b">>");
        objects.push((id, out));
    }
    let lang = meta.lang.code();
    let mut document =
        format!("<</Type/StructElem/S/Document/P {root_id} 0 R/Lang({lang})/K[").into_bytes();
    for id in &top {
        reference(&mut document, *id);
        document.push(b' ');
    }
    document.extend_from_slice(b"]>>");
    objects.push((document_id, document));
    // The parent tree: for each page, its marked-content ids' elements in order.
    let mut tree = b"<</Nums[".to_vec();
    for (page, page_marks) in marks.iter().enumerate() {
        tree.extend_from_slice(format!("{page}[").as_bytes());
        for node in page_marks {
            match ids.get(*node).copied().flatten() {
                Some(id) => reference(&mut tree, id),
                None => tree.extend_from_slice(b"null"),
            }
            tree.push(b' ');
        }
        tree.extend_from_slice(b"]");
    }
    tree.extend_from_slice(b"]>>");
    objects.push((parent_tree_id, tree));
    objects.push((
        root_id,
        format!(
            "<</Type/StructTreeRoot/K {document_id} 0 R/ParentTree {parent_tree_id} 0 R\
             /ParentTreeNextKey {}>>",
            marks.len()
        )
        .into_bytes(),
    ));
    let packet = xmp(meta);
    let mut metadata = format!(
        "<</Type/Metadata/Subtype/XML/Length {}>>\nstream\n",
        packet.len()
    )
    .into_bytes();
    metadata.extend_from_slice(&packet);
    metadata.extend_from_slice(b"\nendstream");
    objects.push((metadata_id, metadata));
    objects.sort_by_key(|(id, _)| *id);

    for (index, page_id) in pages.iter().enumerate() {
        let page = doc
            .get_dictionary_mut(*page_id)
            .map_err(|e| EmitError::Write(e.to_string()))?;
        page.set("StructParents", index as i64);
        page.set("Tabs", "S");
    }
    let catalog = doc
        .catalog_mut()
        .map_err(|e| EmitError::Write(e.to_string()))?;
    catalog.set("StructTreeRoot", Object::Reference((root_id, 0)));
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    catalog.set("Lang", Object::string_literal(lang));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    catalog.set("Metadata", Object::Reference((metadata_id, 0)));
    Ok(Appendix { objects })
}

/// Appends the structure tree's objects to `bytes`, the file lopdf wrote from `doc`, as an
/// incremental update: the objects, their cross-reference section and a trailer pointing back
/// to the file's own.
pub fn append(
    bytes: &mut Vec<u8>,
    doc: &lopdf::Document,
    appendix: &Appendix,
) -> Result<(), EmitError> {
    let previous = last_startxref(bytes)
        .ok_or_else(|| EmitError::Write("no startxref in the written file".to_owned()))?;
    let mut offsets = Vec::with_capacity(appendix.objects.len());
    for (id, body) in &appendix.objects {
        offsets.push((*id, bytes.len()));
        bytes.extend_from_slice(format!("{id} 0 obj\n").as_bytes());
        bytes.extend_from_slice(body);
        bytes.extend_from_slice(b"\nendobj\n");
    }
    let xref = bytes.len();
    bytes.extend_from_slice(b"xref\n");
    // Runs of consecutive numbers, each its own subsection.
    let mut start = 0;
    while start < offsets.len() {
        let mut end = start + 1;
        while end < offsets.len() && offsets[end].0 == offsets[end - 1].0 + 1 {
            end += 1;
        }
        bytes.extend_from_slice(format!("{} {}\n", offsets[start].0, end - start).as_bytes());
        for (_, offset) in &offsets[start..end] {
            bytes.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
        }
        start = end;
    }
    let size = offsets
        .last()
        .map_or(doc.max_id, |(id, _)| *id)
        .max(doc.max_id)
        + 1;
    bytes.extend_from_slice(format!("trailer\n<</Size {size}/Prev {previous}").as_bytes());
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
    Ok(())
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
