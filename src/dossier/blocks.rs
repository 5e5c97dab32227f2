//! The dossier's document model: what the dossier says, in order, already in one language, with
//! no positions. The `pdf` module lays it out and draws it; tests read it directly.

use crate::model::{Date, Lang};

/// The whole dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Dossier {
    /// Title, author, dates, markings.
    pub meta: Meta,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// The project file, attached to the PDF so the dossier re-opens in the app.
    pub source_attachment: Option<Attachment>,
}

/// A file attached to the PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    /// File name shown by PDF readers.
    pub file_name: String,
    /// Description shown by PDF readers beside the file name.
    pub description: String,
    /// The file's content, embedded as is.
    pub bytes: Vec<u8>,
}

/// Document-level data: PDF metadata, running header and footer, watermark.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Language of the dossier.
    pub lang: Lang,
    /// The document's title, in the PDF metadata and the running header: the assessment's title for
    /// the dossier, « document — assessment » for a derived document.
    pub title: String,
    /// The controller's name (`project.organisation`).
    pub organisation: String,
    /// Authors, for the PDF metadata.
    pub author: String,
    /// Subject, for the PDF metadata.
    pub subject: String,
    /// Keywords, for the PDF metadata.
    pub keywords: Vec<String>,
    /// Version label of the assessment.
    pub version: String,
    /// Date of the dossier.
    pub date: Date,
    /// Watermark text while the assessment is a draft or has a blocking finding.
    pub watermark: Option<String>,
    /// Text of the running footer before « page X / Y ».
    pub footer: String,
    /// The word for « page » and « of » in the footer: `page {n} / {total}`.
    pub page_label: String,
    /// A consultant's branding, when set (`None`: the documents look as always).
    pub branding: Option<Branding>,
}

impl Meta {
    /// The accent colour: the branding's, or the default.
    pub fn accent(&self) -> super::palette::Rgb {
        self.branding
            .as_ref()
            .and_then(|b| b.accent)
            .unwrap_or(super::palette::ACCENT)
    }

    /// The firm's name, when the branding gives one.
    pub fn firm_name(&self) -> Option<&str> {
        self.branding
            .as_ref()
            .map(|b| b.firm_name.trim())
            .filter(|n| !n.is_empty())
    }

    /// The running footer's text: the document's, then the branding's footer line.
    pub fn footer_text(&self) -> String {
        match self
            .branding
            .as_ref()
            .map(|b| b.footer_line.trim())
            .filter(|l| !l.is_empty())
        {
            Some(line) if self.footer.trim().is_empty() => line.to_owned(),
            Some(line) => format!("{} · {line}", self.footer),
            None => self.footer.clone(),
        }
    }

    /// The logo, when the branding has one.
    pub fn logo(&self) -> Option<&Logo> {
        self.branding.as_ref().and_then(|b| b.logo.as_ref())
    }
}

/// The firm's branding, resolved for one document: what the cover, the running header and
/// footer show, and the accent colour of headings and rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Branding {
    /// The firm's name (may be empty).
    pub firm_name: String,
    /// The line added at the foot of every page (may be empty).
    pub footer_line: String,
    /// Headings and rules in this colour instead of the default blue.
    pub accent: Option<super::palette::Rgb>,
    /// The logo, decoded.
    pub logo: Option<Logo>,
}

/// A logo ready for the documents (`branding::decode`).
#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    /// The picture, upright: the logo's own file when a document can carry it as it is.
    pub picture: Picture,
}

impl Logo {
    /// The size to draw it at, in points, inside a `max_w × max_h` box, keeping its proportions.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let picture = &self.picture;
        let (w, h) = (picture.width.max(1) as f32, picture.height.max(1) as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }
}

/// How a callout is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// A blocking finding.
    Blocking,
    /// A high finding.
    High,
    /// A medium finding.
    Medium,
    /// A finding for information, or a neutral notice.
    Info,
    /// Good news (nothing blocking).
    Good,
    /// The text of a sign for the public: dark on white, as it will be posted.
    Sign,
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Header text.
    pub title: String,
    /// Relative width.
    pub weight: f32,
    /// The language its cells are written in, when not the document's (the legal references'
    /// citations, in French whatever the document's language): a screen reader reads them so.
    pub lang: Option<crate::model::Lang>,
}

/// One risk placed on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskPoint {
    /// Short label (risk id).
    pub label: String,
    /// (severity, likelihood) before measures, 1-4 each.
    pub before: Option<(u8, u8)>,
    /// (severity, likelihood) after measures.
    pub after: Option<(u8, u8)>,
}

