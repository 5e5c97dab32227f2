//! `gardefou rules`: the rule book, generated from the definitions the engine runs
//! (`documents::rule_book`), as Markdown on standard output or into a file whose extension
//! chooses the format (`.md`, `.html`, `.pdf`, `.txt`; any other: Markdown).

use std::path::Path;

use crate::i18n::{tr, tr_with, Lang};

/// Writes the rule book and returns the exit code: 0 written, 2 on an error.
pub fn run(output: Option<&Path>, lang: Lang) -> u8 {
    let Some(kb) = super::evaluated::knowledge_base() else {
        return 2;
    };
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let today = crate::session::today_local();
    let bytes = match crate::session::rule_book::rule_book_bytes(&kb, lang, today, &extension) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("gardefou: {error}");
            return 2;
        }
    };
    let Some(output) = output else {
        print!("{}", String::from_utf8_lossy(&bytes));
        return 0;
    };
    match crate::session::write_atomic(output, &bytes) {
        Ok(()) => {
            eprintln!(
                "{}",
                tr_with(
                    lang,
                    "cli.rules.ok",
                    &[
                        ("path", &output.display().to_string()),
                        ("count", &kb.rule_texts.len().to_string()),
                    ],
                )
            );
            0
        }
        Err(error) => {
            eprintln!(
                "{}: {}: {error}",
                output.display(),
                tr(lang, "error.save.io")
            );
            2
        }
    }
}
