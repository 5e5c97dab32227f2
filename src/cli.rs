//! The command line: clap's flags parsed once into a validated [`Job`], then run. Exit codes
//! follow ripgrep: 0 success, 1 the check found something (later commands), 2 an error such as
//! a file that cannot be read.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

mod check;
mod contribute;
mod diff;
mod evaluated;
mod export;
mod import_cameras;
mod merge;
mod pia;
mod portfolio;
mod rules;

use crate::documents::DocumentKind;
use crate::i18n::{tr, tr_with, Lang};
use crate::messages;
use crate::model::{integrity, Date};
use crate::sample;
use crate::session::{Format, Start};

/// What `--version` prints: the program's version and the project-file format it reads and
/// writes (checked against `model::FORMAT_VERSION` by a test).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (project files: format 2; reads formats 1 and 2)"
);

/// Garde-fou — AIPD / DPIA for municipal video analytics. Run without a command to open the
/// app on its start screen.
#[derive(Debug, Parser)]
#[command(name = "gardefou", version = VERSION, about, long_about = None)]
pub struct Cli {
    /// Language of messages: fr or en (default: from LANG). / Langue des messages : fr ou en.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// What to do (default: open the app on its start screen, or on the last project when the
    /// user asked for it). / Que faire (par défaut : l'écran d'accueil de l'application).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Open a project file in the app (without one: the start screen, as the desktop menu
    /// does). / Ouvrir un fichier projet dans l'application.
    Open(OpenArgs),
    /// Open the app on a new, empty assessment. / Ouvrir l'application sur une analyse vierge.
    New,
    /// Open the app on the bundled fictional example (a commune, 124 cameras). / Ouvrir
    /// l'application sur l'exemple fictif fourni.
    Example,
    /// Check that a project file loads; exit 0 if it does, 2 with path:line:column if not.
    /// / Vérifier qu'un fichier projet se charge ; code 0 s'il se charge, 2 sinon.
    Validate(ValidateArgs),
    /// Screen a project file and list its legal findings; exit 0 when none is blocking, 1 when
    /// one is, 2 when the file cannot be read.
    /// / Analyser un fichier projet ; code 0 sans constat bloquant, 1 avec, 2 si illisible.
    Check(CheckArgs),
    /// Export the dossier (or its public version) of a project file, or with --document one of
    /// the documents derived from it, as PDF, OpenDocument, Word, plain text or one accessible,
    /// self-contained web page (.html: no script, no external resource — the public notice to
    /// publish). / Exporter le dossier (ou sa version publique), ou avec --document un des
    /// documents qui en découlent, en PDF, OpenDocument, Word, texte brut ou page web accessible.
    Export(ExportArgs),
    /// Import a CNIL PIA export (JSON) into a project file; warnings list what could not be
    /// mapped cleanly. / Importer un export JSON du logiciel PIA de la CNIL.
    ImportPia(ImportPiaArgs),
    /// Import a camera inventory from a CSV or GeoJSON file (a GIS or open-data export) into a
    /// project file (--into) or a new one (-o), with the app's reader: columns guessed from the
    /// header — a GeoJSON file's properties, its points as longitude and latitude — (--map
    /// COLUMN=FIELD to choose; fields: id, location, perimeter, kind, analytics, purposes,
    /// dwellings, masking, notes, operator, commissioned, setting, x, y, latitude, longitude,
    /// x_l93, y_l93, direction, angle, range), positions kept on the cameras (longitude / latitude or
    /// Lambert-93) and placed on the perimeters' plans, each refused row named with its line
    /// (its feature for GeoJSON). The ready cameras are imported; exit 0, 1 when rows were
    /// refused, 2 when the file or the project cannot be read or written. --json prints one
    /// object: {"file", "project", "imported", "placed", "plans_added", "ignored_columns",
    /// "unlocated", "refused": [{"line" (CSV) or "feature" (GeoJSON), "message"}]}. / Importer
    /// un inventaire de caméras (CSV ou GeoJSON) dans un fichier projet ; code 1 si des lignes
    /// sont refusées, 2 si illisible.
    ImportCameras(ImportCamerasArgs),
    /// Export a project as a CNIL PIA file the CNIL tool can import.
    /// / Exporter un projet au format du logiciel PIA de la CNIL.
    ExportPia(ExportPiaArgs),
    /// What changed: between two versions of one project file (default: from the last validated
    /// version to the current content), or between two files. Answers by path, cameras added,
    /// removed and changed (each answer with who last changed it and when, as the saves
    /// recorded it), findings that appeared or disappeared; --json prints one object:
    /// {"from", "to", "changes": [{"path", "old", "new", "by", "on"}], "cameras": {"added", "removed",
    /// "changed": [{"id", "fields"}]}, "findings": {"appeared", "disappeared": [{"id",
    /// "severity", "title"}]}}. / Ce qui a changé entre deux versions ou deux fichiers.
    Diff(DiffArgs),
    /// Every assessment below a folder (project files, dossier PDFs carrying their project,
    /// CNIL PIA exports): organisation, title, status, verdict, blocking and high findings,
    /// authorisation end, renewal filing, next review, completeness; a dossier PDF found beside
    /// the project it was exported from is listed in that project's row, not as an assessment
    /// of its own. Exit 0, 1 when an assessment has a blocking finding, 2 when the folder
    /// cannot be read. Files that cannot be read are listed with their error; nothing is
    /// written into the folder. --json prints one object: {"folder", "today", "assessments":
    /// [{"path", "kind", "modified", "organisation", "title", "version", "status",
    /// "modified_since_validation", "verdict", "blocking", "high", "completeness", "cameras",
    /// "authorisation_expires_on", "authorisation_days_left", "renewal_filing_due_on",
    /// "review_due_on", "urgency", "deadlines": [{"kind", "date", "days_left", "urgency",
    /// "measure_id", "label"}], "findings": [{"id", "severity", "title"}], "copies": [{"path",
    /// "kind", "modified", "version"}]}], "unreadable": [{"path", "error"}], "ignored",
    /// "summary": {"assessments", "with_blocking", "overdue", "due_soon", "unreadable"}}. / Toutes les analyses d'un
    /// dossier : échéances et constats ; code 1 si l'une a un constat bloquant, 2 si le dossier
    /// est illisible.
    Portfolio(PortfolioArgs),
    /// Merge two copies of a project edited apart, by meaning (answers by field, cameras,
    /// risks, measures and the other records by id, lists of words and comments as sets):
    /// MINE THEIRS (their common ancestor is the newest validated version both hold; without
    /// one, every difference is a conflict) or BASE MINE THEIRS. Changes made on one side are
    /// taken; a field changed on both sides is a conflict: listed, and nothing is written
    /// (exit 1) unless --prefer mine|theirs settles them all. The copies merged are never
    /// written; -o is saved like any project (.bak kept). Exit 0 written, 1 conflicts left,
    /// 2 when a copy cannot be read or -o is one of the copies. --json prints one object:
    /// {"mine", "theirs", "base": {"file"} | {"version"} | {"contribution": {"contributor",
    /// "parts", "asked_by", "asked_on"}} | null, "output", "from_mine", "from_theirs",
    /// "conflicts": [{"path", "base", "mine", "theirs", "chosen"}], "protected", "written"}.
    /// A copy written by `contribute` merges against the assessment as sent, its changes taken
    /// in the parts asked only: what it changed elsewhere is left as mine and listed in
    /// "protected". / Fusionner deux copies d'un projet modifiées séparément ; code 1 s'il reste
    /// des conflits (rien n'est écrit), 2 si une copie est illisible.
    Merge(MergeArgs),
    /// Write a copy of a project for a contributor (--to NAME) with the parts they are asked
    /// to fill (--parts, among project, screening, processing, system, inventory,
    /// capabilities, evidence, necessity, risks, measures, opinions); Garde-fou opens it
    /// showing those parts only, and `merge PROJECT COPY` takes its changes in them only. With
    /// --questionnaire FILE (.odt, .docx or .pdf), the same parts as a document to read for a
    /// contributor without Garde-fou (the answers are typed back by the author). The project is
    /// only read. Exit 0 written, 2 otherwise. / Écrire une copie pour un contributeur, avec les
    /// parties qu'il doit remplir ; avec --questionnaire, un questionnaire à lire.
    Contribute(ContributeArgs),
    /// Write the bundled sample assessment (and its evidence documents beside it); with
    /// --portfolio, a folder of twelve fictional communes' assessments to try `portfolio` on.
    /// / Écrire l'exemple fourni (et ses pièces justificatives à côté) ; avec --portfolio, un
    /// dossier de douze analyses de communes fictives.
    Sample(SampleArgs),
    /// Print the shell completion script for bash, zsh or fish.
    /// / Afficher le script de complétion pour bash, zsh ou fish.
    Completions(CompletionsArgs),
    /// The rule book: every rule the engine runs, with what triggers it, its severity, the text
    /// shown, its sources with their verification tags and review dates, and the tests that hold
    /// it — Markdown on standard output, or -o rules.md|.html|.pdf|.txt (--lang picks the
    /// language). / Le livre des règles du moteur.
    Rules(RulesArgs),
    /// Print the manual page (roff, for `man`). / Afficher la page de manuel.
    Man,
}

