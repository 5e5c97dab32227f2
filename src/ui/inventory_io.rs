//! The camera inventory's CSV and GeoJSON files, the plans' GeoJSON positions and world files,
//! read and written by the update after the frame, never by the view: reading puts the import preview (or the error
//! naming the file) into the inventory's state for the view to show; exporting reports there
//! what was written; the positions go onto their plan as an edit, the report beside it.

use std::path::Path;

use super::action::Action;
use super::GardefouApp;
use crate::edit::Edit;
use crate::i18n::tr;
use crate::i18n::{tr_with, Lang};
use crate::messages;
use crate::model::{PlanId, SitePlan};

impl GardefouApp {
    /// Reads the camera CSV at `path` into the inventory's import preview; on failure the
    /// preview is dropped and the error, naming the file, takes its place.
    pub(super) fn import_cameras_csv(&mut self, path: &Path) {
        let lang = self.lang();
        let inventory = &mut self.state.inventory;
        if path.as_os_str().is_empty() {
            inventory.message = Some((tr(lang, "ui.csv_path_missing").to_owned(), true));
            return;
        }
        match self.session.read_cameras_csv(path) {
            Ok(import) => {
                inventory.import = Some(import);
                inventory.message = None;
            }
            Err(error) => {
                inventory.import = None;
                inventory.message = Some((messages::camera_file_error(&error, lang), true));
            }
        }
    }

    /// Writes the inventory to `path` (GeoJSON or CSV, by its name) and says in the inventory
    /// how many cameras went where, or why nothing was written.
    pub(super) fn export_cameras_csv(&mut self, path: &Path) {
        let lang = self.lang();
        let message = if path.as_os_str().is_empty() {
            (tr(lang, "ui.csv_path_missing").to_owned(), true)
        } else {
            match self.session.export_cameras(path) {
                Ok((count, without)) => {
                    let mut text = crate::i18n::tr_count(
                        lang,
                        "ui.csv_exported",
                        count,
                        &[("path", &path.display().to_string())],
                    );
                    if without > 0 {
                        text.push_str(" — ");
                        text.push_str(&crate::i18n::tr_count(
                            lang,
                            "ui.geojson_left_out",
                            without,
                            &[],
                        ));
                    }
                    (text, false)
                }
                Err(error) => (messages::camera_csv_error(&error, lang), true),
            }
        };
        self.state.inventory.message = Some(message);
    }
}

impl GardefouApp {
    /// Georeferences the plan `plan` with the world file at `file` (`None`: no longer) and
    /// says under the plan what its cameras did, or why the file gave nothing.
    pub(super) fn georeference_plan(&mut self, plan: &PlanId, file: Option<&Path>) {
        let lang = self.lang();
        let georef = match file.map(crate::session::georef::read_world_file) {
            None => None,
            Some(Ok(georef)) => Some(georef),
            Some(Err(error)) => {
                let message = messages::world_file_error(&error, lang);
                self.state.plans.georef_report = Some((message, true));
                return;
            }
        };
        let placed = self.session.georeference_plan(plan, georef);
        let message = messages::georef_placed(georef.is_some(), &placed, lang);
        self.state.plans.georef_report = Some((message, false));
    }

    /// Georeferences the plan `plan` with the map two known points gave, and says what its
    /// cameras did.
    pub(super) fn tie_plan(&mut self, plan: &PlanId, georef: crate::model::Georef) {
        let lang = self.lang();
        let placed = self.session.georeference_plan(plan, Some(georef));
        let message = messages::georef_placed(true, &placed, lang);
        self.state.plans.georef_report = Some((message, false));
    }

    /// After a background picture is attached: when a world file lies beside it, the plan is
    /// georeferenced with it, and the editor says so.
    pub(super) fn georeference_beside(&mut self, plan: &PlanId, picture: &Path) {
        if let Some(world) = crate::session::georef::world_file_beside(picture) {
            self.state.plans.georef_path = world.display().to_string();
            self.georeference_plan(plan, Some(&world));
        }
    }

    /// Reads the GeoJSON file at `path` and places its points on the plan `plan` (an edit,
    /// undoable); what was placed, or why nothing was, is shown under the plan's import row.
    pub(super) fn import_geojson(&mut self, plan: &PlanId, path: &Path) {
        let lang = self.lang();
        let Some(plan) = self
            .session
            .assessment
            .plans
            .iter()
            .find(|p| &p.plan_id == plan)
            .cloned()
        else {
            return;
        };
        let mut edits = Vec::new();
        let report = geojson_report(path, &plan, lang, &mut edits);
        self.state.plans.geojson_report = Some(report);
        self.pending.extend(edits);
    }
}

/// Reads the GeoJSON file, projects its points onto the plan's sheet and sends the placements;
/// the message says what was placed and what was not.
fn geojson_report(
    path: &std::path::Path,
    plan: &SitePlan,
    lang: Lang,
    actions: &mut Vec<Action>,
) -> (String, bool) {
    let read = match crate::session::geo_positions::read_geojson(path) {
        Ok(read) => read,
        Err(error) => return (crate::messages::geo_file_error(&error, lang), true),
    };
    let Some(projected) =
        crate::session::geo_positions::project(&read.cameras, plan.width.max(2000))
    else {
        return (tr(lang, "ui.plan.geojson_none").to_owned(), true);
    };
    let count = projected.positions.len();
    actions.push(Action::Edit(Edit::ImportPositions(
        plan.plan_id.clone(),
        projected.sheet(),
    )));
    let mut message = tr_with(
        lang,
        "ui.plan.geojson_done",
        &[
            ("count", &count.to_string()),
            ("skipped", &read.warnings.len().to_string()),
        ],
    );
    let warnings: Vec<String> = read
        .warnings
        .iter()
        .take(5)
        .map(|w| crate::messages::geojson_warning(w, lang))
        .collect();
    if !warnings.is_empty() {
        message.push(' ');
        message.push_str(&warnings.join(" ; "));
    }
    (message, false)
}
