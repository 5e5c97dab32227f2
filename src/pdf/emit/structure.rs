//! The tagged PDF's finishing touches: the structure tree (`StructTreeRoot` → `Document` → the
//! layout's elements in reading order, each with its marked-content references page by page,
//! figures with their alternative text, header cells with their scope), its parent tree, and
//! in the catalogue what PDF/UA-1 asks: `/MarkInfo /Marked true`, the document's `/Lang`,
//! `/ViewerPreferences /DisplayDocTitle true`, and an XMP packet carrying the title and the
//! PDF/UA identification. Elements with nothing drawn (an empty paragraph) are left out.

use lopdf::{dictionary, Object, ObjectId, Stream, StringFormat};

use super::EmitError;
use crate::dossier::Meta;
use crate::pdf::layout::{Node, Role};

/// `text` as a PDF text string (UTF-16BE with its byte-order mark: any language).
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Tags `doc`: `nodes` are the layout's elements, `marks` page by page the element each
/// marked-content id belongs to.
pub fn tag(
    doc: &mut lopdf::Document,
    nodes: &[Node],
    marks: &[Vec<usize>],
    meta: &Meta,
) -> Result<(), EmitError> {
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
    let root_id = doc.new_object_id();
    let document_id = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = shows
        .iter()
        .map(|&s| s.then(|| doc.new_object_id()))
        .collect();
    let mut children: Vec<Vec<ObjectId>> = vec![Vec::new(); nodes.len()];
    let mut top: Vec<ObjectId> = Vec::new();
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
    for (index, node) in nodes.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        let parent = node
            .parent
            .and_then(|p| ids.get(p).copied().flatten())
            .unwrap_or(document_id);
        let mut kids: Vec<Object> = children[index]
            .iter()
            .map(|c| Object::Reference(*c))
            .collect();
        // Marked content on the element's first page is named by its MCID alone (`/Pg` on the
        // element says which page); on any other page by a reference naming its page.
        let first_page = references[index]
            .first()
            .and_then(|(page, _)| pages.get(*page));
        for (page, mcid) in &references[index] {
            let Some(page_id) = pages.get(*page) else {
                continue;
            };
            if Some(page_id) == first_page {
                kids.push(Object::Integer(*mcid as i64));
            } else {
                kids.push(Object::Dictionary(dictionary! {
                    "Type" => "MCR",
                    "Pg" => *page_id,
                    "MCID" => *mcid as i64,
                }));
            }
        }
        // One kid stands alone, as most writers put it (and some checkers read it only so).
        let kids = if kids.len() == 1 {
            kids.into_iter().next().unwrap_or(Object::Null)
        } else {
            Object::Array(kids)
        };
        let mut element = dictionary! {
            "S" => Object::Name(node.role.name().as_bytes().to_vec()),
            "P" => parent,
            "K" => kids,
        };
        if let Some(page) = first_page {
            element.set("Pg", *page);
        }
        if !node.alt.is_empty() {
            element.set("Alt", text_string(&node.alt));
        }
        if let Role::Th(is_row) = node.role {
            let scope = if is_row { "Row" } else { "Column" };
            element.set("A", dictionary! { "O" => "Table", "Scope" => scope });
        }
        doc.objects.insert(id, Object::Dictionary(element));
    }
    let lang = meta.lang.code();
    doc.objects.insert(
        document_id,
        Object::Dictionary(dictionary! {
            "Type" => "StructElem",
            "S" => "Document",
            "P" => root_id,
            "Lang" => Object::string_literal(lang),
            "K" => top.into_iter().map(Object::Reference).collect::<Vec<_>>(),
        }),
    );
    // The parent tree: for each page, its marked-content ids' elements in order.
    let mut numbers: Vec<Object> = Vec::new();
    for (page, page_marks) in marks.iter().enumerate() {
        let parents: Vec<Object> = page_marks
            .iter()
            .map(|node| {
                ids.get(*node)
                    .copied()
                    .flatten()
                    .map_or(Object::Null, Object::Reference)
            })
            .collect();
        numbers.push(Object::Integer(page as i64));
        numbers.push(Object::Array(parents));
    }
    let parent_tree = doc.add_object(dictionary! { "Nums" => numbers });
    doc.objects.insert(
        root_id,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => document_id,
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => marks.len() as i64,
        }),
    );
    for (index, page_id) in pages.iter().enumerate() {
        let page = doc
            .get_dictionary_mut(*page_id)
            .map_err(|e| EmitError::Write(e.to_string()))?;
        page.set("StructParents", index as i64);
        page.set("Tabs", "S");
    }
    let metadata = doc.add_object(xmp(meta));
    let catalog = doc
        .catalog_mut()
        .map_err(|e| EmitError::Write(e.to_string()))?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    catalog.set("Lang", Object::string_literal(lang));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    catalog.set("Metadata", metadata);
    Ok(())
}

/// The XMP packet: title, author, language, producer, and the PDF/UA-1 identification. Left
/// uncompressed, as readers of metadata expect.
fn xmp(meta: &Meta) -> Stream {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let packet = format!(
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
    );
    let mut stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        packet.into_bytes(),
    );
    stream.allows_compression = false;
    stream
}
