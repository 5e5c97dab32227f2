//! What every section builder needs: the assessment, the knowledge base, the engine's report,
//! the language, whether this is the public version — and small helpers to say things in that
//! language.

use crate::dossier::Meta;
use crate::knowledge::{Bilingual, KnowledgeBase};
use crate::model::Lang;
use crate::model::{Assessment, CapabilityId, Date, Level, MeasureId, RiskId};
use crate::rules::{Report, Severity};

/// Context of one dossier build.
pub struct Ctx<'a> {
    /// The assessment.
    pub a: &'a Assessment,
    /// Labels of criteria, capabilities, measures and legal references, and the dossier's texts.
    pub kb: &'a KnowledgeBase,
    /// The engine's report on it.
    pub report: &'a Report,
    /// The language of every text this build writes (`t`, `tw`, `b`, dates).
    pub lang: Lang,
    /// True for the public version: sections leave out what `project.public_version` hides.
    pub is_public: bool,
    /// Date of the dossier.
    pub today: Date,
}

impl Ctx<'_> {
    /// A dossier text (`templates/dossier`).
    pub fn t(&self, key: &str) -> String {
        self.kb.texts.get(self.lang, key).to_owned()
    }

    /// A field's label (`templates/fields.ron`).
    pub fn label(&self, path: &str) -> String {
        self.kb.field_label(path, self.lang)
    }

    /// A dossier text with `{name}` placeholders filled.
    pub fn tw(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.kb.texts.get_with(self.lang, key, values)
    }

    /// `{n}` with the singular (`KEY.one`) or plural (`KEY.many`) text of the language, so
    /// « 1 jour », « 2 jours », « 1 day », « 0 days » agree in number everywhere.
    pub fn count(&self, key: &str, n: u64) -> String {
        let form = if self.lang.is_singular(n) {
            "one"
        } else {
            "many"
        };
        self.tw(&format!("{key}.{form}"), &[("n", &n.to_string())])
    }

    /// « 30 jours », or « not filled ».
    pub fn days(&self, days: Option<u32>) -> String {
        days.map_or_else(
            || self.t("dossier.not_filled"),
            |n| self.count("doc.days", u64::from(n)),
        )
    }

    /// The PDF metadata and running texts of a document built from this assessment: its
    /// title and subject, the controller as author, no watermark, `footer` at the foot of each
    /// page. The dossier and every derived document start from here.
    pub fn meta(&self, title: String, subject: String, keywords: &[&str], footer: String) -> Meta {
        let project = &self.a.project;
        Meta {
            lang: self.lang,
            title,
            organisation: project.organisation.clone(),
            author: project.organisation.clone(),
            subject,
            keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
            version: project.version.clone(),
            date: self.today,
            watermark: None,
            footer,
            page_label: self.t("dossier.page_of"),
            branding: None,
        }
    }

    /// A knowledge-base text in the dossier language.
    pub fn b(&self, text: &Bilingual) -> String {
        text.get(self.lang).to_owned()
    }

    /// A date as the dossier language writes it.
    pub fn date(&self, date: Option<Date>) -> String {
        match (date, self.lang) {
            (None, _) => self.t("dossier.not_filled"),
            (Some(d), lang) => d.display(lang),
        }
    }

    /// Yes / No / not filled.
    pub fn yes_no(&self, value: Option<bool>) -> String {
        match value {
            Some(true) => self.t("ui.yes"),
            Some(false) => self.t("ui.no"),
            None => self.t("dossier.not_filled"),
        }
    }

    /// A text, or « not filled » when empty.
    pub fn text_or_blank(&self, text: &str) -> String {
        if text.trim().is_empty() {
            self.t("dossier.not_filled")
        } else {
            text.to_owned()
        }
    }

    /// The label of an enum value.
    pub fn variant(&self, kind: &str, value: impl std::fmt::Debug) -> String {
        self.t(&format!("enum.{kind}.{value:?}"))
    }

    /// `3 — Importante`.
    pub fn level(&self, level: Option<Level>) -> String {
        match level {
            Some(level) => format!("{} — {}", level.number(), self.variant("level", level)),
            None => self.t("dossier.not_filled"),
        }
    }

    /// The label of a severity.
    pub fn severity(&self, severity: Severity) -> String {
        self.t(&format!("severity.{}", severity.code()))
    }

    /// `K02 — Recherche faciale a posteriori`.
    pub fn capability(&self, id: &CapabilityId) -> String {
        self.kb.capability(id).map_or_else(
            || id.to_string(),
            |d| format!("{} — {}", d.id, d.label.get(self.lang)),
        )
    }

    /// A capability by its name alone, for documents the public reads (no engine id).
    pub fn capability_name(&self, id: &CapabilityId) -> String {
        self.kb
            .capability(id)
            .map_or_else(|| id.to_string(), |d| d.label.get(self.lang).to_owned())
    }

    /// The citations of legal reference ids, joined.
    pub fn citations(&self, ids: &[crate::model::LegalRefId]) -> String {
        ids.iter()
            .map(|id| {
                self.kb
                    .legal_ref(id)
                    .map_or_else(|| id.to_string(), |r| r.citation.clone())
            })
            .collect::<Vec<_>>()
            .join(self.separator())
    }

    /// The colon of the language: « : » has a no-break space before it in French.
    pub fn colon(&self) -> &'static str {
        match self.lang {
            Lang::Fr => "\u{a0}:",
            Lang::En => ":",
        }
    }

    /// The list separator of the language: « ; » has a no-break space before it in French.
    pub fn separator(&self) -> &'static str {
        match self.lang {
            Lang::Fr => "\u{a0}; ",
            Lang::En => "; ",
        }
    }

    /// The running footer: organisation — title — version.
    pub fn footer(&self) -> String {
        let project = &self.a.project;
        let mut parts = vec![project.organisation.clone()];
        if !project.version.trim().is_empty() {
            parts.push(self.tw("dossier.version_n", &[("version", &project.version)]));
        }
        if self.is_public {
            parts.push(self.t("dossier.public_version"));
        }
        parts.retain(|p| !p.trim().is_empty());
        parts.join(" — ")
    }

    /// True when the public version leaves out camera locations.
    pub fn hides_locations(&self) -> bool {
        self.is_public && self.a.project.public_version.hides_camera_locations
    }

    /// True when the public version leaves out internal references.
    pub fn hides_internal(&self) -> bool {
        self.is_public && self.a.project.public_version.hides_internal_references
    }

    /// How a reader names a risk: its id in the full dossier; in the public version « Risque 3 »
    /// (its rank in the assessment), never the id the team gave it.
    pub fn risk_ref(&self, id: &RiskId) -> String {
        if !self.is_public {
            return id.to_string();
        }
        let rank = self.a.risks.iter().position(|r| &r.risk_id == id);
        rank.map_or_else(
            || self.t("dossier.hidden"),
            |rank| self.tw("dossier.risk_rank", &[("n", &(rank + 1).to_string())]),
        )
    }

    /// How a reader names a measure: its id in the full dossier; in the public version
    /// « Mesure 4 » (its rank in the assessment), never the id the team or the catalogue gave it.
    pub fn measure_ref(&self, id: &MeasureId) -> String {
        if !self.is_public {
            return id.to_string();
        }
        let rank = self.a.measures.iter().position(|m| &m.measure_id == id);
        rank.map_or_else(
            || self.t("dossier.hidden"),
            |rank| self.tw("dossier.measure_rank", &[("n", &(rank + 1).to_string())]),
        )
    }

    /// What a reader calls the answer at `path` (a finding's field): its question's label, its
    /// field label, or for a record its name and the part meant — « Plan « Centre-ville »,
    /// caméra CAM-001 — masques », « Réidentification… — état » —; the path itself only when
    /// nothing names it.
    pub fn field_label(&self, path: &str) -> String {
        use crate::model::path::{self, plan_item, PlanItem};
        // A further order's answer: the first order's label, after the order's number.
        if let Some((index, field)) = path::further_order(path) {
            let number = (index + 2).to_string();
            let order = self.tw("dossier.order_number", &[("number", &number)]);
            let first = path::order(None, Some(field));
            return format!("{order} — {}", self.field_label(&first));
        }
        if let Some(question) = self.kb.question_text(path) {
            return self.b(question);
        }
        let named = |key: &str| {
            let text = self.t(key);
            (text != key).then_some(text)
        };
        // The part of a record a path names after its id: `.state`, `.masks`…
        let part = |rest: &str| -> Option<String> {
            let field = rest.strip_prefix('.')?;
            let field = field.split(['.', '[']).next().unwrap_or(field);
            named(&format!("column.{field}")).or_else(|| named(&format!("dossier.path.{field}")))
        };
        let with_part = |name: String, rest: &str| match part(rest) {
            Some(part) => format!("{name} — {}", part.to_lowercase()),
            None => name,
        };
        let record = |list: &path::FieldPath| -> Option<(String, String)> {
            let (id, rest) = path::record_of(path, list)?;
            Some((id.to_owned(), rest.to_owned()))
        };
        if let Some((plan_id, item)) = plan_item(path) {
            let plan = self.a.plans.iter().find(|p| p.plan_id == plan_id);
            let title = plan
                .map(|p| p.title.trim())
                .filter(|t| !t.is_empty())
                .map_or_else(|| plan_id.to_string(), str::to_owned);
            let base = format!("{} « {title} »", self.t("dossier.path.plan"));
            let tail = path.rsplit_once(']').map_or("", |(_, tail)| tail);
            return match item {
                PlanItem::Plan => with_part(base, tail),
                PlanItem::Camera(camera) => with_part(
                    format!(
                        "{base}, {} {camera}",
                        self.t("column.camera_id").to_lowercase()
                    ),
                    tail,
                ),
                PlanItem::Zone(zone) => with_part(
                    format!("{base}, {} {zone}", self.t("dossier.path.zone")),
                    tail,
                ),
            };
        }
        if let Some((id, rest)) = record(&path::CAPABILITIES) {
            let name = self.capability_name(&crate::model::CapabilityId::new(id));
            return with_part(name, &rest);
        }
        if let Some((id, rest)) = record(&path::RISKS) {
            let name = self.risk_ref(&crate::model::RiskId::new(id));
            return with_part(format!("{} {name}", self.t("dossier.path.risk")), &rest);
        }
        if let Some((id, rest)) = record(&path::CAMERAS) {
            return with_part(format!("{} {id}", self.t("column.camera_id")), &rest);
        }
        named(&format!("dossier.path.{path}")).unwrap_or_else(|| path.to_owned())
    }

    /// True when the public version leaves out people's names.
    pub fn hides_names(&self) -> bool {
        self.is_public && self.a.project.public_version.hides_people_names
    }

    /// A person's name, or « (masqué) » in the public version.
    pub fn person(&self, name: &str) -> String {
        if self.hides_names() {
            self.t("dossier.hidden")
        } else {
            self.text_or_blank(name)
        }
    }
}
