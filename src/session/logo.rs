//! The documents' branding resolved for this session, with the trust boundary of the logo: a
//! logo named by the project (a file received from someone else) is read only when it lies in
//! the project's folder, or when the user allowed that very content for this project
//! (`project.trusted_files`, by SHA-256), or when the command line says `--allow-outside`.
//! Otherwise nothing is embedded and the caller asks. The user's own logo (the app's settings)
//! is the user's choice and always read.

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::Session;
use crate::branding::{self, LogoError};
use crate::model::{Branding, TrustedFile};

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

impl Session {
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
