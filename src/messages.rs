//! How errors and warnings read to the user: each error type is rendered here once, in French
//! or English, from its own data, for the command line and the app alike. `i18n` only looks up
//! strings; error types never flow into it.

use crate::i18n::{tr, tr_with, Lang};
use crate::model::integrity::Problem;
use crate::pdf::reopen::ReopenError;
use crate::session::{AttachError, ExportError, OpenError, SaveFailure};
use crate::storage::camera_csv::{CsvError, CsvFileError};
use crate::storage::{LoadError, SaveError};

/// `text` safe for a terminal: control characters from a file's content (an escape sequence
/// that would recolour, clear or retitle the terminal) are dropped; line breaks and tabs stay.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// The i18n key naming what a path is when it is not a regular file.
pub fn not_regular_key(kind: crate::files::NotRegular) -> &'static str {
    use crate::files::NotRegular;
    match kind {
        NotRegular::Directory => "file.kind.directory",
        NotRegular::Fifo => "file.kind.fifo",
        NotRegular::Device => "file.kind.device",
        NotRegular::Socket => "file.kind.socket",
        NotRegular::Other => "file.kind.other",
    }
}

/// A load error in the user's language: `path:line:column: message`.
pub fn load_error(error: &LoadError, lang: Lang) -> String {
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
        LoadError::NotAFile { path, kind } => format!(
            "{}: {}",
            path.display(),
            tr_with(
                lang,
                "error.load.not_a_file",
                &[("kind", tr(lang, not_regular_key(*kind)))]
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
        LoadError::TooManyPoints {
            path,
            plan,
            what,
            is_mask,
            points,
            max,
        } => format!(
            "{}: {}",
            at(path, 1, 1),
            tr_with(
                lang,
                if *is_mask {
                    "error.load.too_many_points_mask"
                } else {
                    "error.load.too_many_points"
                },
                &[
                    ("plan", plan),
                    ("what", what),
                    ("points", &points.to_string()),
                    ("max", &max.to_string())
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
pub fn open_error(error: &OpenError, lang: Lang) -> String {
    match error {
        OpenError::Load(error) => load_error(error, lang),
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
pub fn save_error(error: &SaveError, lang: Lang) -> String {
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
pub fn pia_warning(warning: &crate::interop::pia::PiaWarning, lang: Lang) -> String {
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

/// A failed save in the user's language, the path first.
pub fn save_failure(error: &SaveFailure, lang: Lang) -> String {
    match error {
        SaveFailure::Untitled => tr(lang, "ui.save_untitled").to_owned(),
        SaveFailure::NotAProject { reason, .. } => format!(
            "{} {}",
            tr(lang, "ui.refuse_overwrite"),
            load_error(reason, lang)
        ),
        SaveFailure::Write(error) => save_error(error, lang),
        SaveFailure::History(reason) => {
            crate::i18n::tr_with(lang, "error.save.history", &[("reason", reason)])
        }
    }
}

/// A contributor's copy not written (or written without its questionnaire), in the user's
/// language.
pub fn contribution_failure(
    error: &crate::session::contribution::ContributionFailure,
    lang: Lang,
) -> String {
    use crate::session::contribution::ContributionFailure;
    match error {
        ContributionFailure::IsTheProject(path) => crate::i18n::tr_with(
            lang,
            "error.contribution.is_the_project",
            &[("path", &path.display().to_string())],
        ),
        ContributionFailure::Incomplete => tr(lang, "error.contribution.incomplete").to_owned(),
        ContributionFailure::Save(error) => save_failure(error, lang),
        ContributionFailure::Questionnaire(path, error) => format!(
            "{} {}",
            tr(lang, "error.contribution.questionnaire"),
            export_error(error, path, lang)
        ),
    }
}

/// A refused step of the review circuit, in the user's language.
pub fn circuit_error(error: &crate::session::CircuitError, lang: Lang) -> String {
    use crate::session::CircuitError;
    match error {
        CircuitError::NotAllowed { from, to } => crate::i18n::tr_with(
            lang,
            "circuit.not_allowed",
            &[
                ("from", tr(lang, &format!("enum.status.{from:?}"))),
                ("to", tr(lang, &format!("enum.status.{to:?}"))),
            ],
        ),
        CircuitError::NoName => tr(lang, "circuit.no_name").to_owned(),
        CircuitError::NoNumber => tr(lang, "circuit.no_number").to_owned(),
        CircuitError::DuplicateNumber(number) => {
            crate::i18n::tr_with(lang, "circuit.duplicate", &[("number", number)])
        }
        CircuitError::BlockingOpen(count) => {
            crate::i18n::tr_count(lang, "circuit.blocking", *count, &[])
        }
        CircuitError::History(reason) => {
            crate::i18n::tr_with(lang, "error.save.history", &[("reason", reason)])
        }
    }
}

/// What a confirmed camera CSV import did: the cameras imported, the positions put on plans,
/// the plans added, and each position not used with why.
pub fn csv_imported(
    (cameras, updated): (usize, usize),
    placed: &crate::session::camera_csv::PositionsPlaced,
    lang: Lang,
) -> String {
    use crate::session::camera_csv::NotPlaced;
    let mut parts = vec![crate::i18n::tr_count(lang, "ui.csv_imported", cameras, &[])];
    if updated > 0 {
        parts.push(crate::i18n::tr_count(lang, "ui.csv_updated", updated, &[]));
    }
    if placed.placed > 0 {
        parts.push(crate::i18n::tr_count(
            lang,
            "ui.csv_placed",
            placed.placed,
            &[],
        ));
    }
    if !placed.plans_added.is_empty() {
        // Plans by what a user reads on their tab (title, else perimeter), not `PLAN-1`.
        let ids: Vec<&str> = placed
            .plans_added
            .iter()
            .map(|(id, name)| {
                if name.trim().is_empty() {
                    id.as_str()
                } else {
                    name.as_str()
                }
            })
            .collect();
        parts.push(crate::i18n::tr_count(
            lang,
            "ui.csv_plans_added",
            ids.len(),
            &[("plans", &ids.join(", "))],
        ));
    }
    let mut text = parts.join(", ");
    if !placed.not_placed.is_empty() {
        let why: Vec<String> = placed
            .not_placed
            .iter()
            .map(|(camera, reason)| {
                let key = match reason {
                    NotPlaced::NoPerimeter => "ui.csv_not_placed.no_perimeter",
                    NotPlaced::OffPicture => "ui.csv_not_placed.off_picture",
                    NotPlaced::PlanNotEmpty => "ui.csv_not_placed.plan_not_empty",
                };
                format!("{camera} ({})", tr(lang, key))
            })
            .collect();
        text.push_str(". ");
        text.push_str(&tr_with(
            lang,
            "ui.csv_not_placed",
            &[("cameras", &why.join(", "))],
        ));
    }
    text
}

/// A plan background that cannot be used or shown, in the user's language.
pub fn background_error(
    error: &crate::session::plan_background::BackgroundError,
    lang: Lang,
) -> String {
    use crate::picture::PictureError;
    use crate::session::plan_background::BackgroundError;
    let picture = match error {
        BackgroundError::Picture(picture) => picture,
        BackgroundError::Changed { path } => {
            return tr_with(
                lang,
                "error.background.changed",
                &[("path", &path.display().to_string())],
            )
        }
        BackgroundError::NotInLocker(id) => {
            return tr_with(
                lang,
                "error.background.not_in_locker",
                &[("evidence", id.as_str())],
            )
        }
    };
    match picture {
        PictureError::Unreadable { path, reason } => tr_with(
            lang,
            "error.background.unreadable",
            &[("path", &path.display().to_string()), ("reason", reason)],
        ),
        PictureError::NotAFile { path, kind } => tr_with(
            lang,
            "error.background.not_a_file",
            &[
                ("path", &path.display().to_string()),
                ("kind", tr(lang, not_regular_key(*kind))),
            ],
        ),
        PictureError::TooLarge { path, bytes, max } => tr_with(
            lang,
            "error.background.too_large",
            &[
                ("path", &path.display().to_string()),
                ("mb", &format!("{:.1}", *bytes as f64 / 1_048_576.0)),
                ("max", &(max / 1_048_576).to_string()),
            ],
        ),
        PictureError::NotPngOrJpeg => tr(lang, "error.background.format").to_owned(),
        PictureError::TooManyPixels {
            width,
            height,
            max_side,
            max_pixels,
        } => tr_with(
            lang,
            "error.background.pixels",
            &[
                ("width", &width.to_string()),
                ("height", &height.to_string()),
                ("max", &max_side.to_string()),
                ("megapixels", &(max_pixels / 1_000_000).to_string()),
            ],
        ),
        PictureError::Corrupt(reason) => {
            tr_with(lang, "error.background.corrupt", &[("reason", reason)])
        }
    }
}

/// A logo that cannot be used, in the user's language: what is wrong with it.
pub fn logo_error(error: &crate::branding::LogoError, lang: Lang) -> String {
    use crate::branding::{LogoError, MAX_LOGO_BYTES, MAX_SIDE};
    match error {
        LogoError::Unreadable { path, reason } => tr_with(
            lang,
            "error.logo.unreadable",
            &[("path", &path.display().to_string()), ("reason", reason)],
        ),
        LogoError::NotAFile { path, kind } => tr_with(
            lang,
            "error.logo.not_a_file",
            &[
                ("path", &path.display().to_string()),
                ("kind", tr(lang, not_regular_key(*kind))),
            ],
        ),
        LogoError::TooLarge { path, bytes } => tr_with(
            lang,
            "error.logo.too_large",
            &[
                ("path", &path.display().to_string()),
                ("mb", &format!("{:.1}", *bytes as f64 / 1_048_576.0)),
                ("max", &(MAX_LOGO_BYTES / 1_048_576).to_string()),
            ],
        ),
        LogoError::NotPngOrJpeg => tr(lang, "error.logo.format").to_owned(),
        LogoError::TooManyPixels { width, height } => tr_with(
            lang,
            "error.logo.pixels",
            &[
                ("width", &width.to_string()),
                ("height", &height.to_string()),
                ("max", &MAX_SIDE.to_string()),
            ],
        ),
        LogoError::Corrupt(reason) => tr_with(lang, "error.logo.corrupt", &[("reason", reason)]),
        LogoError::Changed { path } => tr_with(
            lang,
            "error.logo.changed",
            &[("path", &path.display().to_string())],
        ),
    }
}

/// Why a logo could not join the evidence locker, in the user's language.
pub fn attach_logo_error(error: &crate::session::logo::AttachLogoError, lang: Lang) -> String {
    use crate::session::logo::AttachLogoError;
    match error {
        AttachLogoError::Logo(error) => logo_error(error, lang),
        AttachLogoError::Attach(error) => attach_error(error, lang),
    }
}

/// What a file about to be replaced by an export holds, in the user's language: « a full
/// dossier (project attached), 43 pages, written on 12/11/2026 ».
pub fn existing_output(
    path: &std::path::Path,
    existing: &crate::session::export::Existing,
    lang: Lang,
) -> String {
    let what = match existing.is_full_dossier {
        Some(true) => tr(lang, "ui.existing_full"),
        Some(false) => tr(lang, "ui.existing_pdf"),
        None => tr(lang, "ui.existing_file"),
    };
    let mut parts = vec![what.to_owned()];
    if let Some(pages) = existing.pages {
        parts.push(tr_with(
            lang,
            "ui.existing_pages",
            &[("pages", &pages.to_string())],
        ));
    }
    if let Some(modified) = existing.modified {
        let day = time::OffsetDateTime::from(modified).date();
        let day = crate::model::Date::from(day);
        parts.push(tr_with(
            lang,
            "ui.existing_written",
            &[("date", &day.display(lang))],
        ));
    }
    tr_with(
        lang,
        "ui.replace_question",
        &[
            ("path", &path.display().to_string()),
            ("what", &parts.join(", ")),
        ],
    )
}

/// Why a project's logo outside its folder was not read, in the user's language.
pub fn outside_logo(path: &std::path::Path, lang: Lang) -> String {
    tr_with(
        lang,
        "error.logo.outside",
        &[("path", &path.display().to_string())],
    )
}

/// A failed export in the user's language; `file` names what was being exported.
pub fn export_error(error: &ExportError, file: &std::path::Path, lang: Lang) -> String {
    match error {
        ExportError::ConsultationNotRequired => format!(
            "{}: {}",
            file.display(),
            tr(lang, "doc.consultation.not_required")
        ),
        ExportError::NotAContribution => format!(
            "{}: {}",
            file.display(),
            tr(lang, "error.contribution.not_a_copy")
        ),
        ExportError::Serialize(message) => format!(
            "{}: {}: {message}",
            file.display(),
            tr(lang, "error.save.serialize")
        ),
        ExportError::Render(error) => format!("gardefou: {error}"),
        ExportError::Office(error) => format!("gardefou: {error}"),
        ExportError::OutputIsInput { path } => format!(
            "{}: {}",
            path.display(),
            tr(lang, "error.export.output_is_input")
        ),
        ExportError::OutputIsProject { path } => format!(
            "{}: {}",
            path.display(),
            tr(lang, "error.export.output_is_project")
        ),
        ExportError::Write { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.save.io")
        ),
    }
}

/// A failed attachment in the user's language.
pub fn attach_error(error: &AttachError, lang: Lang) -> String {
    match error {
        AttachError::Io { path, source } => crate::i18n::tr_with(
            lang,
            "ui.attach_failed",
            &[
                ("path", &path.display().to_string()),
                ("reason", &source.to_string()),
            ],
        ),
    }
}

/// The message of an integrity problem, in `lang`.
pub fn problem(problem: &Problem, lang: Lang) -> String {
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

/// A camera CSV that could not be read or written, in the user's language, the path first.
pub fn camera_csv_error(error: &CsvFileError, lang: Lang) -> String {
    match error {
        CsvFileError::Read { path, source } if source.kind() == std::io::ErrorKind::NotFound => {
            format!("{}: {}", path.display(), tr(lang, "error.csv.not_found"))
        }
        CsvFileError::Read { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.csv.read")
        ),
        CsvFileError::Table { path, source } => match source {
            CsvError::TooLarge { size, max } => format!(
                "{}: {}",
                path.display(),
                tr_with(
                    lang,
                    "error.csv.too_large",
                    &[("size", &size.to_string()), ("max", &max.to_string())]
                )
            ),
            CsvError::Empty => format!("{}: {}", path.display(), tr(lang, "error.csv.empty")),
            CsvError::Malformed { line, message } => format!(
                "{}:{line}: {} ({message})",
                path.display(),
                tr(lang, "error.csv.malformed")
            ),
        },
        CsvFileError::Write { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.csv.write")
        ),
    }
}

/// A camera file (CSV or GeoJSON) that could not be read, in the user's language, the path
/// first.
pub fn camera_file_error(
    error: &crate::session::camera_csv::CameraFileError,
    lang: Lang,
) -> String {
    use crate::session::camera_csv::CameraFileError;
    match error {
        CameraFileError::Csv(error) => camera_csv_error(error, lang),
        CameraFileError::GeoJson(error) => geo_file_error(error, lang),
    }
}

/// Why a file of the portfolio could not be read, in the user's language, the path first.
pub fn portfolio_problem(problem: &crate::portfolio::Problem, lang: Lang) -> String {
    use crate::portfolio::{Problem, WalkProblem};
    match problem {
        Problem::Open(error) => open_error(error, lang),
        Problem::Walk(WalkProblem::Unreadable { path, source }) => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.portfolio.unreadable")
        ),
        Problem::Walk(WalkProblem::Loop { path, target }) => format!(
            "{}: {}",
            path.display(),
            tr_with(
                lang,
                "error.portfolio.loop",
                &[("target", &target.display().to_string())]
            )
        ),
        Problem::Walk(WalkProblem::NotAFile { path }) => format!(
            "{}: {}",
            path.display(),
            tr(lang, "error.portfolio.not_a_file")
        ),
        Problem::Walk(WalkProblem::TooDeep { path }) => format!(
            "{}: {}",
            path.display(),
            tr_with(
                lang,
                "error.portfolio.too_deep",
                &[("max", &crate::portfolio::walk::MAX_DEPTH.to_string())]
            )
        ),
    }
}

/// Why a GeoJSON file of camera positions gave none, in the user's language, the path first.
pub fn geo_file_error(error: &crate::session::geo_positions::GeoFileError, lang: Lang) -> String {
    use crate::session::geo_positions::GeoFileError;
    match error {
        GeoFileError::Io { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.load.io")
        ),
        GeoFileError::GeoJson { path, source } => {
            format!("{}: {}", path.display(), geojson_error(source, lang))
        }
    }
}

/// Why a world file gave no georeference, in the user's language, the path first.
pub fn world_file_error(error: &crate::session::georef::WorldFileReadError, lang: Lang) -> String {
    use crate::model::geo::WorldFileError;
    use crate::session::georef::WorldFileReadError;
    match error {
        WorldFileReadError::Io { path, source } => format!(
            "{}: {}: {source}",
            path.display(),
            tr(lang, "error.load.io")
        ),
        WorldFileReadError::Content { path, source } => {
            let text = match source {
                WorldFileError::NotANumber(line) => tr_with(
                    lang,
                    "error.world_file.not_a_number",
                    &[("line", &line.to_string())],
                ),
                WorldFileError::TooShort(count) => tr_with(
                    lang,
                    "error.world_file.too_short",
                    &[("count", &count.to_string())],
                ),
                WorldFileError::Degenerate => tr(lang, "error.world_file.degenerate").to_owned(),
                WorldFileError::UnknownSystem(x, y) => tr_with(
                    lang,
                    "error.world_file.unknown_system",
                    &[("x", &x.to_string()), ("y", &y.to_string())],
                ),
            };
            format!("{}: {text}", path.display())
        }
    }
}

/// What georeferencing a plan did to its cameras (`on`: georeferenced, else untied), in the
/// user's language.
pub fn georef_placed(
    on: bool,
    placed: &crate::session::georef::GeorefPlaced,
    lang: Lang,
) -> String {
    if !on {
        return tr(lang, "ui.plan.georef.removed").to_owned();
    }
    let mut parts = vec![tr(lang, "ui.plan.georef.done").to_owned()];
    if placed.moved > 0 {
        parts.push(crate::i18n::tr_count(
            lang,
            "ui.plan.georef.moved",
            placed.moved,
            &[],
        ));
    }
    if placed.placed > 0 {
        parts.push(crate::i18n::tr_count(
            lang,
            "ui.plan.georef.placed",
            placed.placed,
            &[],
        ));
    }
    if !placed.off_sheet.is_empty() {
        let ids: Vec<String> = placed
            .off_sheet
            .iter()
            .take(10)
            .map(ToString::to_string)
            .collect();
        parts.push(crate::i18n::tr_count(
            lang,
            "ui.plan.georef.off_sheet",
            placed.off_sheet.len(),
            &[("ids", &ids.join(", "))],
        ));
    }
    parts.join(" ")
}

/// Why a GeoJSON file's content is not usable, in the user's language.
fn geojson_error(error: &crate::interop::geojson::GeoJsonError, lang: Lang) -> String {
    use crate::interop::geojson::GeoJsonError;
    match error {
        GeoJsonError::TooLarge(size) => tr_with(
            lang,
            "error.geojson.too_large",
            &[("size", &size.to_string())],
        ),
        GeoJsonError::NotJson(detail) => {
            format!("{} ({detail})", tr(lang, "error.geojson.not_json"))
        }
        GeoJsonError::NotGeoJson => tr(lang, "error.geojson.not_geojson").to_owned(),
        GeoJsonError::TooManyFeatures(n) => {
            tr_with(lang, "error.geojson.too_many", &[("count", &n.to_string())])
        }
    }
}

/// A feature of a GeoJSON file that gave no position, in the user's language.
pub fn geojson_warning(warning: &crate::interop::geojson::GeoJsonWarning, lang: Lang) -> String {
    use crate::interop::geojson::GeoJsonWarning;
    match warning {
        GeoJsonWarning::NotAPoint(index) => tr_with(
            lang,
            "warning.geojson.not_a_point",
            &[("index", &(index + 1).to_string())],
        ),
        GeoJsonWarning::NoId(index) => tr_with(
            lang,
            "warning.geojson.no_id",
            &[("index", &(index + 1).to_string())],
        ),
        GeoJsonWarning::BadCoordinates(id) => {
            tr_with(lang, "warning.geojson.bad_coordinates", &[("camera", id)])
        }
        GeoJsonWarning::Duplicate(id) => {
            tr_with(lang, "warning.geojson.duplicate", &[("camera", id)])
        }
    }
}

/// Why a row of a camera CSV was refused, in the user's language.
pub fn csv_row_problem(problem: &crate::storage::camera_csv::RowProblem, lang: Lang) -> String {
    use crate::storage::camera_csv::RowProblem as P;
    match problem {
        P::NoIdColumn => tr(lang, "csv.row.no_id_column").to_owned(),
        P::Unreadable(message) => tr_with(lang, "csv.row.unreadable", &[("message", message)]),
        P::EmptyId => tr(lang, "csv.row.empty_id").to_owned(),
        P::TwiceInFile(id) => tr_with(lang, "csv.row.twice_in_file", &[("id", id)]),
        P::AlreadyInInventory(id) => tr_with(lang, "csv.row.already_in_inventory", &[("id", id)]),
        P::NotYesNo(text) => tr_with(lang, "csv.row.not_yes_no", &[("text", text)]),
        P::NotAKind(text) => tr_with(lang, "csv.row.not_a_kind", &[("text", text)]),
        P::NotASetting(text) => tr_with(lang, "csv.row.not_a_setting", &[("text", text)]),
        P::NotAPurpose(text) => tr_with(lang, "csv.row.not_a_purpose", &[("text", text)]),
        P::PurposeOutOfRange(text) => {
            tr_with(lang, "csv.row.purpose_out_of_range", &[("text", text)])
        }
        P::NotANumber { name, text } => tr_with(
            lang,
            "csv.row.not_a_number",
            &[("name", &csv_column_name(name, lang)), ("text", text)],
        ),
        P::OutOfRange {
            name,
            text,
            min,
            max,
        } => tr_with(
            lang,
            "csv.row.out_of_range",
            &[
                ("name", &csv_column_name(name, lang)),
                ("text", text),
                ("min", min),
                ("max", max),
            ],
        ),
        P::HalfPlanPosition => tr(lang, "csv.row.half_plan_position").to_owned(),
        P::HalfGeoPosition => tr(lang, "csv.row.half_geo_position").to_owned(),
        P::NotAPoint(kind) => tr_with(lang, "csv.row.not_a_point", &[("kind", kind)]),
        P::HalfLambertPosition => tr(lang, "csv.row.half_lambert_position").to_owned(),
        P::PositionsDisagree(metres) => tr_with(
            lang,
            "csv.row.positions_disagree",
            &[("metres", &metres.to_string())],
        ),
        P::TwoPositions => tr(lang, "csv.row.two_positions").to_owned(),
        P::NotADate(text) => tr_with(lang, "csv.row.not_a_date", &[("text", text)]),
    }
}

/// A refused row's problems, in the user's language, joined.
pub fn csv_row_error(error: &crate::storage::camera_csv::RowError, lang: Lang) -> String {
    error
        .problems
        .iter()
        .map(|p| csv_row_problem(p, lang))
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The name of a number column of the camera CSV (`x`, `latitude`, `direction`…) as the user
/// reads it.
fn csv_column_name(name: &str, lang: Lang) -> String {
    let key = format!("csv.column.{name}");
    let text = tr(lang, &key);
    if text == key {
        name.to_owned()
    } else {
        text.to_owned()
    }
}