/// The arguments of `Open`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct OpenArgs {
    /// The project file (.aipd.ron), a dossier PDF or a CNIL PIA export.
    /// / Le fichier projet (.aipd.ron), un dossier PDF ou un export PIA.
    pub file: Option<PathBuf>,
}

/// The arguments of `Validate`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct ValidateArgs {
    /// The project file. / Le fichier projet.
    pub file: PathBuf,
}

/// The arguments of `Check`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct CheckArgs {
    /// The project file. / Le fichier projet.
    pub file: PathBuf,
    /// Print one JSON object: verdict (required, recommended, not_required or
    /// undetermined), art90_required, art90_purposes (each Police-Justice purpose judged on
    /// the cameras serving it: purpose, verdict, reason), criteria, findings, completeness,
    /// risks. / Sortie JSON.
    #[arg(long)]
    pub json: bool,
    /// The date to check against, YYYY-MM-DD (default: today). / Date de référence.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
}

/// The arguments of `Export`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct ExportArgs {
    /// The project file, or a dossier PDF. / Le fichier projet, ou un dossier PDF.
    pub file: PathBuf,
    /// The file to write; its extension chooses the format: .pdf (the signed original, the
    /// full dossier carries the project), .odt (OpenDocument), .docx (Word), .txt (plain
    /// text); any other is a PDF. / Le fichier à écrire ; son extension choisit le format :
    /// .pdf (l'original signé), .odt (OpenDocument), .docx (Word), .txt (texte brut).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Force the format whatever the extension: pdf, odt, docx, txt or html.
    /// / Imposer le format quelle que soit l'extension : pdf, odt, docx, txt ou html.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// Export without the branding's logo when it cannot be used (too large, damaged, not
    /// PNG or JPEG). / Exporter sans le logo de l'habillage s'il est inutilisable.
    #[arg(long)]
    pub no_logo: bool,
    /// Read the project's logo even when it lies outside the project's folder and was not
    /// allowed in the app (a received project cannot otherwise embed a file of this disk).
    /// / Lire le logo du projet même hors du dossier du projet sans autorisation donnée dans
    /// l'application.
    #[arg(long)]
    pub allow_outside: bool,
    /// The public version: confidential fields left out, no attached project.
    /// / Version publique : champs confidentiels omis, projet non joint.
    #[arg(long, conflicts_with = "document")]
    pub public: bool,
    /// A derived document instead of the dossier: register (record of processing, GDPR
    /// art. 30 / LIL art. 100), notice (public information, signs and full notice),
    /// consultation (prior-consultation letter to the CNIL, only when a residual risk is
    /// high), fria (AI Act art. 27 fundamental-rights impact assessment, whatever the
    /// engine says of art. 27), authorisation (the request to the prefect — new system,
    /// modification or renewal: entry sheet for the online procedure and the CSI R.252-3
    /// attachments, always in French; with -o FILE.csv, the entry sheet alone as CSV),
    /// questionnaire (of a copy written by `contribute` only: its parts to read).
    /// / Un document dérivé : register (registre), notice (information du public),
    /// consultation (lettre de consultation préalable de la CNIL), fria (analyse d'impact sur
    /// les droits fondamentaux, AI Act art. 27), authorisation (demande d'autorisation
    /// préfectorale ; -o FICHIER.csv : la fiche de saisie seule), questionnaire (d'une copie
    /// de contribution).
    #[arg(long, value_parser = parse_document)]
    pub document: Option<DocumentKind>,
    /// The dossier's date, YYYY-MM-DD (default: today). / Date du dossier.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
}

