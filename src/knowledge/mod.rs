//! The knowledge base: criteria, capabilities, measures, purposes, questions and legal references,
//! held as RON data under `templates/` and compiled into the binary. Code refers to entries by
//! typed id; `validate` proves every id resolves and every text exists in both languages.

pub mod ids;
pub mod presets;
pub mod texts;
pub mod types;
pub mod validate;

use std::collections::BTreeMap;

pub use types::{
    Bilingual, CapabilityDef, CriterionDef, FieldDef, LegalRef, LegalStatus, MeasureDef, Phrase,
    PoliceJusticeCitation, PurposeDef, QuestionDef, QuestionKind, RuleText, RuleTexts,
    Verification,
};

use crate::model::{CapabilityId, CriterionId, LegalRefId, MeasureId, PurposeKind, QuestionId};

/// A template file that did not parse (a bug of the build, caught by the tests).
#[derive(Debug, thiserror::Error)]
#[error("templates/{file}:{line}:{column}: {message}")]
pub struct KnowledgeError {
    /// The file, relative to `templates/` (`criteria.ron`, `dossier/fr.ron`).
    pub file: &'static str,
    /// Line where parsing stopped, counted from 1.
    pub line: usize,
    /// Column where parsing stopped, in characters, counted from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The help the app shows for a field or a question.
#[derive(Clone, Copy, Debug)]
pub struct Help<'a> {
    /// The question asked.
    pub question: &'a Bilingual,
    /// The help text.
    pub help: &'a Bilingual,
    /// Its sources.
    pub sources: &'a [LegalRefId],
}

/// The whole knowledge base, entries sorted by id.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeBase {
    /// C1-C9.
    pub criteria: Vec<CriterionDef>,
    /// K01-K16.
    pub capabilities: Vec<CapabilityDef>,
    /// The measures catalogue.
    pub measures: Vec<MeasureDef>,
    /// Purposes with labels.
    pub purposes: Vec<PurposeDef>,
    /// The questions answered in prose (necessity, rights).
    pub questions: Vec<QuestionDef>,
    /// The fields the app names: labels, questions, help (`fields.ron`).
    pub fields: Vec<FieldDef>,
    /// Legal references, by id.
    pub legal_refs: BTreeMap<LegalRefId, LegalRef>,
    /// Texts of the rule engine's findings.
    pub rule_texts: Vec<RuleText>,
    /// Phrases of the rule engine's explanations.
    pub phrases: Vec<Phrase>,
    /// The tests that hold each rule (`file::test`), by rule id: the rule book's held examples
    /// (`templates/rule_tests.ron`, kept in step with the tests by `tests/rule_book.rs`).
    pub rule_tests: BTreeMap<String, Vec<String>>,
    /// Texts of the dossier, the derived documents and the findings.
    pub texts: texts::DossierTexts,
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, KnowledgeError> {
    ron::from_str(text).map_err(|error| KnowledgeError {
        file,
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    })
}

impl KnowledgeBase {
    /// Parses the templates compiled into the binary.
    pub fn bundled() -> Result<KnowledgeBase, KnowledgeError> {
        let mut criteria: Vec<CriterionDef> =
            parse("criteria.ron", include_str!("../../templates/criteria.ron"))?;
        let mut capabilities: Vec<CapabilityDef> = parse(
            "capabilities.ron",
            include_str!("../../templates/capabilities.ron"),
        )?;
        let mut measures: Vec<MeasureDef> =
            parse("measures.ron", include_str!("../../templates/measures.ron"))?;
        let purposes: Vec<PurposeDef> =
            parse("purposes.ron", include_str!("../../templates/purposes.ron"))?;
        let questions: Vec<QuestionDef> = parse(
            "questions.ron",
            include_str!("../../templates/questions.ron"),
        )?;
        let fields: Vec<FieldDef> =
            parse("fields.ron", include_str!("../../templates/fields.ron"))?;
        let legal_refs: Vec<LegalRef> = parse(
            "legal_refs.ron",
            include_str!("../../templates/legal_refs.ron"),
        )?;
        let rules: RuleTexts = parse("rules.ron", include_str!("../../templates/rules.ron"))?;
        let texts = texts::DossierTexts::new(
            parse(
                "dossier/fr.ron",
                include_str!("../../templates/dossier/fr.ron"),
            )?,
            parse(
                "dossier/en.ron",
                include_str!("../../templates/dossier/en.ron"),
            )?,
        );
        criteria.sort_by_key(|c| natural_key(c.id.as_str()));
        capabilities.sort_by(|a, b| a.id.cmp(&b.id));
        measures.sort_by_key(|m| natural_key(m.id.as_str()));
        Ok(KnowledgeBase {
            criteria,
            capabilities,
            measures,
            purposes,
            questions,
            fields,
            legal_refs: legal_refs.into_iter().map(|r| (r.id.clone(), r)).collect(),
            rule_texts: rules.findings,
            phrases: rules.phrases,
            rule_tests: parse(
                "rule_tests.ron",
                include_str!("../../templates/rule_tests.ron"),
            )?,
            texts,
        })
    }

