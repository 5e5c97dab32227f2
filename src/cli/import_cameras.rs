//! `gardefou import-cameras`: a camera CSV or GeoJSON into a project file, through the session and with
//! the app's reader (the same guess of columns, the same refused rows, the same placing on the
//! perimeters' plans), so a consultant can script the inventories of many communes.

use serde_json::json;

use super::ImportCamerasArgs;
use crate::i18n::{tr_with, Lang};
use crate::messages;
use crate::model::Assessment;
use crate::session::{self, CameraField, Session};

/// Imports; 0 when every row went in, 1 when rows were refused (the others imported), 2 when
/// nothing could be done.
pub fn run(args: &ImportCamerasArgs, lang: Lang) -> u8 {
    let today = session::today_local();
    let (mut session, target) = match (&args.into, &args.output) {
        (Some(project), _) => match super::evaluated::open_session(project, today, lang) {
            Some(session) => (session, project.as_path()),
            None => return 2,
        },
        (None, Some(output)) => {
            if output.exists() {
                eprintln!(
                    "{}",
                    tr_with(
                        lang,
                        "cli.import_cameras.exists",
                        &[("path", &output.display().to_string())]
                    )
                );
                return 2;
            }
            let Some(kb) = super::evaluated::knowledge_base() else {
                return 2;
            };
            (
                Session::new(Assessment::default(), None, kb, today),
                output.as_path(),
            )
        }
        (None, None) => return 2,
    };
    let mut import = match session.read_cameras_csv(&args.input) {
        Ok(import) => import,
        Err(error) => {
            eprintln!("{}", messages::camera_file_error(&error, lang));
            return 2;
        }
    };
    for pair in &args.map {
        let known = pair.split_once('=').and_then(|(column, field)| {
            let field = CameraField::from_name(field)?;
            import.map_column(column, field).then_some(())
        });
        if known.is_none() {
            eprintln!(
                "{}",
                tr_with(lang, "cli.import_cameras.bad_map", &[("map", pair)])
            );
            return 2;
        }
    }
    let existing = session.assessment.cameras.to_vec();
    import.update_existing = args.update;
    import.remap(&existing);
    let preview = import.preview.clone();
    let placed = session.import_cameras(&preview);
    let saved = if args.into.is_some() {
        session.save()
    } else {
        session.save_as(target)
    };
    if let Err(error) = saved {
        eprintln!("{}", messages::save_failure(&error, lang));
        return 2;
    }
    let input = args.input.display().to_string();
    let features = import.table.rows_are_features;
    if args.json {
        let report = json!({
            "file": input,
            "project": target.display().to_string(),
            "imported": preview.cameras.len(),
            "updated": preview.updates.len(),
            "placed": placed.placed,
            "plans_added": placed.plans_added.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>(),
            "ignored_columns": import.ignored_columns(),
            "unlocated": preview.unlocated.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            "refused": preview.errors.iter().map(|e| {
                let message = messages::csv_row_error(e, lang);
                if features {
                    json!({ "feature": e.line, "message": message })
                } else {
                    json!({ "line": e.line, "message": message })
                }
            }).collect::<Vec<_>>(),
        });
        println!("{report:#}");
    } else {
        for error in &preview.errors {
            let message = messages::csv_row_error(error, lang);
            if features {
                let number = error.line.to_string();
                let text = tr_with(
                    lang,
                    "ui.csv_feature_error",
                    &[("line", &number), ("message", &message)],
                );
                eprintln!("{input}: {text}");
            } else {
                eprintln!("{input}:{}: {message}", error.line);
            }
        }
        println!(
            "{}: {}",
            target.display(),
            messages::csv_imported(
                (preview.cameras.len(), preview.updates.len()),
                &placed,
                lang,
            )
        );
        if !preview.errors.is_empty() {
            println!(
                "{}",
                crate::i18n::tr_count(lang, "ui.csv_preview_refused", preview.errors.len(), &[])
            );
        }
    }
    u8::from(!preview.errors.is_empty())
}