/// The arguments of `ImportPia`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct ImportPiaArgs {
    /// The PIA export. / L'export PIA.
    pub input: PathBuf,
    /// The project file to write. / Le fichier projet à écrire.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

/// The arguments of `ImportCameras`.
#[derive(Debug, PartialEq, clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["into", "output"])))]
pub struct ImportCamerasArgs {
    /// The camera CSV or GeoJSON file. / Le fichier CSV ou GeoJSON des caméras.
    pub input: PathBuf,
    /// The project file to add the cameras to (saved in place, its previous version kept as
    /// .bak). / Le fichier projet où ajouter les caméras.
    #[arg(long = "into")]
    pub into: Option<PathBuf>,
    /// A new project file holding only the imported cameras (refused if the file exists).
    /// / Un nouveau fichier projet.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// A column and the field it fills, as COLUMN=FIELD (repeatable), over the guess.
    /// / Une colonne et le champ qu'elle remplit.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Rows of cameras already in the project update them (the columns the file fills; the
    /// others are kept) instead of being refused. / Les lignes des caméras déjà présentes les
    /// mettent à jour au lieu d'être refusées.
    #[arg(long)]
    pub update: bool,
    /// Print the report as JSON. / Le compte rendu en JSON.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `ExportPia`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct ExportPiaArgs {
    /// The project file. / Le fichier projet.
    pub input: PathBuf,
    /// The JSON file to write. / Le fichier JSON à écrire.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

/// The arguments of `Diff`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct DiffArgs {
    /// One project file, or two files to compare. / Un fichier projet, ou deux.
    #[arg(num_args = 1..=2, required = true)]
    pub files: Vec<PathBuf>,
    /// The older version's number (default: the last validated one). / Version de départ.
    #[arg(long)]
    pub from: Option<String>,
    /// The newer version's number, or `current` (default). / Version d'arrivée.
    #[arg(long)]
    pub to: Option<String>,
    /// Print one JSON object. / Sortie JSON.
    #[arg(long)]
    pub json: bool,
    /// The date findings are evaluated at, YYYY-MM-DD (default: today). / Date de référence.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
}

