//! Garde-fou: a DPIA (AIPD) assistant for municipal video-analytics deployments.
//!
//! Architecture — every arrow points down: a module uses only the modules below it
//! (`tests/architecture.rs` holds the allow-list per layer and fails on any other `use crate::`).
//!
//! ```text
//!   edges        cli ─────────────┐          ui (egui, optional `gui` feature)
//!                 │  messages ◄───┴───────────┤
//!                 ▼     │                     ▼
//!               portfolio ◄───────────────────┤
//!                 ▼                           │
//!   application  session ◄────────────────────┘   settings
//!                 │  opens, saves, recovers, exports
//!     ┌───────────┼──────────┬──────────┬─────────┐
//!     ▼           ▼          ▼          ▼         ▼
//!   interop    documents ─► dossier ◄── pdf     edit      storage ◄── sample
//!     │           │          │                    │         │
//!     └───────────┴──► rules ┘                    │         │
//!                       │                         │         │
//!                       ▼                         │         │
//!                    knowledge ◄──────────────────┘         │
//!                       │  └──► i18n                        │
//!                       ▼        │                          │
//!                     model ◄────┴──────────────────────────┘
//! ```
//!
//! - `model`: the assessment as plain serde data; no IO.
//! - `files`: a file someone handed us read only when it is a regular file, never past a cap
//!   (a leaf: `/dev/zero`, a FIFO or a huge file named in a received project is refused at once).
//! - `i18n`: the interface's strings in French and English (a leaf over `model::Lang`).
//! - `knowledge`: criteria, capabilities, measures, questions, legal references, the findings'
//!   texts and the dossier's catalogue, from `templates/`.
//! - `storage`: project files (`.aipd.ron`): atomic save, clear load errors, format versions,
//!   recovery copies, the open-file marker, the evidence locker on disk, the camera CSV.
//! - `settings`: the user's preferences (language, theme, recent files).
//! - `sample`: the bundled sample assessment and its evidence documents.
//! - `edit`: structural edits of an assessment (add a camera, link evidence…).
//! - `rules`: the engine, pure: assessment + knowledge + date → report.
//! - `dossier`: the document model of the AIPD dossier; `documents`: the register entry, the
//!   public notice and the prior-consultation letter, built as the same model.
//! - `pdf`: any document model → PDF bytes (layout, decoration, emission), and re-opening the
//!   project attached to a dossier.
//! - `office`: any document model → an editable Word (DOCX) or OpenDocument (ODT) file.
//! - `picture`: PNG and JPEG files read and decoded within caps (a logo, a plan's background).
//! - `branding`: a consultant's branding resolved for a document, its logo read and decoded.
//! - `interop`: the CNIL PIA format, both ways.
//! - `session`: the open document and everything that happens to it — open (any kind of
//!   file), save, recovery, evidence re-check, report, and the one export pipeline.
//! - `portfolio`: every assessment below a folder — scanned on every core, evaluated, summed
//!   up — as a table, CSV, an iCalendar file of the deadlines and a PDF report.
//! - `messages`: every error and warning rendered once, in the user's language.
//! - `cli`, `ui`: the command line and the desktop app, both on `session`.

pub mod branding;
pub mod cli;
pub mod documents;
pub mod dossier;
pub mod edit;
pub mod files;
pub mod i18n;
pub mod interop;
pub mod knowledge;
pub mod messages;
pub mod model;
pub mod office;
pub mod pdf;
pub mod picture;
pub mod portfolio;
pub mod rules;
pub mod sample;
pub mod session;
pub mod settings;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
