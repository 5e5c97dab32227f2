//! The shapes of the knowledge base: what `templates/*.ron` hold. Every text a user reads comes
//! as a [`Bilingual`] pair; every legal statement cites [`LegalRef`] ids.

use serde::{Deserialize, Serialize};

use crate::model::{
    CapabilityId, CriterionId, Date, Lang, LegalRefId, MeasureId, MeasureKind, PurposeKind,
    QuestionId, Regime,
};

/// A text in French and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The same text in both languages (numbers, ids, names).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            fr: text.clone(),
            en: text,
        }
    }

    /// Replaces each `{name}` with its value, language by language.
    pub fn fill(&self, values: &[(&str, Bilingual)]) -> Bilingual {
        let mut out = self.clone();
        for (name, value) in values {
            let placeholder = format!("{{{name}}}");
            out.fr = out.fr.replace(&placeholder, &value.fr);
            out.en = out.en.replace(&placeholder, &value.en);
        }
        out
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// True when either language is empty.
    pub fn is_incomplete(&self) -> bool {
        self.fr.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// How a fact was verified (the brief's tags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verification {
    /// \[V\] read in an official text or the authority's own material.
    Verified,
    /// \[S\] read in a secondary source.
    Secondary,
    /// \[U\] not verified: never the ground of a blocking rule.
    Unverified,
}

/// A legal reference: an article, a decision, a guideline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalRef {
    /// Stable id, e.g. `CSI-L252-5`.
    pub id: LegalRefId,
    /// Title in both languages.
    pub title: Bilingual,
    /// The citation as a lawyer writes it, e.g. « CSI, art. L.252-5 ».
    pub citation: String,
    /// Where to read it (shown, never opened by the app).
    pub url: String,
    /// How it was verified.
    pub verification: Verification,
    /// Day the entry was last reviewed.
    pub reviewed_on: Date,
}

/// One of the nine WP248 criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionDef {
    /// `C1` to `C9`.
    pub id: CriterionId,
    /// Short label.
    pub label: Bilingual,
    /// One-line explanation.
    pub summary: Bilingual,
    /// What triggers it in a video deployment.
    pub video_trigger: Bilingual,
    /// Sources.
    pub sources: Vec<LegalRefId>,
}

/// The legal status of a capability for a commune today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LegalStatus {
    /// No legal framework lets a commune use it today (live face recognition, real-time
    /// detection…).
    Prohibited,
    /// Lawful only under a specific legal framework or procedure.
    LawOnly,
    /// Lawful with information of the public and an AIPD.
    InformationRequired,
    /// Ordinary CSI video-protection.
    Standard,
    /// A privacy-protecting feature (masking, blurring).
    Mitigation,
}

/// An entry of the capability catalogue (K01-K16).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapabilityDef {
    /// `K01` to `K16`.
    pub id: CapabilityId,
    /// Short label.
    pub label: Bilingual,
    /// What the capability does.
    pub description: Bilingual,
    /// Criteria it triggers when present.
    pub criteria: Vec<CriterionId>,
    /// Legal status for a commune.
    pub status: LegalStatus,
    /// The status explained.
    pub status_note: Bilingual,
    /// Typical mitigations and the evidence expected.
    pub mitigations: Bilingual,
    /// It processes biometric data (face templates, biometric categorisation).
    pub is_biometric: bool,
    /// Sources.
    pub sources: Vec<LegalRefId>,
    /// How the status was verified.
    pub verification: Verification,
}

/// An entry of the measures catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureDef {
    /// `M-L1`, `M-O1`, `M-T1`…
    pub id: MeasureId,
    /// Legal, organisational or technical.
    pub kind: MeasureKind,
    /// Short title.
    pub title: Bilingual,
    /// What it consists of.
    pub description: Bilingual,
    /// The evidence that proves it.
    pub evidence_expected: Bilingual,
    /// Sources.
    pub sources: Vec<LegalRefId>,
}

/// Whether a question is answered in prose with an evaluation, or is help for a form field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// A necessity, proportionality or rights question answered in prose and evaluated.
    Answer,
}