/// The arguments of `Contribute`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct ContributeArgs {
    /// The project file. / Le fichier projet.
    pub file: PathBuf,
    /// Who is asked. / Le contributeur.
    #[arg(long)]
    pub to: String,
    /// The parts to fill, comma-separated. / Les parties à remplir.
    #[arg(long, required = true, num_args = 1.., value_delimiter = ',')]
    pub parts: Vec<String>,
    /// Who asks (default: nobody named). / Qui demande.
    #[arg(long, default_value = "")]
    pub by: String,
    /// A message to the contributor. / Un message.
    #[arg(long, default_value = "")]
    pub message: String,
    /// Where to write the copy. / Où écrire la copie.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Also write the questionnaire (.odt, .docx or .pdf). / Écrire aussi le questionnaire.
    #[arg(long, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,
}

/// The arguments of `Merge`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct MergeArgs {
    /// MINE THEIRS, or BASE MINE THEIRS. / MIENNE AUTRE, ou BASE MIENNE AUTRE.
    #[arg(num_args = 2..=3, required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write the merged copy. / Où écrire la copie fusionnée.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Settle every conflict from this side: mine or theirs. / Régler les conflits : mine ou
    /// theirs.
    #[arg(long, value_parser = parse_side)]
    pub prefer: Option<crate::model::merge::Side>,
    /// Print one JSON object. / Sortie JSON.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `Portfolio`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct PortfolioArgs {
    /// The folder to scan (sub-folders included). / Le dossier à parcourir.
    pub folder: PathBuf,
    /// Print one JSON object. / Sortie JSON.
    #[arg(long)]
    pub json: bool,
    /// Also write the table as CSV. / Écrire aussi le tableau en CSV.
    #[arg(long, value_name = "OUT.csv")]
    pub csv: Option<PathBuf>,
    /// Also write the PDF report: the table, a twelve-month calendar of the deadlines, the
    /// blocking and high findings. / Écrire aussi le rapport PDF.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
    pub output: Option<PathBuf>,
    /// Also write the deadlines as an iCalendar file (Outlook, Thunderbird, phones); each
    /// event keeps its UID from one file to the next, so importing again updates it.
    /// / Écrire aussi les échéances au format iCalendar.
    #[arg(long, value_name = "OUT.ics")]
    pub ics: Option<PathBuf>,
    /// The date to evaluate against, YYYY-MM-DD (default: today). / Date de référence.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
}

