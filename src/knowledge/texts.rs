//! The texts of the dossier, the derived documents and the engine's findings (headings, column
//! names, enum labels, sentences of the register entry, the notice and the letter), in French and
//! English, from `templates/dossier/{fr,en}.ron`. They are apart from the interface's strings
//! (`templates/i18n`), so a UI translator cannot change a legal text by accident.

use crate::i18n::{self, Catalogue};
use crate::model::Lang;

/// The dossier's catalogue in both languages.
#[derive(Clone, Debug, Default)]
pub struct DossierTexts {
    fr: Catalogue,
    en: Catalogue,
}

impl DossierTexts {
    /// The two catalogues, French and English.
    pub fn new(fr: Catalogue, en: Catalogue) -> DossierTexts {
        DossierTexts { fr, en }
    }

    /// The catalogue of one language.
    pub fn catalogue(&self, lang: Lang) -> &Catalogue {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The text of `key` in `lang`, or the key itself if it is missing (the tests catch it).
    pub fn get<'a>(&'a self, lang: Lang, key: &'a str) -> &'a str {
        self.catalogue(lang).get(key).map_or(key, String::as_str)
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn get_with(&self, lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
        i18n::fill(self.get(lang, key), values)
    }
}
