//! Building the engine's texts from the knowledge base: findings from `templates/rules.ron`,
//! explanation phrases, and the bilingual names of capabilities, enum values and dates.

use super::finding::{Finding, Severity};
use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::path::FieldPath;
use crate::model::Lang;
use crate::model::{CapabilityId, Date};

/// Access to the texts of one knowledge base.
#[derive(Clone, Copy)]
pub struct Texts<'a> {
    /// Where the rule texts, the phrases, the dossier catalogue and the capability labels come
    /// from.
    pub kb: &'a KnowledgeBase,
}

impl<'a> Texts<'a> {
    /// A finding of `rule_id` with its placeholders filled. A rule text missing from the
    /// templates (a bug the tests catch) yields its id as title and message.
    pub fn finding(
        self,
        rule_id: &str,
        severity: Severity,
        values: &[(&str, Bilingual)],
        fields: Vec<FieldPath>,
    ) -> Finding {
        let (title, message, sources) = match self.kb.rule_text(rule_id) {
            Some(text) => (
                text.title.clone(),
                text.message.fill(values),
                text.sources.clone(),
            ),
            None => (
                Bilingual::same(rule_id),
                Bilingual::same(rule_id),
                Vec::new(),
            ),
        };
        let mut fields = fields;
        fields.sort();
        fields.dedup();
        Finding {
            rule_id: rule_id.to_owned(),
            severity,
            title,
            message,
            sources,
            fields,
        }
    }

    /// A phrase with its placeholders filled (its id if missing, which the tests catch).
    pub fn phrase(self, phrase_id: &str, values: &[(&str, Bilingual)]) -> Bilingual {
        self.kb
            .phrase(phrase_id)
            .map_or_else(|| Bilingual::same(phrase_id), |p| p.fill(values))
    }

    /// A text of the dossier catalogue in both languages, placeholders filled.
    pub fn text(self, key: &str, values: &[(&str, &str)]) -> Bilingual {
        Bilingual {
            fr: self.kb.texts.get_with(Lang::Fr, key, values),
            en: self.kb.texts.get_with(Lang::En, key, values),
        }
    }

    /// The label of an enum value (`enum.<kind>.<Variant>`) in both languages.
    pub fn variant(self, kind: &str, value: impl std::fmt::Debug) -> Bilingual {
        self.text(&format!("enum.{kind}.{value:?}"), &[])
    }

    /// `K02 — Recherche faciale a posteriori`, in both languages.
    pub fn capability(self, capability_id: &CapabilityId) -> Bilingual {
        match self.kb.capability(capability_id) {
            Some(def) => Bilingual {
                fr: format!("{} — {}", def.id, def.label.fr),
                en: format!("{} — {}", def.id, def.label.en),
            },
            None => Bilingual::same(capability_id.as_str()),
        }
    }
}

/// A date as each language writes it.
pub fn date(date: Date) -> Bilingual {
    Bilingual {
        fr: date.display(Lang::Fr),
        en: date.display(Lang::En),
    }
}

/// A number, the same in both languages.
pub fn number(value: impl std::fmt::Display) -> Bilingual {
    Bilingual::same(value.to_string())
}

/// Bilingual items joined with `, `.
pub fn join(items: &[Bilingual]) -> Bilingual {
    Bilingual {
        fr: items
            .iter()
            .map(|i| i.fr.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        en: items
            .iter()
            .map(|i| i.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}
