//! Garde-fou: a DPIA (AIPD) assistant for municipal video-analytics deployments.
//!
//! Architecture — arrows point down, and nothing above `ui`/`cli` imports egui:
//!
//! ```text
//!   model  ←  knowledge  ←  rules  ←  dossier  ←  pdf
//!                                      ↑
//!                                  documents
//!     ↑
//!  storage
//!   ui, cli: leaves that use everything
//! ```
//!
//! - `model`: the assessment as plain serde data.
//! - `knowledge`: criteria, capabilities, measures, questions and legal references from `templates/`.
//! - `documents`: the register entry, the public notice and the prior-consultation letter,
//!   derived from the same answers and drawn by the dossier's renderers.
//! - `storage`: project files (`.aipd.ron`): atomic save, clear load errors, format versions.
//! - `i18n`: every user-facing string of the UI and CLI, in French and English.
//! - `sample`: the bundled sample assessment.
//! - `cli`, `ui`: the command line and the desktop app.

pub mod cli;
pub mod documents;
pub mod dossier;
pub mod edit;
pub mod i18n;
pub mod interop;
pub mod knowledge;
pub mod messages;
pub mod model;
pub mod pdf;
pub mod rules;
pub mod sample;
pub mod session;
pub mod settings;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
