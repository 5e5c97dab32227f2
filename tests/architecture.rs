//! The dependency direction of STYLE.md: the domain, knowledge, storage and (later) rules,
//! dossier and pdf modules never import egui or eframe.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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

#[test]
fn pure_layers_do_not_import_the_gui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for layer in [
        "model",
        "knowledge",
        "rules",
        "dossier",
        "documents",
        "pdf",
        "storage",
    ] {
        rust_files(&src.join(layer), &mut files);
    }
    assert!(!files.is_empty());
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