/// The arguments of `Sample`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct SampleArgs {
    /// Where to write it (the folder, with --portfolio). / Où l'écrire.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Write a demonstration portfolio into the folder OUTPUT. / Écrire un portefeuille
    /// de démonstration dans le dossier OUTPUT.
    #[arg(long)]
    pub portfolio: bool,
    /// Write a fictional city's open-data camera inventory of N cameras as CSV (the Paris
    /// bulletin's columns, coordinates included) to try `import-cameras` on; never over an
    /// existing file. / Écrire l'inventaire ouvert d'une ville fictive de N caméras (CSV).
    #[arg(long, value_name = "N", conflicts_with = "portfolio")]
    pub city: Option<usize>,
    /// With --city: how many postal codes (perimeters) the cameras spread over (default 20).
    /// / Avec --city : sur combien de codes postaux.
    #[arg(long, value_name = "P", requires = "city", default_value_t = 20)]
    pub perimeters: usize,
}

/// The arguments of `Completions`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct CompletionsArgs {
    /// The shell. / Le shell.
    pub shell: clap_complete::Shell,
}

/// The arguments of `Rules`.
#[derive(Debug, PartialEq, clap::Args)]
pub struct RulesArgs {
    /// Where to write it; its extension chooses the format. / Où l'écrire.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

/// The manual page: the program's sections, then each command's synopsis, description and
/// options, all in one page (`man gardefou`).
fn man_page(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("gardefou {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let page = clap_mangen::Man::new(sub.clone().bin_name(name));
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        // Each command's parts become subsections of its section.
        out.write_all(
            &String::from_utf8_lossy(&section)
                .replace(".SH ", ".SS ")
                .into_bytes(),
        )?;
    }
    man.render_version_section(out)
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
        .map_err(|e: crate::model::date::DateParseError| e.to_string())
}

fn parse_side(text: &str) -> Result<crate::model::merge::Side, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "mine" => Ok(crate::model::merge::Side::Mine),
        "theirs" => Ok(crate::model::merge::Side::Theirs),
        other => Err(format!("« {other} »: mine or theirs")),
    }
}

fn parse_document(text: &str) -> Result<DocumentKind, String> {
    DocumentKind::from_code(text).ok_or_else(|| {
        format!("« {text} »: expected register, notice, consultation, fria, authorisation or questionnaire / attendu register, notice, consultation, fria, authorisation ou questionnaire")
    })
}

fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        format!("« {text} »: expected pdf, odt, docx, txt or html / attendu pdf, odt, docx, txt ou html")
    })
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("« {text} »: expected fr or en / attendu fr ou en"))
}

/// What the command line asks for: the app, on a start, or a command to run.
#[derive(Debug, PartialEq)]
pub enum Job {
    /// Open the app.
    Gui(Start),
    /// Run a command (not the app's).
    Run(Command),
}

impl Cli {
    /// The job this command line asks for.
    pub fn job(self) -> Job {
        match self.command {
            None | Some(Command::Open(OpenArgs { file: None })) => Job::Gui(Start::StartScreen),
            Some(Command::Open(OpenArgs { file: Some(file) })) => Job::Gui(Start::File(file)),
            Some(Command::New) => Job::Gui(Start::New),
            Some(Command::Example) => Job::Gui(Start::Example),
            Some(command) => Job::Run(command),
        }
    }
}

