//! The in-app file picker, for desktops where the system dialog cannot be shown (no portal, no
//! zenity): folders and matching files of one folder, a typed folder, the parent and home
//! folders, a file name for saving. egui-file-dialog, the maintained picker, does not follow
//! egui 0.37 yet; this one is small and needs nothing else.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::file_dialog::DialogPurpose;
use super::theme;
use crate::i18n::{tr, tr_with, Lang};

/// A folder's content as the picker lists it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// Sub-folders, sorted, hidden ones left out.
    pub folders: Vec<String>,
    /// Files with one of the purpose's extensions, sorted.
    pub files: Vec<String>,
}

/// The picker's state.
#[derive(Clone, Debug)]
pub struct InAppPicker {
    /// What the path is for.
    pub purpose: DialogPurpose,
    /// The folder shown.
    pub dir: PathBuf,
    /// The folder as typed in its box.
    pub dir_text: String,
    /// The file chosen or typed.
    pub name: String,
    /// The folder's content, read once per folder (or why it could not be read).
    listing: Option<Result<Listing, String>>,
}

/// What the user did with the picker this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerAnswer {
    /// Still choosing.
    Open,
    /// Chose this path.
    Chosen(PathBuf),
    /// Gave up.
    Cancelled,
}

impl InAppPicker {
    /// A picker for `purpose`, showing `dir`.
    pub fn new(purpose: DialogPurpose, dir: PathBuf) -> Self {
        let name = match purpose {
            DialogPurpose::Open => String::new(),
            DialogPurpose::SaveProject => "analyse.aipd.ron".to_owned(),
            DialogPurpose::SavePdf => "dossier-aipd.pdf".to_owned(),
            DialogPurpose::PortfolioFolder => String::new(),
            DialogPurpose::SavePortfolio => "portefeuille-aipd.pdf".to_owned(),
            DialogPurpose::MergeCopy => String::new(),
            DialogPurpose::SaveContribution => "contribution.aipd.ron".to_owned(),
        };
        Self {
            purpose,
            dir_text: dir.display().to_string(),
            dir,
            name,
            listing: None,
        }
    }

    /// The extensions the purpose lists.
    fn extensions(&self) -> &'static [&'static str] {
        match self.purpose {
            DialogPurpose::Open | DialogPurpose::PortfolioFolder => &["ron", "pdf", "json"],
            DialogPurpose::SaveProject
            | DialogPurpose::MergeCopy
            | DialogPurpose::SaveContribution => &["ron"],
            DialogPurpose::SavePdf => &["pdf"],
            DialogPurpose::SavePortfolio => &["pdf", "ics", "csv"],
        }
    }

    /// Shows another folder.
    pub fn go_to(&mut self, dir: PathBuf) {
        self.dir_text = dir.display().to_string();
        self.dir = dir;
        self.listing = None;
    }

    /// The folder's content, read once.
    pub fn listing(&mut self) -> &Result<Listing, String> {
        let extensions = self.extensions();
        let dir = self.dir.clone();
        self.listing
            .get_or_insert_with(|| list(&dir, extensions).map_err(|e| e.to_string()))
    }

    /// The chosen path: the folder and the name (the folder itself when choosing a folder).
    pub fn chosen(&self) -> Option<PathBuf> {
        if self.purpose == DialogPurpose::PortfolioFolder {
            return Some(self.dir.clone());
        }
        let name = self.name.trim();
        (!name.is_empty()).then(|| self.dir.join(name))
    }
}

/// The sub-folders and matching files of `dir`.
pub fn list(dir: &Path, extensions: &[&str]) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            listing.folders.push(name);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            listing.files.push(name);
        }
    }
    listing.folders.sort();
    listing.files.sort();
    Ok(listing)
}

