//! The portfolio view: every assessment below a folder in one table — sortable by each column,
//! filtered by a text and by what needs attention — with the scan running on background
//! threads (progress, stop) and filling the table as files are read. A double-click (or
//! « Open » on the selected row) opens the assessment; the top bar's « Portfolio » comes back
//! to the same folder, sort, filter, selection and scroll position. The report, the calendar
//! file and the CSV table are written from here. The state lives in `ui::portfolio_view`; the
//! scanning itself is `crate::portfolio`.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Sense};
use egui_extras::{Column as TableColumn, TableBuilder};

use super::action::Action;
use super::file_dialog::DialogPurpose;
pub use super::portfolio_view::{default_output, PortfolioView};
use super::{theme, GardefouApp};
use crate::i18n::{tr, tr_with, Lang};
use crate::model::Date;
use crate::portfolio::table::{Column, Show, Sort};
use crate::portfolio::{Entry, Output, Summary};
use crate::rules::deadlines::Urgency;

impl GardefouApp {
    /// Takes in the scan's news, and scans again when the window gets the focus back (a
    /// colleague may have saved into the shared folder).
    pub(super) fn poll_portfolio(&mut self, ctx: &egui::Context) {
        self.state.portfolio.poll();
        let focused = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        if focused && self.state.mode.is_portfolio() && !self.state.portfolio.is_scanning() {
            let kb = Arc::clone(self.session.kb());
            self.state.portfolio.refresh(kb, self.session.today(), ctx);
        }
    }

    /// Opens the portfolio view, scanning its folder again if it has one.
    pub(super) fn show_portfolio(&mut self, ctx: &egui::Context) {
        self.state.mode = self.state.mode.with_portfolio();
        let view = &mut self.state.portfolio;
        if view.folder.is_none() {
            if let Some(folder) = self.settings.portfolio_folder.clone() {
                view.folder_text = folder.display().to_string();
                view.folder = Some(folder);
            }
        }
        if view.output_text.is_empty() {
            view.output_text = default_output(self.session.today()).display().to_string();
        }
        if !view.is_scanning() {
            let kb = Arc::clone(self.session.kb());
            view.refresh(kb, self.session.today(), ctx);
        }
    }

    /// Scans `folder` and remembers it for the next start.
    pub(super) fn scan_portfolio(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.settings.portfolio_folder = Some(folder.clone());
        self.state.mode = self.state.mode.with_portfolio();
        let kb = Arc::clone(self.session.kb());
        self.state
            .portfolio
            .start(folder, kb, self.session.today(), ctx);
    }

    /// Writes the report, the calendar file or the CSV table of the rows read.
    pub(super) fn write_portfolio(&mut self, output: Output) {
        let lang = self.lang();
        let view = &self.state.portfolio;
        let (Some(folder), Some(path)) = (view.folder.clone(), view.output_path(output)) else {
            self.set_status(tr(lang, "portfolio.no_output").to_owned(), true);
            return;
        };
        let mut entries = view.entries.clone();
        entries.sort_by(|a, b| a.relative.cmp(&b.relative));
        let found = crate::portfolio::Portfolio {
            root: folder,
            today: self.session.today(),
            entries,
            ignored: view.ignored,
        };
        let describe = |p: &crate::portfolio::Problem| crate::messages::portfolio_problem(p, lang);
        let written = output.write(
            &path,
            &found,
            self.session.kb(),
            lang,
            time::OffsetDateTime::now_utc(),
            &describe,
        );
        match written {
            Ok(()) => self.set_status(
                tr_with(
                    lang,
                    "portfolio.written",
                    &[("path", &path.display().to_string())],
                ),
                false,
            ),
            Err(error) => self.set_status(format!("{}: {error}", path.display()), true),
        }
    }