/// Runs a command (not the app's) and returns the process exit code; `dossier_lang` is the
/// language asked with `--lang`, which an export writes the dossier in.
pub fn run(command: Command, lang: Lang, dossier_lang: Option<Lang>) -> u8 {
    match command {
        Command::Open(_) | Command::New | Command::Example => 2,
        Command::Validate(ValidateArgs { file }) => validate(&file, lang),
        Command::Check(CheckArgs { file, json, today }) => {
            check::run(&file, json, today.unwrap_or_else(today_local), lang)
        }
        Command::Export(args) => export::run(
            &export::Request {
                file: &args.file,
                output: &args.output,
                format: args.format,
                without_logo: args.no_logo,
                allow_outside: args.allow_outside,
                is_public: args.public,
                today: args.today.unwrap_or_else(today_local),
                dossier_lang,
                document: args.document,
            },
            lang,
        ),
        Command::ImportPia(ImportPiaArgs { input, output }) => pia::import(&input, &output, lang),
        Command::ImportCameras(args) => import_cameras::run(&args, lang),
        Command::ExportPia(ExportPiaArgs { input, output }) => {
            pia::export(&input, &output, today_local(), lang)
        }
        Command::Portfolio(args) => portfolio::run(
            &portfolio::Request {
                folder: &args.folder,
                as_json: args.json,
                csv: args.csv.as_deref(),
                report: args.output.as_deref(),
                ics: args.ics.as_deref(),
                today: args.today.unwrap_or_else(today_local),
                is_today_given: args.today.is_some(),
            },
            lang,
        ),
        Command::Sample(SampleArgs {
            output,
            city: Some(cameras),
            perimeters,
            ..
        }) => write_city(&output, cameras, perimeters, lang),
        Command::Sample(SampleArgs {
            output,
            portfolio: false,
            ..
        }) => write_sample(&output, lang),
        Command::Sample(SampleArgs {
            output,
            portfolio: true,
            ..
        }) => write_portfolio(&output, lang),
        Command::Completions(CompletionsArgs { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "gardefou", &mut std::io::stdout());
            0
        }
        Command::Rules(RulesArgs { output }) => rules::run(output.as_deref(), lang),
        Command::Man => match man_page(&mut std::io::stdout()) {
            Ok(()) => 0,
            Err(error) => {
                eprintln!("gardefou: {error}");
                2
            }
        },
        Command::Contribute(args) => contribute::run(
            &contribute::Request {
                file: &args.file,
                to: &args.to,
                parts: &args.parts,
                by: &args.by,
                message: &args.message,
                output: &args.output,
                questionnaire: args.questionnaire.as_deref(),
                today: today_local(),
            },
            lang,
        ),
        Command::Merge(args) => merge::run(
            &merge::Request {
                files: &args.files,
                output: &args.output,
                prefer: args.prefer,
                as_json: args.json,
            },
            lang,
        ),
        Command::Diff(args) => diff::run(
            &diff::Request {
                files: &args.files,
                from: args.from.as_deref(),
                to: args.to.as_deref(),
                as_json: args.json,
                today: args.today.unwrap_or_else(today_local),
            },
            lang,
        ),
    }
}

/// Today's date on this machine (local time, UTC if the offset is unknown).
pub fn today_local() -> Date {
    crate::session::today_local()
}

fn validate(file: &Path, lang: Lang) -> u8 {
    let Some(kb) = evaluated::knowledge_base() else {
        return 2;
    };
    let assessment = match crate::session::read(file, &kb) {
        Ok(read) => read.assessment,
        Err(error) => {
            eprintln!("{}", messages::open_error(&error, lang));
            return 2;
        }
    };
    let path = file.display().to_string();
    println!(
        "{}",
        crate::i18n::tr_count(
            lang,
            "cli.validate.ok",
            assessment.cameras.len(),
            &[("path", &path)]
        )
    );
    for problem in integrity::problems(&assessment) {
        eprintln!(
            "{path}: {}: {}",
            tr(lang, "cli.warning"),
            messages::problem(&problem, lang)
        );
    }
    0
}