/// Texts of the risk map.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskMap {
    /// One point per risk, with its cells before and after measures.
    pub points: Vec<RiskPoint>,
    /// Vertical axis title (severity).
    pub severity_axis: String,
    /// Horizontal axis title (likelihood).
    pub likelihood_axis: String,
    /// Labels of levels 1-4.
    pub level_labels: [String; 4],
    /// Legend: before measures.
    pub before_label: String,
    /// Legend: after measures.
    pub after_label: String,
}

impl RiskMap {
    /// A cell in words: « Importante × Limitée » (severity × likelihood), `—` when not rated.
    pub fn cell_words(&self, cell: Option<(u8, u8)>) -> String {
        let level = |n: u8| {
            self.level_labels
                .get(usize::from(n).wrapping_sub(1))
                .cloned()
                .unwrap_or_else(|| n.to_string())
        };
        match cell {
            Some((severity, likelihood)) => format!("{} × {}", level(severity), level(likelihood)),
            None => "—".to_owned(),
        }
    }
}

/// A shape of a plan figure, in plan pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureShape {
    /// The outline.
    pub points: Vec<(f32, f32)>,
    /// Fill colour.
    pub fill: super::palette::Rgb,
    /// Outline colour.
    pub stroke: super::palette::Rgb,
    /// A name drawn at its centre (may be empty).
    pub label: String,
}

/// A picture ready for a page, in the form a PDF carries as it is: most often the user's own
/// file untouched (a JPEG, or a PNG's image data), else the picture decoded, scaled down and
/// encoded again (`picture::for_page` chooses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// How the picture stands upright: its EXIF orientation, 1 to 8 (1: as stored, the sides
    /// above are the stored picture's). A PDF turns it where it places it.
    pub orientation: u8,
    /// How a PDF holds it.
    pub stream: PictureStream,
    /// The same picture as a PNG or JPEG file (the user's own when carried as it is): what the
    /// word processors' drawing decodes, and what a JPEG stream is.
    pub file: Vec<u8>,
}

impl Picture {
    /// True when [`Picture::file`] is a JPEG file (else it is a PNG file).
    pub fn is_jpeg_file(&self) -> bool {
        self.file.starts_with(&[0xFF, 0xD8])
    }

    /// The file name extension of [`Picture::file`]: `jpeg` or `png`.
    pub fn extension(&self) -> &'static str {
        if self.is_jpeg_file() {
            "jpeg"
        } else {
            "png"
        }
    }

    /// The media type of [`Picture::file`].
    pub fn media_type(&self) -> &'static str {
        if self.is_jpeg_file() {
            "image/jpeg"
        } else {
            "image/png"
        }
    }
}

/// How a PDF holds a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureStream {
    /// The JPEG file itself (`DCTDecode`), of 1 (grey) or 3 (colour) components.
    Jpeg {
        /// Colour components.
        components: u8,
    },
    /// A PNG's image data, a zlib stream of filtered rows (`FlateDecode` with the PNG
    /// predictors).
    Png {
        /// The joined `IDAT` data.
        data: Vec<u8>,
        /// Bits per sample or palette index.
        bits: u8,
        /// What the samples are.
        colours: PictureColours,
    },
}

/// What a PNG stream's samples are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureColours {
    /// One grey sample a pixel.
    Grey,
    /// Red, green and blue samples.
    Rgb,
    /// An index into these RGB triples.
    Indexed(Vec<u8>),
}

/// What a plan is drawn on.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureBackground {
    /// A blank sheet.
    Blank,
    /// A background picture the document was given (see `dossier::attach_backgrounds`).
    Picture(std::sync::Arc<Picture>),
    /// A background the plan names but the document was not given (its file is missing or
    /// changed since it was attached): a blank sheet and this note.
    Missing(String),
}