    /// The portfolio view, in place of the wizard.
    pub(super) fn portfolio_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang();
        let today = self.session.today();
        let palette = theme::palette(ui.ctx());
        let view = &mut self.state.portfolio;
        ui.heading(tr(lang, "portfolio.title"));
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "portfolio.folder"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut view.folder_text).desired_width(420.0))
                .labelled_by(label.id);
            let typed = PathBuf::from(view.folder_text.trim());
            let is_typed = !view.folder_text.trim().is_empty();
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr(lang, "ui.browse")).clicked() {
                actions.push(Action::Browse(DialogPurpose::PortfolioFolder));
            }
            if ui
                .add_enabled(is_typed, egui::Button::new(tr(lang, "portfolio.scan")))
                .on_hover_text(tr(lang, "portfolio.scan_hint"))
                .clicked()
                || (enter && is_typed)
            {
                actions.push(Action::ScanPortfolio(typed));
            }
        });
        if let Some((done, total)) = view.progress() {
            ui.horizontal(|ui| {
                let fraction = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(260.0)
                        .text(tr_with(
                            lang,
                            "portfolio.scanning",
                            &[("done", &done.to_string()), ("total", &total.to_string())],
                        )),
                );
                if ui.button(tr(lang, "portfolio.stop")).clicked() {
                    view.cancel();
                }
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(error) = &view.error {
            ui.label(
                RichText::new(format!("{}: {}", tr(lang, "error.portfolio.root"), error))
                    .color(palette.bad),
            );
        }
        if view.folder.is_none() {
            ui.add_space(12.0);
            ui.label(tr(lang, "portfolio.no_folder"));
            return;
        }
        summary_line(ui, view, lang, today);
        ui.horizontal_wrapped(|ui| {
            for show in Show::ALL {
                if ui
                    .selectable_label(view.show == show, tr(lang, show.label_key()))
                    .clicked()
                {
                    view.show = show;
                    view.reorder();
                }
            }
            ui.separator();
            let label = ui.label(tr(lang, "portfolio.search"));
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut view.query)
                        .hint_text(tr(lang, "portfolio.search_hint"))
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if search.changed() {
                view.reorder();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, "portfolio.output"));
            ui.add(egui::TextEdit::singleline(&mut view.output_text).desired_width(320.0))
                .labelled_by(label.id);
            if ui.button(tr(lang, "ui.browse")).clicked() {
                actions.push(Action::Browse(DialogPurpose::SavePortfolio));
            }
            let can_write = !view.entries.is_empty() && !view.is_scanning();
            for (output, key) in [
                (Output::Report, "portfolio.write_report"),
                (Output::Calendar, "portfolio.write_ics"),
                (Output::Csv, "portfolio.write_csv"),
            ] {
                if ui
                    .add_enabled(can_write, egui::Button::new(tr(lang, key)))
                    .on_disabled_hover_text(tr(lang, "portfolio.write_wait"))
                    .clicked()
                {
                    actions.push(Action::WritePortfolio(output));
                }
            }
        });
        let selected_path = view.selected.clone();
        ui.horizontal(|ui| {
            let can_open = selected_path.as_ref().is_some_and(|p| {
                view.entries
                    .iter()
                    .any(|e| &e.path == p && e.summary().is_some())
            });
            if ui
                .add_enabled(can_open, egui::Button::new(tr(lang, "portfolio.open")))
                .clicked()
            {
                if let Some(path) = selected_path.clone() {
                    actions.push(Action::OpenPath(path));
                }
            }
            ui.label(
                RichText::new(tr(lang, "portfolio.open_hint"))
                    .small()
                    .color(palette.muted),
            );
        });
        ui.separator();
        table_ui(ui, view, lang, today, actions);
    }
}

fn summary_line(ui: &mut egui::Ui, view: &PortfolioView, lang: Lang, today: Date) {
    let read: Vec<&Summary> = view.entries.iter().filter_map(Entry::summary).collect();
    let attention = read
        .iter()
        .filter(|s| s.urgency(today).is_some_and(|u| u != Urgency::Later))
        .count();
    let mut text = tr_with(
        lang,
        "portfolio.summary",
        &[
            ("read", &read.len().to_string()),
            (
                "blocking",
                &read.iter().filter(|s| s.blocking > 0).count().to_string(),
            ),
            ("attention", &attention.to_string()),
            ("unreadable", &(view.entries.len() - read.len()).to_string()),
            ("ignored", &view.ignored.to_string()),
        ],
    );
    if view.was_cancelled {
        text = format!("{text} {}", tr(lang, "portfolio.cancelled"));
    }
    ui.label(text);
}