/// The user's home folder (`HOME`, or `USERPROFILE` on Windows), else the current one.
pub fn home() -> PathBuf {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Draws the picker as a modal window.
pub fn picker_ui(ctx: &egui::Context, picker: &mut InAppPicker, lang: Lang) -> PickerAnswer {
    let mut answer = PickerAnswer::Open;
    let (enter, escape) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
        )
    });
    let mut navigated = false;
    egui::Modal::new(egui::Id::unique("gardefou.file_picker")).show(ctx, |ui| {
        ui.set_width(560.0);
        let title = match picker.purpose {
            DialogPurpose::Open | DialogPurpose::MergeCopy => "ui.picker_open",
            DialogPurpose::PortfolioFolder => "ui.picker_folder_title",
            DialogPurpose::SaveProject
            | DialogPurpose::SavePdf
            | DialogPurpose::SavePortfolio
            | DialogPurpose::SaveContribution => "ui.picker_save",
        };
        ui.heading(tr(lang, title));
        ui.label(
            RichText::new(tr(lang, "ui.picker_intro"))
                .small()
                .color(theme::palette(ui.ctx()).muted),
        );
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "ui.picker_folder"));
            let folder = ui
                .add(egui::TextEdit::singleline(&mut picker.dir_text).desired_width(330.0))
                .labelled_by(label.id);
            if folder.lost_focus() && enter {
                let typed = PathBuf::from(picker.dir_text.trim());
                picker.go_to(typed);
                navigated = true;
            }
        });
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "ui.picker_parent")).clicked() {
                if let Some(parent) = picker.dir.parent().map(Path::to_path_buf) {
                    picker.go_to(parent);
                }
            }
            if ui.button(tr(lang, "ui.picker_home")).clicked() {
                picker.go_to(home());
            }
        });
        let listing = picker.listing().clone();
        let mut go_to = None;
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .show(ui, |ui| match &listing {
                Err(reason) => {
                    ui.label(
                        RichText::new(tr_with(lang, "ui.picker_unreadable", &[("reason", reason)]))
                            .color(theme::palette(ui.ctx()).bad),
                    );
                }
                Ok(listing) => {
                    for folder in &listing.folders {
                        if ui
                            .selectable_label(false, format!("{folder}/"))
                            .on_hover_text(tr(lang, "ui.picker_enter"))
                            .clicked()
                        {
                            go_to = Some(picker.dir.join(folder));
                        }
                    }
                    for file in &listing.files {
                        let response = ui.selectable_label(picker.name == *file, file);
                        if response.clicked() {
                            picker.name = file.clone();
                        }
                        if response.double_clicked() {
                            picker.name = file.clone();
                            if let Some(path) = picker.chosen() {
                                answer = PickerAnswer::Chosen(path);
                            }
                        }
                    }
                    if listing.folders.is_empty() && listing.files.is_empty() {
                        ui.label(
                            RichText::new(tr(lang, "ui.picker_empty"))
                                .color(theme::palette(ui.ctx()).muted),
                        );
                    }
                }
            });
        if let Some(dir) = go_to {
            picker.go_to(dir);
        }
        // Choosing a folder needs no file name: the folder shown is the answer.
        if picker.purpose != DialogPurpose::PortfolioFolder {
            ui.horizontal(|ui| {
                let label = ui.label(tr(lang, "ui.picker_name"));
                ui.add(egui::TextEdit::singleline(&mut picker.name).desired_width(330.0))
                    .labelled_by(label.id);
            });
        }
        ui.horizontal(|ui| {
            let confirm = match picker.purpose {
                DialogPurpose::Open | DialogPurpose::MergeCopy => tr(lang, "ui.picker_open_button"),
                DialogPurpose::PortfolioFolder => tr(lang, "ui.picker_use_folder"),
                DialogPurpose::SaveProject
                | DialogPurpose::SavePdf
                | DialogPurpose::SavePortfolio
                | DialogPurpose::SaveContribution => tr(lang, "ui.picker_choose"),
            };
            let chosen = picker.chosen();
            let clicked = ui
                .add_enabled(chosen.is_some(), egui::Button::new(confirm))
                .clicked();
            // Enter in the folder box goes to the folder; anywhere else it confirms.
            if let Some(path) = chosen.filter(|_| clicked || (enter && !navigated)) {
                answer = PickerAnswer::Chosen(path);
            }
            if ui.button(tr(lang, "ui.cancel")).clicked() || escape {
                answer = PickerAnswer::Cancelled;
            }
        });
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_and_the_purposes_files_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("archives")).expect("folder");
        std::fs::create_dir(dir.path().join(".cache")).expect("hidden folder");
        for name in [
            "commune.aipd.ron",
            "dossier.PDF",
            "notes.txt",
            ".hidden.ron",
        ] {
            std::fs::write(dir.path().join(name), "x").expect("file");
        }
        let listing = list(dir.path(), &["ron", "pdf"]).expect("list");
        assert_eq!(listing.folders, ["archives"]);
        assert_eq!(listing.files, ["commune.aipd.ron", "dossier.PDF"]);
        let mut picker = InAppPicker::new(DialogPurpose::SaveProject, dir.path().to_owned());
        assert_eq!(
            picker.chosen(),
            Some(dir.path().join("analyse.aipd.ron")),
            "saving proposes a name"
        );
        picker.go_to(dir.path().join("absent"));
        assert!(picker.listing().is_err(), "an unreadable folder says so");
    }
}
