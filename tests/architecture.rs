//! The dependency arrows of `src/lib.rs`, checked: each top-level module may `use crate::…` only
//! the modules its layer allows, so a new upward arrow (the dossier reading the UI's strings, the
//! engine doing IO through the session…) fails here. The domain, knowledge, engine, dossier, pdf,
//! storage and session layers never import egui or eframe.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module may use, lowest layers first.
const ALLOWED: [(&str, &[&str]); 21] = [
    ("model", &[]),
    ("files", &[]),
    ("picture", &["files"]),
    ("i18n", &["model"]),
    ("knowledge", &["model", "i18n"]),
    ("storage", &["model", "files"]),
    ("settings", &["model"]),
    ("sample", &["model", "storage"]),
    ("edit", &["model", "knowledge"]),
    ("rules", &["model", "knowledge"]),
    ("dossier", &["model", "knowledge", "rules"]),
    ("documents", &["model", "knowledge", "rules", "dossier"]),
    ("pdf", &["model", "dossier"]),
    ("office", &["model", "dossier"]),
    ("branding", &["model", "files", "dossier", "picture"]),
    ("interop", &["model", "knowledge", "rules"]),
    (
        "session",
        &[
            "files",
            "picture",
            "sample",
            "model",
            "branding",
            "knowledge",
            "storage",
            "edit",
            "rules",
            "dossier",
            "documents",
            "pdf",
            "office",
            "interop",
        ],
    ),
    (
        "portfolio",
        &[
            "files",
            "model",
            "knowledge",
            "rules",
            "dossier",
            "pdf",
            "interop",
            "session",
        ],
    ),
    (
        "messages",
        &[
            "files",
            "picture",
            "model",
            "i18n",
            "storage",
            "pdf",
            "interop",
            "session",
            "branding",
            "portfolio",
        ],
    ),
    (
        "cli",
        &[
            "files",
            "picture",
            "model",
            "branding",
            "i18n",
            "knowledge",
            "storage",
            "sample",
            "edit",
            "rules",
            "dossier",
            "documents",
            "pdf",
            "interop",
            "session",
            "portfolio",
            "messages",
        ],
    ),
    (
        "ui",
        &[
            "files",
            "picture",
            "model",
            "branding",
            "i18n",
            "knowledge",
            "storage",
            "settings",
            "sample",
            "edit",
            "rules",
            "dossier",
            "documents",
            "pdf",
            "interop",
            "session",
            "portfolio",
            "messages",
        ],
    ),
];

/// Modules that must build without the GUI.
const GUI_FREE: [&str; 14] = [
    "files",
    "picture",
    "model",
    "knowledge",
    "rules",
    "dossier",
    "documents",
    "pdf",
    "office",
    "branding",
    "storage",
    "session",
    "portfolio",
    "messages",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments and its test module (tests may use anything).
fn code_of(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or("");
    before_tests
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code reaches through `crate::` paths, including each
/// first name of a `use crate::{a, b::c, …}` group.
fn crate_edges(code: &str) -> BTreeSet<String> {
    let mut edges = BTreeSet::new();
    for (index, _) in code.match_indices("crate::") {
        let rest = &code[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if !name.is_empty() {
                            edges.insert(std::mem::take(&mut name));
                        }
                        item_start = true;
                    }
                    c if item_start && (c.is_ascii_alphanumeric() || c == '_') => name.push(c),
                    _ => {
                        if item_start && !name.is_empty() {
                            edges.insert(std::mem::take(&mut name));
                            item_start = false;
                        }
                    }
                }
            }
            if !name.is_empty() {
                edges.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                edges.insert(name);
            }
        }
    }
    edges
}

/// Every `crate::` edge of the source tree, by top-level module.
fn edges_by_module() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("inside src");
        let first = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("read source");
        for target in crate_edges(&code_of(&text)) {
            if target != module {
                edges
                    .entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| relative.to_owned());
            }
        }
    }
    edges
}

#[test]
fn every_use_crate_edge_is_allowed_by_its_layer() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.into_iter().collect();
    let mut wrong = Vec::new();
    for (module, targets) in edges_by_module() {
        let Some(may_use) = allowed.get(module.as_str()) else {
            wrong.push(format!(
                "{module}: not in ALLOWED — add its layer to tests/architecture.rs and src/lib.rs"
            ));
            continue;
        };
        for (target, file) in targets {
            if !may_use.contains(&target.as_str()) {
                wrong.push(format!(
                    "{module} → {target} (src/{}) is an arrow its layer does not allow",
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("read lib.rs");
    let layered: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    for line in lib.lines() {
        let Some(name) = line.trim().strip_prefix("pub mod ") else {
            continue;
        };
        let name = name.trim_end_matches(';');
        assert!(
            layered.contains(name),
            "src/lib.rs declares `{name}` without a layer"
        );
        assert!(
            lib.contains(&format!("`{name}`")),
            "the diagram in src/lib.rs does not describe `{name}`"
        );
    }
}

#[test]
fn the_edge_reader_sees_paths_groups_and_nothing_in_comments_or_tests() {
    let code = code_of(
        "use crate::model::Lang;\n\
         use crate::{dossier::{self, Dossier}, pdf, rules::Report};\n\
         // crate::ui is only named in a comment\n\
         fn f() { crate::storage::save(); }\n\
         #[cfg(test)]\nmod tests { use crate::sample; }\n",
    );
    let edges: Vec<String> = crate_edges(&code).into_iter().collect();
    assert_eq!(edges, ["dossier", "model", "pdf", "rules", "storage"]);
}

#[test]
fn pure_layers_do_not_import_the_gui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for layer in GUI_FREE {
        rust_files(&src.join(layer), &mut files);
        let single = src.join(format!("{layer}.rs"));
        if single.is_file() {
            files.push(single);
        }
    }
    assert!(files.len() > 20);
    for file in files {
        let text = fs::read_to_string(&file).expect("read source");
        for crate_name in ["egui", "eframe"] {
            assert!(
                !text.contains(&format!("{crate_name}::")),
                "{} uses {crate_name}",
                file.display()
            );
        }
    }
}