/// The width of each column, left to right: the attention marker, then `Column::ALL`.
const WIDTHS: [f32; 12] = [
    110.0, 210.0, 170.0, 130.0, 110.0, 50.0, 175.0, 95.0, 95.0, 60.0, 125.0, 200.0,
];

fn table_ui(
    ui: &mut egui::Ui,
    view: &mut PortfolioView,
    lang: Lang,
    today: Date,
    actions: &mut Vec<Action>,
) {
    let palette = theme::palette(ui.ctx());
    let order: Vec<usize> = view.rows(today).to_vec();
    if order.is_empty() && !view.is_scanning() {
        ui.label(tr(
            lang,
            if view.entries.is_empty() {
                "portfolio.empty"
            } else {
                "portfolio.none_shown"
            },
        ));
        return;
    }
    let mut sort = view.sort;
    let mut clicked = None;
    let mut opened = None;
    egui::ScrollArea::horizontal()
        .id_salt("gardefou_portfolio_scroll")
        .show(ui, |ui| {
            let mut builder = TableBuilder::new(ui)
                .id_salt("gardefou_portfolio_table")
                .striped(true)
                .sense(Sense::click())
                .auto_shrink([false, false]);
            // The file column is as wide as its longest text (a project and its dossier PDFs),
            // within reason: a path is read whole, not cut at 200 points.
            let longest = order
                .iter()
                .map(|&i| file_text(&view.entries[i], lang).chars().count())
                .max()
                .unwrap_or(0);
            let file_width = (longest as f32 * 7.2 + 16.0).clamp(WIDTHS[11], 640.0);
            for (index, width) in WIDTHS.into_iter().enumerate() {
                let width = if index == WIDTHS.len() - 1 {
                    file_width
                } else {
                    width
                };
                builder = builder.column(TableColumn::initial(width).at_least(50.0).clip(true));
            }
            builder
                .header(22.0, |mut header| {
                    header.col(|ui| {
                        ui.label(RichText::new(tr(lang, "portfolio.col.attention")).strong());
                    });
                    for column in Column::ALL {
                        header.col(|ui| header_ui(ui, lang, &mut sort, column));
                    }
                })
                .body(|body| {
                    body.rows(20.0, order.len(), |mut row| {
                        let entry = &view.entries[order[row.index()]];
                        row.set_selected(view.selected.as_ref() == Some(&entry.path));
                        let cells = cells(entry, lang, today);
                        let urgency = entry.summary().and_then(|s| s.urgency(today));
                        let colour = match (entry.summary(), urgency) {
                            (None, _) | (_, Some(Urgency::Overdue)) => Some(palette.bad),
                            (_, Some(Urgency::DueSoon)) => Some(palette.warn),
                            _ => None,
                        };
                        let mut response: Option<egui::Response> = None;
                        for (index, text) in cells.iter().enumerate() {
                            row.col(|ui| {
                                let mut rich = RichText::new(text);
                                if let Some(colour) = colour.filter(|_| index == 0) {
                                    rich = rich.color(colour).strong();
                                }
                                let cell = ui
                                    .add(
                                        egui::Label::new(rich)
                                            .truncate()
                                            .selectable(false)
                                            .sense(Sense::click()),
                                    )
                                    .on_hover_text(text);
                                response = Some(match response.take() {
                                    Some(r) => r.union(cell),
                                    None => cell,
                                });
                            });
                        }
                        let row_response = row.response();
                        let is_clicked = row_response.clicked()
                            || response.as_ref().is_some_and(egui::Response::clicked);
                        let is_double = row_response.double_clicked()
                            || response
                                .as_ref()
                                .is_some_and(egui::Response::double_clicked);
                        if is_clicked || is_double {
                            clicked = Some(entry.path.clone());
                        }
                        if is_double && entry.summary().is_some() {
                            opened = Some(entry.path.clone());
                        }
                    });
                });
        });
    if sort != view.sort {
        view.sort = sort;
        view.reorder();
    }
    if let Some(path) = clicked {
        view.selected = Some(path);
    }
    if let Some(path) = opened {
        actions.push(Action::OpenPath(path));
    }
}

