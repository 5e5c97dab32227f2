//! People's names out of the public version. The fields that hold a name (authors, the DPO,
//! signatories, the circuit's participants, measure owners) are already printed « (masqué) »
//! there; but a name also turns up in free text — « DSI (J. Perrin) » as an owner, « avis de
//! Mme Lefèvre » in the DPO's opinion, a reviewer named in a decision's reasons. So the public
//! document's text goes through [`mask`] once built: every name the project holds, and every
//! « M. / Mme / Monsieur / Madame Nom » and « J. Nom » form, becomes the mask.

use crate::model::Assessment;

/// The people the project names in the fields meant for names: authors, the DPO, the
/// signatories, who moved the circuit and validated its versions, reviewers, and the name in
/// brackets after a measure's owner (« DSI (J. Perrin) »).
pub fn known_names(a: &Assessment) -> Vec<String> {
    let history = &a.history;
    let mut names: Vec<String> = a.project.authors.clone();
    names.push(person_part(&a.project.dpo_name));
    names.extend(a.opinions.signatures.iter().map(|s| s.name.clone()));
    let transitions = history
        .transitions
        .iter()
        .chain(history.versions.iter().flat_map(|v| v.circuit.iter()));
    names.extend(transitions.map(|t| t.by.clone()));
    names.extend(history.versions.iter().map(|v| v.validated_by.clone()));
    names.extend(history.comments.iter().map(|c| c.author.clone()));
    names.extend(
        a.measures
            .iter()
            .filter_map(|m| bracketed(&m.owner))
            .map(str::to_owned),
    );
    let mut names: Vec<String> = names
        .into_iter()
        // « Inès Benali, chargée de mission » names Inès Benali; the role stays readable.
        .map(|n| person_part(&n))
        // A name is two letters at least and starts with a capital: « DSI » and « DPD » are
        // services, kept; so is an empty field.
        .filter(|n| looks_like_a_person(n))
        .collect();
    // Longest first: « Claire Vasseur-Dubois » before « Claire Vasseur ».
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names
}

/// `text` with every name of `names`, and every « civility + Name » or « initial. Name » form,
/// replaced by `mask`.
pub fn mask(text: &str, names: &[String], mask: &str) -> String {
    let mut out = text.to_owned();
    for name in names {
        if out.contains(name.as_str()) {
            out = out.replace(name.as_str(), mask);
        }
    }
    mask_forms(&out, mask)
}

/// The person in a field such as « Claire Vasseur (DPD mutualisé, centre de gestion) » or
/// « Claire Vasseur — DPD »: what comes before the bracket or the dash.
fn person_part(text: &str) -> String {
    text.split(['(', '—', ','])
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// What a measure owner's brackets hold: « DSI (J. Perrin) » → « J. Perrin ».
fn bracketed(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once('(')?;
    let (inside, _) = rest.split_once(')')?;
    Some(inside.trim())
}

/// A person's name rather than a service's acronym: a capital first, a lower-case letter in
/// it, and at least one space, dot or hyphen between two parts (« J. Perrin », « Anne
/// Martin »), or a single capitalised word of three letters or more (« Perrin »).
fn looks_like_a_person(name: &str) -> bool {
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    starts_upper && has_lower && name.chars().count() >= 3
}

const CIVILITIES: [&str; 8] = ["Monsieur", "Madame", "Mme", "Mlle", "M.", "Mr", "Mrs", "Ms"];

/// « M. Dupont », « Mme Anne Martin », « J. Perrin », « J.-L. Hermant »: a civility or an
/// initial followed by one or two capitalised words becomes `mask` (the civility with it).
fn mask_forms(text: &str, mask: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let word = words[index];
        // An opening bracket or quote before the civility or the initial stays.
        let opening: String = word
            .chars()
            .take_while(|c| ['(', '«', '\u{a0}'].contains(c))
            .collect();
        let bare = &word[opening.len()..];
        let is_lead = CIVILITIES.contains(&bare) || is_initial(bare);
        let names = words[index + 1..]
            .iter()
            .take(2)
            .take_while(|w| is_capitalised(w))
            .count();
        if is_lead && names > 0 {
            // Keep what ends the last name (« Perrin), » keeps « ), »).
            let last = words[index + names];
            let tail: String = last
                .chars()
                .skip_while(|c| c.is_alphabetic() || *c == '-' || *c == '\'' || *c == '’')
                .collect();
            out.push(format!("{opening}{mask}{tail}"));
            index += names + 1;
        } else {
            out.push(word.to_owned());
            index += 1;
        }
    }
    out.join(" ")
}

/// « J. », « J.-L. »: one capital letter and a dot, or two joined by « .- ».
fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    match letters.as_slice() {
        [c, '.'] => c.is_uppercase(),
        [a, '.', '-', b, '.'] => a.is_uppercase() && b.is_uppercase(),
        _ => false,
    }
}

/// A capitalised word of letters (« Perrin », « Lefèvre, », « Hermant) »), not an acronym
/// (« DSI ») nor a number.
fn is_capitalised(word: &str) -> bool {
    let core: String = word
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-' || *c == '\'' || *c == '’')
        .collect();
    let mut chars = core.chars();
    chars.next().is_some_and(char::is_uppercase)
        && core.chars().count() >= 2
        && core.chars().skip(1).any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_a_name_are_masked_and_the_punctuation_after_them_kept() {
        let m = "(masqué)";
        assert_eq!(
            mask_forms("Pilote : DSI (J. Perrin), avec Mme Anne Lefèvre.", m),
            "Pilote : DSI ((masqué)), avec (masqué)."
        );
        assert_eq!(
            mask_forms("validé par J.-L. Hermant le 3 mai", m),
            "validé par (masqué) le 3 mai"
        );
        // What is not a name stays: an article, a service, a lower-case word after « M. ».
        for kept in [
            "art. L. 252-1 du CSI",
            "M. le maire",
            "le DSI et le DPD",
            "CSI L.251-2",
        ] {
            assert_eq!(mask_forms(kept, m), kept);
        }
    }

    #[test]
    fn known_names_come_from_the_fields_meant_for_names() {
        let mut a = Assessment::default();
        a.project.authors = vec![
            "Anne Martin, chargée de mission".to_owned(),
            "DSI".to_owned(),
        ];
        a.project.dpo_name = "Claire Vasseur (DPD mutualisé)".to_owned();
        let names = known_names(&a);
        assert_eq!(names, ["Claire Vasseur", "Anne Martin"]);
        assert_eq!(
            mask(
                "Rédigé par Anne Martin, avis de Claire Vasseur.",
                &names,
                "X"
            ),
            "Rédigé par X, avis de X."
        );
    }
}