/// Writes the demonstration portfolio: twelve fictional communes, 20 to 273 cameras, and the
/// sample's evidence documents they share.
fn write_portfolio(folder: &Path, lang: Lang) -> u8 {
    let Some(kb) = evaluated::knowledge_base() else {
        return 2;
    };
    if let Err(error) = std::fs::create_dir_all(folder) {
        eprintln!("{}: {error}", folder.display());
        return 2;
    }
    for index in 0..12 {
        let assessment = match sample::portfolio_member(index, 20 + index * 23) {
            Ok(assessment) => assessment,
            Err(error) => {
                eprintln!("{}", messages::load_error(&error, lang));
                return 2;
            }
        };
        let slug: String = assessment
            .project
            .organisation
            .trim_start_matches("Commune de ")
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                'à' | 'â' => 'a',
                c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
                _ => '-',
            })
            .collect();
        let path = folder.join(format!("{:02}-{slug}.aipd.ron", index + 1));
        let mut session = crate::session::Session::new(
            assessment,
            None,
            std::sync::Arc::clone(&kb),
            today_local(),
        );
        if let Err(error) = session.save_as(&path) {
            eprintln!("{}", messages::save_failure(&error, lang));
            return 2;
        }
    }
    if write_evidence(folder).is_none() {
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.sample.portfolio_ok",
            &[("path", &folder.display().to_string()), ("count", "12")]
        )
    );
    0
}

/// Writes the sample's evidence documents under `folder`, leaving those already there; the
/// number written, or `None` after printing why one could not be.
fn write_evidence(folder: &Path) -> Option<usize> {
    let mut written = 0;
    for (relative, bytes) in sample::EVIDENCE_FILES {
        let target = folder.join(relative);
        if target.exists() {
            continue;
        }
        let result = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::session::write_atomic(&target, bytes));
        if let Err(error) = result {
            eprintln!("{}: {error}", target.display());
            return None;
        }
        written += 1;
    }
    Some(written)
}

/// Writes a fictional city's open-data inventory (`sample::city_csv`) to `output`, never over
/// an existing file.
fn write_city(output: &Path, cameras: usize, perimeters: usize, lang: Lang) -> u8 {
    if output.exists() {
        eprintln!(
            "{}",
            tr_with(
                lang,
                "cli.sample.exists",
                &[("path", &output.display().to_string())]
            )
        );
        return 2;
    }
    // As many rows as an import reads.
    let cameras = cameras.min(100_000);
    let text = sample::city_csv(cameras, perimeters.clamp(1, 99));
    if let Err(error) = crate::session::write_atomic(output, text.as_bytes()) {
        eprintln!("{}: {error}", output.display());
        return 2;
    }
    println!(
        "{}",
        tr_with(
            lang,
            "cli.sample.city",
            &[
                ("path", &output.display().to_string()),
                ("count", &cameras.to_string()),
            ]
        )
    );
    0
}

fn write_sample(output: &Path, lang: Lang) -> u8 {
    let assessment = match sample::sample() {
        Ok(assessment) => assessment,
        Err(error) => {
            eprintln!("{}", messages::load_error(&error, lang));
            return 2;
        }
    };
    let Some(kb) = evaluated::knowledge_base() else {
        return 2;
    };
    let mut session = crate::session::Session::new(assessment, None, kb, today_local());
    if let Err(error) = session.save_as(output) {
        eprintln!("{}", messages::save_failure(&error, lang));
        return 2;
    }
    let folder = output.parent().unwrap_or(Path::new(""));
    let Some(written) = write_evidence(folder) else {
        return 2;
    };
    println!(
        "{}",
        tr_with(
            lang,
            "cli.sample.ok",
            &[
                ("path", &output.display().to_string()),
                ("documents", &written.to_string())
            ]
        )
    );
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_command_opens_the_start_screen_new_and_example_say_what_they_open() {
        let cli = Cli::parse_from(["gardefou"]);
        let start = Job::Gui;
        assert_eq!(cli.job(), start(Start::StartScreen));
        let cli = Cli::parse_from(["gardefou", "new"]);
        assert_eq!(cli.job(), start(Start::New));
        let cli = Cli::parse_from(["gardefou", "example"]);
        assert_eq!(cli.job(), start(Start::Example));
    }

    #[test]
    fn open_takes_a_file() {
        let cli = Cli::parse_from(["gardefou", "open", "x.aipd.ron"]);
        assert_eq!(
            cli.job(),
            Job::Gui(Start::File(PathBuf::from("x.aipd.ron")))
        );
    }

    #[test]
    fn refuses_an_unknown_language() {
        assert!(Cli::try_parse_from(["gardefou", "--lang", "de", "validate", "x"]).is_err());
    }
}
