//! The documents' branding resolved for this session, with the trust boundary of the logo: a
//! logo named by the project (a file received from someone else) is read only when it lies in
//! the project's folder, or when the user allowed that very content for this project
//! (`project.trusted_files`, by SHA-256), or when the command line says `--allow-outside`.
//! Otherwise nothing is embedded and the caller asks. The user's own logo (the app's settings)
//! is the user's choice and always read.
//!
//! A logo the user attaches joins the evidence locker (kind `Logo`, with its SHA-256) like a
//! plan's background: the documents then carry that very file, and a logo changed on disk since
//! is refused rather than silently embedded.

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::{AttachError, Session};
use crate::branding::{self, LogoError};
use crate::edit::Edit;
use crate::model::{Branding, Evidence, EvidenceId, EvidenceKind, TrustedFile};

/// Why the branding could not be resolved.
#[derive(Debug, thiserror::Error)]
pub enum BrandingProblem {
    /// The logo cannot be used (missing, not a picture, too large…).
    #[error(transparent)]
    Logo(#[from] LogoError),
    /// The project names a logo outside its folder that the user has not allowed.
    #[error("{}: the project's logo lies outside the project's folder and was not read into the document", path.display())]
    Outside {
        /// The file, as resolved.
        path: PathBuf,
        /// What to record when the user allows it.
        trust: TrustedFile,
    },
}

/// Why a logo could not join the evidence locker.
#[derive(Debug, thiserror::Error)]
pub enum AttachLogoError {
    /// The file is not a logo the documents can carry.
    #[error(transparent)]
    Logo(#[from] LogoError),
    /// The file could not be attached.
    #[error(transparent)]
    Attach(#[from] AttachError),
}

impl Session {
    /// The logo of the project's evidence locker (its last document of kind `Logo`), which the
    /// documents carry before any logo path typed in the branding.
    pub fn locker_logo(&self) -> Option<&Evidence> {
        self.assessment
            .evidence
            .iter()
            .rev()
            .find(|e| e.kind == EvidenceKind::Logo)
    }

    /// Makes the picture at `file` the project's logo: checked as the documents will read it,
    /// attached to the evidence locker with its SHA-256 (replacing an earlier logo there), the
    /// typed logo path cleared. The user chose this file on this computer, so a file outside
    /// the project's folder is allowed into this project's documents for this content.
    pub fn attach_logo(&mut self, file: &Path) -> Result<EvidenceId, AttachLogoError> {
        let bytes =
            crate::picture::read_capped(file, branding::MAX_LOGO_BYTES).map_err(LogoError::from)?;
        branding::decode(&bytes)?;
        let earlier: Vec<EvidenceId> = self
            .assessment
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Logo)
            .map(|e| e.evidence_id.clone())
            .collect();
        let description = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = self.attach_evidence(file, EvidenceKind::Logo, &description)?;
        for old in earlier {
            crate::edit::apply(&mut self.assessment, &self.kb, &Edit::RemoveEvidence(old));
        }
        self.assessment.project.branding.logo_path.clear();
        if let Some(entry) = self.locker_logo().cloned() {
            if !self.is_inside_project_folder(file) {
                let trust = TrustedFile {
                    path: entry.path,
                    sha256: entry.sha256,
                    allowed_on: Some(self.today),
                };
                crate::edit::apply(&mut self.assessment, &self.kb, &Edit::TrustFile(trust));
            }
        }
        self.check_evidence();
        Ok(id)
    }

    /// The folder a project's relative paths start from: the project file's, else the folder of
    /// the file the assessment was read from; `None` for work never read from a file.
    fn base_folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .or(self.source_file.as_deref())
            .and_then(Path::parent)
            .map(Path::to_owned)
    }

