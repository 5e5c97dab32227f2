//! The dependency arrows of `src/lib.rs`, checked: each top-level module may `use crate::…` only
//! the modules its layer allows, so a new upward arrow (the dossier reading the UI's strings, the
//! engine doing IO through the session…) fails here. The domain, knowledge, engine, dossier, pdf,
//! storage and session layers never import egui or eframe.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module may use, lowest layers first. The shells (`ui`, `cli`) ask the
/// session: they never reach `storage`, `interop`, `branding`, `pdf`, `office` or `picture`.
const ALLOWED: [(&str, &[&str]); 21] = [
    ("model", &[]),
    ("files", &[]),
    ("picture", &["files", "dossier"]),
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
            "model",
            "i18n",
            "knowledge",
            "sample",
            "edit",
            "rules",
            "dossier",
            "documents",
            "session",
            "portfolio",
            "messages",
        ],
    ),
    (
        "ui",
        &[
            "files",
            "model",
            "i18n",
            "knowledge",
            "settings",
            "sample",
            "edit",
            "rules",
            "dossier",
            "documents",
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

/// The module path of a file under `src/` (`src/ui/steps/mod.rs` → `ui::steps`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The `::`-paths a piece of code names from `crate::`, `super::` and `self::`, each made
/// absolute from `module` (a file's own module; `super` of a `mod.rs` is its folder's parent),
/// with the names of a `{…}` group expanded one level.
fn named_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for start in ["crate::", "super::", "self::"] {
        for (index, _) in text.match_indices(start) {
            if text[..index].chars().next_back().is_some_and(word) {
                continue;
            }
            let mut base: Vec<String> = match start {
                "crate::" => Vec::new(),
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.to_vec(),
            };
            let mut rest = &text[index + start.len()..];
            while let Some(more) = rest.strip_prefix("super::") {
                base.pop();
                rest = more;
            }
            // A path: words joined by `::`, perhaps ending in a `{…}` group.
            let mut path = base.clone();
            loop {
                let name: String = rest.chars().take_while(|c| word(*c)).collect();
                if name.is_empty() {
                    break;
                }
                path.push(name.clone());
                rest = &rest[name.len()..];
                match rest.strip_prefix("::") {
                    Some(more) => rest = more,
                    None => break,
                }
            }
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let mut item_path = path.clone();
                    for name in item.trim().split("::") {
                        let name: String = name.chars().take_while(|c| word(*c)).collect();
                        if !name.is_empty() && name != "self" {
                            item_path.push(name);
                        }
                    }
                    out.push(item_path);
                }
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// Files of `ui/` that import each other in a loop (strongly connected, more than one file).
fn ui_circles() -> Vec<BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("ui"), &mut files);
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|f| {
            let name = f.strip_prefix(&src).unwrap_or(f).display().to_string();
            (module_of(&src, f), name)
        })
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let from = modules[&module].clone();
        let code = code_of(&fs::read_to_string(file).expect("read"));
        let targets = graph.entry(from.clone()).or_default();
        for path in named_paths(&code, &module) {
            // The longest prefix of the path that is a file of `ui/`.
            let target = (1..=path.len()).rev().find_map(|n| modules.get(&path[..n]));
            if let Some(target) = target.filter(|t| **t != from) {
                // A parent module declaring its children (`mod x;`) is not an import.
                targets.insert(target.clone());
            }
        }
    }
    // Tarjan's strongly connected components.
    struct Walk<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        circles: Vec<BTreeSet<String>>,
    }
    fn visit<'g>(walk: &mut Walk<'g>, node: &'g str) {
        let n = walk.index.len();
        walk.index.insert(node, n);
        walk.low.insert(node, n);
        walk.stack.push(node);
        walk.on_stack.insert(node);
        for next in walk.graph.get(node).into_iter().flatten() {
            let next = next.as_str();
            if !walk.index.contains_key(next) {
                visit(walk, next);
                let low = walk.low[node].min(walk.low[next]);
                walk.low.insert(node, low);
            } else if walk.on_stack.contains(next) {
                let low = walk.low[node].min(walk.index[next]);
                walk.low.insert(node, low);
            }
        }
        if walk.low[node] == walk.index[node] {
            let mut circle = BTreeSet::new();
            while let Some(top) = walk.stack.pop() {
                walk.on_stack.remove(top);
                circle.insert(top.to_owned());
                if top == node {
                    break;
                }
            }
            if circle.len() > 1 {
                walk.circles.push(circle);
            }
        }
    }
    let mut walk = Walk {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        circles: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            visit(&mut walk, node);
        }
    }
    walk.circles
}

