//! Documents a DPO derives from the same answers as the AIPD: the entry of the record of
//! processing activities (GDPR art. 30 / LIL art. 100), the public information notice (first
//! layer for the signs, second layer for the website) and, when a residual risk stays high (or
//! Police-Justice purposes rest on a new technology), the prior-consultation letter to the CNIL
//! (GDPR art. 36 / LIL art. 90); and the AI Act art. 27 fundamental-rights impact assessment that
//! complements the AIPD when an Annex III system is deployed by a public body.
//!
//! Each is built as the dossier's document model (`dossier::Dossier`), so it renders to PDF
//! through the same renderer and to plain text (`dossier::text`) for copy-paste. Pure: no IO.

mod authorisation;
mod authorisation_pieces;
mod common;
mod consultation;
mod fria;
mod notice;
mod questionnaire;
mod register;
pub mod rule_book;

use crate::dossier::{Ctx, Dossier};
use crate::knowledge::KnowledgeBase;
use crate::model::{Assessment, Date, Lang, Risk};
use crate::rules::Report;

/// Which derived document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// The entry of the record of processing activities.
    Register,
    /// The public information notice, both layers.
    Notice,
    /// The prior-consultation letter to the CNIL.
    Consultation,
    /// The AI Act art. 27 fundamental-rights impact assessment (FRIA), companion of the AIPD.
    Fria,
    /// The file of a request to the prefect (new system, modification, renewal): the entry
    /// sheet for the online procedure and the attachments of CSI R.252-3. Always in French.
    Authorisation,
    /// The questionnaire of a contributor's copy: the parts asked, what is left to answer in
    /// them, what the AIPD holds. Only of a copy written for a contributor (not in `ALL`: the
    /// Dossier step offers it in the contribution window).
    Questionnaire,
}

impl DocumentKind {
    /// All of them, in the order the app lists them.
    pub const ALL: [DocumentKind; 5] = [
        DocumentKind::Register,
        DocumentKind::Notice,
        DocumentKind::Consultation,
        DocumentKind::Fria,
        DocumentKind::Authorisation,
    ];

    /// The name used on the command line (`--document register`).
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Register => "register",
            DocumentKind::Notice => "notice",
            DocumentKind::Consultation => "consultation",
            DocumentKind::Fria => "fria",
            DocumentKind::Authorisation => "authorisation",
            DocumentKind::Questionnaire => "questionnaire",
        }
    }

    /// The language it is written in: the one asked for, except the request to the prefect,
    /// always in French (the prefecture reads French).
    pub fn lang(self, asked: Lang) -> Lang {
        match self {
            DocumentKind::Authorisation => Lang::Fr,
            _ => asked,
        }
    }

    /// The kind named `code` on the command line.
    pub fn from_code(code: &str) -> Option<DocumentKind> {
        Self::ALL
            .into_iter()
            .chain([DocumentKind::Questionnaire])
            .find(|k| k.code() == code)
    }

    /// The i18n key of its title.
    pub fn title_key(self) -> &'static str {
        match self {
            DocumentKind::Register => "doc.register.title",
            DocumentKind::Notice => "doc.notice.title",
            DocumentKind::Consultation => "doc.consultation.title",
            DocumentKind::Fria => "doc.fria.title",
            DocumentKind::Authorisation => "doc.authorisation.title",
            DocumentKind::Questionnaire => "doc.questionnaire.title",
        }
    }

    /// The file name suggested for it beside the project (`commune-registre.pdf`).
    pub fn file_suffix(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DocumentKind::Register, Lang::Fr) => "registre",
            (DocumentKind::Register, Lang::En) => "record",
            (DocumentKind::Notice, Lang::Fr) => "information-public",
            (DocumentKind::Notice, Lang::En) => "public-notice",
            (DocumentKind::Consultation, Lang::Fr) => "consultation-cnil",
            (DocumentKind::Consultation, Lang::En) => "prior-consultation",
            (DocumentKind::Fria, Lang::Fr) => "aidf",
            (DocumentKind::Fria, Lang::En) => "fria",
            (DocumentKind::Authorisation, _) => "demande-autorisation",
            (DocumentKind::Questionnaire, Lang::Fr) => "questionnaire-contribution",
            (DocumentKind::Questionnaire, Lang::En) => "contribution-questionnaire",
        }
    }
}

/// A part of the assessment a contributor is asked to fill, by its name (the contribution
/// window, the merge window and the questionnaire say it alike).
pub fn part_name(kb: &KnowledgeBase, lang: Lang, part: crate::model::Part) -> String {
    kb.texts
        .get(lang, &format!("enum.part.{part:?}"))
        .to_owned()
}

/// Why a document cannot be built (its message is `doc.consultation.not_required` in the
/// user's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// No residual risk is high and no Police-Justice purpose rests on an innovative use: the
    /// law asks for no prior consultation.
    ConsultationNotRequired,
    /// A questionnaire was asked of a project that is not a contributor's copy.
    NotAContribution,
}

