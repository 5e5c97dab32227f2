//! The rule book: every rule the engine runs, read from the same definitions
//! (`templates/rules.ron`, `templates/legal_refs.ron`, `templates/rule_tests.ron`) — its id and
//! title, which answers trigger it in plain words, its severities, the text a user sees, its
//! sources with their verification tags and review dates, its own tag when weaker, and the tests
//! that hold it. What lets a lawyer who does not read Rust review the engine, and a DPO see why
//! a flag fires.

use crate::dossier::{Block, Dossier, Meta};
use crate::knowledge::{KnowledgeBase, RuleText, Verification};
use crate::model::{Date, Lang};

/// The rule book in `lang`, dated `today`.
pub fn rule_book(kb: &KnowledgeBase, lang: Lang, today: Date) -> Dossier {
    let t = |key: &str| kb.texts.get(lang, key).to_owned();
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: t("rulebook.title"),
        },
        Block::Paragraph(kb.texts.get_with(
            lang,
            "rulebook.intro",
            &[("count", &kb.rule_texts.len().to_string())],
        )),
        Block::Bullets(vec![
            t("rulebook.severity.blocking"),
            t("rulebook.severity.high"),
            t("rulebook.severity.medium"),
            t("rulebook.severity.info"),
        ]),
        Block::Note(t("dossier.verification_legend")),
    ];
    for rule in &kb.rule_texts {
        blocks.extend(rule_blocks(kb, rule, lang));
    }
    Dossier {
        meta: Meta {
            lang,
            title: t("rulebook.title"),
            organisation: "Garde-fou".to_owned(),
            author: "Garde-fou".to_owned(),
            subject: t("rulebook.title"),
            keywords: vec!["Garde-fou".to_owned(), "AIPD".to_owned(), "DPIA".to_owned()],
            version: env!("CARGO_PKG_VERSION").to_owned(),
            date: today,
            watermark: None,
            footer: format!(
                "Garde-fou {} — {}",
                env!("CARGO_PKG_VERSION"),
                t("rulebook.title")
            ),
            page_label: t("dossier.page_of"),
            branding: None,
        },
        blocks,
        source_attachment: None,
    }
}

/// A rule's severities in `lang` (« bloquant / élevé »).
pub fn severities_text(kb: &KnowledgeBase, rule: &RuleText, lang: Lang) -> String {
    rule.severities
        .iter()
        .map(|s| kb.texts.get(lang, &format!("severity.{s}")).to_owned())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// What the rule cites for Police-Justice purposes and whether it still blocks there, in `lang`;
/// `None` when it cites the same under both regimes.
pub fn police_justice_text(kb: &KnowledgeBase, rule: &RuleText, lang: Lang) -> Option<String> {
    let pj = rule.police_justice.as_ref()?;
    let citation = |id: &crate::model::LegalRefId| {
        kb.legal_ref(id)
            .map_or_else(|| id.to_string(), |r| r.citation.clone())
    };
    let replaced: Vec<String> = pj
        .replaces
        .iter()
        .map(|(gdpr, police_justice)| {
            kb.texts.get_with(
                lang,
                "rulebook.pj_cites",
                &[("pj", &citation(police_justice)), ("gdpr", &citation(gdpr))],
            )
        })
        .collect();
    let effect = kb.texts.get(
        lang,
        if pj.blocks {
            "rulebook.pj_blocks"
        } else {
            "rulebook.pj_informs"
        },
    );
    let separator = match lang {
        Lang::Fr => "\u{a0}; ",
        Lang::En => "; ",
    };
    Some(format!("{}{separator}{effect}", replaced.join(separator)))
}

fn rule_blocks(kb: &KnowledgeBase, rule: &RuleText, lang: Lang) -> Vec<Block> {
    let t = |key: &str| kb.texts.get(lang, key).to_owned();
    let tag = |v: Verification| t(&format!("enum.verification.{v:?}"));
    let severities = severities_text(kb, rule, lang);
    let mut facts = vec![
        (t("rulebook.condition"), rule.condition.get(lang).to_owned()),
        (
            t("rulebook.severity"),
            if severities.is_empty() {
                "—".to_owned()
            } else {
                severities
            },
        ),
        (t("rulebook.text"), rule.message.get(lang).to_owned()),
        (t("rulebook.tag"), tag(kb.rule_verification(&rule.id))),
    ];
    if let Some(own) = rule.tag {
        facts.push((
            t("rulebook.own_tag"),
            format!("{} — {}", tag(own), rule.tag_reason.get(lang)),
        ));
    }
    if let Some(text) = police_justice_text(kb, rule, lang) {
        facts.push((t("rulebook.police_justice"), text));
    }
    let pj_sources = rule
        .police_justice
        .iter()
        .flat_map(|pj| pj.replaces.iter().map(|(_, police_justice)| police_justice));
    let sources: Vec<String> = rule
        .sources
        .iter()
        .chain(pj_sources)
        .map(|id| match kb.legal_ref(id) {
            Some(r) => format!(
                "{} — {} ({}, {})",
                r.citation,
                r.title.get(lang),
                tag(r.verification),
                kb.texts.get_with(
                    lang,
                    "rulebook.reviewed_on",
                    &[("date", &date(r.reviewed_on, lang))]
                )
            ),
            None => id.to_string(),
        })
        .collect();
    let tests = kb
        .rule_tests
        .get(&rule.id)
        .filter(|tests| !tests.is_empty())
        .cloned()
        .unwrap_or_else(|| vec![t("rulebook.no_test")]);
    vec![
        Block::Heading {
            level: 2,
            text: format!("{} — {}", rule.id, rule.title.get(lang)),
        },
        Block::KeyValues(facts),
        Block::Paragraph(t("rulebook.sources")),
        Block::Bullets(sources),
        Block::Paragraph(t("rulebook.tests")),
        Block::Bullets(tests),
    ]
}

fn date(day: Date, lang: Lang) -> String {
    match lang {
        Lang::Fr => day.french(),
        Lang::En => day.iso(),
    }
}
