//! Every user-facing string of the UI and the CLI, in French and English.
//!
//! Strings live in `templates/i18n/{fr,en}.ron` as `{ "key": "text" }` maps, compiled into the
//! binary. `tr(lang, key)` looks one up; `{name}` placeholders are filled by `tr_with`. A missing
//! key shows as the key itself (never a blank), and a test fails on any key missing in either
//! language or used in the code but absent from the files.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::model::integrity::Problem;
pub use crate::model::Lang;
use crate::open::OpenError;
use crate::pdf::reopen::ReopenError;
use crate::storage::{LoadError, SaveError};

/// The strings of one language, by key.
pub type Catalogue = BTreeMap<String, String>;

const FR_SOURCE: &str = include_str!("../templates/i18n/fr.ron");
const EN_SOURCE: &str = include_str!("../templates/i18n/en.ron");

/// Parses one language file; the error says where it is malformed.
pub fn parse_catalogue(source: &str) -> Result<Catalogue, ron::error::SpannedError> {
    ron::from_str(source)
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static FR: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    let (cell, source) = match lang {
        Lang::Fr => (&FR, FR_SOURCE),
        Lang::En => (&EN, EN_SOURCE),
    };
    // A malformed file is caught by the i18n tests; at run time the keys then show as themselves.
    cell.get_or_init(|| parse_catalogue(source).unwrap_or_default())
}

/// The bundled catalogue of a language.
pub fn bundled(lang: Lang) -> &'static Catalogue {
    catalogue(lang)
}

/// The text of `key` in `lang`, or the key itself if it is missing.
pub fn tr(lang: Lang, key: &str) -> &str {
    catalogue(lang).get(key).map_or(key, String::as_str)
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn tr_with(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let mut text = tr(lang, key).to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The language of the user's environment (`LANG`, `LC_ALL`, `LC_MESSAGES`): French when it
/// starts with `fr`, English otherwise.
pub fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// French typography: a no-break space before `: ; ! ?` and inside « », for texts built from
/// pieces. Text that already has them is unchanged.
pub fn french_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if matches!(next, Some(':' | ';' | '!' | '?' | '»')) => out.push('\u{a0}'),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push('\u{a0}'),
            _ => out.push(c),
        }
    }
    out
}

/// A load error in the user's language: `path:line:column: message`.
pub fn load_error_message(error: &LoadError, lang: Lang) -> String {
    let at = |path: &std::path::Path, line: usize, column: usize| {
        format!("{}:{line}:{column}", path.display())
    };
    match error {
        LoadError::Io { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.load.io")
        ),
        LoadError::TooLarge { path, size, max } => format!(
            "{}: {}",
            path.display(),
            tr_with(
                lang,
                "error.load.too_large",
                &[("size", &size.to_string()), ("max", &max.to_string())]
            )
        ),
        LoadError::NotText { path, line, column } => {
            format!(
                "{}: {}",
                at(path, *line, *column),
                tr(lang, "error.load.not_text")
            )
        }
        LoadError::Syntax {
            path,
            line,
            column,
            message,
        } => format!(
            "{}: {} ({message})",
            at(path, *line, *column),
            tr(lang, "error.load.syntax")
        ),
        LoadError::NotAProject { path } => {
            format!(
                "{}: {}",
                at(path, 1, 1),
                tr(lang, "error.load.not_a_project")
            )
        }
        LoadError::NewerVersion {
            path,
            found,
            supported,
        } => format!(
            "{}: {}",
            at(path, 1, 1),
            tr_with(
                lang,
                "error.load.newer",
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string())
                ]
            )
        ),
        LoadError::UnknownVersion { path, found } => format!(
            "{}: {}",
            at(path, 1, 1),
            tr_with(
                lang,
                "error.load.unknown_version",
                &[("found", &found.to_string())]
            )
        ),
    }
}

