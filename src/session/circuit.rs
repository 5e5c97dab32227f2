//! The review circuit and validation: Draft → In review → DPO opinion given → Validated →
//! Under revision, each step recorded with who, when and why; validating records a version of
//! the content in the file (`storage::history`), and is refused while a blocking finding is
//! open unless the validator writes why (the reason is printed in the dossier).

use super::Session;
use crate::model::history::Transition;
use crate::model::ProjectStatus;
use crate::rules::Severity;

/// Why a step of the circuit was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CircuitError {
    /// The circuit does not go from this status to that one.
    #[error("the circuit does not go from {from:?} to {to:?}")]
    NotAllowed {
        /// The current status.
        from: ProjectStatus,
        /// The one asked for.
        to: ProjectStatus,
    },
    /// Who makes the step is not known (the user's name is a setting).
    #[error("the user's name is not set")]
    NoName,
    /// A version needs a number.
    #[error("the version has no number")]
    NoNumber,
    /// That number is already a validated version.
    #[error("version {0} already exists")]
    DuplicateNumber(String),
    /// Blocking findings are open and no reason was written.
    #[error("{0} blocking finding(s) open and no reason given")]
    BlockingOpen(usize),
    /// The version could not be recorded.
    #[error("{0}")]
    History(String),
}

impl Session {
    /// Moves the circuit to `to` (not to « validated »: see [`Session::validate`]).
    pub fn change_status(
        &mut self,
        to: ProjectStatus,
        by: &str,
        comment: &str,
    ) -> Result<(), CircuitError> {
        let from = self.assessment.project.status;
        if to == ProjectStatus::Validated || !from.next().contains(&to) {
            return Err(CircuitError::NotAllowed { from, to });
        }
        if by.trim().is_empty() {
            return Err(CircuitError::NoName);
        }
        self.assessment.history.transitions.push(Transition {
            from,
            to,
            by: by.trim().to_owned(),
            on: Some(self.today),
            comment: comment.trim().to_owned(),
        });
        self.assessment.project.status = to;
        Ok(())
    }

    /// Validates the current content as version `number`: refused from any status but « DPO
    /// opinion given », without a name or a new number, or with a blocking finding open and no
    /// written reason.
    pub fn validate(
        &mut self,
        number: &str,
        by: &str,
        blocking_reason: &str,
    ) -> Result<(), CircuitError> {
        let from = self.assessment.project.status;
        if !from.next().contains(&ProjectStatus::Validated) {
            return Err(CircuitError::NotAllowed {
                from,
                to: ProjectStatus::Validated,
            });
        }
        if by.trim().is_empty() {
            return Err(CircuitError::NoName);
        }
        let number = number.trim();
        if number.is_empty() {
            return Err(CircuitError::NoNumber);
        }
        if self
            .assessment
            .history
            .versions
            .iter()
            .any(|v| v.number == number)
        {
            return Err(CircuitError::DuplicateNumber(number.to_owned()));
        }
        self.refresh();
        let blocking = self
            .report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .count();
        if blocking > 0 && blocking_reason.trim().is_empty() {
            return Err(CircuitError::BlockingOpen(blocking));
        }
        self.assessment.history.transitions.push(Transition {
            from,
            to: ProjectStatus::Validated,
            by: by.trim().to_owned(),
            on: Some(self.today),
            comment: blocking_reason.trim().to_owned(),
        });
        let latest = self.latest_version_text().map(str::to_owned);
        let text = crate::storage::history::validate(
            &mut self.assessment,
            latest.as_deref(),
            number,
            by.trim(),
            self.today,
            blocking_reason,
        )
        .map_err(|e| CircuitError::History(e.to_string()))?;
        self.version_texts
            .insert(crate::storage::history::sha256_hex(&text), text);
        self.refresh();
        Ok(())
    }
}
