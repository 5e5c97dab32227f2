//! The trust boundary of the files a received project names: `Session::open` on a project whose
//! evidence documents, plan background and logo point — as the input chooses — at special or
//! hostile files in a scratch folder: /dev/zero, a FIFO nobody writes to, a folder, a dangling
//! link, a link loop, a 300 MB sparse file, the project file itself, a file outside the
//! project's folder. Opening (the evidence check), resolving the branding and exporting the
//! dossier must each return — libFuzzer's `-timeout` turns a hang into a failure — and no such
//! file may be read into the document: a logo outside the folder is refused unless allowed.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use gardefou::knowledge::KnowledgeBase;
use gardefou::model::{Date, Evidence, EvidenceId, EvidenceKind};
use gardefou::session::logo::BrandingProblem;
use gardefou::session::{ExportKind, Session};
use libfuzzer_sys::fuzz_target;

/// The scratch folder (`project/` inside it, and the special files), made once.
fn scratch() -> &'static (PathBuf, Vec<String>) {
    static SCRATCH: OnceLock<(PathBuf, Vec<String>)> = OnceLock::new();
    SCRATCH.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("gardefou-fuzz-paths-{}", std::process::id()));
        let project = root.join("project");
        std::fs::create_dir_all(project.join("folder")).expect("scratch folder");
        let fifo = project.join("pipe.png");
        let _ = std::process::Command::new("mkfifo").arg(&fifo).status();
        let sparse = std::fs::File::create(project.join("huge.png")).expect("sparse file");
        sparse.set_len(300 * 1024 * 1024).expect("sparse length");
        let _ = std::os::unix::fs::symlink(project.join("nowhere.png"), project.join("dangling.png"));
        let _ = std::os::unix::fs::symlink(project.join("loop-b.png"), project.join("loop-a.png"));
        let _ = std::os::unix::fs::symlink(project.join("loop-a.png"), project.join("loop-b.png"));
        std::fs::write(root.join("private.png"), tiny_png()).expect("private picture");
        std::fs::write(project.join("plan.png"), tiny_png()).expect("plan picture");
        let targets = [
            "/dev/zero",
            "pipe.png",
            "folder",
            "dangling.png",
            "loop-a.png",
            "huge.png",
            "projet.aipd.ron",
            "../private.png",
            "plan.png",
            "/proc/self/mem",
        ];
        (project, targets.iter().map(|t| (*t).to_owned()).collect())
    })
}

fn kb() -> Arc<KnowledgeBase> {
    static KB: OnceLock<Arc<KnowledgeBase>> = OnceLock::new();
    Arc::clone(KB.get_or_init(|| Arc::new(KnowledgeBase::bundled().expect("knowledge base"))))
}

fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(4, 4, image::Rgb([200, 10, 10]))
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .expect("png");
    bytes
}

fuzz_target!(|data: &[u8]| {
    let (project, targets) = scratch();
    let pick = |byte: u8| targets[usize::from(byte) % targets.len()].clone();
    let Some((&logo, rest)) = data.split_first() else {
        return;
    };
    let mut a = gardefou::sample::sample().expect("the sample");
    a.evidence = rest
        .iter()
        .take(6)
        .enumerate()
        .map(|(n, byte)| Evidence {
            evidence_id: EvidenceId::new(format!("EV-{:02}", n + 1)),
            kind: if n == 0 { EvidenceKind::SitePlan } else { EvidenceKind::Other },
            path: pick(*byte),
            sha256: "0".repeat(64),
            ..Evidence::default()
        })
        .collect();
    if let Some(plan) = a.plans.first_mut() {
        plan.background = a.evidence.first().map(|e| e.evidence_id.clone());
    }
    a.project.branding.firm_name = "Cabinet".to_owned();
    a.project.branding.logo_path = pick(logo);
    let file = project.join("projet.aipd.ron");
    if gardefou::storage::save(&file, &a).is_err() {
        return;
    }
    let today = Date::from_ymd(2026, 12, 7).expect("date");
    let Ok(opened) = Session::open(&file, kb(), today) else {
        return;
    };
    let session = opened.session;
    let user = gardefou::model::Branding::default();
    let branding = match session.resolve_branding(&user, false, false) {
        Ok(branding) => branding,
        Err(BrandingProblem::Outside { path, .. }) => {
            // Asked about only when it really lies outside (links and « .. » resolved).
            let inside = std::fs::canonicalize(&path)
                .ok()
                .zip(std::fs::canonicalize(project).ok())
                .is_some_and(|(path, folder)| path.starts_with(folder));
            assert!(!inside, "{}: inside the project's folder", path.display());
            None
        }
        Err(BrandingProblem::Logo(_)) => None,
    };
    if let Some(logo) = branding.as_ref().and_then(|b| b.logo.as_ref()) {
        // Only the real picture in the project's folder can become a logo.
        assert_eq!(Path::new(&pick(logo_byte(data))), Path::new("plan.png"), "{logo:?}");
    }
    let _ = session
        .export_job(ExportKind::Dossier { is_public: false }, &project.join("out.pdf"))
        .with_branding(branding)
        .bytes();
});

fn logo_byte(data: &[u8]) -> u8 {
    data.first().copied().unwrap_or(0)
}