/// An error opening a project or a dossier PDF, in the user's language, the path first.
pub fn open_error_message(error: &OpenError, lang: Lang) -> String {
    match error {
        OpenError::Load(error) => load_error_message(error, lang),
        OpenError::Pia { path, source } => {
            use crate::interop::pia::PiaError;
            let key = match source {
                PiaError::NotJson(_) => "error.pia.not_json",
                PiaError::ServerEdition => "error.pia.server_edition",
                PiaError::NotPia => "error.pia.not_pia",
                PiaError::TooLarge(_) => "error.pia.too_large",
            };
            format!("{}: {}", path.display(), tr(lang, key))
        }
        OpenError::Pdf { path, source } => {
            let (key, detail) = match source {
                ReopenError::NotPdf(detail) => ("error.pdf.not_pdf", detail.as_str()),
                ReopenError::NoAttachment => ("error.pdf.no_attachment", ""),
                ReopenError::Damaged(detail) => ("error.pdf.damaged", detail.as_str()),
                ReopenError::TooLarge => ("error.pdf.too_large", ""),
            };
            let mut message = format!("{}: {}", path.display(), tr(lang, key));
            if !detail.is_empty() {
                message.push_str(&format!(" ({detail})"));
            }
            message
        }
    }
}

/// A save error in the user's language, the path first.
pub fn save_error_message(error: &SaveError, lang: Lang) -> String {
    match error {
        SaveError::Io { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.save.io")
        ),
        SaveError::Serialize { path, message } => format!(
            "{}: {}: {message}",
            path.display(),
            tr(lang, "error.save.serialize")
        ),
    }
}

/// A warning of the PIA import in the user's language.
pub fn pia_warning_message(warning: &crate::interop::pia::PiaWarning, lang: Lang) -> String {
    use crate::interop::pia::PiaWarning;
    match warning {
        PiaWarning::UnknownKey(key) => tr_with(lang, "warning.pia.unknown_key", &[("key", key)]),
        PiaWarning::MeasureWithoutId => tr(lang, "warning.pia.measure_without_id").to_owned(),
        PiaWarning::AnswerWithoutQuestion => {
            tr(lang, "warning.pia.answer_without_question").to_owned()
        }
        PiaWarning::UnknownQuestion(reference) => tr_with(
            lang,
            "warning.pia.unknown_question",
            &[("reference", reference)],
        ),
        PiaWarning::UnknownRiskMeasure { risk, title } => tr_with(
            lang,
            "warning.pia.unknown_risk_measure",
            &[("risk", risk), ("title", title)],
        ),
        PiaWarning::MalformedEvaluation(reference) => tr_with(
            lang,
            "warning.pia.malformed_evaluation",
            &[("reference", reference)],
        ),
        PiaWarning::UnknownEvaluationQuestion(reference) => tr_with(
            lang,
            "warning.pia.unknown_evaluation_question",
            &[("reference", reference)],
        ),
        PiaWarning::UnknownEvaluationMeasure(reference) => tr_with(
            lang,
            "warning.pia.unknown_evaluation_measure",
            &[("reference", reference)],
        ),
    }
}

/// The message of an integrity problem, in `lang`.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    match problem {
        Problem::DuplicateCamera(id) => tr_with(lang, "problem.duplicate_camera", &[("id", id)]),
        Problem::DuplicateCapability(id) => {
            tr_with(lang, "problem.duplicate_capability", &[("id", id)])
        }
        Problem::DuplicateMeasure(id) => tr_with(lang, "problem.duplicate_measure", &[("id", id)]),
        Problem::DuplicateRisk(id) => tr_with(lang, "problem.duplicate_risk", &[("id", id)]),
        Problem::UnknownEvidence { owner, evidence_id } => tr_with(
            lang,
            "problem.unknown_evidence",
            &[("owner", owner), ("id", evidence_id)],
        ),
        Problem::UnknownMeasure { owner, measure_id } => tr_with(
            lang,
            "problem.unknown_measure",
            &[("owner", owner), ("id", measure_id)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            tr_with(
                Lang::En,
                "cli.validate.ok",
                &[("path", "a.aipd.ron"), ("cameras", "3")]
            ),
            "a.aipd.ron: valid project (3 cameras)"
        );
    }

    #[test]
    fn glues_french_punctuation_with_no_break_spaces() {
        assert_eq!(
            french_spacing("Verdict : « requise » !"),
            "Verdict\u{a0}: «\u{a0}requise\u{a0}»\u{a0}!"
        );
    }
}
