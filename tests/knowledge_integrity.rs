//! The bundled knowledge base parses, is complete in both languages, and every id it references
//! exists.

use gardefou::knowledge::{KnowledgeBase, QuestionKind};

fn kb() -> KnowledgeBase {
    match KnowledgeBase::bundled() {
        Ok(kb) => kb,
        Err(error) => panic!("bundled templates do not parse: {error}"),
    }
}

#[test]
fn templates_have_no_dangling_id_and_no_missing_language() {
    let problems = gardefou::knowledge::validate::problems(&kb());
    assert!(
        problems.is_empty(),
        "knowledge base problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn catalogues_hold_the_briefs_entries() {
    let kb = kb();
    let criteria: Vec<&str> = kb.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        criteria,
        ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"]
    );
    let capabilities: Vec<String> = kb.capabilities.iter().map(|c| c.id.to_string()).collect();
    let expected: Vec<String> = (1..=16).map(|n| format!("K{n:02}")).collect();
    assert_eq!(capabilities, expected);
    for prefix in ["M-L", "M-O", "M-T"] {
        assert!(
            kb.measures
                .iter()
                .filter(|m| m.id.as_str().starts_with(prefix))
                .count()
                >= 7,
            "too few {prefix} measures"
        );
    }
}

#[test]
fn necessity_and_rights_questions_map_to_the_cnil_method() {
    let kb = kb();
    let mut refs: Vec<u16> = kb
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Answer)
        .filter_map(|q| q.cnil_ref)
        .collect();
    refs.sort_unstable();
    assert_eq!(
        refs,
        [211, 212, 213, 214, 215, 221, 222, 223, 224, 225, 226, 227]
    );
}

#[test]
fn every_legal_reference_has_a_review_date_and_a_citation() {
    let kb = kb();
    assert!(
        kb.legal_refs.len() >= 30,
        "only {} legal references",
        kb.legal_refs.len()
    );
    for legal_ref in kb.legal_refs.values() {
        assert!(
            legal_ref.reviewed_on.year() >= 2024,
            "{} reviewed too long ago",
            legal_ref.id
        );
    }
}
