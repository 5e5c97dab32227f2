//! Every user-facing string of the UI and the CLI, in French and English. A leaf: it looks
//! strings up and fills placeholders; error types are rendered in `messages`, and the dossier's
//! and findings' texts live in the knowledge base (`knowledge::texts`).
//!
//! Strings live in `templates/i18n/{fr,en}.ron` as `{ "key": "text" }` maps, compiled into the
//! binary. `tr(lang, key)` looks one up; `{name}` placeholders are filled by `tr_with`. A missing
//! key shows as the key itself (never a blank), and a test fails on any key missing in either
//! language or used in the code but absent from the files.

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use crate::model::Lang;

/// The strings of one language, by key.
pub type Catalogue = BTreeMap<String, String>;

const FR_SOURCE: &str = include_str!("../templates/i18n/fr.ron");
const EN_SOURCE: &str = include_str!("../templates/i18n/en.ron");

/// Parses one language file; the error says where it is malformed.
pub fn parse_catalogue(source: &str) -> Result<Catalogue, ron::error::SpannedError> {
    ron::from_str(source)
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static FR: OnceLock<Catalogue> = OnceLock::new();
    static EN: OnceLock<Catalogue> = OnceLock::new();
    let (cell, source) = match lang {
        Lang::Fr => (&FR, FR_SOURCE),
        Lang::En => (&EN, EN_SOURCE),
    };
    // A malformed file is caught by the i18n tests; at run time the keys then show as themselves.
    cell.get_or_init(|| parse_catalogue(source).unwrap_or_default())
}

/// The bundled catalogue of a language.
pub fn bundled(lang: Lang) -> &'static Catalogue {
    catalogue(lang)
}

/// The text of `key` in `lang`, or the key itself if it is missing.
pub fn tr(lang: Lang, key: &str) -> &str {
    catalogue(lang).get(key).map_or(key, String::as_str)
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn tr_with(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    fill(tr(lang, key), values)
}

/// The text of `key.one` or `key.many`, as `count` agrees in `lang` (French: 0 and 1 are
/// singular; English: only 1), with `{count}` and each `{name}` filled: « 1 caméra »,
/// « 2 caméras », « 0 cameras ».
pub fn tr_count(lang: Lang, key: &str, count: usize, values: &[(&str, &str)]) -> String {
    let is_one = match lang {
        Lang::Fr => count <= 1,
        Lang::En => count == 1,
    };
    let key = format!("{key}.{}", if is_one { "one" } else { "many" });
    let count = count.to_string();
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(values);
    tr_with(lang, &key, &all)
}

/// A value of the project file as a reader says it: an enum variant by its label (the field's
/// name says which enum), `true` / `false` as yes / no, anything else as written.
pub fn value_label(lang: Lang, path: &str, value: &str) -> String {
    match value {
        "true" => return tr(lang, "ui.yes").to_owned(),
        "false" => return tr(lang, "ui.no").to_owned(),
        _ => {}
    }
    match crate::model::diff::enum_kind(path) {
        Some(kind) => {
            let key = format!("enum.{kind}.{value}");
            let label = tr(lang, &key);
            if label == key {
                value.to_owned()
            } else {
                label.to_owned()
            }
        }
        None => value.to_owned(),
    }
}

/// `text` with each `{name}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut text = text.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Days from today as the portfolio shows them: « dans 12 j », « il y a 3 j », « aujourd'hui ».
pub fn days_away(lang: Lang, days: i64) -> String {
    match days {
        0 => tr(lang, "portfolio.days.today").to_owned(),
        d if d > 0 => tr_with(lang, "portfolio.days.future", &[("days", &d.to_string())]),
        d => tr_with(lang, "portfolio.days.past", &[("days", &(-d).to_string())]),
    }
}

/// The language of the user's environment (`LANG`, `LC_ALL`, `LC_MESSAGES`): French when it
/// starts with `fr`, English otherwise.
pub fn lang_from_env() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// French typography: a no-break space before `: ; ! ?` and inside « », for texts built from
/// pieces. Text that already has them is unchanged.
pub fn french_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if matches!(next, Some(':' | ';' | '!' | '?' | '»')) => out.push('\u{a0}'),
            ' ' if i > 0 && chars[i - 1] == '«' => out.push('\u{a0}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_their_labels() {
        assert_eq!(
            value_label(Lang::Fr, "project.status", "UnderRevision"),
            "En révision"
        );
        assert_eq!(
            value_label(Lang::En, "measures[M-T1].status", "Planned"),
            "Planned"
        );
        assert_eq!(
            value_label(Lang::Fr, "capabilities[K02].state", "LockedByVendor"),
            tr(Lang::Fr, "enum.capability_state.LockedByVendor")
        );
        assert_eq!(value_label(Lang::Fr, "cameras.x", "true"), "Oui");
        assert_eq!(
            value_label(Lang::En, "video_system.software.version", "5.8.0"),
            "5.8.0"
        );
    }

    #[test]
    fn fills_placeholders_and_agrees_with_the_count() {
        assert_eq!(
            tr_count(Lang::En, "cli.validate.ok", 3, &[("path", "a.aipd.ron")]),
            "a.aipd.ron: valid project (3 cameras)"
        );
        assert_eq!(
            tr_count(Lang::En, "cli.validate.ok", 1, &[("path", "a.aipd.ron")]),
            "a.aipd.ron: valid project (1 camera)"
        );
        assert_eq!(
            tr_count(Lang::En, "ui.csv_imported", 0, &[]),
            "0 cameras imported"
        );
        assert_eq!(
            tr_count(Lang::Fr, "ui.csv_imported", 1, &[]),
            "1 caméra importée"
        );
        assert_eq!(
            tr_count(Lang::Fr, "ui.csv_imported", 0, &[]),
            "0 caméra importée"
        );
        assert_eq!(
            tr_count(Lang::Fr, "ui.csv_imported", 2, &[]),
            "2 caméras importées"
        );
    }

    #[test]
    fn glues_french_punctuation_with_no_break_spaces() {
        assert_eq!(
            french_spacing("Verdict : « requise » !"),
            "Verdict\u{a0}: «\u{a0}requise\u{a0}»\u{a0}!"
        );
    }
}