/// A site plan drawn to scale: the sheet, the fields of view, the zones, the masks and the
/// cameras with their ids, then a legend.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFigure {
    /// The plan's id (`PLAN-1`), which the background pictures are given by.
    pub plan_id: String,
    /// What the plan is drawn on.
    pub background: FigureBackground,
    /// The sheet's width, in plan pixels.
    pub width: f32,
    /// The sheet's height, in plan pixels.
    pub height: f32,
    /// The part of the sheet drawn, `[x, y, width, height]` in plan pixels (a detail of a
    /// crowded plan); `None`: the whole sheet.
    pub view: Option<[f32; 4]>,
    /// Only the cameras in this part of the sheet (`[x, y, width, height]`, plan pixels) get
    /// their ids written — a detail's own; the others in view are dots. `None`: every camera.
    pub named: Option<[f32; 4]>,
    /// The cameras' fields of view (drawn first, pale).
    pub sectors: Vec<Vec<(f32, f32)>>,
    /// The zones.
    pub zones: Vec<FigureShape>,
    /// The privacy masks (drawn over the zones).
    pub masks: Vec<Vec<(f32, f32)>>,
    /// The cameras: position and id.
    pub cameras: Vec<(f32, f32, String)>,
    /// The legend: a colour and what it means.
    pub legend: Vec<(super::palette::Rgb, String)>,
    /// A scale bar: its length in plan pixels and what it measures (« 100 m »); `None`
    /// without a scale.
    pub scale_bar: Option<(f32, String)>,
    /// The line under the figure (scale, counts).
    pub caption: String,
    /// The note under it when the drawing could not name every camera, `{count}` standing
    /// for how many it did not (see [`PlanFigure::crowded_note`]).
    pub crowded: String,
    /// What the editable documents and the text form say in the figure's place (the drawing is
    /// in the PDF, the signed original).
    pub elsewhere: String,
    /// The plan in words, for who cannot see it: the perimeter, the cameras placed, the zones
    /// in view, the masks (the web page's and the documents' alternative text).
    pub alt: String,
}

impl PlanFigure {
    /// The note saying that `unlabelled` cameras carry no id on the drawing; `None` for none.
    pub fn crowded_note(&self, unlabelled: usize) -> Option<String> {
        (unlabelled > 0).then(|| self.crowded.replace("{count}", &unlabelled.to_string()))
    }
}

/// A signature line.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureLine {
    /// Role (and name, unless the public version hides it).
    pub who: String,
    /// Date or the « Date : » label.
    pub date: String,
    /// The label of the space to sign, « Signature ».
    pub sign_here: String,
}

/// The cover page.
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    /// Small line above the title (« Analyse d'impact relative à la protection des données »).
    pub kicker: String,
    /// The assessment's title (`project.title`).
    pub title: String,
    /// The controller's name (`project.organisation`).
    pub organisation: String,
    /// Label/value lines (DPO, authors, version, status, date).
    pub lines: Vec<(String, String)>,
    /// Confidentiality marking, or the public-version notice.
    pub marking: String,
}

/// A piece of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The cover page (always first, alone on its page).
    Cover(Cover),
    /// The table of contents: one line per chapter, page numbers filled by the layout.
    Toc {
        /// The heading of the contents page (« Sommaire », « Contents »).
        title: String,
    },
    /// A chapter (level 1, starts a page and gets a bookmark) or a section heading (2, 3).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading's words; a chapter's are also its bookmark and its contents entry.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph(String),
    /// Smaller, muted text (notes, sources).
    Note(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// Label/value pairs in two columns.
    KeyValues(Vec<(String, String)>),
    /// A table whose rows wrap and whose header repeats on each page.
    Table {
        /// Header texts and relative widths, left to right.
        columns: Vec<Column>,
        /// The body: each row holds one cell per column, in column order.
        rows: Vec<Vec<String>>,
    },
    /// A boxed, coloured message (findings, verdict).
    Callout {
        /// The colour scheme: a finding's severity, the verdict's, or a neutral notice.
        tone: Tone,
        /// Bold first line.
        title: String,
        /// The text under the bold first line.
        body: String,
        /// Small last line (sources).
        footer: String,
    },
    /// The CNIL 4×4 risk map, before and after measures.
    RiskMap(RiskMap),
    /// A site plan drawn to scale (on a page of its own in the PDF; the editable documents
    /// and the text form give its caption and the tables that follow it).
    Plan(PlanFigure),
    /// Signature boxes.
    Signatures(Vec<SignatureLine>),
    /// The next section wants a page of its own: the word processors start one; the PDF starts
    /// one only when the section's opening (down to its figure's least height) does not fit on
    /// the current page, so no page is left near-empty before it.
    PageBreak,
}

/// Rewrites every text a reader sees in headings, paragraphs, notes, lists, key-value pairs,
/// tables and callouts with `f` (the public version's last passes: ids, paths, names).
pub fn map_texts(blocks: &mut [Block], mut f: impl FnMut(&str) -> String) {
    for block in blocks.iter_mut() {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                *text = f(text);
            }
            Block::Bullets(items) => {
                for item in items {
                    *item = f(item);
                }
            }
            Block::KeyValues(pairs) => {
                for (key, value) in pairs {
                    *key = f(key);
                    *value = f(value);
                }
            }
            Block::Table { rows, .. } => {
                for cell in rows.iter_mut().flatten() {
                    *cell = f(cell);
                }
            }
            Block::Callout {
                title,
                body,
                footer,
                ..
            } => {
                *title = f(title);
                *body = f(body);
                *footer = f(footer);
            }
            _ => {}
        }
    }
}
