//! Integrity of the knowledge base: every id it references exists, ids are unique, every text is
//! present in French and English. The tests run it on the bundled templates, so a dangling id or
//! a missing translation fails the build's tests rather than a user's screen.

use std::collections::BTreeSet;

use super::{Bilingual, KnowledgeBase};
use crate::model::{LegalRefId, PurposeKind};

/// Everything wrong with a knowledge base, one sentence per problem, sorted.
pub fn problems(kb: &KnowledgeBase) -> Vec<String> {
    let mut out = Vec::new();
    let mut missing = Vec::new();
    let mut text = |owner: &str, field: &str, value: &Bilingual| {
        // French typography: a no-break space (U+00A0) before « : ; ! ? » and inside « ».
        for mark in [" :", " ;", " !", " ?", "« ", " »"] {
            if value.fr.contains(mark) {
                missing.push(format!(
                    "{owner}: {field} has an ordinary space in « {mark} » (use U+00A0)"
                ));
            }
        }
        if value.is_incomplete() {
            missing.push(format!("{owner}: {field} lacks a French or English text"));
        }
    };
    for c in &kb.criteria {
        text(c.id.as_str(), "label", &c.label);
        text(c.id.as_str(), "summary", &c.summary);
        text(c.id.as_str(), "video_trigger", &c.video_trigger);
    }
    for c in &kb.capabilities {
        text(c.id.as_str(), "label", &c.label);
        text(c.id.as_str(), "description", &c.description);
        text(c.id.as_str(), "status_note", &c.status_note);
        text(c.id.as_str(), "mitigations", &c.mitigations);
    }
    for m in &kb.measures {
        text(m.id.as_str(), "title", &m.title);
        text(m.id.as_str(), "description", &m.description);
        text(m.id.as_str(), "evidence_expected", &m.evidence_expected);
    }
    for p in &kb.purposes {
        text(&format!("{:?}", p.kind), "label", &p.label);
    }
    for q in &kb.questions {
        text(q.id.as_str(), "label", &q.label);
        text(q.id.as_str(), "help", &q.help);
    }
    for f in &kb.fields {
        text(&f.path, "label", &f.label);
        if let Some(question) = &f.question {
            text(&f.path, "question", question);
        }
        if let Some(help) = &f.help {
            text(&f.path, "help", help);
        }
    }
    for r in &kb.rule_texts {
        text(&r.id, "title", &r.title);
        text(&r.id, "message", &r.message);
    }
    for p in &kb.phrases {
        text(&p.id, "text", &p.text);
    }
    for r in kb.legal_refs.values() {
        text(r.id.as_str(), "title", &r.title);
        if r.citation.trim().is_empty() {
            out.push(format!("{}: citation is empty", r.id));
        }
    }

    out.append(&mut missing);

    let mut cite = |owner: &str, sources: &[LegalRefId]| {
        if sources.is_empty() {
            out.push(format!("{owner}: cites no legal source"));
        }
        for source in sources {
            if kb.legal_ref(source).is_none() {
                out.push(format!("{owner}: cites unknown legal reference {source}"));
            }
        }
    };
    for c in &kb.criteria {
        cite(c.id.as_str(), &c.sources);
    }
    for c in &kb.capabilities {
        cite(c.id.as_str(), &c.sources);
    }
    for m in &kb.measures {
        cite(m.id.as_str(), &m.sources);
    }
    for p in &kb.purposes {
        cite(&format!("{:?}", p.kind), &p.sources);
    }
    for r in &kb.rule_texts {
        cite(&r.id, &r.sources);
    }
    for q in &kb.questions {
        for source in &q.sources {
            if kb.legal_ref(source).is_none() {
                out.push(format!("{}: cites unknown legal reference {source}", q.id));
            }
        }
    }
    for f in &kb.fields {
        for source in &f.sources {
            if kb.legal_ref(source).is_none() {
                out.push(format!(
                    "{}: cites unknown legal reference {source}",
                    f.path
                ));
            }
        }
    }
    for c in &kb.capabilities {
        for criterion in &c.criteria {
            if kb.criterion(criterion).is_none() {
                out.push(format!("{}: names unknown criterion {criterion}", c.id));
            }
        }
    }

    duplicates(
        &mut out,
        "criterion",
        kb.criteria.iter().map(|c| c.id.to_string()),
    );
    duplicates(
        &mut out,
        "capability",
        kb.capabilities.iter().map(|c| c.id.to_string()),
    );
    duplicates(
        &mut out,
        "measure",
        kb.measures.iter().map(|m| m.id.to_string()),
    );
    duplicates(
        &mut out,
        "question",
        kb.questions.iter().map(|q| q.id.to_string()),
    );
    duplicates(&mut out, "field", kb.fields.iter().map(|f| f.path.clone()));
    duplicates(&mut out, "rule", kb.rule_texts.iter().map(|r| r.id.clone()));
    duplicates(&mut out, "phrase", kb.phrases.iter().map(|p| p.id.clone()));
    duplicates(
        &mut out,
        "purpose",
        kb.purposes.iter().map(|p| format!("{:?}", p.kind)),
    );

    for kind in PurposeKind::ALL {
        if kb.purpose(kind).is_none() {
            out.push(format!("purpose {kind:?} has no entry in purposes.ron"));
        }
    }
    out.sort();
    out
}

fn duplicates(out: &mut Vec<String>, what: &str, ids: impl Iterator<Item = String>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.clone()) {
            out.push(format!("{what} id {id} appears twice"));
        }
    }
}