pub use crate::rules::consultation::ConsultationGround;

/// Whether, and why, the prior consultation is due (the engine's own test, rule R18).
pub fn consultation_ground(assessment: &Assessment, report: &Report) -> Option<ConsultationGround> {
    crate::rules::consultation::ground(assessment, &report.screening)
}

/// Why a letter to the CNIL can be written: the consultation is due, or — a residual severity
/// left at its maximum (R18-SEVERE) — the controller may ask for the CNIL's opinion of its own
/// accord.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterGround {
    /// The law calls for the consultation.
    Required(ConsultationGround),
    /// Not required, but a residual risk keeps the maximum severity: a voluntary request.
    Voluntary,
}

/// The letter's ground, if any.
pub fn letter_ground(assessment: &Assessment, report: &Report) -> Option<LetterGround> {
    match consultation_ground(assessment, report) {
        Some(ground) => Some(LetterGround::Required(ground)),
        None if !crate::rules::consultation::severe_residual_risks(assessment).is_empty() => {
            Some(LetterGround::Voluntary)
        }
        None => None,
    }
}

/// Whether AI Act art. 27 asks this controller for a FRIA: a public body (or a private one
/// providing a public service) with an Annex III point 1 system it can use — the conditions of
/// rule R26, whether or not the FRIA is already done.
pub fn fria_applies(assessment: &Assessment, report: &Report) -> bool {
    assessment.project.organisation_kind.owes_fria()
        && report
            .findings
            .iter()
            .any(|f| f.rule_id == "AIA-ANNEX-III-1")
}

/// The risks whose residual level stays in the high band: they make the prior consultation
/// mandatory (the same test as rule R18).
pub fn high_residual_risks(assessment: &Assessment) -> Vec<&Risk> {
    assessment
        .risks
        .iter()
        .filter(|r| r.is_residual_high())
        .collect()
}

/// The entry sheet of the request to the prefect as CSV (frame, field, value, state), in
/// French, for the online procedure.
pub fn authorisation_entry_sheet_csv(
    assessment: &Assessment,
    kb: &KnowledgeBase,
    report: &Report,
    today: Date,
) -> String {
    let ctx = Ctx {
        a: assessment,
        kb,
        report,
        lang: Lang::Fr,
        is_public: false,
        today,
    };
    let (request, _) = authorisation::request_of(&ctx);
    authorisation::entry_sheet_csv(&ctx, &authorisation::entry_sheet(&ctx, &request))
}

/// What the entry sheet of request `index` still lacks, each line named « frame — field », in
/// `lang` (the file itself is written in French).
pub fn authorisation_missing(
    assessment: &Assessment,
    kb: &KnowledgeBase,
    report: &Report,
    lang: Lang,
    today: Date,
    index: usize,
) -> Vec<String> {
    let Some(request) = assessment.video_system.requests.get(index) else {
        return Vec::new();
    };
    let ctx = Ctx {
        a: assessment,
        kb,
        report,
        lang,
        is_public: false,
        today,
    };
    authorisation::entry_sheet(&ctx, request)
        .into_iter()
        .filter(|line| line.value.is_none())
        .map(|line| format!("{} — {}", line.frame, line.label))
        .collect()
}

/// The model of the general instructions to operators a request joins, to adapt: in French,
/// as the prefecture reads the file.
pub fn model_instructions(kb: &KnowledgeBase) -> String {
    kb.texts
        .get(Lang::Fr, "doc.authorisation.model_instructions")
        .to_owned()
}

/// Builds one document in `lang` (in French for the request to the prefect), dated `today`.
pub fn build(
    kind: DocumentKind,
    assessment: &Assessment,
    kb: &KnowledgeBase,
    report: &Report,
    lang: Lang,
    today: Date,
) -> Result<Dossier, DocumentError> {
    let ctx = Ctx {
        a: assessment,
        kb,
        report,
        lang: kind.lang(lang),
        is_public: false,
        today,
    };
    let blocks = match kind {
        DocumentKind::Register => register::register(&ctx),
        DocumentKind::Notice => notice::notice(&ctx),
        DocumentKind::Consultation => match letter_ground(assessment, report) {
            Some(ground) => consultation::letter(&ctx, ground),
            None => return Err(DocumentError::ConsultationNotRequired),
        },
        DocumentKind::Fria => fria::fria(&ctx),
        DocumentKind::Authorisation => authorisation::authorisation(&ctx),
        DocumentKind::Questionnaire => match &assessment.project.contribution {
            Some(contribution) => questionnaire::questionnaire(&ctx, contribution),
            None => return Err(DocumentError::NotAContribution),
        },
    };
    let project = &assessment.project;
    let title = format!("{} — {}", ctx.t(kind.title_key()), project.title);
    let meta = ctx.meta(
        title,
        ctx.t(kind.title_key()),
        &["AIPD", "DPIA", kind.code()],
        common::footer(&ctx),
    );
    Ok(Dossier {
        meta,
        blocks,
        source_attachment: None,
    })
}