/// A field of the project file the app names: its label, and its question and help where it has
/// them (`templates/fields.ron`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    /// The field's path with record ids left out (`evidence[].issued_on`): what
    /// [`crate::model::path::FieldPath::pattern`] gives.
    pub path: String,
    /// The label printed beside the value.
    pub label: Bilingual,
    /// The question the help window asks, when it is not the label.
    #[serde(default)]
    pub question: Option<Bilingual>,
    /// Help text shown beside it.
    #[serde(default)]
    pub help: Option<Bilingual>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<LegalRefId>,
}

impl FieldDef {
    /// The question its help window asks: its own, else its label.
    pub fn question(&self) -> &Bilingual {
        self.question.as_ref().unwrap_or(&self.label)
    }
}

/// A question of the wizard and its help text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDef {
    /// `necessity.minimisation`: the answer's path.
    pub id: QuestionId,
    /// What kind of question.
    pub kind: QuestionKind,
    /// The wizard step it belongs to: project, screening, processing, video_system, necessity,
    /// rights, risks, measures, opinions.
    pub step: String,
    /// The matching question number of the CNIL PIA tool, if any (211…227).
    pub cnil_ref: Option<u16>,
    /// The question as asked.
    pub label: Bilingual,
    /// Help text shown beside it.
    pub help: Bilingual,
    /// Sources.
    pub sources: Vec<LegalRefId>,
}

/// A purpose the app knows, with its label and usual regime.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurposeDef {
    /// The purpose this entry labels.
    pub kind: PurposeKind,
    /// Label, e.g. « 5° Prévention des atteintes à la sécurité des personnes et des biens… ».
    pub label: Bilingual,
    /// The regime it usually falls under (the CNIL's split by purpose).
    pub usual_regime: Regime,
    /// Sources.
    pub sources: Vec<LegalRefId>,
}

/// The text of one rule's findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleText {
    /// The rule id (`R05-EXPIRED`, `AIA-5-1-H`, `CONS-SOFTWARE`).
    pub id: String,
    /// Short title.
    pub title: Bilingual,
    /// The message, with `{name}` placeholders the engine fills.
    pub message: Bilingual,
    /// Legal sources of the rule; its verification tag is the weakest of theirs
    /// ([`crate::knowledge::KnowledgeBase::rule_verification`]).
    pub sources: Vec<LegalRefId>,
    /// Which answers trigger it, in plain words: what the rule book prints for a lawyer who does
    /// not read the code.
    #[serde(default)]
    pub condition: Bilingual,
    /// The tag of the rule's own proposition, when it is weaker than its sources' (a rule that
    /// cites a verified article for a point no source read): the rule's tag is the weakest of
    /// this and its sources'.
    #[serde(default)]
    pub tag: Option<Verification>,
    /// Why the proposition carries that tag.
    #[serde(default)]
    pub tag_reason: Bilingual,
    /// The severities the engine gives it (`blocking`, `high`, `medium`, `info`), as the rule
    /// book states them; `tests/rule_book.rs` holds them to the engine's code.
    #[serde(default)]
    pub severities: Vec<String>,
    /// What the rule cites for purposes under the Police-Justice regime (LIL Title III), when it
    /// differs from the GDPR: see [`PoliceJusticeCitation`].
    #[serde(default)]
    pub police_justice: Option<PoliceJusticeCitation>,
}

/// A rule's citations for Police-Justice purposes: each GDPR article replaced by its Title III
/// counterpart of the French Data Protection Act (LIL art. 88 for art. 9, art. 95 for art. 22)
/// when every purpose is under that regime, cited beside it when both regimes are present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliceJusticeCitation {
    /// (GDPR source, its Police-Justice counterpart).
    pub replaces: Vec<(LegalRefId, LegalRefId)>,
    /// Whether the rule still blocks when every purpose is under Police-Justice: `false` when
    /// nothing verified forbids the case under that regime (its counterpart not read), so the
    /// finding informs (high) and never blocks.
    pub blocks: bool,
    /// Why, in a sentence the finding's message ends with under Police-Justice only.
    #[serde(default)]
    pub note: Bilingual,
}

/// A phrase the engine uses in explanations (`because` lines, verdict reasons).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// Its id, e.g. `crit.public_space`.
    pub id: String,
    /// The text, with `{name}` placeholders.
    pub text: Bilingual,
}

/// The content of `templates/rules.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleTexts {
    /// One title, message and list of sources per rule id.
    pub findings: Vec<RuleText>,
    /// Sentences of the criteria's « because » trails and of the verdict's reasons, by id.
    pub phrases: Vec<Phrase>,
}