    /// The criterion with that id.
    pub fn criterion(&self, id: &CriterionId) -> Option<&CriterionDef> {
        self.criteria.iter().find(|c| &c.id == id)
    }

    /// The capability with that id.
    pub fn capability(&self, id: &CapabilityId) -> Option<&CapabilityDef> {
        self.capabilities.iter().find(|c| &c.id == id)
    }

    /// The catalogue measure with that id.
    pub fn measure(&self, id: &MeasureId) -> Option<&MeasureDef> {
        self.measures.iter().find(|m| &m.id == id)
    }

    /// The purpose entry for a purpose kind.
    pub fn purpose(&self, kind: PurposeKind) -> Option<&PurposeDef> {
        self.purposes.iter().find(|p| p.kind == kind)
    }

    /// The question answered in prose with that id.
    pub fn question(&self, id: &QuestionId) -> Option<&QuestionDef> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// The registry entry of a field: its label, question and help, found by the path's pattern
    /// (`cameras[CAM-1].state` under `cameras[].state`).
    pub fn field(&self, path: &str) -> Option<&FieldDef> {
        let pattern = crate::model::path::FieldPath::from(path).pattern();
        self.fields.iter().find(|f| f.path == pattern)
    }

    /// The help of a field or of a question answered in prose: the question it asks, the help
    /// text and its sources; `None` when there is none.
    pub fn help(&self, path: &str) -> Option<Help<'_>> {
        if let Some(field) = self.field(path) {
            return field.help.as_ref().map(|help| Help {
                question: field.question(),
                help,
                sources: &field.sources,
            });
        }
        self.question(&QuestionId::new(path)).map(|q| Help {
            question: &q.label,
            help: &q.help,
            sources: &q.sources,
        })
    }

    /// The question a field or an answer asks, as a reader names it: the field's question (its
    /// label when it has none), or the question answered in prose.
    pub fn question_text(&self, path: &str) -> Option<&Bilingual> {
        // An answer's evaluation is named by its question.
        let answer = path.strip_suffix(".evaluation").unwrap_or(path);
        self.field(path)
            .map(FieldDef::question)
            .or_else(|| self.question(&QuestionId::new(answer)).map(|q| &q.label))
    }

    /// A field's label in `lang`; the path itself for a field the registry does not know (a
    /// test keeps every field the app names in the registry).
    pub fn field_label(&self, path: &str, lang: crate::model::Lang) -> String {
        self.field(path)
            .map_or_else(|| path.to_owned(), |f| f.label.get(lang).to_owned())
    }

    /// The questions answered in prose for one step, in template order.
    pub fn answer_questions<'a>(
        &'a self,
        step: &'a str,
    ) -> impl Iterator<Item = &'a QuestionDef> + 'a {
        self.questions
            .iter()
            .filter(move |q| q.kind == QuestionKind::Answer && q.step == step)
    }

    /// The text of a rule's findings.
    pub fn rule_text(&self, rule_id: &str) -> Option<&RuleText> {
        self.rule_texts.iter().find(|r| r.id == rule_id)
    }

    /// How far a rule's legal ground was verified: the weakest tag among its sources, never
    /// stronger. A rule without sources, or citing a reference the knowledge base lacks, is
    /// `Unverified`. An `Unverified` rule may inform, never block.
    pub fn rule_verification(&self, rule_id: &str) -> Verification {
        let Some(text) = self.rule_text(rule_id) else {
            return Verification::Unverified;
        };
        let weakest_source = text
            .sources
            .iter()
            .map(|id| {
                self.legal_refs
                    .get(id)
                    .map_or(Verification::Unverified, |r| r.verification)
            })
            .max()
            .unwrap_or(Verification::Unverified);
        // The rule's own proposition, capped by its weakest source.
        text.tag
            .map_or(weakest_source, |tag| tag.max(weakest_source))
    }

    /// A phrase of the engine's explanations.
    pub fn phrase(&self, phrase_id: &str) -> Option<&Bilingual> {
        self.phrases
            .iter()
            .find(|p| p.id == phrase_id)
            .map(|p| &p.text)
    }

    /// The legal reference with that id.
    pub fn legal_ref(&self, id: &LegalRefId) -> Option<&LegalRef> {
        self.legal_refs.get(id)
    }
}

/// Sort key that puts `M-L2` before `M-L10` and `C2` before `C10`.
fn natural_key(id: &str) -> (String, u32) {
    let digits_at = id.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let (prefix, number) = id.split_at(digits_at);
    (prefix.to_owned(), number.parse().unwrap_or(0))
}