/// A column's title: a button that sorts by it, the same one again flipping the order.
fn header_ui(ui: &mut egui::Ui, lang: Lang, sort: &mut Sort, column: Column) {
    let arrow = match *sort {
        Sort {
            column: current,
            descending: true,
        } if current == column => " ▼",
        Sort {
            column: current,
            descending: false,
        } if current == column => " ▲",
        _ => "",
    };
    // Narrow columns show a short title; the whole one is in the tooltip.
    let short = match column {
        Column::Findings => Some("portfolio.col.findings_short"),
        Column::Completeness => Some("portfolio.col.completeness_short"),
        _ => None,
    };
    let full = tr(lang, column.title_key());
    let title = format!("{}{arrow}", short.map_or(full, |key| tr(lang, key)));
    let button = egui::Button::new(RichText::new(title).strong()).frame(false);
    if ui
        .add(button)
        .on_hover_text(format!("{full} — {}", tr(lang, "portfolio.sort_hint")))
        .clicked()
    {
        *sort = Sort {
            column,
            descending: sort.column == column && !sort.descending,
        };
    }
}

/// The file column's text: the file's path, and for a project the dossier PDFs exported from it
/// that were found too (« aussi : … »).
fn file_text(entry: &Entry, lang: Lang) -> String {
    if entry.copies.is_empty() {
        return entry.relative.clone();
    }
    let copies: Vec<&str> = entry.copies.iter().map(|c| c.relative.as_str()).collect();
    let also = crate::i18n::tr_with(
        lang,
        "portfolio.also_dossier",
        &[("files", &copies.join(", "))],
    );
    format!("{} · {also}", entry.relative)
}

/// The texts of a row: the attention marker, then one per column of `Column::ALL`.
fn cells(entry: &Entry, lang: Lang, today: Date) -> Vec<String> {
    let modified = entry.modified.map_or_else(String::new, |m| {
        // Local time when the system says which it is (UTC otherwise).
        let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
        let t = time::OffsetDateTime::from(m).to_offset(offset);
        format!(
            "{} {:02}:{:02}",
            Date::from(t.date()).display(lang),
            t.hour(),
            t.minute()
        )
    });
    let Some(s) = entry.summary() else {
        let problem = entry
            .problem()
            .map(|p| crate::messages::portfolio_problem(p, lang))
            .unwrap_or_default();
        let mut row = vec![String::new(); 12];
        row[0] = tr(lang, "portfolio.unreadable").to_owned();
        row[2] = problem;
        row[10] = modified;
        row[11] = entry.relative.clone();
        return row;
    };
    let date = |d: Option<Date>| d.map_or_else(|| "—".to_owned(), |d| d.display(lang));
    let attention = match s.most_urgent(today).map(|d| d.urgency(today)) {
        Some(Urgency::Overdue) => tr(lang, "portfolio.urgency.overdue_short"),
        Some(Urgency::DueSoon) => tr(lang, "portfolio.urgency.due_soon_short"),
        _ => "",
    };
    let expiry = match (s.expires_on, s.days_left(today)) {
        (Some(d), Some(days)) => format!(
            "{} ({})",
            d.display(lang),
            crate::i18n::days_away(lang, days)
        ),
        _ => "—".to_owned(),
    };
    let status_text = s.status_text(|key| tr(lang, key).to_owned());
    let status = if s.version.is_empty() {
        status_text
    } else {
        format!("{} · {status_text}", s.version)
    };
    let files = file_text(entry, lang);
    vec![
        attention.to_owned(),
        s.organisation.clone(),
        s.title.clone(),
        status,
        tr(lang, &format!("verdict.{}", s.verdict.code())).to_owned(),
        format!("{} / {}", s.blocking, s.high),
        expiry,
        date(s.renewal_due_on),
        date(s.review_due_on),
        format!("{}\u{a0}%", s.completeness),
        modified,
        files,
    ]
}