#[test]
fn the_ui_has_no_import_circle_beyond_a_step_and_its_own_files() {
    for circle in ui_circles() {
        // A step split into files of its own folder (`ui/steps/video_system/…`) may loop; nothing
        // else in `ui/` may.
        let folders: BTreeSet<String> = circle
            .iter()
            .map(|file| {
                Path::new(file)
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            })
            .collect();
        let one_step_folder = folders.len() == 1
            && folders
                .iter()
                .all(|f| f.starts_with("ui/steps/") && f != "ui/steps");
        assert!(one_step_folder, "an import circle in ui/: {circle:?}");
    }
}

#[test]
fn the_circle_finder_sees_a_loop_through_super_paths_and_groups() {
    let module = ["ui".to_owned(), "steps".to_owned(), "mod".to_owned()];
    let paths = named_paths(
        "use super::{ctx::Ctx, task};\nlet x = crate::ui::step::Step::Risks;",
        &module[..2],
    );
    assert!(paths.contains(&vec!["ui".into(), "ctx".into(), "Ctx".into()]));
    assert!(paths.contains(&vec!["ui".into(), "task".into()]));
    assert!(paths.contains(&vec![
        "ui".into(),
        "step".into(),
        "Step".into(),
        "Risks".into()
    ]));
}

#[test]
fn the_ui_files_stay_small_enough_to_read() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("ui"), &mut files);
    for file in files {
        let lines = fs::read_to_string(&file).expect("read").lines().count();
        let limit = if file.ends_with("ui/mod.rs") {
            250
        } else {
            600
        };
        assert!(
            lines <= limit,
            "{} has {lines} lines (at most {limit}): split it by role",
            file.display()
        );
    }
}

/// The string literals of a piece of code (raw strings left aside: no path is written so).
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        // A char literal such as '"' is not the start of a string.
        if c == '"' && previous != '\'' {
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => literal.push(c),
                }
            }
            out.push(literal);
            previous = '"';
        } else {
            previous = c;
        }
    }
    out
}

/// True when `literal` is spelled as a field path of the project file: a section's name followed
/// by a field (`video_system.image_retention_days`) or a record (`cameras[{id}]`).
fn looks_like_field_path(literal: &str) -> bool {
    use gardefou::model::path::Section;
    let Some(section) = Section::of(literal) else {
        return false;
    };
    let rest = &literal[section.key().len()..];
    let is_path_text = literal
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_.[]{}-".contains(c));
    // File names (`measures.ron`, `cameras.csv`) are not paths.
    let is_file = [".ron", ".csv", ".json"]
        .iter()
        .any(|e| literal.ends_with(e));
    (rest.starts_with('.') || rest.starts_with('[')) && is_path_text && !is_file
}

#[test]
fn no_field_path_is_spelled_outside_the_path_module() {
    // A translation key of the CNIL PIA tool's own interface, written into its export.
    let not_paths = ["measures.default_placeholder"];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut spelled = Vec::new();
    for file in files {
        if file.starts_with(src.join("model/path")) {
            continue;
        }
        let text = fs::read_to_string(&file).expect("source");
        for literal in string_literals(&code_of(&text)) {
            if looks_like_field_path(&literal) && !not_paths.contains(&literal.as_str()) {
                let name = file.strip_prefix(&src).unwrap_or(&file).display();
                spelled.push(format!("{name}: \"{literal}\""));
            }
        }
    }
    assert!(
        spelled.is_empty(),
        "field paths spelled outside src/model/path (use its constants and builders): {spelled:#?}"
    );
}

#[test]
fn the_path_finder_sees_fields_records_and_formats_but_not_files_or_keys() {
    let code = r#"let a = "video_system.image_retention_days"; let b = format!("cameras[{id}].state");
        let c = "cameras.csv"; let d = "ui.save"; let e = '"'; let f = "risks";"#;
    let found: Vec<String> = string_literals(code)
        .into_iter()
        .filter(|l| looks_like_field_path(l))
        .collect();
    assert_eq!(
        found,
        ["video_system.image_retention_days", "cameras[{id}].state"]
    );
}
