//! Re-opening a dossier: find the project file Garde-fou attached to the PDF and give back its
//! bytes. Any PDF that is not a Garde-fou dossier gets a clear error, never a panic.

use lopdf::{DecompressError, Document, LoadOptions, Object};

/// The largest attachment accepted (the project-file cap).
pub const MAX_ATTACHMENT_BYTES: usize = 64 * 1024 * 1024;

/// Why no project could be taken out of a PDF.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReopenError {
    /// The bytes are not a readable PDF.
    #[error("not a readable PDF: {0}")]
    NotPdf(String),
    /// The PDF has no Garde-fou project attached.
    #[error("this PDF has no Garde-fou project attached (it is not a dossier exported by Garde-fou, or it is a public version)")]
    NoAttachment,
    /// The attachment is damaged.
    #[error("the attached project is damaged: {0}")]
    Damaged(String),
    /// The attachment (or a stream of the PDF) decompresses to more than a project file may be:
    /// decoding stopped at the cap, whatever the real size (a decompression bomb never gets
    /// further).
    #[error("the attached project is over {} MiB once decompressed (the largest project file accepted); decoding stopped there", MAX_ATTACHMENT_BYTES / (1024 * 1024))]
    TooLarge,
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Result<&'a Object, ReopenError> {
    match object {
        Object::Reference(id) => doc
            .get_object(*id)
            .map_err(|e| ReopenError::Damaged(e.to_string())),
        other => Ok(other),
    }
}

/// Whether a lopdf error is its decompression cap tripping.
fn is_over_cap(error: &lopdf::Error) -> bool {
    matches!(
        error,
        lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })
    )
}

/// Parses PDF bytes; the parser's own panics on hostile input become an error. Every stream
/// the parser decodes while loading (object and cross-reference streams) is bounded by the
/// project cap, layer by layer, so a nested-filter bomb stops at the cap instead of filling
/// memory.
fn load(pdf: &[u8]) -> Result<Document, ReopenError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_ATTACHMENT_BYTES),
        ..LoadOptions::default()
    };
    std::panic::catch_unwind(|| Document::load_mem_with_options(pdf, options))
        .map_err(|_| ReopenError::NotPdf("the PDF parser gave up on this file".to_owned()))?
        .map_err(|e| {
            if is_over_cap(&e) {
                ReopenError::TooLarge
            } else {
                ReopenError::NotPdf(e.to_string())
            }
        })
}

/// The bytes of the project attached to a Garde-fou dossier.
pub fn attached_project(pdf: &[u8], file_name: &str) -> Result<Vec<u8>, ReopenError> {
    let doc = load(pdf)?;
    let catalog = doc
        .catalog()
        .map_err(|e| ReopenError::NotPdf(e.to_string()))?;
    let names = catalog
        .get(b"Names")
        .map_err(|_| ReopenError::NoAttachment)?;
    let names = resolve(&doc, names)?
        .as_dict()
        .map_err(|_| ReopenError::NoAttachment)?;
    let files = names
        .get(b"EmbeddedFiles")
        .map_err(|_| ReopenError::NoAttachment)?;
    let files = resolve(&doc, files)?
        .as_dict()
        .map_err(|_| ReopenError::NoAttachment)?;
    let list = files.get(b"Names").map_err(|_| ReopenError::NoAttachment)?;
    let list = resolve(&doc, list)?
        .as_array()
        .map_err(|_| ReopenError::NoAttachment)?;
    for pair in list.chunks(2) {
        let [name, spec] = pair else { continue };
        let name = resolve(&doc, name)?;
        let is_ours =
            matches!(name, Object::String(bytes, _) if bytes.as_slice() == file_name.as_bytes());
        if !is_ours {
            continue;
        }
        let spec = resolve(&doc, spec)?
            .as_dict()
            .map_err(|e| ReopenError::Damaged(e.to_string()))?;
        let ef = spec
            .get(b"EF")
            .map_err(|e| ReopenError::Damaged(e.to_string()))?;
        let ef = resolve(&doc, ef)?
            .as_dict()
            .map_err(|e| ReopenError::Damaged(e.to_string()))?;
        let stream = ef
            .get(b"F")
            .map_err(|e| ReopenError::Damaged(e.to_string()))?;
        let stream = resolve(&doc, stream)?
            .as_stream()
            .map_err(|e| ReopenError::Damaged(e.to_string()))?;
        // Each filter layer is bounded while it decodes (not after): a stream behind nested
        // Flate filters never grows past the cap. A filter lopdf cannot decode leaves the raw
        // bytes, which the project parser then refuses with its own message.
        let bytes = match stream.decompressed_content_with_limit(MAX_ATTACHMENT_BYTES) {
            Ok(bytes) => bytes,
            Err(e) if is_over_cap(&e) => return Err(ReopenError::TooLarge),
            Err(_) => stream.content.clone(),
        };
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            return Err(ReopenError::TooLarge);
        }
        return Ok(bytes);
    }
    Err(ReopenError::NoAttachment)
}

/// The number of pages of a PDF, read from its page tree without loading its objects (a
/// fraction of a millisecond where loading a 57-page dossier takes over one).
pub fn page_count(pdf: &[u8]) -> Result<usize, ReopenError> {
    let metadata = std::panic::catch_unwind(|| Document::load_metadata_mem(pdf))
        .map_err(|_| ReopenError::NotPdf("the PDF parser gave up on this file".to_owned()))?
        .map_err(|e| ReopenError::NotPdf(e.to_string()))?;
    usize::try_from(metadata.page_count).map_err(|e| ReopenError::Damaged(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Lang};

    #[test]
    fn page_count_reads_the_page_tree_and_refuses_what_is_not_a_pdf() {
        let sample = crate::sample::sample().expect("sample");
        let kb = crate::knowledge::KnowledgeBase::bundled().expect("knowledge base");
        let today = Date::from_ymd(2026, 11, 23).expect("date");
        let report = crate::rules::evaluate(&sample, &kb, today);
        let options = crate::dossier::DossierOptions {
            lang: Lang::En,
            is_public: true,
            today,
            source_text: None,
        };
        let built = crate::dossier::build(&sample, &kb, &report, &options);
        let pages = crate::pdf::pages(&built).expect("layout").pages.len();
        let bytes = crate::pdf::render(&built).expect("render");
        assert_eq!(page_count(&bytes), Ok(pages));
        assert!(matches!(
            page_count(b"%PDF-1.3 nothing else"),
            Err(ReopenError::NotPdf(_))
        ));
        assert!(page_count(&bytes[..bytes.len() / 2]).is_err());
    }
}