    /// The branding of the documents — the project's over `user`'s — with its logo loaded.
    /// A logo the project names outside its folder is read only when allowed (see the module);
    /// with `without_logo` a logo that cannot be used or is not allowed is left out.
    pub fn resolve_branding(
        &self,
        user: &Branding,
        without_logo: bool,
        allow_outside: bool,
    ) -> Result<Option<crate::dossier::Branding>, BrandingProblem> {
        let own = &self.assessment.project.branding;
        let mut effective = own.over(user);
        if let Some(entry) = self.locker_logo() {
            effective.logo_path.clear();
            let logo = match self.read_locker_logo(entry, allow_outside) {
                Ok(logo) => Some(logo),
                Err(_) if without_logo => None,
                Err(problem) => return Err(problem),
            };
            return Ok(branding::with_logo(&effective, logo));
        }
        let written = own.logo_path.trim();
        if !written.is_empty() {
            let resolved = self.resolve_project_path(written);
            match self.logo_allowed(written, &resolved, allow_outside) {
                Ok(()) => effective.logo_path = resolved.display().to_string(),
                Err(_) if without_logo => effective.logo_path.clear(),
                Err(problem) => return Err(problem),
            }
        }
        Ok(branding::resolve(&effective, without_logo)?)
    }

    /// The locker's logo `entry`, read once: the very file attached (same SHA-256), allowed
    /// (see the module), then decoded.
    fn read_locker_logo(
        &self,
        entry: &Evidence,
        allow_outside: bool,
    ) -> Result<crate::dossier::Logo, BrandingProblem> {
        let resolved = self.resolve_project_path(&entry.path);
        let bytes = crate::picture::read_capped(&resolved, branding::MAX_LOGO_BYTES)
            .map_err(LogoError::from)?;
        let sha256 = sha256_hex(&bytes);
        if !sha256.eq_ignore_ascii_case(&entry.sha256) {
            return Err(LogoError::Changed { path: resolved }.into());
        }
        let trusted = allow_outside
            || self.is_inside_project_folder(&resolved)
            || self
                .assessment
                .project
                .trusted_files
                .iter()
                .any(|t| t.path == entry.path && t.sha256.eq_ignore_ascii_case(&sha256));
        if !trusted {
            return Err(BrandingProblem::Outside {
                path: resolved,
                trust: TrustedFile {
                    path: entry.path.clone(),
                    sha256,
                    allowed_on: Some(self.today),
                },
            });
        }
        Ok(branding::decode(&bytes)?)
    }

    /// `written` (a path the project holds) from the project's folder when relative.
    fn resolve_project_path(&self, written: &str) -> PathBuf {
        let path = Path::new(written);
        match self.base_folder() {
            Some(folder) if path.is_relative() => folder.join(path),
            _ => path.to_owned(),
        }
    }

    /// Whether the project's logo at `resolved` may be read into a document.
    fn logo_allowed(
        &self,
        written: &str,
        resolved: &Path,
        allow_outside: bool,
    ) -> Result<(), BrandingProblem> {
        if allow_outside || self.is_inside_project_folder(resolved) {
            return Ok(());
        }
        // Hashing reads the file (never into a document): a regular picture within the cap only.
        let bytes = crate::picture::read_capped(resolved, branding::MAX_LOGO_BYTES)
            .map_err(LogoError::from)?;
        let sha256 = sha256_hex(&bytes);
        let allowed = self
            .assessment
            .project
            .trusted_files
            .iter()
            .any(|t| t.path == written && t.sha256.eq_ignore_ascii_case(&sha256));
        if allowed {
            return Ok(());
        }
        Err(BrandingProblem::Outside {
            path: resolved.to_owned(),
            trust: TrustedFile {
                path: written.to_owned(),
                sha256,
                allowed_on: Some(self.today),
            },
        })
    }

    /// True when `path` lies under the folder of the session's project file (links resolved);
    /// never for untitled work, whose files all came from elsewhere.
    fn is_inside_project_folder(&self, path: &Path) -> bool {
        let Some(folder) = self.path.as_deref().and_then(Path::parent) else {
            return false;
        };
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        match (std::fs::canonicalize(folder), std::fs::canonicalize(path)) {
            (Ok(folder), Ok(path)) => path.starts_with(folder),
            _ => false,
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
