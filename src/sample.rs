//! The bundled sample assessment: a fictional French commune coupling 18 of its 124 cameras to
//! a BriefCam-type analytics suite. It opens with the app, feeds most tests, and is what
//! `gardefou sample -o FILE` writes.

use std::path::Path;

use crate::model::Assessment;
use crate::storage::{self, LoadError};

/// The file name the sample is known by.
pub const FILE_NAME: &str = "commune-exemple.aipd.ron";

/// The sample's RON text, as shipped.
pub const TEXT: &str = include_str!("../assets/sample/commune-exemple.aipd.ron");

/// The evidence documents the sample refers to, by path relative to the project file.
pub const EVIDENCE_FILES: [(&str, &[u8]); 7] = [
    (
        "preuves/arrete-prefectoral-2022-0314.txt",
        include_bytes!("../assets/sample/preuves/arrete-prefectoral-2022-0314.txt"),
    ),
    (
        "preuves/attestation-editeur-2026-10.txt",
        include_bytes!("../assets/sample/preuves/attestation-editeur-2026-10.txt"),
    ),
    (
        "preuves/licence-briefvision-bv-59-0421.txt",
        include_bytes!("../assets/sample/preuves/licence-briefvision-bv-59-0421.txt"),
    ),
    (
        "preuves/constat-commissaire-de-justice-2026-10-20.txt",
        include_bytes!("../assets/sample/preuves/constat-commissaire-de-justice-2026-10-20.txt"),
    ),
    (
        "preuves/photos-panneaux-2026-09.txt",
        include_bytes!("../assets/sample/preuves/photos-panneaux-2026-09.txt"),
    ),
    (
        "preuves/contrat-sous-traitance-briefvision.txt",
        include_bytes!("../assets/sample/preuves/contrat-sous-traitance-briefvision.txt"),
    ),
    (
        "preuves/plan-centre-ville.png",
        include_bytes!("../assets/sample/preuves/plan-centre-ville.png"),
    ),
];

/// The sample assessment, parsed.
pub fn sample() -> Result<Assessment, LoadError> {
    storage::parse_text(TEXT, Path::new(FILE_NAME))
}

/// Fictional communes for a demonstration portfolio.
const COMMUNES: [&str; 12] = [
    "Saint-Aubin-sur-Lys",
    "Vernay-les-Bois",
    "Montcalm-sur-Orne",
    "Bellerive",
    "Les Aulnaies",
    "Port-Sainte-Anne",
    "Villeneuve-du-Val",
    "Champfleury-la-Rivière",
    "Roche-sur-Mer",
    "Lavaud",
    "Saint-Martin-des-Prés",
    "Haute-Combe",
];

/// The `index`-th assessment of a fictional portfolio: the sample made into another commune
/// with `cameras` cameras, its authorisation granted on another day (so expiries, renewals and
/// reviews spread over five years), at another stage of the review circuit, and every seventh
/// one in operation without its authorisation (a blocking finding), its action plan shifted. The same index always gives the same
/// assessment; the benchmarks and the tests scan folders of them, and `gardefou sample
/// --portfolio` writes twelve.
pub fn portfolio_member(index: usize, cameras: usize) -> Result<Assessment, LoadError> {
    use crate::model::{CameraId, Date, ProjectStatus};
    let base = sample()?;
    let mut a = base.clone();
    let name = COMMUNES[index % COMMUNES.len()];
    let round = index / COMMUNES.len();
    a.project.organisation = if round == 0 {
        format!("Commune de {name}")
    } else {
        format!("Commune de {name} ({})", round + 1)
    };
    a.project.title = "AIPD — vidéoprotection augmentée".to_owned();
    let day = |start: (i32, u8, u8), offset: usize| {
        Date::from_ymd(start.0, start.1, start.2)
            .map(|d| d.add_days(i64::try_from(offset).unwrap_or(0)))
    };
    a.project.created_on = day((2025, 1, 1), index);
    a.project.status = [
        ProjectStatus::Draft,
        ProjectStatus::InReview,
        ProjectStatus::DpoOpinionGiven,
        ProjectStatus::Validated,
        ProjectStatus::UnderRevision,
    ][index % 5];
    a.project.version = format!("1.{}", index % 4);
    a.project.review_due_on = day((2026, 10, 1), (index * 53) % 1500);
    let auth = &mut a.video_system.authorisation;
    auth.granted_on = day((2021, 6, 1), (index * 97) % 1800);
    auth.is_renewal_filed = Some(index.is_multiple_of(3));
    if index % 7 == 6 {
        // In operation without an authorisation: R05-ABSENT, blocking.
        auth.reference.clear();
        auth.granted_on = None;
        a.project.deployment_stage = crate::model::DeploymentStage::InOperation;
    }
    // The action plan runs on another calendar too.
    let shift = i64::try_from((index * 29) % 400).unwrap_or(0);
    for measure in &mut a.measures {
        measure.deadline = measure.deadline.map(|d| d.add_days(shift));
    }
    if !base.cameras.is_empty() {
        a.cameras = (0..cameras)
            .map(|n| {
                let mut camera = base.cameras[n % base.cameras.len()].clone();
                camera.camera_id = CameraId::new(format!("CAM-{n:05}"));
                camera
            })
            .collect();
    }
    Ok(a)
}

/// A fictional city's camera inventory as its open data would publish it (the Paris bulletin's
/// columns: `Code postal;Numéro;Implantation;Date de mise en service;lat;lon`): `cameras`
/// cameras on sites of one to seven each (a crossroads, a square), the sites scattered around a
/// centre, denser near it, over `perimeters` postal codes by the site's bearing. The same
/// arguments always give the same file; the benchmarks and the tests import it as a city would.
pub fn city_csv(cameras: usize, perimeters: usize) -> String {
    // A small linear congruential generator: deterministic, no dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let perimeters = perimeters.max(1);
    let (lat0, lon0) = (48.8566_f64, 2.3522_f64);
    let east = 111_195.0 * lat0.to_radians().cos();
    let mut out = String::from("Code postal;Numéro;Implantation;Date de mise en service;lat;lon\n");
    let mut number = 1000;
    let mut written = 0;
    while written < cameras {
        // A site: its distance from the centre grows slowly (most sites near it), any bearing.
        let distance = 4_000.0 * next().powf(1.6);
        let bearing = next() * std::f64::consts::TAU;
        let (dx, dy) = (distance * bearing.cos(), distance * bearing.sin() * 0.8);
        let perimeter = (bearing / std::f64::consts::TAU * perimeters as f64) as usize;
        let on_site = 1 + (next() * next() * 7.0) as usize;
        let site = number + 1;
        let dates = [
            "08/07/16",
            "15/03/2019",
            "inconnue",
            "2012-05-01",
            "01/09/21",
        ];
        for _ in 0..on_site.min(cameras - written) {
            number += 1;
            let (ex, ey) = (dx + next() * 8.0 - 4.0, dy + next() * 8.0 - 4.0);
            let date = dates[(number * 7) % dates.len()];
            out.push_str(&format!(
                "750{:02};{number};Site {site};{date};{:.6};{:.6}\n",
                perimeter.min(perimeters - 1) + 1,
                lat0 + ey / 111_195.0,
                lon0 + ex / east,
            ));
            written += 1;
        }
    }
    out
}
