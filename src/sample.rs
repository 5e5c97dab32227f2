//! The bundled sample assessment: a fictional French commune coupling 18 of its 124 cameras to
//! a BriefCam-type analytics suite. It opens with the app, feeds most tests, and is what
//! `gardefou sample -o FILE` writes.

use std::path::Path;

use crate::model::Assessment;
use crate::storage::{self, LoadError};

/// The file name the sample is known by.
pub const FILE_NAME: &str = "commune-exemple.aipd.ron";

/// The sample's RON text, as shipped.
pub const TEXT: &str = include_str!("../assets/sample/commune-exemple.aipd.ron");

/// The evidence documents the sample refers to, by path relative to the project file.
pub const EVIDENCE_FILES: [(&str, &[u8]); 6] = [
    (
        "preuves/arrete-prefectoral-2022-0314.txt",
        include_bytes!("../assets/sample/preuves/arrete-prefectoral-2022-0314.txt"),
    ),
    (
        "preuves/attestation-editeur-2026-10.txt",
        include_bytes!("../assets/sample/preuves/attestation-editeur-2026-10.txt"),
    ),
    (
        "preuves/licence-briefvision-bv-59-0421.txt",
        include_bytes!("../assets/sample/preuves/licence-briefvision-bv-59-0421.txt"),
    ),
    (
        "preuves/constat-commissaire-de-justice-2026-10-20.txt",
        include_bytes!("../assets/sample/preuves/constat-commissaire-de-justice-2026-10-20.txt"),
    ),
    (
        "preuves/photos-panneaux-2026-09.txt",
        include_bytes!("../assets/sample/preuves/photos-panneaux-2026-09.txt"),
    ),
    (
        "preuves/contrat-sous-traitance-briefvision.txt",
        include_bytes!("../assets/sample/preuves/contrat-sous-traitance-briefvision.txt"),
    ),
];

/// The sample assessment, parsed.
pub fn sample() -> Result<Assessment, LoadError> {
    storage::parse_text(TEXT, Path::new(FILE_NAME))
}
